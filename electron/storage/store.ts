import type {
  AuditEntity,
  AuditEntry,
  BudgetLine,
  EffectChainItem,
  Evaluation,
  EvaluationSignOff,
  EvaluationTextKey,
  EvaluationTexts,
  FinancingSource,
  Goal,
  ImplementationScore,
  LearningPoint,
  LightDecision,
  LightKind,
  ImplementationParameter,
  Project,
  ProjectFacts,
  StatusReport,
  SurveyIndicator,
} from '../../shared/domain';
import type { MethodologyProfile } from '../../shared/methodology/profile';

/**
 * The one storage interface of the main process. Services, IPC handlers, the CLI and the
 * import/export code talk to this, never to SQL, so that a server database can be added later
 * without touching the renderer or the services.
 *
 * Every write runs in a transaction together with its audit-log entries (who = the store's
 * user, when = now). Writes are serialized. `transaction()` groups many writes all-or-nothing
 * (imports): inside it, use the store handed to the callback.
 *
 * Methods that target a missing row throw `NotFoundError`; constraint violations (e.g. a
 * duplicate goal code in a project) throw `ConflictError`.
 */
export interface PortfolioStore {
  /** Absolute path of the SQLite file (or ':memory:'). */
  readonly path: string;
  /** The user recorded in the audit log (the OS user name by default). */
  readonly user: string;
  close(): Promise<void>;

  /** Runs `fn` in one transaction: all of its writes commit together or none do. */
  transaction<T>(fn: (tx: PortfolioStore) => Promise<T>): Promise<T>;

  // Portfolio settings
  getProfile(): Promise<MethodologyProfile>;
  setProfile(profile: MethodologyProfile): Promise<void>;
  getSetting(key: string): Promise<string | null>;
  setSetting(key: string, value: string): Promise<void>;

  // Projects (delete is soft, so that it can be undone)
  listProjects(options?: { includeDeleted?: boolean }): Promise<Project[]>;
  getProject(id: number): Promise<Project | null>;
  findProjectByName(name: string): Promise<Project | null>;
  createProject(facts: ProjectFacts): Promise<Project>;
  updateProject(id: number, patch: Partial<ProjectFacts>): Promise<Project>;
  deleteProject(id: number): Promise<void>;
  restoreProject(id: number): Promise<Project>;

  // Effect chain
  listEffectChain(projectId: number): Promise<EffectChainItem[]>;
  saveEffectChainItem(item: NewOrExisting<EffectChainItem>): Promise<EffectChainItem>;
  deleteEffectChainItem(id: number): Promise<void>;

  // Goals and their status history
  listGoals(projectId: number): Promise<Goal[]>;
  getGoal(id: number): Promise<Goal | null>;
  createGoal(goal: Omit<Goal, 'id'>): Promise<Goal>;
  updateGoal(id: number, patch: Partial<Omit<Goal, 'id' | 'projectId'>>): Promise<Goal>;
  deleteGoal(id: number): Promise<void>;
  /** All status reports of a project's goals, oldest first (by reportedAt, then id). */
  listStatusReports(projectId: number): Promise<StatusReport[]>;
  addStatusReport(report: Omit<StatusReport, 'id' | 'createdAt'>): Promise<StatusReport>;

  // Evaluation rounds
  listEvaluations(projectId: number): Promise<Evaluation[]>;
  getEvaluation(id: number): Promise<Evaluation | null>;
  createEvaluation(evaluation: Omit<Evaluation, 'id' | 'createdAt'>): Promise<Evaluation>;
  updateEvaluation(id: number, patch: Partial<Omit<Evaluation, 'id' | 'projectId' | 'createdAt'>>): Promise<Evaluation>;
  deleteEvaluation(id: number): Promise<void>;

  // Implementation scores (six per evaluation) and light decisions (three per evaluation)
  listScores(evaluationId: number): Promise<ImplementationScore[]>;
  setScore(score: ImplementationScore): Promise<ImplementationScore>;
  getScore(evaluationId: number, parameter: ImplementationParameter): Promise<ImplementationScore | null>;
  listLightDecisions(evaluationId: number): Promise<LightDecision[]>;
  getLightDecision(evaluationId: number, kind: LightKind): Promise<LightDecision | null>;
  setLightDecision(decision: LightDecision): Promise<LightDecision>;

  // Survey indicators and learning points (per evaluation)
  listSurveyIndicators(evaluationId: number): Promise<SurveyIndicator[]>;
  saveSurveyIndicator(item: NewOrExisting<SurveyIndicator>): Promise<SurveyIndicator>;
  deleteSurveyIndicator(id: number): Promise<void>;
  listLearningPoints(evaluationId: number): Promise<LearningPoint[]>;
  saveLearningPoint(item: NewOrExisting<LearningPoint>): Promise<LearningPoint>;
  deleteLearningPoint(id: number): Promise<void>;

