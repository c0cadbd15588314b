import { createHash } from 'node:crypto';
import os from 'node:os';
import type {
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
  GoalLevel,
  ImplementationParameter,
  ImplementationScore,
  BusinessCase,
  Indicator,
  LearningPoint,
  SpendingYear,
  LightDecision,
  LightKind,
  Project,
  ProjectFacts,
  StatusKey,
  StatusReport,
  SurveyIndicator,
} from '../../shared/domain';
import { EVALUATION_TEXT_KEYS } from '../../shared/domain';
import { DEFAULT_PROFILE } from '../../shared/methodology/profile';
import { MethodologyProfileSchema } from '../../shared/contracts/schemas';
import type { MethodologyProfile } from '../../shared/methodology/profile';
import type { IndicatorGoal } from '../../shared/methodology/indicators';
import type { ProfileVersion, ProfileVersionRef } from '../../shared/methodology/profileVersion';
import { openDatabase } from './migrations/migrate';
import { VERSIONED_TABLES } from './migrations/012_row_versions';
import { MORE_VERSIONED_TABLES } from './migrations/014_more_row_versions';
import type { Migration } from './migrations/migrate';
import { NestedLockError, sqliteCode } from './sqlite';
import type { Database, SqlConn, SqlValue } from './sqlite';
import { postgresDialect, sqliteDialect, type Dialect } from './dialect';
import { isPostgresUrl, openPgDatabase } from './pg/pgDb';
import type { TlsMode } from '../../shared/serverConnection';
import { describeDifference, finalRoundName, firstDifference, lockedMessage, roundName, sealOf, type SealedRound, type SealInput } from './seal';
import { ConflictError, LockedError, NotFoundError, PermissionError, StaleWriteError } from './store';
import { permissionMessage } from './pg/roleMatrix';
import type { AuditFilter, IndicatorInput, KeptFiguresRow, KeptFiguresText, KeptRevision, NewGoal, NewOrExisting, PortfolioStore, RecycleBinEntry, SaveOptions } from './store';
import type { ReadOnlyReason } from './messages';
import type { ProjectSource } from '../../shared/sources/types';
import { keepSource, listSources, readSource, type SourceToKeep } from './sources';
import { searchPortfolio } from './search';
import { groupRoleName, TEAM_ROLES } from '../../shared/team/roleMatrix';
import { writableTables, type TeamRights } from '../../shared/team/rights';
import { statusInForce } from '../../shared/methodology/statusInForce';
import { formatDanishDate } from '../../shared/numbers/danishDate';
import { approvalNotPending } from '../../shared/approval';
import type { SearchHit } from '../../shared/search/types';

export interface OpenPortfolioStoreOptions {
  /** Recorded in the audit log. Default: the OS user name, else $USER, else 'ukendt'. */
  user?: string;
  /** Clock for audit rows and timestamps. Default: `new Date()`. */
  now?: () => Date;
  /** Replaces the app's migration list. For tests only. */
  migrations?: readonly Migration[];
  /** Open read-only although the file could be written (see openDatabase). */
  readonly?: boolean;
  /** On a server: the password, handed to the driver apart from the URL (see PgDb.open). */
  password?: string;
  /** On a server: TLS as the app's connection dialog chose it (see PgDb.open). */
  tls?: TlsMode;
}

function defaultUser(): string {
  try {
    const name = os.userInfo().username;
    if (name) return name;
  } catch {
    // No passwd entry (containers): fall through.
  }
  return process.env.USER || process.env.USERNAME || 'ukendt';
}

/**
 * Opens (creating and migrating if needed) the portfolio database at `path` (or ':memory:').
 * See `openDatabase` for the rules on newer, older and foreign files. A `postgres://` URL opens
 * the portfolio on a PostgreSQL server instead (electron/storage/pg/pgDb.ts), same contract.
 */
export async function openPortfolioStore(path: string, options: OpenPortfolioStoreOptions = {}): Promise<PortfolioStore> {
  const now = options.now ?? (() => new Date());
  if (isPostgresUrl(path)) {
    if (options.readonly) throw new Error('A portfolio on a PostgreSQL server is opened read-write; read-only rights are the server\'s (not yet).');
    const pgDb = await openPgDatabase(path, { migrations: options.migrations, password: options.password, tls: options.tls });
    const pgSeals = await pgDb.withLock((c) => postgresDialect.tableExists(c, 'evaluation_sign_offs'));
    const pgVersions = await pgDb.withLock((c) => hasRowVersions(c, postgresDialect));
    const pgMore = await pgDb.withLock((c) => hasRowVersions(c, postgresDialect, 'budget_lines'));
    // The audit log names the server's user of the session (who logged in), not the OS user.
    return new SqliteStore(pgDb, postgresDialect, pgDb.user, now, null, pgSeals, pgVersions, pgMore);
  }
  const db = await openDatabase(path, { migrations: options.migrations, now, readonly: options.readonly });
  // Only a test's own migration list can leave out the sign-off table; then there is nothing to seal.
  const seals = await db.withLock((c) => sqliteDialect.tableExists(c, 'evaluation_sign_offs'));
  const versions = await db.withLock((c) => hasRowVersions(c, sqliteDialect));
  const more = await db.withLock((c) => hasRowVersions(c, sqliteDialect, 'budget_lines'));
  return new SqliteStore(db, sqliteDialect, options.user ?? defaultUser(), now, null, seals, versions, more);
}

/** Whether the rows carry versions (migration 012; 014 for `budget_lines` and its kin); only a test's own migration list leaves them out. */
async function hasRowVersions(c: SqlConn, dialect: Dialect, table = 'projects'): Promise<boolean> {
  return (await dialect.tableColumns(c, table)).some((col) => col.name === 'version');
}

// ---------------------------------------------------------------------------------------------
// Field mapping (exported for bulkLoad.ts, which writes the same rows in bulk)

export type FieldKind =
  /** text; undefined -> '' */
  | 'text'
  /** nullable value; undefined -> null */
  | 'nullable'
  /** required value; undefined -> NULL, which the NOT NULL constraint rejects */
  | 'required'
  /** position; undefined -> 0 */
  | 'position'
  /** kr in the domain, øre in the database; null stays null */
  | 'money'
  | 'moneyRequired'
  /** nullable; undefined on insert -> the column's default (left out of the INSERT) */
  | 'optional';

export interface FieldSpec {
  key: string;
  col: string;
  kind: FieldKind;
  defaultValue?: SqlValue;
}

export interface EntityDef {
  table: string;
  entity: AuditEntity;
  label: string;
  fields: FieldSpec[];
  parent: 'project' | 'evaluation' | 'goal';
  parentKey: string;
  /** The table has a `version` column (migration 012): reads return it, updates bump and check it. */
  versioned?: boolean;
}

export type Row = Record<string, SqlValue>;
type Obj = Record<string, unknown>;

export const f = (key: string, col: string, kind: FieldKind, defaultValue?: SqlValue): FieldSpec => ({ key, col, kind, defaultValue });

export const PROJECT_FIELDS: FieldSpec[] = [
  f('name', 'name', 'required'),
  f('grantRecipient', 'grant_recipient', 'text'),
  f('projectHolder', 'project_holder', 'text'),
  f('caseOfficer', 'case_officer', 'text'),
  f('fundingSource', 'funding_source', 'text'),
  f('priorityAxis', 'priority_axis', 'text'),
  f('totalBudgetKr', 'total_budget_ore', 'money'),
  f('periodStart', 'period_start', 'nullable'),
  f('periodEnd', 'period_end', 'nullable'),
  f('partners', 'partners', 'text'),
  f('journalNumber', 'journal_number', 'text'),
  f('description', 'description', 'text'),
];

export const EFFECT_CHAIN: EntityDef = {
  table: 'effect_chain_items',
  entity: 'effectChain',
  label: 'effectChainItem',
  parent: 'project',
  parentKey: 'projectId',
  versioned: true,
  fields: [
    f('projectId', 'project_id', 'required'),
    f('column', 'chain_column', 'required'),
    f('position', 'position', 'position'),
    f('text', 'text', 'text'),
  ],
};

export const GOALS: EntityDef = {
  table: 'goals',
  entity: 'goal',
  label: 'goal',
  parent: 'project',
  parentKey: 'projectId',
  versioned: true,
  fields: [
    f('projectId', 'project_id', 'required'),
    f('level', 'level', 'required'),
    f('code', 'code', 'required'),
    f('description', 'description', 'text'),
    f('unit', 'unit', 'text'),
    f('targetInPeriod', 'target_in_period', 'nullable'),
    f('targetAfterPeriod', 'target_after_period', 'nullable'),
    f('direction', 'direction', 'required', 'higher'),
    f('baseline', 'baseline', 'nullable'),
    f('position', 'position', 'position'),
    // Callers that predate indicators (older import code, fixtures) create goals without a link.
    f('indicatorId', 'indicator_id', 'optional'),
    // Issue 14 (migration 005); callers that predate shares create count goals without a comparison.
    f('measure', 'measure', 'optional', 'count'),
    f('shareTargetKind', 'share_target_kind', 'optional', 'percent'),
    f('denominatorTarget', 'denominator_target', 'optional'),
    f('comparisonValue', 'comparison_value', 'optional'),
    f('comparisonLabel', 'comparison_label', 'optional', ''),
    f('comparisonSource', 'comparison_source', 'optional', ''),
    f('comparisonYear', 'comparison_year', 'optional'),
  ],
};

const INDICATOR_FIELDS: FieldSpec[] = [
  f('code', 'code', 'text'),
  f('name', 'name', 'required'),
  f('unit', 'unit', 'text'),
  f('level', 'level', 'required'),
  f('common', 'common', 'optional', 0),
];

export const EVALUATIONS: EntityDef = {
  table: 'evaluations',
  entity: 'evaluation',
  label: 'evaluation',
  parent: 'project',
  parentKey: 'projectId',
  fields: [
    f('projectId', 'project_id', 'required'),
    f('type', 'type', 'required'),
    f('date', 'date', 'required'),
    f('evaluator', 'evaluator', 'text'),
    f('budgetSpentKr', 'budget_spent_ore', 'money'),
    f('budgetTotalReportedKr', 'budget_total_reported_ore', 'money'),
    f('monthsElapsedReported', 'months_elapsed_reported', 'nullable'),
    f('monthsTotalReported', 'months_total_reported', 'nullable'),
    f('progressReportedBy', 'progress_reported_by', 'text'),
    f('progressReportedAt', 'progress_reported_at', 'nullable'),
    f('overallStatus', 'overall_status', 'text'),
  ],
};

export const SURVEY: EntityDef = {
  table: 'survey_indicators',
  entity: 'survey',
  label: 'surveyIndicator',
  parent: 'evaluation',
  parentKey: 'evaluationId',
  versioned: true,
  fields: [
    f('evaluationId', 'evaluation_id', 'required'),
    f('group', 'respondent_group', 'text'),
    f('statement', 'statement', 'text'),
    f('positive', 'positive', 'required'),
    f('n', 'n', 'required'),
    f('scale', 'scale', 'required'),
    f('position', 'position', 'position'),
  ],
};

export const LEARNING: EntityDef = {
  table: 'learning_points',
  entity: 'learning',
  label: 'learningPoint',
  parent: 'evaluation',
  parentKey: 'evaluationId',
  versioned: true,
  fields: [
    f('evaluationId', 'evaluation_id', 'required'),
    f('kind', 'kind', 'required'),
    f('title', 'title', 'text'),
    f('text', 'text', 'text'),
    f('position', 'position', 'position'),
  ],
};

export const BUDGET: EntityDef = {
  table: 'budget_lines',
  entity: 'budgetLine',
  label: 'budgetLine',
  parent: 'project',
  parentKey: 'projectId',
  versioned: true,
  fields: [
    f('projectId', 'project_id', 'required'),
    f('costType', 'cost_type', 'text'),
    f('year', 'year', 'required'),
    f('amountKr', 'amount_ore', 'moneyRequired'),
    f('percentOfDirect', 'percent_of_direct', 'nullable'),
    f('position', 'position', 'position'),
  ],
};

export const SPENDING_YEARS: EntityDef = {
  table: 'spending_years',
  entity: 'spendingYear',
  label: 'spendingYear',
  parent: 'evaluation',
  parentKey: 'evaluationId',
  versioned: true,
  fields: [
    f('evaluationId', 'evaluation_id', 'required'),
    f('year', 'year', 'required'),
    f('spentKr', 'spent_ore', 'moneyRequired'),
    f('note', 'note', 'text'),
    f('position', 'position', 'position'),
  ],
};

export const FINANCING: EntityDef = {
  table: 'financing_sources',
  entity: 'financing',
  label: 'financingSource',
  parent: 'project',
  parentKey: 'projectId',
  versioned: true,
  fields: [
    f('projectId', 'project_id', 'required'),
    f('name', 'name', 'text'),
    f('amountKr', 'amount_ore', 'moneyRequired'),
    f('position', 'position', 'position'),
  ],
};

