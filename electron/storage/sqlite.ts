import { AsyncLocalStorage } from 'node:async_hooks';
import { pathToFileURL } from 'node:url';
import sqlite3 from 'sqlite3';
import { listBackups } from './backups';
import type { ReadOnlyReason } from './messages';
import { DatabaseBusyError, DatabaseCorruptError, DatabaseIoError, DatabaseReadOnlyError, DiskFullError, NotADatabaseError, StorageError } from './store';

/**
 * A small async driver over the `sqlite3` package (one connection per database).
 *
 * - `run/get/all/exec` are promisified and bind every value as a parameter.
 * - A mutex serializes work on the connection: a statement, a locked read or a transaction waits
 *   for the previous one, so no statement ever runs inside somebody else's open transaction.
 * - `transaction(fn)` runs `fn` between `BEGIN IMMEDIATE` and `COMMIT`; any error rolls back.
 * - `SQLITE_BUSY` waits at most `busy_timeout` (5 s) in all, then throws DatabaseBusyError: a
 *   user is told within seconds that another program is writing, instead of after half a minute.
 * - Failures of the file (busy, damaged, read-only, disk full, I/O) become StorageErrors that
 *   name the file; SQL errors (constraints, syntax) pass through as SQLite raised them.
 * - Calling the locking methods from inside `transaction()`/`withLock()` of the same database
 *   (instead of using the connection handed to the callback) throws `NestedLockError` at once
 *   rather than deadlocking silently.
 */

/** SQLite's page cache per connection, in KiB. */
const PAGE_CACHE_KIB = 64 * 1024;

export type SqlValue = string | number | bigint | Buffer | null;
export type SqlParams = readonly SqlValue[];

export interface RunResult {
  lastID: number;
  changes: number;
}

/** The statement interface handed to transaction and lock callbacks (no locking of its own). */
export interface SqlConn {
  run(sql: string, params?: SqlParams): Promise<RunResult>;
  get<T = Record<string, unknown>>(sql: string, params?: SqlParams): Promise<T | undefined>;
  all<T = Record<string, unknown>>(sql: string, params?: SqlParams): Promise<T[]>;
  exec(sql: string): Promise<void>;
}

export interface OpenOptions {
  /** Open read-only (no WAL switch, no pragmas that write). Default false. */
  readonly?: boolean;
  /**
   * Read-only and `immutable=1`: SQLite reads the main file only and creates no -wal/-shm files.
   * Use only when no -wal file exists next to the database.
   */
  immutable?: boolean;
  /** busy_timeout in ms, and the most a statement waits for a lock in all. Default 5000. */
  busyTimeoutMs?: number;
  /** Why it is read-only, for the message a refused write gives. Default 'requested'. */
  readOnlyReason?: ReadOnlyReason;
  /**
   * SQLite's page cache for this connection, in KiB. Default 64 MiB (PAGE_CACHE_KIB). A
   * connection that reads the file once from end to end (the portfolio export) gains nothing
   * from a large cache and keeps what it filled as the process's memory to its end.
   */
  cacheKib?: number;
}

/** Thrown when a locking method is called from inside a lock held by the same async context. */
export class NestedLockError extends Error {
  readonly code = 'NESTED_LOCK';
  constructor() {
    super(
      'Databasen blev kaldt direkte inde i en transaktion. Brug den forbindelse/store, der gives ' +
        'til transaction()-callbacken (the outer store was used inside transaction(): use tx).',
    );
    this.name = 'NestedLockError';
  }
}

const BUSY_DELAY_MS = 50;
const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/** The SQLite error code ('SQLITE_BUSY', 'SQLITE_CONSTRAINT', ...) of an error, if any. */
export function sqliteCode(error: unknown): string | undefined {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return undefined;
}

