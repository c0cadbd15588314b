import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import { postgresDialect } from '../dialect';
import type { Migration } from '../migrations/types';
import { latestVersion, MIGRATIONS } from '../migrations/migrate';
import { NestedLockError, ScopedConn } from '../sqlite';
import type { Database, RunResult, SqlConn, SqlParams } from '../sqlite';
import { DatabaseNewerError, DatabaseServerError, ForeignDatabaseError, MigrationError, PermissionError, StorageError } from '../store';
import { permissionMessage } from './roleMatrix';
import type { ServerProblem } from '../messages';
import type { TlsMode } from '../../../shared/serverConnection';

/**
 * The store's database on PostgreSQL (node-postgres, a Pool): the same `SqlConn` and the same
 * lock and transaction semantics as SQLite's `Db`, so the store's code runs unchanged.
 *
 * - Statements are written in SQLite's spelling; `postgresDialect.translate` rewrites the few that
 *   differ (placeholders `?` -> `$n`, INSERT OR IGNORE, ...), `exec` of DDL also the types and
 *   triggers (`translateDdl`).
 * - `run` of an INSERT returns the new row's id (`RETURNING *`), as SQLite's lastID.
 * - A lock (per PgDb, like Db's) serializes work; a locked callback or a transaction holds one
 *   client of the pool for its whole duration (BEGIN ... COMMIT on that client).
 * - Integers come back as numbers (COUNT and SUM are bigint/numeric in PostgreSQL), booleans
 *   as 1/0 as in SQLite; a constraint violation is reported the way SQLite words it, so the
 *   store's messages (mapError) are the same on both engines.
 */

const TYPES = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (format !== 'binary') {
      if (oid === 20 || oid === 1700) return (v: string) => Number(v);
      if (oid === 16) return (v: string) => (v === 't' ? 1 : 0);
    }
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as unknown as pg.CustomTypesConfig;

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    // A window's own tag for its connections (electron/storage/pg/changes.ts), not for messages.
    u.searchParams.delete('application_name');
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

/**
 * A failed connection in words a user can act on (the server, the user, the database it names;
 * never the password): the driver's codes and PostgreSQL's SQLSTATEs, not its raw text alone.
 */
