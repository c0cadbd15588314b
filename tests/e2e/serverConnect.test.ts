import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startBrowserServer, type BrowserServer } from '../../electron/browser/server';
import { headlessHost } from '../../electron/ipc/host';
import { PortfolioSession } from '../../electron/ipc/portfolioSession';
import { CONNECTIONS_FILE, ServerConnections, type SecretBox } from '../../electron/main/connections';
import { createDemoPortfolio } from '../../electron/services/demo';
import { resourcesDir } from '../../electron/resources';
import { openPortfolioStore } from '../../electron/storage';
import { outDir } from '../helpers/build';
import { PASSWORD_LOGIN, PG_SKIP_REASON, findPgBin, startPgCluster, testPgUrl, type PgCluster } from '../helpers/pgServer';
import { facts } from '../integration/storage/helpers';
import { a11yProblems, formatProblems } from './axe';
import { launchBrowser, screenshot } from './harness';

/**
 * Filer > Forbind til server in Chromium: the production renderer over the app's own session
 * (the same handler table Electron's IPC calls), a demo file open first, then the dialog: a
 * wrong port is told in the dialog with every field kept, the right one opens the server's
 * portfolio and the title names user, host and database.
 */

const PASSWORD = 'Fælles-Kode-2026';
/** A stand-in for safeStorage (the browser has none): reversible, never the plain text. */
const box: SecretBox = {
  isEncryptionAvailable: () => true,
  encryptString: (s) => Buffer.from(Buffer.from(s, 'utf8').map((b) => b ^ 0x33)),
  decryptString: (b) => Buffer.from(b.map((x) => x ^ 0x33)).toString('utf8'),
};

let cluster: PgCluster | null = null;
let base: string | null = null;
let browser: Browser;
let dir: string;
let session: PortfolioSession;
let server: BrowserServer;
let context: BrowserContext;
let page: Page;
let database: string;
const errors: string[] = [];

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

beforeAll(async () => {
  base = testPgUrl();
  if (!base) {
    cluster = await startPgCluster();
    base = cluster?.url ?? null;
  }
  if (!base) return;
  database = `e2e_connect_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.query(`DO $$ BEGIN CREATE ROLE ${PASSWORD_LOGIN} LOGIN SUPERUSER; EXCEPTION WHEN duplicate_object THEN NULL; END $$`);
    await admin.query(`ALTER ROLE ${PASSWORD_LOGIN} PASSWORD '${PASSWORD}'`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${database}`;
  const store = await openPortfolioStore(url.toString());
  await store.createProject(facts({ name: 'Fælles projekt på serveren' }));
  await store.close();

  browser = await launchBrowser();
  dir = mkdtempSync(join(tmpdir(), 'trafiklys-e2e-connect-'));
  const dbPath = join(dir, 'portfolio.trafiklys.sqlite');
  await createDemoPortfolio(dbPath, resourcesDir());
  session = new PortfolioSession({ host: headlessHost(join(dir, 'exports')), connections: ServerConnections.inFolder(dir, box), user: 'e2e' });
  await session.openFile(dbPath);
  server = await startBrowserServer({ handlers: session.handlers, rendererDir: join(outDir, 'renderer') });
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
  // Electron's preload gives the page window.appEvents; here the test plays the menu through it.
  await context.addInitScript(() => {
    const listeners: ((command: string) => void)[] = [];
    (window as unknown as { appEvents: unknown }).appEvents = {
      onMenuCommand(listener: (command: string) => void) {
        listeners.push(listener);
        return () => listeners.splice(listeners.indexOf(listener), 1);
      },
    };
    (window as unknown as { menu: (command: string) => void }).menu = (command) => listeners.forEach((l) => l(command));
  });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
});

