import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import {
  DatabaseBusyError,
  DatabaseCorruptError,
  DatabaseReadOnlyError,
  DiskFullError,
  ForeignDatabaseError,
  openPortfolioStore,
  storageMessage,
} from '../../../electron/storage';
import { STORAGE_MESSAGE_CODES } from '../../../electron/storage/messages';
import { Db } from '../../../electron/storage/sqlite';
import { facts, goal, makeTempDir } from './helpers';

/**
 * What a user is told when the portfolio file is not what the app can write: held by another
 * program, damaged, read-only, on a full disk, or a file of another program. Real files, a real
 * second process; each message names the file and nothing in the file changes.
 */

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
});
afterEach(() => cleanup());

function rawExec(file: string, sql: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, (err) => {
      if (err) return reject(err);
      db.exec(sql, (e) => db.close((c) => (e || c ? reject(e ?? c) : resolve())));
    });
  });
}

async function portfolioWithData(file: string): Promise<void> {
  const store = await openPortfolioStore(file, { user: 'a' });
  const p = await store.createProject(facts({ name: 'Headstart' }));
  await store.createGoal(goal(p.id, { code: 'A1' }));
  await store.close();
}

/** Another program holding the write lock, as `BEGIN IMMEDIATE` in a second process does. */
async function holdWriteLock(file: string): Promise<ChildProcess> {
  const script = `
    const sqlite3 = require('sqlite3');
    const db = new sqlite3.Database(process.argv[1]);
    db.exec('BEGIN IMMEDIATE', (err) => { if (err) { console.error(err.message); process.exit(1); } console.log('locked'); });
    process.stdin.resume();
    process.stdin.on('end', () => db.exec('ROLLBACK', () => db.close(() => process.exit(0))));
  `;
  const child = spawn(process.execPath, ['-e', script, file], { cwd: process.cwd(), stdio: ['pipe', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('locked') && resolve());
    child.on('exit', (code) => reject(new Error(`lock holder exited with ${code}`)));
  });
  return child;
}

function release(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.on('exit', () => resolve());
    child.stdin!.end();
  });
}

