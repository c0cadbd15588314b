import os from 'node:os';
import { ServiceError } from '../../shared/contracts/core';
import { DocProjectSchema, formatIssuePath, PortfolioDocumentError, type DocProject } from '../../shared/portfolioDocument';
import { openDatabase } from './migrations/migrate';
import { postgresDialect, sqliteDialect, type Dialect } from './dialect';
import { isPostgresUrl, openPgDatabase } from './pg/pgDb';
import type { Database } from './sqlite';
import type { SqlConn, SqlValue } from './sqlite';
import {
  BUDGET,
  EFFECT_CHAIN,
  EVALUATIONS,
  f,
  FINANCING,
  GOALS,
  LEARNING,
  mapError,
  auditText,
  mapProject,
  PROJECT_FIELDS,
  SURVEY,
  toSql,
  type FieldSpec,
  type Row,
} from './sqliteStore';

/**
 * Bulk load: whole projects of a portfolio document (the format `loadPortfolioDocument` reads)
 * written in ONE transaction with multi-row INSERTs, for the synthetic national portfolio of
 * `npm run cli -- generate` (5,000 projects, 150,000 goals, 1,500,000 status reports).
 *
 * Why not the PortfolioStore: it writes every row as its own savepoint with a parent check, a
 * read-back and an audit row (one statement round trip each through the async driver), about
 * 10 statements per status report; a 5,000-project portfolio then takes tens of minutes instead
 * of under one. The rows are the store's: the same field tables and value mapping
 * (`sqliteStore.ts`), the same table order and positions as `loadPortfolioDocument`, so a
 * document loaded either way gives the same data digest (a test checks it). The difference is
 * the audit log: one row per project, field `generated`, with the project as created, instead
 * of one per created row.
 *
 * All or nothing: a project that fails the document schema, a name already in the portfolio
 * or a constraint rolls everything back, and the error says which project.
 */

export interface BulkLoadOptions {
  /** Recorded in the audit log. Default: the OS user name. */
  user?: string;
  /** Timestamp of every row written (one transaction, one time). Default: now. */
  now?: () => Date;
  /** Named in error messages, e.g. "Den genererede portefølje". */
  source?: string;
  /** Called after every `PROGRESS_EVERY` projects and at the end. */
  onProgress?: (projectsDone: number) => void;
}

export interface BulkLoadCounts {
  projects: number;
  effectChainItems: number;
  goals: number;
  statusReports: number;
  evaluations: number;
  scores: number;
  lightDecisions: number;
  surveyIndicators: number;
  learningPoints: number;
  budgetLines: number;
  financingSources: number;
}

export interface BulkLoadResult {
  projectIds: number[];
  counts: BulkLoadCounts;
}

/** The audit field of the one row each bulk-loaded project gets. */
export const BULK_AUDIT_FIELD = 'generated';

const PROGRESS_EVERY = 250;
/** Rows buffered before they are handed to SQLite (bounded memory for any portfolio size). */
const FLUSH_ROWS = 50_000;
/** Rows per JSON text: large enough that a statement's round trip is noise. */
const JSON_ROWS = 5_000;
/** Bound parameters per statement for the rows that cannot go as JSON: SQLite's historic limit. */
const MAX_PARAMS = 999;

interface TableSpec {
  table: string;
  cols: string[];
}

const cols = (fields: FieldSpec[]) => fields.map((s) => s.col);
// The columns the store maps by hand (status reports, scores, lights), mapped as it does.
const STATUS_VALUE = f('value', 'value', 'nullable');
const STATUS_DATE = f('reportedAt', 'reported_at', 'required');
const PRINTED = f('printedPercent', 'printed_percent', 'nullable');
const SCORE = f('score', 'score', 'nullable');
const OVERRIDE = f('override', 'override', 'nullable');
const TEXT = f('text', 'text', 'text');