const SCORE_FIELDS = ['score', 'headline', 'text'] as const;
const LIGHT_FIELDS = ['suggested', 'override', 'reason', 'text'] as const;

function isMoney(kind: FieldKind): boolean {
  return kind === 'money' || kind === 'moneyRequired';
}

function oreToKr(ore: SqlValue): number | null {
  return ore === null || ore === undefined ? null : Number(ore) / 100;
}

function krToOre(kr: unknown, key: string): number | null {
  if (kr === null || kr === undefined) return null;
  if (typeof kr !== 'number' || !Number.isFinite(kr)) {
    throw new ConflictError(`${key} skal være et endeligt beløb i kr (got ${String(kr)}).`);
  }
  return Math.round(kr * 100);
}

/** Domain value -> SQL value for one field. */
export function toSql(spec: FieldSpec, value: unknown): SqlValue {
  if (isMoney(spec.kind)) return krToOre(value, spec.key);
  if (value === undefined) {
    if (spec.defaultValue !== undefined) return spec.defaultValue;
    if (spec.kind === 'text') return '';
    if (spec.kind === 'position') return 0;
    return null;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new ConflictError(`${spec.key} skal være et endeligt tal (got ${String(value)}).`);
  }
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
    throw new ConflictError(`${spec.key} kan ikke gemmes som ${typeof value}.`);
  }
  return value as SqlValue;
}

/** SQL value -> domain value for one field. */
function fromSql(spec: FieldSpec, value: SqlValue): unknown {
  if (isMoney(spec.kind)) return oreToKr(value);
  return value === undefined ? null : value;
}

function mapRow<T>(fields: FieldSpec[], row: Row, extra: Obj = {}): T {
  const out: Obj = { id: row.id };
  for (const spec of fields) out[spec.key] = fromSql(spec, row[spec.col]);
  return { ...out, ...extra } as T;
}

/** A row of an entity, with its version where the table keeps one. */
function mapDef<T>(def: EntityDef, row: Row): T {
  return mapRow<T>(def.fields, row, def.versioned ? { version: row.version } : {});
}

export function mapProject(row: Row): Project {
  return mapRow<Project>(PROJECT_FIELDS, row, { createdAt: row.created_at, updatedAt: row.updated_at, version: row.version });
}

function mapIndicator(row: Row): Indicator {
  return mapRow<Indicator>(INDICATOR_FIELDS, row, { createdAt: row.created_at, common: row.common === 1 });
}

const BUSINESS_CASE_FIELDS: FieldSpec[] = [
  f('costPerParticipantKr', 'cost_per_participant_ore', 'money'),
  f('costSource', 'cost_source', 'text'),
  f('savingPerCitizenYearKr', 'saving_per_citizen_year_ore', 'money'),
  f('savingSource', 'saving_source', 'text'),
  f('citizens', 'citizens', 'nullable'),
  f('citizensSource', 'citizens_source', 'text'),
  f('years', 'years', 'nullable'),
  f('yearsSource', 'years_source', 'text'),
  f('note', 'note', 'text'),
];

function mapBusinessCase(row: Row): BusinessCase {
  const out: Obj = { projectId: row.project_id };
  for (const spec of BUSINESS_CASE_FIELDS) out[spec.key] = fromSql(spec, row[spec.col]);
  return out as unknown as BusinessCase;
}

/**
 * A figure's approval from its columns (migration 013), or null: not from a report. The key is
 * left out when null, so a round or status without approval reads as before approvals existed.
 */
function approvalOf(row: Row, prefix: string): { approval: FigureApproval } | Record<string, never> {
  const state = row[`${prefix}_state`];
  if (state === null || state === undefined) return {};
  return {
    approval: {
      state: state as FigureApproval['state'],
      by: (row[`${prefix}_by`] as string | null) ?? '',
      at: (row[`${prefix}_at`] as string | null) ?? null,
      comment: (row[`${prefix}_comment`] as string | null) ?? '',
    },
  };
}

function mapEvaluation(row: Row): Evaluation {
  const approval = approvalOf(row, 'progress_approval');
  return mapRow<Evaluation>(EVALUATIONS.fields, row, { createdAt: row.created_at, ...('approval' in approval ? { progressApproval: approval.approval } : {}) });
}

function mapStatus(row: Row): StatusReport {
  return {
    id: row.id as number,
    goalId: row.goal_id as number,
    value: (row.value as number | null) ?? null,
    reportedAt: row.reported_at as string,
    reportedBy: row.reported_by as string,
    source: { file: row.source_file as string, location: row.source_location as string },
    printedPercent: (row.printed_percent as number | null) ?? null,
    denominator: (row.denominator as number | null) ?? null,
    ...approvalOf(row, 'approval'),
    createdAt: row.created_at as string,
  };
}

function mapScore(row: Row): ImplementationScore {
  return {
    evaluationId: row.evaluation_id as number,
    parameter: row.parameter as ImplementationParameter,
    score: (row.score as number | null) ?? null,
    headline: row.headline as string,
    text: row.text as string,
    version: row.version as number,
  };
}

function mapLight(row: Row): LightDecision {
  return {
    evaluationId: row.evaluation_id as number,
    kind: row.kind as LightKind,
    suggested: (row.suggested as LightDecision['suggested']) ?? null,
    override: (row.override as LightDecision['override']) ?? null,
    reason: row.reason as string,
    text: row.text as string,
    version: row.version as number,
  };
}

function mapAudit(row: Row): AuditEntry {
  return {
    id: row.id as number,
    at: row.at as string,
    user: row.user as string,
    projectId: (row.project_id as number | null) ?? null,
    entity: row.entity as AuditEntity,
    entityId: (row.entity_id as number | null) ?? null,
    field: row.field as string,
    oldValue: (row.old_value as string | null) ?? null,
    newValue: (row.new_value as string | null) ?? null,
  };
}

/** Audit text of a value: null stays null, objects become JSON. */
export function auditText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

/** Same value for storage purposes (1 and 1.0 are equal; null and '' are not). */
function same(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined) return b === null || b === undefined;
  if (b === null || b === undefined) return false;
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  return auditText(a) === auditText(b);
}

/** Constraint failures a user can cause, in words they understand. */
const CONSTRAINT_MESSAGES: [RegExp, string][] = [
  [/UNIQUE constraint failed: goals\.project_id, goals\.code/, 'Målkoden findes allerede i projektet. Hvert mål skal have sin egen kode.'],
  [/UNIQUE constraint failed: projects\.name|idx_projects_live_name|projects_live_name/i, 'Der findes allerede et projekt med det navn.'],
  [/UNIQUE constraint failed: indicators\.code/, 'Indikatorkoden findes allerede. Hver indikator skal have sin egen kode.'],
  [/FOREIGN KEY constraint failed/, 'Det, der henvises til, findes ikke (længere). Genindlæs og prøv igen.'],
  [/CHECK constraint failed: .*score/i, 'En score skal være et helt tal fra 1 til 5.'],
];

export function mapError(error: unknown): unknown {
  if (error instanceof NotFoundError || error instanceof ConflictError || error instanceof LockedError || error instanceof NestedLockError) return error;
  const code = sqliteCode(error);
  if (code === 'SQLITE_CONSTRAINT') {
    const message = error instanceof Error ? error.message : String(error);
    const known = CONSTRAINT_MESSAGES.find(([pattern]) => pattern.test(message));
    if (known) return new ConflictError(known[1]);
    return new ConflictError(`Data overholder ikke databasens regler: ${message.replace(/^SQLITE_CONSTRAINT: /, '')}`);
  }
  if (error instanceof RangeError || error instanceof TypeError) {
    if (/Parameter \d+ is/.test(error.message)) return new ConflictError(error.message);
  }
  return error;
}

interface AuditChange {
  projectId: number | null;
  entity: AuditEntity;
  entityId: number | null;
  field: string;
  oldValue: unknown;
  newValue: unknown;
}

/** One write operation: its connection, its timestamp and its audit rows. */
class WriteContext {
  constructor(
    readonly c: SqlConn,
    readonly at: string,
    private readonly user: string,
    /** Projects this write changed (every change is audited with its project): their seals are checked. */
    private readonly touched: Set<number>,
  ) {}

  async audit(change: AuditChange): Promise<void> {
    if (change.projectId !== null) this.touched.add(change.projectId);
    await this.c.run(
      `INSERT INTO audit_log (at, user, project_id, entity, entity_id, field, old_value, new_value)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        this.at,
        this.user,
        change.projectId,
        change.entity,
        change.entityId,
        change.field,
        auditText(change.oldValue),
        auditText(change.newValue),
      ],
    );
  }

  /** Audit rows of one write, in their order, a multi-row statement per BATCH_ROWS. */
  async auditMany(changes: AuditChange[]): Promise<void> {
    for (const change of changes) if (change.projectId !== null) this.touched.add(change.projectId);
    for (let i = 0; i < changes.length; i += BATCH_ROWS) {
      const part = changes.slice(i, i + BATCH_ROWS);
      await this.c.run(
        `INSERT INTO audit_log (at, user, project_id, entity, entity_id, field, old_value, new_value)
         VALUES ${part.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        part.flatMap((change) => [
          this.at,
          this.user,
          change.projectId,
          change.entity,
          change.entityId,
          change.field,
          auditText(change.oldValue),
          auditText(change.newValue),
        ]),
      );
    }
  }
}

interface TxState {
  conn: SqlConn;
  active: boolean;
  savepoints: number;
  /** Projects written in this transaction; their final rounds' seals are checked before commit. */
  touched: Set<number>;
}

/**
 * Stored profile texts parsed lately and their results: every import's check reads the profile
 * anew (its row, at every change mark) and a round's frozen profile is read with the round, and
 * the same text always parses to the same profile, so only a new text is parsed (zod and the
 * defaults merged). A few are kept (the current profile and the rounds' frozen ones); the caller
 * gets a copy it may change.
 */
const parsedProfiles = new Map<string, MethodologyProfile>();
const PARSED_PROFILES_KEPT = 8;

/** A stored profile (JSON) as the engine takes it; `where` names the place in errors. */
function parseStoredProfile(stored: string, where: string): MethodologyProfile {
  const known = parsedProfiles.get(stored);
  if (known) return structuredClone(known);
  const profile = parseProfileText(stored, where);
  if (parsedProfiles.size >= PARSED_PROFILES_KEPT) parsedProfiles.delete(parsedProfiles.keys().next().value!);
  parsedProfiles.set(stored, structuredClone(profile));
  return profile;
}

