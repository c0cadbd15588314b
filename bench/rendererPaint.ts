import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startBrowserServer } from '../electron/browser/server';
import { createHandlers } from '../electron/ipc/handlers';
import { headlessHost } from '../electron/ipc/host';
import { createAppServices } from '../electron/services';
import { CHROMIUM, launchBrowser, SCREENSHOTS } from '../tests/e2e/harness';
import { repoRoot } from './child';

/**
 * The renderer figure: the production renderer build in Chromium over the real handler table
 * (as the end-to-end tests and `npm run browser` serve it), opened on the portfolio view. Times
 * are the page's own clock (performance.now(), from navigation start): when the first project
 * row is in the DOM, when the frame after it has been painted, and when the portfolio call's
 * response had arrived (resource timing), so the time the renderer spends after the data is
 * visible on its own.
 */

export interface PaintRun {
  /** Navigation start to the frame after the first project row is in the DOM. */
  paintMs: number;
  /** Navigation start to the portfolio call's response end. */
  dataMs: number;
  /** Project rows and table rows in the DOM at that moment. */
  projectRows: number;
  tableRows: number;
}

const rendererDir = join(repoRoot, 'out', 'renderer');

/**
 * Runs in the page (as text: tsx's helpers do not exist there). Waits frame by frame for the
 * first project row, then for the frame that shows it, and reads the page's clock.
 */
const WAIT_FOR_ROWS = `new Promise((resolve) => {
  const check = () => {
    const rows = document.querySelectorAll('[data-testid^="project-row-"]');
    if (rows.length === 0) return requestAnimationFrame(check);
    const counts = { projectRows: rows.length, tableRows: document.querySelectorAll('tr').length };
    requestAnimationFrame(() => setTimeout(() => {
      const call = performance.getEntriesByType('resource').find((e) => e.name.includes(encodeURIComponent('portfolio:page')));
      resolve({ paintMs: performance.now(), dataMs: call ? call.responseEnd : NaN, ...counts });
    }));
  };
  check();
})`;

function newest(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return t;
}

/** Builds the renderer when there is no build or the sources are newer (unless told not to). */
export function ensureRendererBuild(rebuildStale: boolean): 'built' | 'fresh' | 'as found' {
  const index = join(rendererDir, 'index.html');
  const stale = existsSync(index) && rebuildStale && Math.max(newest(join(repoRoot, 'renderer')), newest(join(repoRoot, 'shared'))) > statSync(index).mtimeMs;
  if (existsSync(index) && !stale) return rebuildStale ? 'fresh' : 'as found';
  execFileSync(process.execPath, [join(repoRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  return 'built';
}

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

export async function measureFirstPaint(dbPath: string, runs: number, screenshot?: string): Promise<PaintRun[]> {
  const exportDir = mkdtempSync(join(tmpdir(), 'trafiklys-bench-exports-'));
  const services = await createAppServices({ dbPath });
  const server = await startBrowserServer({ handlers: createHandlers(services, headlessHost(exportDir)), rendererDir });
  let browser: Browser | null = null;
  try {
    browser = await launchBrowser();
    const out: PaintRun[] = [];
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
      const page = await context.newPage();
      page.setDefaultTimeout(15 * 60_000);
      try {
        // As the app does when its window opens (electron/main, npm run browser): main reads
        // the figures while the renderer starts.
        if (run === 0) services.portfolio.warmUp();
        await page.goto(`${server.url}#/`, { waitUntil: 'domcontentloaded' });
        const result = (await page.evaluate(WAIT_FOR_ROWS)) as PaintRun;
        out.push(result);
        if (screenshot && run === 0) await page.screenshot({ path: join(SCREENSHOTS, `${screenshot}.png`) });
        // What the view asks after its first paint (the indicator suggestions) is answered before
        // the next run starts, so no run waits on the one before it.
        await page.waitForLoadState('networkidle');
      } finally {
        await context.close();
      }
    }
    return out;
  } finally {
    await browser?.close();
    await server.close();
    await services.close();
    rmSync(exportDir, { recursive: true, force: true });
  }
}