function isBusy(error: unknown): boolean {
  const code = sqliteCode(error);
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

/**
 * What a failed statement or open means for the user, as a StorageError naming the file; SQL
 * errors (constraint, syntax, misuse) are returned as they are. node-sqlite3 gives the primary
 * result code ('SQLITE_IOERR'), the extended one only in the message.
 */
export function storageFailure(file: string, error: unknown, readOnlyReason: ReadOnlyReason = 'requested'): unknown {
  if (error instanceof StorageError) return error;
  const code = sqliteCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return new DatabaseBusyError(file, error);
    case 'SQLITE_CORRUPT':
      return new DatabaseCorruptError(file, listBackups(file), detail, error);
    case 'SQLITE_NOTADB':
      return new NotADatabaseError(file, error);
    case 'SQLITE_FULL':
      return new DiskFullError(file, error);
    case 'SQLITE_READONLY':
      return new DatabaseReadOnlyError({ code: 'DB_READ_ONLY', file, reason: readOnlyReason }, error);
    case 'SQLITE_IOERR':
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_PERM':
    case 'SQLITE_PROTOCOL':
    case 'SQLITE_NOLFS':
    case 'SQLITE_AUTH':
      // A write that failed for want of space may come back as an I/O error.
      if (/ENOSPC|disk is full|database or disk is full/i.test(detail)) return new DiskFullError(file, error);
      return new DatabaseIoError(file, detail, error);
    default:
      return error;
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function checkParams(sql: string, params: SqlParams): unknown[] {
  return params.map((value, index) => {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new RangeError(`Parameter ${index + 1} is not a finite number (${value}) in: ${sql}`);
    }
    if (value === undefined) {
      throw new TypeError(`Parameter ${index + 1} is undefined in: ${sql}`);
    }
    return value;
  });
}

/**
 * Retries SQLITE_BUSY that came back at once (SQLite skips its busy handler where waiting could
 * deadlock), until `budgetMs` has passed since the first try. A statement whose busy handler has
 * already waited `busy_timeout` is over budget and fails on its first BUSY.
 */
async function withBusyRetry<T>(op: () => Promise<T>, budgetMs: number): Promise<T> {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return await op();
    } catch (error) {
      const wait = BUSY_DELAY_MS * (attempt + 1);
      if (!isBusy(error) || Date.now() - started + wait > budgetMs) throw error;
      await delay(wait);
    }
  }
}

/** Direct (unlocked) statements on a raw connection. */
class RawConn implements SqlConn {
  /** ROLLBACKs (to a savepoint or of a transaction) run here: each undoes changes total_changes() counted. */
  rollbacks = 0;

  constructor(
    private readonly raw: sqlite3.Database,
    private readonly file: string,
    private readonly budgetMs: number,
    private readonly readOnlyReason: ReadOnlyReason,
  ) {}

  private retry<T>(op: () => Promise<T>): Promise<T> {
    return withBusyRetry(op, this.budgetMs).catch((error: unknown) => {
      throw storageFailure(this.file, error, this.readOnlyReason);
    });
  }

  run(sql: string, params: SqlParams = []): Promise<RunResult> {
    const bound = checkParams(sql, params);
    return this.retry(
      () =>
        new Promise<RunResult>((resolve, reject) => {
          this.raw.run(sql, bound, function (this: sqlite3.RunResult, err: Error | null) {
            if (err) reject(err);
            else resolve({ lastID: this.lastID, changes: this.changes });
          });
        }),
    );
  }

  get<T = Record<string, unknown>>(sql: string, params: SqlParams = []): Promise<T | undefined> {
    const bound = checkParams(sql, params);
    return this.retry(
      () =>
        new Promise<T | undefined>((resolve, reject) => {
          this.raw.get(sql, bound, (err: Error | null, row: T | undefined) => {
            if (err) reject(err);
            else resolve(row);
          });
        }),
    );
  }