afterAll(async () => {
  await context?.close();
  await server?.close();
  await session?.close();
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  if (base && database) {
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
  cluster?.stop();
});

describe('Filer > Forbind til server', () => {
  // Without PostgreSQL binaries there is no server to connect to: skipped, the reason in its name.
  const available = testPgUrl() !== null || findPgBin() !== null;
  (available ? it : it.skip)(`a wrong port is told in the dialog with the fields kept; the right one opens the server portfolio and names it in the title${available ? '' : ` ${PG_SKIP_REASON}`}`, async () => {
    await page.goto(server.url);
    await expect.poll(() => page.title()).toBe('Trafiklys – portfolio.trafiklys.sqlite');
    await expect.poll(() => page.getByText('Headstart').count()).toBeGreaterThan(0);

    await page.evaluate(() => (window as unknown as { menu: (c: string) => void }).menu('connectServer'));
    const dialog = page.getByRole('dialog', { name: 'Forbind til server' });
    await expect.poll(() => dialog.count()).toBe(1);
    const port = Number(new URL(base!).port);
    const wrong = await closedPort();
    const field = (name: string) => dialog.getByRole('textbox', { name, exact: true });
    await field('Server').fill('127.0.0.1');
    await field('Port').fill(String(wrong));
    await field('Database').fill(database);
    await field('Brugernavn').fill(PASSWORD_LOGIN);
    await dialog.getByLabel('Adgangskode', { exact: true }).fill(PASSWORD);
    await dialog.getByRole('checkbox', { name: 'Husk adgangskoden' }).check();
    // TLS defaults to "prefer".
    expect(await dialog.getByLabel('Krypteret forbindelse (TLS)', { exact: true }).inputValue()).toBe('Foretræk: TLS, hvor serveren tilbyder det');
    await dialog.getByRole('button', { name: 'Forbind' }).click();

    const alert = dialog.getByRole('alert');
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.textContent()).toBe(
      `Forbindelsen mislykkedesPostgreSQL-serveren 127.0.0.1:${wrong} svarer ikke (forbindelsen blev afvist). Tjek at serveren kører, og at vært og port er rigtige.`,
    );
    // Every field is kept, the password too.
    expect(await field('Server').inputValue()).toBe('127.0.0.1');
    expect(await field('Port').inputValue()).toBe(String(wrong));
    expect(await field('Database').inputValue()).toBe(database);
    expect(await field('Brugernavn').inputValue()).toBe(PASSWORD_LOGIN);
    expect(await dialog.getByLabel('Adgangskode', { exact: true }).inputValue()).toBe(PASSWORD);
    expect(await dialog.getByRole('checkbox', { name: 'Husk adgangskoden' }).isChecked()).toBe(true);
    // The open portfolio is still the file.
    expect(await page.title()).toBe('Trafiklys – portfolio.trafiklys.sqlite');
    // The dialog with its error passes axe (WCAG 2.1 AA: no serious or critical violation).
    const problems = await a11yProblems(page, '[role="dialog"]');
    expect(problems, formatProblems('Forbind til server', problems)).toEqual([]);
    await page.screenshot({ path: '/tmp/h52-connect-dialog-error.png' });
    await screenshot(page, '60-connect-server-error');

    await field('Port').fill(String(port));
    await dialog.getByRole('button', { name: 'Forbind' }).click();
    await expect.poll(() => page.title()).toBe(`Trafiklys – ${PASSWORD_LOGIN}@127.0.0.1/${database}`);
    await expect.poll(() => page.getByText('Fælles projekt på serveren').count()).toBeGreaterThan(0);
    expect(await page.getByText('Headstart').count()).toBe(0);
    await page.screenshot({ path: '/tmp/h52-connected.png' });
    expect(session.opened?.location.kind).toBe('server');
    // "Husk adgangskoden": kept, but only encrypted.
    const kept = readFileSync(join(dir, CONNECTIONS_FILE), 'utf8');
    expect(kept).toContain(database);
    expect(kept).not.toContain(PASSWORD);
    expect(new ServerConnections(join(dir, CONNECTIONS_FILE), box).password({ host: '127.0.0.1', port, database, user: PASSWORD_LOGIN, tls: 'prefer' })).toBe(PASSWORD);
    expect(errors).toEqual([]);
  });
});
