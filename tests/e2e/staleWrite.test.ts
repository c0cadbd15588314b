import { callChannel } from '../../electron/ipc/handlers';
import { openPortfolioStore } from '../../electron/storage';
import { screenshot, type AppUnderTest } from './harness';
import { appPerTest } from './perTest';

let app: AppUnderTest;
appPerTest((started) => {
  app = started;
});

/**
 * No lost update in Chromium (issue 13): a colleague saves the round's effect text while it is
 * open here; the text typed here is refused with who and when, kept in the field, and after
 * "Genindlæs" the field shows the colleague's text with the user's own kept beside it.
 */
describe('a save someone else beat, in Chromium over the real handler table', () => {
  it('shows "Ændret af NAME kl. hh:mm; genindlæs", keeps the typed text, and reloads the other\'s text beside it', async () => {
    const { page } = app;
    const projectId = await app.projectId('Headstart');
    const detail = await callChannel(app.handlers, 'projectGet', { projectId });
    if (!detail.ok) throw new Error(detail.error.message);
    const evaluationId = detail.value.evaluations[0].id;
    await app.open(`#/project/${projectId}/effect`);
    const field = page.getByTestId('evaluation-text-effect').getByRole('textbox').first();
    await field.waitFor();

    // The colleague, on another connection to the same portfolio, saves first (13:05 UTC = 14:05 in Copenhagen).
    const other = await openPortfolioStore(app.dbPath, { user: 'Kim Sagsbehandler', now: () => new Date('2024-03-01T13:05:00.000Z') });
    try {
      await other.setEvaluationText(evaluationId, 'effect', 'Kims vurdering af effekten.');
    } finally {
      await other.close();
    }

    await field.fill('Min vurdering af effekten.');
    await field.press('Tab');
    const box = page.getByTestId('evaluation-text-effect');
    await expect.poll(() => box.textContent()).toContain('Ændret af Kim Sagsbehandler kl. 14:05; genindlæs');
    expect(await field.inputValue()).toBe('Min vurdering af effekten.');
    const saved = await callChannel(app.handlers, 'evaluationGet', { evaluationId });
    expect(saved.ok && saved.value.texts.effect).toBe('Kims vurdering af effekten.');
    await screenshot(page, '60-stale-write-refused');

    await box.getByRole('button', { name: 'Genindlæs' }).click();
    await expect.poll(() => field.inputValue()).toBe('Kims vurdering af effekten.');
    expect(await box.getByRole('textbox', { name: 'Din tekst' }).inputValue()).toBe('Min vurdering af effekten.');
    await screenshot(page, '61-stale-write-reloaded');

    // Saving it now overwrites the colleague's text knowingly.
    await box.getByRole('button', { name: 'Gem min tekst' }).click();
    await expect
      .poll(async () => {
        const d = await callChannel(app.handlers, 'evaluationGet', { evaluationId });
        return d.ok ? d.value.texts.effect : null;
      })
      .toBe('Min vurdering af effekten.');
    await expect.poll(() => box.getByTestId('stale-mine').count()).toBe(0);
    expect(app.errors).toEqual([]);
  });
});
