import type {
  BudgetLine,
  Evaluation,
  EvaluationTexts,
  FinancingSource,
  Goal,
  ImplementationScore,
  LearningPoint,
  SpendingYear,
  LightDecision,
  LightKind,
  Project,
  StatusReport,
  SurveyIndicator,
} from '../../shared/domain';
import { formatDanishDate } from '../../shared/numbers/danishDate';
import { statusInForce } from '../services/evaluationInput';

/**
 * The seal of a final evaluation round: what the round says and every figure it is computed
 * from, as plain JSON. It is stored when the round is finalised, and every write to the round's
 * project is checked against it before it commits (the store does this, so the IPC, imports and
 * the CLI are all held to it).
 *
 * What "its figures cannot change" means for data the round shares with other rounds (goals,
 * statuses, budget and the grant period belong to the project, not to one round):
 * - A status dated after the round is not in force for it, so it changes nothing and is allowed;
 *   so is an older status that does not replace the one in force.
 * - A goal change that changes a figure of the round (target, level, code, direction, baseline,
 *   the status in force) is refused, as are new or deleted goals (the round's goal tables and
 *   "n of m reported" would change), and changes to budget lines, financing, the grant period and
 *   the total budget. We refuse rather than keep a copy for the final round because everything
 *   (screens, workbook, report) reads the project's live goals: a copy would let a final round's
 *   report disagree with its own goal table. Whoever must change such a figure reopens the round
 *   first, with a written reason, which the audit log keeps.
 * - Wording that is no figure stays editable: a goal's description and unit, the fact box's texts,
 *   the effect chain.
 * A seal is compared key by key on what it holds, so a field added by a later version does not
 * lock old rounds against every write.
 */
export interface SealedRound {
  evaluation: Omit<Evaluation, 'id' | 'projectId' | 'createdAt'>;
  scores: Pick<ImplementationScore, 'parameter' | 'score' | 'headline' | 'text'>[];
  lights: Pick<LightDecision, 'kind' | 'override' | 'reason' | 'text'>[];
  survey: Omit<SurveyIndicator, 'evaluationId'>[];
  learning: Omit<LearningPoint, 'evaluationId'>[];
  texts: EvaluationTexts;
  project: Pick<Project, 'periodStart' | 'periodEnd' | 'totalBudgetKr'>;
  goals: (Pick<Goal, 'id' | 'code' | 'level' | 'targetInPeriod' | 'targetAfterPeriod' | 'direction' | 'baseline'> & {
    status: Omit<StatusReport, 'goalId' | 'createdAt'> | null;
  })[];
  budgetLines: Omit<BudgetLine, 'projectId' | 'position'>[];
  financing: Omit<FinancingSource, 'projectId' | 'position'>[];
  /** Absent in seals made before spending by year was kept (009): read as none (sqliteStore guards an empty list). */
  spendingByYear?: Omit<SpendingYear, 'evaluationId' | 'position'>[];
}

export interface SealInput {
  evaluation: Evaluation;
  scores: ImplementationScore[];
  lights: LightDecision[];
  survey: SurveyIndicator[];
  learning: LearningPoint[];
  spendingByYear: SpendingYear[];
  texts: EvaluationTexts;
  project: Project;
  goals: Goal[];
  statusReports: StatusReport[];
  budgetLines: BudgetLine[];
  financing: FinancingSource[];
}

const byId = <T extends { id: number }>(rows: T[]): T[] => [...rows].sort((a, b) => a.id - b.id);

export function sealOf(d: SealInput): SealedRound {
  const { id: _id, projectId: _p, createdAt: _c, ...evaluation } = d.evaluation;
  return {
    evaluation,
    scores: [...d.scores].sort((a, b) => a.parameter - b.parameter).map(({ parameter, score, headline, text }) => ({ parameter, score, headline, text })),
    lights: [...d.lights].sort((a, b) => a.kind.localeCompare(b.kind)).map(({ kind, override, reason, text }) => ({ kind, override, reason, text })),
    survey: byId(d.survey).map(({ evaluationId: _e, ...s }) => s),
    learning: byId(d.learning).map(({ evaluationId: _e, ...l }) => l),
    texts: { ...d.texts },
    project: { periodStart: d.project.periodStart, periodEnd: d.project.periodEnd, totalBudgetKr: d.project.totalBudgetKr },
    goals: byId(d.goals).map((g) => {
      const s = statusInForce(d.statusReports, g.id, d.evaluation.date);
      return {
        id: g.id,
        code: g.code,
        level: g.level,
        targetInPeriod: g.targetInPeriod,
        targetAfterPeriod: g.targetAfterPeriod,
        direction: g.direction,
        baseline: g.baseline,
        status: s
          ? {
              id: s.id,
              value: s.value,
              reportedAt: s.reportedAt,
              reportedBy: s.reportedBy,
              source: { ...s.source },
              printedPercent: s.printedPercent,
              // Its approval (migration 013) is part of what the final round says; absent when not from a report.
              ...(s.approval ? { approval: { ...s.approval } } : {}),
            }
          : null,
      };
    }),
    budgetLines: byId(d.budgetLines).map(({ projectId: _pr, position: _po, ...b }) => b),
    financing: byId(d.financing).map(({ projectId: _pr, position: _po, ...f }) => f),
    spendingByYear: byId(d.spendingByYear).map(({ evaluationId: _e, position: _po, ...s }) => s),
  };
}

