import fs from 'node:fs';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import {
  DatabaseNewerError,
  ForeignDatabaseError,
  LATEST_VERSION,
  MigrationError,
  NotADatabaseError,
  openPortfolioStore,
} from '../../../electron/storage';
import { MIGRATIONS, TRAFIKLYS_APPLICATION_ID, getUserVersion, migrate, openMemoryDbAtVersion } from '../../../electron/storage/migrations/migrate';
import type { Migration } from '../../../electron/storage/migrations/migrate';
import { facts, goal, makeTempDir, steppingClock } from './helpers';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
});
afterEach(() => cleanup());

/** Runs SQL on a file with the raw sqlite3 package (outside the code under test). */
function rawExec(file: string, sql: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, (err) => {
      if (err) return reject(err);
      db.exec(sql, (e) => db.close((c) => (e || c ? reject(e ?? c) : resolve())));
    });
  });
}

function rawUserVersion(file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (err) => {
      if (err) return reject(err);
      db.get('PRAGMA user_version', (e, row: { user_version: number }) =>
        db.close(() => (e ? reject(e) : resolve(row.user_version))),
      );
    });
  });
}

const listDir = () => fs.readdirSync(dir).sort();

// A hypothetical second migration, to test the machinery at version N.
const addColumn: Migration = {
  version: 2,
  name: 'goal_note',
  async up(db) {
    await db.exec("ALTER TABLE goals ADD COLUMN note TEXT NOT NULL DEFAULT ''");
  },
};
const broken: Migration = {
  version: 2,
  name: 'broken',
  async up(db) {
    await db.exec("ALTER TABLE goals ADD COLUMN note TEXT NOT NULL DEFAULT ''");
    await db.exec('INSERT INTO no_such_table VALUES (1)');
  },
};

