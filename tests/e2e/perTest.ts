import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { launchBrowser, startApp, type AppUnderTest } from './harness';

// Apart from harness.ts because the bench loads the harness outside vitest (tsx), where importing
// vitest throws.

/**
 * The usual shape of an E2E file: one browser for the file, a fresh app (its own SQLite file) per
 * test. `started` gets each app before its test runs, to keep it or to prepare its page.
 */
export function appPerTest(started: (app: AppUnderTest) => void | Promise<void>): void {
  let browser: Browser | undefined;
  let app: AppUnderTest | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    app = await startApp(browser!);
    await started(app);
  });
  afterEach(async () => {
    await app?.close();
  });
}
