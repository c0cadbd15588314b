import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startBrowserServer, type BrowserServer } from '../../electron/browser/server';
import { callChannel, createHandlers, type HandlerTable } from '../../electron/ipc/handlers';
import { headlessHost } from '../../electron/ipc/host';
import { createAppServices, type AppServices } from '../../electron/services';
import { createDemoPortfolio } from '../../electron/services/demo';
import { resourcesDir } from '../../electron/resources';
import { ensureBuilt, outDir, repoRoot } from '../helpers/build';

/**
 * End-to-end harness: the production renderer build in Debian's Chromium, given the same
 * `window.api` the preload exposes, bound to the real handler table over a real SQLite file in
 * a fresh temp folder per test. Only Electron's transport is replaced (by the browser server's
 * token-protected bridge).
 */

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(repoRoot, 'test-artifacts', 'screenshots');

export async function launchBrowser(): Promise<Browser> {
  ensureBuilt();
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface AppUnderTest {
  dir: string;
  dbPath: string;
  services: AppServices;
  handlers: HandlerTable;
  server: BrowserServer;
  context: BrowserContext;
  page: Page;
  /** Page errors and console errors seen so far (a test asserts there are none). */
  errors: string[];
  /** The demo's project ids by a part of their name. */
  projectId(namePart: string): Promise<number>;
  /** Opens a route of the app (hash part, e.g. "#/project/1/resume"). */
  open(hash?: string): Promise<void>;
  close(): Promise<void>;
}

export async function startApp(browser: Browser, options: { demo?: boolean; prepare?: (dbPath: string) => Promise<unknown> } = {}): Promise<AppUnderTest> {
  const dir = mkdtempSync(join(tmpdir(), 'trafiklys-e2e-'));
  const dbPath = join(dir, 'portfolio.trafiklys.sqlite');
  if (options.demo !== false) await createDemoPortfolio(dbPath, resourcesDir());
  // Written before the app opens the file (e.g. a generated portfolio), as a user's file would be.
  await options.prepare?.(dbPath);
  const services = await createAppServices({ dbPath, user: 'e2e' });
  const handlers = createHandlers(services, headlessHost(join(dir, 'exports')));
  const server = await startBrowserServer({ handlers, rendererDir: join(outDir, 'renderer') });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return {
    dir,
    dbPath,
    services,
    handlers,
    server,
    context,
    page,
    errors,
    async projectId(namePart: string) {
      const r = await callChannel(handlers, 'portfolioSummaries', {});
      if (!r.ok) throw new Error(r.error.message);
      const row = r.value.find((p) => p.name.includes(namePart));
      if (!row) throw new Error(`no project named like ${namePart}`);
      return row.projectId;
    },
    async open(hash = '') {
      await page.goto(`${server.url}${hash}`);
    },
    async close() {
      await context.close();
      await server.close();
      await services.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  // Let charts finish their entry animation.
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
