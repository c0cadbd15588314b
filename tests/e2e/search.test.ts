import { PDFDocument } from 'pdf-lib';
import { expect } from 'vitest';
import { callChannel } from '../../electron/ipc/handlers';
import { screenshot, type AppUnderTest } from './harness';
import { appPerTest } from './perTest';
import { FIXTURE_003, readFixture } from '../unit/import/seeds';
import { pdfFromText } from '../integration/import/build';

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

describe('a provenance note opens its PDF in the app, at the note\'s page', () => {
  it('imports a PDF, clicks a goal status\'s note: the viewer shows that page drawn, and pages on', async () => {
    const { page } = app;
    const pdf = await pdfFromText(readFixture(FIXTURE_003), { linesPerPage: 24 });
    const pages = (await PDFDocument.load(pdf)).getPageCount();
    const call = async <T,>(r: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>) => {
      const x = await r;
      if (!x.ok) throw new Error(x.error.message);
      return x.value;
    };
    const { paths } = await call(callChannel(app.handlers, 'stageImportFiles', { files: [{ name: 'evaluering-003.pdf', dataBase64: Buffer.from(pdf).toString('base64') }] }));
    const preview = await call(callChannel(app.handlers, 'importPreview', { requestId: 'e2e-1', paths }));
    const { projectId } = await call(
      callChannel(app.handlers, 'importApply', {
        requestId: 'e2e-2',
        projectId: null,
        newProjectName: 'Headstart fra PDF',
        items: preview.items,
        files: preview.files.map((f) => ({ file: f.file, kind: f.kind, sha256: f.sha256 })),
        newEvaluation: { type: 'final', date: '2022-12-02' },
      }),
    );

    await app.open(`#/project/${projectId}/goals`);
    const note = page.getByRole('button', { name: 'evaluering-003.pdf', exact: true }).first();
    await note.waitFor();
    const noteText = (await note.locator('xpath=..').textContent()) ?? '';
    const notePage = Number(/side (\d+)/.exec(noteText)?.[1]);
    expect(notePage, noteText).toBeGreaterThan(1);
    await note.click();

    const dialog = page.getByRole('dialog', { name: 'evaluering-003.pdf' });
    await expect.poll(() => dialog.getByTestId('pdf-page-status').textContent()).toBe(`Side ${notePage} af ${pages}`);
    // That page is drawn: the canvas has ink, and its text layer holds the page's text.
    await dialog.locator(`.pdf-page[data-page="${notePage}"]`).waitFor();
    const inked = await dialog.locator('canvas').evaluate((c: HTMLCanvasElement) => {
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] < 128) dark++;
      return dark;
    });
    expect(inked).toBeGreaterThan(100);
    const lines = readFixture(FIXTURE_003).split(/\r?\n/).filter((l) => l.trim() !== '');
    const firstLine = lines[(notePage - 1) * 24].trim().slice(0, 20);
    await expect.poll(() => dialog.locator('.textLayer').textContent()).toContain(firstLine);
    expect(await dialog.getByRole('img', { name: `evaluering-003.pdf, side ${notePage}` }).count()).toBe(1);
    await screenshot(page, '62-source-pdf-viewer');

    await dialog.getByRole('button', { name: 'Næste side' }).click();
    await expect.poll(() => dialog.getByTestId('pdf-page-status').textContent()).toBe(`Side ${notePage + 1} af ${pages}`);
    await dialog.locator(`.pdf-page[data-page="${notePage + 1}"]`).waitFor();
    expect(await dialog.getByRole('button', { name: 'Åbn i standardprogram' }).isVisible()).toBe(true);
    expect(app.errors).toEqual([]);
  });
});
