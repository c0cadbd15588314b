import { callChannel } from '../../electron/ipc/handlers';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { SCREENSHOTS, type AppUnderTest } from './harness';
import { appPerTest } from './perTest';
import { pdfFromText } from '../integration/import/build';
import { UNDATED_MIDTERM_REPORT } from '../integration/import/reports';

/** The wizard alone (a full-page shot would be mostly the dimmed page behind it). */
async function shootDialog(dialog: Locator, name: string): Promise<void> {
  await dialog.page().waitForTimeout(250);
  await dialog.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

let app: AppUnderTest;
appPerTest((started) => {
  app = started;
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
    await result.getByRole('button', { name: 'Luk' }).click();

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

  it('one bad item and a file that cannot be read do not block the rest: the bad item is deselected, the file left out, both listed in the result', async () => {
    const { page } = app;
    const id = await app.projectId('Headstart');
    const before = await callChannel(app.handlers, 'projectGet', { projectId: id });
    const reportsBefore = before.ok ? before.value.statusReports.length : -1;
    await app.open(`#/project/${id}/goals`);
    await page.getByRole('button', { name: 'Importér', exact: true }).click();
    const dialog = page.getByRole('dialog');
    const csv = `${CSV}B7;Nyt mål uden for bevillingen;10;5;15.01.2023;Bevillingsmodtager\n`;
    await dialog.getByTestId('import-file-input').setInputFiles([
      { name: 'status.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') },
      { name: 'fake.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from('Dette er ikke et regneark.\n', 'utf8') },
    ]);
    const bad = dialog.getByTestId('import-file-row-fake.xlsx');
    await expect.poll(() => bad.textContent()).toContain('er ikke en Excel-projektmappe');
    expect(await bad.textContent()).toContain('Ukendt indhold');
    // A file that can't be read is left out; the other file goes on.
    expect(await dialog.getByTestId('import-unreadable').textContent()).toBe('fake.xlsx kan ikke læses og udelades af importen; de andre filer importeres.');
    await shootDialog(dialog, '25-import-broken-file');
    const next = dialog.getByRole('button', { name: 'Videre til forhåndsvisning' });
    expect(await next.isDisabled()).toBe(false);
    await next.click();

    // B7 is no goal of Headstart: an error on its rows, which block until deselected.
    const apply = dialog.getByRole('button', { name: 'Importér', exact: true });
    const blockers = dialog.getByTestId('import-blockers');
    await expect.poll(() => blockers.textContent()).toContain('Noget i filerne kan ikke læses (1 fil)');
    expect(await blockers.textContent()).toContain('1 valgt punkt har en fejl');
    // Its status can't be imported without its goal: nothing to fill in, only to leave out.
    expect(await blockers.textContent()).toContain('1 valgt punkt kan ikke importeres: fravælg det.');
    expect(await blockers.textContent()).not.toContain('mangler data');
    expect(await apply.isDisabled()).toBe(true);
    expect(await dialog.getByTestId('import-issues').textContent()).toContain('status.csv, linje 3, felt 1: Målkoden B7 matcher intet mål i projektet');
    await shootDialog(dialog, '26-import-item-error');
    await dialog.getByRole('checkbox', { name: /^Medtag B7 Nyt mål/ }).uncheck();
    await dialog.getByRole('checkbox', { name: /^Medtag Status B7/ }).uncheck();
    await dialog.getByRole('checkbox', { name: 'Udelad det, der ikke kan læses (1 fil), og importér resten' }).check();
    await expect.poll(() => apply.isDisabled()).toBe(false);
    await shootDialog(dialog, '27-import-item-error-deselected');
    await apply.click();

    const result = dialog.getByTestId('import-result');
    await expect.poll(() => result.count()).toBe(1);
    const leftOut = result.getByTestId('import-left-out');
    expect(await leftOut.textContent()).toContain('3 ting er udeladt og ikke importeret');
    expect(await leftOut.textContent()).toContain('status.csv, linje 3, felt 1 (Mål): Målkoden B7 matcher intet mål');
    expect(await leftOut.textContent()).toContain('fake.xlsx: Filen hedder .xlsx men er ikke en Excel-projektmappe');
    await shootDialog(dialog, '28-import-result-left-out');
    const after = await callChannel(app.handlers, 'projectGet', { projectId: id });
    expect(after.ok && after.value.statusReports.length).toBe(reportsBefore + 1);
    expect(after.ok && after.value.goals.some((g) => g.code === 'B7')).toBe(false);
    expect(app.errors).toEqual([]);
  });

  it('a report into a new project from a project\'s wizard: compared with nothing, the undated statuses and the new round get the dates the user gives', async () => {
    const { page } = app;
    const id = await app.projectId('Headstart');
    const projectsBefore = await callChannel(app.handlers, 'portfolioSummaries', {});
    const headstartBefore = await callChannel(app.handlers, 'projectGet', { projectId: id });
    await app.open(`#/project/${id}/goals`);
    await page.getByRole('button', { name: 'Importér', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('import-file-input').setInputFiles({ name: 'midtvejsrapport.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await pdfFromText(UNDATED_MIDTERM_REPORT)) });
    await expect.poll(() => dialog.getByTestId('import-file-row-midtvejsrapport.pdf').textContent()).toContain('Evalueringsrapport');
    await dialog.getByRole('button', { name: 'Videre til forhåndsvisning' }).click();
    await expect.poll(() => dialog.getByTestId('import-group-goal').count()).toBe(1);

    // Into Headstart the goals would be changes of Headstart's own; into a new project all is new.
    await dialog.getByRole('radio', { name: 'Et nyt projekt' }).check();
    const name = dialog.getByRole('textbox', { name: 'Navn på det nye projekt' });
    await expect.poll(() => name.inputValue()).toBe('Grøn omstilling i Sydhavnen');
    const goals = dialog.getByTestId('import-group-goal');
    await expect.poll(async () => (await goals.locator('[data-testid^="import-change-"]').allTextContents()).join(',')).toBe('Ny,Ny,Ny');

    // No date in the report: one date for its statuses, and the new round's type and date.
    const blockers = dialog.getByTestId('import-blockers');
    expect(await blockers.textContent()).toContain('3 punkter mangler data');
    expect(await blockers.textContent()).toContain('Vælg typen af den nye evalueringsrunde.');
    const round = dialog.getByTestId('import-new-evaluation');
    expect(await round.getByRole('textbox', { name: 'Evalueringsdato' }).inputValue()).toBe('');
    await dialog.getByTestId('import-file-date-midtvejsrapport.pdf').getByRole('textbox').fill('30.06.2025');
    await expect.poll(() => round.getByRole('textbox', { name: 'Evalueringsdato' }).inputValue()).toBe('30.06.2025');
    await round.getByPlaceholder('Vælg type').click();
    await page.getByRole('option', { name: 'Midtvejsevaluering' }).click();
    // B1: 10 of 40 = 25 %, from nothing before.
    expect(await dialog.getByTestId('import-group-status').locator('[data-testid^="import-percent-"]').nth(1).textContent()).toMatch(/–.*25\s%/);
    const apply = dialog.getByRole('button', { name: 'Importér', exact: true });
    await expect.poll(() => apply.isDisabled()).toBe(false);
    await shootDialog(dialog, '29-import-new-project-dates');
    await apply.click();
    const result = dialog.getByTestId('import-result');
    await expect.poll(() => result.count()).toBe(1);
    await shootDialog(dialog, '30-import-new-project-result');

    const summaries = await callChannel(app.handlers, 'portfolioSummaries', {});
    expect(summaries.ok && summaries.value.length).toBe(projectsBefore.ok ? projectsBefore.value.length + 1 : -1);
    const created = summaries.ok ? summaries.value.find((p) => p.name === 'Grøn omstilling i Sydhavnen') : undefined;
    expect(created).toMatchObject({ evaluationType: 'midterm', evaluationDate: '2025-06-30' });
    const detail = await callChannel(app.handlers, 'projectGet', { projectId: created!.projectId });
    expect(detail.ok && detail.value.statusReports.map((r) => [r.value, r.reportedAt])).toEqual([
      [6, '2025-06-30'],
      [10, '2025-06-30'],
      [30, '2025-06-30'],
    ]);
    // Headstart is as it was.
    const headstart = await callChannel(app.handlers, 'projectGet', { projectId: id });
    expect(headstart.ok && headstart.value.goals).toEqual(headstartBefore.ok && headstartBefore.value.goals);
    expect(headstart.ok && headstart.value.statusReports.length).toBe(headstartBefore.ok && headstartBefore.value.statusReports.length);
    expect(app.errors).toEqual([]);
  });
});
