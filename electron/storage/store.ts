import type {
  BusinessCase,
  AuditEntity,
  AuditEntry,
  BudgetLine,
  EffectChainItem,
  Evaluation,
  EvaluationSignOff,
  EvaluationTextKey,
  EvaluationTexts,
  FigureApproval,
  FigureRef,
  FinancingSource,
  Goal,
  ImplementationScore,
  Indicator,
  LearningPoint,
  SpendingYear,
  LightDecision,
  LightKind,
  ImplementationParameter,
  Project,
  ProjectFacts,
  StatusKey,
  StatusReport,
  SurveyIndicator,
} from '../../shared/domain';
import type { MethodologyProfile } from '../../shared/methodology/profile';
import type { IndicatorGoal } from '../../shared/methodology/indicators';
import type { ProjectSource } from '../../shared/sources/types';
import type { SearchHit } from '../../shared/search/types';
import type { SourceToKeep } from './sources';
import type { TeamRights } from '../../shared/team/rights';
import type { ProfileVersion, ProfileVersionRef } from '../../shared/methodology/profileVersion';
import type { RecycleBinEntry } from '../../shared/contracts/views';
import { staleWriteMessage, storageMessage, type ReadOnlyReason, type StorageProblem } from './messages';

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
  /** Why the portfolio is open read-only (every write then throws DatabaseReadOnlyError), or null. */
  readonly readOnly: ReadOnlyReason | null;
  close(): Promise<void>;

  /** Runs `fn` in one transaction: all of its writes commit together or none do. */
  transaction<T>(fn: (tx: PortfolioStore) => Promise<T>): Promise<T>;

  // Portfolio settings
  /** The profile in force: the highest version. */
  getProfile(): Promise<MethodologyProfile>;
  /**
   * A value that differs whenever the file's data may have changed since it was last taken (a
   * write, a rollback, another program's commit); equal marks mean what was read between them
   * still holds. For reusing reads (an import's preview, check and write read the same project).
   */
  changeMark(): Promise<string>;
  getProfileVersion(): Promise<ProfileVersion>;
  /** Every version, newest first. */
  listProfileVersions(): Promise<ProfileVersion[]>;
  /** Makes a new version (who = the store's user, audited) unless the profile equals the one in force. */
  setProfile(profile: MethodologyProfile): Promise<void>;
  getSetting(key: string): Promise<string | null>;
  setSetting(key: string, value: string): Promise<void>;

  // Projects (delete is soft, so that it can be undone)
  listProjects(options?: { includeDeleted?: boolean }): Promise<Project[]>;
  /** How many live projects there are (what listProjects would return), without reading them. */
  countProjects(): Promise<number>;
  getProject(id: number): Promise<Project | null>;
  findProjectByName(name: string): Promise<Project | null>;
  createProject(facts: ProjectFacts): Promise<Project>;
  updateProject(id: number, patch: Partial<ProjectFacts>, options?: SaveOptions): Promise<Project>;
  deleteProject(id: number): Promise<void>;
  restoreProject(id: number): Promise<Project>;

  // Effect chain
  listEffectChain(projectId: number): Promise<EffectChainItem[]>;
  saveEffectChainItem(item: NewOrExisting<EffectChainItem>, options?: SaveOptions): Promise<EffectChainItem>;
  deleteEffectChainItem(id: number): Promise<void>;

  // Goals and their status history
  listGoals(projectId: number): Promise<Goal[]>;
  /** Every goal of every live project, by project, then position. */
  listPortfolioGoals(): Promise<Goal[]>;
  /** The same goals with only what the indicator suggestions compare (a national portfolio has 150,000). */
  listGoalWordings(): Promise<IndicatorGoal[]>;
  getGoal(id: number): Promise<Goal | null>;
  createGoal(goal: NewGoal): Promise<Goal>;
  updateGoal(id: number, patch: Partial<Omit<Goal, 'id' | 'projectId'>>, options?: SaveOptions): Promise<Goal>;
  /** Deletes the goal with its statuses; both are kept in the recycle bin until restored or emptied. Returns the bin entry's id. */
  deleteGoal(id: number): Promise<number>;
  /** All status reports of a project's goals, oldest first (by reportedAt, then id). */
  listStatusReports(projectId: number): Promise<StatusReport[]>;
  /** The same statuses in the same order, with only the fields the import compares by. */
  listStatusKeys(projectId: number): Promise<StatusKey[]>;
  addStatusReport(report: Omit<StatusReport, 'id' | 'createdAt'>): Promise<StatusReport>;
  /**
   * Several status reports in one write (all or none), as addStatusReport each would store and
   * audit them, in the order given; returns them in that order. For imports: one statement
   * per batch instead of several per report.
   */
  addStatusReports(reports: Omit<StatusReport, 'id' | 'createdAt'>[]): Promise<StatusReport[]>;

  // Approval of reported figures (issue 13): statuses and a round's budget and time figures
  // that an import wrote are 'reported' until approved or returned with a comment.
  /**
   * Approves the figures in one write (all or none), by the store's user, now; audited. Refused
   * (ConflictError) when one is not 'reported' (approved, returned, or entered by hand), and
   * (LockedError) when one is sealed by a final round. Returns the decision.
   */
  approveFigures(refs: FigureRef[]): Promise<FigureApproval>;
  /** As approveFigures, returning them to the grant recipient; the comment is required. */
  returnFigures(refs: FigureRef[], comment: string): Promise<FigureApproval>;
  /** An import wrote the round's budget and time figures: they are 'reported' again (audited). */
  markProgressReported(evaluationId: number): Promise<Evaluation>;
  /**
   * Per goal of the project, the status in force at `date` (null = no round: the latest) by the
   * engine's rule (shared/methodology/statusInForce.ts): the latest `reportedAt` on or before the
   * date, of equal dates the one stored last. One indexed query; goals without one are left out.
   */
  listStatusesInForce(projectId: number, date: string | null): Promise<StatusReport[]>;

  // The portfolio's kept figures (migration 004). Triggers mark a project's row stale on every
  // write its figures depend on; the service recomputes stale rows when it reads them.
  /** Every live project's row, in the order of listProjects (name, then id). */
  /**
   * With `poolPrefix` the pool JSON is not read (a summary-only read of 5,000 projects spends
   * half its time fetching it): `pool` is null and `poolCurrent` says whether it starts so.
   */
  listKeptFigures(options?: { poolPrefix?: string }): Promise<KeptFiguresRow[]>;
  /**
   * Every live project's revision and the revision its kept figures were computed at, without
   * their JSON (order of listProjects): what a reader holding figures in memory checks them by.
   */
  listKeptRevisions(): Promise<KeptRevision[]>;
  /** The kept JSON of these projects (any order); without `pool` the pool is not read, only whether it starts with `poolPrefix`. */
  readKeptFigures(projectIds: readonly number[], options: { pool: boolean; poolPrefix: string }): Promise<KeptFiguresText[]>;
  /** Stores figures computed at `revision`; a no-op when a write has moved the revision on since. */
  keepFigures(projectId: number, revision: number, figures: { summary: string; pool: string }): Promise<void>;

  // Recycle bin: softly deleted projects and deleted goals (with their statuses)
  listRecycleBin(): Promise<RecycleBinEntry[]>;
  /** Brings a deleted goal back with its id and status history (a bin entry's id). */
  restoreGoal(binId: number): Promise<Goal>;
  /** Deletes for good what was deleted before `deletedBefore` (ISO time), or everything; returns how many. */
  emptyRecycleBin(options?: { deletedBefore?: string }): Promise<number>;
  /** Deletes one bin entry for good: a goal (bin id), or a deleted project (its id) with its goals in the bin. */
  purgeRecycleBinEntry(kind: 'project' | 'goal', id: number): Promise<void>;

  // Indicators (portfolio-wide; deleting one unlinks its goals)
  listIndicators(): Promise<Indicator[]>;
  getIndicator(id: number): Promise<Indicator | null>;
  saveIndicator(item: IndicatorInput): Promise<Indicator>;
  deleteIndicator(id: number): Promise<void>;
  /**
   * Loads a catalogue (common indicators from the user's CSV) in one transaction: an indicator
   * whose code exists is updated, the rest created. Returns them in the given order.
   */
  loadIndicators(items: Omit<IndicatorInput, 'id'>[]): Promise<{ indicators: Indicator[]; created: number; updated: number }>;

  // Business case (one per project; issue 14)
  getBusinessCase(projectId: number): Promise<BusinessCase | null>;
  saveBusinessCase(item: BusinessCase): Promise<BusinessCase>;
  deleteBusinessCase(projectId: number): Promise<void>;

  // Evaluation rounds (delete is soft, so that it can be undone; list and get see live rounds)
  listEvaluations(projectId: number): Promise<Evaluation[]>;
  getEvaluation(id: number): Promise<Evaluation | null>;
  createEvaluation(evaluation: Omit<Evaluation, 'id' | 'createdAt'>): Promise<Evaluation>;
  updateEvaluation(id: number, patch: Partial<Omit<Evaluation, 'id' | 'projectId' | 'createdAt'>>): Promise<Evaluation>;
  deleteEvaluation(id: number): Promise<void>;
  restoreEvaluation(id: number): Promise<Evaluation>;

  // Implementation scores (six per evaluation) and light decisions (three per evaluation)
  listScores(evaluationId: number): Promise<ImplementationScore[]>;
  setScore(score: ImplementationScore, options?: SaveOptions): Promise<ImplementationScore>;
  getScore(evaluationId: number, parameter: ImplementationParameter): Promise<ImplementationScore | null>;
  listLightDecisions(evaluationId: number): Promise<LightDecision[]>;
  getLightDecision(evaluationId: number, kind: LightKind): Promise<LightDecision | null>;
  setLightDecision(decision: LightDecision, options?: SaveOptions): Promise<LightDecision>;

  // Survey indicators and learning points (per evaluation)
  listSurveyIndicators(evaluationId: number): Promise<SurveyIndicator[]>;
  saveSurveyIndicator(item: NewOrExisting<SurveyIndicator>, options?: SaveOptions): Promise<SurveyIndicator>;
  deleteSurveyIndicator(id: number): Promise<void>;
  listLearningPoints(evaluationId: number): Promise<LearningPoint[]>;
  saveLearningPoint(item: NewOrExisting<LearningPoint>, options?: SaveOptions): Promise<LearningPoint>;
  deleteLearningPoint(id: number): Promise<void>;
  /** A round's spending by year, by year. */
  listSpendingYears(evaluationId: number): Promise<SpendingYear[]>;
  saveSpendingYear(item: NewOrExisting<SpendingYear>, options?: SaveOptions): Promise<SpendingYear>;
  deleteSpendingYear(id: number): Promise<void>;

  // Budget lines and financing (per project)
  listBudgetLines(projectId: number): Promise<BudgetLine[]>;
  /** One budget line by id; null when there is none. */
  getBudgetLine(id: number): Promise<BudgetLine | null>;
  saveBudgetLine(item: NewOrExisting<BudgetLine>, options?: SaveOptions): Promise<BudgetLine>;
  deleteBudgetLine(id: number): Promise<void>;
  listFinancing(projectId: number): Promise<FinancingSource[]>;
  saveFinancing(item: NewOrExisting<FinancingSource>, options?: SaveOptions): Promise<FinancingSource>;
  deleteFinancing(id: number): Promise<void>;

  // The evaluator's prose per report section (per evaluation; every key present, '' = unwritten)
  getEvaluationTexts(evaluationId: number): Promise<EvaluationTexts>;
  setEvaluationText(evaluationId: number, key: EvaluationTextKey, text: string, options?: SaveOptions): Promise<EvaluationTexts>;
  /** Each text's row version (0 = never saved), what `setEvaluationText` takes as `expectedVersion`. */
  getEvaluationTextVersions(evaluationId: number): Promise<Record<EvaluationTextKey, number>>;

  // Sign-off. A final round is locked: any write (through this store, in any transaction) that
  // would change its content or the figures it is computed from is refused with LockedError.
  getSignOff(evaluationId: number): Promise<EvaluationSignOff>;
  /** The methodology profile recorded when the round was finalised; null for a draft. */
  getSealedProfile(evaluationId: number): Promise<MethodologyProfile | null>;
  /** The version a final round was scored with; null when it predates versions; undefined for a draft. */
  getSealedProfileVersion(evaluationId: number): Promise<ProfileVersionRef | null | undefined>;
  /** Records who (the store's user) and when, the profile in force and the sealed content. */
  finalizeEvaluation(evaluationId: number): Promise<EvaluationSignOff>;
  /** Back to draft; the reason is written to the audit log (the caller checks it is not empty). */
  reopenEvaluation(evaluationId: number, reason: string): Promise<EvaluationSignOff>;

  // Audit log, newest first
  listAudit(filter?: AuditFilter): Promise<AuditEntry[]>;

  /**
   * What this session's user may change on a team server (roles, writable tables, assigned
   * projects), for the UI to show refusals before they happen; null: everything (a file, or a
   * server's superuser or a user without Trafiklys roles: the server decides).
   */
  teamRights(): Promise<TeamRights | null>;
  /** On a server: drops every connection after the line was lost, so that waiting queries fail now and the next connects afresh. */
  resetConnections(): void;

  /** A stable digest of all user data (not the audit log, not the kept figures: they are derived), for "nothing changed" checks. */
  dataDigest(): Promise<string>;

  // The files a project was imported from (kept once per content hash; see storage/sources.ts)
  keepSource(projectId: number, source: SourceToKeep): Promise<ProjectSource>;
  listSources(projectId: number): Promise<ProjectSource[]>;
  /** One of the project's sources with its bytes; null when the project has no such source. */
  readSource(projectId: number, sourceId: number): Promise<{ source: ProjectSource; bytes: Buffer } | null>;

  /** Full-text search over the live projects' texts, best match first, at most `limit` hits. */
  search(text: string, limit: number): Promise<SearchHit[]>;
}

