import type {
  AuditEntry,
  BudgetLine,
  EffectChainItem,
  Evaluation,
  EvaluationSignOff,
  EvaluationTexts,
  EvaluationType,
  FinancingSource,
  Goal,
  ImplementationScore,
  LearningPoint,
  Light,
  LightDecision,
  Project,
  StatusReport,
  SurveyIndicator,
} from '../domain';
import type { EvaluationSummary } from '../methodology/types';
import type { MethodologyProfile } from '../methodology/profile';

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
  /** The evaluator's prose per report section ('' = not written yet). */
  texts: EvaluationTexts;
  /** Draft, or final (locked) with who finalised it and when. */
  signOff: EvaluationSignOff;
  summary: EvaluationSummary;
  /** The profile the figures are computed with: for a final round the one in force when it was finalised. */
  profile: MethodologyProfile;
}

export interface LevelFigure {
  /** Integer percent as displayed; null when no goal of the level counts. */
  percent: number | null;
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
  projectCount: number;
  profile: MethodologyProfile;
}

export type AuditList = AuditEntry[];
