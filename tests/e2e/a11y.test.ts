import type { Browser, Page } from 'playwright-core';
import { callChannel } from '../../electron/ipc/handlers';
import { a11yProblems, formatProblems } from './axe';
import { launchBrowser, screenshot, startApp, type AppUnderTest } from './harness';

/**
 * WCAG 2.1 AA (issue 15): axe-core finds no serious or critical violation on any view of the demo,
 * in Danish and in English: the portfolio, every project tab, the import wizard with a file and its
 * preview, the dialogs (new project, delete, new round, add status, a goal's measure, the indicator
 * catalogue, export notice), the business case form and the method
 * page. Every view is checked before the test fails, so one run lists everything that is wrong.
 *
 * One browser and one app for the file (CI budget): the Danish pass runs first, then the English
 * one switches the language with the header's switch, as a user would, and visits the same views.
 * Nothing the passes do changes what the other sees (dialogs are cancelled, the export only writes
 * a file).
 */

let browser: Browser;
let app: AppUnderTest;
const timings: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  app = await startApp(browser);
  // No transitions (the theme respects the setting), so axe sees the final colours without waiting.
  await app.page.emulateMedia({ reducedMotion: 'reduce' });
  await fillRecycleBin();
});

/** The Papirkurv is checked with entries in it: a goal of one project, and another project, deleted (not Headstart). */
async function fillRecycleBin(): Promise<void> {
  const summaries = await callChannel(app.handlers, 'portfolioSummaries', {});
  if (!summaries.ok) throw new Error(summaries.error.message);
  const others = summaries.value.filter((r) => !r.name.includes('Headstart'));
  const withGoals = await callChannel(app.handlers, 'projectGet', { projectId: others[0]!.projectId });
  if (!withGoals.ok || !withGoals.value.goals[0]) throw new Error('no goal to delete for the Papirkurv');
  const deleted = await callChannel(app.handlers, 'goalDelete', { goalId: withGoals.value.goals[0].id });
  if (!deleted.ok) throw new Error(deleted.error.message);
  const gone = await callChannel(app.handlers, 'projectDelete', { projectId: others[1]!.projectId });
  if (!gone.ok) throw new Error(gone.error.message);
}
afterAll(async () => {
  console.info(`axe per view:\n${timings.join('\n')}`);
  await app?.close();
  await browser?.close();
});

const CSV = 'Kode;Beskrivelse;Mål i perioden;Status;Dato;Rapporteret af\nB1;Antal deltagere;256;240;15.01.2023;Bevillingsmodtager\n';

const TEXT = {
  da: {
    project: 'Tiltrækning af talent (Headstart)',
    tabs: ['Resumé', 'Fakta og effektkæde', 'Implementering', 'Målopnåelse', 'Budget og tid', 'Effekt', 'Læring', 'Historik'],
    create: 'Opret projekt',
    cancel: 'Annullér',
    del: 'Slet',
    newRound: 'Ny runde fra forrige',
    addStatus: 'Tilføj status B1',
    history: 'Statushistorik for B1',
    measure: 'Måleform for C2',
    catalogue: 'Indlæs fælles indikatorer (CSV)',
    businessCase: 'Tilføj business case',
    importBtn: 'Importér',
    next: 'Videre til forhåndsvisning',
    exportBtn: 'Eksportér evaluering',
    exported: 'Eksporteret',
    method: 'Sådan scorer vi',
    portfolio: 'Portefølje',
    language: 'Dansk',
    bin: 'Papirkurv',
    purge: 'Slet for altid',
    empty: 'Tøm papirkurven',
  },
  en: {
    project: 'Tiltrækning af talent (Headstart)',
    tabs: ['Summary', 'Facts and effect chain', 'Implementation', 'Goal attainment', 'Budget and time', 'Effect', 'Learning', 'History'],
    create: 'Create project',
    cancel: 'Cancel',
    del: 'Delete',
    newRound: 'New round from previous',
    addStatus: 'Add status B1',
    history: 'Status history of B1',
    measure: 'Measure of C2',
    catalogue: 'Load common indicators (CSV)',
    businessCase: 'Add business case',
    importBtn: 'Import',
    next: 'Continue to preview',
    exportBtn: 'Export evaluation',
    exported: 'Exported',
    method: 'How we score',
    portfolio: 'Portfolio',
    language: 'English',
    bin: 'Recycle bin',
    purge: 'Delete for good',
    empty: 'Empty recycle bin',
  },
} as const;