/** One project's kept figures as stored (JSON text); stale when `computedRevision !== revision`. */
export interface KeptFiguresRow {
  projectId: number;
  revision: number;
  computedRevision: number | null;
  summary: string | null;
  pool: string | null;
  /** Only from a read with `poolPrefix`: the stored pool exists and starts with it. */
  poolCurrent?: boolean;
}

/** A project's revision (bumped by every write its figures depend on) and the one its kept figures were computed at. */
export interface KeptRevision {
  projectId: number;
  revision: number;
  computedRevision: number | null;
}

/** A kept row's JSON as `readKeptFigures` reads it; `pool` is null when not asked for. */
export interface KeptFiguresText extends KeptRevision {
  summary: string | null;
  pool: string | null;
  poolCurrent: boolean;
}

/** An item without id is created; with id it is updated. */
export type { RecycleBinEntry };

export type NewOrExisting<T extends { id: number }> = Omit<T, 'id'> & { id?: number };

/** A new goal; without `indicatorId` it is not linked to an indicator. */
export type NewGoal = Omit<Goal, 'id' | 'indicatorId'> & { indicatorId?: number | null };

/** An indicator to create (no id) or update (id). */
export type IndicatorInput = Omit<Indicator, 'id' | 'createdAt'> & { id?: number };

