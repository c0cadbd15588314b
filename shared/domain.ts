/**
 * Domain types shared by main, renderer, CLI and tests.
 * Pure data: no Node, DOM or Electron. Amounts are in kr (øre precision), dates are ISO
 * `YYYY-MM-DD` strings, percents are 0-100 scale numbers.
 */

/** Goal level: A = aktivitetsmål, B = outputmål, C = effektmål. */
export type GoalLevel = 'A' | 'B' | 'C';
export const GOAL_LEVELS: readonly GoalLevel[] = ['A', 'B', 'C'];

/** midtvejsevaluering / slutevaluering */
export type EvaluationType = 'midterm' | 'final';
export const EVALUATION_TYPES: readonly EvaluationType[] = ['midterm', 'final'];

/** Trafiklys: grøn, gul, rød. */
export type Light = 'green' | 'yellow' | 'red';
export const LIGHTS: readonly Light[] = ['green', 'yellow', 'red'];

/** Which of the three lights of an evaluation. */
export type LightKind = 'implementation' | 'goals' | 'effect';
export const LIGHT_KINDS: readonly LightKind[] = ['implementation', 'goals', 'effect'];

/** "higher is better" (the normal case) or "lower is better" with a baseline. */
export type GoalDirection = 'higher' | 'lower';

/**
 * What a goal counts (issue 14): a count ("300 deltagere") or a share ("30 af 124", numerator of
 * denominator). A share's target is a percent ("25 %") or a count of the numerator ("30").
 */
export type GoalMeasure = 'count' | 'share';
export type ShareTargetKind = 'percent' | 'count';

/** Effect chain column (effektkæde): hovedaktiviteter -> output -> effekter. */
export type EffectChainColumn = 'activity' | 'output' | 'effect';
export const EFFECT_CHAIN_COLUMNS: readonly EffectChainColumn[] = ['activity', 'output', 'effect'];

/** The six fixed implementation parameters (METHODOLOGY.md section 4), numbered 1-6. */
export type ImplementationParameter = 1 | 2 | 3 | 4 | 5 | 6;
export const IMPLEMENTATION_PARAMETERS: readonly ImplementationParameter[] = [1, 2, 3, 4, 5, 6];

/** Where a reported figure came from (METHODOLOGY.md section 9). */
export interface SourceRef {
  /** File name as the user chose it, e.g. "statusrapport-2022.xlsx". Empty when typed in. */
  file: string;
  /** Human-readable place: "Ark 'Mål', celle D5" or "side 3, linje 12". Empty when typed in. */
  location: string;
}

/** The fact box (FAKTA-BOKS) and identity of a project. */
export interface ProjectFacts {
  name: string;
  /** Tilskudsmodtager */
  grantRecipient: string;
  /** Projektholder */
  projectHolder: string;
  /** Sagsbehandler */
  caseOfficer: string;
  /** Finansieringskilde, e.g. "Socialfonden (ESF)" */
  fundingSource: string;
  /** Indsatsområde, e.g. "Erhvervsuddannelse for voksne (ESF-4b)" */
  priorityAxis: string;
  /** Samlet budget in kr; null when unknown. */
  totalBudgetKr: number | null;
  /** Bevillingsperiode start / end, ISO dates. */
  periodStart: string | null;
  periodEnd: string | null;
  /** Partnere, free text (one per line). */
  partners: string;
  /** Journalnummer */
  journalNumber: string;
  /** Overordnet projektbeskrivelse */
  description: string;
}

/** A fact box with nothing filled in: text empty, numbers and dates missing (never 0). */
export const EMPTY_FACTS: ProjectFacts = {
  name: '',
  grantRecipient: '',
  projectHolder: '',
  caseOfficer: '',
  fundingSource: '',
  priorityAxis: '',
  totalBudgetKr: null,
  periodStart: null,
  periodEnd: null,
  partners: '',
  journalNumber: '',
  description: '',
};

export interface Project extends ProjectFacts {
  id: number;
  createdAt: string;
  updatedAt: string;
  /**
   * The row's version (issue 13, no lost update): 1 when made, bumped by every save; a save names
   * the version it was read at and is refused when the row has moved on. 0 = not saved yet.
   * Optional so that callers and fixtures that build one by hand need not invent it.
   */
  version?: number;
}