export function serverError(url: string, error: unknown, via?: 'app', lost = false): DatabaseServerError {
  let u: URL | null = null;
  try {
    u = new URL(url);
  } catch {
    // Reported as "other" below.
  }
  const host = u?.hostname || process.env.PGHOST || 'localhost';
  const port = u?.port || process.env.PGPORT || '5432';
  const user = decodeURIComponent(u?.username ?? '') || process.env.PGUSER || process.env.USER || '';
  const database = decodeURIComponent((u?.pathname ?? '').replace(/^\//, '')) || process.env.PGDATABASE || user;
  const e = (error ?? {}) as { code?: string; message?: string };
  const message = e.message ?? String(error);
  let reason: ServerProblem = 'other';
  if (lost) reason = 'lost';
  else if (e.code === 'ECONNREFUSED') reason = 'refused';
  else if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN') reason = 'host';
  else if (e.code === 'ETIMEDOUT' || /timeout/i.test(message)) reason = 'timeout';
  else if (/does not support SSL/i.test(message)) reason = 'tls';
  else if (e.code === '28P01' || /password/i.test(message)) reason = 'password';
  else if (e.code === '28000' || e.code === '42501') reason = 'access';
  else if (e.code === '3D000') reason = 'database';
  return new DatabaseServerError({ code: 'DB_SERVER', file: redactUrl(url), reason, server: `${host}:${port}`, user, database, detail: message, ...(via ? { via } : {}) }, error);
}

/**
 * The server went away under an open portfolio (stopped, restarted, the network or VPN gone):
 * refused or reset connections, the server's shutdown codes (57P01-03), the connection
 * exception class (08), and the driver's own words for a connection that ended or never came.
 * Nothing was changed; the same call can succeed once the server answers (the renderer retries).
 */
export function isConnectionLost(code: string, message: string): boolean {
  return (
    /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EPIPE|57P0[123]|08\d\d\d)$/.test(code) ||
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection closed/i.test(message)
  );
}

interface PgError {
  code?: string;
  table?: string;
  detail?: string;
  constraint?: string;
  message: string;
}

/** A PostgreSQL error in the words SQLite uses (the store's messages match those). */
function asStoreError(where: string, error: unknown, sql = '', user = ''): unknown {
  if (error instanceof StorageError || !error || typeof error !== 'object') return error;
  const e = error as PgError;
  const code = e.code ?? '';
  // insufficient_privilege: a table right the user's roles lack, or a row-level security refusal.
  if (code === '42501') return new PermissionError(permissionMessage(sql, e.message, user), error);
  // A fraction for an INTEGER column, a number out of range: SQLite's CHECK on the column refuses these.
  const badValue = code === '22P02' || code === '22003';
  if (code.startsWith('23') || badValue) {
    let message: string;
    if (code === '23505') {
      const cols = /Key \(([^)]+)\)/.exec(e.detail ?? '')?.[1] ?? e.constraint ?? '';
      message = `UNIQUE constraint failed: ${cols
        .split(',')
        .map((c) => `${e.table ?? ''}.${c.trim()}`)
        .join(', ')} (${e.constraint ?? ''})`;
    } else if (code === '23503') message = 'FOREIGN KEY constraint failed';
    else if (code === '23514') message = `CHECK constraint failed: ${e.constraint ?? ''}`;
    else if (code === '23502') message = `NOT NULL constraint failed: ${e.table ?? ''}.${/column "([^"]+)"/.exec(e.message)?.[1] ?? ''}`;
    else if (badValue) message = `CHECK constraint failed: ${e.message}`;
    else message = e.message;
    return Object.assign(new Error(`SQLITE_CONSTRAINT: ${message}`), { code: 'SQLITE_CONSTRAINT', cause: error });
  }
  if (isConnectionLost(code, e.message)) return serverError(where, error, undefined, true);
  return error;
}

function bind(sql: string, params: SqlParams): unknown[] {
  return params.map((value, index) => {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new RangeError(`Parameter ${index + 1} is not a finite number (${value}) in: ${sql}`);
    }
    if (value === undefined) throw new TypeError(`Parameter ${index + 1} is undefined in: ${sql}`);
    return typeof value === 'bigint' ? value.toString() : value;
  });
}

/**
 * `$n` of a string or a Buffer is typed (text, bytea): PostgreSQL cannot always infer the type of
 * a parameter from where it stands (`length($1)`), SQLite never needs to. A negative LIMIT is
 * SQLite's "no limit": PostgreSQL's is NULL.
 */
function typed(sql: string, values: unknown[]): { text: string; values: unknown[] } {
  const out = values.slice();
  const text = sql.replace(/(LIMIT\s+)?\$(\d+)\b/g, (whole, limit: string | undefined, n: string) => {
    const v = out[Number(n) - 1];
    if (limit && typeof v === 'number' && v < 0) out[Number(n) - 1] = null;
    if (typeof v === 'string') return `${whole}::text`;
    if (Buffer.isBuffer(v)) return `${whole}::bytea`;
    return whole;
  });
  return { text, values: out };
}

class PgConn implements SqlConn {
  constructor(
    private readonly client: pg.PoolClient,
    private readonly where: string,
    /** The server's user of the session, for permission messages. */
    private readonly user = '',
  ) {}

  /** The last query sent on this client: the next waits for it (reads run side by side in a transaction). */
  private tail: Promise<unknown> = Promise.resolve();

  private async query(sql: string, params: SqlParams): Promise<pg.QueryResult> {
    const translated = typed(postgresDialect.translate(sql), bind(sql, params));
    // One client runs one query at a time; the driver queues overlapping ones, but that is
    // deprecated (removed in pg 9), so they wait their turn here.
    const run = this.tail.then(() => this.client.query({ text: translated.text, values: translated.values }));
    this.tail = run.catch(() => undefined);
    try {
      return await run;
    } catch (error) {
      throw asStoreError(this.where, error, sql, this.user);
    }
  }

