import type { Browser } from 'playwright-core';
import { generatePortfolio } from '../../electron/generate/portfolio';
import { callChannel } from '../../electron/ipc/handlers';
import { join } from 'node:path';
import { launchBrowser, screenshot, SCREENSHOTS, startApp, type AppUnderTest } from './harness';

/**
 * The portfolio table over a generated portfolio of a few hundred projects, in Chromium: only
 * the rows on screen are in the DOM, rows come page by page from main as the user scrolls,
 * sorting and filtering happen in main. One browser for the file; an empty app, then one generated (CI budget).
 */

const PROJECTS = 300;
let browser: Browser;
let app: AppUnderTest;

beforeAll(async () => {
  browser = await launchBrowser();
  app = await startApp(browser, { demo: false });
}, 120_000);
afterAll(async () => {
  await app?.close();
  await browser?.close();
});

// Until H8's kept figures, every page costs main a full portfolio summary (~1 s at 300 projects).
const slow = { timeout: 15_000 };
/** A Mantine Select by its label (a textbox or a combobox, by version). */
const pick = (name: string) => app.page.getByRole('textbox', { name, exact: true }).or(app.page.getByRole('combobox', { name, exact: true })).first();
const projectRows = () => app.page.locator('[data-testid^="project-row-"]');

describe('the portfolio table (issue 12, issue 15 "Finding things")', () => {
  it('an empty portfolio says where to start, not that no project matches', async () => {
    const { page } = app;
    await app.open('#/');
    const empty = page.getByTestId('portfolio-empty');
    await expect.poll(() => empty.count()).toBe(1);
    expect(await empty.textContent()).toContain('Porteføljen er tom');
    expect(await empty.getByRole('button', { name: 'Åbn demoen' }).count()).toBe(1);
    expect(await empty.getByRole('button', { name: 'Opret projekt' }).count()).toBe(1);
    expect(await page.getByText('Ingen projekter matcher.').count()).toBe(0);
  });

  it(`holds at most ~100 rows of ${PROJECTS} projects, scrolls to the last, sorts in main and filters`, async () => {
    await app.close();
    app = await startApp(browser, { demo: false, prepare: (dbPath) => generatePortfolio(dbPath, { projects: PROJECTS, goalsPerProject: 4, statusesPerGoal: 2 }) });
    const { page } = app;
    // Each request for a page of rows, and whether React had rendered anything when it was sent.
    await page.addInitScript(`(() => {
      const asks = (window.__pageAsks = []);
      const original = window.fetch.bind(window);
      window.fetch = (input, init) => {
        if (String(input).includes(encodeURIComponent('portfolio:page')))
          asks.push({ offset: JSON.parse(init.body).offset, rendered: document.getElementById('root').childElementCount > 0 });
        return original(input, init);
      };
    })()`);
    await app.open('#/');
    await expect.poll(() => page.getByTestId('portfolio-showing').textContent(), slow).toBe(`${PROJECTS} af ${PROJECTS} projekter vises`);
    // The first page was asked for once, as the app's script ran and before React rendered the
    // shell (issue 12, first paint: main reads while the renderer builds), and the view used that answer.
    const asks = (await page.evaluate('window.__pageAsks')) as { offset: number; rendered: boolean }[];
    expect(asks.filter((a) => a.offset === 0)).toEqual([{ offset: 0, rendered: false }]);
    await expect.poll(() => projectRows().count(), slow).toBeGreaterThan(5);
    expect(await page.locator('tr').count()).toBeLessThanOrEqual(100);
    await screenshot(page, '40-portfolio-virtual-1280');
    await page.getByTestId('portfolio-scroller').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, '40b-portfolio-table-1280.png') });
    const wide = await page.getByRole('table', { name: 'Portefølje' }).boundingBox();
    expect(wide!.width).toBeLessThanOrEqual((await page.getByTestId('portfolio-scroller').boundingBox())!.width + 1);

    const byName = await callChannel(app.handlers, 'portfolioPage', { sort: { key: 'name', dir: 'asc' }, offset: PROJECTS - 1, limit: 1 });
    if (!byName.ok) throw new Error(byName.error.message);
    const lastName = byName.value.rows[0]!.name;
    // Keyboard scrolling: focus the table's scroll box and press End.
    const scroller = page.getByTestId('portfolio-scroller');
    await scroller.focus();
    await page.keyboard.press('End');
    await expect.poll(() => page.getByRole('link', { name: lastName, exact: true }).count(), slow).toBe(1);
    expect(await page.locator('tr').count()).toBeLessThanOrEqual(100);

    // Sorting by a header: aria-sort says so, and the first row is the highest budget.
    const budgetHeader = page.getByRole('columnheader', { name: 'Budget' });
    await budgetHeader.getByRole('button').click();
    await budgetHeader.getByRole('button').click();
    await expect.poll(() => budgetHeader.getAttribute('aria-sort'), slow).toBe('descending');
    const byBudget = await callChannel(app.handlers, 'portfolioPage', { sort: { key: 'budget', dir: 'desc' }, offset: 0, limit: 1 });
    if (!byBudget.ok) throw new Error(byBudget.error.message);
    await expect.poll(() => projectRows().first().getAttribute('data-testid'), slow).toBe(`project-row-${byBudget.value.rows[0]!.projectId}`);

    // A light of one kind: only projects whose goal-attainment light is red.
    const red = await callChannel(app.handlers, 'portfolioPage', { filter: { lightKind: 'goals', light: 'red' }, sort: { key: 'name', dir: 'asc' }, offset: 0, limit: 200 });
    if (!red.ok) throw new Error(red.error.message);
    await pick('Trafiklys').click();
    await page.getByRole('option', { name: 'Målopnåelse', exact: true }).click();
    await pick('Lysfarve').click();
    await page.getByRole('option', { name: 'Rød', exact: true }).click();
    await expect.poll(() => page.getByTestId('portfolio-showing').textContent(), slow).toBe(`${red.value.matching} af ${PROJECTS} projekter vises`);
    await expect.poll(() => page.getByTestId('count-goals-red').textContent(), slow).toContain(String(red.value.matching));

    // A period nobody runs in: "Ingen projekter matcher" (the filter, not an empty portfolio).
    await page.getByRole('textbox', { name: 'Løber fra' }).fill('01.01.2090');
    await expect.poll(() => page.getByText('Ingen projekter matcher.').count(), slow).toBe(1);
    await page.getByRole('textbox', { name: 'Løber fra' }).fill('');
    await expect.poll(() => page.getByTestId('portfolio-showing').textContent(), slow).toBe(`${red.value.matching} af ${PROJECTS} projekter vises`);

    // At 1024 px the score, the lights, budget and time still show.
    await page.setViewportSize({ width: 1024, height: 768 });
    for (const column of ['Score', 'Budget', 'Tid'])
      await expect.poll(() => page.getByRole('columnheader', { name: column }).isVisible(), slow).toBe(true);
    const table = await page.getByRole('table', { name: 'Portefølje' }).boundingBox();
    const box = await scroller.boundingBox();
    expect(table!.width).toBeLessThanOrEqual(box!.width + 1);
    await screenshot(page, '41-portfolio-virtual-1024');
    await scroller.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, '41b-portfolio-table-1024.png') });
    expect(app.errors).toEqual([]);
  }, 120_000);
});
