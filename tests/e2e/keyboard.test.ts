import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { callChannel } from '../../electron/ipc/handlers';
import { repoRoot } from '../helpers/build';
import { screenshot, type AppUnderTest } from './harness';
import { appPerTest } from './perTest';

/**
 * Keyboard walkthroughs of the main tasks (issue 15): scoring a parameter, deciding a light with
 * its justification, adding a status, an import through the wizard and exporting a workbook, each
 * with the keyboard alone (Tab, Shift+Tab, arrows, Enter, Space, Escape). On every stop the focus
 * is visible (the focused element draws an outline or a ring), and a dialog that closes gives the
 * focus back to the control that opened it.
 */

/** The machine is shared: a view may take a few seconds to come up. */
const WAIT = { timeout: 10_000 };

let app: AppUnderTest;
appPerTest(async (started) => {
  app = started;
  await app.page.emulateMedia({ reducedMotion: 'reduce' });
});

interface Focused {
  /** What a user would read as the focused control: its accessible name or text, and its role. */
  name: string;
  tag: string;
  /** Whether the browser draws a focus indicator: an outline or a box-shadow. */
  visible: boolean;
  style: string;
}

async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { name: '(body)', tag: 'body', visible: false, style: '' };
    const css = getComputedStyle(el);
    const outline = css.outlineStyle !== 'none' && parseFloat(css.outlineWidth) > 0;
    const shadow = css.boxShadow !== 'none' && css.boxShadow !== '';
    const label = el.getAttribute('aria-label') ?? (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ?? el.textContent ?? '';
    return {
      name: label.trim().replace(/\s+/g, ' ').slice(0, 80),
      tag: el.tagName.toLowerCase(),
      visible: outline || shadow,
      style: `outline: ${css.outlineStyle} ${css.outlineWidth}; box-shadow: ${css.boxShadow}`,
    };
  });
}

/** Every focus stop the walkthrough passed without a visible indicator. */
let invisible: string[] = [];

async function expectVisibleFocus(page: Page, where: string): Promise<Focused> {
  const f = await focused(page);
  if (!f.visible) invisible.push(`${where}: <${f.tag}> "${f.name}" (${f.style})`);
  return f;
}

async function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((el) => el === document.activeElement).catch(() => false);
}

/** Presses Tab (or Shift+Tab) until `target` has the focus, checking the focus on every stop. */
async function tabTo(page: Page, target: Locator, where: string, { back = false, max = 200 } = {}): Promise<void> {
  await expect.poll(() => target.count(), { message: `${where}: the control is on screen`, ...WAIT }).toBe(1);
  for (let i = 0; i < max; i++) {
    if (await isFocused(target)) {
      await expectVisibleFocus(page, where);
      return;
    }
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    await expectVisibleFocus(page, `${where} (on the way)`);
  }
  const f = await focused(page);
  throw new Error(`${where}: ${max} presses of ${back ? 'Shift+Tab' : 'Tab'} did not reach the control; the focus is on <${f.tag}> "${f.name}"`);
}

async function expectFocusOn(target: Locator, where: string): Promise<void> {
  await expect.poll(() => isFocused(target), { message: `${where}: the focus is back on the opener`, ...WAIT }).toBe(true);
  await expectVisibleFocus(target.page(), where);
}

beforeEach(() => {
  invisible = [];
});