export interface EffectChainItem {
  id: number;
  projectId: number;
  column: EffectChainColumn;
  position: number;
  text: string;
  /** The row's version (issue 13, no lost update; migration 014): bumped by every save, sent back by the next. */
  version?: number;
}

export interface Goal {
  id: number;
  projectId: number;
  level: GoalLevel;
  /** "A1", "B4", "C2" */
  code: string;
  description: string;
  /** Unit as the project counts it: "deltagere", "virksomheder", "stk." */
  unit: string;
  /** Målsætning i projektperioden; null = no target. */
  targetInPeriod: number | null;
  /** Målsætning efter projektperioden (effect goals); null = none. */
  targetAfterPeriod: number | null;
  direction: GoalDirection;
  /** Baseline, used for lower-is-better goals. */
  baseline: number | null;
  position: number;
  /** The indicator the goal measures (pooled across projects with it); null = not linked. */
  indicatorId: number | null;
  /**
   * The row's version (issue 13, no lost update): 1 when made, bumped by every save; a save names
   * the version it was read at and is refused when the row has moved on. 0 = not saved yet.
   * Optional so that callers and fixtures that build one by hand need not invent it.
   */
  version?: number;
  // Issue 14. Optional so that callers and fixtures that predate shares and comparisons read as
  // count goals without one; the store always returns them.
  /** Count (default) or share. */
  measure?: GoalMeasure;
  /** A share's target: `targetInPeriod` is a percent or a count of the numerator. */
  shareTargetKind?: ShareTargetKind;
  /** A share's target for its denominator ("of 150 housed"); null = none. */
  denominatorTarget?: number | null;
  /**
   * An effect goal's comparison: a baseline or a comparison group's figure in the goal's unit
   * ("31 %" of all international graduates), with what it is, its source and year.
   */
  comparisonValue?: number | null;
  comparisonLabel?: string;
  comparisonSource?: string;
  comparisonYear?: number | null;
}

/**
 * An indicator: what goals of several projects can have in common, so that the portfolio pools
 * them (sum of status / sum of targets). A portfolio's own, or from a code list (EU common
 * indicators: issue 14).
 */
export interface Indicator {
  id: number;
  /** A code list's code ("EECO01") or the portfolio's own; '' when none. Unique when set. */
  code: string;
  name: string;
  /** What is counted: "deltagere", "virksomheder". */
  unit: string;
  level: GoalLevel;
  /** From a common catalogue (EU common indicators, loaded from the user's CSV) or the portfolio's own. */
  common?: boolean;
  createdAt: string;
}

/**
 * A project's business case (issue 14, seed 002): what an early effort costs per participant and
 * what it saves per citizen per year, each input with where it comes from. The results are
 * computed (shared/methodology/businessCase.ts), never stored.
 */
export interface BusinessCase {
  projectId: number;
  costPerParticipantKr: number | null;
  costSource: string;
  savingPerCitizenYearKr: number | null;
  savingSource: string;
  citizens: number | null;
  citizensSource: string;
  years: number | null;
  yearsSource: string;
  note: string;
}

/**
 * Approval of a figure imported from a grant recipient's report (issue 13, "Approval of reported
 * figures", as in Akvo RSR's results framework): 'reported' (indrapporteret) until a case officer
 * approves it ('approved': "godkendt af NAME dd.mm.åååå") or returns it with a comment
 * ('returned': "returneret af NAME dd.mm.åååå: kommentar"). A figure that is not from a report
 * (entered by hand by a case officer, or kept from before approvals existed) has no approval
 * (null): it needs none.
 */
export type ApprovalState = 'reported' | 'approved' | 'returned';
export const APPROVAL_STATES: readonly ApprovalState[] = ['reported', 'approved', 'returned'];

export interface FigureApproval {
  state: ApprovalState;
  /** Who approved or returned it ('' while reported). */
  by: string;
  /** When (ISO timestamp; null while reported). */
  at: string | null;
  /** The case officer's comment on a return ('' otherwise). */
  comment: string;
}

/** A figure that can be approved: a status report, or a round's reported budget and time figures. */
export type FigureRef = { kind: 'status'; id: number } | { kind: 'progress'; evaluationId: number };