/**
 * The path of the first place where `current` differs from `sealed` (["goals", 2, "targetInPeriod"]),
 * or null when every value the seal holds is unchanged. Keys only `current` has are ignored.
 */
export function firstDifference(sealed: unknown, current: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (Array.isArray(sealed)) {
    if (!Array.isArray(current) || current.length !== sealed.length) return path;
    for (let i = 0; i < sealed.length; i++) {
      const d = firstDifference(sealed[i], current[i], [...path, i]);
      if (d) return d;
    }
    return null;
  }
  if (sealed !== null && typeof sealed === 'object') {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return path;
    for (const [key, value] of Object.entries(sealed)) {
      const d = firstDifference(value, (current as Record<string, unknown>)[key], [...path, key]);
      if (d) return d;
    }
    return null;
  }
  return Object.is(sealed, current) || (sealed === null && current === undefined) ? null : path;
}

const TYPE_DA: Record<string, string> = { midterm: 'Midtvejsevalueringen', final: 'Slutevalueringen' };
const LIGHT_KIND_DA: Record<LightKind, string> = { implementation: 'implementering', goals: 'målopnåelse', effect: 'effektvurdering' };
const EVALUATION_FIELD_DA: Record<string, string> = {
  type: 'evalueringstypen',
  date: 'evalueringsdatoen',
  evaluator: 'evaluator',
  budgetSpentKr: 'budgetforbruget',
  budgetTotalReportedKr: 'det rapporterede samlede budget',
  monthsElapsedReported: 'tidsforbruget',
  monthsTotalReported: 'tidsforbruget',
  progressReportedBy: 'hvem der har rapporteret budget og tid',
  progressReportedAt: 'datoen for rapporteret budget og tid',
  overallStatus: 'den overordnede status',
  progressApproval: 'godkendelsen af budget- og tidstallene',
};

/** What a difference path is about, in Danish: "mål B1", "implementeringsscoren for parameter 3". */
export function describeDifference(sealed: SealedRound, path: (string | number)[]): string {
  const [section, index, field] = path;
  switch (section) {
    case 'evaluation':
      return EVALUATION_FIELD_DA[String(index)] ?? 'rundens oplysninger';
    case 'scores': {
      const p = typeof index === 'number' ? sealed.scores[index]?.parameter : undefined;
      return p ? `implementeringsscoren for parameter ${p}` : 'implementeringsscorerne';
    }
    case 'lights': {
      const k = typeof index === 'number' ? sealed.lights[index]?.kind : undefined;
      return k ? `trafiklyset for ${LIGHT_KIND_DA[k]}` : 'trafiklysene';
    }
    case 'survey':
      return 'surveyindikatorerne';
    case 'learning':
      return 'læringspunkterne';
    case 'texts':
      return 'rundens tekster';
    case 'project':
      return 'bevillingsperioden og det samlede budget';
    case 'goals': {
      const code = typeof index === 'number' ? sealed.goals[index]?.code : undefined;
      if (!code) return 'rundens mål (et mål er tilføjet eller slettet)';
      if (field === 'status' && path[4] === 'approval') return `godkendelsen af status for mål ${code}`;
      return field === 'status' ? `status for mål ${code}` : `mål ${code}`;
    }
    case 'budgetLines':
      return 'budgetlinjerne';
    case 'financing':
      return 'finansieringen';
    case 'spendingByYear':
      return 'forbruget pr. år';
    default:
      return 'rundens indhold';
  }
}

/** "Slutevalueringen 02.12.2022" */
export function roundName(evaluation: Pick<Evaluation, 'type' | 'date'>): string {
  return `${TYPE_DA[evaluation.type] ?? 'Evalueringen'} ${formatDanishDate(evaluation.date)}`;
}

/** "Slutevalueringen 02.12.2022 er afsluttet af ida den 03.12.2022" */
export function finalRoundName(evaluation: Pick<Evaluation, 'type' | 'date'>, finalizedBy: string, finalizedAt: string): string {
  const when = /^\d{4}-\d{2}-\d{2}/.test(finalizedAt) ? ` den ${formatDanishDate(finalizedAt.slice(0, 10))}` : '';
  return `${TYPE_DA[evaluation.type] ?? 'Evalueringen'} ${formatDanishDate(evaluation.date)} er afsluttet af ${finalizedBy || 'ukendt'}${when}`;
}

export const REOPEN_HINT = 'Genåbn runden med en begrundelse, hvis den skal ændres.';

/**
 * The one wording of a refusal: "Slutevalueringen 02.12.2022 er afsluttet af ida den 03.12.2022
 * og er låst: <consequence>. Genåbn runden med en begrundelse, hvis den skal ændres."
 */
export function lockedMessage(
  evaluation: Pick<Evaluation, 'type' | 'date'>,
  signOff: { finalizedBy: string; finalizedAt: string | null },
  consequence: string,
  hint = REOPEN_HINT,
): string {
  return `${finalRoundName(evaluation, signOff.finalizedBy, signOff.finalizedAt ?? '')} og er låst: ${consequence}. ${hint}`;
}
