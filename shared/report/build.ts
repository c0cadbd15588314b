import { danishDateOf } from '../numbers/danishDate';
import { profileVersionLabel } from '../methodology/profileVersion';
import { SOURCE_LIST_LABELS, sourceListRows } from '../sources/list';
import type { EffectChainColumn, Goal, GoalLevel, Light, LightKind, StatusReport } from '../domain';
import { EFFECT_CHAIN_COLUMNS, IMPLEMENTATION_PARAMETERS, LIGHT_KINDS } from '../domain';
import {
  EFFECT_LIGHT_MEANINGS,
  GOAL_BAND_MEANINGS,
  PARAMETER_NAMES,
  SCORE_MEANINGS,
  formatGoalBandRange,
  formatImplementationBandRange,
  goalBandRows,
  implementationBandRows,
  type ScoreValue,
} from '../methodology/legend';
import { roundHalfUp } from '../methodology/rounding';
import { statusInForce } from '../methodology/statusInForce';
import { formatSurveyIndicator } from '../methodology/survey';
import type { GoalResult, LevelResult, Warning } from '../methodology/types';
import { formatDanishKr, formatDanishNumber, formatDanishPercent, shownDecimals } from '../numbers/danish';
import { formatDanishDate } from '../numbers/danishDate';
import { reportLabels, type ReportLabels } from './labels';
import type { Block, Cell, Chapter, ChapterId, LightBox, Paragraph, Report, ReportInput, TableColumn } from './model';
import { goalApprovalNotes, goalProvenanceNotes, progressApprovalNote, progressProvenanceNote, warningPlace, warningText } from './notes';
import {
  BUSINESS_CASE_INPUT_KEYS,
  BUSINESS_CASE_RESULT_KEYS,
  BUSINESS_CASE_SOURCE_FIELD,
  businessCaseFormula,
  businessCaseInputLabel,
  businessCaseInputText,
  businessCaseRemark,
  businessCaseResultText,
  comparisonStatement,
  measureLabels,
  shareStatement,
} from './measureText';

/**
 * Builds the written report of one evaluation round in the order and with the content of seed
 * 003. Figures are the engine's (`EvaluationSummary`), formatted here once; the renderers only
 * lay the blocks out.
 */

const GOAL_WARNINGS = new Set(['noTarget', 'notReported', 'missingValue', 'noBaseline', 'printedPercentDiffers']);

/** A reported figure as printed: thousands grouped, its own decimals (up to four). */
export function figureText(value: number | null): string {
  return value === null ? '–' : formatDanishNumber(value, shownDecimals(value, 4));
}

const months = (v: number | null) => (v === null ? '–' : formatDanishNumber(v, Number.isInteger(v) ? 0 : 1));

/** What the chapters a round report shares with a project status (facts, measures, sources) are built from. */
export type SectionInput = Pick<ReportInput, 'project' | 'sources' | 'lang' | 'measures'>;

/**
 * The chapters that need no evaluation round: the facts, the shares, comparisons and business
 * case, and the sources appendix. The round report (below) and the project status
 * (projectStatus.ts) both build them here, so they read the same in either document.
 */
export class ReportSections<I extends SectionInput = SectionInput> {
  readonly L: ReportLabels;

  /** draft: empty prose shows a placeholder and a missing effect chain is said. */
  constructor(
    readonly input: I,
    readonly draft: boolean,
  ) {
    this.L = reportLabels(input.lang);
  }

  get lang() {
    return this.input.lang;
  }

  /** The evaluator's own text on the facts (a round's); none in a project status. */
  factsText(): string {
    return '';
  }

  /** The evaluator's prose as paragraphs; empty: a visible placeholder in a draft, nothing in a final. */
  prose(text: string, role: Paragraph['role'] = 'body'): Paragraph[] {
    const parts = text
      .split(/\n\s*\n/)
      .map((t) => t.trim())
      .filter(Boolean);
    if (parts.length > 0) return parts.map((t) => ({ kind: 'paragraph', text: t, role }));
    return this.draft ? [{ kind: 'paragraph', text: this.L.placeholder, role: 'placeholder' }] : [];
  }

  goalsOf(level: GoalLevel): Goal[] {
    return this.input.project.goals.filter((g) => g.level === level).sort((a, b) => a.position - b.position || a.id - b.id);
  }

  // 2 Fakta om projektet --------------------------------------------------------------------------

