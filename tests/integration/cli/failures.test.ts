import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { runCli } from '../../../electron/cli/main';
import { repoRoot } from '../../helpers/build';

/**
 * The CLI as a user meets it when something is wrong: a project named loosely, another language,
 * a portfolio that is busy, damaged, read-only, on a full disk or not ours, an export that was
 * interrupted. Real files; `run` is the CLI's entry point in this process with the environment
 * given (the machines are shared, and each spawned start costs seconds), `cli` a real process
 * where the process itself matters: the locale from the environment, mounts in a namespace.
 */

const TSX = join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const MAIN = join(repoRoot, 'electron', 'cli', 'main.ts');
/** The environment of a Danish user: no English locale unless a test sets one. */
const BASE_ENV = { ...process.env, LANG: '', LC_ALL: '', LC_MESSAGES: '' };

async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { out: (t) => (stdout += t + '\n'), err: (t) => (stderr += t + '\n') }, { ...BASE_ENV, ...env });
  return { code, stdout, stderr };
}

function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [TSX, MAIN, ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 90_000, env: { ...BASE_ENV, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same CLI run inside a new user and mount namespace, after `setup` (shell) ran there. */
function cliInNamespace(setup: string, args: string[], after = '') {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const command = [process.execPath, TSX, MAIN, ...args].map(quote).join(' ');
  const script = `set -e\n${setup}\nset +e\n${command}\nrc=$?\n${after}\nexit $rc`;
  const r = spawnSync('unshare', ['-Urm', 'sh', '-c', script], { cwd: repoRoot, encoding: 'utf8', timeout: 90_000, env: BASE_ENV });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const namespaces = spawnSync('unshare', ['-Urm', 'sh', '-c', 'mount -t tmpfs tmpfs /mnt && umount /mnt'], { encoding: 'utf8' }).status === 0;
const NS_SKIP = namespaces ? '' : '; SKIPPED: unshare -Urm (user and mount namespaces) is not available here';

function exec(db: string, sql: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const conn = new sqlite3.Database(db, (err) => {
      if (err) return reject(err);
      conn.exec(sql, (e) => conn.close(() => (e ? reject(e) : resolve())));
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'trafiklys-cli-fail-'));
const db = join(dir, 'demo.sqlite');
const csv = join(dir, 'status.csv');

beforeAll(async () => {
  expect((await run(['demo', '--db', db])).code).toBe(0);
  writeFileSync(csv, 'Kode;Status;Dato\nB1;230;01.03.2023\n');
}, 120_000);

describe('--project: the id, the name or a unique part of it, case-insensitive', () => {
  it('finds "headstart" and the id in summary, export and import', async () => {
    const byPart = await run(['summary', '--db', db, '--project', 'headstart', '--json']);
    expect(byPart.stderr).toBe('');
    const rows = (JSON.parse(byPart.stdout) as { projects: { name: string }[] }).projects;
    expect(rows.map((r) => r.name)).toEqual(['Tiltrækning af talent (Headstart)']);
    expect(JSON.parse((await run(['summary', '--db', db, '--project', '1', '--json'])).stdout).projects).toEqual(rows);
    const out = join(dir, 'hs.xlsx');
    const exported = await run(['export', '--db', db, '--project', 'HEADSTART', '--out', out]);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain('Evalueringen af "Tiltrækning af talent (Headstart)" er gemt');
    const imported = await run(['import', csv, '--db', db, '--project', 'headStart', '--dry-run']);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^Projekt: Tiltrækning af talent \(Headstart\)$/m);
  });

  it('an ambiguous part lists the candidates with their ids, in every command, and nothing is written', async () => {
    for (const args of [
      ['summary', '--db', db, '--project', 'tiltrækning'],
      ['export', '--db', db, '--project', 'tiltrækning', '--out', join(dir, 'x.xlsx')],
      ['import', csv, '--db', db, '--project', 'tiltrækning'],
    ]) {
      const r = await run(args);
      expect(r.code, args[0]).toBe(1);
      expect(r.stderr, args[0]).toContain('"tiltrækning" passer på 2 projekter');
      expect(r.stderr).toContain('Tiltrækning af talent (Headstart) (id 1)');
      expect(r.stderr).toContain('Tiltrækning af talent – work-live-stay southern denmark (id 2)');
    }
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
  });

  it('no match names the projects there are', async () => {
    const r = await run(['summary', '--db', db, '--project', 'intet']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Intet projekt matcher "intet". Projekterne er: "Future Talent Denmark", "Talent Management", "Tiltrækning af talent (Headstart)"');
  });
});

describe('the CLI follows the chosen language', () => {
  it('is Danish by default and for da_*, English with --lang en or LANG=en_*', async () => {
    for (const env of [{}, { LANG: 'da_DK.UTF-8' }, { LANG: 'C.UTF-8' }]) {
      const r = await run(['--help'], env);
      expect(r.stdout, JSON.stringify(env)).toContain('Kommandoer:');
      expect(r.stdout).toContain('Opret demoporteføljen');
    }
    for (const [args, env] of [
      [['--help', '--lang', 'en'], {}],
      [['--lang=en', '--help'], { LANG: 'da_DK.UTF-8' }],
      [['--help'], { LANG: 'en_GB.UTF-8' }],
      [['--help'], { LC_ALL: 'en_US.UTF-8', LANG: 'da_DK.UTF-8' }],
    ] as const) {
      const r = await run([...args], env);
      expect(r.stdout, args.join(' ')).toContain('Commands:');
      expect(r.stdout).toContain('Create the demo portfolio');
      expect(r.stdout).not.toContain('Kommandoer');
    }
    expect((await run(['--help', '--lang', 'da'], { LANG: 'en_GB.UTF-8' })).stdout).toContain('Kommandoer:');
    // The real process reads its locale from the environment.
    expect(cli(['summary', '--db', join(dir, 'nope.sqlite')], { LANG: 'en_GB.UTF-8' }).stderr).toContain(`Error: The database file ${join(dir, 'nope.sqlite')} does not exist.`);
  });

  it('speaks English in argument errors, summary labels and file errors', async () => {
    const missing = await run(['summary', '--lang', 'en']);
    expect(missing.stderr).toContain('Error: Missing --db. See --help.');
    const unknown = await run(['summary', '--db', db, '--bogus'], { LANG: 'en_US.UTF-8' });
    expect(unknown.stderr).toContain('Error: Unknown option (--bogus).');
    expect(unknown.stderr).toContain('Usage: npm run cli -- summary');
    const table = await run(['summary', '--db', db, '--project', 'headstart', '--lang', 'en']);
    expect(table.stdout).toMatch(/^Project\s+Evaluation\s+Implementation\s+Activity/);
    expect(table.stdout).toContain('3,8 green'); // Danish numbers stay: they are the users' figures
    expect(table.stdout).not.toContain('grøn');
    expect((await run(['summary', '--db', join(dir, 'nope.sqlite'), '--lang', 'en'])).stderr).toContain('The database file');
    expect((await run(['summary', '--db', db, '--project', 'tiltrækning', '--lang', 'en'])).stderr).toContain('matches 2 projects');
    expect((await run(['--help', '--lang', 'de'])).stderr).toContain('--lang skal være da eller en');
  });
});

/** Another program holding the write lock, as `BEGIN IMMEDIATE` in a second process does. */
async function holdWriteLock(file: string): Promise<ChildProcess> {
  const script = `
    const sqlite3 = require('sqlite3');
    const db = new sqlite3.Database(process.argv[1]);
    db.exec('BEGIN IMMEDIATE', (err) => { if (err) { console.error(err.message); process.exit(1); } console.log('locked'); });
    process.stdin.resume();
    process.stdin.on('end', () => db.exec('ROLLBACK', () => db.close(() => process.exit(0))));
  `;
  const child = spawn(process.execPath, ['-e', script, file], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('locked') && resolve());
    child.on('exit', (code) => reject(new Error(`lock holder exited with ${code}`)));
  });
  return child;
}

describe('a portfolio the CLI cannot write as asked', () => {
  it('held by another program: says so within seconds, names the file, and writes nothing', async () => {
    const file = join(dir, 'busy.sqlite');
    copyFileSync(db, file);
    const before = (await run(['summary', '--db', file, '--json'])).stdout;
    const holder = await holdWriteLock(file);
    try {
      const started = Date.now();
      const r = await run(['import', csv, '--db', file, '--project', 'headstart']);
      const ms = Date.now() - started;
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`Fejl: Porteføljen ${file} er optaget: et andet program (eller en anden Trafiklys) skriver i den lige nu. Intet er gemt. Prøv igen om lidt.`);
      expect(ms).toBeLessThan(15_000); // it was 31 s of waiting
      const en = await run(['import', csv, '--db', file, '--project', 'headstart', '--lang', 'en']);
      expect(en.stderr).toContain(`Error: The portfolio ${file} is busy: another program`);
    } finally {
      await new Promise<void>((resolve) => {
        holder.on('exit', () => resolve());
        holder.stdin!.end();
      });
    }
    expect((await run(['summary', '--db', file, '--json'])).stdout).toBe(before);
  }, 90_000);

  it('damaged: names the file and its backups, and leaves it as it was', async () => {
    const file = join(dir, 'damaged.sqlite');
    copyFileSync(db, file);
    copyFileSync(db, `${file}.backup-v1-2025-05-01T08-00-00-000Z`);
    const bytes = readFileSync(file);
    for (let i = 8192; i < bytes.length; i++) bytes[i] = (i * 31) % 253;
    writeFileSync(file, bytes);
    const r = await run(['summary', '--db', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Porteføljefilen ${file} er beskadiget`);
    expect(r.stderr).toContain('damaged.sqlite.backup-v1-2025-05-01T08-00-00-000Z');
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect((await run(['summary', '--db', file, '--lang', 'en'])).stderr).toContain('is damaged and cannot be read');
  });

  it('an SQLite file of another program: refused before anything in it changes', async () => {
    const file = join(dir, 'notes.db');
    await exec(file, 'CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); PRAGMA user_version = 1;');
    const bytes = readFileSync(file);
    const r = await run(['summary', '--db', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file} er en SQLite-fil fra et andet program (tabeller: notes), ikke en Trafiklys-portefølje`);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.startsWith('notes.db'))).toEqual(['notes.db']);
  });

  it(`in a write-protected folder (a read-only bind mount, as a CD or a read-only share${NS_SKIP}): reads work, writes are refused`, () => {
    if (!namespaces) return;
    const ro = mkdtempSync(join(tmpdir(), 'trafiklys-ro-'));
    const file = join(ro, 'cd.sqlite');
    copyFileSync(db, file);
    const bytes = readFileSync(file);
    const mountRo = `mount --bind ${ro} ${ro}\nmount -o remount,bind,ro ${ro}`;
    const summary = cliInNamespace(mountRo, ['summary', '--db', file, '--project', 'headstart']);
    expect(summary.stderr).toBe('');
    expect(summary.code).toBe(0);
    expect(summary.stdout).toContain('3,8 grøn');
    const write = cliInNamespace(mountRo, ['import', csv, '--db', file, '--project', 'headstart']);
    expect(write.code).toBe(1);
    expect(write.stderr).toContain(`Porteføljen ${file} er åbnet skrivebeskyttet (mappen er skrivebeskyttet, fx en cd eller et skrivebeskyttet netværksdrev)`);
    const exported = cliInNamespace(mountRo, ['export', '--db', file, '--portfolio', '--out', join(dir, 'from-cd.xlsx')]);
    expect(exported.code).toBe(0);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(readdirSync(ro)).toEqual(['cd.sqlite']);
  });

  it(`on a full disk (a full tmpfs${NS_SKIP}): says the disk is full and that nothing saved before is lost`, async () => {
    if (!namespaces) return;
    const mnt = mkdtempSync(join(tmpdir(), 'trafiklys-full-'));
    const file = join(mnt, 'full.sqlite');
    // A small disk holding the portfolio; a filler takes all but a few pages, so the import's
    // first pages of journal do not fit.
    const setup = [
      `mount -t tmpfs -o size=4m tmpfs ${mnt}`,
      `cp ${db} ${file}`,
      `dd if=/dev/zero of=${mnt}/filler bs=4k 2>/dev/null || true`,
      `truncate -s -40k ${mnt}/filler`,
    ].join('\n');
    const after = `node -e "process.stdout.write('\\n@@' + require('fs').readFileSync('${file}').toString('base64'))"`;
    const r = cliInNamespace(setup, ['import', csv, '--db', file, '--project', 'headstart'], after);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Disken med porteføljen ${file} er fuld. Ændringen er ikke gemt; alt, der var gemt før, er uændret.`);
    // The file as it was left on the full disk still holds the demo, unchanged.
    const left = join(dir, 'left-on-full-disk.sqlite');
    writeFileSync(left, Buffer.from(r.stdout.split('@@')[1] ?? '', 'base64'));
    expect((await run(['summary', '--db', left, '--json'])).stdout).toBe((await run(['summary', '--db', db, '--json'])).stdout);
  });
});

describe('export', () => {
  it('cleans up the temp files an interrupted export left, and keeps those of live exports', async () => {
    const out = join(dir, 'exports');
    spawnSync('mkdir', ['-p', out]);
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const leftover = join(out, `.portefolje.xlsx.${dead}.0badc0de.tmp`);
    const live = join(out, `.portefolje.xlsx.${process.pid}.1234abcd.tmp`);
    const old = join(out, `.portefolje.xlsx.${process.pid}.feedf00d.tmp`);
    for (const f of [leftover, live, old]) writeFileSync(f, 'PK half a workbook');
    const dayAgo = new Date(Date.now() - 25 * 60 * 60 * 1000);
    utimesSync(old, dayAgo, dayAgo);
    const r = await run(['export', '--db', db, '--portfolio', '--out', join(out, 'portefolje.xlsx')]);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([`.portefolje.xlsx.${process.pid}.1234abcd.tmp`, 'portefolje.xlsx']);
  });
});
