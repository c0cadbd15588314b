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
});