  facts(): Chapter {
    const F = this.L.facts;
    const p = this.input.project.project;
    const blocks: Block[] = [{ kind: 'paragraph', text: F.intro, role: 'intro' }];
    blocks.push(...this.prose(p.description));
    blocks.push(...this.prose(this.factsText()));
    const activities = this.goalsOf('A');
    if (activities.length > 0) {
      blocks.push({ kind: 'paragraph', text: F.activities });
      blocks.push({ kind: 'list', items: activities.map((g) => `${g.code}: ${g.description}`) });
    }
    const period = p.periodStart || p.periodEnd ? `${p.periodStart ? formatDanishDate(p.periodStart) : '–'} – ${p.periodEnd ? formatDanishDate(p.periodEnd) : '–'}` : '';
    const rows = [
      { label: F.grantRecipient, value: p.grantRecipient },
      { label: F.projectHolder, value: p.projectHolder },
      { label: F.caseOfficer, value: p.caseOfficer },
      { label: F.fundingSource, value: p.fundingSource },
      { label: F.priorityAxis, value: p.priorityAxis },
      { label: F.totalBudget, value: p.totalBudgetKr === null ? '' : formatDanishKr(p.totalBudgetKr) },
      { label: F.period, value: period },
      { label: F.partners, value: p.partners.split('\n').map((s) => s.trim()).filter(Boolean).join(', ') },
      { label: F.journalNumber, value: p.journalNumber },
    ].map((r) => ({ ...r, value: r.value.trim() || '–' }));
    // A partner list or journal number nobody filled in is not a fact worth a row.
    const shown = rows.filter((r) => r.value !== '–' || (r.label !== F.partners && r.label !== F.journalNumber));
    blocks.push({ kind: 'facts', caption: F.boxCaption, title: F.boxTitle, rows: shown });

    const chain = this.input.project.effectChain;
    blocks.push({ kind: 'heading', level: 2, text: F.chainHeading });
    if (chain.length === 0) {
      if (this.draft) blocks.push({ kind: 'note', tone: 'note', text: F.noChain });
    } else {
      blocks.push({ kind: 'paragraph', text: F.chainIntro, role: 'intro' });
      const columns = EFFECT_CHAIN_COLUMNS.map((c: EffectChainColumn) => ({
        title: F.chainColumns[c],
        items: chain.filter((i) => i.column === c).sort((a, b) => a.position - b.position || a.id - b.id).map((i) => i.text),
      }));
      blocks.push({
        kind: 'chart',
        id: 'effectChain',
        caption: F.chainCaption,
        chart: {
          type: 'effectChain',
          columns,
          description: columns.map((c) => `${c.title}: ${c.items.join('; ')}`).join('. '),
        },
      });
    }
    return { id: 'facts', number: '', title: this.L.chapter.facts, blocks };
  }

  /** Shares, comparisons and the business case (issue 14): the engine's figures, stated; none = no blocks. */
  measures(ownChapter = false): Block[] {
    const m = this.input.measures;
    if (!m || (m.shares.length === 0 && m.comparisons.length === 0 && !m.businessCase)) return [];
    const M = measureLabels(this.lang);
    const C = M.columns;
    const text = (t: string, bold = false): Cell => ({ kind: 'text', text: t, bold });
    // In a round report a section of the effect chapter; in a project status a chapter of its own (titled M.heading).
    const blocks: Block[] = [
      ...(ownChapter ? [] : [{ kind: 'heading' as const, level: 2 as const, text: M.heading }]),
      { kind: 'paragraph', text: M.intro, role: 'intro' },
    ];
    if (m.shares.length > 0) {
      blocks.push({ kind: 'heading', level: 3, text: M.sharesHeading });
      blocks.push({
        kind: 'table',
        id: 'measures.shares',
        caption: M.sharesCaption,
        columns: [
          { title: C.goal, align: 'left', weight: 5 },
          { title: C.numerator, align: 'right', weight: 1.3 },
          { title: C.denominator, align: 'right', weight: 1.3 },
          { title: C.share, align: 'right', weight: 2.4 },
        ],
        rows: m.shares.map((s) => [
          text(M.goal(s.code, s.description)),
          { kind: 'number', value: s.numerator, text: figureText(s.numerator) },
          { kind: 'number', value: s.denominator, text: figureText(s.denominator) },
          { kind: 'percent', value: s.displayPercent, text: shareStatement(s, this.lang) ?? this.L.missing },
        ]),
        footer: [],
      });
      blocks.push({ kind: 'note', tone: 'note', text: M.sharesNote });
    }
    if (m.comparisons.length > 0) {
      blocks.push({ kind: 'heading', level: 3, text: M.comparisonsHeading });
      for (const c of m.comparisons)
        blocks.push({ kind: 'paragraph', text: `${M.goal(c.code, c.description)}: ${comparisonStatement(c, this.lang)}.${c.label.trim() ? ` ${M.comparedWith(c.label.trim())}` : ''}` });
      blocks.push({ kind: 'note', tone: 'note', text: M.comparisonsNote });
    }
    const bc = m.businessCase;
    if (bc) {
      blocks.push({ kind: 'heading', level: 3, text: M.businessCaseHeading });
      blocks.push({
        kind: 'table',
        id: 'measures.businessCase.inputs',
        caption: M.businessCaseInputsCaption,
        columns: [
          { title: C.input, align: 'left', weight: 3 },
          { title: C.value, align: 'right', weight: 1.6 },
          { title: C.source, align: 'left', weight: 6 },
        ],
        rows: BUSINESS_CASE_INPUT_KEYS.map((key) => [
          text(businessCaseInputLabel(key, this.lang)),
          { kind: 'number', value: bc.businessCase[key], text: businessCaseInputText(key, bc.businessCase[key]) },
          text(bc.businessCase[BUSINESS_CASE_SOURCE_FIELD[key]]),
        ]),
        footer: [],
      });
      blocks.push({
        kind: 'table',
        id: 'measures.businessCase.results',
        caption: M.businessCaseResultsCaption,
        columns: [
          { title: C.result, align: 'left', weight: 3 },
          { title: C.value, align: 'right', weight: 1.6 },
          { title: C.formula, align: 'left', weight: 6 },
        ],
        rows: BUSINESS_CASE_RESULT_KEYS.map((key) => [
          text(M.resultLabel[key], true),
          { kind: 'number', value: bc.result[key], text: businessCaseResultText(key, bc.result[key]), bold: true },
          text(businessCaseFormula(key, this.lang)),
        ]),
        footer: [],
      });
      for (const key of BUSINESS_CASE_RESULT_KEYS) {
        const remark = businessCaseRemark(bc.result, key, this.lang);
        if (remark) blocks.push({ kind: 'note', tone: 'note', text: `${M.resultLabel[key]}: ${remark}.` });
      }
      if (bc.businessCase.note.trim()) blocks.push({ kind: 'note', tone: 'note', text: `${M.note}: ${bc.businessCase.note.trim()}` });
    }
    return blocks;
  }

