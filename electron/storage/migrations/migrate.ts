import fs from 'node:fs';
import path from 'node:path';
import { backupName } from '../backups';
import type { ReadOnlyReason } from '../messages';
import { DatabaseNewerError, DatabaseReadOnlyError, ForeignDatabaseError, MigrationError, NotADatabaseError, StorageError } from '../store';
import { Db, storageFailure } from '../sqlite';
import type { SqlConn } from '../sqlite';
import { MIGRATIONS } from './index';
import type { Migration } from './index';

export { MIGRATIONS, LATEST_VERSION } from './index';
export type { Migration } from './index';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * `PRAGMA application_id` of a Trafiklys portfolio ('TRFK'): stamped when a file gets its schema,
 * so that an SQLite file of another program is told apart before anything in it is changed.
 */
export const TRAFIKLYS_APPLICATION_ID = 0x5452464b;

/** Tables of migration 001: a file without application_id (made before it was stamped) is ours if it has them all. */
const CORE_TABLES = ['settings', 'projects', 'goals', 'evaluations', 'status_reports', 'audit_log'];

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
      await conn.exec(`PRAGMA application_id = ${TRAFIKLYS_APPLICATION_ID}`);
    });
  } catch (error) {
    // A busy, damaged, full or read-only file says so itself; anything else is the migration's.
    if (error instanceof StorageError && error.code !== 'DB_IO') throw error;
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

export interface ExistingFile {
  version: number;
  hasSchema: boolean;
  /** Stamped with Trafiklys' application_id, or made by an older Trafiklys (has its tables). */
  ours: boolean;
  tables: string[];
}

/**
 * Reads the schema version of an existing file without changing it: the header is checked by
 * hand, then a read-only connection (immutable when there is no -wal file, so SQLite creates no
 * -wal/-shm files) reads `user_version`, `application_id` and the table names. Returns null when
 * there is no file or it is empty.
 */
export async function inspectExistingFile(file: string): Promise<ExistingFile | null> {
  if (isMemory(file) || !fs.existsSync(file)) return null;
  const stat = fs.statSync(file);
  if (!stat.isFile()) throw new NotADatabaseError(file, new Error('Not a regular file.'));
  if (stat.size === 0) return null;
  const header = Buffer.alloc(100);
  let read: number;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      read = fs.readSync(fd, header, 0, 100, 0);
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    throw storageFailure(file, Object.assign(new Error((error as Error).message), { code: 'SQLITE_CANTOPEN' }));
  }
  if (read < 100 || !header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
    throw new NotADatabaseError(file, new Error('The file does not start with the SQLite header.'));
  }
  const walExists = fs.existsSync(`${file}-wal`);
  let ro: Db;
  try {
    ro = await Db.open(file, { readonly: true, immutable: !walExists });
  } catch (error) {
    throw error instanceof StorageError && error.code !== 'DB_IO' ? error : new NotADatabaseError(file, error);
  }
  try {
    const version = await ro.withLock(getUserVersion);
    const appId = (await ro.get<{ application_id: number }>('PRAGMA application_id'))?.application_id ?? 0;
    const rows = await ro.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    const tables = rows.map((r) => r.name);
    const ours = appId === TRAFIKLYS_APPLICATION_ID || (appId === 0 && CORE_TABLES.every((t) => tables.includes(t)));
    return { version, hasSchema: rows.length > 0, ours, tables };
  } catch (error) {
    throw error instanceof StorageError ? error : new NotADatabaseError(file, error);
  } finally {
    await ro.close().catch(() => undefined);
  }
}

/**
 * Whether SQLite could write the file: the file itself, and its folder (where the -wal, -shm
 * and journal files live). On a CD or a read-only share the folder is what stops it.
 */
export function readOnlyReasonOf(file: string): ReadOnlyReason | null {
  const dir = path.dirname(path.resolve(file));
  // The folder first: on a CD or a read-only mount the file is unwritable because the drive is.
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    return 'folder';
  }
  if (fs.existsSync(file)) {
    try {
      fs.accessSync(file, fs.constants.W_OK);
    } catch {
      return 'file';
    }
  }
  return null;
}

export interface OpenDatabaseOptions {
  migrations?: readonly Migration[];
  now?: () => Date;
  /** Open read-only even where the file could be written (reads work, writes are refused). */
  readonly?: boolean;
}

/**
 * Opens (creating if needed) and migrates a portfolio database:
 * - not SQLite -> NotADatabaseError; SQLite of another program (another application_id, or
 *   tables but not ours) -> ForeignDatabaseError; both before anything is written to it;
 * - newer than the app -> DatabaseNewerError, file untouched;
 * - the file or its folder cannot be written (or `readonly`) -> opened read-only: reads work,
 *   writes throw DatabaseReadOnlyError; one that would need migrating is refused the same way;
 * - older (version 1..latest-1) -> copied to `<file>.backup-v<old>-<timestamp>`, then migrated;
 *   a failed migration rolls back, keeps the copy and throws MigrationError.
 */
export async function openDatabase(file: string, options: OpenDatabaseOptions = {}): Promise<Db> {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = latestVersion(migrations);
  const now = options.now ?? (() => new Date());

  const existing = await inspectExistingFile(file);
  if (existing) {
    if (existing.hasSchema && !existing.ours) throw new ForeignDatabaseError(file, existing.tables);
    if (existing.version > latest) throw new DatabaseNewerError(file, existing.version, latest);
    if (existing.version === 0 && existing.hasSchema) {
      throw new ForeignDatabaseError(file, existing.tables);
    }
  } else if (!isMemory(file)) {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }

  const readOnly = isMemory(file) ? null : options.readonly ? 'requested' : readOnlyReasonOf(file);
  if (readOnly) {
    if (!existing) throw new DatabaseReadOnlyError({ code: 'DB_READ_ONLY', file, reason: readOnly });
    if (existing.version < latest)
      throw new DatabaseReadOnlyError({ code: 'DB_READ_ONLY_UPGRADE', file, reason: readOnly, fileVersion: existing.version, appVersion: latest });
    // Nobody can write where we cannot: without a -wal file SQLite reads the main file as it is
    // and needs no -shm file (which a read-only folder could not hold).
    const walExists = fs.existsSync(`${file}-wal`);
    return Db.open(file, { readonly: true, immutable: !walExists && readOnly !== 'requested', readOnlyReason: readOnly });
  }

  let backupPath: string | null = null;
  const needsBackup = existing !== null && existing.version > 0 && existing.version < latest;
  const walExists = !isMemory(file) && fs.existsSync(`${file}-wal`);
  if (needsBackup && !walExists) {
    backupPath = backupName(file, existing.version, now());
    fs.copyFileSync(file, backupPath, fs.constants.COPYFILE_EXCL);
  }

  const db = await Db.open(file);
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