/**
 * How a save of a versioned row (projects, goals, scores, lights, the round's texts) is checked.
 * With `expectedVersion` (the `version` the row was read with; 0 = read as not saved yet) the
 * save is refused with StaleWriteError, and nothing changes, when the row's version differs: the
 * check and the write are one `UPDATE ... WHERE version = ?` in the write's transaction. Without
 * it (imports, the CLI, older callers) the save is applied as before. Either way a save that
 * changes the row bumps its version.
 */
export interface SaveOptions {
  expectedVersion?: number;
}

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
  indicator: 'Indikatoren',
  evaluation: 'Evalueringsrunden',
  effectChainItem: 'Punktet i effektkæden',
  surveyIndicator: 'Surveyindikatoren',
  learningPoint: 'Læringspunktet',
  budgetLine: 'Budgetlinjen',
  spendingYear: 'Forbruget for året',
  financingSource: 'Finansieringskilden',
  status: 'Statusrapporten',
  recycleBin: 'Posten i papirkurven',
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
 * A save based on a version of the row that is no longer the current one (issue 13: no lost
 * update): someone else saved the row in between. Nothing was changed; the message says who and
 * when ("Ændret af NAME kl. hh:mm; genindlæs"), `staleWriteMessage` renders it in English.
 */
export class StaleWriteError extends ConflictError {
  constructor(
    /** Who saved the row last (the audit log's user), '' when the log does not say. */
    readonly changedBy: string,
    /** When (ISO time), or null when the log does not say. */
    readonly changedAt: string | null,
    /** The row's version now: what a save must name after reloading. */
    readonly currentVersion: number,
  ) {
    super(staleWriteMessage('da', changedBy, changedAt));
    this.name = 'StaleWriteError';
  }
}

