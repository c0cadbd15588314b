import type {
  EvaluationType,
  GoalDirection,
  GoalLevel,
  ImplementationParameter,
  ShareTargetKind,
  Light,
  LightKind,
  SourceRef,
} from '../domain';
import type { GoalBand } from './profile';

/**
 * Inputs and outputs of the methodology engine. Plain data only: the services map storage
 * rows to these, the engine never touches the database or the file system.
 */

/** The status in force for a goal at the evaluation date (the latest report on or before it). */
export interface StatusInput {
  value: number | null;
  reportedAt: string;
  reportedBy: string;
  printedPercent: number | null;
  source: SourceRef;
  /** A share goal's reported denominator ("af 124"); `value` is the numerator. */
  denominator?: number | null;
}

export interface GoalInput {
  code: string;
  level: GoalLevel;
  description: string;
  unit: string;
  targetInPeriod: number | null;
  targetAfterPeriod: number | null;
  direction: GoalDirection;
  baseline: number | null;
  status: StatusInput | null;
  /** Set on a share goal ("30 af 124"); absent/null on a count goal. */
  share?: ShareGoalInput | null;
  /** An effect goal's baseline or comparison group (not the lower-is-better baseline). */
  comparison?: ComparisonInput | null;
}

export interface ShareGoalInput {
  /** What `targetInPeriod` is: a percent ("25 %") or a count of the numerator ("30 personer"). */
  targetKind: ShareTargetKind;
  /** The denominator's own target, when the grant set one ("af 150 boligplacerede"). */
  denominatorTarget: number | null;
}

export interface ComparisonInput {
  /** The comparison's figure in the goal's unit (31 for "31 %"). */
  value: number;
  /** What it is: "alle internationale dimittender". */
  label: string;
  /** "Danmarks Statistik". */
  source: string;
  year: number | null;
}

/** A share's reached figure: numerator of denominator and the percent computed from them. */
export interface ShareFigure {
  numerator: number;
  denominator: number;
  /** numerator / denominator x 100, unrounded. */
  percent: number;
  displayPercent: number;
}

/** Why a goal is left out of averages, or looks wrong. */
export type GoalWarningCode =
  | 'noTarget' // target missing or 0: "intet mål"
  | 'notReported' // no status yet: "ikke rapporteret"
  | 'missingValue' // a status was reported but its figure is missing (blank cell, digits lost)
  | 'noBaseline' // lower-is-better goal without a usable baseline
  | 'printedPercentDiffers' // the source's printed percent differs from the computed one
  | 'noDenominator'; // a share goal's status has no usable denominator (missing or 0)

export interface Warning {
  /** Stable code the UI translates. */
  code: GoalWarningCode | ProjectWarningCode;
  /** Values the message refers to (goal code, printed and computed percent ...). */
  params: Record<string, string | number | null>;
  /** The message in Danish (CLI, workbook); the renderer translates `code` + `params` itself. */
  message: string;
}

export type ProjectWarningCode =
  | 'provisionalImplementation' // fewer than six parameters scored
  | 'budgetFinancingMismatch' // budget lines do not equal financing
  | 'budgetLinesTotalDiffers' // the sum of the budget lines differs from the project's total budget
  | 'indirectCostMismatch' // indirect line differs from its claimed percent of the direct costs
  | 'burnUnder' // burn ratio below the underspending bound
  | 'burnOver' // burn ratio above the overspending bound
  | 'timeReportedDiffers' // reported months differ from the grant period
  | 'budgetReportedDiffers' // reported budget total differs from the project's total budget
  | 'cappingChangesLight' // capping at 100 % would change the goal light
  | 'overrideWithoutReason'; // an override was stored without a reason (legacy data)

export interface GoalResult {
  code: string;
  level: GoalLevel;
  /** Unrounded attainment percent; null when left out (see `state`). */
  percent: number | null;
  /** Integer percent as displayed (rounded half up); null when left out. */
  displayPercent: number | null;
  /** Whether the goal counts in its level's average. */
  counted: boolean;
  state: 'ok' | 'noTarget' | 'notReported' | 'missingValue' | 'noBaseline' | 'noDenominator';
  warnings: Warning[];
  /** A share goal's reached share; absent on count goals, null when it can't be computed. */
  share?: ShareFigure | null;
}

