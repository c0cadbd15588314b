import type { GoalLevel } from '../domain';
import { GOAL_LEVELS } from '../domain';
import { statusInForce } from '../methodology/statusInForce';
import { formatDanishDate } from '../numbers/danishDate';
import { measureLabels } from './measureText';
import { ReportSections, figureText, numberChapters } from './build';
import type { Block, Cell, Chapter, ProjectStatusInput, Report, TableColumn } from './model';
import { goalApprovalNotes, goalProvenanceNotes } from './notes';

/**
 * The written project status of a project without an evaluation round (issue 14: the demo's
 * seeds 000 and 002 are project summaries, not evaluations). The same chapters as a round
 * report where no round is needed (facts, shares/comparisons/business case, sources), and the
 * goals with their latest reported status. Nothing a round decides is made up: no scores, no
 * attainment percent, no traffic lights.
 */

class ProjectStatusBuilder extends ReportSections<ProjectStatusInput> {
  constructor(input: ProjectStatusInput) {
    // Not a draft of anything: empty texts are left out, not marked as missing.
    super(input, false);
  }

  get P() {
    return this.L.projectStatus;
  }

  period(): string {
    const p = this.input.project.project;
    return p.periodStart || p.periodEnd ? `${p.periodStart ? formatDanishDate(p.periodStart) : '–'} – ${p.periodEnd ? formatDanishDate(p.periodEnd) : '–'}` : '';
  }

  titlePage(): Report['titlePage'] {
    const p = this.input.project.project;
    const rows = [
      { label: this.L.titleRows.grantRecipient, value: p.grantRecipient },
      { label: this.P.period, value: this.period() },
      { label: this.P.madeOn, value: formatDanishDate(this.input.madeOn) },
    ].filter((r) => r.value.trim() !== '');
    return { kicker: this.P.kind, title: p.name, subtitle: this.P.subtitle, rows };
  }

  factsChapter(): Chapter {
    const facts = this.facts();
    return { ...facts, blocks: [{ kind: 'paragraph', role: 'lead', text: this.P.noRound }, ...facts.blocks] };
  }

  levelTable(level: GoalLevel): Block[] {
    const P = this.P;
    const goals = this.goalsOf(level);
    const statuses = goals.map((g) => statusInForce(this.input.project.statusReports, g.id, null));
    const columns: TableColumn[] = [
      { title: this.L.level[level], align: 'left', weight: level === 'C' ? 4 : 5 },
      { title: P.target, align: 'right', weight: 1.6 },
      ...(level === 'C' ? [{ title: P.targetAfter, align: 'right' as const, weight: 1.6 }] : []),
      { title: P.status, align: 'right', weight: 1.6 },
      { title: P.reportedAt, align: 'right', weight: 1.5 },
    ];
    const rows: Cell[][] = goals.map((goal, i) => {
      const s = statuses[i];
      const value = s?.value ?? null;
      // A share's status is its count of its denominator ("30 af 124"); the share itself is in the measures chapter.
      const statusText = value !== null && s?.denominator != null ? P.share(figureText(value), figureText(s.denominator)) : figureText(value);
      return [
        { kind: 'text', text: `${goal.code}: ${goal.description}` },
        { kind: 'number', value: goal.targetInPeriod, text: figureText(goal.targetInPeriod) },
        ...(level === 'C' ? [{ kind: 'number' as const, value: goal.targetAfterPeriod, text: figureText(goal.targetAfterPeriod) }] : []),
        { kind: 'number', value, text: statusText },
        { kind: 'text', text: s ? formatDanishDate(s.reportedAt) : '–' },
      ];
    });
    const blocks: Block[] = [
      { kind: 'heading', level: 2, text: this.L.level[level] },
      { kind: 'table', id: `projectGoals.${level}`, caption: P.caption(this.L.level[level]), columns, rows, footer: [] },
    ];
    for (const note of goalProvenanceNotes(goals, statuses, this.lang)) blocks.push({ kind: 'note', tone: 'note', text: note });
    for (const note of goalApprovalNotes(goals, statuses, this.lang)) blocks.push({ kind: 'note', tone: 'warning', text: note });
    return blocks;
  }

  goalsChapter(): Chapter {
    const levels = GOAL_LEVELS.filter((l) => this.goalsOf(l).length > 0);
    const blocks: Block[] = [{ kind: 'paragraph', text: this.P.goalsIntro, role: 'intro' }];
    if (levels.length === 0) blocks.push({ kind: 'paragraph', text: this.P.noGoals });
    for (const level of levels) blocks.push(...this.levelTable(level));
    return { id: 'projectGoals', number: '', title: this.P.goalsChapter, blocks };
  }

  measuresChapter(): Chapter | null {
    const blocks = this.measures(true);
    return blocks.length ? { id: 'measures', number: '', title: measureLabels(this.lang).heading, blocks } : null;
  }

  build(): Report {
    const chapters = [this.factsChapter(), this.goalsChapter(), this.measuresChapter(), this.sourceList()].filter((c): c is Chapter => c !== null);
    numberChapters(chapters, this.L);
    const p = this.input.project.project;
    return {
      lang: this.lang,
      meta: { title: `${this.P.kind}: ${p.name}`, subject: this.P.metaSubject, author: p.grantRecipient, keywords: `Trafiklys, ${this.P.kind}` },
      marker: { state: 'status', text: this.P.marker },
      running: `${p.name} · ${this.P.kind}`,
      titlePage: this.titlePage(),
      chapters,
    };
  }
}

/** Builds the project status of a project without an evaluation round. */
export function buildProjectStatusReport(input: ProjectStatusInput): Report {
  if (input.project.evaluations.length > 0)
    throw new Error(`Projektet ${input.project.project.name} har en evalueringsrunde: lav rundens evalueringsrapport.`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.madeOn)) throw new Error(`Ugyldig dato for projektstatus: "${input.madeOn}" (forventet ÅÅÅÅ-MM-DD).`);
  return new ProjectStatusBuilder(input).build();
}
