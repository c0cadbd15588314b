import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { callChannel } from '../../electron/ipc/handlers';
import { screenshot, type AppUnderTest } from './harness';
import { appPerTest } from './perTest';

let app: AppUnderTest;

appPerTest(async (started) => {
  app = started;
  // Electron's preload gives the page window.appEvents; here the test plays the menu through it.
  await app.context.addInitScript(() => {
    const listeners: ((command: string) => void)[] = [];
    (window as unknown as { appEvents: unknown }).appEvents = {
      onMenuCommand(listener: (command: string) => void) {
        listeners.push(listener);
        return () => listeners.splice(listeners.indexOf(listener), 1);
      },
    };
    (window as unknown as { menu: (command: string) => void }).menu = (command) => listeners.forEach((l) => l(command));
  });
});

describe('Filer > Eksportér evalueringsrapport', () => {
  it('asks for the format, writes the DOCX where main chooses, and offers to show it in its folder', async () => {
    const { page } = app;
    const id = await app.projectId('Headstart');
    await app.open(`#/project/${id}/resume`);
    await expect.poll(() => page.getByTestId('resume-figure-implementation').textContent()).toBe('3,8');
    await page.evaluate(() => (window as unknown as { menu: (c: string) => void }).menu('exportReport'));
    const dialog = page.getByRole('dialog', { name: 'Eksportér evalueringsrapport' });
    await expect.poll(() => dialog.count()).toBe(1);
    expect(await dialog.textContent()).toContain('Slutevaluering 02.12.2022');
    await dialog.getByRole('radio', { name: /Word \(\.docx\)/ }).check();
    await screenshot(page, '30-report-dialog');
    await dialog.getByRole('button', { name: 'Eksportér' }).click();
    await expect.poll(() => page.getByText('Rapporten er gemt').count(), { timeout: 60_000 }).toBe(1);
    const saved = await page.getByTestId('saved-path').textContent();
    expect(saved).toMatch(/Tiltrækning af talent \(Headstart\) - evalueringsrapport\.docx$/);
    expect(await page.getByRole('button', { name: 'Vis i mappe' }).count()).toBe(1);
    await screenshot(page, '31-report-saved');
    const files = readdirSync(join(app.dir, 'exports'));
    expect(files).toEqual(['Tiltrækning af talent (Headstart) - evalueringsrapport.docx']);
    // A real Word file: a zip with the document part.
    const bytes = readFileSync(join(app.dir, 'exports', files[0]));
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(bytes.includes(Buffer.from('word/document.xml'))).toBe(true);
    expect(app.errors).toEqual([]);
  });

  it('on a project without a round, the menu says there is nothing to report on and opens no dialog', async () => {
    const { page } = app;
    const created = await callChannel(app.handlers, 'projectCreate', { facts: { name: 'Nyt projekt uden runde' } });
    if (!created.ok) throw new Error(created.error.message);
    await app.open(`#/project/${created.value.id}/resume`);
    await expect.poll(() => page.getByRole('button', { name: 'Evalueringsrapport' }).isDisabled()).toBe(true);
    await page.evaluate(() => (window as unknown as { menu: (c: string) => void }).menu('exportReport'));
    await expect.poll(() => page.getByText('Projektet har ingen evalueringsrunde at lave en rapport af.').count()).toBe(1);
    expect(await page.getByRole('dialog', { name: 'Eksportér evalueringsrapport' }).count()).toBe(0);
    expect(app.errors).toEqual([]);
  });

  it('the project button exports the PDF in English when chosen', async () => {
    const { page } = app;
    const id = await app.projectId('Headstart');
    await app.open(`#/project/${id}/resume`);
    await page.getByRole('button', { name: 'Evalueringsrapport' }).click();
    const dialog = page.getByRole('dialog', { name: 'Eksportér evalueringsrapport' });
    await dialog.getByText('English', { exact: true }).click();
    await dialog.getByRole('button', { name: 'Eksportér' }).click();
    await expect.poll(() => page.getByText('Rapporten er gemt').count(), { timeout: 60_000 }).toBe(1);
    const files = readdirSync(join(app.dir, 'exports'));
    expect(files).toEqual(['Tiltrækning af talent (Headstart) - evalueringsrapport.pdf']);
    const bytes = readFileSync(join(app.dir, 'exports', files[0]));
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(app.errors).toEqual([]);
  });
});