  async run(sql: string, params: SqlParams = []): Promise<RunResult> {
    const insert = /^\s*INSERT\b/i.test(sql) && !/\bRETURNING\b/i.test(sql);
    const result = await this.query(insert ? `${sql.replace(/;\s*$/, '')} RETURNING *` : sql, params);
    const last = insert && result.rows.length > 0 ? (result.rows[result.rows.length - 1] as { id?: unknown }).id : undefined;
    return { lastID: typeof last === 'number' ? last : 0, changes: result.rowCount ?? 0 };
  }

  async get<T = Record<string, unknown>>(sql: string, params: SqlParams = []): Promise<T | undefined> {
    return (await this.query(sql, params)).rows[0] as T | undefined;
  }

  async all<T = Record<string, unknown>>(sql: string, params: SqlParams = []): Promise<T[]> {
    return (await this.query(sql, params)).rows as T[];
  }

  async exec(sql: string): Promise<void> {
    try {
      await this.client.query(postgresDialect.translateDdl(sql));
    } catch (error) {
      throw asStoreError(this.where, error, sql, this.user);
    }
  }
}

/** How long a connection attempt may take before the user is told (DB_SERVER "timeout"). */
export const CONNECT_TIMEOUT_MS = 5000;

export interface PgOpenOptions {
  /** Handed to the driver, never put in the URL; absent: PGPASSWORD or ~/.pgpass, as libpq. */
  password?: string;
  /** TLS as the app's connection dialog chose it (see shared/serverConnection.ts). Absent: the URL's own sslmode, as the driver reads it. */
  tls?: TlsMode;
}

/** libpq's require/prefer: encrypted, the certificate not checked against an authority. */
const UNVERIFIED_TLS = { rejectUnauthorized: false };

/**
 * Ends a client's line at once: its queries fail now with "Connection terminated" (DB_SERVER
 * "lost"), rather than wait on a socket that will not answer until TCP gives up. The driver has
 * no public call for it; `end()` waits for the server's goodbye.
 */