export interface LevelResult {
  level: GoalLevel;
  goals: GoalResult[];
  /** "n of m goals reported": goals with a status value / all goals of the level. */
  reported: number;
  total: number;
  /** Goals that count in the average. */
  counted: number;
  /** Simple mean of the counted goals' unrounded percents (capped when the profile says so). */
  average: number | null;
  /** Integer percent as displayed. */
  displayAverage: number | null;
  /** Band and light of `displayAverage` for this evaluation type. */
  band: GoalBand | null;
  light: Light | null;
  /** The same average with the other capping setting, and whether its light would differ. */
  alternativeAverage: number | null;
  /** The light of `alternativeAverage`: the colour the warning "the light would change" names. */
  alternativeLight: Light | null;
  cappingChangesLight: boolean;
}

export interface ImplementationResult {
  scores: Record<ImplementationParameter, number | null>;
  scored: number;
  required: number;
  /** Mean of the scored parameters, unrounded; null when none are scored. */
  average: number | null;
  /** Mean rounded to one decimal, half up; null when none are scored. */
  rounded: number | null;
  /** Light of the rounded mean; null until all parameters are scored (provisional). */
  light: Light | null;
  provisional: boolean;
}

export interface ProgressInput {
  evaluationDate: string;
  periodStart: string | null;
  periodEnd: string | null;
  totalBudgetKr: number | null;
  budgetSpentKr: number | null;
  budgetTotalReportedKr: number | null;
  monthsElapsedReported: number | null;
  monthsTotalReported: number | null;
}

export interface ProgressResult {
  budget: {
    /** Total used: the reported total wins over the project's total budget. */
    totalKr: number | null;
    spentKr: number | null;
    /** Unrounded percent; null when spent or total is missing or total is 0. */
    percent: number | null;
    displayPercent: number | null;
  };
  time: {
    /** Months used: reported figures win over computed ones. */
    elapsedMonths: number | null;
    totalMonths: number | null;
    percent: number | null;
    displayPercent: number | null;
    /** Computed from the grant period and the evaluation date. */
    computedElapsedMonths: number | null;
    computedTotalMonths: number | null;
    computedPercent: number | null;
    /** Reported and computed figures both exist and differ. */
    reportedDiffers: boolean;
  };
  /** budget % / time %; null when either is missing or time % is 0. */
  burnRatio: number | null;
  burnFlag: 'under' | 'over' | 'ok' | null;
}

export interface BudgetLineInput {
  costType: string;
  year: number;
  amountKr: number;
  percentOfDirect: number | null;
}

export interface FinancingInput {
  name: string;
  amountKr: number;
}

export interface BudgetResult {
  years: { year: number; directKr: number; indirectKr: number; totalKr: number }[];
  totalKr: number;
  financingTotalKr: number;
  /** Budget total minus financing total. */
  differenceKr: number;
  /** True when there are budget lines and financing sources and they agree within tolerance. */
  balanced: boolean;
  /**
   * The sum of the budget lines against the project's total budget: null when there are no
   * lines or no total to compare with; `differenceKr` is lines minus total.
   */
  projectTotal: { projectTotalKr: number; differenceKr: number; ok: boolean } | null;
  indirectChecks: {
    year: number;
    costType: string;
    claimedPercent: number;
    directKr: number;
    expectedKr: number;
    actualKr: number;
    ok: boolean;
  }[];
}

export interface ScoreInput {
  parameter: ImplementationParameter;
  score: number | null;
}

export interface LightDecisionInput {
  kind: LightKind;
  override: Light | null;
  reason: string;
}

export interface EvaluationInput {
  evaluationType: EvaluationType;
  evaluationDate: string;
  goals: GoalInput[];
  scores: ScoreInput[];
  decisions: LightDecisionInput[];
  progress: ProgressInput;
  budgetLines: BudgetLineInput[];
  financing: FinancingInput[];
}

