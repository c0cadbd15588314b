import { callChannel } from '../../electron/ipc/handlers';
import { screenshot, type AppUnderTest } from './harness';
import { appPerTest } from './perTest';

let app: AppUnderTest;
/** Intl writes a no-break space in "18 %" and before "kr."; what the eye reads is a space. */
const plain = (text: string | null) => (text ?? '').replace(/[\u00A0\u202F]/g, ' ');
appPerTest((started) => {
  app = started;
});

describe('budget as seed 004 writes it, in Chromium over the real handler table', () => {
  it('reads "20,0 mio." typed in the budget tab, echoes it, and keeps the 18 % indirect line in step', async () => {
    const { page } = app;
    const projectId = await app.projectId('work-live-stay');
    await app.open(`#/project/${projectId}/budget`);

    // 004's indirect line: kept as its percent, its amount shown as computed.
    const indirect = page.getByTestId('indirect-amount');
    await expect.poll(() => indirect.allTextContents().then((ts) => ts.map(plain))).toEqual([
      '18 % af direkte omkostninger = 599.593,68 kr.',
      '18 % af direkte omkostninger = 770.906,16 kr.',
      '18 % af direkte omkostninger = 770.906,16 kr.',
    ]);
    await expect.poll(() => page.getByTestId('budget-project-total').textContent().then(plain)).toContain('svarer til projektets samlede budget (14.038.106 kr.)');

    const field = page.getByRole('textbox', { name: 'Løn - projektarbejde 2020 Beløb (kr.)' });
    await field.fill('20,0 mio.');
    await expect.poll(() => page.getByTestId('amount-echo').textContent().then(plain)).toBe('= 20.000.000 kr.');
    await screenshot(page, '40-budget-amount-echo');
    await field.press('Tab');

    await expect.poll(() => field.inputValue()).toBe('20.000.000');
    const r = await callChannel(app.handlers, 'projectGet', { projectId });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.budgetLines.find((l) => l.year === 2020 && l.costType === 'Løn - projektarbejde')?.amountKr).toBe(20_000_000);
    // 2020's direct costs 4.282.812 - 3.094.308 + 20.000.000 = 21.188.504 kr.; 18 % of them.
    await expect.poll(() => indirect.nth(1).textContent().then(plain)).toBe('18 % af direkte omkostninger = 3.813.930,72 kr.');
    await expect
      .poll(() => page.getByTestId('budget-project-total').textContent().then(plain))
      .toContain('svarer ikke til projektets samlede budget (14.038.106 kr.); forskellen er på 19.948.716,56 kr.');
    await screenshot(page, '41-budget-indirect-in-step');

    // An ambiguous figure is refused inline and nothing is sent.
    await field.fill('1,250');
    await field.press('Tab');
    await expect.poll(() => page.getByText('"1,250" er tvetydigt', { exact: false }).count()).toBe(1);
    expect(app.errors).toEqual([]);
  });

  it('records spending by year on the budget tab: typed in mio. kr., shown against the budget of each year, and compared with the round spent to date', async () => {
    const { page } = app;
    const projectId = await app.projectId('work-live-stay');
    const r = await callChannel(app.handlers, 'projectGet', { projectId });
    if (!r.ok) throw new Error(r.error.message);
    const evaluationId = r.value.evaluations.at(-1)!.id;
    const set = await callChannel(app.handlers, 'evaluationUpdate', { evaluationId, patch: { budgetSpentKr: 5_000_000 } });
    expect(set.ok).toBe(true);
    await app.open(`#/project/${projectId}/budget`);
    const panel = page.getByTestId('spending-by-year');
    await expect.poll(() => panel.getByTestId('spending-check').textContent().then(plain)).toBe(
      'Runden har ikke registreret forbrug pr. år. Budgetforbruget beregnes ud fra forbrug til dato (5.000.000 kr.).',
    );
    // The first budget year without spending is added; its amount typed as a document writes it.
    await panel.getByRole('button', { name: 'Tilføj år' }).click();
    const spent2019 = panel.getByRole('textbox', { name: 'Forbrugt (kr.) 2019' });
    await expect.poll(() => spent2019.count()).toBe(1);
    await spent2019.fill('2,5 mio.');
    await spent2019.press('Tab');
    await expect.poll(() => spent2019.inputValue()).toBe('2.500.000');
    await panel.getByRole('button', { name: 'Tilføj år' }).click();
    const spent2020 = panel.getByRole('textbox', { name: 'Forbrugt (kr.) 2020' });
    await expect.poll(() => spent2020.count()).toBe(1);
    await spent2020.fill('2.000.000');
    await spent2020.press('Tab');
    const check = panel.getByTestId('spending-check');
    await expect.poll(() => check.textContent().then(plain)).toContain(
      'Forbruget pr. år giver i alt 4.500.000 kr., men runden har rapporteret 5.000.000 kr. forbrugt til dato (forskel \u2212500.000 kr.).',
    );
    await screenshot(page, '42-spending-by-year-differs');
    // Corrected: the years now sum to the round's figure and the total row is the round's consumption.
    await spent2020.fill('2,5 mio.');
    await spent2020.press('Tab');
    await expect.poll(() => check.getAttribute('data-state')).toBe('matches');
    const consumption = plain(await page.getByTestId('progress-figures').getByRole('row').first().textContent());
    const total = plain(await panel.getByTestId('spending-total').textContent());
    expect(total).toMatch(/^I alt.*5\.000\.000 kr\./);
    expect(consumption).toContain(total.match(/(\d+ %)$/)![1]);
    const saved = await callChannel(app.handlers, 'evaluationGet', { evaluationId });
    expect(saved.ok && saved.value.spendingByYear.map((s) => [s.year, s.spentKr])).toEqual([
      [2019, 2_500_000],
      [2020, 2_500_000],
    ]);
    await screenshot(page, '43-spending-by-year');
    expect(app.errors).toEqual([]);
  });
});
