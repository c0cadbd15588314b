import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { startBrowserServer, type BrowserServer } from '../../electron/browser/server';
import { callChannel, createHandlers, type HandlerTable } from '../../electron/ipc/handlers';
import { headlessHost } from '../../electron/ipc/host';
import { createAppServices, type AppServices } from '../../electron/services';
import { createDemoPortfolio } from '../../electron/services/demo';
import { resourcesDir } from '../../electron/resources';
import { copyPortfolio } from '../../electron/storage/copy';
import { serverInit, serverUserAdd } from '../../electron/storage/pg/roles';
import { outDir } from '../helpers/build';
import { PG_SKIP_REASON, freshPgDatabase, testPgUrl } from '../helpers/pgServer';
import { tcpRelay } from '../helpers/tcpRelay';
import { launchBrowser, screenshot } from './harness';

/**
 * A team on one server, in Chromium (issue 13): two windows (each its own services on the
 * server, its browser bridge and its page, as two users' apps would be) on the demo portfolio
 * copied onto the run's PostgreSQL cluster. What one saves appears in the other without
 * reloading; the other sees who has the project open; a lost line is said at once and mended.
 */

const available = testPgUrl() !== null;
const suite = available ? describe : describe.skip;

interface Window {
  services: AppServices;
  handlers: HandlerTable;
  server: BrowserServer;
  page: Page;
  errors: string[];
}

