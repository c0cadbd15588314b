import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A throwaway PostgreSQL cluster for the tests: initdb in a temp folder (trust auth, loopback
 * only, its unix socket in the same folder), started with `pg_ctl start -w` on a free port as the
 * `postgres` OS user when we run as root (PostgreSQL refuses root), stopped and removed after.
 *
 * One cluster per test run (vitest globalSetup, tests/helpers/pgGlobalSetup.ts) publishes its URL
 * in TRAFIKLYS_TEST_PG_URL; each test file makes its own database with `freshPgDatabase()`.
 */

export const PG_SKIP_REASON = '(skipped: PostgreSQL 14+ binaries not found)';
export const PG_URL_ENV = 'TRAFIKLYS_TEST_PG_URL';
/**
 * The one login of the test cluster that must give a password over TCP (scram-sha-256); every
 * other login is trusted. A test creates the role with the password it wants.
 */
export const PASSWORD_LOGIN = 'trafiklys_pw';

/** The folder with initdb, pg_ctl and postgres of the newest PostgreSQL 14+, or null. */
export function findPgBin(): string | null {
  const candidates: string[] = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const debian = '/usr/lib/postgresql';
  if (fs.existsSync(debian)) {
    for (const v of fs.readdirSync(debian).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a))) {
      if (Number(v) >= 14) candidates.push(path.join(debian, v, 'bin'));
    }
  }
  const onPath = spawnSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) candidates.push(path.dirname(onPath));
  for (const dir of candidates) {
    const initdb = path.join(dir, 'initdb');
    if (!fs.existsSync(initdb) || !fs.existsSync(path.join(dir, 'pg_ctl'))) continue;
    const version = spawnSync(initdb, ['--version'], { encoding: 'utf8' }).stdout;
    const major = Number(/(\d+)(?:\.\d+)?/.exec(version)?.[1] ?? 0);
    if (major >= 14) return dir;
  }
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface PgCluster {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  port: number;
  stop(): void;
}

/** Starts a cluster; null when no PostgreSQL 14+ binaries are installed. */
export async function startPgCluster(): Promise<PgCluster | null> {
  const bin = findPgBin();
  if (!bin) return null;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'trafiklys-pg-'));
  const data = path.join(root, 'data');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  // As root, everything runs as `postgres`, which must own the folder.
  const as = (cmd: string, args: string[]): [string, string[]] => (isRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args]);
  if (isRoot) execFileSync('chown', ['postgres:postgres', root]);
  fs.chmodSync(root, 0o700);
  const port = await freePort();
  const run = (cmd: string, args: string[]) => {
    const [c, a] = as(path.join(bin, cmd), args);
    execFileSync(c, a, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  };
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync']);
    // One login must give its password (the app's connection dialog is tested with a wrong one);
    // the first matching line wins, so it goes before initdb's trust lines.
    const hba = path.join(data, 'pg_hba.conf');
    fs.writeFileSync(hba, `host all ${PASSWORD_LOGIN} 127.0.0.1/32 scram-sha-256\n${fs.readFileSync(hba, 'utf8')}`);
    const options = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    run('pg_ctl', ['start', '-w', '-t', '60', '-D', data, '-l', path.join(root, 'log'), '-o', options]);
  } catch (error) {
    fs.rmSync(root, { recursive: true, force: true });
    const detail = error && typeof error === 'object' && 'stderr' in error ? String(error.stderr) : String(error);
    throw new Error(`PostgreSQL test cluster did not start (${bin}): ${detail}`);
  }
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['stop', '-w', '-m', 'fast', '-D', data]);
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    },
  };
}

/** The URL of the run's cluster, or null when PostgreSQL is not available. */
export function testPgUrl(): string | null {
  return process.env[PG_URL_ENV] || null;
}

let counter = 0;

/** The URL of database `name` on the run's cluster. */
export function pgDatabaseUrl(name: string): string {
  const base = testPgUrl();
  if (!base) throw new Error(`No PostgreSQL test cluster ${PG_SKIP_REASON}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The database name of a URL made by freshPgDatabase. */
export function pgDatabaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/**
 * A new database on the run's cluster; returns its URL and a drop function. With `template`, a
 * copy of that database (CREATE DATABASE ... TEMPLATE: a migrated schema in milliseconds).
 */
export async function freshPgDatabase(label = 'test', template?: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = testPgUrl();
  if (!base) throw new Error(`No PostgreSQL test cluster ${PG_SKIP_REASON}`);
  const { Client } = (await import('pg')).default;
  const name = `t_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase().slice(0, 30)}_${process.pid}_${Date.now().toString(36)}_${++counter}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
  } finally {
    await admin.end();
  }
  return {
    url: pgDatabaseUrl(name),
    drop: async () => {
      const c = new Client({ connectionString: base });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