describe('storage failures a user can act on', () => {
  it('a write lock held by another program: a clear DB_BUSY naming the file within seconds, reads still work', async () => {
    const file = path.join(dir, 'busy.trafiklys.sqlite');
    await portfolioWithData(file);
    const store = await openPortfolioStore(file, { user: 'b' });
    const holder = await holdWriteLock(file);
    try {
      expect((await store.listProjects()).map((p) => p.name)).toEqual(['Headstart']);
      const started = Date.now();
      const error = await store.createProject(facts({ name: 'Nyt' })).then(() => null, (e: unknown) => e);
      const waited = Date.now() - started;
      expect(error).toBeInstanceOf(DatabaseBusyError);
      expect((error as Error).message).toContain(file);
      expect((error as Error).message).toMatch(/et andet program .*skriver i den lige nu.*Prøv igen/);
      // About busy_timeout (5 s), not the 31 s of busy_timeout times six retries before.
      expect(waited).toBeGreaterThanOrEqual(4000);
      expect(waited).toBeLessThan(15_000);
    } finally {
      await release(holder);
    }
    // Once the other program is done, the same store writes again.
    await store.createProject(facts({ name: 'Nyt' }));
    expect((await store.listProjects()).map((p) => p.name).sort()).toEqual(['Headstart', 'Nyt']);
    await store.close();
  }, 30_000);

  it('a damaged file: DB_CORRUPT names the file and the backups beside it, newest first, and changes nothing', async () => {
    const file = path.join(dir, 'damaged.trafiklys.sqlite');
    await portfolioWithData(file);
    const older = `${file}.backup-v1-2025-01-02T10-00-00-000Z`;
    const newer = `${file}.backup-v1-2025-03-04T10-00-00-000Z`;
    fs.copyFileSync(file, older);
    fs.copyFileSync(file, newer);
    // Overwrite every page after the schema page with garbage: the header and the table list
    // read, the tables do not.
    const bytes = fs.readFileSync(file);
    for (let i = 4096; i < bytes.length; i++) bytes[i] = (i * 7919) % 251;
    fs.writeFileSync(file, bytes);
    const error = await (async () => {
      const store = await openPortfolioStore(file);
      try {
        await store.listProjects();
        return null;
      } finally {
        await store.close();
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseCorruptError);
    const message = (error as Error).message;
    expect(message).toContain(`${file} er beskadiget`);
    expect(message.indexOf(path.basename(newer))).toBeGreaterThan(-1);
    expect(message.indexOf(path.basename(newer))).toBeLessThan(message.indexOf(path.basename(older)));
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('a damaged schema page without backups says that there are none', async () => {
    const file = path.join(dir, 'schema.trafiklys.sqlite');
    await portfolioWithData(file);
    const bytes = fs.readFileSync(file);
    for (let i = 100; i < 4096; i++) bytes[i] = 0xff;
    fs.writeFileSync(file, bytes);
    const error = await openPortfolioStore(file).then(
      (s) => s.listProjects().finally(() => s.close()),
      (e: unknown) => e,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseCorruptError);
    expect((error as Error).message).toContain('ingen sikkerhedskopi');
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('opened read-only (the flag the app chooses for a write-protected file or folder): reading works, every write is refused', async () => {
    const file = path.join(dir, 'ro.trafiklys.sqlite');
    await portfolioWithData(file);
    const bytes = fs.readFileSync(file);
    const store = await openPortfolioStore(file, { readonly: true });
    expect(store.readOnly).toBe('requested');
    expect((await store.listProjects()).map((p) => p.name)).toEqual(['Headstart']);
    const error = await store.createProject(facts({ name: 'Nyt' })).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseReadOnlyError);
    expect((error as Error).message).toMatch(/er åbnet skrivebeskyttet .*ændringer kan ikke gemmes/);
    await expect(store.transaction((tx) => tx.setSetting('x', 'y'))).rejects.toBeInstanceOf(DatabaseReadOnlyError);
    await store.close();
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  const chattr = spawnSync('chattr', ['-V'], { encoding: 'utf8' });
  const canImmutable = (() => {
    if (chattr.error) return false;
    const probe = path.join(fs.mkdtempSync(path.join(dir ?? '/tmp', 'probe-')), 'p');
    fs.writeFileSync(probe, '');
    const ok = spawnSync('chattr', ['+i', probe]).status === 0;
    if (ok) spawnSync('chattr', ['-i', probe]);
    return ok;
  })();
  it.skipIf(!canImmutable)(
    `a write-protected file (chattr +i, which stops root too${canImmutable ? '' : '; SKIPPED: chattr +i is not permitted here'}) opens read-only by itself`,
    async () => {
      const file = path.join(dir, 'immutable.trafiklys.sqlite');
      await portfolioWithData(file);
      const bytes = fs.readFileSync(file);
      expect(spawnSync('chattr', ['+i', file]).status).toBe(0);
      try {
        const store = await openPortfolioStore(file);
        expect(store.readOnly).toBe('file');
        expect((await store.listProjects()).map((p) => p.name)).toEqual(['Headstart']);
        const error = await store.createProject(facts({ name: 'Nyt' })).then(() => null, (e: unknown) => e);
        expect((error as Error).message).toContain('filen er skrivebeskyttet');
        await store.close();
      } finally {
        spawnSync('chattr', ['-i', file]);
      }
      expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    },
  );

  it('a full disk (SQLITE_FULL, here from max_page_count): DB_FULL names the file, the write is rolled back, the data is intact', async () => {
    const file = path.join(dir, 'full.sqlite');
    const db = await Db.open(file);
    await db.exec('CREATE TABLE t (v BLOB)');
    await db.run('INSERT INTO t VALUES (?)', ['before']);
    const { page_count } = (await db.get<{ page_count: number }>('PRAGMA page_count'))!;
    await db.get(`PRAGMA max_page_count = ${page_count + 2}`);
    const error = await db
      .transaction(async (c) => {
        for (let i = 0; i < 20; i++) await c.run('INSERT INTO t VALUES (?)', [Buffer.alloc(8192, i)]);
      })
      .then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(DiskFullError);
    expect((error as Error).message).toContain(`Disken med porteføljen ${file} er fuld`);
    expect((error as Error).message).toContain('Ændringen er ikke gemt');
    expect(await db.all('SELECT v FROM t')).toEqual([{ v: 'before' }]);
    await db.close();
  });

  it('an SQLite file of another program is refused before anything in it changes (no WAL switch, no -wal/-shm)', async () => {
    for (const [name, sql] of [
      // user_version 1 looks like our schema version 1: it used to be opened and switched to WAL.
      ['other.db', 'CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); PRAGMA user_version = 1;'],
      ['stamped.db', 'CREATE TABLE projects (id INTEGER); PRAGMA application_id = 42;'],
    ] as const) {
      const file = path.join(dir, name);
      await rawExec(file, sql);
      const bytes = fs.readFileSync(file);
      const before = fs.readdirSync(dir).sort();
      const error = await openPortfolioStore(file).then(() => null, (e: unknown) => e);
      expect(error, name).toBeInstanceOf(ForeignDatabaseError);
      expect((error as Error).message).toContain(`${file} er en SQLite-fil fra et andet program`);
      expect((error as Error).message).toContain('intet i den er ændret');
      expect(fs.readFileSync(file).equals(bytes), name).toBe(true);
      expect(fs.readdirSync(dir).sort(), name).toEqual(before);
    }
  });

  it('has every storage message in Danish and English, naming the file', () => {
    expect(STORAGE_MESSAGE_CODES.en.sort()).toEqual(STORAGE_MESSAGE_CODES.da.sort());
    const en = storageMessage('en', { code: 'DB_BUSY', file: '/x/p.sqlite' });
    expect(en).toContain('/x/p.sqlite');
    expect(en).toContain('another program');
  });
});

describe('storage failures over IPC', () => {
  it('a write to a read-only portfolio answers DB_READ_ONLY as data with the Danish message; reads answer', async () => {
    const { createAppServices } = await import('../../../electron/services');
    const { callChannel, createHandlers } = await import('../../../electron/ipc/handlers');
    const { headlessHost } = await import('../../../electron/ipc/host');
    const { dir, cleanup } = makeTempDir();
    try {
      const file = path.join(dir, 'ro.trafiklys.sqlite');
      await portfolioWithData(file);
      const services = await createAppServices({ dbPath: file, readonly: true });
      try {
        const table = createHandlers(services, headlessHost(dir));
        const read = await callChannel(table, 'portfolioSummaries', {});
        expect(read.ok && read.value.map((r) => r.name)).toEqual(['Headstart']);
        const write = await callChannel(table, 'projectCreate', { facts: facts({ name: 'Nyt' }) });
        expect(write).toMatchObject({ ok: false, error: { code: 'DB_READ_ONLY' } });
        expect(!write.ok && write.error.message).toContain(`Porteføljen ${file} er åbnet skrivebeskyttet`);
      } finally {
        await services.close();
      }
    } finally {
      cleanup();
    }
  });
});
