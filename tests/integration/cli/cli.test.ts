import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { repoRoot } from '../../helpers/build';

/** The CLI as a user runs it: a real process on plain Node, real files. */
function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(repoRoot, 'electron', 'cli', 'main.ts'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function exec(db: string, sql: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const conn = new sqlite3.Database(db, (err) => {
      if (err) return reject(err);
      conn.exec(sql, (e) => conn.close(() => (e ? reject(e) : resolve())));
    });
  });
}

describe('command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'trafiklys-cli-'));
  const db = join(dir, 't.db');

  it('prints help with every command', () => {
    const { code, stdout } = cli('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('demo --db FILE');
    expect(stdout).toContain('summary --db FILE');
  });

  it('creates the demo and summarises Headstart as the method computes it', () => {
    expect(cli('demo', '--db', db).code).toBe(0);
    const { code, stdout, stderr } = cli('summary', '--db', db, '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as Record<string, any>[] // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON from the CLI, asserted field by field;
    const headstart = rows.find((r) => r.name === 'Tiltrækning af talent (Headstart)')!;
    expect(headstart.evaluationType).toBe('final');
    expect(headstart.implementation).toEqual({ score: 3.8, light: 'green', scored: 6 });
    expect(headstart.goals.activity).toEqual({ percent: 100, light: 'green' });
    expect(headstart.goals.output).toEqual({ percent: 94, light: 'green' });
    expect(headstart.goals.effect.percent).toBe(81); // (86.8 + 75) / 2
    expect(headstart.budget).toEqual({ percent: 100 });
    expect(headstart.time).toEqual({ percent: 100 });
    expect(headstart.warnings.some((w: string) => w.includes('C2') && w.includes('88') && w.includes('75'))).toBe(true);
    const wls = rows.find((r) => r.name !== headstart.name)!;
    expect(wls.evaluationType).toBe('midterm');
    expect(wls.implementation.light).toBeNull();
  });

  it('prints a readable Danish table without --json, and one project with --project', () => {
    const { code, stdout } = cli('summary', '--db', db, '--project', 'Tiltrækning af talent (Headstart)');
    expect(code).toBe(0);
    expect(stdout).toContain('3,8 grøn');
    expect(stdout).toContain('94 % grøn');
    expect(stdout).not.toContain('work-live-stay');
  });

  it('fails with a message on stderr for a missing file, an unknown project or a bad option', () => {
    const missing = cli('summary', '--db', join(dir, 'nope.db'));
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('findes ikke');
    const unknown = cli('summary', '--db', db, '--project', 'Intet');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('Intet');
    expect(cli('summary', '--db', db, '--bogus').code).not.toBe(0);
    expect(cli('frobnicate').code).not.toBe(0);
  });

  it('refuses a database from a newer version and leaves its bytes untouched', async () => {
    const newer = join(mkdtempSync(join(tmpdir(), 'trafiklys-newer-')), 'newer.db');
    expect(cli('demo', '--db', newer).code).toBe(0);
    await exec(newer, 'PRAGMA journal_mode = DELETE; PRAGMA user_version = 999;');
    const before = readFileSync(newer);
    const filesBefore = readdirSync(join(newer, '..')).sort();
    const { code, stderr } = cli('summary', '--db', newer, '--json');
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/nyere version/);
    expect(stderr).toContain('999');
    expect(readFileSync(newer).equals(before)).toBe(true);
    expect(readdirSync(join(newer, '..')).sort()).toEqual(filesBefore);
  });
});