  // Bilag: Kilder ----------------------------------------------------------------------------------

  sourceList(): Chapter {
    const S = SOURCE_LIST_LABELS[this.lang];
    const C = S.columns;
    const blocks: Block[] = [{ kind: 'paragraph', text: S.intro }];
    const rows = sourceListRows(this.input.sources, this.lang);
    const text = (t: string): Cell => ({ kind: 'text', text: t });
    if (rows.length === 0) blocks.push({ kind: 'note', text: S.none, tone: 'note' });
    else
      blocks.push({
        kind: 'table',
        id: 'sources',
        caption: S.title,
        columns: [
          { title: C.file, align: 'left', weight: 4 },
          { title: C.kind, align: 'left', weight: 3.5 },
          { title: C.size, align: 'right', weight: 1.5 },
          { title: C.importedAt, align: 'left', weight: 2.3 },
          { title: C.importedBy, align: 'left', weight: 2 },
          { title: C.hash, align: 'left', weight: 2.2 },
        ],
        rows: rows.map((r) => [text(r.file), text(r.kind), text(r.size), text(r.importedAt), text(r.importedBy), text(r.hash)]),
        footer: [],
      });
    return { id: 'sources', number: '', title: this.L.chapter.sources, blocks };
  }

}

class Builder extends ReportSections<ReportInput> {
  /** Project warnings not yet placed in a chapter (every one must end up somewhere). */
  private readonly pending: Warning[];

  constructor(input: ReportInput) {
    super(input, input.signOff.state !== 'final');
    this.pending = input.evaluation.summary.warnings.filter((w) => !GOAL_WARNINGS.has(w.code));
  }

  override factsText(): string {
    return this.input.texts.facts;
  }

  get summary() {
    return this.input.evaluation.summary;
  }

  get evaluation() {
    return this.input.evaluation.evaluation;
  }

  lightWord(light: Light | null): string {
    return light ? this.L.light[light] : this.L.noLight;
  }

  /** Takes the pending project warnings of one place, as notes. */
  warningsFor(place: ReturnType<typeof warningPlace>, filter: (w: Warning) => boolean = () => true): Block[] {
    const taken = this.pending.filter((w) => warningPlace(w) === place && filter(w));
    for (const w of taken) this.pending.splice(this.pending.indexOf(w), 1);
    return taken.map((w) => this.warningNote(w));
  }

  warningNote(w: Warning): Block {
    return { kind: 'note', tone: 'warning', text: `${this.L.warningPrefix}${warningText(w, this.lang)}` };
  }

  remainingWarnings(): Block[] {
    const rest = [...this.pending];
    this.pending.length = 0;
    return rest.map((w) => this.warningNote(w));
  }

  statusOf(goal: Goal): StatusReport | null {
    return statusInForce(this.input.project.statusReports, goal.id, this.evaluation.date);
  }

  // Title page and marker -----------------------------------------------------------------------

  marker(): Report['marker'] {
    const { signOff } = this.input;
    if (signOff.state === 'final') {
      const date = signOff.finalizedAt ? danishDateOf(signOff.finalizedAt) : '';
      return { state: 'final', text: this.L.final(date, signOff.finalizedBy.trim()) };
    }
    return { state: 'draft', text: this.L.draft };
  }

  roundName(): string {
    return `${this.L.evaluationType[this.evaluation.type]} ${formatDanishDate(this.evaluation.date)}`;
  }

  titlePage(marker: Report['marker']): Report['titlePage'] {
    const p = this.input.project.project;
    const rows = [
      { label: this.L.titleRows.grantRecipient, value: p.grantRecipient },
      { label: this.L.titleRows.evaluationDate, value: formatDanishDate(this.evaluation.date) },
      { label: this.L.titleRows.evaluator, value: this.evaluation.evaluator },
      { label: this.L.titleRows.status, value: marker.state === 'draft' ? this.L.draftTitle : marker.text },
    ].filter((r) => r.value.trim() !== '');
    return { kicker: this.L.reportKind, title: p.name, subtitle: this.L.evaluationType[this.evaluation.type], rows };
  }

  // 1 Resumé ------------------------------------------------------------------------------------

