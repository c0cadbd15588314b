import type {
  AuditEntry,
  BudgetLine,
  EffectChainItem,
  Evaluation,
  EvaluationSignOff,
  EvaluationTextKey,
  EvaluationTexts,
  EvaluationType,
  FinancingSource,
  Goal,
  Indicator,
  ImplementationScore,
  LearningPoint,
  SpendingYear,
  Light,
  LightDecision,
  Project,
  StatusReport,
  SurveyIndicator,
} from '../domain';
import type { EvaluationSummary, PortfolioRollup } from '../methodology/types';
import type { IndicatorSuggestion } from '../methodology/indicators';
import type { PortfolioFilter } from '../portfolioFilter';
import type { PortfolioFacets, PortfolioPageCut } from '../portfolioPage';
import type { MethodologyProfile } from '../methodology/profile';
import type { ProfileVersionRef } from '../methodology/profileVersion';

/** What the renderer needs to show a project (all evaluation rounds listed, none expanded). */
export interface ProjectDetail {
  project: Project;
  effectChain: EffectChainItem[];
  goals: Goal[];
  /** Every status report of the project's goals, oldest first. */
  statusReports: StatusReport[];
  budgetLines: BudgetLine[];
  financing: FinancingSource[];
  evaluations: Evaluation[];
}

/** One evaluation round with everything the evaluator edits and the engine's figures. */
export interface EvaluationDetail {
  evaluation: Evaluation;
  scores: ImplementationScore[];
  lights: LightDecision[];
  survey: SurveyIndicator[];
  learning: LearningPoint[];
  /** What the round records as spent per year, by year (empty when only the total is given). */
  spendingByYear: SpendingYear[];
  /** The evaluator's prose per report section ('' = not written yet). */
  texts: EvaluationTexts;
  /** Each text's version as read (0 = never saved): what a save of it sends as `expectedVersion`. */
  textVersions: Record<EvaluationTextKey, number>;
  /** Draft, or final (locked) with who finalised it and when. */
  signOff: EvaluationSignOff;
  summary: EvaluationSummary;
  /** The profile the figures are computed with: for a final round the one in force when it was finalised. */
  profile: MethodologyProfile;
  /** Its version; null for a round signed off before versions with a profile no longer in force. */
  profileVersion: ProfileVersionRef | null;
}

export interface LevelFigure {
  /** Integer percent as displayed; null when no goal of the level counts. */
  percent: number | null;
  /** The unrounded level average the percent shows (the portfolio's headline is their mean). */
  average: number | null;
  light: Light | null;
  reported: number;
  total: number;
}

/** The computed figures of one project (its latest evaluation round), as the CLI prints them. */
export interface ProjectSummary {
  projectId: number;
  name: string;
  grantRecipient: string;
  caseOfficer: string;
  fundingSource: string;
  /** The grant period (ISO dates; null where the project does not say). */
  period: { start: string | null; end: string | null };
  evaluationId: number | null;
  evaluationType: EvaluationType | null;
  evaluationDate: string | null;
  implementation: { score: number | null; light: Light | null; scored: number };
  goals: { activity: LevelFigure; output: LevelFigure; effect: LevelFigure };
  budget: { percent: number | null };
  time: { percent: number | null };
  burnRatio: number | null;
  /** The three lights in force (override or suggestion). */
  lights: { implementation: Light | null; goals: Light | null; effect: Light | null };
  warnings: string[];
}

export interface PortfolioInfo {
  path: string;
  user: string;
  /** How the title bar names it: "user@host/database" on a server, the file's name for SQLite. */
  label: string;
  readOnly: boolean;
  projectCount: number;
  profile: MethodologyProfile;
  /** The version of `profile` (the one in force), and every version, newest first. */
  profileVersion: ProfileVersionRef;
  profileVersions: ProfileVersionRef[];
}

export type AuditList = AuditEntry[];

/** An indicator with how many goals (of how many projects) are linked to it. */
export interface IndicatorUsage extends Indicator {
  goals: number;
  projects: number;
}

/**
 * How many of a suggestion's goals are named in its view. A national portfolio's suggestion can
 * hold tens of thousands of goals: all of them are in `goalIds` (what confirming links), the
 * first ones are named, and the screen says how many more there are.
 */
export const SUGGESTION_GOALS_NAMED = 20;

/** A suggested link with the goals it would link, named so a person can judge it. */
export type IndicatorSuggestionView = IndicatorSuggestion & {
  /** The new indicator's proposed name, or the existing indicator's name. */
  indicatorName: string;
  /** The first SUGGESTION_GOALS_NAMED of `goalIds`, named. */
  goals: { goalId: number; projectId: number; projectName: string; code: string; description: string; unit: string }[];
};

/**
 * The portfolio as the portfolio view, its workbook and the CLI show it: the projects the filter
 * shows, with the headline (mean of the projects' level attainment) and pooled figures per
 * indicator over those projects.
 */
export interface PortfolioOverview {
  rows: ProjectSummary[];
  /** Projects in the portfolio before filtering. */
  total: number;
  filter: PortfolioFilter;
  rollup: PortfolioRollup;
}

/**
 * One page of the portfolio table with what the view shows around it: the projects the filter
 * matches, sorted and cut in main. `rollup` and `facets` come when asked (the first screen and
 * after a change), not with every page fetched while scrolling.
 */
export interface PortfolioPage extends PortfolioPageCut {
  /** Projects in the portfolio before filtering. */
  total: number;
  /** The headline and pooled figures over the matching projects. */
  rollup?: PortfolioRollup;
  facets?: PortfolioFacets;
}

/** A project as a picker lists it (the import wizard's "add to project"). */
export interface ProjectName {
  projectId: number;
  name: string;
}

/** A deleted project (`id` = the project's id) or goal (`id` = the bin entry's id). */
export interface RecycleBinEntry {
  kind: 'project' | 'goal';
  id: number;
  projectId: number;
  projectName: string;
  /** The project's name, or the goal's code and description. */
  label: string;
  deletedAt: string;
  deletedBy: string;
  /** For a goal: its project is deleted too (restore the project first). */
  projectDeleted: boolean;
}