/**
 * Why the engine decided as it did where a user would expect otherwise (a suggested light that
 * differs from its band's colour). Like a warning: a stable code, its figures, and the Danish
 * words the CLI and the workbook print; the renderer translates `code` + `params`.
 */
export interface Explanation {
  code: ExplanationCode;
  params: Record<string, string | number | null>;
  message: string;
}

export type ExplanationCode = 'effectYellowFromHalf'; // a red band lifted to yellow: at least half of the effects reached

export interface LightOutcome {
  kind: LightKind;
  suggested: Light | null;
  override: Light | null;
  reason: string;
  /** The light in force: the override when set, else the suggestion. */
  final: Light | null;
  /**
   * The evaluator chose a different light than the suggestion. A choice equal to the suggestion
   * is kept (it holds the light if the figures change later) but is not an override.
   */
  overridden: boolean;
  /** What the suggestion was based on, for the UI and workbook ("outputmål 94 %"). */
  basis: { level: GoalLevel | null; displayPercent: number | null } | null;
  /** Why the suggestion differs from the colour of the band it was based on; null when it does not. */
  explanation: Explanation | null;
}

export interface EvaluationSummary {
  evaluationType: EvaluationType;
  levels: Record<GoalLevel, LevelResult>;
  implementation: ImplementationResult;
  lights: Record<LightKind, LightOutcome>;
  progress: ProgressResult;
  budget: BudgetResult;
  /** Output attainment minus time consumption (expected-by-now), in points; null if either missing. */
  gapOutputVsTime: number | null;
  /** All warnings, goal warnings first (in goal order), then project warnings. */
  warnings: Warning[];
}

/**
 * The indicator a goal measures (METHODOLOGY.md section 11: only the same indicator is pooled).
 * `key` identifies it across projects: the stored indicator's id, later also a common
 * indicator's code from a catalogue (issue 14).
 */
export interface IndicatorRef {
  key: string;
  code: string;
  name: string;
  unit: string;
  level: GoalLevel;
}

/** One goal of one project, as the portfolio roll-up sees it. */
export interface PoolGoalInput {
  projectId: number;
  goal: GoalInput;
  /** null: not linked to an indicator, so never pooled. */
  indicator: IndicatorRef | null;
}

/** Why a goal linked to an indicator is not in its pooled sums. */
export type PoolLeftOutReason = 'lowerIsBetter' | 'noTarget' | 'notReported' | 'missingValue';

/** Pooled attainment of one indicator: sum of status / sum of targets of its goals. */
export interface PooledIndicator {
  indicator: IndicatorRef;
  /** Sums over the pooled goals; null when no goal could be pooled (never "0 of 0"). */
  statusSum: number | null;
  targetSum: number | null;
  percent: number | null;
  displayPercent: number | null;
  /** Goals in the sums, and the distinct projects they belong to. */
  goals: number;
  projects: number;
  /** Every goal linked to the indicator, pooled or not. */
  linkedGoals: number;
  /** Linked goals left out of the sums, by reason. */
  leftOut: Record<PoolLeftOutReason, number>;
  /**
   * The share goals among them, pooled as sum of numerators / sum of denominators (never a mean
   * of percents), with the goals and projects behind it; absent when the indicator has none.
   */
  share?: PooledShare;
}

export interface PooledShare {
  numeratorSum: number | null;
  denominatorSum: number | null;
  percent: number | null;
  displayPercent: number | null;
  goals: number;
  projects: number;
}

/** The portfolio's headline per level: the mean of the projects' level attainment. */
export interface LevelHeadline {
  level: GoalLevel;
  /** Mean of the projects' unrounded level averages; null when no project has one. */
  average: number | null;
  displayAverage: number | null;
  /** Projects with a level average (the mean is over these), and all projects in the roll-up. */
  projects: number;
  projectsTotal: number;
}

/** What the portfolio view, its workbook and the CLI show beside the per-project figures. */
export interface PortfolioRollup {
  projects: number;
  headline: Record<GoalLevel, LevelHeadline>;
  /** Per indicator, level by level (A, B, C), then by name. */
  indicators: PooledIndicator[];
  /** Goals not linked to any indicator, per level: they are not pooled. */
  unlinkedGoals: Record<GoalLevel, number>;
}