  resume(): Chapter {
    const s = this.summary;
    const R = this.L.resume;
    const box = (kind: LightKind): LightBox => {
      const outcome = s.lights[kind];
      const decision = this.input.evaluation.lights.find((l) => l.kind === kind);
      const notes: string[] = [];
      let figureLabel: string;
      let figure: string;
      if (kind === 'implementation') {
        figureLabel = R.implementationFigure;
        figure = s.implementation.rounded === null ? '–' : formatDanishNumber(s.implementation.rounded, 1);
        if (s.implementation.provisional) notes.push(R.provisional(s.implementation.scored, s.implementation.required));
      } else if (kind === 'goals') {
        figureLabel = R.goalsFigure(outcome.basis?.level ?? null);
        figure = formatDanishPercent(outcome.basis?.displayPercent ?? null);
      } else {
        figureLabel = R.effectFigure;
        figure = formatDanishPercent(s.levels.C.counted > 0 ? s.levels.C.displayAverage : null);
      }
      if (outcome.override !== null) notes.push(R.overridden(this.lightWord(outcome.suggested).toLowerCase(), outcome.reason.trim()));
      return {
        kind,
        title: R[kind],
        figureLabel,
        figure,
        light: outcome.final,
        lightText: this.lightWord(outcome.final),
        text: this.prose(decision?.text ?? ''),
        notes,
      };
    };
    const blocks: Block[] = [{ kind: 'lights', boxes: LIGHT_KINDS.map(box) }];
    // Placed last, once every other chapter has taken its own warnings (see build()).
    return { id: 'resume', number: '', title: this.L.chapter.resume, blocks };
  }

  // 3 Overordnet status ---------------------------------------------------------------------------

  status(): Chapter | null {
    const blocks = this.prose(this.evaluation.overallStatus);
    return blocks.length ? { id: 'status', number: '', title: this.L.chapter.status, blocks } : null;
  }

  // 4 Projektets implementering -------------------------------------------------------------------

  implementation(): Chapter {
    const I = this.L.implementation;
    const impl = this.summary.implementation;
    const { profile, scores } = this.input.evaluation;
    const blocks: Block[] = [{ kind: 'paragraph', text: I.intro, role: 'intro' }];
    const items = IMPLEMENTATION_PARAMETERS.map((p) => {
      const value = impl.scores[p];
      return { label: PARAMETER_NAMES[p][this.lang], value, valueText: value === null ? I.notScored : formatDanishNumber(value, 0) };
    });
    blocks.push({
      kind: 'chart',
      id: 'scores',
      caption: I.chartCaption,
      chart: {
        type: 'scores',
        min: profile.scoreRange.min,
        max: profile.scoreRange.max,
        items,
        description: items.map((i) => `${i.label}: ${i.valueText}`).join('; '),
      },
    });
    blocks.push({
      kind: 'paragraph',
      role: 'lead',
      text: impl.rounded === null ? I.overallNone : I.overall(formatDanishNumber(impl.rounded, 1), this.lightWord(impl.light)),
    });
    blocks.push(...this.warningsFor('implementation'));
    for (const p of IMPLEMENTATION_PARAMETERS) {
      const score = scores.find((s) => s.parameter === p);
      const value = impl.scores[p];
      blocks.push({ kind: 'heading', level: 3, text: `${p}. ${PARAMETER_NAMES[p][this.lang]}` });
      const meaning = value !== null && value in SCORE_MEANINGS ? SCORE_MEANINGS[value as ScoreValue][this.lang] : '';
      blocks.push({ kind: 'paragraph', role: 'intro', text: value === null ? I.noScore : I.score(formatDanishNumber(value, 0), meaning) });
      const headline = score?.headline ?? '';
      const text = score?.text ?? '';
      // A parameter with neither headline nor justification needs one placeholder, not two.
      if (headline.trim() || text.trim()) {
        blocks.push(...this.prose(headline, 'lead'));
        blocks.push(...this.prose(text));
      } else blocks.push(...this.prose(''));
    }
    blocks.push(...this.prose(this.input.texts.implementation));
    return { id: 'implementation', number: '', title: this.L.chapter.implementation, blocks };
  }

  // 5 Fremdrift og målopnåelse / 6.2 effektmål ------------------------------------------------