/**
 * A write the database server refuses for the user's rights (PostgreSQL: missing GRANT or a
 * row-level security policy, issue 13). The message names the missing right in Danish.
 */
export class PermissionError extends ConflictError {
  constructor(message: string, cause?: unknown) {
    super(message);
    this.name = 'PermissionError';
    if (cause !== undefined) (this as { cause?: unknown }).cause = cause;
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

/**
 * A portfolio file that cannot be used as asked: its `code` is stable (it crosses IPC as
 * ErrorCode), its `problem` names the file and what is known, and its message is the Danish text
 * of `storageMessage` (the CLI renders the problem in English when asked).
 */
export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    readonly problem: StorageProblem,
    cause?: unknown,
  ) {
    super(storageMessage('da', problem), cause === undefined ? undefined : { cause });
    this.name = 'StorageError';
  }
  get path(): string {
    return this.problem.file;
  }
}

export type StorageErrorCode = 'DB_BUSY' | 'DB_CORRUPT' | 'DB_READ_ONLY' | 'DB_FULL' | 'DB_FOREIGN' | 'DB_IO' | 'DB_NEWER' | 'NOT_A_DATABASE' | 'MIGRATION_FAILED' | 'DB_SERVER';

/** Another connection holds the write lock longer than the busy timeout (about 5 s). */
export class DatabaseBusyError extends StorageError {
  constructor(file: string, cause?: unknown) {
    super('DB_BUSY', { code: 'DB_BUSY', file }, cause);
    this.name = 'DatabaseBusyError';
  }
}