/** One reported status of a goal. Kept as history: a new report never overwrites an old one. */
export interface StatusReport {
  id: number;
  goalId: number;
  /** The reported value; null = reported as missing (blank cell, digits lost). */
  value: number | null;
  /** Date the figure was reported (ISO). */
  reportedAt: string;
  /** Who reported it, e.g. "Bevillingsmodtager". */
  reportedBy: string;
  source: SourceRef;
  /** The percent printed in the source report, if any (for the consistency check). */
  printedPercent: number | null;
  /** A share goal's reported denominator ("of 124"); `value` is its numerator. Absent/null on counts. */
  denominator?: number | null;
  /**
   * From a report: its approval; null (or absent) = not from a report, needs none. On a new
   * status only `{ state: 'reported' }` is taken (an import's); approving is the store's own call.
   */
  approval?: FigureApproval | null;
  createdAt: string;
}

/**
 * What the import compares a found status with (a StatusReport's identifying fields): which goal,
 * when, what value, and from which file. Read without the rest, since a project's history can be
 * hundreds of statuses and the comparison runs for every file imported.
 */
export type StatusKey = Pick<StatusReport, 'id' | 'goalId' | 'value' | 'reportedAt'> & { source: Pick<SourceRef, 'file'> };

export interface Evaluation {
  id: number;
  projectId: number;
  type: EvaluationType;
  /** Evaluation date (ISO). Statuses reported on or before it are in force. */
  date: string;
  evaluator: string;
  /** Budget spent to date in kr, as reported by the grant recipient; null = not reported. */
  budgetSpentKr: number | null;
  /** Budget total as reported in the progress table (kr); null = use the project's total budget. */
  budgetTotalReportedKr: number | null;
  /** Months elapsed / total as reported by the grant recipient; null = compute from the period. */
  monthsElapsedReported: number | null;
  monthsTotalReported: number | null;
  /** Who reported budget and time, and when (provenance). */
  progressReportedBy: string;
  progressReportedAt: string | null;
  /** Overordnet status (chapter 3 of the report). */
  overallStatus: string;
  /**
   * The approval of the round's reported budget and time figures (budgetSpentKr,
   * budgetTotalReportedKr, months*Reported) when an import wrote them; null = not from a report.
   * Read only: set by an import and the store's approve/return, never by updateEvaluation.
   */
  progressApproval?: FigureApproval | null;
  createdAt: string;
}

/** A new evaluation round: nothing reported yet (missing, never 0). */
export function blankEvaluation(
  projectId: number,
  type: EvaluationType,
  date: string,
  evaluator = '',
): Omit<Evaluation, 'id' | 'createdAt'> {
  return {
    projectId,
    type,
    date,
    evaluator,
    budgetSpentKr: null,
    budgetTotalReportedKr: null,
    monthsElapsedReported: null,
    monthsTotalReported: null,
    progressReportedBy: '',
    progressReportedAt: null,
    overallStatus: '',
  };
}

/** One of the six implementation parameter scores of an evaluation. */
export interface ImplementationScore {
  evaluationId: number;
  parameter: ImplementationParameter;
  /** 1-5, or null while not yet scored. */
  score: number | null;
  /** One-sentence headline conclusion. */
  headline: string;
  /** Justification text. */
  text: string;
  /**
   * The row's version (issue 13, no lost update): 1 when made, bumped by every save; a save names
   * the version it was read at and is refused when the row has moved on. 0 = not saved yet.
   * Optional so that callers and fixtures that build one by hand need not invent it.
   */
  version?: number;
}

/** The evaluator's decision on one of the three lights. */
export interface LightDecision {
  evaluationId: number;
  kind: LightKind;
  /** The suggestion in force when the decision was last saved (kept for the record). */
  suggested: Light | null;
  /** The evaluator's override; null = the suggestion stands. */
  override: Light | null;
  /** Required when override is set. */
  reason: string;
  /** Short text shown beside the light on the Resumé. */
  text: string;
  /**
   * The row's version (issue 13, no lost update): 1 when made, bumped by every save; a save names
   * the version it was read at and is refused when the row has moved on. 0 = not saved yet.
   * Optional so that callers and fixtures that build one by hand need not invent it.
   */
  version?: number;
}