  /** The table of one goal level with its average and light, the provenance notes and the warnings. */
  goalTable(level: GoalLevel, caption: string): Block[] {
    const G = this.L.goals;
    const goals = this.goalsOf(level);
    const levelName = this.L.level[level];
    const result: LevelResult = this.summary.levels[level];
    if (goals.length === 0) return [{ kind: 'paragraph', text: G.levelEmpty(levelName) }];
    const blocks: Block[] = [
      {
        kind: 'paragraph',
        text: result.displayAverage === null ? G.levelNone(levelName) : G.levelStatus(formatDanishPercent(result.displayAverage), levelName),
      },
    ];
    const columns: TableColumn[] = [
      { title: levelName, align: 'left', weight: level === 'C' ? 3.6 : 5 },
      { title: G.target, align: 'right', weight: level === 'C' ? 1.8 : 1.5 },
      ...(level === 'C' ? [{ title: G.targetAfter, align: 'right' as const, weight: 1.8 }] : []),
      { title: G.status, align: 'right', weight: 1.3 },
      { title: G.percent, align: 'right', weight: 1.5 },
    ];
    const statuses = goals.map((g) => this.statusOf(g));
    const rows: Cell[][] = goals.map((goal, i) => {
      const res: GoalResult | undefined = result.goals.find((g) => g.code === goal.code);
      const status = statuses[i];
      const percentText =
        res?.state === 'noTarget'
          ? G.noTarget
          : res?.state === 'notReported'
            ? G.notReported
            : res?.state === 'missingValue'
              ? G.missingValue
              : res?.state === 'noBaseline'
                ? G.noBaseline
                : formatDanishPercent(res?.displayPercent ?? null);
      return [
        { kind: 'text', text: `${goal.code}: ${goal.description}` },
        { kind: 'number', value: goal.targetInPeriod, text: figureText(goal.targetInPeriod) },
        ...(level === 'C' ? [{ kind: 'number' as const, value: goal.targetAfterPeriod, text: figureText(goal.targetAfterPeriod) }] : []),
        { kind: 'number', value: status?.value ?? null, text: figureText(status?.value ?? null) },
        { kind: 'percent', value: res?.displayPercent ?? null, text: percentText },
      ];
    });
    const blank = (): Cell => ({ kind: 'text', text: '' });
    const pad = () => Array.from({ length: columns.length - 2 }, blank);
    const footer: Cell[][] = [
      [{ kind: 'text', text: G.average(result.counted, result.total), bold: true }, ...pad(), { kind: 'percent', value: result.displayAverage, text: formatDanishPercent(result.displayAverage), bold: true }],
      [{ kind: 'text', text: G.lightRow, bold: true }, ...pad(), { kind: 'light', light: result.light, text: this.lightWord(result.light) }],
    ];
    blocks.push({ kind: 'table', id: `goals.${level}`, caption, columns, rows, footer });
    for (const note of goalProvenanceNotes(goals, statuses, this.lang)) blocks.push({ kind: 'note', tone: 'note', text: note });
    for (const note of goalApprovalNotes(goals, statuses, this.lang)) blocks.push({ kind: 'note', tone: 'warning', text: note });
    for (const g of result.goals) for (const w of g.warnings) blocks.push(this.warningNote(w));
    blocks.push(...this.warningsFor('level', (w) => w.params.level === level));
    return blocks;
  }

  progressSection(): Block[] {
    const G = this.L.goals;
    const prog = this.summary.progress;
    const blocks: Block[] = [
      { kind: 'heading', level: 3, text: G.progressHeading },
      { kind: 'paragraph', text: G.progressIntro },
    ];
    const columns: TableColumn[] = [
      { title: '', align: 'left', weight: 3 },
      { title: G.total, align: 'right', weight: 2 },
      { title: G.spent, align: 'right', weight: 2 },
      { title: G.spentPercent, align: 'right', weight: 2 },
    ];
    const kr = (v: number | null) => (v === null ? '–' : formatDanishNumber(v, shownDecimals(v, 2)));
    const rows: Cell[][] = [
      [
        { kind: 'text', text: G.budgetRow },
        { kind: 'number', value: prog.budget.totalKr, text: kr(prog.budget.totalKr) },
        { kind: 'number', value: prog.budget.spentKr, text: kr(prog.budget.spentKr) },
        { kind: 'percent', value: prog.budget.displayPercent, text: formatDanishPercent(prog.budget.displayPercent) },
      ],
      [
        { kind: 'text', text: G.timeRow },
        { kind: 'number', value: prog.time.totalMonths, text: months(prog.time.totalMonths) },
        { kind: 'number', value: prog.time.elapsedMonths, text: months(prog.time.elapsedMonths) },
        { kind: 'percent', value: prog.time.displayPercent, text: formatDanishPercent(prog.time.displayPercent) },
      ],
    ];
    blocks.push({ kind: 'table', id: 'progress', caption: G.progressCaption, columns, rows, footer: [] });
    blocks.push({ kind: 'note', tone: 'note', text: progressProvenanceNote(this.evaluation, this.lang) });
    const approval = progressApprovalNote(this.evaluation, this.lang);
    if (approval) blocks.push({ kind: 'note', tone: 'warning', text: approval });
    blocks.push({ kind: 'note', tone: 'note', text: prog.time.reportedDiffers ? this.L.provenance.timeDiffers : this.L.provenance.timeComputed });
    blocks.push({
      kind: 'paragraph',
      text:
        prog.burnRatio === null
          ? G.burnMissing
          : G.burn(formatDanishNumber(prog.burnRatio, 2), prog.burnFlag ? G.burnFlag[prog.burnFlag] : ''),
    });
    if (this.summary.gapOutputVsTime !== null) blocks.push({ kind: 'paragraph', text: G.gap(formatDanishNumber(this.summary.gapOutputVsTime, 0)) });
    const items = [
      { label: G.budgetBar, value: prog.budget.displayPercent, valueText: formatDanishPercent(prog.budget.displayPercent) },
      { label: G.timeBar, value: prog.time.displayPercent, valueText: formatDanishPercent(prog.time.displayPercent) },
    ];
    blocks.push({
      kind: 'chart',
      id: 'progress',
      caption: G.progressChartCaption,
      chart: { type: 'percentBars', items, reference: 100, description: items.map((i) => `${i.label}: ${i.valueText}`).join('; ') },
    });
    blocks.push(...this.warningsFor('progress'));
    blocks.push(...this.prose(this.input.texts.progress));
    return blocks;
  }

