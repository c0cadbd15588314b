import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { callChannel } from '../../electron/ipc/handlers';
import { repoRoot } from '../helpers/build';
import { screenshot, type AppUnderTest } from './harness';
import { appPerTest } from './perTest';

/**
 * Issue 14 in the app: a share goal and its status ("30 af 124 (24 %)"), a catalogue of common
 * indicators loaded from the user's CSV and a goal linked to one of them, and a business case
 * with its results and formulas; in Chromium over the real handler table.
 */

let app: AppUnderTest;
appPerTest((started) => {
  app = started;
});

const CATALOGUE = join(repoRoot, 'tests', 'fixtures', 'catalogue', 'eu-faelles-indikatorer.csv');

async function project(name: string) {
  const projectId = await app.projectId(name);
  const r = await callChannel(app.handlers, 'projectGet', { projectId });
  if (!r.ok) throw new Error(r.error.message);
  return { projectId, detail: r.value };
}

/** Text as a user reads it (Intl puts a no-break space before "%"). */
const read = async (l: { textContent(): Promise<string | null> }) => (await l.textContent())?.replace(/\u00a0/g, ' ') ?? null;

async function goal(projectId: number, code: string) {
  const r = await callChannel(app.handlers, 'projectGet', { projectId });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.goals.find((g) => g.code === code)!;
}