describe('migrations', () => {
  it('numbers migrations 1..n and a fresh file gets user_version = latest', async () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
    const file = path.join(dir, 'nested', 'deeper', 'p.trafiklys.sqlite');
    const store = await openPortfolioStore(file);
    await store.close();
    expect(await rawUserVersion(file)).toBe(LATEST_VERSION);
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.includes('.backup-'))).toEqual([]);
  });

  it('builds a :memory: database at any version; 001 creates the schema', async () => {
    const v0 = await openMemoryDbAtVersion(0);
    expect(await v0.withLock(getUserVersion)).toBe(0);
    expect(await v0.all("SELECT name FROM sqlite_master WHERE type = 'table'")).toEqual([]);
    await v0.close();

    const v1 = await openMemoryDbAtVersion(1);
    expect(await v1.withLock(getUserVersion)).toBe(1);
    const tables = (await v1.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")).map((t) => t.name);
    expect(tables).toEqual([
      'audit_log', 'budget_lines', 'effect_chain_items', 'evaluations', 'financing_sources', 'goals', 'implementation_scores',
      'learning_points', 'light_decisions', 'projects', 'settings', 'status_reports', 'survey_indicators',
    ]);
    // Money is integer øre; CHECKs and cascades are in place.
    const cols = await v1.all<{ name: string; type: string }>('PRAGMA table_info(projects)');
    expect(cols.find((c) => c.name === 'total_budget_ore')?.type).toBe('INTEGER');
    const fks = await v1.all<{ table: string; on_delete: string }>('PRAGMA foreign_key_list(status_reports)');
    expect(fks).toEqual([expect.objectContaining({ table: 'goals', on_delete: 'CASCADE' })]);
    await expect(v1.run("INSERT INTO light_decisions (evaluation_id, kind) VALUES (1, 'mood')")).rejects.toThrow(/CHECK|FOREIGN/);
    await v1.close();
  });

  it('002 adds indicators, goal links and soft-deleted rounds; a version-1 file keeps its data', async () => {
    const file = path.join(dir, 'v1.trafiklys.sqlite');
    const v1 = await openPortfolioStore(file, { user: 'a', migrations: [MIGRATIONS[0]] });
    const p = await v1.createProject(facts());
    await v1.createGoal(goal(p.id, { targetInPeriod: 256 }));
    await v1.close();

    const store = await openPortfolioStore(file, { user: 'b' });
    expect(await rawUserVersion(file)).toBe(MIGRATIONS.length);
    expect(fs.readdirSync(dir).some((f) => f.startsWith('v1.trafiklys.sqlite.backup-v1-'))).toBe(true);
    const [g] = await store.listGoals(p.id);
    expect(g).toMatchObject({ code: 'A1', targetInPeriod: 256, indicatorId: null });
    const indicator = await store.saveIndicator({ code: '', name: 'Deltagere', unit: 'deltagere', level: 'A' });
    expect((await store.updateGoal(g.id, { indicatorId: indicator.id })).indicatorId).toBe(indicator.id);
    await store.close();

    const db = await openMemoryDbAtVersion(2);
    const fks = await db.all<{ table: string; from: string; on_delete: string }>('PRAGMA foreign_key_list(goals)');
    expect(fks).toEqual(expect.arrayContaining([expect.objectContaining({ table: 'indicators', from: 'indicator_id', on_delete: 'SET NULL' })]));
    expect((await db.all<{ name: string }>('PRAGMA table_info(evaluations)')).map((c) => c.name)).toContain('deleted_at');
    await expect(db.run("INSERT INTO indicators (name, level, created_at) VALUES ('x', 'D', 't')")).rejects.toThrow(/CHECK/);
    await db.close();
  });

  it('009 adds spending by year: a version-8 file keeps its rounds and has no per-year spending; money is øre, one row per round and year', async () => {
    const db = await openMemoryDbAtVersion(8);
    await db.run("INSERT INTO projects (name, created_at, updated_at) VALUES ('P', 't', 't')");
    await db.run("INSERT INTO evaluations (project_id, type, date, budget_spent_ore, created_at) VALUES (1, 'midterm', '2021-06-01', 150000000, 't')");
    await migrate(db, MIGRATIONS, { targetVersion: 9 });
    expect(await db.withLock(getUserVersion)).toBe(9);
    expect(await db.all('SELECT budget_spent_ore FROM evaluations')).toEqual([{ budget_spent_ore: 150000000 }]);
    expect(await db.all('SELECT * FROM spending_years')).toEqual([]);
    const cols = await db.all<{ name: string; type: string }>('PRAGMA table_info(spending_years)');
    expect(cols.find((c) => c.name === 'spent_ore')?.type).toBe('INTEGER');
    await db.run("INSERT INTO spending_years (evaluation_id, year, spent_ore, note) VALUES (1, 2020, 100000000, 'Statusrapport')");
    await expect(db.run('INSERT INTO spending_years (evaluation_id, year, spent_ore) VALUES (1, 2020, 1)')).rejects.toThrow(/UNIQUE/);
    await expect(db.run('INSERT INTO spending_years (evaluation_id, year, spent_ore) VALUES (1, 2021, -1)')).rejects.toThrow(/CHECK/);
    await expect(db.run('INSERT INTO spending_years (evaluation_id, year, spent_ore) VALUES (1, 20210, 1)')).rejects.toThrow(/CHECK/);
    // Deleting the round deletes its spending.
    await db.run('PRAGMA foreign_keys = ON');
    await db.run('DELETE FROM evaluations WHERE id = 1');
    expect(await db.all('SELECT * FROM spending_years')).toEqual([]);
    await db.close();
  });

  it('013 adds approval of reported figures: a version-12 file keeps its statuses and rounds as not from a report; a state outside the three is refused', async () => {
    const db = await openMemoryDbAtVersion(12);
    await db.run("INSERT INTO projects (name, created_at, updated_at) VALUES ('P', 't', 't')");
    await db.run("INSERT INTO goals (project_id, level, code) VALUES (1, 'B', 'B1')");
    await db.run("INSERT INTO status_reports (goal_id, value, reported_at, created_at) VALUES (1, 5, '2023-01-01', 't')");
    await db.run("INSERT INTO evaluations (project_id, type, date, created_at) VALUES (1, 'midterm', '2023-06-30', 't')");
    await migrate(db, MIGRATIONS, { targetVersion: 13 });
    expect(await db.withLock(getUserVersion)).toBe(13);
    expect(await db.all('SELECT approval_state, approval_by, approval_at, approval_comment FROM status_reports')).toEqual([{ approval_state: null, approval_by: '', approval_at: null, approval_comment: '' }]);
    expect(await db.all('SELECT progress_approval_state, progress_approval_by FROM evaluations')).toEqual([{ progress_approval_state: null, progress_approval_by: '' }]);
    await expect(db.run("UPDATE status_reports SET approval_state = 'maybe'")).rejects.toThrow(/CHECK/);
    await db.close();
  });

  it('010 adds project assignments: a version-9 file keeps its projects with none assigned; a role outside the four is refused', async () => {
    const db = await openMemoryDbAtVersion(9);
    await db.run("INSERT INTO projects (name, created_at, updated_at) VALUES ('P', 't', 't')");
    await migrate(db, MIGRATIONS, { targetVersion: 10 });
    expect(await db.withLock(getUserVersion)).toBe(10);
    expect(await db.all('SELECT * FROM project_assignments')).toEqual([]);
    await db.run("INSERT INTO project_assignments (project_id, user_name, role) VALUES (1, 'eva', 'evaluator')");
    await expect(db.run("INSERT INTO project_assignments (project_id, user_name, role) VALUES (1, 'eva', 'boss')")).rejects.toThrow(/CHECK/);
    await db.close();
  });

  it('migrates a :memory: db from version 1 to a later version with a test migration', async () => {
    const db = await openMemoryDbAtVersion(1, [MIGRATIONS[0], addColumn]);
    await db.run("INSERT INTO projects (name, created_at, updated_at) VALUES ('P', 't', 't')");
    await db.run("INSERT INTO goals (project_id, level, code) VALUES (1, 'A', 'A1')");
    expect(await migrate(db, [MIGRATIONS[0], addColumn])).toEqual({ from: 1, to: 2 });
    expect(await db.all('SELECT code, note FROM goals')).toEqual([{ code: 'A1', note: '' }]);
    expect(await db.withLock(getUserVersion)).toBe(2);
    expect(await migrate(db, [MIGRATIONS[0], addColumn])).toEqual({ from: 2, to: 2 });
    await db.close();
  });

  it('rejects a migration list with gaps', async () => {
    const db = await openMemoryDbAtVersion(0);
    await expect(migrate(db, [{ ...addColumn, version: 3 }])).rejects.toThrow(/numbered 1..n/);
    await db.close();
  });

  it('refuses a database newer than the app and leaves the file and folder untouched', async () => {
    const file = path.join(dir, 'newer.trafiklys.sqlite');
    const store = await openPortfolioStore(file, { user: 'a' });
    await store.createProject(facts());
    await store.close();
    await rawExec(file, `PRAGMA user_version = ${LATEST_VERSION + 1}`);
    const bytes = fs.readFileSync(file);
    const listing = listDir();
    expect(listing).toEqual(['newer.trafiklys.sqlite']); // WAL is checkpointed and removed on close

    const error = await openPortfolioStore(file).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DatabaseNewerError);
    expect(error).toMatchObject({ fileVersion: LATEST_VERSION + 1, appVersion: LATEST_VERSION, path: file });
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(listDir()).toEqual(listing);
  });

  it('refuses a newer database in rollback-journal mode too (no files created)', async () => {
    const file = path.join(dir, 'plain.sqlite');
    // A newer Trafiklys stamps its application_id like this one; its tables may be all new.
    await rawExec(file, `CREATE TABLE x (a); PRAGMA user_version = ${LATEST_VERSION + 5}; PRAGMA application_id = ${TRAFIKLYS_APPLICATION_ID};`);
    const bytes = fs.readFileSync(file);
    await expect(openPortfolioStore(file)).rejects.toBeInstanceOf(DatabaseNewerError);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(listDir()).toEqual(['plain.sqlite']);
  });

  it('backs up an older database, rolls back a failed migration and keeps the backup', async () => {
    const file = path.join(dir, 'old.trafiklys.sqlite');
    const v1 = await openPortfolioStore(file, { user: 'a', migrations: [MIGRATIONS[0]] });
    const p = await v1.createProject(facts());
    await v1.createGoal(goal(p.id));
    const digest = await v1.dataDigest();
    await v1.close();
    const v1Bytes = fs.readFileSync(file);

    const clock = steppingClock(Date.UTC(2025, 0, 2, 3, 4, 5));
    const error = await openPortfolioStore(file, { migrations: [MIGRATIONS[0], broken], now: clock }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MigrationError);
    const backup = `${file}.backup-v1-2025-01-02T03-04-05-000Z`;
    expect(error).toMatchObject({ version: 2, backupPath: backup, path: file });
    expect((error as Error).message).toContain('no_such_table');
    expect(fs.existsSync(backup)).toBe(true);
    expect(fs.readFileSync(backup).equals(v1Bytes)).toBe(true);
    expect(await rawUserVersion(file)).toBe(1);

    // The column added before the failure was rolled back; the data is intact.
    const again = await openPortfolioStore(file, { migrations: [MIGRATIONS[0]] });
    expect(await again.dataDigest()).toBe(digest);
    await again.close();

    // A working migration succeeds and adds a second backup.
    const upgraded = await openPortfolioStore(file, { migrations: [MIGRATIONS[0], addColumn], now: steppingClock(Date.UTC(2025, 0, 3)) });
    expect((await upgraded.listGoals(p.id)).map((g) => g.code)).toEqual(['A1']);
    await upgraded.close();
    expect(await rawUserVersion(file)).toBe(2);
    expect(listDir().filter((f) => f.includes('.backup-v1-'))).toHaveLength(2);
  });

  it('refuses a text file named .sqlite and leaves it unchanged', async () => {
    const file = path.join(dir, 'x.sqlite');
    fs.writeFileSync(file, 'Dette er ikke en database.\n'.repeat(20));
    const bytes = fs.readFileSync(file);
    await expect(openPortfolioStore(file)).rejects.toBeInstanceOf(NotADatabaseError);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(listDir()).toEqual(['x.sqlite']);
  });

  it('refuses a short garbage file and a SQLite file that is not a Trafiklys database', async () => {
    const tiny = path.join(dir, 'tiny.sqlite');
    fs.writeFileSync(tiny, 'abc');
    await expect(openPortfolioStore(tiny)).rejects.toBeInstanceOf(NotADatabaseError);
    expect(fs.readFileSync(tiny, 'utf8')).toBe('abc');

    const foreign = path.join(dir, 'foreign.sqlite');
    await rawExec(foreign, 'CREATE TABLE settings (k TEXT)');
    const bytes = fs.readFileSync(foreign);
    await expect(openPortfolioStore(foreign)).rejects.toBeInstanceOf(ForeignDatabaseError);
    expect(fs.readFileSync(foreign).equals(bytes)).toBe(true);
  });

  it('treats an empty file as a new database', async () => {
    const file = path.join(dir, 'empty.sqlite');
    fs.writeFileSync(file, '');
    const store = await openPortfolioStore(file);
    await store.createProject(facts());
    await store.close();
    expect(await rawUserVersion(file)).toBe(LATEST_VERSION);
  });

  it('supports :memory:', async () => {
    const store = await openPortfolioStore(':memory:', { user: 'mem' });
    expect(store.path).toBe(':memory:');
    const p = await store.createProject(facts());
    expect((await store.getProject(p.id))?.name).toBe(facts().name);
    await store.close();
  });
});