  goals(): Chapter {
    const G = this.L.goals;
    const blocks: Block[] = [
      { kind: 'paragraph', text: G.intro, role: 'intro' },
      { kind: 'heading', level: 2, text: G.activityHeading },
      ...this.goalTable('A', G.caption(this.L.level.A)),
      ...this.prose(this.input.texts.activityGoals),
      ...this.progressSection(),
      { kind: 'heading', level: 2, text: G.outputHeading },
      ...this.goalTable('B', G.caption(this.L.level.B)),
      ...this.prose(this.input.texts.outputGoals),
    ];
    return { id: 'goals', number: '', title: this.L.chapter.goals, blocks };
  }

  // 6 Effektvurdering ------------------------------------------------------------------------------

  effect(): Chapter {
    const E = this.L.effect;
    const blocks: Block[] = [{ kind: 'paragraph', text: E.intro, role: 'intro' }, { kind: 'heading', level: 2, text: E.surveyHeading }];
    const survey = [...this.input.evaluation.survey].sort((a, b) => a.position - b.position || a.id - b.id);
    if (survey.length === 0) blocks.push({ kind: 'paragraph', text: E.noSurvey });
    else blocks.push({ kind: 'paragraph', text: E.surveyIntro, role: 'intro' });
    // One table per respondent group and scale, in the order the indicators were entered.
    const groups: { group: string; scale: 3 | 5; items: typeof survey }[] = [];
    for (const item of survey) {
      let g = groups.find((x) => x.group === item.group && x.scale === item.scale);
      if (!g) groups.push((g = { group: item.group, scale: item.scale, items: [] }));
      g.items.push(item);
    }
    for (const g of groups) {
      const rows: Cell[][] = g.items.map((s) => {
        const share = s.n === 0 ? null : roundHalfUp((s.positive / s.n) * 100);
        return [
          { kind: 'text', text: s.statement },
          { kind: 'text', text: this.lang === 'da' ? formatSurveyIndicator(s.positive, s.n) : `${s.positive} of ${s.n}` },
          { kind: 'percent', value: share, text: formatDanishPercent(share) },
        ];
      });
      const ns = [...new Set(g.items.map((s) => s.n))];
      blocks.push({
        kind: 'table',
        id: `survey.${g.group}.${g.scale}`,
        caption: E.surveyCaption(g.group),
        columns: [
          { title: E.statement(g.group), align: 'left', weight: 6 },
          { title: E.positive, align: 'center', weight: 1.6 },
          { title: E.share, align: 'right', weight: 1.2 },
        ],
        rows,
        footer: [],
      });
      blocks.push({ kind: 'note', tone: 'note', text: E.surveyNote(g.scale, ns.join('/')) });
    }
    blocks.push({ kind: 'heading', level: 2, text: E.goalsHeading });
    if (this.goalsOf('C').length > 0) blocks.push({ kind: 'paragraph', text: E.goalsIntro, role: 'intro' });
    blocks.push(...this.goalTable('C', this.L.goals.caption(this.L.level.C)));
    const effect = this.summary.lights.effect;
    blocks.push({ kind: 'paragraph', role: 'lead', text: E.assessment(this.lightWord(effect.final)) });
    if (effect.override !== null)
      blocks.push({ kind: 'note', tone: 'note', text: this.L.resume.overridden(this.lightWord(effect.suggested).toLowerCase(), effect.reason.trim()) });
    blocks.push(...this.prose(this.input.texts.effect));
    blocks.push(...this.measures());
    return { id: 'effect', number: '', title: this.L.chapter.effect, blocks };
  }

  // 7 Læring -------------------------------------------------------------------------------------

  learning(): Chapter {
    const Ln = this.L.learning;
    const midterm = this.evaluation.type === 'midterm';
    const items = [...this.input.evaluation.learning].sort((a, b) => a.position - b.position || a.id - b.id);
    const blocks: Block[] = [{ kind: 'paragraph', text: midterm ? Ln.introMidterm : Ln.intro, role: 'intro' }];
    const learning = items.filter((i) => i.kind === 'learning');
    const recommendations = items.filter((i) => i.kind === 'recommendation');
    // Under the intro, where 003 has its footnote: a final report says why it has no recommendations
    // (a draft that left some out says so itself).
    if (!midterm && recommendations.length > 0 && this.draft)
      blocks.push({ kind: 'note', tone: 'warning', text: Ln.recommendationsLeftOut(recommendations.length) });
    else if (!midterm) blocks.push({ kind: 'note', tone: 'note', text: Ln.recommendationsOnlyMidterm });
    blocks.push(...this.prose(this.input.texts.learning));
    if (learning.length === 0 && (!midterm || recommendations.length === 0)) blocks.push({ kind: 'paragraph', text: midterm ? Ln.noneMidterm : Ln.none });
    if (midterm)
      recommendations.forEach((r, i) => {
        blocks.push({ kind: 'heading', level: 3, text: `${Ln.recommendation(i + 1)}: ${r.title}` });
        blocks.push(...this.prose(r.text));
      });
    learning.forEach((l, i) => {
      blocks.push({ kind: 'heading', level: 3, text: `${Ln.learningPoint(i + 1)}: ${l.title}` });
      blocks.push(...this.prose(l.text));
    });
    return { id: 'learning', number: '', title: midterm ? this.L.chapter.learningMidterm : this.L.chapter.learningFinal, blocks };
  }