  all<T = Record<string, unknown>>(sql: string, params: SqlParams = []): Promise<T[]> {
    const bound = checkParams(sql, params);
    return this.retry(
      () =>
        new Promise<T[]>((resolve, reject) => {
          this.raw.all(sql, bound, (err: Error | null, rows: T[]) => {
            if (err) reject(err);
            else resolve(rows);
          });
        }),
    );
  }

  exec(sql: string): Promise<void> {
    if (/^\s*ROLLBACK\b/i.test(sql)) this.rollbacks += 1;
    return this.retry(
      () =>
        new Promise<void>((resolve, reject) => {
          this.raw.exec(sql, (err: Error | null) => {
            if (err) reject(err);
            else resolve();
          });
        }),
    );
  }
}

/** A connection handed to a callback; it refuses use after the callback has finished. */
export class ScopedConn implements SqlConn {
  private open = true;
  constructor(private readonly inner: SqlConn) {}
  end(): void {
    this.open = false;
  }
  private check(): void {
    if (!this.open) throw new Error('The transaction/lock this connection belonged to has ended.');
  }
  run(sql: string, params?: SqlParams): Promise<RunResult> {
    this.check();
    return this.inner.run(sql, params);
  }
  get<T = Record<string, unknown>>(sql: string, params?: SqlParams): Promise<T | undefined> {
    this.check();
    return this.inner.get<T>(sql, params);
  }
  all<T = Record<string, unknown>>(sql: string, params?: SqlParams): Promise<T[]> {
    this.check();
    return this.inner.all<T>(sql, params);
  }
  exec(sql: string): Promise<void> {
    this.check();
    return this.inner.exec(sql);
  }
}

function openRaw(filename: string, mode: number): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const raw = new sqlite3.Database(filename, mode, (err) => {
      if (err) reject(err);
      else resolve(raw);
    });
  });
}

/**
 * What the store needs of a database, whichever the engine: SQLite's `Db` below, or PostgreSQL's
 * `PgDb` (electron/storage/pg/pgDb.ts), with the same lock and transaction semantics.
 */
export interface Database extends SqlConn {
  /** A server's connections dropped after the line was lost (PostgreSQL; a file has none). */
  resetConnections?(): void;
  readonly path: string;
  readonly readonly: boolean;
  readonly readOnlyReason: ReadOnlyReason | null;
  readonly holdsLock: boolean;
  withLock<T>(fn: (conn: SqlConn) => Promise<T>): Promise<T>;
  transaction<T>(fn: (conn: SqlConn) => Promise<T>): Promise<T>;
  /** Changes whenever what this connection reads may have changed; the same mark twice means the same data. */
  changeMark(conn: SqlConn): Promise<string>;
  close(): Promise<void>;
}

let opened = 0;

export class Db implements Database {
  /** This connection, among those this process opened. */
  private readonly serial = ++opened;
  private tail: Promise<void> = Promise.resolve();
  private readonly held = new AsyncLocalStorage<{ active: boolean }>();
  private readonly conn: RawConn;
  private closed = false;

  private constructor(
    private readonly raw: sqlite3.Database,
    readonly path: string,
    readonly readonly: boolean,
    readonly readOnlyReason: ReadOnlyReason | null,
    busyTimeoutMs: number,
  ) {
    this.conn = new RawConn(raw, path, busyTimeoutMs, readOnlyReason ?? 'requested');
  }