describe('the main tasks by keyboard alone, with the focus visible and returned', () => {
  it('scores a parameter with the arrow keys: the score is saved, the average follows and the focus stays on the chosen score', async () => {
    const { page } = app;
    const id = await app.projectId('Headstart');
    await app.open(`#/project/${id}/implementation`);
    const card = page.getByTestId('parameter-1');
    await expect.poll(() => card.count(), WAIT).toBe(1);
    const before = await callChannel(app.handlers, 'evaluationGet', { evaluationId: await latestEvaluation(id) });
    const saved = before.ok ? before.value.scores.find((s) => s.parameter === 1)?.score : undefined;
    expect(saved).toBeGreaterThan(1);

    // A radio group is one Tab stop: the checked score.
    const checked = card.getByRole('radio', { checked: true });
    await tabTo(page, checked, 'parameter 1, its score');
    // The scores are listed 5 to 1, so ArrowDown goes one lower.
    await page.keyboard.press('ArrowDown');
    const lower = card.getByRole('radio', { name: new RegExp(`^[^:]+: ${saved! - 1} – `) });
    await expect.poll(() => lower.isChecked(), WAIT).toBe(true);
    await expect
      .poll(async () => {
        const r = await callChannel(app.handlers, 'evaluationGet', { evaluationId: await latestEvaluation(id) });
        return r.ok ? r.value.scores.find((s) => s.parameter === 1)?.score : undefined;
      })
      .toBe(saved! - 1);
    // After the save and the reload the focus is still on the score just chosen, visibly.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    await expectFocusOn(lower, 'parameter 1 after scoring');
    // And the next Tab goes on in the card (the headline), not back to the top of the page.
    await page.keyboard.press('Tab');
    const next = await expectVisibleFocus(page, 'after the score');
    expect(await card.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    expect(next.tag).not.toBe('body');
    await screenshot(page, '70-keyboard-score');
    expect(invisible).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  it("decides a light with its justification: the evaluator's choice and the reason are saved, the final light changes", async () => {
    const { page } = app;
    const id = await app.projectId('Headstart');
    await app.open(`#/project/${id}/goals`);
    const decision = page.getByTestId('light-decision-goals');
    await expect.poll(() => decision.count(), WAIT).toBe(1);
    // A Mantine Select is a textbox or a combobox, by version.
    const name = { name: 'Evaluators beslutning', exact: true };
    const select = decision.getByRole('textbox', name).or(decision.getByRole('combobox', name)).first();
    await tabTo(page, select, 'the light decision');
    // The list opens with ArrowDown; the options are walked with the arrows and chosen with Enter.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByRole('listbox').count(), WAIT).toBe(1);
    const option = page.getByRole('option', { name: 'Rød' });
    for (let i = 0; i < 5 && (await option.getAttribute('data-combobox-selected')) === null; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => select.inputValue(), WAIT).toBe('Rød');
    await expectFocusOn(select, 'the light decision after choosing');
    const reason = decision.getByRole('textbox', { name: /^Begrundelse/ });
    await tabTo(page, reason, 'the justification');
    await page.keyboard.type('Målene er ikke nået, og der er ingen plan for resten af perioden.');
    const save = decision.getByRole('button', { name: 'Gem beslutning' });
    await tabTo(page, save, 'the save button');
    await page.keyboard.press('Enter');
    await expect.poll(() => decision.getByText('Tilsidesat af evaluator').count(), WAIT).toBe(1);
    // The button is disabled once saved (nothing to save); the focus is not lost to the page.
    const after = await expectVisibleFocus(page, 'after saving the decision');
    expect(after.tag).not.toBe('body');
    const r = await callChannel(app.handlers, 'evaluationGet', { evaluationId: await latestEvaluation(id) });
    expect(r.ok && r.value.summary.lights.goals).toMatchObject({ override: 'red', final: 'red', reason: 'Målene er ikke nået, og der er ingen plan for resten af perioden.' });
    await screenshot(page, '71-keyboard-light-decision');
    expect(invisible).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  it('adds a status in the dialog and reads the history, both by keyboard; each dialog gives the focus back to its opener', async () => {
    const { page } = app;
    const id = await app.projectId('Headstart');
    await app.open(`#/project/${id}/goals`);
    const opener = page.getByRole('button', { name: 'Tilføj status B1' });
    await expect.poll(() => opener.count(), WAIT).toBe(1);
    await tabTo(page, opener, 'add status B1');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.count(), WAIT).toBe(1);
    // The dialog opens on its first field, visibly.
    const value = dialog.getByRole('textbox', { name: /^Værdi/ });
    await expectFocusOn(value, 'the add-status dialog, its value');
    await page.keyboard.type('250');
    const date = dialog.getByRole('textbox', { name: /^Dato/ });
    await tabTo(page, date, 'the status date');
    // The field holds the evaluation's date; it is replaced as one would by keyboard.
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('20.01.2031');
    await tabTo(page, dialog.getByRole('textbox', { name: 'Rapporteret af' }), 'reported by');
    await page.keyboard.type('Bevillingsmodtager');
    await dialog.screenshot({ path: join(repoRoot, 'test-artifacts', 'screenshots', '72-keyboard-add-status.png') });
    const submit = dialog.getByRole('button', { name: 'Tilføj status' });
    await tabTo(page, submit, 'the add button');
    await page.keyboard.press('Enter');
    // The date is after the grant period's end or today: the dialog says so and the same button,
    // still focused, now saves anyway.
    const warning = dialog.getByTestId('status-date-warnings');
    await expect.poll(() => warning.count(), WAIT).toBe(1);
    const anyway = dialog.getByRole('button', { name: 'Gem alligevel' });
    await expectFocusOn(anyway, 'the date warning');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count(), WAIT).toBe(0);
    await expectFocusOn(opener, 'after adding the status');
    const project = await callChannel(app.handlers, 'projectGet', { projectId: id });
    const b1 = project.ok ? project.value.goals.find((g) => g.code === 'B1') : undefined;
    const latest = project.ok ? project.value.statusReports.filter((r) => r.goalId === b1?.id).at(-1) : undefined;
    expect(latest).toMatchObject({ value: 250, reportedAt: '2031-01-20', reportedBy: 'Bevillingsmodtager' });

    // The history dialog: opened with Space, closed with Escape, the focus back on its button.
    const history = page.getByRole('button', { name: 'Statushistorik for B1' });
    await tabTo(page, history, 'the status history of B1');
    await page.keyboard.press('Space');
    await expect.poll(() => dialog.count(), WAIT).toBe(1);
    expect(await dialog.getByRole('row').count()).toBeGreaterThan(2);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count(), WAIT).toBe(0);
    await expectFocusOn(history, 'after closing the history');
    expect(invisible).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  it('imports a midterm report into a new project through the wizard by keyboard: files, preview, import, result; closing gives the focus back to its opener', async () => {
    const { page } = app;
    // The system's file picker is the one step outside the page: it is answered with the fixture.
    // Listened for from the start: Playwright takes over the picker only once it listens.
    const chooser = page.waitForEvent('filechooser', { timeout: 60_000 });
    await app.open('#/');
    const opener = page.getByRole('button', { name: 'Importér rapporter', exact: true });
    await tabTo(page, opener, 'the import button');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByText('Træk filer hertil').count(), WAIT).toBe(1);
    // The dialog has taken the focus (its focus trap) before the walk inside it starts.
    await expect.poll(() => dialog.evaluate((el) => el.contains(document.activeElement)), WAIT).toBe(true);
    const pick = dialog.getByRole('button', { name: 'Vælg filer …' });
    await tabTo(page, pick, 'choose files');
    await page.keyboard.press('Enter');
    const file = 'midtvejs-groenne-kompetencer.txt';
    const text = readFileSync(join(repoRoot, 'tests', 'fixtures', 'reports', file));
    await (await chooser).setFiles({ name: file, mimeType: 'text/plain', buffer: text });
    await expect.poll(() => dialog.getByTestId(`import-file-row-${file}`).count(), WAIT).toBe(1);
    const next = dialog.getByRole('button', { name: 'Videre til forhåndsvisning' });
    await expect.poll(() => next.isDisabled(), WAIT).toBe(false);
    await tabTo(page, next, 'continue to the preview');
    await page.keyboard.press('Enter');
    const apply = dialog.getByRole('button', { name: 'Importér', exact: true });
    await expect.poll(() => apply.count(), WAIT).toBe(1);
    await expect.poll(() => apply.isDisabled(), { timeout: 20_000 }).toBe(false);
    await tabTo(page, apply, 'import', { max: 400 });
    await page.keyboard.press('Enter');
    const result = dialog.getByTestId('import-result');
    await expect.poll(() => result.count(), { timeout: 20_000 }).toBe(1);
    const close = result.getByRole('button', { name: 'Luk' });
    await tabTo(page, close, 'close the result');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count(), WAIT).toBe(0);
    await expectFocusOn(opener, 'after the import');
    // The report became a project of the portfolio.
    expect(await app.projectId('Grønne kompetencer')).toBeGreaterThan(0);
    expect(invisible).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  it('exports the evaluation workbook by keyboard: the file is written and the focus stays on the export button', async () => {
    const { page } = app;
    const id = await app.projectId('Headstart');
    await app.open(`#/project/${id}/resume`);
    const button = page.getByRole('button', { name: 'Eksportér evaluering' });
    await tabTo(page, button, 'export the evaluation');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('Eksporteret', { exact: true }).count(), { timeout: 20_000 }).toBe(1);
    const files = readdirSync(join(app.dir, 'exports')).filter((f) => f.endsWith('.xlsx'));
    expect(files).toHaveLength(1);
    await expectFocusOn(button, 'after the export');
    expect(invisible).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  it('reopens a finished round by keyboard: cancelling the reopen dialog with Escape gives the focus back to "Genåbn runde"', async () => {
    const { page } = app;
    const id = await app.projectId('Headstart');
    const evaluationId = await latestEvaluation(id);
    const done = await callChannel(app.handlers, 'evaluationFinalize', { evaluationId });
    expect(done.ok).toBe(true);
    await app.open(`#/project/${id}/resume`);
    const opener = page.getByRole('button', { name: 'Genåbn runde' });
    await tabTo(page, opener, 'reopen the round');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.count(), WAIT).toBe(1);
    await expect.poll(() => dialog.evaluate((el) => el.contains(document.activeElement)), WAIT).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count(), WAIT).toBe(0);
    await expectFocusOn(opener, 'after cancelling the reopen dialog');
    // Cancelled: the round is still finished.
    expect(await page.getByTestId('sign-off').getAttribute('data-state')).toBe('final');
    expect(invisible).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  it('exports a filtered portfolio by keyboard: the export-choice dialog gives the focus back to the export button when cancelled and when a choice is made', async () => {
    const { page } = app;
    await app.open('#/');
    const search = page.getByRole('textbox', { name: 'Søg', exact: true });
    await tabTo(page, search, 'the portfolio search');
    await page.keyboard.type('Headstart');
    // The filter has applied: the table shows Headstart alone.
    await expect.poll(() => page.getByRole('link', { name: /work-live-stay/ }).count(), WAIT).toBe(0);
    // The export button is in the header, before the filters.
    const button = page.getByRole('button', { name: 'Eksportér porteføljeoversigt' });
    await tabTo(page, button, 'export the portfolio', { back: true });
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.textContent(), WAIT).toContain('Filteret viser 1 af 4 projekter.');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count(), WAIT).toBe(0);
    await expectFocusOn(button, 'after cancelling the export choice');
    // Again, and the choice the dialog focuses first ("De viste") taken with Enter.
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count(), WAIT).toBe(1);
    await expectFocusOn(dialog.getByRole('button', { name: 'De viste (1)' }), 'the export choice');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('Eksporteret', { exact: true }).count(), { timeout: 20_000 }).toBe(1);
    expect(readdirSync(join(app.dir, 'exports')).filter((f) => f.endsWith('.xlsx'))).toHaveLength(1);
    await expectFocusOn(button, 'after the filtered export');
    expect(invisible).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});

async function latestEvaluation(projectId: number): Promise<number> {
  const r = await callChannel(app.handlers, 'projectGet', { projectId });
  if (!r.ok) throw new Error(r.error.message);
  const rounds = [...r.value.evaluations].sort((a, b) => (a.date === b.date ? a.id - b.id : a.date.localeCompare(b.date)));
  return rounds.at(-1)!.id;
}

describe('the radar of six scores at 1024 px', () => {
  it('draws its six labels whole and apart, inside the chart, and describes the scores in words', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 768 });
    const id = await app.projectId('Headstart');
    await app.open(`#/project/${id}/implementation`);
    const figure = page.getByRole('figure', { name: 'Radardiagram over de seks scorer' });
    await expect.poll(() => figure.locator('.recharts-polar-angle-axis-tick text').count(), WAIT).toBe(6);
    await page.waitForTimeout(400);
    const boxes = await figure.evaluate((el) => {
      const svg = el.querySelector('svg.recharts-surface')!.getBoundingClientRect();
      const labels = [...el.querySelectorAll('.recharts-polar-angle-axis-tick text')].map((t) => {
        const r = t.getBoundingClientRect();
        return { text: t.textContent ?? '', left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      });
      return { svg: { left: svg.left, right: svg.right, top: svg.top, bottom: svg.bottom }, labels };
    });
    expect(boxes.labels.map((l) => l.text)).toEqual(['1', '2', '3', '4', '5', '6']);
    for (const l of boxes.labels) {
      // Not clipped by the drawing's edge.
      expect(l.left, `label ${l.text}`).toBeGreaterThanOrEqual(boxes.svg.left);
      expect(l.right, `label ${l.text}`).toBeLessThanOrEqual(boxes.svg.right);
      expect(l.top, `label ${l.text}`).toBeGreaterThanOrEqual(boxes.svg.top);
      expect(l.bottom, `label ${l.text}`).toBeLessThanOrEqual(boxes.svg.bottom);
      // Big enough to read.
      expect(l.bottom - l.top, `label ${l.text}`).toBeGreaterThanOrEqual(12);
    }
    for (const a of boxes.labels)
      for (const b of boxes.labels) {
        if (a === b) continue;
        const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
        expect(apart, `labels ${a.text} and ${b.text} overlap`).toBe(true);
      }
    expect(await figure.getAttribute('aria-describedby')).toBeTruthy();
    await page.waitForTimeout(300);
    await figure.screenshot({ path: join(repoRoot, 'test-artifacts', 'screenshots', '73-radar-1024.png') });
    await screenshot(page, '74-implementation-1024');
    expect(app.errors).toEqual([]);
  });
});