  // Udvikling siden midtvejsevalueringen ---------------------------------------------------------

  comparison(): Chapter | null {
    const c = this.input.comparison;
    if (!c) return null;
    const C = this.L.comparison;
    const earlier = this.input.project.evaluations.find((e) => e.id === c.earlierEvaluationId);
    const earlierName = earlier ? `${this.L.evaluationType[earlier.type].toLowerCase()} ${formatDanishDate(earlier.date)}` : '';
    const blocks: Block[] = [{ kind: 'paragraph', text: C.intro(earlierName), role: 'intro' }];
    const light = (l: Light | null): Cell => ({ kind: 'light', light: l, text: this.lightWord(l) });
    blocks.push({
      kind: 'table',
      id: 'comparison.lights',
      caption: C.lightsCaption,
      columns: [
        { title: C.area, align: 'left', weight: 2 },
        { title: C.then, align: 'center', weight: 1.2 },
        { title: C.now, align: 'center', weight: 1.2 },
        { title: C.why, align: 'left', weight: 5 },
      ],
      rows: c.lights.map((l) => [{ kind: 'text', text: this.L.lightKind[l.kind] }, light(l.then), light(l.now), { kind: 'text', text: l.why }]),
      footer: [],
    });
    const score = (v: number | null, decimals = 0): Cell => ({ kind: 'number', value: v, text: v === null ? '–' : formatDanishNumber(v, decimals) });
    blocks.push({
      kind: 'table',
      id: 'comparison.parameters',
      caption: C.parametersCaption,
      columns: [
        { title: C.parameter, align: 'left', weight: 5 },
        { title: C.then, align: 'right', weight: 1.2 },
        { title: C.now, align: 'right', weight: 1.2 },
      ],
      rows: c.parameters.map((p) => [{ kind: 'text', text: PARAMETER_NAMES[p.parameter][this.lang] }, score(p.then), score(p.now)]),
      footer: [[{ kind: 'text', text: C.average, bold: true }, score(c.implementation.then, 1), score(c.implementation.now, 1)]],
    });
    const figures = (f: { target: number | null; status: number | null } | null) => (f ? `${figureText(f.target)} / ${figureText(f.status)}` : C.none);
    const pct = (f: { percent: number | null } | null): Cell => ({ kind: 'percent', value: f?.percent ?? null, text: f ? formatDanishPercent(f.percent) : '' });
    blocks.push({
      kind: 'table',
      id: 'comparison.goals',
      caption: C.goalsCaption,
      columns: [
        { title: C.goal, align: 'left', weight: 4 },
        { title: `${C.then}: ${C.targetStatus}`, align: 'right', weight: 1.8 },
        { title: `${C.then}: ${C.percent}`, align: 'right', weight: 1.3 },
        { title: `${C.now}: ${C.targetStatus}`, align: 'right', weight: 1.8 },
        { title: `${C.now}: ${C.percent}`, align: 'right', weight: 1.3 },
        { title: C.change, align: 'right', weight: 1.3 },
      ],
      rows: c.goals.map((g) => [
        { kind: 'text', text: `${g.code}: ${g.description}` },
        { kind: 'text', text: figures(g.then) },
        pct(g.then),
        { kind: 'text', text: figures(g.now) },
        pct(g.now),
        { kind: 'number', value: g.changePoints, text: g.changePoints === null ? '–' : `${g.changePoints > 0 ? '+' : ''}${formatDanishNumber(g.changePoints, 0)}` },
      ]),
      footer: [],
    });
    const title = earlier && earlier.type === 'midterm' ? this.L.chapter.comparison : this.L.chapter.comparisonGeneric;
    return { id: 'comparison', number: '', title, blocks };
  }

  // Bilag: Sådan scorer vi -------------------------------------------------------------------------