  // Budget lines and financing (per project)
  listBudgetLines(projectId: number): Promise<BudgetLine[]>;
  saveBudgetLine(item: NewOrExisting<BudgetLine>): Promise<BudgetLine>;
  deleteBudgetLine(id: number): Promise<void>;
  listFinancing(projectId: number): Promise<FinancingSource[]>;
  saveFinancing(item: NewOrExisting<FinancingSource>): Promise<FinancingSource>;
  deleteFinancing(id: number): Promise<void>;

  // The evaluator's prose per report section (per evaluation; every key present, '' = unwritten)
  getEvaluationTexts(evaluationId: number): Promise<EvaluationTexts>;
  setEvaluationText(evaluationId: number, key: EvaluationTextKey, text: string): Promise<EvaluationTexts>;

  // Sign-off. A final round is locked: any write (through this store, in any transaction) that
  // would change its content or the figures it is computed from is refused with LockedError.
  getSignOff(evaluationId: number): Promise<EvaluationSignOff>;
  /** The methodology profile recorded when the round was finalised; null for a draft. */
  getSealedProfile(evaluationId: number): Promise<MethodologyProfile | null>;
  /** Records who (the store's user) and when, the profile in force and the sealed content. */
  finalizeEvaluation(evaluationId: number): Promise<EvaluationSignOff>;
  /** Back to draft; the reason is written to the audit log (the caller checks it is not empty). */
  reopenEvaluation(evaluationId: number, reason: string): Promise<EvaluationSignOff>;

  // Audit log, newest first
  listAudit(filter?: AuditFilter): Promise<AuditEntry[]>;

  /** A stable digest of all user data (not the audit log), for "nothing changed" checks. */
  dataDigest(): Promise<string>;
}

/** An item without id is created; with id it is updated. */
export type NewOrExisting<T extends { id: number }> = Omit<T, 'id'> & { id?: number };

export interface AuditFilter {
  projectId?: number;
  entity?: AuditEntity;
  /** Free-text match on field, old and new value. */
  text?: string;
  limit?: number;
  offset?: number;
}

/** Danish names of the stored entities, for messages a user reads. */
const ENTITY_NAMES: Record<string, string> = {
  project: 'Projektet',
  goal: 'Målet',
  evaluation: 'Evalueringen',
  effectChainItem: 'Punktet i effektkæden',
  surveyIndicator: 'Surveyindikatoren',
  learningPoint: 'Læringspunktet',
  budgetLine: 'Budgetlinjen',
  financingSource: 'Finansieringskilden',
  status: 'Statusrapporten',
};

export class NotFoundError extends Error {
  readonly code = 'NOT_FOUND';
  constructor(entity: string, id: number | string) {
    super(`${ENTITY_NAMES[entity] ?? entity} (id ${id}) findes ikke. Den kan være slettet i mellemtiden.`);
    this.name = 'NotFoundError';
  }
}

export class ConflictError extends Error {
  readonly code = 'CONFLICT';
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

/**
 * A write that would change a final (signed-off) evaluation round. The message names the round,
 * who finalised it and when, and what the write would have changed.
 */
export class LockedError extends Error {
  readonly code = 'LOCKED';
  constructor(
    message: string,
    readonly evaluationId: number,
  ) {
    super(message);
    this.name = 'LockedError';
  }
}

/** The database was written by a newer Trafiklys: refuse it and leave the file untouched. */
export class DatabaseNewerError extends Error {
  readonly code = 'DB_NEWER';
  constructor(
    readonly path: string,
    readonly fileVersion: number,
    readonly appVersion: number,
  ) {
    super(
      `Databasen ${path} er lavet af en nyere version af Trafiklys (skemaversion ${fileVersion}; ` +
        `denne version kender op til ${appVersion}). Opdater Trafiklys for at åbne den. Filen er ikke ændret.`,
    );
    this.name = 'DatabaseNewerError';
  }
}

/** A migration failed: everything was rolled back; a copy taken before migrating is kept. */
export class MigrationError extends Error {
  readonly code = 'MIGRATION_FAILED';
  constructor(
    readonly path: string,
    readonly version: number,
    readonly backupPath: string | null,
    cause: unknown,
  ) {
    super(
      `Opgradering af databasen ${path} til skemaversion ${version} mislykkedes og er rullet tilbage: ` +
        `${cause instanceof Error ? cause.message : String(cause)}` +
        (backupPath ? ` En kopi fra før opgraderingen ligger i ${backupPath}.` : ''),
      { cause },
    );
    this.name = 'MigrationError';
  }
}

/** The file is not a SQLite database (or is corrupt). */
export class NotADatabaseError extends Error {
  readonly code = 'NOT_A_DATABASE';
  constructor(readonly path: string, cause: unknown) {
    super(`${path} er ikke en Trafiklys-database (kan ikke læses som SQLite).`, { cause });
    this.name = 'NotADatabaseError';
  }
}
