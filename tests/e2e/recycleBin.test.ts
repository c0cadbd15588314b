import { callChannel } from '../../electron/ipc/handlers';
import { screenshot, type AppUnderTest } from './harness';
import { appPerTest } from './perTest';

let app: AppUnderTest;
appPerTest((started) => {
  app = started;
});

/** Headstart's goal table, and its goal codes as main holds them. */
async function openHeadstartGoals() {
  const id = await app.projectId('Headstart');
  await app.open(`#/project/${id}/goals`);
  await expect.poll(() => app.page.getByTestId('goal-B2').count()).toBe(1);
  return id;
}
async function goalCodes(projectId: number): Promise<string[]> {
  const r = await callChannel(app.handlers, 'projectGet', { projectId });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.goals.map((g) => g.code);
}
async function deleteB2(): Promise<void> {
  const { page } = app;
  await page.getByRole('button', { name: 'Slet mål B2' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Slet' }).click();
  await expect.poll(() => page.getByTestId('goal-B2').count()).toBe(0);
  await expect.poll(() => page.getByText('Målet B2 er slettet').count()).toBe(1);
}

describe('nothing lost by a slip: deleted goals (issue 15)', () => {
  it('deleting a goal offers Fortryd, which brings it back with its status', async () => {
    const { page } = app;
    const id = await openHeadstartGoals();
    const before = await callChannel(app.handlers, 'projectGet', { projectId: id });
    await deleteB2();
    expect(await goalCodes(id)).not.toContain('B2');
    await screenshot(page, 'recycle-bin-01-goal-deleted-undo');
    await page.getByRole('button', { name: 'Fortryd' }).click();
    await expect.poll(() => page.getByTestId('goal-B2').count()).toBe(1);
    await expect.poll(() => page.getByText('Målet B2 er gendannet').count()).toBe(1);
    const after = await callChannel(app.handlers, 'projectGet', { projectId: id });
    expect(after.ok && before.ok && after.value.goals).toEqual(before.ok && before.value.goals);
    expect(after.ok && before.ok && after.value.statusReports).toEqual(before.ok && before.value.statusReports);
    expect(app.errors).toEqual([]);
  });

  it('a deleted goal is in the Papirkurv, and is restored from there by keyboard; its Fortryd notice closes', async () => {
    const { page } = app;
    const id = await openHeadstartGoals();
    await deleteB2();
    await page.getByRole('link', { name: 'Papirkurv', exact: true }).click();
    const row = page.getByRole('row', { name: /B2: Antal virksomheder/ });
    await expect.poll(() => row.count()).toBe(1);
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells.slice(0, 3)).toEqual(['Mål', expect.stringMatching(/^B2: /), 'Tiltrækning af talent (Headstart)']);
    expect(cells[4]).toBe('e2e');
    expect(cells[5]).toBe('30 dage');
    // The delete's "Fortryd" is still on screen here.
    expect(await page.getByRole('button', { name: 'Fortryd' }).count()).toBe(1);
    await screenshot(page, 'recycle-bin-02-papirkurv');

    await row.getByRole('button', { name: /^Gendan Mål B2/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('recycle-bin-empty').count()).toBe(1);
    await expect.poll(() => page.getByRole('button', { name: 'Fortryd' }).count()).toBe(0);
    expect(await goalCodes(id)).toContain('B2');

    await page.getByRole('link', { name: 'Portefølje', exact: true }).click();
    await openHeadstartGoals();
    expect(app.errors).toEqual([]);
  });
});