  legend(): Chapter {
    const G = this.L.legend;
    const profile = this.input.evaluation.profile;
    const type = this.evaluation.type;
    const blocks: Block[] = [
      { kind: 'paragraph', text: G.intro1 },
      { kind: 'paragraph', text: G.intro2(profile.implementationParameterCount) },
      { kind: 'paragraph', text: G.profile(profile.name, profileVersionLabel(this.input.evaluation.profileVersion, this.lang)), role: 'intro' },
    ];
    const text = (t: string, bold = false): Cell => ({ kind: 'text', text: t, bold });
    blocks.push({
      kind: 'table',
      id: 'legend.scores',
      caption: G.scoreCaption,
      columns: [
        { title: G.score, align: 'center', weight: 1 },
        { title: G.meaning, align: 'left', weight: 8 },
      ],
      rows: ([5, 4, 3, 2, 1] as ScoreValue[]).map((s) => [{ kind: 'number', value: s, text: String(s) }, text(SCORE_MEANINGS[s][this.lang])]),
      footer: [],
    });
    blocks.push({
      kind: 'table',
      id: 'legend.implementation',
      caption: G.implCaption,
      columns: [
        { title: G.average, align: 'center', weight: 2 },
        { title: G.light, align: 'center', weight: 2 },
      ],
      rows: implementationBandRows(profile).map((b) => [text(formatImplementationBandRange(b)), { kind: 'light', light: b.light, text: this.lightWord(b.light) }]),
      footer: [],
    });
    blocks.push({ kind: 'paragraph', text: G.goalsIntro });
    const finalRows = goalBandRows(profile, 'final');
    const midtermRows = goalBandRows(profile, 'midterm');
    const mark = (t: 'final' | 'midterm') => (t === type ? ` (${G.inForce})` : '');
    blocks.push({
      kind: 'table',
      id: 'legend.goals',
      caption: G.goalsCaption,
      columns: [
        { title: G.light, align: 'center', weight: 1.3 },
        { title: G.meaning, align: 'left', weight: 5 },
        { title: `${this.L.evaluationType.final}${mark('final')}`, align: 'center', weight: 2 },
        { title: `${this.L.evaluationType.midterm}${mark('midterm')}`, align: 'center', weight: 2 },
      ],
      rows: finalRows.map((row, i) => {
        const mid = midtermRows.find((m) => m.meaning === row.meaning) ?? midtermRows[i];
        return [
          { kind: 'light', light: row.light, text: this.lightWord(row.light) },
          text(GOAL_BAND_MEANINGS[row.meaning][this.lang]),
          text(formatGoalBandRange(row), type === 'final'),
          text(mid ? formatGoalBandRange(mid) : '–', type === 'midterm'),
        ];
      }),
      footer: [],
    });
    blocks.push({ kind: 'paragraph', text: G.effectIntro });
    blocks.push({
      kind: 'table',
      id: 'legend.effect',
      caption: G.effectCaption,
      columns: [
        { title: G.light, align: 'center', weight: 1.3 },
        { title: G.meaning, align: 'left', weight: 8 },
      ],
      rows: (['green', 'yellow', 'red'] as Light[]).map((l) => [{ kind: 'light', light: l, text: this.lightWord(l) }, text(EFFECT_LIGHT_MEANINGS[l][this.lang])]),
      footer: [],
    });
    const dec = (v: number, d: number) => formatDanishNumber(v, d);
    blocks.push({
      kind: 'table',
      id: 'legend.other',
      caption: G.otherCaption,
      columns: [
        { title: G.rule, align: 'left', weight: 7 },
        { title: G.value, align: 'right', weight: 1.5 },
      ],
      rows: [
        [text(G.required), text(String(profile.implementationParameterCount))],
        [text(G.effectYellow), text(formatDanishPercent(profile.effectYellowMin))],
        [text(G.burnUnder), text(dec(profile.burnRatio.under, 2))],
        [text(G.burnOver), text(dec(profile.burnRatio.over, 2))],
        [text(G.tolerance), text(dec(profile.consistencyTolerancePoints, shownDecimals(profile.consistencyTolerancePoints)))],
        [text(G.cap), text(profile.capAt100 ? G.yes : G.no)],
      ],
      footer: [],
    });
    return { id: 'legend', number: '', title: this.L.chapter.legend, blocks };
  }

  build(): Report {
    const marker = this.marker();
    const resume = this.resume();
    const body = [this.facts(), this.status(), this.implementation(), this.goals(), this.effect(), this.learning(), this.comparison()].filter(
      (c): c is Chapter => c !== null,
    );
    // What no chapter took (an override without a reason ...) is said in the Resumé.
    resume.blocks.push(...this.remainingWarnings());
    const chapters = [resume, ...body, this.legend(), this.sourceList()];
    numberChapters(chapters, this.L);
    const p = this.input.project.project;
    return {
      lang: this.lang,
      meta: {
        title: `${this.L.reportKind}: ${p.name}`,
        subject: this.roundName(),
        author: this.evaluation.evaluator,
        keywords: `Trafiklys, ${this.L.evaluationType[this.evaluation.type]}`,
      },
      marker,
      running: `${p.name} · ${this.roundName()}`,
      titlePage: this.titlePage(marker),
      chapters,
    };
  }
}

/** Chapter numbers 1..n, sub-section numbers n.1.., figure numbers through the report. */
export function numberChapters(chapters: Chapter[], L: ReportLabels): void {
  let figure = 0;
  chapters.forEach((chapter, i) => {
    chapter.number = String(i + 1);
    let section = 0;
    chapter.blocks = chapter.blocks.map((b) => {
      if (b.kind === 'heading' && b.level === 2) return { ...b, text: `${chapter.number}.${++section} ${b.text}` };
      if (b.kind === 'table' || b.kind === 'chart' || b.kind === 'facts') return { ...b, caption: L.figure(++figure, b.caption) };
      return b;
    });
  });
}

export function buildReport(input: ReportInput): Report {
  if (input.evaluation.evaluation.projectId !== input.project.project.id)
    throw new Error(`Evaluering ${input.evaluation.evaluation.id} hører ikke til projektet ${input.project.project.name}.`);
  return new Builder(input).build();
}

/** The chapters of a report by id, for tests and renderers that need to find one. */
export function chapterOf(report: Report, id: ChapterId): Chapter | undefined {
  return report.chapters.find((c) => c.id === id);
}