// In parent-before-child order: rows are written in this order, so foreign keys hold.
const T = {
  projects: { table: 'projects', cols: ['id', ...cols(PROJECT_FIELDS), 'created_at', 'updated_at'] },
  effectChain: { table: EFFECT_CHAIN.table, cols: ['id', ...cols(EFFECT_CHAIN.fields)] },
  goals: { table: GOALS.table, cols: ['id', ...cols(GOALS.fields)] },
  statuses: {
    table: 'status_reports',
    cols: ['id', 'goal_id', 'value', 'reported_at', 'reported_by', 'source_file', 'source_location', 'printed_percent', 'created_at'],
  },
  evaluations: { table: EVALUATIONS.table, cols: ['id', ...cols(EVALUATIONS.fields), 'created_at'] },
  scores: { table: 'implementation_scores', cols: ['evaluation_id', 'parameter', 'score', 'headline', 'text'] },
  lights: { table: 'light_decisions', cols: ['evaluation_id', 'kind', 'suggested', 'override', 'reason', 'text'] },
  survey: { table: SURVEY.table, cols: ['id', ...cols(SURVEY.fields)] },
  learning: { table: LEARNING.table, cols: ['id', ...cols(LEARNING.fields)] },
  budget: { table: BUDGET.table, cols: ['id', ...cols(BUDGET.fields)] },
  financing: { table: FINANCING.table, cols: ['id', ...cols(FINANCING.fields)] },
  audit: { table: 'audit_log', cols: ['id', 'at', 'user', 'project_id', 'entity', 'entity_id', 'field', 'old_value', 'new_value'] },
} satisfies Record<string, TableSpec>;
type TableKey = keyof typeof T;

/**
 * Whether a value survives JSON text into SQLite unchanged: null, safe integers and well-formed
 * strings do. A fraction does not always: SQLite's text-to-double conversion can be one unit in
 * the last place off (about 1 in 20,000 random doubles), so such rows are bound as parameters.
 */
function jsonExact(value: SqlValue): boolean {
  if (value === null) return true;
  if (typeof value === 'number') return Number.isSafeInteger(value);
  // String.prototype.isWellFormed is in Node 20, not yet in the ES2023 lib the project compiles with.
  if (typeof value === 'string') return (value as string & { isWellFormed(): boolean }).isWellFormed();
  return false;
}

interface Batch {
  json: Map<TableKey, SqlValue[][]>;
  bound: Map<TableKey, SqlValue[][]>;
}

/**
 * Buffers rows per table and writes them in a few statements: most rows as one JSON text per
 * few thousand rows (`INSERT ... SELECT ... FROM jsonb_each(?)`), because binding every value
 * through the async driver costs more than SQLite's own insert; the rest as multi-row INSERTs
 * with bound parameters.
 */
class RowWriter {
  private batch: Batch = { json: new Map(), bound: new Map() };
  private pending = 0;
  private readonly sql = new Map<string, string>();

  constructor(
    private readonly c: SqlConn,
    private readonly dialect: Dialect,
  ) {}

  add(key: TableKey, values: SqlValue[]): void {
    const lists = this.dialect.jsonBatches && values.every(jsonExact) ? this.batch.json : this.batch.bound;
    let list = lists.get(key);
    if (!list) lists.set(key, (list = []));
    list.push(values);
    this.pending++;
  }

  get full(): boolean {
    return this.pending >= FLUSH_ROWS;
  }

  /** Takes the buffered rows (synchronously, so more can be buffered meanwhile) and writes them. */
  flush(): Promise<void> {
    const batch = this.batch;
    this.batch = { json: new Map(), bound: new Map() };
    this.pending = 0;
    const statements: [string, SqlValue[]][] = [];
    for (const key of Object.keys(T) as TableKey[]) {
      const spec = T[key];
      const json = batch.json.get(key) ?? [];
      for (let i = 0; i < json.length; i += JSON_ROWS) statements.push([this.jsonSql(spec), [JSON.stringify(json.slice(i, i + JSON_ROWS))]]);
      const bound = batch.bound.get(key) ?? [];
      const perStatement = Math.max(1, Math.floor(MAX_PARAMS / spec.cols.length));
      for (let i = 0; i < bound.length; i += perStatement) {
        const chunk = bound.slice(i, i + perStatement);
        statements.push([this.boundSql(spec, chunk.length), chunk.flat()]);
      }
    }
    return this.run(statements);
  }

  private async run(statements: [string, SqlValue[]][]): Promise<void> {
    for (const [sql, params] of statements) await this.c.run(sql, params);
  }