  /**
   * Opens a connection. Read-write connections get `foreign_keys = ON`, `busy_timeout` and (for
   * files) `journal_mode = WAL`. Read-only connections only get `busy_timeout`, so opening one
   * writes nothing.
   */
  static async open(path: string, options: OpenOptions = {}): Promise<Db> {
    const readonly = options.readonly === true || options.immutable === true;
    const reason = readonly ? (options.readOnlyReason ?? 'requested') : null;
    const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
    let raw: sqlite3.Database;
    try {
      if (readonly) {
        let uri = pathToFileURL(path).href + '?mode=ro';
        if (options.immutable) uri += '&immutable=1';
        raw = await openRaw(uri, sqlite3.OPEN_READONLY | sqlite3.OPEN_URI);
      } else {
        raw = await openRaw(path, sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE | sqlite3.OPEN_FULLMUTEX);
      }
    } catch (error) {
      throw storageFailure(path, error, reason ?? 'requested');
    }
    const db = new Db(raw, path, readonly, reason, busyTimeoutMs);
    try {
      raw.configure('busyTimeout', busyTimeoutMs);
      // Up to 64 MiB of pages kept between statements (SQLite's default is 2 MB, allocated as
      // used): the portfolio's per-project revisions are read on every open of the portfolio
      // view, and at 5,000 projects their pages are about 8 MB.
      await db.conn.exec(`PRAGMA cache_size = ${-Math.max(1, Math.round(options.cacheKib ?? PAGE_CACHE_KIB))}`);
      if (!readonly) {
        await db.conn.exec('PRAGMA foreign_keys = ON');
        if (path !== ':memory:' && path !== '') {
          await db.conn.get('PRAGMA journal_mode = WAL');
        }
      }
    } catch (error) {
      await db.close().catch(() => undefined);
      throw error;
    }
    return db;
  }

  /**
   * A mark that changes whenever what this connection reads may have changed: a change it made
   * (total_changes), a ROLLBACK that undid some, another connection's commit (data_version).
   * The same mark twice means the same data (reads between them can be reused).
   */
  async changeMark(conn: SqlConn): Promise<string> {
    const row = await conn.get<{ t: number; v: number }>('SELECT total_changes() AS t, (SELECT data_version FROM pragma_data_version) AS v');
    return `${this.serial}:${this.conn.rollbacks}:${row!.t}:${row!.v}`;
  }

  /** True while the current async context holds this database's lock. */
  get holdsLock(): boolean {
    return this.held.getStore()?.active === true;
  }

  /** Runs `fn` with the lock held (no transaction). Use for grouped reads and pragmas. */
  withLock<T>(fn: (conn: SqlConn) => Promise<T>): Promise<T> {
    if (this.holdsLock) return Promise.reject(new NestedLockError());
    if (this.closed) return Promise.reject(new Error(`Database ${this.path} is closed.`));
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    return previous.then(() => {
      const scoped = new ScopedConn(this.conn);
      const token = { active: true };
      return this.held
        .run(token, async () => fn(scoped))
        .finally(() => {
          token.active = false;
          scoped.end();
          release();
        });
    });
  }

  /**
   * Runs `fn` inside `BEGIN IMMEDIATE ... COMMIT`, serialized with every other use of this
   * database. Any error (thrown by `fn` or by COMMIT) rolls back and is rethrown.
   */
  transaction<T>(fn: (conn: SqlConn) => Promise<T>): Promise<T> {
    // Every write of the store runs in a transaction: on a read-only portfolio it is refused
    // before anything runs, with the reason, instead of SQLite's "attempt to write a readonly database".
    if (this.readonly)
      return Promise.reject(new DatabaseReadOnlyError({ code: 'DB_READ_ONLY', file: this.path, reason: this.readOnlyReason ?? 'requested' }));
    return this.withLock(async (conn) => {
      await this.conn.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(conn);
        await this.conn.exec('COMMIT');
        return result;
      } catch (error) {
        try {
          await this.conn.exec('ROLLBACK');
        } catch {
          // SQLite may already have rolled back (e.g. SQLITE_FULL); the original error matters.
        }
        throw error;
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

  /** Waits for queued work, then closes the connection. Closing twice is a no-op. */
  async close(): Promise<void> {
    if (this.closed) return;
    if (this.holdsLock) throw new NestedLockError();
    // Refuse new work, then wait for the work already queued.
    this.closed = true;
    await this.tail;
    await new Promise<void>((resolve, reject) => {
      this.raw.close((err) => (err ? reject(err) : resolve()));
    });
  }
}