function parseProfileText(stored: string, where: string): MethodologyProfile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch (error) {
    throw new Error(`Den gemte metodeprofil kan ikke læses (ugyldig JSON i ${where}).`, { cause: error });
  }
  // A profile saved by an older version lacks settings added since: they take their defaults.
  const merged = { ...structuredClone(DEFAULT_PROFILE), ...(parsed as object) };
  const result = MethodologyProfileSchema.safeParse(merged);
  if (!result.success)
    throw new Error(
      `Den gemte metodeprofil er ugyldig (${where}): ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return result.data as MethodologyProfile;
}

/** "goalBands.final: Båndene ..." per problem, for a profile that is refused. */
function profileProblems(issues: { path: PropertyKey[]; message: string }[]): string {
  return `Metodeprofilen er ikke gemt: ${issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('; ')}`;
}

function mapProfileVersion(row: Row): ProfileVersion {
  return {
    version: row.version as number,
    createdAt: row.created_at as string,
    createdBy: row.created_by as string,
    profile: parseStoredProfile(row.profile as string, `profile_versions version ${row.version as number}`),
  };
}

const DRAFT: EvaluationSignOff = { state: 'draft', finalizedAt: null, finalizedBy: '' };

function signOffOf(row: Row): EvaluationSignOff {
  return { state: 'final', finalizedAt: row.finalized_at as string, finalizedBy: row.finalized_by as string };
}

function emptyTexts(): EvaluationTexts {
  return Object.fromEntries(EVALUATION_TEXT_KEYS.map((k) => [k, ''])) as EvaluationTexts;
}

// ---------------------------------------------------------------------------------------------

/**
 * The SQLite PortfolioStore. The root store takes the database lock for every call (reads
 * included, so that a read never sees another caller's uncommitted transaction). The store
 * handed to `transaction()` callbacks runs on the open transaction; each of its writes is a
 * SAVEPOINT, so a failed write inside a transaction leaves no half of itself behind.
 *
 * Inside `transaction(fn)`, use the `tx` argument: calling the root store from inside `fn`
 * rejects at once with NestedLockError (it would otherwise wait for the transaction forever).
 *
 * Before a write or a transaction commits, the final rounds of every project it changed are
 * checked against their seals (seal.ts); a difference throws LockedError and rolls it all back.
 * Checking here, at the one place every write passes, holds the IPC, imports and the CLI alike.
 */
/** Rows per multi-row statement (9 parameters a status row, well under SQLite's limit). */
const BATCH_ROWS = 500;

const STATUS_INSERT_COLUMNS = 'goal_id, value, reported_at, reported_by, source_file, source_location, printed_percent, denominator, approval_state, created_at';

function statusInsertValues(report: Omit<StatusReport, 'id' | 'createdAt'>, at: string): SqlValue[] {
  const num = (key: string, value: unknown): SqlValue => toSql(f(key, key, 'nullable'), value);
  return [
    report.goalId,
    num('value', report.value),
    toSql(f('reportedAt', 'reported_at', 'required'), report.reportedAt),
    report.reportedBy ?? '',
    report.source?.file ?? '',
    report.source?.location ?? '',
    num('printedPercent', report.printedPercent),
    num('denominator', report.denominator),
    // Only an import's 'reported' is taken on a new status; approving is approveFigures' alone.
    report.approval?.state === 'reported' ? 'reported' : null,
    at,
  ];
}

/**
 * Columns the data digest leaves out: when the file itself was made, not what a user entered
 * (migration 006 stamps profile version 1 with the time the file is created or migrated, so two
 * files with the same content would otherwise never digest alike), and the rows' versions
 * (migrations 012 and 014: how often a row was saved, not what it holds).
 */
const DIGEST_SKIPS: Record<string, readonly string[]> = {
  profile_versions: ['created_at'],
  ...Object.fromEntries([...VERSIONED_TABLES, ...MORE_VERSIONED_TABLES].map((table) => [table, ['version']])),
};

class SqliteStore implements PortfolioStore {
  readonly path: string;
  readonly readOnly: ReadOnlyReason | null;

  constructor(
    private readonly db: Database,
    /** What differs between SQLite and PostgreSQL; all other SQL is shared. */
    private readonly dialect: Dialect,
    readonly user: string,
    private readonly now: () => Date,
    private readonly tx: TxState | null,
    /** Whether the schema has final rounds to protect (always, except under a test's migration list). */
    private readonly seals = true,
    /** Whether rows carry versions to bump and check (likewise). */
    private readonly versions = true,
    /** Whether the rows of migration 014's tables carry them too (likewise). */
    private readonly moreVersions = true,
  ) {
    this.path = db.path;
    this.readOnly = db.readOnlyReason;
  }

  // --- plumbing ------------------------------------------------------------------------------

  private checkTx(): void {
    if (this.tx && !this.tx.active) {
      throw new Error('This transaction store is no longer valid: its transaction has ended.');
    }
  }

  private async read<T>(fn: (c: SqlConn) => Promise<T>): Promise<T> {
    try {
      if (this.tx) {
        this.checkTx();
        return await fn(this.tx.conn);
      }
      return await this.db.withLock(fn);
    } catch (error) {
      throw mapError(error);
    }
  }

  private async write<T>(fn: (w: WriteContext) => Promise<T>): Promise<T> {
    try {
      if (this.tx) {
        this.checkTx();
        const { conn, touched } = this.tx;
        return await this.savepoint(conn, () => fn(new WriteContext(conn, this.now().toISOString(), this.user, touched)));
      }
      return await this.db.transaction(async (conn) => {
        const touched = new Set<number>();
        const result = await fn(new WriteContext(conn, this.now().toISOString(), this.user, touched));
        await this.verifySeals(conn, touched);
        return result;
      });
    } catch (error) {
      throw mapError(error);
    }
  }

  private async savepoint<T>(conn: SqlConn, fn: () => Promise<T>): Promise<T> {
    const tx = this.tx as TxState;
    // Savepoint names cannot be bound; this one is generated, never user input.
    const name = `sp_${++tx.savepoints}`;
    await conn.exec(`SAVEPOINT ${name}`);
    try {
      const result = await fn();
      await conn.exec(`RELEASE ${name}`);
      return result;
    } catch (error) {
      await conn.exec(`ROLLBACK TO ${name}`);
      await conn.exec(`RELEASE ${name}`);
      throw error;
    }
  }

  async close(): Promise<void> {
    if (this.tx) throw new Error('Close the store, not the transaction store handed to transaction().');
    await this.db.close();
  }

  async transaction<T>(fn: (tx: PortfolioStore) => Promise<T>): Promise<T> {
    if (this.tx) {
      this.checkTx();
      return this.savepoint(this.tx.conn, () => fn(this));
    }
    try {
      return await this.db.transaction(async (conn) => {
        const state: TxState = { conn, active: true, savepoints: 0, touched: new Set() };
        try {
          const result = await fn(new SqliteStore(this.db, this.dialect, this.user, this.now, state, this.seals, this.versions, this.moreVersions));
          await this.verifySeals(conn, state.touched);
          return result;
        } finally {
          state.active = false;
        }
      });
    } catch (error) {
      throw mapError(error);
    }
  }

  // --- shared helpers ------------------------------------------------------------------------

  private async projectOfEvaluation(c: SqlConn, evaluationId: number): Promise<number | null> {
    const row = await c.get<{ project_id: number }>('SELECT project_id FROM evaluations WHERE id = ?', [evaluationId]);
    return row?.project_id ?? null;
  }

  /** A deleted round takes no new scores, lights or texts until it is restored. */
  private async projectOfLiveEvaluation(c: SqlConn, evaluationId: number): Promise<number | null> {
    const row = await c.get<{ project_id: number }>('SELECT project_id FROM evaluations WHERE id = ? AND deleted_at IS NULL', [evaluationId]);
    return row?.project_id ?? null;
  }

  private async projectOfGoal(c: SqlConn, goalId: number): Promise<number | null> {
    const row = await c.get<{ project_id: number }>('SELECT project_id FROM goals WHERE id = ?', [goalId]);
    return row?.project_id ?? null;
  }

  /** Checks that the parent exists (live, for projects); returns the audit project id. */
  private async requireParent(c: SqlConn, parent: EntityDef['parent'], id: unknown): Promise<number> {
    if (typeof id !== 'number') throw new NotFoundError(parent, String(id));
    if (parent === 'project') {
      const row = await c.get('SELECT id FROM projects WHERE id = ? AND deleted_at IS NULL', [id]);
      if (!row) throw new NotFoundError('project', id);
      return id;
    }
    const projectId = parent === 'evaluation' ? await this.projectOfLiveEvaluation(c, id) : await this.projectOfGoal(c, id);
    if (projectId === null) throw new NotFoundError(parent, id);
    return projectId;
  }

  private async auditProjectId(c: SqlConn, def: EntityDef, item: Obj): Promise<number | null> {
    const parentId = item[def.parentKey] as number;
    if (def.parent === 'project') return parentId;
    if (def.parent === 'evaluation') return this.projectOfEvaluation(c, parentId);
    return this.projectOfGoal(c, parentId);
  }

  private async getById<T>(c: SqlConn, def: EntityDef, id: number): Promise<T | null> {
    const row = await c.get<Row>(`SELECT * FROM ${def.table} WHERE id = ?`, [id]);
    return row ? mapDef<T>(def, row) : null;
  }

  private async listByParent<T>(def: EntityDef, parentId: number): Promise<T[]> {
    const parentCol = def.fields.find((s) => s.key === def.parentKey)!.col;
    return this.read(async (c) => {
      const rows = await c.all<Row>(`SELECT * FROM ${def.table} WHERE ${parentCol} = ? ORDER BY position, id`, [parentId]);
      return rows.map((row) => mapDef<T>(def, row));
    });
  }

  /** Inserts a row from a domain object; returns the new id. */
  private async insertRow(c: SqlConn, table: string, fields: FieldSpec[], item: Obj, extra: Record<string, SqlValue> = {}): Promise<number> {
    const given = fields.filter((s) => !(s.kind === 'optional' && item[s.key] === undefined));
    const cols = given.map((s) => s.col).concat(Object.keys(extra));
    const values = given.map((s) => toSql(s, item[s.key])).concat(Object.values(extra));
    const result = await c.run(
      `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
      values,
    );
    return result.lastID;
  }

  /**
   * Updates the fields of `patch` that differ from `before`, auditing each. Returns the changed
   * keys. `undefined` in the patch means "leave as is"; `null` clears. On a versioned table
   * (`version`), a change bumps the row's version, and with `expectedVersion` the save is refused
   * (StaleWriteError, nothing written) when the row is at another version: checked on the row
   * as read and again by the UPDATE itself (`AND version = ?`), so that a save committed by
   * another session in between (PostgreSQL) is caught too.
   */
  private async updateChanged(
    w: WriteContext,
    table: string,
    fields: FieldSpec[],
    id: number,
    before: Obj,
    patch: Obj,
    audit: { projectId: number | null; entity: AuditEntity },
    extraSet: Record<string, SqlValue> = {},
    version: { versioned: boolean; expectedVersion?: number } = { versioned: false },
  ): Promise<string[]> {
    const versioned = version.versioned && ((MORE_VERSIONED_TABLES as readonly string[]).includes(table) ? this.moreVersions : this.versions);
    const guarded = versioned && version.expectedVersion !== undefined;
    const sets: string[] = [];
    const values: SqlValue[] = [];
    const changes: AuditChange[] = [];
    for (const spec of fields) {
      if (!(spec.key in patch) || patch[spec.key] === undefined) continue;
      const sqlValue = toSql(spec, patch[spec.key]);
      const newValue = fromSql(spec, sqlValue);
      const oldValue = before[spec.key];
      if (same(oldValue, newValue)) continue;
      sets.push(`${spec.col} = ?`);
      values.push(sqlValue);
      changes.push({ ...audit, entityId: id, field: spec.key, oldValue, newValue });
    }
    // A save that changes nothing loses nothing: it is not refused (the same text sent twice, Enter then Tab).
    if (sets.length === 0) return [];
    if (guarded && before.version !== version.expectedVersion) await this.refuseStale(w.c, { entity: audit.entity, entityId: id }, Number(before.version));
    for (const [col, value] of Object.entries(extraSet)) {
      sets.push(`${col} = ?`);
      values.push(value);
    }
    if (versioned) sets.push('version = version + 1');
    const result = await w.c.run(
      `UPDATE ${table} SET ${sets.join(', ')} WHERE id = ?${guarded ? ' AND version = ?' : ''}`,
      guarded ? [...values, id, version.expectedVersion as number] : [...values, id],
    );
    if (guarded && result.changes === 0) await this.refuseStale(w.c, { entity: audit.entity, entityId: id }, await this.versionOf(w.c, `SELECT version FROM ${table} WHERE id = ?`, [id]));
    // Audited after the update, so that a refused save's lookup of who changed the row last
    // never finds this save's own rows.
    for (const change of changes) await w.audit(change);
    return changes.map((c) => c.field);
  }

  /**
   * The tail of an upsert's DO UPDATE on a versioned table: the bump, and with an expected
   * version the condition that makes a save based on an older one update nothing.
   */
  private versionSql(table: string, expected: number | undefined): string {
    if (!this.versions) return '';
    return `, version = ${table}.version + 1${expected !== undefined ? ` WHERE ${table}.version = ?` : ''}`;
  }

  /** A row's version now (0 when there is no such row). */
  private async versionOf(c: SqlConn, sql: string, params: SqlValue[]): Promise<number> {
    const row = await c.get<{ version: number }>(sql, params);
    return row ? Number(row.version) : 0;
  }

  /**
   * Refuses a save based on an old version of a row: StaleWriteError with who saved the row
   * last and when, from the newest audit row of the row (`fields`: of these audit fields only,
   * for rows audited under their round's id, like scores and texts).
   */
  private async refuseStale(c: SqlConn, target: { entity: AuditEntity; entityId: number; fields?: string[] }, current: number): Promise<never> {
    const fields = target.fields ?? [];
    const row = await c.get<Row>(
      `SELECT * FROM audit_log WHERE entity = ? AND entity_id = ?${fields.length ? ` AND field IN (${fields.map(() => '?').join(', ')})` : ''} ORDER BY id DESC LIMIT 1`,
      [target.entity, target.entityId, ...fields],
    );
    throw new StaleWriteError(row ? String(row.user ?? '') : '', row ? String(row.at) : null, current);
  }

  /** Create (no id) or update (id) of a simple child entity. */
  private async saveItem<T extends { id: number }>(def: EntityDef, item: NewOrExisting<T>, options: SaveOptions = {}): Promise<T> {
    return this.write(async (w) => {
      const obj = item as Obj;
      if (obj.id === undefined || obj.id === null) {
        const projectId = await this.requireParent(w.c, def.parent, obj[def.parentKey]);
        const id = await this.insertRow(w.c, def.table, def.fields, obj);
        const created = (await this.getById<T>(w.c, def, id))!;
        await w.audit({ projectId, entity: def.entity, entityId: id, field: 'created', oldValue: null, newValue: created });
        return created;
      }
      const id = obj.id as number;
      const before = await this.getById<T>(w.c, def, id);
      if (!before) throw new NotFoundError(def.label, id);
      const parentId = obj[def.parentKey];
      if (parentId !== undefined && parentId !== (before as Obj)[def.parentKey]) {
        await this.requireParent(w.c, def.parent, parentId);
      }
      const projectId = await this.auditProjectId(w.c, def, { ...(before as Obj), ...(parentId !== undefined ? { [def.parentKey]: parentId } : {}) });
      await this.updateChanged(w, def.table, def.fields, id, before as Obj, obj, { projectId, entity: def.entity }, {}, {
        versioned: def.versioned === true,
        expectedVersion: options.expectedVersion,
      });
      return (await this.getById<T>(w.c, def, id))!;
    });
  }

  private async deleteItem(def: EntityDef, id: number): Promise<void> {
    await this.write(async (w) => {
      const before = await this.getById<Obj>(w.c, def, id);
      if (!before) throw new NotFoundError(def.label, id);
      const projectId = await this.auditProjectId(w.c, def, before);
      await w.c.run(`DELETE FROM ${def.table} WHERE id = ?`, [id]);
      await w.audit({ projectId, entity: def.entity, entityId: id, field: 'deleted', oldValue: before, newValue: null });
    });
  }

  // --- settings ------------------------------------------------------------------------------

  changeMark(): Promise<string> {
    return this.read((c) => this.db.changeMark(c));
  }

  async getProfile(): Promise<MethodologyProfile> {
    return (await this.getProfileVersion()).profile;
  }

  getProfileVersion(): Promise<ProfileVersion> {
    return this.read(async (c) => {
      const row = await c.get<Row>('SELECT * FROM profile_versions ORDER BY version DESC LIMIT 1');
      // Every file gets version 1 when migrated; a file without one was changed outside the app.
      if (!row) throw new Error('Porteføljen har ingen metodeprofil (tabellen profile_versions er tom).');
      return mapProfileVersion(row);
    });
  }

  listProfileVersions(): Promise<ProfileVersion[]> {
    return this.read(async (c) => (await c.all<Row>('SELECT * FROM profile_versions ORDER BY version DESC')).map(mapProfileVersion));
  }

  async setProfile(profile: MethodologyProfile): Promise<void> {
    const checked = MethodologyProfileSchema.safeParse(profile);
    if (!checked.success) throw new ConflictError(profileProblems(checked.error.issues));
    await this.write(async (w) => {
      const row = await w.c.get<Row>('SELECT * FROM profile_versions ORDER BY version DESC LIMIT 1');
      const current = row ? mapProfileVersion(row) : null;
      const json = JSON.stringify(checked.data);
      if (current && JSON.stringify(current.profile) === json) return;
      const version = (current?.version ?? 0) + 1;
      await w.c.run('INSERT INTO profile_versions (version, profile, created_at, created_by) VALUES (?, ?, ?, ?)', [version, json, w.at, this.user]);
      await w.audit({
        projectId: null,
        entity: 'settings',
        entityId: null,
        field: 'profileVersion',
        oldValue: current ? { version: current.version, profile: current.profile } : null,
        newValue: { version, profile: checked.data },
      });
    });
  }

  getSetting(key: string): Promise<string | null> {
    return this.read(async (c) => {
      const row = await c.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [key]);
      return row ? row.value : null;
    });
  }

  async setSetting(key: string, value: string): Promise<void> {
    await this.write(async (w) => {
      const row = await w.c.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [key]);
      const old = row ? row.value : null;
      if (old === value) return;
      await w.c.run(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
        [key, value],
      );
      await w.audit({ projectId: null, entity: 'settings', entityId: null, field: key, oldValue: old, newValue: value });
    });
  }

  // --- projects ------------------------------------------------------------------------------

  listProjects(options: { includeDeleted?: boolean } = {}): Promise<Project[]> {
    return this.read(async (c) => {
      const rows = await c.all<Row>(
        `SELECT * FROM projects ${options.includeDeleted ? '' : 'WHERE deleted_at IS NULL'} ORDER BY name COLLATE NOCASE, id`,
      );
      return rows.map(mapProject);
    });
  }

  countProjects(): Promise<number> {
    return this.read(async (c) => Number((await c.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM projects WHERE deleted_at IS NULL'))?.n ?? 0));
  }

  /** A live project; null when missing or soft-deleted. */
  getProject(id: number): Promise<Project | null> {
    return this.read(async (c) => {
      const row = await c.get<Row>('SELECT * FROM projects WHERE id = ? AND deleted_at IS NULL', [id]);
      return row ? mapProject(row) : null;
    });
  }

  /** The live project with exactly this name, or null. */
  findProjectByName(name: string): Promise<Project | null> {
    return this.read(async (c) => {
      const row = await c.get<Row>('SELECT * FROM projects WHERE name = ? AND deleted_at IS NULL', [name]);
      return row ? mapProject(row) : null;
    });
  }

  private async projectRow(c: SqlConn, id: number): Promise<Row | undefined> {
    return c.get<Row>('SELECT * FROM projects WHERE id = ?', [id]);
  }

  async createProject(facts: ProjectFacts): Promise<Project> {
    return this.write(async (w) => {
      const id = await this.insertRow(w.c, 'projects', PROJECT_FIELDS, facts as unknown as Obj, {
        created_at: w.at,
        updated_at: w.at,
      });
      const project = mapProject((await this.projectRow(w.c, id))!);
      await w.audit({ projectId: id, entity: 'project', entityId: id, field: 'created', oldValue: null, newValue: project });
      return project;
    });
  }

  async updateProject(id: number, patch: Partial<ProjectFacts>, options: SaveOptions = {}): Promise<Project> {
    return this.write(async (w) => {
      const row = await this.projectRow(w.c, id);
      if (!row || row.deleted_at !== null) throw new NotFoundError('project', id);
      await this.updateChanged(w, 'projects', PROJECT_FIELDS, id, mapProject(row) as unknown as Obj, patch as Obj, {
        projectId: id,
        entity: 'project',
      }, { updated_at: w.at }, { versioned: true, expectedVersion: options.expectedVersion });
      return mapProject((await this.projectRow(w.c, id))!);
    });
  }

  async deleteProject(id: number): Promise<void> {
    await this.write(async (w) => {
      const row = await this.projectRow(w.c, id);
      if (!row) throw new NotFoundError('project', id);
      if (row.deleted_at !== null) return;
      await w.c.run('UPDATE projects SET deleted_at = ? WHERE id = ?', [w.at, id]);
      await w.audit({ projectId: id, entity: 'project', entityId: id, field: 'deletedAt', oldValue: null, newValue: w.at });
    });
  }

  async restoreProject(id: number): Promise<Project> {
    return this.write(async (w) => {
      const row = await this.projectRow(w.c, id);
      if (!row) throw new NotFoundError('project', id);
      if (row.deleted_at !== null) {
        await w.c.run('UPDATE projects SET deleted_at = NULL WHERE id = ?', [id]);
        await w.audit({ projectId: id, entity: 'project', entityId: id, field: 'deletedAt', oldValue: row.deleted_at, newValue: null });
      }
      return mapProject((await this.projectRow(w.c, id))!);
    });
  }

  // --- effect chain --------------------------------------------------------------------------

  listEffectChain(projectId: number): Promise<EffectChainItem[]> {
    return this.listByParent<EffectChainItem>(EFFECT_CHAIN, projectId);
  }

  saveEffectChainItem(item: NewOrExisting<EffectChainItem>, options: SaveOptions = {}): Promise<EffectChainItem> {
    return this.saveItem<EffectChainItem>(EFFECT_CHAIN, item, options);
  }

  deleteEffectChainItem(id: number): Promise<void> {
    return this.deleteItem(EFFECT_CHAIN, id);
  }

  // --- goals and status ----------------------------------------------------------------------

  listGoals(projectId: number): Promise<Goal[]> {
    return this.listByParent<Goal>(GOALS, projectId);
  }

  getGoal(id: number): Promise<Goal | null> {
    return this.read((c) => this.getById<Goal>(c, GOALS, id));
  }

  createGoal(goal: NewGoal): Promise<Goal> {
    const { id: _ignored, ...rest } = goal as Goal;
    return this.saveItem<Goal>(GOALS, rest);
  }

  async updateGoal(id: number, patch: Partial<Omit<Goal, 'id' | 'projectId'>>, options: SaveOptions = {}): Promise<Goal> {
    const { projectId: _p, id: _i, version: _v, ...rest } = patch as Partial<Goal>;
    return this.saveItem<Goal>(GOALS, { ...rest, id } as NewOrExisting<Goal>, options);
  }

  /** Deletes the goal and keeps it, with its status history, in the recycle bin. */
  async deleteGoal(id: number): Promise<number> {
    return this.write(async (w) => {
      const goalRow = await w.c.get<Row>('SELECT * FROM goals WHERE id = ?', [id]);
      if (!goalRow) throw new NotFoundError('goal', id);
      const statuses = await w.c.all<Row>('SELECT * FROM status_reports WHERE goal_id = ? ORDER BY id', [id]);
      const label = `${goalRow.code as string}${goalRow.description ? `: ${goalRow.description as string}` : ''}`;
      const inserted = await w.c.run('INSERT INTO recycle_bin (kind, project_id, label, content, deleted_at, deleted_by) VALUES (?, ?, ?, ?, ?, ?)', [
        'goal',
        goalRow.project_id,
        label,
        JSON.stringify({ goal: goalRow, statuses }),
        w.at,
        this.user,
      ]);
      await w.c.run('DELETE FROM goals WHERE id = ?', [id]);
      await w.audit({ projectId: goalRow.project_id as number, entity: 'goal', entityId: id, field: 'deleted', oldValue: mapRow<Goal>(GOALS.fields, goalRow), newValue: null });
      return inserted.lastID;
    });
  }

  listRecycleBin(): Promise<RecycleBinEntry[]> {
    return this.read(async (c) => {
      const projects = await c.all<Row>(
        `SELECT p.id, p.name, p.deleted_at,
           (SELECT a.user FROM audit_log a WHERE a.entity = 'project' AND a.entity_id = p.id AND a.field = 'deletedAt' ORDER BY a.id DESC LIMIT 1) AS deleted_by
         FROM projects p WHERE p.deleted_at IS NOT NULL`,
      );
      const goals = await c.all<Row>(
        `SELECT b.*, p.name AS project_name, p.deleted_at AS project_deleted_at FROM recycle_bin b
         LEFT JOIN projects p ON p.id = b.project_id`,
      );
      const entries: RecycleBinEntry[] = [
        ...projects.map((r) => ({
          kind: 'project' as const,
          id: r.id as number,
          projectId: r.id as number,
          projectName: r.name as string,
          label: r.name as string,
          deletedAt: r.deleted_at as string,
          deletedBy: (r.deleted_by as string | null) ?? '',
          projectDeleted: true,
        })),
        ...goals.map((r) => ({
          kind: 'goal' as const,
          id: r.id as number,
          projectId: r.project_id as number,
          projectName: (r.project_name as string | null) ?? '',
          label: r.label as string,
          deletedAt: r.deleted_at as string,
          deletedBy: r.deleted_by as string,
          projectDeleted: r.project_deleted_at !== null,
        })),
      ];
      return entries.sort((a, b) => b.deletedAt.localeCompare(a.deletedAt) || b.id - a.id);
    });
  }

  async restoreGoal(binId: number): Promise<Goal> {
    return this.write(async (w) => {
      const entry = await w.c.get<Row>("SELECT * FROM recycle_bin WHERE id = ? AND kind = 'goal'", [binId]);
      if (!entry) throw new NotFoundError('recycleBin', binId);
      const { goal, statuses } = JSON.parse(entry.content as string) as { goal: Row; statuses: Row[] };
      const project = await this.projectRow(w.c, goal.project_id as number);
      if (!project) throw new ConflictError(`Målet ${entry.label as string} kan ikke gendannes: dets projekt findes ikke længere.`);
      if (project.deleted_at !== null)
        throw new ConflictError(`Målet ${entry.label as string} kan ikke gendannes, fordi projektet "${project.name as string}" er slettet. Gendan projektet først.`);
      if (await w.c.get('SELECT id FROM goals WHERE project_id = ? AND code = ?', [goal.project_id, goal.code]))
        throw new ConflictError(
          `Målet ${entry.label as string} kan ikke gendannes: projektet "${project.name as string}" har nu et andet mål med koden ${goal.code as string}. Giv det ene mål en anden kode først.`,
        );
      const row = { ...goal };
      if (row.indicator_id !== null && row.indicator_id !== undefined && !(await w.c.get('SELECT id FROM indicators WHERE id = ?', [row.indicator_id]))) row.indicator_id = null;
      await this.insertRaw(w.c, 'goals', row);
      for (const status of statuses) await this.insertRaw(w.c, 'status_reports', status);
      await w.c.run('DELETE FROM recycle_bin WHERE id = ?', [binId]);
      const restored = (await this.getById<Goal>(w.c, GOALS, goal.id as number))!;
      await w.audit({ projectId: restored.projectId, entity: 'goal', entityId: restored.id, field: 'restored', oldValue: null, newValue: restored });
      return restored;
    });
  }

  /** Inserts a row as it was read (the columns this version's table still has). */
  private async insertRaw(c: SqlConn, table: 'goals' | 'status_reports', row: Row): Promise<void> {
    const columns = new Set((await this.dialect.tableColumns(c, table)).map((col) => col.name));
    const keys = Object.keys(row).filter((k) => columns.has(k));
    await c.run(`INSERT INTO ${table} (${keys.join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`, keys.map((k) => row[k]));
  }

  async emptyRecycleBin(options: { deletedBefore?: string } = {}): Promise<number> {
    return this.write(async (w) => {
      const cutoff = options.deletedBefore ?? null;
      const where = cutoff === null ? '' : ' AND deleted_at < ?';
      const params = cutoff === null ? [] : [cutoff];
      const projects = await w.c.all<Row>(`SELECT id, name, deleted_at FROM projects WHERE deleted_at IS NOT NULL${where}`, params);
      const goals = await w.c.all<Row>(`SELECT id, project_id, label FROM recycle_bin WHERE 1 = 1${where}`, params);
      for (const g of goals) await this.purgeGoalEntry(w, g);
      for (const p of projects) await this.purgeProject(w, p);
      return projects.length + goals.length;
    });
  }

  async purgeRecycleBinEntry(kind: 'project' | 'goal', id: number): Promise<void> {
    await this.write(async (w) => {
      if (kind === 'goal') {
        const g = await w.c.get<Row>('SELECT id, project_id, label FROM recycle_bin WHERE id = ?', [id]);
        if (!g) throw new NotFoundError('recycleBin', id);
        await this.purgeGoalEntry(w, g);
      } else {
        const p = await w.c.get<Row>('SELECT id, name, deleted_at FROM projects WHERE id = ? AND deleted_at IS NOT NULL', [id]);
        if (!p) throw new NotFoundError('recycleBin', id);
        await this.purgeProject(w, p);
      }
    });
  }

  private async purgeGoalEntry(w: WriteContext, g: Row): Promise<void> {
    await w.c.run('DELETE FROM recycle_bin WHERE id = ?', [g.id]);
    await w.audit({ projectId: null, entity: 'goal', entityId: null, field: 'purged', oldValue: { project: g.project_id, goal: g.label }, newValue: null });
  }

  /** A softly deleted project, for good, with its goals in the bin. */
  private async purgeProject(w: WriteContext, p: Row): Promise<void> {
    await w.c.run('DELETE FROM recycle_bin WHERE project_id = ?', [p.id]);
    await w.c.run('DELETE FROM projects WHERE id = ?', [p.id]);
    await w.audit({ projectId: null, entity: 'project', entityId: p.id as number, field: 'purged', oldValue: { name: p.name, deletedAt: p.deleted_at }, newValue: null });
  }

  listPortfolioGoals(): Promise<Goal[]> {
    return this.read(async (c) => {
      const rows = await c.all<Row>(
        `SELECT g.* FROM goals g JOIN projects p ON p.id = g.project_id
         WHERE p.deleted_at IS NULL ORDER BY g.project_id, g.position, g.id`,
      );
      return rows.map((row) => mapDef<Goal>(GOALS, row));
    });
  }

  listGoalWordings(): Promise<IndicatorGoal[]> {
    return this.read(async (c) => {
      const rows = await c.all<{ id: number; project_id: number; level: GoalLevel; code: string; description: string; unit: string; indicator_id: number | null }>(
        `SELECT g.id, g.project_id, g.level, g.code, g.description, g.unit, g.indicator_id FROM goals g JOIN projects p ON p.id = g.project_id
         WHERE p.deleted_at IS NULL ORDER BY g.project_id, g.position, g.id`,
      );
      return rows.map((r) => ({ goalId: r.id, projectId: r.project_id, level: r.level, code: r.code, description: r.description, unit: r.unit, indicatorId: r.indicator_id }));
    });
  }

  // --- indicators ----------------------------------------------------------------------------

  listIndicators(): Promise<Indicator[]> {
    return this.read(async (c) => (await c.all<Row>('SELECT * FROM indicators ORDER BY level, name, id')).map(mapIndicator));
  }

  getIndicator(id: number): Promise<Indicator | null> {
    return this.read(async (c) => {
      const row = await c.get<Row>('SELECT * FROM indicators WHERE id = ?', [id]);
      return row ? mapIndicator(row) : null;
    });
  }

  async saveIndicator(item: IndicatorInput): Promise<Indicator> {
    return this.write(async (w) => {
      if (item.id === undefined) {
        const id = await this.insertRow(w.c, 'indicators', INDICATOR_FIELDS, item as unknown as Obj, { created_at: w.at });
        const created = mapIndicator((await w.c.get<Row>('SELECT * FROM indicators WHERE id = ?', [id]))!);
        await w.audit({ projectId: null, entity: 'indicator', entityId: id, field: 'created', oldValue: null, newValue: created });
        return created;
      }
      const row = await w.c.get<Row>('SELECT * FROM indicators WHERE id = ?', [item.id]);
      if (!row) throw new NotFoundError('indicator', item.id);
      const { id, ...patch } = item;
      await this.updateChanged(w, 'indicators', INDICATOR_FIELDS, id, mapIndicator(row) as unknown as Obj, patch as Obj, { projectId: null, entity: 'indicator' });
      return mapIndicator((await w.c.get<Row>('SELECT * FROM indicators WHERE id = ?', [id]))!);
    });
  }

  async loadIndicators(items: Omit<IndicatorInput, 'id'>[]): Promise<{ indicators: Indicator[]; created: number; updated: number }> {
    return this.write(async (w) => {
      const out: Indicator[] = [];
      let created = 0;
      let updated = 0;
      for (const item of items) {
        const row = item.code ? await w.c.get<Row>('SELECT * FROM indicators WHERE code = ?', [item.code]) : undefined;
        if (!row) {
          const id = await this.insertRow(w.c, 'indicators', INDICATOR_FIELDS, item as unknown as Obj, { created_at: w.at });
          const made = mapIndicator((await w.c.get<Row>('SELECT * FROM indicators WHERE id = ?', [id]))!);
          await w.audit({ projectId: null, entity: 'indicator', entityId: id, field: 'created', oldValue: null, newValue: made });
          out.push(made);
          created += 1;
          continue;
        }
        const before = mapIndicator(row);
        const patch = { ...item, common: item.common ? 1 : 0 };
        const changed = await this.updateChanged(w, 'indicators', INDICATOR_FIELDS, before.id, { ...before, common: before.common ? 1 : 0 }, patch as Obj, { projectId: null, entity: 'indicator' });
        if (changed.length > 0) updated += 1;
        out.push(mapIndicator((await w.c.get<Row>('SELECT * FROM indicators WHERE id = ?', [before.id]))!));
      }
      return { indicators: out, created, updated };
    });
  }

  getBusinessCase(projectId: number): Promise<BusinessCase | null> {
    return this.read(async (c) => {
      const row = await c.get<Row>('SELECT * FROM business_cases WHERE project_id = ?', [projectId]);
      return row ? mapBusinessCase(row) : null;
    });
  }

  async saveBusinessCase(item: BusinessCase): Promise<BusinessCase> {
    return this.write(async (w) => {
      await this.requireParent(w.c, 'project', item.projectId);
      const beforeRow = await w.c.get<Row>('SELECT * FROM business_cases WHERE project_id = ?', [item.projectId]);
      const values = BUSINESS_CASE_FIELDS.map((spec) => toSql(spec, (item as unknown as Obj)[spec.key]));
      const cols = BUSINESS_CASE_FIELDS.map((spec) => spec.col);
      await w.c.run(
        `INSERT INTO business_cases (project_id, ${cols.join(', ')}) VALUES (?, ${cols.map(() => '?').join(', ')})
         ON CONFLICT(project_id) DO UPDATE SET ${cols.map((c) => `${c} = excluded.${c}`).join(', ')}`,
        [item.projectId, ...values],
      );
      const saved = mapBusinessCase((await w.c.get<Row>('SELECT * FROM business_cases WHERE project_id = ?', [item.projectId]))!);
      const before = beforeRow ? mapBusinessCase(beforeRow) : null;
      if (!before || !same(before, saved)) {
        await w.audit({ projectId: item.projectId, entity: 'businessCase', entityId: item.projectId, field: before ? 'updated' : 'created', oldValue: before, newValue: saved });
      }
      return saved;
    });
  }

  async deleteBusinessCase(projectId: number): Promise<void> {
    await this.write(async (w) => {
      const row = await w.c.get<Row>('SELECT * FROM business_cases WHERE project_id = ?', [projectId]);
      if (!row) return;
      await w.c.run('DELETE FROM business_cases WHERE project_id = ?', [projectId]);
      await w.audit({ projectId, entity: 'businessCase', entityId: projectId, field: 'deleted', oldValue: mapBusinessCase(row), newValue: null });
    });
  }

  async deleteIndicator(id: number): Promise<void> {
    await this.write(async (w) => {
      const row = await w.c.get<Row>('SELECT * FROM indicators WHERE id = ?', [id]);
      if (!row) throw new NotFoundError('indicator', id);
      // The goals stay; each one's link is audited in its project's history.
      const linked = await w.c.all<{ id: number; project_id: number }>('SELECT id, project_id FROM goals WHERE indicator_id = ?', [id]);
      for (const g of linked) {
        await w.c.run(`UPDATE goals SET indicator_id = NULL${this.versions ? ', version = version + 1' : ''} WHERE id = ?`, [g.id]);
        await w.audit({ projectId: g.project_id, entity: 'goal', entityId: g.id, field: 'indicatorId', oldValue: id, newValue: null });
      }
      await w.c.run('DELETE FROM indicators WHERE id = ?', [id]);
      await w.audit({ projectId: null, entity: 'indicator', entityId: id, field: 'deleted', oldValue: mapIndicator(row), newValue: null });
    });
  }

  listStatusReports(projectId: number): Promise<StatusReport[]> {
    return this.read(async (c) => {
      const rows = await c.all<Row>(
        `SELECT s.* FROM status_reports s JOIN goals g ON g.id = s.goal_id
         WHERE g.project_id = ? ORDER BY s.reported_at, s.id`,
        [projectId],
      );
      return rows.map(mapStatus);
    });
  }

  listStatusKeys(projectId: number): Promise<StatusKey[]> {
    return this.read(async (c) => {
      const rows = await c.all<{ id: number; goal_id: number; value: number | null; reported_at: string; source_file: string }>(
        `SELECT s.id, s.goal_id, s.value, s.reported_at, s.source_file FROM status_reports s JOIN goals g ON g.id = s.goal_id
         WHERE g.project_id = ? ORDER BY s.reported_at, s.id`,
        [projectId],
      );
      return rows.map((r) => ({ id: r.id, goalId: r.goal_id, value: r.value ?? null, reportedAt: r.reported_at, source: { file: r.source_file } }));
    });
  }

  listStatusesInForce(projectId: number, date: string | null): Promise<StatusReport[]> {
    // The subquery walks status_reports_goal (goal_id, reported_at, rowid) backwards from the
    // date: one index entry per goal, no sort (EXPLAIN QUERY PLAN is checked by a test).
    return this.read(async (c) => {
      const rows = await c.all<Row>(
        `SELECT s.* FROM goals g JOIN status_reports s ON s.id = (
           SELECT s2.id FROM status_reports s2
            WHERE s2.goal_id = g.id ${date === null ? '' : 'AND s2.reported_at <= ?'}
            ORDER BY s2.reported_at DESC, s2.id DESC LIMIT 1)
         WHERE g.project_id = ?`,
        date === null ? [projectId] : [date, projectId],
      );
      return rows.map(mapStatus).sort((a, b) => a.id - b.id);
    });
  }

  listKeptFigures(options: { poolPrefix?: string } = {}): Promise<KeptFiguresRow[]> {
    const prefix = options.poolPrefix;
    return this.read(async (c) => {
      const rows = await c.all<{ project_id: number; revision: number; computed_revision: number | null; summary: string | null; pool: string | null; pool_current: number | null }>(
        // A project without a row (none should be: the insert trigger makes it) reads as stale.
        `SELECT p.id AS project_id, coalesce(f.revision, 0) AS revision, f.computed_revision, f.summary,
                ${prefix === undefined ? 'f.pool, NULL AS pool_current' : 'NULL AS pool, substr(f.pool, 1, length(?)) IS ? AS pool_current'}
           FROM projects p LEFT JOIN project_figures f ON f.project_id = p.id
          WHERE p.deleted_at IS NULL ORDER BY p.name COLLATE NOCASE, p.id`,
        prefix === undefined ? [] : [prefix, prefix],
      );
      return rows.map((r) => ({
        projectId: r.project_id,
        revision: r.revision,
        computedRevision: r.computed_revision,
        summary: r.summary,
        pool: r.pool,
        ...(prefix === undefined ? {} : { poolCurrent: r.pool_current === 1 }),
      }));
    });
  }

  listKeptRevisions(): Promise<KeptRevision[]> {
    return this.read(async (c) => {
      const rows = await c.all<{ project_id: number; revision: number; computed_revision: number | null }>(
        `SELECT p.id AS project_id, coalesce(f.revision, 0) AS revision, f.computed_revision
           FROM projects p LEFT JOIN project_figures f ON f.project_id = p.id
          WHERE p.deleted_at IS NULL ORDER BY p.name COLLATE NOCASE, p.id`,
      );
      return rows.map((r) => ({ projectId: r.project_id, revision: r.revision, computedRevision: r.computed_revision }));
    });
  }

  readKeptFigures(projectIds: readonly number[], options: { pool: boolean; poolPrefix: string }): Promise<KeptFiguresText[]> {
    return this.read(async (c) => {
      const out: KeptFiguresText[] = [];
      // In chunks below SQLite's limit of bound parameters.
      for (let i = 0; i < projectIds.length; i += 500) {
        const ids = projectIds.slice(i, i + 500);
        const rows = await c.all<{ project_id: number; revision: number; computed_revision: number | null; summary: string | null; pool: string | null; pool_current: number | null }>(
          `SELECT project_id, revision, computed_revision, summary, ${options.pool ? 'pool' : 'NULL AS pool'}, substr(pool, 1, length(?)) IS ? AS pool_current
             FROM project_figures WHERE project_id IN (${ids.map(() => '?').join(', ')})`,
          [options.poolPrefix, options.poolPrefix, ...ids],
        );
        for (const r of rows)
          out.push({ projectId: r.project_id, revision: r.revision, computedRevision: r.computed_revision, summary: r.summary, pool: r.pool, poolCurrent: r.pool_current === 1 });
      }
      return out;
    });
  }

  async keepFigures(projectId: number, revision: number, figures: { summary: string; pool: string }): Promise<void> {
    // Not a user's change: no audit row, and the seals are not concerned (figures are derived).
    // On a server a reader (a manager) may not write the cache: the figures stay in memory.
    await this.read(async (c) => {
      if (this.dialect.name === 'postgres') {
        const may = await c.get<{ ok: number }>("SELECT has_table_privilege('project_figures', 'INSERT') AND has_table_privilege('project_figures', 'UPDATE') AS ok");
        if (may?.ok !== 1) return;
      }
      await c.run(
        `INSERT INTO project_figures (project_id, revision, computed_revision, summary, pool) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (project_id) DO UPDATE SET computed_revision = excluded.computed_revision, summary = excluded.summary, pool = excluded.pool
         WHERE project_figures.revision = excluded.revision`,
        [projectId, revision, revision, figures.summary, figures.pool],
      );
    });
  }

  async addStatusReport(report: Omit<StatusReport, 'id' | 'createdAt'>): Promise<StatusReport> {
    return this.write(async (w) => {
      const projectId = await this.requireParent(w.c, 'goal', report.goalId);
      const result = await w.c.run(
        `INSERT INTO status_reports (${STATUS_INSERT_COLUMNS}) VALUES (${STATUS_INSERT_COLUMNS.split(',').map(() => '?').join(', ')})`,
        statusInsertValues(report, w.at),
      );
      const created = mapStatus((await w.c.get<Row>('SELECT * FROM status_reports WHERE id = ?', [result.lastID]))!);
      await w.audit({ projectId, entity: 'status', entityId: created.id, field: 'created', oldValue: null, newValue: created });
      return created;
    });
  }

  async addStatusReports(reports: Omit<StatusReport, 'id' | 'createdAt'>[]): Promise<StatusReport[]> {
    if (reports.length === 0) return [];
    return this.write(async (w) => {
      // The goals' projects in one lookup; a missing goal refuses the whole batch, as one report would.
      const goalIds = [...new Set(reports.map((r) => r.goalId))];
      for (const id of goalIds) if (typeof id !== 'number') throw new NotFoundError('goal', String(id));
      const projectOf = new Map<number, number>();
      for (let i = 0; i < goalIds.length; i += BATCH_ROWS) {
        const part = goalIds.slice(i, i + BATCH_ROWS);
        const rows = await w.c.all<{ id: number; project_id: number }>(`SELECT id, project_id FROM goals WHERE id IN (${part.map(() => '?').join(', ')})`, part);
        for (const r of rows) projectOf.set(r.id, r.project_id);
      }
      const missing = goalIds.find((id) => !projectOf.has(id));
      if (missing !== undefined) throw new NotFoundError('goal', missing);
      const created: StatusReport[] = [];
      const columns = STATUS_INSERT_COLUMNS.split(',').length;
      for (let i = 0; i < reports.length; i += BATCH_ROWS) {
        const part = reports.slice(i, i + BATCH_ROWS);
        const rows = await w.c.all<Row>(
          `INSERT INTO status_reports (${STATUS_INSERT_COLUMNS}) VALUES ${part.map(() => `(${Array(columns).fill('?').join(', ')})`).join(', ')} RETURNING *`,
          part.flatMap((r) => statusInsertValues(r, w.at)),
        );
        // One statement's new rows get rising ids in the order of its VALUES; RETURNING's order is not promised.
        rows.sort((a, b) => (a.id as number) - (b.id as number));
        for (const row of rows) created.push(mapStatus(row));
      }
      await w.auditMany(created.map((s) => ({ projectId: projectOf.get(s.goalId)!, entity: 'status', entityId: s.id, field: 'created', oldValue: null, newValue: s })));
      return created;
    });
  }

  // --- approval of reported figures (migration 013) --------------------------------------------

  async approveFigures(refs: FigureRef[]): Promise<FigureApproval> {
    return this.decideFigures(refs, 'approved', '');
  }

  async returnFigures(refs: FigureRef[], comment: string): Promise<FigureApproval> {
    if (typeof comment !== 'string' || comment.trim() === '')
      throw new ConflictError('Skriv en kommentar til bevillingsmodtageren for at returnere tallene. Intet er gemt.');
    return this.decideFigures(refs, 'returned', comment.trim());
  }

  /**
   * Approves or returns every figure of `refs` in one write (all or none): each must be
   * 'reported' and not sealed by a final round; the first that is not refuses the whole call,
   * named. Each decision is audited (field "approval", "returnComment" for a return's comment).
   */
  private async decideFigures(refs: FigureRef[], state: 'approved' | 'returned', comment: string): Promise<FigureApproval> {
    const verb = state === 'approved' ? 'godkendes' : 'returneres';
    if (!Array.isArray(refs) || refs.length === 0) throw new ConflictError(`Intet at ${state === 'approved' ? 'godkende' : 'returnere'}: vælg mindst ét indrapporteret tal.`);
    return this.write(async (w) => {
      const decision: FigureApproval = { state, by: this.user, at: w.at, comment };
      const seen = new Set<string>();
      for (const ref of refs) {
        const key = ref.kind === 'status' ? `s${ref.id}` : `p${ref.evaluationId}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (ref.kind === 'status') {
          const row = await w.c.get<Row>('SELECT s.*, g.code AS goal_code, g.project_id AS goal_project FROM status_reports s JOIN goals g ON g.id = s.goal_id WHERE s.id = ?', [ref.id]);
          if (!row) throw new NotFoundError('status', ref.id);
          const status = mapStatus(row);
          const what = `Status for mål ${row.goal_code as string} (${formatDanishDate(status.reportedAt)})`;
          const projectId = row.goal_project as number;
          // A final round's figures first: whatever their state, they wait for the round to be reopened.
          await this.refuseSealedStatus(w.c, projectId, status, `status for mål ${row.goal_code as string} kan ikke ${verb}`);
          const notPending = approvalNotPending(status.approval);
          if (notPending) throw new ConflictError(`${what} kan ikke ${verb}: ${notPending}. Intet er gemt.`);
          const updated = await w.c.run('UPDATE status_reports SET approval_state = ?, approval_by = ?, approval_at = ?, approval_comment = ? WHERE id = ?', [state, decision.by, decision.at, comment, ref.id]);
          if (updated.changes !== 1) throw this.notAssigned('status_reports');
          await w.audit({ projectId, entity: 'status', entityId: ref.id, field: 'approval', oldValue: 'reported', newValue: state });
          if (comment) await w.audit({ projectId, entity: 'status', entityId: ref.id, field: 'returnComment', oldValue: null, newValue: comment });
        } else {
          const row = await w.c.get<Row>('SELECT * FROM evaluations WHERE id = ? AND deleted_at IS NULL', [ref.evaluationId]);
          if (!row) throw new NotFoundError('evaluation', ref.evaluationId);
          const evaluation = mapEvaluation(row);
          const what = `Budget- og tidstallene for ${roundName(evaluation).toLowerCase()}`;
          const signOff = this.seals ? await this.signOffRow(w.c, evaluation.id) : undefined;
          if (signOff) throw new LockedError(lockedMessage(evaluation, signOffOf(signOff), `budget- og tidstallene kan ikke ${verb}`), evaluation.id);
          const notPending = approvalNotPending(evaluation.progressApproval);
          if (notPending) throw new ConflictError(`${what} kan ikke ${verb}: ${notPending}. Intet er gemt.`);
          const updated = await w.c.run(
            'UPDATE evaluations SET progress_approval_state = ?, progress_approval_by = ?, progress_approval_at = ?, progress_approval_comment = ? WHERE id = ?',
            [state, decision.by, decision.at, comment, evaluation.id],
          );
          if (updated.changes !== 1) throw this.notAssigned('evaluations');
          const audit = { projectId: evaluation.projectId, entity: 'evaluation' as const, entityId: evaluation.id };
          await w.audit({ ...audit, field: 'progressApproval', oldValue: 'reported', newValue: state });
          if (comment) await w.audit({ ...audit, field: 'returnComment', oldValue: null, newValue: comment });
        }
      }
      return decision;
    });
  }

  /**
   * A row read in this transaction that an UPDATE did not change: on PostgreSQL, row-level
   * security (the project is not assigned to the user) skips it without an error; say so, so the
   * decision is not reported as made (the write rolls back, its audit rows with it).
   */
  private notAssigned(table: string): PermissionError {
    return new PermissionError(permissionMessage(`UPDATE ${table}`, `row-level security policy for table "${table}"`, this.user));
  }

  /** A status in force for a final round of its project is part of that round's seal. */
  private async refuseSealedStatus(c: SqlConn, projectId: number, status: StatusReport, consequence: string): Promise<void> {
    if (!this.seals) return;
    const finals = await c.all<Row>(
      'SELECT e.*, o.finalized_at AS so_at, o.finalized_by AS so_by FROM evaluations e JOIN evaluation_sign_offs o ON o.evaluation_id = e.id WHERE e.project_id = ? AND e.deleted_at IS NULL',
      [projectId],
    );
    if (finals.length === 0) return;
    const reports = (await c.all<Row>('SELECT * FROM status_reports WHERE goal_id = ?', [status.goalId])).map(mapStatus);
    for (const row of finals) {
      const evaluation = mapEvaluation(row);
      if (statusInForce(reports, status.goalId, evaluation.date)?.id === status.id)
        throw new LockedError(lockedMessage(evaluation, { finalizedBy: row.so_by as string, finalizedAt: row.so_at as string }, consequence), evaluation.id);
    }
  }

  async markProgressReported(evaluationId: number): Promise<Evaluation> {
    return this.write(async (w) => {
      const row = await w.c.get<Row>('SELECT * FROM evaluations WHERE id = ? AND deleted_at IS NULL', [evaluationId]);
      if (!row) throw new NotFoundError('evaluation', evaluationId);
      const before = mapEvaluation(row);
      await w.c.run(
        "UPDATE evaluations SET progress_approval_state = 'reported', progress_approval_by = '', progress_approval_at = NULL, progress_approval_comment = '' WHERE id = ?",
        [evaluationId],
      );
      await w.audit({ projectId: before.projectId, entity: 'evaluation', entityId: evaluationId, field: 'progressApproval', oldValue: before.progressApproval?.state ?? null, newValue: 'reported' });
      return mapEvaluation((await w.c.get<Row>('SELECT * FROM evaluations WHERE id = ?', [evaluationId]))!);
    });
  }

  // --- evaluations ---------------------------------------------------------------------------

  listEvaluations(projectId: number): Promise<Evaluation[]> {
    return this.read(async (c) => {
      const rows = await c.all<Row>('SELECT * FROM evaluations WHERE project_id = ? AND deleted_at IS NULL ORDER BY date, id', [projectId]);
      return rows.map(mapEvaluation);
    });
  }

  /** A live round; null when missing or deleted. */
  getEvaluation(id: number): Promise<Evaluation | null> {
    return this.read(async (c) => {
      const row = await c.get<Row>('SELECT * FROM evaluations WHERE id = ? AND deleted_at IS NULL', [id]);
      return row ? mapEvaluation(row) : null;
    });
  }

  async createEvaluation(evaluation: Omit<Evaluation, 'id' | 'createdAt'>): Promise<Evaluation> {
    return this.write(async (w) => {
      const projectId = await this.requireParent(w.c, 'project', evaluation.projectId);
      const id = await this.insertRow(w.c, 'evaluations', EVALUATIONS.fields, evaluation as unknown as Obj, { created_at: w.at });
      const created = mapEvaluation((await w.c.get<Row>('SELECT * FROM evaluations WHERE id = ?', [id]))!);
      await w.audit({ projectId, entity: 'evaluation', entityId: id, field: 'created', oldValue: null, newValue: created });
      return created;
    });
  }

  async updateEvaluation(
    id: number,
    patch: Partial<Omit<Evaluation, 'id' | 'projectId' | 'createdAt'>>,
  ): Promise<Evaluation> {
    const { projectId: _p, id: _i, createdAt: _c, ...rest } = patch as Partial<Evaluation>;
    return this.write(async (w) => {
      const row = await w.c.get<Row>('SELECT * FROM evaluations WHERE id = ? AND deleted_at IS NULL', [id]);
      if (!row) throw new NotFoundError('evaluation', id);
      const before = mapEvaluation(row);
      await this.updateChanged(w, 'evaluations', EVALUATIONS.fields, id, before as unknown as Obj, rest as Obj, {
        projectId: before.projectId,
        entity: 'evaluation',
      });
      return mapEvaluation((await w.c.get<Row>('SELECT * FROM evaluations WHERE id = ?', [id]))!);
    });
  }

  async deleteEvaluation(id: number): Promise<void> {
    await this.write(async (w) => {
      const row = await w.c.get<Row>('SELECT * FROM evaluations WHERE id = ?', [id]);
      if (!row) throw new NotFoundError('evaluation', id);
      if (row.deleted_at !== null) return;
      // A signed-off round is not deleted, not even softly: reopen it (with a reason) first.
      const signOff = this.seals ? await w.c.get<Row>('SELECT * FROM evaluation_sign_offs WHERE evaluation_id = ?', [id]) : undefined;
      if (signOff)
        throw new LockedError(
          lockedMessage(mapEvaluation(row), signOffOf(signOff), 'den kan ikke slettes', 'Genåbn runden med en begrundelse, hvis den skal slettes.'),
          id,
        );
      await w.c.run('UPDATE evaluations SET deleted_at = ? WHERE id = ?', [w.at, id]);
      await w.audit({ projectId: row.project_id as number, entity: 'evaluation', entityId: id, field: 'deletedAt', oldValue: null, newValue: w.at });
    });
  }

  async restoreEvaluation(id: number): Promise<Evaluation> {
    return this.write(async (w) => {
      const row = await w.c.get<Row>('SELECT * FROM evaluations WHERE id = ?', [id]);
      if (!row) throw new NotFoundError('evaluation', id);
      if (row.deleted_at !== null) {
        await w.c.run('UPDATE evaluations SET deleted_at = NULL WHERE id = ?', [id]);
        await w.audit({ projectId: row.project_id as number, entity: 'evaluation', entityId: id, field: 'deletedAt', oldValue: row.deleted_at, newValue: null });
      }
      return mapEvaluation((await w.c.get<Row>('SELECT * FROM evaluations WHERE id = ?', [id]))!);
    });
  }

  // --- scores and lights ---------------------------------------------------------------------

  listScores(evaluationId: number): Promise<ImplementationScore[]> {
    return this.read(async (c) => {
      const rows = await c.all<Row>('SELECT * FROM implementation_scores WHERE evaluation_id = ? ORDER BY parameter', [evaluationId]);
      return rows.map(mapScore);
    });
  }

  getScore(evaluationId: number, parameter: ImplementationParameter): Promise<ImplementationScore | null> {
    return this.read(async (c) => {
      const row = await c.get<Row>('SELECT * FROM implementation_scores WHERE evaluation_id = ? AND parameter = ?', [evaluationId, parameter]);
      return row ? mapScore(row) : null;
    });
  }

  async setScore(score: ImplementationScore, options: SaveOptions = {}): Promise<ImplementationScore> {
    return this.write(async (w) => {
      const projectId = await this.requireParent(w.c, 'evaluation', score.evaluationId);
      const key = [score.evaluationId, score.parameter] as const;
      const sql = 'SELECT * FROM implementation_scores WHERE evaluation_id = ? AND parameter = ?';
      const row = await w.c.get<Row>(sql, [...key]);
      const stale = { entity: 'score' as const, entityId: score.evaluationId, fields: SCORE_FIELDS.map((k) => `${k}.${score.parameter}`) };
      const expected = this.versions ? options.expectedVersion : undefined;
      const before: Obj = row ? (mapScore(row) as unknown as Obj) : { score: null, headline: '', text: '' };
      const after = {
        score: toSql(f('score', 'score', 'nullable'), score.score),
        headline: toSql(f('headline', 'headline', 'text'), score.headline),
        text: toSql(f('text', 'text', 'text'), score.text),
      };
      const changed = SCORE_FIELDS.filter((k) => !same(before[k], after[k]));
      // A save that changes nothing loses nothing: not refused whatever version it names.
      if (row && changed.length === 0) return mapScore(row);
      if (expected !== undefined && (row ? Number(row.version) : 0) !== expected) await this.refuseStale(w.c, stale, row ? Number(row.version) : 0);
      // The upsert updates only the version it was based on: a save committed by another
      // session since the read above leaves it without a row changed (refused, below).
      const result = await w.c.run(
        `INSERT INTO implementation_scores (evaluation_id, parameter, score, headline, text) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(evaluation_id, parameter) DO UPDATE SET score = excluded.score, headline = excluded.headline, text = excluded.text${this.versionSql('implementation_scores', expected)}`,
        [...key, after.score, after.headline, after.text, ...(expected !== undefined ? [expected] : [])],
      );
      if (result.changes === 0) await this.refuseStale(w.c, stale, await this.versionOf(w.c, sql.replace('*', 'version'), [...key]));
      for (const k of changed) {
        await w.audit({ projectId, entity: 'score', entityId: score.evaluationId, field: `${k}.${score.parameter}`, oldValue: before[k], newValue: after[k] });
      }
      return mapScore((await w.c.get<Row>('SELECT * FROM implementation_scores WHERE evaluation_id = ? AND parameter = ?', [...key]))!);
    });
  }

  listLightDecisions(evaluationId: number): Promise<LightDecision[]> {
    return this.read(async (c) => {
      const rows = await c.all<Row>(
        `SELECT * FROM light_decisions WHERE evaluation_id = ?
         ORDER BY CASE kind WHEN 'implementation' THEN 1 WHEN 'goals' THEN 2 WHEN 'effect' THEN 3 ELSE 4 END`,
        [evaluationId],
      );
      return rows.map(mapLight);
    });
  }

  getLightDecision(evaluationId: number, kind: LightKind): Promise<LightDecision | null> {
    return this.read(async (c) => {
      const row = await c.get<Row>('SELECT * FROM light_decisions WHERE evaluation_id = ? AND kind = ?', [evaluationId, kind]);
      return row ? mapLight(row) : null;
    });
  }

  async setLightDecision(decision: LightDecision, options: SaveOptions = {}): Promise<LightDecision> {
    return this.write(async (w) => {
      const projectId = await this.requireParent(w.c, 'evaluation', decision.evaluationId);
      const key = [decision.evaluationId, decision.kind] as const;
      const sql = 'SELECT * FROM light_decisions WHERE evaluation_id = ? AND kind = ?';
      const row = await w.c.get<Row>(sql, [...key]);
      const stale = { entity: 'light' as const, entityId: decision.evaluationId, fields: LIGHT_FIELDS.map((k) => `${k}.${decision.kind}`) };
      const expected = this.versions ? options.expectedVersion : undefined;
      const before: Obj = row ? (mapLight(row) as unknown as Obj) : { suggested: null, override: null, reason: '', text: '' };
      const after = {
        suggested: toSql(f('suggested', 'suggested', 'nullable'), decision.suggested),
        override: toSql(f('override', 'override', 'nullable'), decision.override),
        reason: toSql(f('reason', 'reason', 'text'), decision.reason),
        text: toSql(f('text', 'text', 'text'), decision.text),
      };
      const changed = LIGHT_FIELDS.filter((k) => !same(before[k], after[k]));
      // A save that changes nothing loses nothing: not refused whatever version it names.
      if (row && changed.length === 0) return mapLight(row);
      if (expected !== undefined && (row ? Number(row.version) : 0) !== expected) await this.refuseStale(w.c, stale, row ? Number(row.version) : 0);
      const result = await w.c.run(
        `INSERT INTO light_decisions (evaluation_id, kind, suggested, override, reason, text) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(evaluation_id, kind) DO UPDATE SET suggested = excluded.suggested, override = excluded.override,
           reason = excluded.reason, text = excluded.text${this.versionSql('light_decisions', expected)}`,
        [...key, after.suggested, after.override, after.reason, after.text, ...(expected !== undefined ? [expected] : [])],
      );
      if (result.changes === 0) await this.refuseStale(w.c, stale, await this.versionOf(w.c, sql.replace('*', 'version'), [...key]));
      for (const k of changed) {
        await w.audit({ projectId, entity: 'light', entityId: decision.evaluationId, field: `${k}.${decision.kind}`, oldValue: before[k], newValue: after[k] });
      }
      return mapLight((await w.c.get<Row>('SELECT * FROM light_decisions WHERE evaluation_id = ? AND kind = ?', [...key]))!);
    });
  }

  // --- survey, learning, budget, financing ---------------------------------------------------

  listSurveyIndicators(evaluationId: number): Promise<SurveyIndicator[]> {
    return this.listByParent<SurveyIndicator>(SURVEY, evaluationId);
  }
  saveSurveyIndicator(item: NewOrExisting<SurveyIndicator>, options: SaveOptions = {}): Promise<SurveyIndicator> {
    return this.saveItem<SurveyIndicator>(SURVEY, item, options);
  }
  deleteSurveyIndicator(id: number): Promise<void> {
    return this.deleteItem(SURVEY, id);
  }

  listLearningPoints(evaluationId: number): Promise<LearningPoint[]> {
    return this.listByParent<LearningPoint>(LEARNING, evaluationId);
  }
  saveLearningPoint(item: NewOrExisting<LearningPoint>, options: SaveOptions = {}): Promise<LearningPoint> {
    return this.saveItem<LearningPoint>(LEARNING, item, options);
  }
  deleteLearningPoint(id: number): Promise<void> {
    return this.deleteItem(LEARNING, id);
  }

  async listSpendingYears(evaluationId: number): Promise<SpendingYear[]> {
    return (await this.listByParent<SpendingYear>(SPENDING_YEARS, evaluationId)).sort((a, b) => a.year - b.year || a.id - b.id);
  }
  saveSpendingYear(item: NewOrExisting<SpendingYear>, options: SaveOptions = {}): Promise<SpendingYear> {
    return this.saveItem<SpendingYear>(SPENDING_YEARS, item, options);
  }
  deleteSpendingYear(id: number): Promise<void> {
    return this.deleteItem(SPENDING_YEARS, id);
  }
  listBudgetLines(projectId: number): Promise<BudgetLine[]> {
    return this.listByParent<BudgetLine>(BUDGET, projectId);
  }
  getBudgetLine(id: number): Promise<BudgetLine | null> {
    return this.read((c) => this.getById<BudgetLine>(c, BUDGET, id));
  }
  saveBudgetLine(item: NewOrExisting<BudgetLine>, options: SaveOptions = {}): Promise<BudgetLine> {
    return this.saveItem<BudgetLine>(BUDGET, item, options);
  }
  deleteBudgetLine(id: number): Promise<void> {
    return this.deleteItem(BUDGET, id);
  }

  listFinancing(projectId: number): Promise<FinancingSource[]> {
    return this.listByParent<FinancingSource>(FINANCING, projectId);
  }
  saveFinancing(item: NewOrExisting<FinancingSource>, options: SaveOptions = {}): Promise<FinancingSource> {
    return this.saveItem<FinancingSource>(FINANCING, item, options);
  }
  deleteFinancing(id: number): Promise<void> {
    return this.deleteItem(FINANCING, id);
  }

  // --- the evaluator's prose and sign-off ----------------------------------------------------

  private async textsOn(c: SqlConn, evaluationId: number): Promise<EvaluationTexts> {
    const texts = emptyTexts();
    const rows = await c.all<{ text_key: string; text: string }>('SELECT text_key, text FROM evaluation_texts WHERE evaluation_id = ?', [evaluationId]);
    for (const row of rows) if ((EVALUATION_TEXT_KEYS as readonly string[]).includes(row.text_key)) texts[row.text_key as EvaluationTextKey] = row.text;
    return texts;
  }

  getEvaluationTexts(evaluationId: number): Promise<EvaluationTexts> {
    return this.read(async (c) => {
      if (!(await c.get('SELECT id FROM evaluations WHERE id = ?', [evaluationId]))) throw new NotFoundError('evaluation', evaluationId);
      return this.textsOn(c, evaluationId);
    });
  }

  getEvaluationTextVersions(evaluationId: number): Promise<Record<EvaluationTextKey, number>> {
    return this.read(async (c) => {
      const versions = Object.fromEntries(EVALUATION_TEXT_KEYS.map((k) => [k, 0])) as Record<EvaluationTextKey, number>;
      if (!this.versions) return versions;
      const rows = await c.all<{ text_key: string; version: number }>('SELECT text_key, version FROM evaluation_texts WHERE evaluation_id = ?', [evaluationId]);
      for (const row of rows) if ((EVALUATION_TEXT_KEYS as readonly string[]).includes(row.text_key)) versions[row.text_key as EvaluationTextKey] = Number(row.version);
      return versions;
    });
  }

  async setEvaluationText(evaluationId: number, key: EvaluationTextKey, text: string, options: SaveOptions = {}): Promise<EvaluationTexts> {
    if (!EVALUATION_TEXT_KEYS.includes(key)) throw new ConflictError(`Ukendt tekstfelt "${String(key)}".`);
    if (typeof text !== 'string') throw new ConflictError(`Teksten til "${key}" skal være tekst.`);
    return this.write(async (w) => {
      const projectId = await this.requireParent(w.c, 'evaluation', evaluationId);
      const versionSql = 'SELECT version FROM evaluation_texts WHERE evaluation_id = ? AND text_key = ?';
      const stale = { entity: 'evaluation' as const, entityId: evaluationId, fields: [`texts.${key}`] };
      const expected = this.versions ? options.expectedVersion : undefined;
      const before = await this.textsOn(w.c, evaluationId);
      // A save that changes nothing loses nothing: not refused whatever version it names.
      if (before[key] === text) return before;
      if (expected !== undefined) {
        const current = await this.versionOf(w.c, versionSql, [evaluationId, key]);
        if (current !== expected) await this.refuseStale(w.c, stale, current);
      }
      const result = await w.c.run(
        `INSERT INTO evaluation_texts (evaluation_id, text_key, text) VALUES (?, ?, ?)
         ON CONFLICT(evaluation_id, text_key) DO UPDATE SET text = excluded.text${this.versionSql('evaluation_texts', expected)}`,
        [evaluationId, key, text, ...(expected !== undefined ? [expected] : [])],
      );
      if (result.changes === 0) await this.refuseStale(w.c, stale, await this.versionOf(w.c, versionSql, [evaluationId, key]));
      await w.audit({ projectId, entity: 'evaluation', entityId: evaluationId, field: `texts.${key}`, oldValue: before[key], newValue: text });
      return { ...before, [key]: text };
    });
  }

  private async signOffRow(c: SqlConn, evaluationId: number): Promise<Row | undefined> {
    return c.get<Row>('SELECT * FROM evaluation_sign_offs WHERE evaluation_id = ?', [evaluationId]);
  }

  getSignOff(evaluationId: number): Promise<EvaluationSignOff> {
    return this.read(async (c) => {
      if (!(await c.get('SELECT id FROM evaluations WHERE id = ?', [evaluationId]))) throw new NotFoundError('evaluation', evaluationId);
      const row = await this.signOffRow(c, evaluationId);
      return row ? signOffOf(row) : { ...DRAFT };
    });
  }

  getSealedProfile(evaluationId: number): Promise<MethodologyProfile | null> {
    return this.read(async (c) => {
      const row = await this.signOffRow(c, evaluationId);
      return row ? parseStoredProfile(row.profile as string, `evalueringsrunde ${evaluationId}`) : null;
    });
  }

  getSealedProfileVersion(evaluationId: number): Promise<ProfileVersionRef | null | undefined> {
    return this.read(async (c) => {
      const row = await c.get<Row>(
        `SELECT v.version, v.created_at, v.created_by FROM evaluation_sign_offs s
         LEFT JOIN profile_versions v ON v.version = s.profile_version WHERE s.evaluation_id = ?`,
        [evaluationId],
      );
      if (!row) return undefined;
      return row.version === null ? null : { version: row.version as number, createdAt: row.created_at as string, createdBy: row.created_by as string };
    });
  }

  /** A store reading on `conn` (inside a write or transaction that holds it). */
  private viewOn(conn: SqlConn): SqliteStore {
    return new SqliteStore(this.db, this.dialect, this.user, this.now, { conn, active: true, savepoints: 0, touched: new Set() }, this.seals, this.versions, this.moreVersions);
  }

  private async sealInput(conn: SqlConn, evaluation: Evaluation): Promise<SealInput> {
    const view = this.viewOn(conn);
    const projectRow = await this.projectRow(conn, evaluation.projectId);
    if (!projectRow) throw new NotFoundError('project', evaluation.projectId);
    return {
      evaluation,
      scores: await view.listScores(evaluation.id),
      lights: await view.listLightDecisions(evaluation.id),
      survey: await view.listSurveyIndicators(evaluation.id),
      learning: await view.listLearningPoints(evaluation.id),
      spendingByYear: await view.listSpendingYears(evaluation.id),
      texts: await this.textsOn(conn, evaluation.id),
      project: mapProject(projectRow),
      goals: await view.listGoals(evaluation.projectId),
      statusReports: await view.listStatusReports(evaluation.projectId),
      budgetLines: await view.listBudgetLines(evaluation.projectId),
      financing: await view.listFinancing(evaluation.projectId),
    };
  }

  /**
   * Refuses (by throwing, so the transaction rolls back) a write that changed a final round of
   * one of `projects`: its content or a figure it is computed from differs from its seal.
   */
  private async verifySeals(conn: SqlConn, projects: Set<number>): Promise<void> {
    if (projects.size === 0 || !this.seals) return;
    const ids = [...projects];
    const rows = await conn.all<Row>(
      `SELECT s.*, e.* FROM evaluation_sign_offs s JOIN evaluations e ON e.id = s.evaluation_id
       WHERE e.project_id IN (${ids.map(() => '?').join(', ')}) ORDER BY e.date, e.id`,
      ids,
    );
    for (const row of rows) {
      const evaluation = mapEvaluation(row);
      // A seal made before spending by year was kept (migration 009) has no list: the round had
      // none then, so it guards an empty one (spending added to such a round is refused too).
      const sealed = { spendingByYear: [], ...(JSON.parse(row.sealed as string) as SealedRound) };
      const difference = firstDifference(sealed, sealOf(await this.sealInput(conn, evaluation)));
      if (difference)
        throw new LockedError(lockedMessage(evaluation, signOffOf(row), `ændringen ville ændre ${describeDifference(sealed, difference)}`), evaluation.id);
    }
  }

  async finalizeEvaluation(evaluationId: number): Promise<EvaluationSignOff> {
    return this.write(async (w) => {
      const row = await w.c.get<Row>('SELECT * FROM evaluations WHERE id = ?', [evaluationId]);
      if (!row) throw new NotFoundError('evaluation', evaluationId);
      const evaluation = mapEvaluation(row);
      const existing = await this.signOffRow(w.c, evaluationId);
      if (existing)
        throw new ConflictError(`${finalRoundName(evaluation, existing.finalized_by as string, existing.finalized_at as string)} i forvejen.`);
      const { profile, version } = await this.viewOn(w.c).getProfileVersion();
      const sealed = sealOf(await this.sealInput(w.c, evaluation));
      await w.c.run(
        'INSERT INTO evaluation_sign_offs (evaluation_id, finalized_at, finalized_by, profile, profile_version, sealed) VALUES (?, ?, ?, ?, ?, ?)',
        [evaluationId, w.at, this.user, JSON.stringify(profile), version, JSON.stringify(sealed)],
      );
      await w.audit({ projectId: evaluation.projectId, entity: 'evaluation', entityId: evaluationId, field: 'signOff', oldValue: 'draft', newValue: 'final' });
      return { state: 'final', finalizedAt: w.at, finalizedBy: this.user };
    });
  }

  async reopenEvaluation(evaluationId: number, reason: string): Promise<EvaluationSignOff> {
    if (typeof reason !== 'string' || reason.trim() === '') throw new ConflictError('Skriv en begrundelse for at genåbne runden.');
    return this.write(async (w) => {
      const row = await w.c.get<Row>('SELECT * FROM evaluations WHERE id = ?', [evaluationId]);
      if (!row) throw new NotFoundError('evaluation', evaluationId);
      const evaluation = mapEvaluation(row);
      if (!(await this.signOffRow(w.c, evaluationId))) throw new ConflictError('Runden er ikke afsluttet; der er intet at genåbne.');
      await w.c.run('DELETE FROM evaluation_sign_offs WHERE evaluation_id = ?', [evaluationId]);
      const audit = { projectId: evaluation.projectId, entity: 'evaluation' as const, entityId: evaluationId };
      await w.audit({ ...audit, field: 'signOff', oldValue: 'final', newValue: 'draft' });
      await w.audit({ ...audit, field: 'reopenReason', oldValue: null, newValue: reason.trim() });
      return { ...DRAFT };
    });
  }

  // --- team rights ---------------------------------------------------------------------------

  resetConnections(): void {
    this.db.resetConnections?.();
  }

  teamRights(): Promise<TeamRights | null> {
    if (this.dialect.name !== 'postgres') return Promise.resolve(null);
    return this.read(async (c) => {
      const me = await c.get<{ name: string; su: number }>('SELECT session_user AS name, rolsuper AS su FROM pg_roles WHERE rolname = session_user');
      if (!me || me.su === 1) return null;
      // The group roles `server init` made (NOLOGIN, named prefix + role; the prefix is the
      // installation's, trafiklys_ by default) that the user is a member of.
      const groups = (await c.all<{ name: string }>("SELECT r.rolname AS name FROM pg_roles r WHERE NOT r.rolcanlogin AND pg_has_role(session_user, r.oid, 'MEMBER')")).map((r) => r.name);
      const roles = TEAM_ROLES.filter((r) => groups.some((g) => g.endsWith(groupRoleName(r, ''))));
      if (roles.length === 0) return null;
      const tables = (await c.all<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")).map((r) => r.name);
      const assigned = await c.all<{ id: number }>('SELECT DISTINCT project_id AS id FROM project_assignments WHERE user_name = session_user ORDER BY 1');
      return { user: me.name, roles, writable: writableTables(roles, tables).sort(), projects: roles.includes('admin') ? null : assigned.map((r) => Number(r.id)) };
    });
  }

  // --- audit and digest ----------------------------------------------------------------------

  listAudit(filter: AuditFilter = {}): Promise<AuditEntry[]> {
    return this.read(async (c) => {
      const where: string[] = [];
      const params: SqlValue[] = [];
      if (filter.projectId !== undefined) {
        where.push('project_id = ?');
        params.push(filter.projectId);
      }
      if (filter.entity !== undefined) {
        where.push('entity = ?');
        params.push(filter.entity);
      }
      if (filter.text) {
        const like = `%${filter.text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
        where.push("(field LIKE ? ESCAPE '\\' OR old_value LIKE ? ESCAPE '\\' OR new_value LIKE ? ESCAPE '\\')");
        params.push(like, like, like);
      }
      const limit = filter.limit !== undefined ? Math.max(0, Math.trunc(filter.limit)) : -1;
      const offset = filter.offset !== undefined ? Math.max(0, Math.trunc(filter.offset)) : 0;
      params.push(limit, offset);
      const rows = await c.all<Row>(
        `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ? OFFSET ?`,
        params,
      );
      return rows.map(mapAudit);
    });
  }

  keepSource(projectId: number, source: SourceToKeep): Promise<ProjectSource> {
    return this.write(async (w) => {
      if (!(await this.projectRow(w.c, projectId))) throw new NotFoundError('project', projectId);
      const id = await keepSource(w.c, projectId, source, w.at, this.user);
      return (await listSources(w.c, projectId)).find((s) => s.id === id)!;
    });
  }

  listSources(projectId: number): Promise<ProjectSource[]> {
    return this.read((c) => listSources(c, projectId));
  }

  readSource(projectId: number, sourceId: number): Promise<{ source: ProjectSource; bytes: Buffer } | null> {
    return this.read((c) => readSource(c, projectId, sourceId));
  }

  search(text: string, limit: number): Promise<SearchHit[]> {
    return this.read((c) => searchPortfolio(c, text, limit, this.dialect.fullTextSearch));
  }

  dataDigest(): Promise<string> {
    return this.read(async (c) => {
      const hash = createHash('sha256');
      const tables = (await this.dialect.listTables(c)).filter((name) => !['audit_log', 'project_figures'].includes(name) && !name.startsWith('search_'));
      for (const name of tables) {
        const quoted = `"${name.replace(/"/g, '""')}"`;
        const info = await this.dialect.tableColumns(c, name);
        const pk = info.filter((col) => col.pk > 0).sort((a, b) => a.pk - b.pk).map((col) => `"${col.name.replace(/"/g, '""')}"`);
        const order = pk.length > 0 ? pk.join(', ') : this.dialect.physicalRowOrder;
        const skipped = DIGEST_SKIPS[name] ?? [];
        const columns = info.filter((col) => !skipped.includes(col.name)).map((col) => `"${col.name.replace(/"/g, '""')}"`);
        const rows = await c.all<Row>(`SELECT ${columns.join(', ')} FROM ${quoted} ORDER BY ${order}`);
        hash.update(`table ${name} ${info.map((col) => col.name).join(',')}\n`);
        for (const row of rows) {
          hash.update(JSON.stringify(Object.values(row).map((v) => (Buffer.isBuffer(v) ? `x'${v.toString('hex')}'` : v))));
          hash.update('\n');
        }
      }
      return hash.digest('hex');
    });
  }
}
