import { callChannel } from '../../electron/ipc/handlers';
import { join } from 'node:path';
import { screenshot, SCREENSHOTS, type AppUnderTest } from './harness';
import { appPerTest } from './perTest';

let app: AppUnderTest;
appPerTest((started) => {
  app = started;
});

async function headstart() {
  const projectId = await app.projectId('Headstart');
  const r = await callChannel(app.handlers, 'projectGet', { projectId });
  if (!r.ok) throw new Error(r.error.message);
  return { projectId, evaluationId: r.value.evaluations[0].id, goals: r.value.goals };
}

describe('sign-off and rounds compared, in Chromium over the real handler table', () => {
  it('writes a report text, finalises the round, sees the lock (and main refusing), reopens it with a reason', async () => {
    const { page } = app;
    const { projectId, evaluationId } = await headstart();
    await app.open(`#/project/${projectId}/goals`);

    // A text under the output goals, saved on blur.
    const text = page.getByTestId('evaluation-text-outputGoals').getByRole('textbox');
    await text.fill('Projektet har undervejs fået opjusteret sine outputmål og forventer at nå dem.');
    await text.press('Tab');
    await expect
      .poll(async () => {
        const d = await callChannel(app.handlers, 'evaluationGet', { evaluationId });
        return d.ok ? d.value.texts.outputGoals : null;
      })
      .toBe('Projektet har undervejs fået opjusteret sine outputmål og forventer at nå dem.');
    await expect.poll(() => page.getByTestId('sign-off').textContent()).toContain('Kladde');
    await screenshot(page, '30-report-text-draft');

    // Finalise, after the confirmation.
    await page.getByRole('button', { name: 'Afslut runde' }).click();
    const confirm = page.getByRole('dialog', { name: 'Afslut Slutevaluering 02.12.2022?' });
    await screenshot(page, '31-finalise-confirm');
    await confirm.getByRole('button', { name: 'Afslut runde' }).click();
    await expect.poll(() => page.getByTestId('sign-off').getAttribute('data-state')).toBe('final');
    expect(await page.getByTestId('sign-off').textContent()).toMatch(/Afsluttet \d\d\.\d\d\.\d{4} af e2e/);

    // The fields are read-only and say why.
    await expect.poll(() => text.getAttribute('readonly')).not.toBeNull();
    const target = page.getByRole('textbox', { name: 'B1 Mål i perioden' });
    expect(await target.getAttribute('readonly')).not.toBeNull();
    // A goal's wording is no figure: it stays editable, as main allows.
    expect(await page.getByRole('textbox', { name: 'B1 Beskrivelse' }).getAttribute('readonly')).toBeNull();
    const why = page.getByTestId('goal-B1').getByRole('img', { name: /^Slutevaluering 02\.12\.2022 er afsluttet .* af e2e og er låst/ });
    await expect.poll(() => why.count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Tilføj mål' }).first().isDisabled()).toBe(true);
    await why.first().hover();
    await expect.poll(() => page.getByRole('tooltip').textContent()).toMatch(/Genåbn runden for at ændre den/);
    await screenshot(page, '32-final-goals-locked');
    await page.getByTestId('goal-B1').screenshot({ path: join(SCREENSHOTS, '32b-final-goal-row.png') });
    await page.getByTestId('light-decision-goals').screenshot({ path: join(SCREENSHOTS, '32c-final-light-decision.png') });
    await page.getByRole('tab', { name: 'Implementering', exact: true }).click();
    expect(await page.getByRole('radio', { name: /^Organisering og samarbejde: 1 – / }).isDisabled()).toBe(true);
    await screenshot(page, '33-final-implementation-locked');
    await page.getByRole('tab', { name: 'Resumé', exact: true }).click();
    expect(await page.getByRole('textbox', { name: 'Overordnet status' }).getAttribute('readonly')).not.toBeNull();
    await screenshot(page, '33b-final-resume-locked');
    await page.getByRole('tab', { name: 'Budget og tid', exact: true }).click();
    expect(await page.getByRole('textbox', { name: 'Forbrugt til dato (kr.)' }).getAttribute('readonly')).not.toBeNull();
    await screenshot(page, '33d-final-budget-locked');
    await page.getByRole('tab', { name: 'Effekt', exact: true }).click();
    await expect.poll(() => page.getByTestId('evaluation-text-effect').getByRole('textbox').getAttribute('readonly')).not.toBeNull();
    await screenshot(page, '33e-final-effect-locked');
    // The facts tab belongs to the project: its fields stay editable, the round's text is locked.
    await page.getByRole('tab', { name: 'Fakta og effektkæde', exact: true }).click();
    expect(await page.getByRole('textbox', { name: 'Projektnavn' }).getAttribute('readonly')).toBeNull();
    expect(await page.getByTestId('evaluation-text-facts').getByRole('textbox').getAttribute('readonly')).not.toBeNull();
    // ...except the figures the round is computed from (main refuses them, see electron/storage/seal.ts).
    expect(await page.getByRole('textbox', { name: 'Samlet budget (kr.)' }).getAttribute('readonly')).not.toBeNull();
    expect(await page.getByRole('textbox', { name: 'Bevillingsperiode slut' }).getAttribute('readonly')).not.toBeNull();
    await screenshot(page, '33c-final-facts');

    // Main refuses the write too, whatever the UI does.
    const refused = await callChannel(app.handlers, 'goalUpdate', { goalId: (await headstart()).goals.find((g) => g.code === 'B1')!.id, patch: { targetInPeriod: 300 } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'LOCKED' } });

    // Reopen: the reason is required, then kept in the history.
    await page.getByRole('button', { name: 'Genåbn runde' }).click();
    const dialog = page.getByRole('dialog', { name: 'Genåbn Slutevaluering 02.12.2022' });
    await dialog.getByRole('button', { name: 'Genåbn' }).click();
    await expect.poll(() => dialog.getByText('Feltet skal udfyldes.').count()).toBe(1);
    await dialog.getByRole('textbox', { name: /Begrundelse/ }).fill('Outputmål B1 skal rettes efter aftale med sagsbehandler.');
    await screenshot(page, '34-reopen-reason');
    await dialog.getByRole('button', { name: 'Genåbn' }).click();
    await expect.poll(() => page.getByTestId('sign-off').getAttribute('data-state')).toBe('draft');
    expect(await page.getByTestId('evaluation-text-facts').getByRole('textbox').getAttribute('readonly')).toBeNull();
    await page.getByRole('tab', { name: 'Implementering', exact: true }).click();
    expect(await page.getByRole('radio', { name: /^Organisering og samarbejde: 1 – / }).isDisabled()).toBe(false);

    await page.getByRole('tab', { name: 'Historik', exact: true }).click();
    await expect.poll(() => page.getByRole('row').filter({ hasText: 'Begrundelse for genåbning' }).count()).toBe(1);
    expect(await page.getByRole('row').filter({ hasText: 'Begrundelse for genåbning' }).textContent()).toContain('Outputmål B1 skal rettes');
    expect(await page.getByRole('row').filter({ hasText: 'Rapporttekst: Tekst om outputmålene' }).count()).toBe(1);
    expect(await page.getByRole('row').filter({ hasText: 'Afslutning' }).count()).toBe(2);
    await screenshot(page, '35-history-sign-off');
    expect(app.errors).toEqual([]);
  });

  it("compares Headstart's midterm with its final round (a midterm added for the test), in Danish and English", async () => {
    const { page } = app;
    const { projectId, evaluationId, goals } = await headstart();
    // Headstart's demo has only its final round; give it a midterm as 003 mentions one.
    const midterm = await callChannel(app.handlers, 'evaluationCreate', { projectId, type: 'midterm', date: '2021-01-15', evaluator: 'Ekstern evaluator', copyFromEvaluationId: evaluationId, acceptWarnings: true });
    if (!midterm.ok) throw new Error(midterm.error.message);
    for (const [code, value] of [['B1', 120], ['B2', 40], ['B4', 9000]] as const)
      await callChannel(app.handlers, 'statusAdd', { goalId: goals.find((g) => g.code === code)!.id, value, reportedAt: '2021-01-10', reportedBy: 'Bevillingsmodtager', acceptWarnings: true });
    await callChannel(app.handlers, 'scoreSet', { evaluationId: midterm.value.id, parameter: 6, score: 2 });

    await app.open(`#/project/${projectId}/compare`);
    await expect.poll(() => page.getByTestId('compare-goal-B1').textContent()).toMatch(/256.*120.*47\s%.*256.*219.*86\s%.*\+39/);
    // Midterm outputs (46,9 + 44,4 + 47,3) / 3 = 46 % is green in the midterm bands; 94 % in the final.
    expect(await page.getByTestId('compare-why-goals').textContent()).toMatch(/^Forslag ud fra outputmål 94\s%\.$/);
    expect(await page.getByTestId('compare-average').textContent()).toMatch(/3,7.*3,8.*\+0,1/);
    // The final round's effect light is the evaluator's decision, agreeing with the goals: its reason is shown.
    expect(await page.getByTestId('compare-why-effect').textContent()).toMatch(/^Forslag ud fra effektmål 81\s%\. Evaluators begrundelse: Evaluator vurderer, at det er sandsynligt/);
    expect(await page.getByRole('combobox', { name: 'Tidligere runde' }).inputValue()).toBe('Midtvejsevaluering 15.01.2021');
    expect(await page.getByRole('combobox', { name: 'Senere runde' }).inputValue()).toBe('Slutevaluering 02.12.2022');
    await screenshot(page, '36-compare-rounds');

    await page.getByText('English', { exact: true }).click();
    await expect.poll(() => page.getByTestId('compare-why-goals').textContent()).toBe('Suggested from output goals 94%.');
    expect(await page.getByTestId('compare-goal-B4').textContent()).toMatch(/19,037.*9,000.*47%.*19,037.*19,037.*100%.*\+53/);
    await screenshot(page, '37-compare-rounds-english');
    expect(app.errors).toEqual([]);
  });
  it('a changed threshold on "Sådan scorer vi" makes version 2; the finished round keeps version 1 and its light, a new draft uses 2', async () => {
    const { page } = app;
    const { projectId, evaluationId } = await headstart();
    const done = await callChannel(app.handlers, 'evaluationFinalize', { evaluationId });
    if (!done.ok) throw new Error(done.error.message);

    await app.open('#/methodology');
    await expect.poll(() => page.getByTestId('profile-version-in-force').textContent()).toMatch(/^Metodeprofil version 1 af \d\d\.\d\d\.\d{4} \(i kraft\)$/);
    await page.getByRole('button', { name: 'Redigér profilen' }).click();
    // Headstart's average 3,8 is green from 3,5; from 3,9 it is yellow.
    await page.getByRole('textbox', { name: 'Implementering: grøn fra (score)' }).fill('3,9');
    await page.getByRole('button', { name: 'Gem som ny version' }).click();
    await expect.poll(() => page.getByTestId('profile-version-in-force').textContent()).toMatch(/^Metodeprofil version 2 af \d\d\.\d\d\.\d{4} \(i kraft\)$/);
    await expect.poll(() => page.getByTestId('profile-versions').locator('tbody tr').count()).toBe(2);
    await screenshot(page, '38-profile-version-2');

    // The finished round: its sign-off names version 1 and its light stays green.
    await app.open(`#/project/${projectId}/implementation`);
    await expect.poll(() => page.getByTestId('profile-version').textContent()).toMatch(/^Metodeprofil version 1 af \d\d\.\d\d\.\d{4}\.$/);
    await expect.poll(() => page.getByTestId('implementation-light').textContent()).toMatch(/Grøn/);
    const final = await callChannel(app.handlers, 'evaluationGet', { evaluationId });
    if (!final.ok) throw new Error(final.error.message);
    expect([final.value.profileVersion?.version, final.value.profile.implementationBands.greenMin, final.value.summary.implementation.light]).toEqual([1, 3.5, 'green']);

    // A new draft round of the same scores is computed with version 2: yellow.
    const draft = await callChannel(app.handlers, 'evaluationCreate', { projectId, type: 'midterm', date: '2023-01-15', evaluator: 'Ekstern evaluator', copyFromEvaluationId: evaluationId, acceptWarnings: true });
    if (!draft.ok) throw new Error(draft.error.message);
    const d = await callChannel(app.handlers, 'evaluationGet', { evaluationId: draft.value.id });
    if (!d.ok) throw new Error(d.error.message);
    expect([d.value.profileVersion?.version, d.value.profile.implementationBands.greenMin]).toEqual([2, 3.9]);
    expect(d.value.summary.implementation.light).toBe('yellow');
    expect(app.errors).toEqual([]);
  });
});