  private jsonSql(spec: TableSpec): string {
    const key = `${spec.table}:json`;
    let sql = this.sql.get(key);
    if (!sql)
      this.sql.set(
        key,
        (sql = `INSERT INTO ${spec.table} (${spec.cols.join(', ')}) SELECT ${spec.cols.map((_, i) => `value ->> ${i}`).join(', ')} FROM jsonb_each(?)`),
      );
    return sql;
  }

  private boundSql(spec: TableSpec, rows: number): string {
    const key = `${spec.table}:${rows}`;
    let sql = this.sql.get(key);
    if (!sql) {
      const row = `(${spec.cols.map(() => '?').join(', ')})`;
      sql = `INSERT INTO ${spec.table} (${spec.cols.join(', ')}) VALUES ${Array.from({ length: rows }, () => row).join(', ')}`;
      this.sql.set(key, sql);
    }
    return sql;
  }
}

/** The next id of a table, as its id generator would hand it out. */
async function nextId(c: SqlConn, dialect: Dialect, table: string): Promise<number> {
  const max = await c.get<{ m: number | null }>(`SELECT MAX(id) AS m FROM ${table}`);
  return Math.max(max?.m ?? 0, await dialect.lastGeneratedId(c, table)) + 1;
}

const valuesOf = (fields: FieldSpec[], item: Record<string, unknown>): SqlValue[] => fields.map((s) => toSql(s, item[s.key]));

function defaultUser(): string {
  try {
    const name = os.userInfo().username;
    if (name) return name;
  } catch {
    // No passwd entry (containers).
  }
  return process.env.USER || process.env.USERNAME || 'ukendt';
}

/**
 * Writes `projects` into the portfolio at `path` (created and migrated if needed) in one
 * transaction. Projects are read from the iterable one at a time, so a generator can stream
 * a portfolio of any size.
 */