/** SQLite found the file damaged (SQLITE_CORRUPT); `backups` are the copies kept before upgrades. */
export class DatabaseCorruptError extends StorageError {
  constructor(file: string, backups: string[], detail: string, cause?: unknown) {
    super('DB_CORRUPT', { code: 'DB_CORRUPT', file, backups, detail }, cause);
    this.name = 'DatabaseCorruptError';
  }
}

/** A write to a portfolio open read-only, or an upgrade a read-only file would need. */
export class DatabaseReadOnlyError extends StorageError {
  constructor(problem: Extract<StorageProblem, { code: 'DB_READ_ONLY' | 'DB_READ_ONLY_UPGRADE' }>, cause?: unknown) {
    super('DB_READ_ONLY', problem, cause);
    this.name = 'DatabaseReadOnlyError';
  }
}

/** SQLITE_FULL: the write was rolled back, nothing saved before is lost. */
export class DiskFullError extends StorageError {
  constructor(file: string, cause?: unknown) {
    super('DB_FULL', { code: 'DB_FULL', file }, cause);
    this.name = 'DiskFullError';
  }
}

/** Any other failure to read or write the file (SQLITE_IOERR, SQLITE_CANTOPEN, ...). */
export class DatabaseIoError extends StorageError {
  constructor(file: string, detail: string, cause?: unknown) {
    super('DB_IO', { code: 'DB_IO', file, detail }, cause);
    this.name = 'DatabaseIoError';
  }
}

/** A portfolio on a PostgreSQL server that cannot be reached or refuses the user (nothing is changed). */
export class DatabaseServerError extends StorageError {
  constructor(problem: Extract<StorageProblem, { code: 'DB_SERVER' }>, cause?: unknown) {
    super('DB_SERVER', problem, cause);
    this.name = 'DatabaseServerError';
  }
}

/** An SQLite file of another program: refused before anything in it is changed. */
export class ForeignDatabaseError extends StorageError {
  constructor(file: string, tables: string[]) {
    super('DB_FOREIGN', { code: 'DB_FOREIGN', file, tables });
    this.name = 'ForeignDatabaseError';
  }
}

/** The database was written by a newer Trafiklys: refuse it and leave the file untouched. */
export class DatabaseNewerError extends StorageError {
  constructor(
    path: string,
    readonly fileVersion: number,
    readonly appVersion: number,
  ) {
    super('DB_NEWER', { code: 'DB_NEWER', file: path, fileVersion, appVersion });
    this.name = 'DatabaseNewerError';
  }
}

/** A migration failed: everything was rolled back; a copy taken before migrating is kept. */
export class MigrationError extends StorageError {
  constructor(
    path: string,
    readonly version: number,
    readonly backupPath: string | null,
    cause: unknown,
  ) {
    super('MIGRATION_FAILED', { code: 'MIGRATION_FAILED', file: path, version, backupPath, detail: cause instanceof Error ? cause.message : String(cause) }, cause);
    this.name = 'MigrationError';
  }
}

/** The file is not a SQLite database. */
export class NotADatabaseError extends StorageError {
  constructor(path: string, cause: unknown) {
    super('NOT_A_DATABASE', { code: 'NOT_A_DATABASE', file: path }, cause);
    this.name = 'NotADatabaseError';
  }
}
