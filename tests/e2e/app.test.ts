import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { callChannel } from '../../electron/ipc/handlers';
import { screenshot, type AppUnderTest } from './harness';
import { appPerTest } from './perTest';

let app: AppUnderTest;
appPerTest((started) => {
  app = started;
});

async function headstartEvaluationId(): Promise<number> {
  const id = await app.projectId('Headstart');
  const r = await callChannel(app.handlers, 'projectGet', { projectId: id });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.evaluations[0].id;
}

describe('Trafiklys in Chromium over the real handler table', () => {
  it("opens the demo: Headstart's Resumé shows 3,8 and green implementation and goal-attainment lights (screenshots of every view)", async () => {
    const { page } = app;
    await app.open('#/');
    await expect.poll(() => page.getByRole('link', { name: 'Tiltrækning af talent (Headstart)' }).count()).toBe(1);
    await expect.poll(() => page.getByTestId('count-implementation-green').textContent()).toContain('1');
    await screenshot(page, '01-portfolio');

    await page.getByRole('link', { name: 'Tiltrækning af talent (Headstart)' }).click();
    const impl = page.getByTestId('resume-light-implementation');
    await expect.poll(() => page.getByTestId('resume-figure-implementation').textContent()).toBe('3,8');
    expect(await impl.textContent()).toContain('Grøn');
    expect(await impl.locator('[data-light]').first().getAttribute('data-light')).toBe('green');
    const goals = page.getByTestId('resume-light-goals');
    expect(await goals.textContent()).toContain('Grøn');
    expect(await goals.locator('[data-light]').first().getAttribute('data-light')).toBe('green');
    expect(await page.getByTestId('resume-figure-goals').textContent()).toMatch(/^94\s%$/);
    await screenshot(page, '02-resume');

    const tabs: [string, string][] = [
      ['Fakta og effektkæde', '03-facts'],
      ['Implementering', '04-implementation'],
      ['Målopnåelse', '05-goals'],
      ['Budget og tid', '06-budget'],
      ['Effekt', '07-effect'],
      ['Læring', '08-learning'],
      ['Historik', '09-history'],
    ];
    for (const [tab, name] of tabs) {
      await page.getByRole('tab', { name: tab, exact: true }).click();
      await page.waitForLoadState('networkidle');
      await screenshot(page, name);
    }
    // A warning icon says why (C2's printed percent differs from the computed one).
    await page.getByRole('tab', { name: 'Målopnåelse' }).click();
    await expect.poll(() => page.getByTestId('goal-C2').getByRole('img', { name: /C2: trykt målopnåelse 88\s%/ }).count()).toBe(1);

    await page.getByRole('link', { name: 'Sådan scorer vi' }).click();
    await expect.poll(() => page.getByTestId('bands-final').textContent()).toContain('81–94');
    await screenshot(page, '10-methodology');

    const midterm = await app.projectId('work-live-stay');
    await app.open(`#/project/${midterm}/learning`);
    await expect.poll(() => page.getByTestId('learning-recommendation').count()).toBe(1);
    await screenshot(page, '11-midterm-learning');
    await page.getByRole('tab', { name: 'Resumé' }).click();
    await expect.poll(() => page.getByTestId('resume-light-implementation').textContent()).toContain('Intet lys');
    await screenshot(page, '12-midterm-resume');
    await page.getByRole('tab', { name: 'Budget og tid', exact: true }).click();
    await expect.poll(() => page.getByTestId('budget-check').count()).toBe(1);
    await screenshot(page, '12b-midterm-budget');
    // Unscored parameters are left out of the radar (not drawn at 0).
    await page.getByRole('tab', { name: 'Implementering', exact: true }).click();
    await expect.poll(() => page.getByTestId('implementation-scores').count()).toBe(1);
    await screenshot(page, '12c-midterm-implementation');
    await page.getByRole('radio', { name: /^Organisering og samarbejde: 4 – / }).check();
    await page.getByRole('radio', { name: /^Sammenhæng mellem aktiviteter og mål: 3 – / }).check();
    await page.getByRole('radio', { name: /^Monitorering og opfølgning: 5 – / }).check();
    await expect.poll(() => page.getByText('Foreløbig: 3 af 6 parametre er scoret').count()).toBe(1);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, '12d-midterm-implementation-partial');
    expect(app.errors).toEqual([]);
  });

  it('changes one parameter score: the average and the light change at once, and survive a reload', async () => {
    const { page } = app;
    const id = await app.projectId('Headstart');
    await app.open(`#/project/${id}/implementation`);
    await expect.poll(() => page.getByTestId('implementation-average').textContent()).toBe('3,8');
    await page.getByRole('radio', { name: /^Organisering og samarbejde: 1 – / }).check();
    // 1,4,4,4,4,3 = 20/6 = 3,33 -> 3,3 -> yellow
    await expect.poll(() => page.getByTestId('implementation-average').textContent()).toBe('3,3');
    await expect.poll(() => page.getByTestId('implementation-light').textContent()).toBe('Gul');
    await page.waitForLoadState('networkidle');

    await page.reload();
    await expect.poll(() => page.getByTestId('implementation-average').textContent()).toBe('3,3');
    expect(await page.getByTestId('implementation-light').textContent()).toBe('Gul');
    expect(await page.getByRole('radio', { name: /^Organisering og samarbejde: 1 – / }).isChecked()).toBe(true);
    const detail = await callChannel(app.handlers, 'evaluationGet', { evaluationId: await headstartEvaluationId() });
    expect(detail.ok && detail.value.scores.find((s) => s.parameter === 1)?.score).toBe(1);
    expect(detail.ok && detail.value.summary.lights.implementation.final).toBe('yellow');
  });

  it('text typed into a target is an inline error and nothing is saved', async () => {
    const { page } = app;
    const id = await app.projectId('Headstart');
    await app.open(`#/project/${id}/goals`);
    const target = page.getByRole('textbox', { name: 'B1 Mål i perioden' });
    await expect.poll(() => target.inputValue()).toBe('256');
    const auditBefore = await callChannel(app.handlers, 'auditList', { projectId: id, entity: 'goal' });
    await target.fill('mange');
    await target.press('Tab');
    await expect.poll(() => page.getByTestId('goal-B1').getByText(/Skriv et tal/).count()).toBe(1);
    expect(await target.inputValue()).toBe('mange');
    await page.waitForTimeout(300);
    const goals = await callChannel(app.handlers, 'projectGet', { projectId: id });
    expect(goals.ok && goals.value.goals.find((g) => g.code === 'B1')?.targetInPeriod).toBe(256);
    const auditAfter = await callChannel(app.handlers, 'auditList', { projectId: id, entity: 'goal' });
    expect(auditAfter.ok && auditAfter.value.length).toBe(auditBefore.ok && auditBefore.value.length);

    // A grant period that ends before it starts is refused inline too.
    await page.getByRole('tab', { name: 'Fakta og effektkæde', exact: true }).click();
    const end = page.getByRole('textbox', { name: 'Bevillingsperiode slut' });
    await end.fill('01.01.2018');
    await end.press('Tab');
    await expect.poll(() => page.getByText('Bevillingsperioden slutter før den starter.').count()).toBe(1);
    const facts = await callChannel(app.handlers, 'projectGet', { projectId: id });
    expect(facts.ok && facts.value.project.periodEnd).toBe('2022-12-31');
    await page.getByRole('tab', { name: 'Målopnåelse', exact: true }).click();

    // A proper Danish number is saved and the percent recomputed: 219 / 300 = 73 %.
    await target.fill('300');
    await target.press('Tab');
    await expect.poll(() => page.getByTestId('goal-percent-B1').textContent()).toMatch(/73\s%/);
  });

  it('overriding a light without a reason is refused by main and the refusal is shown', async () => {
    const { page } = app;
    const id = await app.projectId('Headstart');
    await app.open(`#/project/${id}/goals`);
    const editor = page.getByTestId('light-decision-goals');
    await editor.getByRole('textbox', { name: 'Evaluators beslutning' }).or(editor.getByRole('combobox', { name: 'Evaluators beslutning' })).first().click();
    await page.getByRole('option', { name: 'Rød' }).click();
    await editor.getByRole('button', { name: 'Gem beslutning' }).click();
    await expect.poll(() => editor.getByText(/kræver en skriftlig begrundelse/).count()).toBe(1);
    const detail = await callChannel(app.handlers, 'evaluationGet', { evaluationId: await headstartEvaluationId() });
    expect(detail.ok && detail.value.summary.lights.goals.final).toBe('green');
    expect(detail.ok && detail.value.summary.lights.goals.override).toBe(null);

    // With a reason it is accepted; the suggestion is kept beside it.
    await editor.getByRole('textbox', { name: /Begrundelse/ }).fill('Output-målene er nået sent i perioden.');
    await editor.getByRole('button', { name: 'Gem beslutning' }).click();
    await expect.poll(() => editor.getByText('Tilsidesat af evaluator').count()).toBe(1);
    const after = await callChannel(app.handlers, 'evaluationGet', { evaluationId: await headstartEvaluationId() });
    expect(after.ok && after.value.summary.lights.goals.final).toBe('red');
    expect(after.ok && after.value.summary.lights.goals.suggested).toBe('green');
  });

  it('switches to English: English labels and number and date formats, remembered after a reload', async () => {
    const { page } = app;
    const id = await app.projectId('Headstart');
    await app.open(`#/project/${id}/resume`);
    await expect.poll(() => page.getByTestId('resume-figure-implementation').textContent()).toBe('3,8');
    await page.getByText('English', { exact: true }).click();
    await expect.poll(() => page.getByTestId('resume-figure-implementation').textContent()).toBe('3.8');
    expect(await page.getByRole('tab', { name: 'Summary' }).count()).toBe(1);
    expect(await page.getByRole('tab', { name: 'Goal attainment' }).count()).toBe(1);
    expect(await page.getByTestId('resume-light-implementation').textContent()).toContain('Green');
    expect(await page.getByTestId('resume-figure-goals').textContent()).toBe('94%');
    expect(await page.locator('h3').first().textContent()).toContain('2 Dec 2022');
    await screenshot(page, '13-resume-english');

    await page.reload();
    await expect.poll(() => page.getByTestId('resume-figure-implementation').textContent()).toBe('3.8');
    await page.getByRole('tab', { name: 'Goal attainment' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'B4 Target in period' }).inputValue()).toBe('19,037');
    await screenshot(page, '14-goals-english');
    await app.open('#/');
    await expect.poll(() => page.getByRole('heading', { name: 'Portfolio' }).count()).toBe(1);
    await screenshot(page, '15-portfolio-english');
  });

  it('adds a status report and shows the goal history; starts a new round from the previous one', async () => {
    const { page } = app;
    const id = await app.projectId('Headstart');
    await app.open(`#/project/${id}/goals`);
    await page.getByRole('button', { name: 'Tilføj status B1' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /^Værdi/ }).fill('tre');
    await dialog.getByRole('button', { name: 'Tilføj status' }).click();
    await expect.poll(() => dialog.getByText(/Skriv et tal/).count()).toBe(1);
    await dialog.getByRole('textbox', { name: /^Værdi/ }).fill('230');
    await dialog.getByRole('textbox', { name: 'Rapporteret af' }).fill('Bevillingsmodtager');
    await screenshot(page, '17-add-status');
    await dialog.getByRole('button', { name: 'Tilføj status' }).click();
    // 230 / 256 = 89,8 -> 90 %
    await expect.poll(() => page.getByTestId('goal-percent-B1').textContent()).toMatch(/90\s%/);
    await page.getByRole('button', { name: 'Statushistorik for B1' }).click();
    await expect.poll(() => page.getByRole('dialog').getByRole('row').count()).toBe(3);
    await screenshot(page, '18-status-history');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Ny runde fra forrige' }).click();
    const round = page.getByRole('dialog');
    // Danish dates in the dialog: the round it starts from, and the typed date in words.
    await expect.poll(() => round.getByText('Start fra Slutevaluering 02.12.2022').count()).toBe(1);
    await round.getByRole('textbox', { name: /Evalueringsdato/ }).fill('01.06.2023');
    await expect.poll(() => round.getByText('1. juni 2023').count()).toBe(1);
    await round.getByRole('button', { name: 'Opret runde' }).click();
    // Headstart's grant period ended 31.12.2022: the dialog says so and creates only when confirmed.
    await expect.poll(() => round.getByTestId('round-date-warnings').textContent()).toContain('Evalueringsdatoen 01.06.2023 ligger efter bevillingsperiodens slutning 31.12.2022.');
    await screenshot(page, '19a-new-round-warning');
    const before = await callChannel(app.handlers, 'projectGet', { projectId: id });
    expect(before.ok && before.value.evaluations.length).toBe(1);
    await round.getByRole('button', { name: 'Opret alligevel' }).click();
    await expect.poll(() => page.getByRole('heading', { name: /Resumé: .* 01\.06\.2023/ }).count()).toBe(1);
    // Scores were copied from the previous round.
    await expect.poll(() => page.getByTestId('resume-figure-implementation').textContent()).toBe('3,8');
    const project = await callChannel(app.handlers, 'projectGet', { projectId: id });
    expect(project.ok && project.value.evaluations.length).toBe(2);
    await screenshot(page, '19-new-round');
    expect(app.errors).toEqual([]);
  });

  it('exports the evaluation workbook to the place main chooses and reports where', async () => {
    const { page } = app;
    const id = await app.projectId('Headstart');
    await app.open(`#/project/${id}/resume`);
    await page.getByRole('button', { name: 'Eksportér evaluering' }).click();
    await expect.poll(() => page.getByText('Eksporteret').count(), { timeout: 30_000 }).toBe(1);
    const files = readdirSync(join(app.dir, 'exports'));
    expect(files.some((f) => f.endsWith('.xlsx'))).toBe(true);
    expect(app.errors).toEqual([]);
  });

  it('deletes an evaluation round after confirmation and brings it back with undo (issue 10, point 12)', async () => {
    const { page } = app;
    const id = await app.projectId('Headstart');
    const evaluationId = await headstartEvaluationId();
    await app.open(`#/project/${id}/resume`);
    await expect.poll(() => page.getByTestId('resume-figure-implementation').textContent()).toBe('3,8');
    await page.getByRole('button', { name: 'Slet runden Slutevaluering 02.12.2022' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByText(/Vil du slette runden "Slutevaluering 02\.12\.2022"/).count()).toBe(1);
    await dialog.getByRole('button', { name: 'Slet' }).click();
    await expect.poll(() => page.getByText('Projektet har endnu ingen evalueringsrunde. Opret en for at score og vurdere det.').count()).toBe(1);
    const gone = await callChannel(app.handlers, 'projectGet', { projectId: id });
    expect(gone.ok && gone.value.evaluations).toEqual([]);
    await screenshot(page, '20-round-deleted-undo');
    await page.getByRole('button', { name: 'Fortryd' }).click();
    await expect.poll(() => page.getByTestId('resume-figure-implementation').textContent()).toBe('3,8');
    const back = await callChannel(app.handlers, 'evaluationGet', { evaluationId });
    expect(back.ok && back.value.scores.map((s) => s.score)).toEqual([4, 4, 4, 4, 4, 3]);
    expect(app.errors).toEqual([]);
  });

  it('links goals of two projects to one indicator in the goal table; the portfolio pools them and nothing else (issue 10, point 10)', async () => {
    const { page } = app;
    await app.open('#/');
    // Nothing is linked in the demo: no pooled figure adds participants, companies and CVs.
    await expect.poll(() => page.getByTestId('pooled-indicators').textContent()).toContain('Ingen mål er knyttet til en indikator');
    expect(await page.getByTestId('headline-B').textContent()).toMatch(/94\s%.*1 af 4 projekter/);

    const headstart = await app.projectId('Headstart');
    await app.open(`#/project/${headstart}/goals`);
    await page.getByRole('button', { name: 'Knyt til indikator: B2', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Ny indikator', { exact: true }).click();
    await dialog.getByRole('textbox', { name: /Navn/ }).fill('Virksomheder på karriereportalen');
    await screenshot(page, '21-link-indicator');
    await dialog.getByRole('button', { name: 'Knyt til indikatoren' }).click();
    await expect.poll(() => page.getByTestId('goal-indicator-B2').textContent()).toContain('Virksomheder på karriereportalen (virksomheder)');
    await page.waitForLoadState('networkidle');
    await screenshot(page, '22-goals-with-indicator');

    // The other project's goal counting companies on the same portal: linked to the existing one.
    const wls = await app.projectId('work-live-stay');
    const wlsDetail = await callChannel(app.handlers, 'projectGet', { projectId: wls });
    if (!wlsDetail.ok) throw new Error(wlsDetail.error.message);
    const b1 = wlsDetail.value.goals.find((g) => g.code === 'B1')!;
    await app.services.store.addStatusReport({ goalId: b1.id, value: 30, reportedAt: '2020-06-01', reportedBy: 'Bevillingsmodtager', source: { file: '', location: '' }, printedPercent: null });
    await app.open(`#/project/${wls}/goals`);
    await page.getByRole('button', { name: 'Knyt til indikator: B1', exact: true }).click();
    const second = page.getByRole('dialog');
    await second.getByRole('button', { name: 'Knyt til indikatoren' }).click();
    await expect.poll(() => page.getByTestId('goal-indicator-B1').textContent()).toContain('2 mål i 2 projekter');

    await app.open('#/');
    // (87 + 30) / (90 + 300) = 30 %, over two projects; the headline averages both projects' outputs.
    const row = page.getByTestId('pooled-indicators').getByRole('row', { name: /Virksomheder på karriereportalen/ });
    await expect.poll(() => row.textContent()).toMatch(/Outputmål117390\s*30\s%22/);
    await expect.poll(() => page.getByTestId('headline-B').textContent()).toMatch(/52\s%.*2 af 4 projekter/);
    await page.waitForLoadState('networkidle');
    await screenshot(page, '23-portfolio-pooled');
    const overview = await callChannel(app.handlers, 'portfolioOverview', {});
    expect(overview.ok && overview.value.rollup.indicators.map((p) => [p.statusSum, p.targetSum, p.projects])).toEqual([[117, 390, 2]]);
    expect(app.errors).toEqual([]);
  });

  it('confirms a suggested indicator in the portfolio without retyping, and exports only the projects the filter shows when asked (issue 10, points 10 and 13)', async () => {
    const { page } = app;
    // The other project gets a goal worded as Headstart's B2: the portfolio suggests one indicator.
    const wls = await app.projectId('work-live-stay');
    const goal = await app.services.goals.createGoal(wls, { level: 'B', code: 'B11', description: 'Antal virksomheder på karriereportalen', unit: 'virksomheder', targetInPeriod: 300 });
    await app.services.store.addStatusReport({ goalId: goal.id, value: 30, reportedAt: '2020-06-01', reportedBy: 'Bevillingsmodtager', source: { file: '', location: '' }, printedPercent: null });
    await app.open('#/');
    const suggestions = page.getByTestId('indicator-suggestions');
    await expect.poll(() => suggestions.textContent()).toContain('Tiltrækning af talent (Headstart): B2');
    await page.waitForLoadState('networkidle');
    await screenshot(page, '24-portfolio-suggestion');
    await suggestions.getByRole('button', { name: 'Bekræft forslaget Antal virksomheder på karriereportalen' }).click();
    const row = page.getByTestId('pooled-indicators').getByRole('row', { name: /Antal virksomheder på karriereportalen/ });
    await expect.poll(() => row.textContent()).toMatch(/Outputmål117390\s*30\s%22/);
    await expect.poll(() => page.getByTestId('indicator-suggestions').count()).toBe(0);

    // Filtered to Socialfonden (ESF): the figures are over Headstart alone, and so is the workbook.
    await page.getByRole('textbox', { name: 'Finansieringskilde' }).or(page.getByRole('combobox', { name: 'Finansieringskilde' })).first().click();
    await page.getByRole('option', { name: 'Socialfonden (ESF)', exact: true }).click();
    await expect.poll(() => page.getByTestId('headline-B').textContent()).toMatch(/94\s%.*1 af 1 projekt$/);
    await page.getByRole('button', { name: 'Eksportér porteføljeoversigt' }).click();
    const choice = page.getByRole('dialog');
    await expect.poll(() => choice.textContent()).toContain('Filteret viser 1 af 4 projekter.');
    await choice.getByRole('button', { name: 'De viste (1)' }).click();
    await expect.poll(() => page.getByText('Eksporteret').count(), { timeout: 30_000 }).toBe(1);
    const file = readdirSync(join(app.dir, 'exports')).find((f) => f.endsWith('.xlsx'))!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(app.dir, 'exports', file));
    const texts: string[] = [];
    wb.getWorksheet('Portefølje')!.eachRow((r) => r.eachCell((c) => void (typeof c.value === 'string' && texts.push(c.value))));
    expect(texts).toContain('Tiltrækning af talent (Headstart)');
    expect(texts.some((t) => t.includes('work-live-stay'))).toBe(false);
    expect(texts).toContain('Filter: finansieringskilde Socialfonden (ESF). Projektmappen viser 1 af porteføljens 4 projekter.');
    expect(app.errors).toEqual([]);
  });

  it('deletes a project after confirmation and brings it back with undo', async () => {
    const { page } = app;
    await app.open('#/');
    const name = 'Tiltrækning af talent (Headstart)';
    await expect.poll(() => page.getByRole('link', { name }).count()).toBe(1);
    await page.getByRole('button', { name: `Slet ${name}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Slet' }).click();
    await expect.poll(() => page.getByRole('link', { name }).count()).toBe(0);
    await expect.poll(() => page.getByText('3 af 3 projekter vises').count()).toBe(1);
    await screenshot(page, '16-deleted-undo');
    await page.getByRole('button', { name: 'Fortryd' }).click();
    await expect.poll(() => page.getByRole('link', { name }).count()).toBe(1);
    await expect.poll(() => page.getByText('4 af 4 projekter vises').count()).toBe(1);
    const rows = await callChannel(app.handlers, 'portfolioSummaries', {});
    expect(rows.ok && rows.value.map((r) => r.name)).toContain(name);
  });
});