export async function bulkLoadProjects(
  path: string,
  projects: Iterable<DocProject> | AsyncIterable<DocProject>,
  options: BulkLoadOptions = {},
): Promise<BulkLoadResult> {
  const now = options.now ?? (() => new Date());
  const user = options.user ?? defaultUser();
  const source = options.source ?? 'Porteføljedokumentet';
  const pg = isPostgresUrl(path);
  const dialect = pg ? postgresDialect : sqliteDialect;
  const db: Database = pg ? await openPgDatabase(path) : await openDatabase(path, { now });
  try {
    return await db.transaction(async (c) => {
      const at = now().toISOString();
      const id = {
        project: await nextId(c, dialect, 'projects'),
        effectChain: await nextId(c, dialect, EFFECT_CHAIN.table),
        goal: await nextId(c, dialect, GOALS.table),
        status: await nextId(c, dialect, 'status_reports'),
        evaluation: await nextId(c, dialect, EVALUATIONS.table),
        survey: await nextId(c, dialect, SURVEY.table),
        learning: await nextId(c, dialect, LEARNING.table),
        budget: await nextId(c, dialect, BUDGET.table),
        financing: await nextId(c, dialect, FINANCING.table),
        audit: await nextId(c, dialect, 'audit_log'),
      };
      const liveNames = new Set((await c.all<{ name: string }>('SELECT name FROM projects WHERE deleted_at IS NULL')).map((r) => r.name));
      const counts: BulkLoadCounts = {
        projects: 0,
        effectChainItems: 0,
        goals: 0,
        statusReports: 0,
        evaluations: 0,
        scores: 0,
        lightDecisions: 0,
        surveyIndicators: 0,
        learningPoints: 0,
        budgetLines: 0,
        financingSources: 0,
      };
      const projectIds: number[] = [];
      const out = new RowWriter(c, dialect);
      let writing: Promise<void> = Promise.resolve();

      try {
        for await (const input of projects) {
          const place = `${source}, projekt nr. ${counts.projects + 1}`;
          const parsed = DocProjectSchema.safeParse(input);
          if (!parsed.success)
            throw new PortfolioDocumentError(
              place,
              parsed.error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message })),
            );
          const doc = parsed.data;
          if (liveNames.has(doc.facts.name))
            throw new ServiceError('CONFLICT', `${place}: der findes allerede et projekt med navnet "${doc.facts.name}"; intet er indlæst.`);
          liveNames.add(doc.facts.name);

          const projectId = id.project++;
          const projectRow = [projectId, ...valuesOf(PROJECT_FIELDS, doc.facts as unknown as Record<string, unknown>), at, at];
          out.add('projects', projectRow);
          projectIds.push(projectId);

          doc.effectChain.forEach((item, position) => {
            out.add('effectChain', [id.effectChain++, ...valuesOf(EFFECT_CHAIN.fields, { projectId, column: item.column, position, text: item.text })]);
            counts.effectChainItems++;
          });

          doc.goals.forEach((goal, position) => {
            const goalId = id.goal++;
            const { statuses, ...fields } = goal;
            out.add('goals', [goalId, ...valuesOf(GOALS.fields, { ...fields, projectId, position })]);
            counts.goals++;
            for (const s of statuses) {
              out.add('statuses', [
                id.status++,
                goalId,
                toSql(STATUS_VALUE, s.value),
                toSql(STATUS_DATE, s.reportedAt),
                s.reportedBy,
                s.source.file,
                s.source.location,
                toSql(PRINTED, s.printedPercent),
                at,
              ]);
              counts.statusReports++;
            }
          });

          doc.budgetLines.forEach((line, position) => {
            out.add('budget', [id.budget++, ...valuesOf(BUDGET.fields, { ...line, projectId, position })]);
            counts.budgetLines++;
          });
          doc.financing.forEach((item, position) => {
            out.add('financing', [id.financing++, ...valuesOf(FINANCING.fields, { ...item, projectId, position })]);
            counts.financingSources++;
          });

          for (const evaluation of doc.evaluations) {
            const evaluationId = id.evaluation++;
            const { scores, lights, survey, learning, ...fields } = evaluation;
            out.add('evaluations', [evaluationId, ...valuesOf(EVALUATIONS.fields, { ...fields, projectId }), at]);
            counts.evaluations++;
            for (const s of scores) {
              out.add('scores', [evaluationId, s.parameter, toSql(SCORE, s.score), toSql(TEXT, s.headline), toSql(TEXT, s.text)]);
              counts.scores++;
            }
            for (const l of lights) {
              out.add('lights', [evaluationId, l.kind, null, toSql(OVERRIDE, l.override), toSql(TEXT, l.reason), toSql(TEXT, l.text)]);
              counts.lightDecisions++;
            }
            survey.forEach((s, position) => {
              out.add('survey', [id.survey++, ...valuesOf(SURVEY.fields, { ...s, evaluationId, position })]);
              counts.surveyIndicators++;
            });
            learning.forEach((p, position) => {
              out.add('learning', [id.learning++, ...valuesOf(LEARNING.fields, { ...p, evaluationId, position })]);
              counts.learningPoints++;
            });
          }

          // One audit row stands for the project and everything in it.
          // A bulk-loaded row is at version 1 (the column's default, migration 012), as one created by the store.
          const created = mapProject({ ...(Object.fromEntries(T.projects.cols.map((col, i) => [col, projectRow[i]])) as Row), version: 1 });
          out.add('audit', [id.audit++, at, user, projectId, 'project', projectId, BULK_AUDIT_FIELD, null, auditText(created)]);

          counts.projects++;
          if (out.full) {
            // SQLite writes one batch on the driver's thread while this one builds the next.
            await writing;
            writing = out.flush();
            writing.catch(() => undefined); // awaited below; this only stops an "unhandled" report
          }
          if (counts.projects % PROGRESS_EVERY === 0) options.onProgress?.(counts.projects);
        }
        await writing;
        await out.flush();
        await dialect.afterExplicitIds(c, Object.values(T).filter((spec) => spec.cols[0] === 'id').map((spec) => spec.table));
      } finally {
        // Never end the transaction (or roll it back) while a batch is still being written.
        await writing.catch(() => undefined);
      }
      options.onProgress?.(counts.projects);
      return { projectIds, counts };
    });
  } catch (error) {
    throw mapError(error);
  } finally {
    await db.close();
  }
}
