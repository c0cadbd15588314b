import { openPortfolioStore } from '../../electron/storage';
import { migrate, MIGRATIONS } from '../../electron/storage/migrations/migrate';
import { migratePg, PgDb } from '../../electron/storage/pg/pgDb';
import { Db, type Database } from '../../electron/storage/sqlite';
import { PG_SKIP_REASON, freshPgDatabase, pgDatabaseName, testPgUrl } from './pgServer';

/**
 * The storage tests run on both engines: the same assertions on SQLite and on PostgreSQL
 * (issue 13). `describeEngines(title, fn)` declares `fn`'s tests once per engine; while they run,
 * `currentEngine()` says which, and the storage helpers (tests/integration/storage/helpers.ts)
 * open their stores on it. Without PostgreSQL binaries its variant is skipped, named so.
 */

export type EngineName = 'sqlite' | 'postgres';

export interface Engine {
  name: EngineName;
  label: string;
  /** Why this engine's tests are skipped, or null. */
  skipped: string | null;
}

export const SQLITE: Engine = { name: 'sqlite', label: 'SQLite', skipped: null };
export const POSTGRES: Engine = { name: 'postgres', label: 'PostgreSQL', skipped: testPgUrl() ? null : PG_SKIP_REASON };

let current: Engine = SQLITE;

export function currentEngine(): Engine {
  return current;
}

export const onPostgres = (): boolean => current.name === 'postgres';

/** Declares `fn`'s tests on SQLite and on PostgreSQL. */
export function describeEngines(title: string, fn: (engine: Engine) => void): void {
  for (const engine of [SQLITE, POSTGRES]) {
    const name = `${title} [${engine.label}]${engine.skipped ? ` ${engine.skipped}` : ''}`;
    (engine.skipped ? describe.skip : describe)(name, () => {
      let before: Engine = SQLITE;
      beforeAll(() => {
        before = current;
        current = engine;
      });
      afterAll(() => {
        current = before;
      });
      fn(engine);
    });
  }
}

/**
 * `it` for a test that cannot run on PostgreSQL (yet, or at all: a SQLite file's own behaviour):
 * on that engine it is skipped, the reason in its name ("(skipped on PostgreSQL: ...)").
 */
export function itNotOnPostgres(engine: Engine, reason: string): (name: string, fn: () => Promise<void> | void, timeout?: number) => void {
  return (name, fn, timeout) => (engine.name === 'postgres' ? it.skip(`${name} (skipped on PostgreSQL: ${reason})`, fn) : it(name, fn, timeout));
}

let migratedTemplate: Promise<string> | null = null;

/** A database migrated by the app's own migrations, once per test file: the template of fresh ones. */
function template(): Promise<string> {
  migratedTemplate ??= (async () => {
    const db = await freshPgDatabase('template');
    const store = await openPortfolioStore(db.url, { user: 'template' });
    await store.close();
    return pgDatabaseName(db.url);
  })();
  return migratedTemplate;
}

/**
 * A fresh database location on the current engine: a file path in `dir`, or a new PostgreSQL
 * database (`migrated`: already at the app's latest version, copied from a template; else empty).
 */
export async function freshLocation(
  dir: string,
  fileName = 'portfolio.trafiklys.sqlite',
  migrated = false,
  /** On a server: the login of the location's URL (the store's user there is the session's). */
  user = STORE_TEST_USER,
  /** On a server: a copy of this database (a test file's prepared portfolio) instead. */
  copyOf?: string,
): Promise<{ location: string; drop: () => Promise<void> }> {
  if (current.name === 'sqlite') return { location: `${dir}/${fileName}`, drop: async () => undefined };
  const db = await freshPgDatabase('store', copyOf ?? (migrated ? await template() : undefined));
  // On a server the store's user is the session's (who logged in), so the storage tests log in
  // as the user they expect to see in the audit log and the sign-off.
  await ensureTestLogin(user);
  const url = new URL(db.url);
  url.username = encodeURIComponent(user);
  return { location: url.toString(), drop: db.drop };
}

/**
 * The same database as `location` (from freshLocation) for another user: on SQLite the same file
 * (the store's `user` option names the user), on a server the same URL logged in as `user`.
 */
export async function locationAs(location: string, user: string): Promise<string> {
  if (current.name === 'sqlite') return location;
  await ensureTestLogin(user);
  const url = new URL(location);
  url.username = encodeURIComponent(user);
  return url.toString();
}

/** The user the storage tests work as: the SQLite store's `user` option, the server's login. */
export const STORE_TEST_USER = 'evaluator1';

const testLogins = new Map<string, Promise<void>>();

/** A login role `user` on the run's cluster (a superuser: these tests are not about rights). */
function ensureTestLogin(user: string): Promise<void> {
  let made = testLogins.get(user);
  if (made) return made;
  made = (async () => {
    const { Client } = (await import('pg')).default;
    const admin = new Client({ connectionString: testPgUrl()! });
    await admin.connect();
    try {
      // Several test files (workers) may ask at once: an existing role is fine.
      await admin.query(`DO $$ BEGIN CREATE ROLE "${user.replace(/"/g, '""')}" LOGIN SUPERUSER; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
    } finally {
      await admin.end();
    }
  })();
  testLogins.set(user, made);
  return made;
}

/** The engine's raw database (no store) at a location from freshLocation, migrated to `version` (default: none). */
export async function openRawAt(location: string, version = 0): Promise<Database> {
  if (current.name === 'sqlite') {
    const db = await Db.open(location);
    if (version > 0) await migrate(db, MIGRATIONS, { targetVersion: version });
    return db;
  }
  const db = await PgDb.open(location);
  if (version > 0) await migratePg(db, MIGRATIONS, { targetVersion: version });
  return db;
}

/** Runs the app's pending migrations on a raw database of openRawAt. */
export async function migrateRaw(db: Database): Promise<void> {
  if (db instanceof PgDb) await migratePg(db, MIGRATIONS);
  else await migrate(db as Db, MIGRATIONS);
}
