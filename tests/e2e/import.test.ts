import type { Browser } from 'playwright-core';
import { callChannel } from '../../electron/ipc/handlers';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { launchBrowser, SCREENSHOTS, startApp, type AppUnderTest } from './harness';

/** The wizard alone (a full-page shot would be mostly the dimmed page behind it). */
async function shootDialog(dialog: Locator, name: string): Promise<void> {
  await dialog.page().waitForTimeout(250);
  await dialog.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

let browser: Browser;
let app: AppUnderTest;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  app = await startApp(browser);
});
afterEach(async () => {
  await app?.close();
});

const CSV = 'Kode;Beskrivelse;Mål i perioden;Status;Dato;Rapporteret af\nB1;Antal deltagere;256;240;15.01.2023;Bevillingsmodtager\n';

describe('the import wizard in Chromium over the real handler table', () => {
  it("imports a CSV into Headstart: the preview shows B1's new status with its place, then B1's status history in Målopnåelse has it", async () => {
    const { page } = app;
    const id = await app.projectId('Headstart');
    await app.open(`#/project/${id}/goals`);
    await expect.poll(() => page.getByTestId('goal-percent-B1').textContent()).toMatch(/86\s%/);

    await page.getByRole('button', { name: 'Importér', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByText('Træk filer hertil').count()).toBe(1);
    await shootDialog(dialog, '20-import-files-empty');
    await dialog.getByTestId('import-file-input').setInputFiles({ name: 'status.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
    const row = dialog.getByTestId('import-file-row-status.csv');
    await expect.poll(() => row.textContent()).toContain('CSV med mål og status');
    await shootDialog(dialog, '21-import-files');

    await dialog.getByRole('button', { name: 'Videre til forhåndsvisning' }).click();
    const status = dialog.getByTestId('import-group-status');
    await expect.poll(() => status.count()).toBe(1);
    // B1's new status: 240 at "linje 2, felt 4", new, attainment 86 % -> 94 %.
    expect(await status.getByRole('textbox', { name: 'Status B1 Værdi' }).inputValue()).toBe('240');
    expect(await status.getByRole('textbox', { name: 'Status B1 Dato' }).inputValue()).toBe('15.01.2023');
    expect(await status.getByText(/^linje 2/).textContent()).toBe('linje 2, felt 4');
    expect(await status.getByText('Ny', { exact: true }).count()).toBe(1);
    expect(await status.locator('[data-testid^="import-percent-"]').textContent()).toMatch(/86\s%.*94\s%/);
    // The goal itself is as in the project: unchanged and deselected.
    const goal = dialog.getByTestId('import-group-goal');
    expect(await goal.getByText('Uændret').count()).toBe(1);
    expect(await goal.getByRole('checkbox', { name: /^Medtag B1 Antal deltagere/ }).isChecked()).toBe(false);
    expect(await dialog.getByTestId('import-selected-count').textContent()).toBe('1 af 2 punkter valgt');
    await shootDialog(dialog, '22-import-preview');

    const before = await callChannel(app.handlers, 'projectGet', { projectId: id });
    const reportsBefore = before.ok ? before.value.statusReports.length : -1;
    await dialog.getByRole('button', { name: 'Importér', exact: true }).click();
    const result = dialog.getByTestId('import-result');
    await expect.poll(() => result.count()).toBe(1);
    expect(await result.getByTestId('import-written-status').textContent()).toContain('1');
    await shootDialog(dialog, '23-import-result');
    await dialog.getByRole('button', { name: 'Luk' }).click();

    // The report is dated after the evaluation (02.12.2022), so the evaluation keeps 86 %; the
    // new status is in B1's history.
    await page.getByRole('button', { name: 'Statushistorik for B1' }).click();
    const history = page.getByRole('dialog');
    await expect.poll(() => history.getByRole('row').count()).toBe(3);
    expect(await history.getByRole('row').nth(2).textContent()).toMatch(/15\.01\.2023.*240.*Bevillingsmodtager/);
    await shootDialog(history, '24-import-status-history');
    await page.keyboard.press('Escape');
    const after = await callChannel(app.handlers, 'projectGet', { projectId: id });
    expect(after.ok && after.value.statusReports.length).toBe(reportsBefore + 1);
    const b1 = after.ok ? after.value.goals.find((g) => g.code === 'B1') : undefined;
    const latest = after.ok ? after.value.statusReports.filter((r) => r.goalId === b1?.id).at(-1) : undefined;
    expect(latest).toMatchObject({ value: 240, reportedAt: '2023-01-15', reportedBy: 'Bevillingsmodtager' });
    expect(app.errors).toEqual([]);
  });

  it('a file that only claims to be xlsx gets a clear error naming it, and nothing is written', async () => {
    const { page } = app;
    const id = await app.projectId('Headstart');
    const digest = await app.services.store.dataDigest();
    const audit = await callChannel(app.handlers, 'auditList', { projectId: id });
    await app.open('#/');
    await page.getByRole('button', { name: 'Importér rapporter' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('import-file-input').setInputFiles([
      { name: 'status.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') },
      { name: 'fake.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from('Dette er ikke et regneark.\n', 'utf8') },
    ]);
    const bad = dialog.getByTestId('import-file-row-fake.xlsx');
    await expect.poll(() => bad.textContent()).toContain('er ikke en Excel-projektmappe');
    expect(await bad.textContent()).toContain('Ukendt indhold');
    await shootDialog(dialog, '25-import-broken-file');

    // A file that can't be read at all can't be previewed: remove it to go on.
    const next = dialog.getByRole('button', { name: 'Videre til forhåndsvisning' });
    expect(await next.isDisabled()).toBe(true);
    expect(await dialog.getByTestId('import-unreadable').textContent()).toBe('fake.xlsx kan ikke læses; fjern filen for at gå videre.');
    await dialog.getByRole('button', { name: 'Fjern fake.xlsx' }).click();
    await expect.poll(() => next.isDisabled()).toBe(false);
    expect(await dialog.getByTestId('import-unreadable').count()).toBe(0);
    await shootDialog(dialog, '26-import-broken-file-removed');
    await dialog.getByRole('button', { name: 'Annuller' }).or(dialog.getByRole('button', { name: 'Annullér' })).first().click();

    expect(await app.services.store.dataDigest()).toBe(digest);
    const auditAfter = await callChannel(app.handlers, 'auditList', { projectId: id });
    expect(auditAfter.ok && auditAfter.value.length).toBe(audit.ok && audit.value.length);
    expect(app.errors).toEqual([]);
  });
});
