import fs from 'node:fs';
import path from 'node:path';
import { DatabaseNewerError, MigrationError, NotADatabaseError } from '../store';
import { Db, sqliteCode } from '../sqlite';
import type { SqlConn } from '../sqlite';
import { MIGRATIONS } from './index';
import type { Migration } from './index';

export { MIGRATIONS, LATEST_VERSION } from './index';
export type { Migration } from './index';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** Checks that versions run 1, 2, 3, ... without gaps; returns the latest version. */
export function latestVersion(migrations: readonly Migration[]): number {
  migrations.forEach((m, index) => {
    if (m.version !== index + 1) {
      throw new Error(`Migration list is not numbered 1..n: position ${index + 1} has version ${m.version} (${m.name}).`);
    }
  });
  return migrations.length;
}

export async function getUserVersion(conn: SqlConn): Promise<number> {
  const row = await conn.get<{ user_version: number }>('PRAGMA user_version');
  return row?.user_version ?? 0;
}

export interface MigrateOptions {
  /** Stop at this version instead of the latest (tests build a database at any version). */
  targetVersion?: number;
  /** Reported in MigrationError when a copy was taken before migrating. */
  backupPath?: string | null;
}

export interface MigrateResult {
  from: number;
  to: number;
}

/**
 * Runs all pending migrations in ONE transaction and sets `PRAGMA user_version`. On failure
 * everything is rolled back (user_version unchanged) and MigrationError is thrown. A database
 * newer than the latest migration throws DatabaseNewerError without writing anything.
 */
export async function migrate(
  db: Db,
  migrations: readonly Migration[] = MIGRATIONS,
  options: MigrateOptions = {},
): Promise<MigrateResult> {
  const latest = latestVersion(migrations);
  const target = options.targetVersion ?? latest;
  if (!Number.isInteger(target) || target < 0 || target > latest) {
    throw new Error(`Target version ${target} is outside 0..${latest}.`);
  }
  const from = await db.withLock(getUserVersion);
  if (from > latest) throw new DatabaseNewerError(db.path, from, latest);
  const pending = migrations.filter((m) => m.version > from && m.version <= target);
  if (pending.length === 0) return { from, to: from };

  let current = from;
  // Foreign keys must be off (outside the transaction) so that a migration can rebuild tables;
  // the result is checked with foreign_key_check before COMMIT.
  await db.exec('PRAGMA foreign_keys = OFF');
  try {
    await db.transaction(async (conn) => {
      for (const migration of pending) {
        current = migration.version;
        await migration.up(conn);
      }
      const violations = await conn.all('PRAGMA foreign_key_check');
      if (violations.length > 0) {
        throw new Error(`Foreign key check failed after migration: ${JSON.stringify(violations.slice(0, 5))}`);
      }
      // PRAGMA cannot take a bound parameter; `target` is a validated integer.
      await conn.exec(`PRAGMA user_version = ${Math.trunc(target)}`);
    });
  } catch (error) {
    const code = sqliteCode(error);
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') throw new NotADatabaseError(db.path, error);
    throw new MigrationError(db.path, current, options.backupPath ?? null, error);
  } finally {
    await db.exec('PRAGMA foreign_keys = ON');
  }
  return { from, to: target };
}

/** A ':memory:' database migrated to `version` (default: latest), for migration tests. */
export async function openMemoryDbAtVersion(
  version?: number,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<Db> {
  const db = await Db.open(':memory:');
  try {
    await migrate(db, migrations, { targetVersion: version });
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

function isMemory(file: string): boolean {
  return file === ':memory:' || file === '';
}

/**
 * Reads the schema version of an existing file without changing it: the header is checked by
 * hand, then a read-only connection (immutable when there is no -wal file, so SQLite creates no
 * -wal/-shm files) reads `user_version`. Returns null when there is no file or it is empty.
 */
export async function inspectExistingFile(file: string): Promise<{ version: number; hasSchema: boolean } | null> {
  if (isMemory(file) || !fs.existsSync(file)) return null;
  const stat = fs.statSync(file);
  if (!stat.isFile()) throw new NotADatabaseError(file, new Error('Not a regular file.'));
  if (stat.size === 0) return null;
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  let read: number;
  try {
    read = fs.readSync(fd, header, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (read < 100 || !header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
    throw new NotADatabaseError(file, new Error('The file does not start with the SQLite header.'));
  }
  const walExists = fs.existsSync(`${file}-wal`);
  let ro: Db;
  try {
    ro = await Db.open(file, { readonly: true, immutable: !walExists });
  } catch (error) {
    throw new NotADatabaseError(file, error);
  }
  try {
    const version = await ro.withLock(getUserVersion);
    const row = await ro.get<{ n: number }>('SELECT count(*) AS n FROM sqlite_master');
    return { version, hasSchema: (row?.n ?? 0) > 0 };
  } catch (error) {
    throw new NotADatabaseError(file, error);
  } finally {
    await ro.close().catch(() => undefined);
  }
}

function backupName(file: string, version: number, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let candidate = `${file}.backup-v${version}-${stamp}`;
  for (let i = 2; fs.existsSync(candidate); i++) candidate = `${file}.backup-v${version}-${stamp}-${i}`;
  return candidate;
}

export interface OpenDatabaseOptions {
  migrations?: readonly Migration[];
  now?: () => Date;
}

/**
 * Opens (creating if needed) and migrates a portfolio database:
 * - newer than the app -> DatabaseNewerError, file untouched;
 * - not SQLite (or SQLite but not ours: tables without a schema version) -> NotADatabaseError;
 * - older (version 1..latest-1) -> copied to `<file>.backup-v<old>-<timestamp>`, then migrated;
 *   a failed migration rolls back, keeps the copy and throws MigrationError.
 */
export async function openDatabase(file: string, options: OpenDatabaseOptions = {}): Promise<Db> {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = latestVersion(migrations);
  const now = options.now ?? (() => new Date());

  const existing = await inspectExistingFile(file);
  if (existing) {
    if (existing.version > latest) throw new DatabaseNewerError(file, existing.version, latest);
    if (existing.version === 0 && existing.hasSchema) {
      throw new NotADatabaseError(file, new Error('SQLite file without a Trafiklys schema version.'));
    }
  } else if (!isMemory(file)) {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }

  let backupPath: string | null = null;
  const needsBackup = existing !== null && existing.version > 0 && existing.version < latest;
  const walExists = !isMemory(file) && fs.existsSync(`${file}-wal`);
  if (needsBackup && !walExists) {
    backupPath = backupName(file, existing.version, now());
    fs.copyFileSync(file, backupPath, fs.constants.COPYFILE_EXCL);
  }

  let db: Db;
  try {
    db = await Db.open(file);
  } catch (error) {
    const code = sqliteCode(error);
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') throw new NotADatabaseError(file, error);
    throw error;
  }
  try {
    if (needsBackup && walExists) {
      // Fold the -wal into the main file first so that the copy is complete.
      backupPath = backupName(file, existing.version, now());
      const cp = await db.get<{ busy: number }>('PRAGMA wal_checkpoint(TRUNCATE)');
      if (cp && cp.busy === 0) fs.copyFileSync(file, backupPath, fs.constants.COPYFILE_EXCL);
      else await db.run('VACUUM INTO ?', [backupPath]);
    }
    await migrate(db, migrations, { backupPath });
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return db;
}
