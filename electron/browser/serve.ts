import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { headlessHost } from '../ipc/host';
import { PortfolioSession } from '../ipc/portfolioSession';
import { NO_SECRET_BOX, ServerConnections } from '../main/connections';
import { isPostgresUrl, redactUrl } from '../storage/pg/pgDb';
import { parseConnectionUrl } from '../../shared/serverConnection';
import { startBrowserServer } from './server';

/**
 * `npm run browser -- --db FILE [--port N]`: Trafiklys in a browser where the Electron binary
 * cannot run. Builds the renderer if needed, serves it on 127.0.0.1 with the real handler table
 * behind a token-protected bridge, and prints the URL (with the token) as its first line.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { db: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  if (values.help || !values.db) {
    (values.help ? process.stdout : process.stderr).write('Brug: npm run browser -- --db FILE|postgres://bruger@vært:port/database [--port N]\n');
    return values.help ? 0 : 2;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`Fejl: --port skal være et portnummer (0-65535), ikke "${values.port}".\n`);
    return 2;
  }
  const repoRoot = resolve(__dirname, '..', '..');
  const rendererDir = join(repoRoot, 'out', 'renderer');
  const built = join(rendererDir, 'index.html');
  if (!existsSync(built) || newestSource(repoRoot) > statSync(built).mtimeMs) {
    process.stderr.write(existsSync(built) ? 'Kildekoden er nyere end den byggede renderer; bygger igen (electron-vite build) …\n' : 'Bygger rendereren (electron-vite build) …\n');
    execFileSync(process.execPath, [join(repoRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
      cwd: repoRoot,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  // The same session as the app's (Filer > Forbind til server works here too), but no password
  // is ever kept: the preview has no OS key store.
  const session = new PortfolioSession({
    host: headlessHost(join(tmpdir(), 'trafiklys-eksport')),
    connections: ServerConnections.inFolder(join(tmpdir(), 'trafiklys-browser'), NO_SECRET_BOX),
    // As the app does when its window opens: the figures are read while the page loads.
    onOpened: (opened) => opened.services.portfolio.warmUp(),
  });
  const db = values.db;
  if (isPostgresUrl(db)) {
    // The password from PGPASSWORD or ~/.pgpass, as the CLI's.
    const connection = parseConnectionUrl(db);
    if (!connection) throw new Error(`--db ${redactUrl(db)} er ikke en forbindelse (postgres://bruger@vært:port/database).`);
    await session.openServer(connection, null);
  } else await session.openFile(resolve(db));
  // Others' changes and presence on a team server reach the page as a server-sent event stream.
  const server = await startBrowserServer({ handlers: session.handlers, rendererDir, port, events: (send) => session.subscribe(send) });
  process.stdout.write(`${server.url}\n`);
  process.stderr.write(`Trafiklys kører på ${server.url} (portefølje: ${session.opened?.location.kind === 'file' ? session.opened.location.path : session.opened?.label}). Stop med Ctrl+C.\n`);
  await new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  await session.close();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`Fejl: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);

/** The newest modification time of the sources the renderer is built from (renderer/ and shared/). */
function newestSource(repoRoot: string): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of ['renderer', 'shared']) if (existsSync(join(repoRoot, dir))) walk(join(repoRoot, dir));
  return newest;
}