/** Survey indicator: "9 ud af 9" gave one of the most positive answers. */
export interface SurveyIndicator {
  id: number;
  evaluationId: number;
  /** Respondent group, e.g. "virksomheder", "ambassadører". */
  group: string;
  statement: string;
  /** Count of respondents with a top answer (top-two on a 5-point scale, top-box on 3-point). */
  positive: number;
  /** Number of respondents. */
  n: number;
  scale: 3 | 5;
  position: number;
  /** The row's version (issue 13, no lost update; migration 014): bumped by every save, sent back by the next. */
  version?: number;
}

export interface BudgetLine {
  id: number;
  projectId: number;
  /** Cost type, e.g. "Løn - projektledelse", "Indirekte udgifter". */
  costType: string;
  year: number;
  amountKr: number;
  /** For indirect costs: the percentage of the direct costs the line claims to be (004: 18). */
  percentOfDirect: number | null;
  position: number;
  /** The row's version (issue 13, no lost update; migration 014): bumped by every save, sent back by the next. */
  version?: number;
}

/** What a round records as spent in one year of the budget (issue 15: budget and spending by year). */
export interface SpendingYear {
  id: number;
  evaluationId: number;
  year: number;
  spentKr: number;
  /** Where the figure comes from ("Statusrapport 2023, side 4") or a note; '' = none given. */
  note: string;
  position: number;
  /** The row's version (issue 13, no lost update; migration 014): bumped by every save, sent back by the next. */
  version?: number;
}

export interface FinancingSource {
  id: number;
  projectId: number;
  name: string;
  amountKr: number;
  position: number;
  /** The row's version (issue 13, no lost update; migration 014): bumped by every save, sent back by the next. */
  version?: number;
}

export type LearningKind = 'learning' | 'recommendation';

export interface LearningPoint {
  id: number;
  evaluationId: number;
  kind: LearningKind;
  title: string;
  text: string;
  position: number;
  /** The row's version (issue 13, no lost update; migration 014): bumped by every save, sent back by the next. */
  version?: number;
}

export type AuditEntity =
  | 'project'
  | 'goal'
  | 'indicator'
  | 'status'
  | 'score'
  | 'light'
  | 'evaluation'
  | 'budgetLine'
  | 'spendingYear'
  | 'financing'
  | 'survey'
  | 'learning'
  | 'effectChain'
  | 'businessCase'
  | 'settings';

export interface AuditEntry {
  id: number;
  at: string;
  user: string;
  projectId: number | null;
  entity: AuditEntity;
  entityId: number | null;
  /** e.g. "score.3", "targetInPeriod", "override" */
  field: string;
  oldValue: string | null;
  newValue: string | null;
}

/**
 * The evaluator's prose per section of the written report (seed 003): a conclusion for each place
 * where 003 has prose beyond what other fields already hold (the Resumé's text per light is
 * `LightDecision.text`, chapter 3 is `Evaluation.overallStatus`, each parameter has its own
 * headline and justification, learning points are their own rows).
 */
export type EvaluationTextKey =
  | 'facts' // 2 Fakta om projektet: purpose and background
  | 'implementation' // 4 Implementering: the section's overall conclusion
  | 'activityGoals' // 5.1 Fremdrift ift. aktiviteter: the text under the activity goal table
  | 'progress' // 5.1 Budget- og tidsforbrug: the text under the budget and time table
  | 'outputGoals' // 5.2 Målopnåelse ift. output: the text under the output goal table
  | 'effect' // 6 Effektvurdering: the evaluator's assessment
  | 'learning'; // 7 Anbefalinger og læring: the introduction
export const EVALUATION_TEXT_KEYS: readonly EvaluationTextKey[] = [
  'facts',
  'implementation',
  'activityGoals',
  'progress',
  'outputGoals',
  'effect',
  'learning',
];
/** Every key present; an unwritten text is ''. */
export type EvaluationTexts = Record<EvaluationTextKey, string>;

/**
 * Sign-off of an evaluation round: a draft until the evaluator finalises it; a final round is
 * locked (scores, lights, texts and figures cannot change) until it is reopened with a reason.
 */
export type EvaluationState = 'draft' | 'final';
export interface EvaluationSignOff {
  state: EvaluationState;
  /** When and by whom it was finalised (ISO timestamp and user name); null/'' for a draft. */
  finalizedAt: string | null;
  finalizedBy: string;
}