export function dropSocket(client: pg.ClientBase): void {
  (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
}

function isNoTlsError(error: unknown): boolean {
  return error instanceof Error && /does not support SSL/i.test(error.message);
}

/**
 * Where the pool connects. The driver's own parse of a connection string would overwrite a
 * separately given password with the URL's (empty) one, so with options the URL is taken apart
 * here: host, port, user, database; the password and TLS come from the options.
 */
function poolTarget(url: string, options: PgOpenOptions, ssl: pg.PoolConfig['ssl'] | undefined): pg.PoolConfig {
  if (options.password === undefined && options.tls === undefined) return { connectionString: url };
  const u = new URL(url);
  return {
    host: decodeURIComponent(u.hostname).replace(/^\[|\]$/g, '') || undefined,
    port: u.port ? Number(u.port) : undefined,
    user: decodeURIComponent(u.username) || undefined,
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || undefined,
    // A window's tag for its connections (electron/storage/pg/changes.ts): its own writes told apart.
    ...(u.searchParams.get('application_name') ? { application_name: u.searchParams.get('application_name')! } : {}),
    ...(options.password !== undefined ? { password: options.password } : {}),
    ...(ssl !== undefined ? { ssl } : {}),
  };
}

/**
 * One client (not a pool) to the server, with the same password and TLS handling as PgDb.open:
 * the change feed's listening connection. Errors are the driver's (the store reported the
 * server's problems in words when it opened first).
 */
export async function connectPgClient(url: string, options: PgOpenOptions = {}): Promise<pg.Client> {
  const attempt = async (ssl: pg.PoolConfig['ssl'] | undefined) => {
    const client = new pg.Client({ ...poolTarget(url, options, ssl), connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    try {
      await client.connect();
      return client;
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
  };
  if (options.tls === undefined) return attempt(undefined);
  if (options.tls === 'off') return attempt(false);
  try {
    return await attempt(UNVERIFIED_TLS);
  } catch (error) {
    if (options.tls === 'prefer' && isNoTlsError(error)) return attempt(false);
    throw error;
  }
}

export class PgDb implements Database {
  readonly readonly = false;
  readonly readOnlyReason = null;
  private tail: Promise<void> = Promise.resolve();
  private readonly held = new AsyncLocalStorage<{ active: boolean }>();
  private closed = false;
  private marks = 0;

  /**
   * Other sessions commit at any time and PostgreSQL has no cheap counter of them here: every
   * mark is new, so no read is reused (correct, only slower).
   */
  async changeMark(_conn: SqlConn): Promise<string> {
    return `pg:${++this.marks}`;
  }

  private constructor(
    private pool: pg.Pool,
    /** The URL without password: what messages name. */
    readonly path: string,
    /** The user the server knows this session as (session_user), asked once at open. */
    readonly user: string,
    /** A new pool like the first (resetConnections). */
    private readonly makePool: () => pg.Pool,
  ) {}

  /** The clients checked out now (their queries in flight). */
  private readonly active = new Set<pg.PoolClient>();

  /**
   * The line to the server is lost (the change feed's heartbeat found it silent): every
   * connection is dropped, so that a query waiting on a socket that will not answer fails now
   * (DB_SERVER "lost": the renderer keeps the save and sends it again) rather than when TCP
   * gives up minutes later, and the next query connects afresh.
   */
  resetConnections(): void {
    if (this.closed) return;
    const old = this.pool;
    this.pool = this.makePool();
    for (const client of this.active) dropSocket(client);
    void old.end().catch(() => undefined);
  }

  /**
   * Connects (the first client is checked out at once, so a wrong URL fails here). With
   * `options` (the app's connection dialog) the password is handed to the driver apart from the
   * URL, and TLS follows `options.tls`: `prefer` tries TLS first and falls back to a plain
   * connection only when the server says it has no TLS. Without them, the URL alone (the CLI).
   */
  static async open(url: string, options: PgOpenOptions = {}): Promise<PgDb> {
    const where = redactUrl(url);
    const attempt = async (ssl: pg.PoolConfig['ssl'] | undefined): Promise<PgDb> => {
      const make = () => {
        const p = new pg.Pool({ ...poolTarget(url, options, ssl), types: TYPES, max: 4, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
        p.on('error', () => undefined); // an idle client lost: the next checkout reports it
        return p;
      };
      const pool = make();
      try {
        const client = await pool.connect();
        try {
          return new PgDb(pool, where, (await client.query<{ u: string }>('SELECT session_user AS u')).rows[0].u, make);
        } finally {
          client.release();
        }
      } catch (error) {
        await pool.end().catch(() => undefined);
        throw error;
      }
    };
    try {
      if (options.tls === undefined) return await attempt(undefined);
      if (options.tls === 'off') return await attempt(false);
      try {
        return await attempt(UNVERIFIED_TLS);
      } catch (error) {
        if (options.tls === 'prefer' && isNoTlsError(error)) return await attempt(false);
        throw error;
      }
    } catch (error) {
      throw serverError(url, error, options.tls === undefined ? undefined : 'app');
    }
  }

  get holdsLock(): boolean {
    return this.held.getStore()?.active === true;
  }

  withLock<T>(fn: (conn: SqlConn) => Promise<T>): Promise<T> {
    return this.locked(async (client) => fn(new PgConn(client, this.path, this.user)));
  }

  private locked<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    if (this.holdsLock) return Promise.reject(new NestedLockError());
    if (this.closed) return Promise.reject(new Error(`Database ${this.path} is closed.`));
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    return previous.then(async () => {
      const token = { active: true };
      let client: pg.PoolClient | null = null;
      let broken: Error | null = null;
      const onLost = (error: Error) => {
        broken = error;
      };
      try {
        client = await this.pool.connect().catch((error: unknown) => {
          throw asStoreError(this.path, error);
        });
        const c = client;
        this.active.add(c);
        // The line lost while the client is checked out: the driver emits 'error' on the client
        // (the pool listens only while it is idle), which unheard would end the process. The
        // query in flight, or the next, fails with it and is reported (DB_SERVER "lost").
        c.on('error', onLost);
        return await this.held.run(token, () => fn(c));
      } finally {
        token.active = false;
        client?.removeListener('error', onLost);
        if (client) this.active.delete(client);
        // A client whose line broke is dropped, not given to the next caller.
        client?.release(broken ?? undefined);
        release();
      }
    });
  }

  transaction<T>(fn: (conn: SqlConn) => Promise<T>): Promise<T> {
    return this.locked(async (client) => {
      const conn = new PgConn(client, this.path, this.user);
      const scoped = new ScopedConn(conn);
      await client.query('BEGIN').catch((error: unknown) => {
        throw asStoreError(this.path, error);
      });
      try {
        const result = await fn(scoped);
        await client.query('COMMIT').catch((error: unknown) => {
          throw asStoreError(this.path, error);
        });
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        scoped.end();
      }
    });
  }

  run(sql: string, params?: SqlParams): Promise<RunResult> {
    return this.withLock((c) => c.run(sql, params));
  }

  get<T = Record<string, unknown>>(sql: string, params?: SqlParams): Promise<T | undefined> {
    return this.withLock((c) => c.get<T>(sql, params));
  }

  all<T = Record<string, unknown>>(sql: string, params?: SqlParams): Promise<T[]> {
    return this.withLock((c) => c.all<T>(sql, params));
  }

  exec(sql: string): Promise<void> {
    return this.withLock((c) => c.exec(sql));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    if (this.holdsLock) throw new NestedLockError();
    this.closed = true;
    await this.tail;
    await this.pool.end();
  }
}

/** The schema version of a Trafiklys database on PostgreSQL (SQLite keeps it in PRAGMA user_version). */
const SCHEMA_TABLE = 'trafiklys_schema';

/**
 * Runs the pending migrations in one transaction (an advisory lock keeps two first opens from
 * migrating at once). Each migration's `upPostgres` where it has one, else its `up` (whose SQL
 * the connection translates). A database with tables but no version table is another
 * program's; one newer than the app is refused, untouched.
 */
export async function migratePg(
  db: PgDb,
  migrations: readonly Migration[] = MIGRATIONS,
  options: { targetVersion?: number } = {},
): Promise<{ from: number; to: number }> {
  const latest = latestVersion(migrations);
  const target = options.targetVersion ?? latest;
  if (!Number.isInteger(target) || target < 0 || target > latest) throw new Error(`Target version ${target} is outside 0..${latest}.`);
  let current = 0;
  let from = 0;
  try {
    await db.transaction(async (conn) => {
      await conn.get('SELECT pg_advisory_xact_lock(1414677067) AS locked');
      const hasVersion = await postgresDialect.tableExists(conn, SCHEMA_TABLE);
      if (!hasVersion) {
        const tables = await postgresDialect.listTables(conn);
        if (tables.length > 0) throw new ForeignDatabaseError(db.path, tables);
        await conn.exec(`CREATE TABLE ${SCHEMA_TABLE} (version INTEGER NOT NULL)`);
        await conn.run(`INSERT INTO ${SCHEMA_TABLE} (version) VALUES (0)`);
      }
      from = (await conn.get<{ version: number }>(`SELECT version FROM ${SCHEMA_TABLE}`))?.version ?? 0;
      if (from > latest) throw new DatabaseNewerError(db.path, from, latest);
      for (const migration of migrations.filter((m) => m.version > from && m.version <= target)) {
        current = migration.version;
        await (migration.upPostgres ?? migration.up)(conn);
      }
      if (target > from) await conn.run(`UPDATE ${SCHEMA_TABLE} SET version = ?`, [target]);
    });
  } catch (error) {
    if (error instanceof StorageError && error.code !== 'DB_IO') throw error;
    if (current === 0) throw error;
    throw new MigrationError(db.path, current, null, error);
  }
  return { from, to: Math.max(from, target) };
}

/** Opens and migrates the portfolio database at a postgres:// URL. */
export async function openPgDatabase(url: string, options: { migrations?: readonly Migration[] } & PgOpenOptions = {}): Promise<PgDb> {
  const db = await PgDb.open(url, { password: options.password, tls: options.tls });
  try {
    await migratePg(db, options.migrations);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return db;
}

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}
