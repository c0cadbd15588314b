import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pdfLines } from '../../electron/import/pdf';
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

  it('on a project without a round, the button and the menu make its project status, not an evaluation', async () => {
    const { page } = app;
    const id = await app.projectId('Talent Management');
    await app.open(`#/project/${id}/resume`);
    const button = page.getByRole('button', { name: 'Projektstatus (uden evaluering)' });
    await expect.poll(() => button.isEnabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Evalueringsrapport' }).count()).toBe(0);
    // The menu opens the same dialog.
    await page.evaluate(() => (window as unknown as { menu: (c: string) => void }).menu('exportReport'));
    const dialog = page.getByRole('dialog', { name: 'Eksportér projektstatus' });
    await expect.poll(() => dialog.count()).toBe(1);
    expect(await dialog.textContent()).toContain('Projektstatussen er ikke en evaluering');
    await screenshot(page, '32-project-status-dialog');
    await dialog.getByRole('button', { name: 'Eksportér' }).click();
    await expect.poll(() => page.getByText('Projektstatussen er gemt').count(), { timeout: 60_000 }).toBe(1);
    const files = readdirSync(join(app.dir, 'exports'));
    expect(files).toEqual(['Talent Management - projektstatus.pdf']);
    const lines = await pdfLines(readFileSync(join(app.dir, 'exports', files[0])), files[0]);
    const text = lines.map((l) => l.text).join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('Ingen evalueringsrunde endnu');
    expect(text).toContain('30 af 124 (24 %)');
    expect(text).not.toMatch(/Trafiklys|Gennemsnitlig score|Intet lys/);
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