suite(`a team on one server in the browser${available ? '' : ` ${PG_SKIP_REASON}`}`, () => {
  let browser: Browser;
  let url = '';
  let drop: () => Promise<void> = async () => undefined;
  let dir = '';
  const windows: Window[] = [];
  const urlAs = (user: string) => {
    const u = new URL(url);
    u.username = user;
    return u.toString();
  };

  /** A user's window; `port`: through another port (a relay to the server). */
  async function windowAs(user: string, port?: number): Promise<Window> {
    const dbPath = new URL(urlAs(user));
    if (port) dbPath.port = String(port);
    const services = await createAppServices({ dbPath: dbPath.toString(), live: true });
    const handlers = createHandlers(services, headlessHost(join(dir, `exports-${user}`)));
    const server = await startBrowserServer({ handlers, rendererDir: join(outDir, 'renderer'), events: (send) => services.live.subscribe(send) });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    const w = { services, handlers, server, page, errors };
    windows.push(w);
    return w;
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    dir = mkdtempSync(join(tmpdir(), 'trafiklys-team-'));
    const db = await freshPgDatabase('team_e2e');
    url = db.url;
    drop = db.drop;
    const file = join(dir, 'demo.sqlite');
    await createDemoPortfolio(file, resourcesDir());
    await copyPortfolio(file, url);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      for (const login of ['mette', 'lars'])
        await admin.query(`DO $$ BEGIN CREATE ROLE ${login} LOGIN SUPERUSER; EXCEPTION WHEN duplicate_object THEN NULL; END $$`);
    } finally {
      await admin.end();
    }
  });
  afterAll(async () => {
    for (const w of windows.splice(0)) {
      await w.page.context().close();
      await w.server.close();
      await w.services.close();
    }
    await browser?.close();
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("mette's save appears in lars's open project and portfolio without reloading, lars sees that mette has the project open, and a lost line is said and mended", async () => {
    const mette = await windowAs('mette');
    const lars = await windowAs('lars');
    const summaries = await callChannel(lars.handlers, 'portfolioSummaries', {});
    if (!summaries.ok) throw new Error(summaries.error.message);
    const headstart = summaries.value.find((p) => p.name.includes('Headstart'))!;

    await lars.page.goto(`${lars.server.url}#/project/${headstart.projectId}/facts`);
    await expect.poll(() => lars.page.getByTestId('project-title').textContent()).toBe('Tiltrækning af talent (Headstart)');
    expect(await lars.page.getByTestId('open-elsewhere').count()).toBe(0);
    await mette.page.goto(`${mette.server.url}#/project/${headstart.projectId}/facts`);
    await expect.poll(() => mette.page.getByTestId('project-title').textContent()).toBe('Tiltrækning af talent (Headstart)');
    // Each sees the other.
    await expect.poll(() => lars.page.getByTestId('open-elsewhere').textContent()).toBe('Også åben hos: mette');
    await expect.poll(() => mette.page.getByTestId('open-elsewhere').textContent()).toBe('Også åben hos: lars');
    await screenshot(lars.page, '70-team-open-elsewhere');

    // Mette renames the project (her window's save); Lars's title changes, unasked, and says who.
    const saved = await callChannel(mette.handlers, 'projectUpdate', { projectId: headstart.projectId, patch: { name: 'Headstart – talent til regionen' } });
    expect(saved.ok).toBe(true);
    await expect.poll(() => lars.page.getByTestId('project-title').textContent()).toBe('Headstart – talent til regionen');
    await expect.poll(() => lars.page.getByText('Opdateret: mette har ændret projektet.').count()).toBe(1);
    await screenshot(lars.page, '71-team-updated');

    // Lars goes to the portfolio; mette renames again: the row changes there too.
    await lars.page.goto(`${lars.server.url}#/`);
    await expect.poll(() => lars.page.getByRole('link', { name: 'Headstart – talent til regionen' }).count()).toBe(1);
    // Leaving the project: mette no longer sees lars there.
    await expect.poll(() => mette.page.getByTestId('open-elsewhere').count()).toBe(0);
    await callChannel(mette.handlers, 'projectUpdate', { projectId: headstart.projectId, patch: { name: 'Headstart 2.0' } });
    await expect.poll(() => lars.page.getByRole('link', { name: 'Headstart 2.0' }).count()).toBe(1);

    // The server cuts lars's listening line: he is told at once, and it mends by itself.
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'lars' AND application_name LIKE '%-listen'");
    } finally {
      await admin.end();
    }
    await expect.poll(() => lars.page.getByTestId('live-lost').count()).toBe(1);
    expect(await lars.page.getByTestId('live-lost').textContent()).toContain('Forbindelsen til serveren er afbrudt');
    await screenshot(lars.page, '72-team-line-lost');
    await expect.poll(() => lars.page.getByTestId('live-lost').count()).toBe(0);
    expect(lars.errors).toEqual([]);
    expect(mette.errors).toEqual([]);
  });

  it('a manager signed in sees who they are and finds the fields locked with the reason, before typing', async () => {
    await serverInit(url);
    await serverUserAdd(url, { name: `ane${process.pid}`, roles: ['manager'], projects: [], password: null });
    const ane = await windowAs(`ane${process.pid}`);
    const summaries = await callChannel(ane.handlers, 'portfolioSummaries', {});
    if (!summaries.ok) throw new Error(summaries.error.message);
    const project = summaries.value[0];
    await ane.page.goto(`${ane.server.url}#/project/${project.projectId}/facts`);
    await expect.poll(() => ane.page.getByTestId('signed-in-as').textContent()).toBe(`Logget ind som ane${process.pid} (leder)`);
    const name = ane.page.getByRole('textbox', { name: /Projektnavn/ });
    await expect.poll(() => name.getAttribute('readonly')).not.toBeNull();
    const reason = `Du er logget ind som ane${process.pid} (leder): kun en sagsbehandler kan ændre projektets fakta. Serveren afviser ændringen.`;
    expect(await ane.page.getByRole('img', { name: reason }).count()).toBeGreaterThan(0);
    // What the role may not start is disabled, with the reason, before the server would refuse it.
    const importButton = ane.page.getByRole('button', { name: 'Importér', exact: true });
    expect(await importButton.getAttribute('aria-disabled')).toBe('true');
    expect(await importButton.getAttribute('aria-description')).toBe(`Du er logget ind som ane${process.pid} (leder): kun en sagsbehandler kan ændre status på mål. Serveren afviser ændringen.`);
    await importButton.click({ force: true });
    expect(await ane.page.getByRole('dialog').count()).toBe(0);
    await screenshot(ane.page, '73-team-manager-locked');
    expect(ane.errors).toEqual([]);
  });

  it('the server gone while mette types: the field keeps her text and says it is not saved yet, the banner counts it, and it is saved by itself when the server answers again', async () => {
    const relay = await tcpRelay(Number(new URL(url).port));
    try {
      const mette = await windowAs('mette', relay.port);
      const summaries = await callChannel(mette.handlers, 'portfolioSummaries', {});
      if (!summaries.ok) throw new Error(summaries.error.message);
      const project = summaries.value[0];
      await mette.page.goto(`${mette.server.url}#/project/${project.projectId}/facts`);
      const journal = mette.page.getByRole('textbox', { name: 'Journalnummer' });
      await expect.poll(() => journal.count()).toBe(1);
      await journal.fill('J.nr. 2026-77');

      await relay.cut();
      await journal.press('Tab');
      await expect.poll(() => mette.page.getByText('Ikke gemt endnu: serveren svarer ikke.', { exact: false }).count()).toBeGreaterThan(0);
      expect(await journal.inputValue()).toBe('J.nr. 2026-77');
      await expect.poll(() => mette.page.getByTestId('saves-waiting').textContent()).toBe('1 ændring venter på at blive gemt; den sendes af sig selv, når serveren svarer.');
      await screenshot(mette.page, '74-team-save-waiting');

      await relay.mend();
      await expect.poll(() => mette.page.getByTestId('live-lost').count(), { timeout: 20_000 }).toBe(0);
      expect(await journal.inputValue()).toBe('J.nr. 2026-77');
      const stored = await callChannel(windows[0].handlers, 'projectGet', { projectId: project.projectId });
      if (!stored.ok) throw new Error(stored.error.message);
      expect(stored.value.project.journalNumber).toBe('J.nr. 2026-77');
      expect(mette.errors).toEqual([]);
    } finally {
      await relay.close();
    }
  });
});