describe('shares, comparisons, common indicators and the business case in the app', () => {
  it('makes a goal a share in its measure dialog, adds a status with numerator and denominator and shows "30 af 124 (24 %)"', async () => {
    const { page } = app;
    const { projectId } = await project('Headstart');
    await app.open(`#/project/${projectId}/goals`);

    const opener = page.getByRole('button', { name: 'Måleform for B1' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Måleform for B1' });
    await dialog.getByText('En andel (x af y)').click();
    // B1's target is 256: as a percent that is refused by the app, in the dialog, and nothing is sent.
    await dialog.getByRole('button', { name: 'Gem' }).click();
    await expect.poll(() => dialog.getByText('En andel kan højst have en målsætning på 100 %.').count()).toBe(1);
    expect((await goal(projectId, 'B1')).measure ?? 'count').toBe('count');
    await dialog.getByRole('textbox', { name: 'Mål i perioden (%)' }).fill('25');
    await screenshot(page, '60-measure-dialog-share');
    await dialog.getByRole('button', { name: 'Gem' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    // The focus is back on the button that opened the dialog.
    await expect.poll(() => opener.evaluate((el) => el === document.activeElement)).toBe(true);
    const b1 = await goal(projectId, 'B1');
    expect([b1.measure, b1.shareTargetKind, b1.targetInPeriod]).toEqual(['share', 'percent', 25]);

    // A share's status asks for its denominator.
    await page.getByRole('button', { name: 'Tilføj status B1' }).click();
    const status = page.getByRole('dialog', { name: /B1/ });
    await status.getByRole('textbox', { name: /^Tæller/ }).fill('30');
    await status.getByRole('button', { name: 'Tilføj status' }).click();
    await expect.poll(() => status.getByText('En andel skal have sin nævner (fx "30 af 124").').count()).toBe(1);
    await status.getByRole('textbox', { name: /^Nævner/ }).fill('124');
    await status.getByRole('button', { name: 'Tilføj status' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => read(page.getByTestId('goal-status-B1'))).toBe('30 af 124 (24 %)');
    // Attainment: 24.19 % reached of 25 % = 97 %.
    await expect.poll(() => read(page.getByTestId('goal-percent-B1'))).toBe('97 %');
    await screenshot(page, '61-share-goal-status');
  });

  it('gives an effect goal a comparison with its source and year, shown in percentage points', async () => {
    const { page } = app;
    const { projectId } = await project('Headstart');
    await app.open(`#/project/${projectId}/goals`);
    await page.getByRole('button', { name: 'Måleform for C2' }).click();
    const dialog = page.getByRole('dialog', { name: 'Måleform for C2' });
    await dialog.getByRole('textbox', { name: 'Sammenligningstal' }).fill('31');
    await dialog.getByRole('button', { name: 'Gem' }).click();
    await expect.poll(() => dialog.getByText('Angiv kilden til sammenligningstallet (fx "Danmarks Statistik").').count()).toBe(1);
    await dialog.getByRole('textbox', { name: 'Kilde' }).fill('Danmarks Statistik');
    await dialog.getByRole('textbox', { name: 'År' }).fill('2018');
    await dialog.getByRole('button', { name: 'Gem' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    const c2 = await goal(projectId, 'C2');
    expect([c2.comparisonValue, c2.comparisonSource, c2.comparisonYear]).toEqual([31, 'Danmarks Statistik', 2018]);
    await expect.poll(() => page.getByTestId('goal-comparison-C2').textContent()).toMatch(/mod 31.*kilde: Danmarks Statistik 2018/);
  });

  it('loads a catalogue of common indicators after a dry-run preview and links a goal to one of them', async () => {
    const { page } = app;
    const { projectId } = await project('Headstart');
    await app.open(`#/project/${projectId}/goals`);

    const open = page.getByRole('button', { name: 'Indlæs fælles indikatorer (CSV)' });
    await open.click();
    const dialog = page.getByRole('dialog', { name: 'Indlæs katalog over fælles indikatorer' });
    // A file with a problem names file, line and column, and loads nothing.
    await dialog.getByTestId('catalogue-file-input').setInputFiles({
      name: 'forkert.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('kode;navn;enhed;niveau\nEECO01;Samlet antal deltagere;deltagere;output\nEECR03;Deltagere med kvalifikation;deltagere;ukendt\n', 'utf8'),
    });
    await expect.poll(() => dialog.getByTestId('catalogue-error').textContent()).toMatch(/forkert\.csv.*linje 3/i);
    const none = await callChannel(app.handlers, 'indicatorList', {});
    expect(none.ok && none.value.filter((i) => i.code === 'EECO01')).toEqual([]);

    await dialog.getByTestId('catalogue-file-input').setInputFiles({ name: 'eu-faelles-indikatorer.csv', mimeType: 'text/csv', buffer: readFileSync(CATALOGUE) });
    const preview = dialog.getByTestId('catalogue-preview');
    await expect.poll(() => preview.textContent()).toContain('4 nye, 0 opdateres, 0 uændrede.');
    expect(await preview.getByRole('row').count()).toBe(5);
    // The dry run wrote nothing.
    const still = await callChannel(app.handlers, 'indicatorList', {});
    expect(still.ok && still.value.filter((i) => i.code === 'EECO01')).toEqual([]);
    await screenshot(page, '62-catalogue-preview');
    await dialog.getByRole('button', { name: 'Indlæs 4 indikatorer' }).click();
    await expect.poll(() => dialog.getByTestId('catalogue-done').textContent()).toContain('eu-faelles-indikatorer.csv er indlæst');
    // The dialog's own button (the header's close button is named the same).
    await dialog.getByRole('button', { name: 'Luk' }).last().click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => open.evaluate((el) => el === document.activeElement)).toBe(true);

    // Link B1 to the common indicator EECO01.
    await page.getByRole('button', { name: 'Knyt til indikator: B1' }).click();
    const link = page.getByRole('dialog', { name: 'Indikator for B1' });
    await link.getByLabel('Indikator', { exact: true }).and(page.locator('input')).click();
    await page.getByRole('option', { name: /^EECO01 Samlet antal deltagere \(deltagere\) · fælles indikator/ }).click();
    await screenshot(page, '63-link-common-indicator');
    await link.getByRole('button', { name: 'Knyt til indikatoren' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => page.getByTestId('goal-indicator-B1').textContent()).toContain('EECO01 Samlet antal deltagere (deltagere)');
    const list = await callChannel(app.handlers, 'indicatorList', {});
    const eeco01 = list.ok ? list.value.find((i) => i.code === 'EECO01') : undefined;
    expect(eeco01?.common).toBe(true);
    expect((await goal(projectId, 'B1')).indicatorId).toBe(eeco01?.id);
    expect(app.errors).toEqual([]);
  });

  it('shows Talent Management\'s goals without a round, its share status, and its business case with results and formulas', async () => {
    const { page } = app;
    const { projectId, detail } = await project('Talent Management');
    expect(detail.evaluations).toEqual([]);
    await app.open(`#/project/${projectId}/goals`);
    await expect.poll(() => page.getByTestId('goals-no-round').count()).toBe(1);
    await expect.poll(() => read(page.getByTestId('goal-status-C1'))).toBe('30 af 124 (24 %)');
    // No attainment or light without a round.
    expect(await page.getByTestId('goal-percent-C1').textContent()).toBe('–');
    await screenshot(page, '64-goals-without-round');

    await page.getByRole('tab', { name: 'Fakta og effektkæde', exact: true }).click();
    const bc = page.getByTestId('business-case');
    await expect.poll(() => bc.getByTestId('bc-result-savingPerCitizenKr').textContent()).toContain('68.349 kr.');
    expect(await bc.getByTestId('bc-result-savingPerCitizenKr').textContent()).toContain('Besparelse pr. borger = besparelse pr. borger pr. år × antal år − udgift pr. deltager');
    expect(await bc.getByTestId('bc-result-totalSavingKr').textContent()).toContain('Mangler: Antal borgere');
    await bc.getByRole('button', { name: 'Redigér business case' }).click();
    await bc.getByRole('textbox', { name: 'Antal borgere', exact: true }).fill('124');
    await bc.getByRole('textbox', { name: 'Kilde: Antal borgere' }).fill('');
    await bc.getByRole('button', { name: 'Gem' }).click();
    await expect.poll(() => bc.getByText('Angiv hvor tallet kommer fra.').count()).toBe(1);
    await bc.getByRole('textbox', { name: 'Kilde: Antal borgere' }).fill('Boligplacerede, e-bogen');
    await bc.getByRole('button', { name: 'Gem' }).click();
    // 68.349 kr. x 124 citizens.
    await expect.poll(() => bc.getByTestId('bc-result-totalSavingKr').textContent()).toContain('8.475.276 kr.');
    await screenshot(page, '65-business-case');
    const saved = await callChannel(app.handlers, 'businessCaseGet', { projectId });
    expect(saved.ok && saved.value?.businessCase.citizens).toBe(124);
    expect(app.errors).toEqual([]);
  });
});
