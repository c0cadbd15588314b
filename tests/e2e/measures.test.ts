import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { screenshot, type AppUnderTest } from './harness';
import { appPerTest } from './perTest';

/**
 * Issue 14 on screen: the Resumé of the demo's seed projects, which have no round yet, states
 * their shares, comparison and business case, and their workbook can be exported all the same.
 */

let app: AppUnderTest;
/** The app writes "24 %" with a no-break space. */
const shown = async (p: Promise<string | null>) => ((await p) ?? '').replace(/\u00a0/g, ' ');

appPerTest((started) => {
  app = started;
});

describe('shares, comparisons and business case on the Resumé', () => {
  it('Talent Management (seed 002): "30 af 124 (24 %)" and the business case with its formulas, without a round', async () => {
    const { page } = app;
    const id = await app.projectId('Talent Management');
    await app.open(`#/project/${id}/resume`);
    await expect.poll(() => page.getByText('Projektet har endnu ingen evalueringsrunde. Opret en for at score og vurdere det.').count()).toBe(1);
    await expect.poll(() => shown(page.getByTestId('resume-share-C1').textContent())).toBe('C1: Boligplacerede i selvforsørgelse (af alle boligplacerede): 30 af 124 (24 %)');
    expect(await shown(page.getByTestId('resume-business-case-savingPerCitizenKr').textContent())).toContain('68.349 kr.');
    expect(await page.getByTestId('resume-business-case-totalSavingKr').textContent()).toContain('Kan ikke beregnes, mangler: Antal borgere');
    await page.getByTestId('resume-measures').scrollIntoViewIfNeeded();
    await screenshot(page, '60-resume-measures-talent-management');
    // The workbook of a project without a round: its goals, shares and business case, no lights.
    await page.getByRole('button', { name: 'Eksportér evaluering' }).click();
    await expect.poll(() => page.getByText('Eksporteret').count(), { timeout: 30_000 }).toBe(1);
    const files = readdirSync(join(app.dir, 'exports')).filter((f) => f.endsWith('.xlsx'));
    expect(files).toHaveLength(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(app.dir, 'exports', files[0]));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Resumé', 'Mål', 'Andele og business case']);
    expect(app.errors).toEqual([]);
  });

  it('Future Talent Denmark (seed 000): 68 % against 31 %, +37 points, Danmarks Statistik 2018', async () => {
    const { page } = app;
    const id = await app.projectId('Future Talent Denmark');
    await app.open(`#/project/${id}/resume`);
    await expect.poll(() => shown(page.getByTestId('resume-comparison-C1').textContent())).toContain('68 % mod 31 % (+37 procentpoint), kilde: Danmarks Statistik 2018');
    expect(await page.getByTestId('resume-business-case-inputs').count()).toBe(0);
    await screenshot(page, '61-resume-measures-future-talent');
    expect(app.errors).toEqual([]);
  });
});
