import { expect } from 'vitest';
import { callChannel } from '../../electron/ipc/handlers';
import { screenshot, type AppUnderTest } from './harness';
import { appPerTest } from './perTest';

let app: AppUnderTest;
appPerTest((started) => {
  app = started;
});

describe('search across the portfolio, in Chromium over the real handler table', () => {
  it('Ctrl+K focuses the box; a Danish word is found; the keyboard opens the result and lands on the field', async () => {
    const { page } = app;
    const projectId = await app.projectId('Headstart');
    // A word with æ/ø/å only this learning point holds, written through the handler table.
    const detail = await callChannel(app.handlers, 'projectGet', { projectId });
    if (!detail.ok) throw new Error(detail.error.message);
    const evaluationId = detail.value.evaluations[0].id;
    const saved = await callChannel(app.handlers, 'learningSave', { evaluationId, kind: 'learning', title: 'Færøsk erfaring', text: 'Mentorordningen fra Tórshavn virkede på de små virksomheder.' });
    if (!saved.ok) throw new Error(saved.error.message);

    await app.open('#/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Control+k');
    const box = page.getByRole('combobox', { name: 'Søg i porteføljen' });
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await box.pressSequentially('færøsk');
    const option = page.getByRole('option').first();
    await option.waitFor();
    expect(await option.textContent()).toContain('Tiltrækning af talent (Headstart)');
    expect(await option.locator('mark').first().textContent()).toBe('Færøsk');
    await screenshot(page, '60-search-results');

    await box.press('ArrowDown');
    await box.press('ArrowUp');
    await box.press('Enter');
    await expect.poll(() => page.evaluate(() => window.location.hash)).toMatch(new RegExp(`^#/project/${projectId}/learning\\?e=${evaluationId}&find=`));
    // Focus is on the field holding the word, marked.
    await expect
      .poll(() => page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement | null;
        return el ? `${el.dataset.searchHit ?? ''}|${el.value ?? ''}${el.textContent ?? ''}` : '';
      }))
      .toMatch(/^true\|.*Færøsk erfaring/);
    await screenshot(page, '61-search-landed');
    expect(app.errors).toEqual([]);
  });
});