type Lang = keyof typeof TEXT;

async function closeDialog(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
}

/** Visits every view in one language and returns the problems found per view. */
async function auditEveryView(lang: Lang): Promise<string[]> {
  const { page } = app;
  const s = TEXT[lang];
  const reports: string[] = [];
  const check = async (view: string, include?: string) => {
    const started = Date.now();
    const problems = await a11yProblems(page, include);
    if (problems.length) reports.push(formatProblems(`${view} (${lang})`, problems));
    timings.push(`${view} (${lang}): ${Date.now() - started} ms`);
  };
  // A dialog is checked on its own: the view behind it had its own check just before.
  const checkDialog = (view: string) => check(view, '[role="dialog"]');
  if (lang === 'da') await app.open('#/');
  else {
    // Still in Danish here: back to the portfolio, then the header's language switch.
    await page.getByRole('link', { name: TEXT.da.portfolio, exact: true }).click();
    await page.getByText(s.language, { exact: true }).click();
  }
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang);
  await expect.poll(() => page.getByRole('link', { name: s.project }).count()).toBe(1);
  await check('portfolio');

  await page.getByRole('button', { name: s.create, exact: true }).click();
  await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
  await checkDialog('new project dialog');
  await closeDialog(page);

  await page.getByRole('button', { name: `${s.del} ${s.project}` }).click();
  await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
  await checkDialog('delete confirmation');
  await page.getByRole('dialog').getByRole('button', { name: s.cancel }).click();
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

  const id = await app.projectId('Headstart');
  await app.open(`#/project/${id}/resume`);
  await expect.poll(() => page.getByTestId('resume-figure-implementation').count()).toBe(1);
  for (const tab of s.tabs) {
    await page.getByRole('tab', { name: tab, exact: true }).click();
    await page.waitForLoadState('networkidle');
    await check(`project tab ${tab}`);
  }

  // The goal tab's dialogs.
  await page.getByRole('tab', { name: s.tabs[3], exact: true }).click();
  await page.getByRole('button', { name: s.addStatus }).click();
  await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
  await checkDialog('add status dialog');
  await closeDialog(page);
  await page.getByRole('button', { name: s.history }).click();
  await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
  await checkDialog('status history dialog');
  await closeDialog(page);
  // Issue 14: an effect goal's measure dialog (share and comparison fields) and the catalogue loader.
  await page.getByRole('button', { name: s.measure }).click();
  await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
  await checkDialog('measure dialog');
  await closeDialog(page);
  await page.getByRole('button', { name: s.catalogue }).click();
  await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
  await checkDialog('catalogue dialog');
  await closeDialog(page);
  // The business case form on the facts tab (cancelled, nothing saved).
  await page.getByRole('tab', { name: s.tabs[1], exact: true }).click();
  await page.getByRole('button', { name: s.businessCase }).click();
  await expect.poll(() => page.getByTestId('business-case').locator('form').count()).toBe(1);
  await check('business case form', '[data-testid="business-case"]');
  await page.getByTestId('business-case').getByRole('button', { name: s.cancel }).click();
  await page.getByRole('tab', { name: s.tabs[3], exact: true }).click();

  await page.getByRole('button', { name: s.newRound }).click();
  await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
  await checkDialog('new round dialog');
  await closeDialog(page);

  await page.getByRole('button', { name: s.importBtn, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect.poll(() => dialog.getByTestId('import-file-input').count()).toBe(1);
  await checkDialog('import wizard, no files');
  await dialog.getByTestId('import-file-input').setInputFiles({ name: 'status.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
  await expect.poll(() => dialog.getByTestId('import-file-row-status.csv').count()).toBe(1);
  await checkDialog('import wizard, a file chosen');
  await dialog.getByRole('button', { name: s.next }).click();
  await expect.poll(() => dialog.getByTestId('import-group-status').count()).toBe(1);
  await checkDialog('import preview');
  await closeDialog(page);

  await page.getByRole('button', { name: s.exportBtn }).click();
  await expect.poll(() => page.getByText(s.exported).count(), { timeout: 30_000 }).toBe(1);
  await check('export notice', '.mantine-Notification-root');

  await page.getByRole('link', { name: s.method }).click();
  await expect.poll(() => page.getByTestId('bands-final').count()).toBe(1);
  await check('method page');
  await screenshot(page, `a11y-method-${lang}`);

  // The Papirkurv, with a deleted goal and a deleted project in it, and its two confirmations (cancelled).
  await page.getByRole('link', { name: s.bin, exact: true }).click();
  await expect.poll(() => page.getByTestId('recycle-bin-table').locator('tbody tr').count()).toBe(2);
  await check('recycle bin');
  await screenshot(page, `a11y-recycle-bin-${lang}`);
  await page.getByRole('button', { name: new RegExp(`^${s.purge}: `) }).first().click();
  await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
  await checkDialog('delete for good confirmation');
  await page.getByRole('dialog').getByRole('button', { name: s.cancel }).click();
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  await page.getByRole('button', { name: s.empty, exact: true }).click();
  await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
  await checkDialog('empty bin confirmation');
  await page.getByRole('dialog').getByRole('button', { name: s.cancel }).click();
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  return reports;
}

describe('accessibility: axe-core on every view (WCAG 2.1 AA, no serious or critical violation)', () => {
  for (const lang of ['da', 'en'] as const) {
    it(`every view in ${lang === 'da' ? 'Danish' : 'English'} has no serious or critical violation`, async () => {
      const reports = await auditEveryView(lang);
      if (reports.length) throw new Error(reports.join('\n\n'));
      expect(app.errors).toEqual([]);
    });
  }
});

/**
 * The app's own validation (issue 15): a form sent with a required field empty shows the app's
 * message in the UI language, tied to the field (aria-invalid, aria-describedby) and announced
 * (role="alert"); never the browser's native "Udfyld dette felt" bubble, which would stop the
 * submit before the app's check runs (so the message would never appear).
 */
describe("validation messages come from the app, in the app's language", () => {
  const cases = [
    { lang: 'da', language: 'Dansk', create: 'Opret projekt', name: 'Projektnavn', message: 'Projektet skal have et navn.' },
    { lang: 'en', language: 'English', create: 'Create project', name: 'Project name', message: 'The project needs a name.' },
  ] as const;
  for (const c of cases) {
    it(`an empty project name, sent with Enter, gets "${c.message}" on the field (${c.lang})`, async () => {
      const { page } = app;
      await app.open('#/');
      await page.getByText(c.language, { exact: true }).click();
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(c.lang);
      await page.getByRole('button', { name: c.create, exact: true }).click();
      const dialog = page.getByRole('dialog');
      const name = dialog.getByRole('textbox', { name: c.name });
      await name.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
      const alert = dialog.getByRole('alert');
      await expect.poll(() => alert.textContent()).toBe(c.message);
      const describedBy = (await name.getAttribute('aria-describedby')) ?? '';
      expect(describedBy.split(' ')).toContain(await alert.getAttribute('id'));
      // Still open and nothing created.
      expect(await dialog.count()).toBe(1);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    });
  }
});
