import { callChannel } from '../../electron/ipc/handlers';
import { applyImport, previewImport } from '../../electron/import/service';
import { screenshot, type AppUnderTest } from './harness';
import { appPerTest } from './perTest';

let app: AppUnderTest;
appPerTest((started) => {
  app = started;
});

/** The grant recipient's status file for Headstart, dated the round's day (02.12.2022): in force for the round. */
const CSV = 'Kode;Status;Dato;Rapporteret af\nB1;230;02.12.2022;Bevillingsmodtager\nB2;40;02.12.2022;Bevillingsmodtager\n';

async function importReport(projectId: number) {
  const p = await previewImport(app.services.store, [{ name: 'status.csv', bytes: new TextEncoder().encode(CSV) }], { projectId });
  if (!p.canApply) throw new Error(p.issues.map((i) => i.message).join('; '));
  await applyImport(app.services.store, { projectId, items: p.items, files: p.files });
}

describe('approval of reported figures in Chromium over the real handler table', () => {
  it('shows imported statuses as "Indrapporteret", approves one, returns one with a comment, and the audit log has both', async () => {
    const { page } = app;
    const projectId = await app.projectId('Headstart');
    await importReport(projectId);
    await app.open(`#/project/${projectId}/goals`);

    const b1 = page.getByTestId('goal-approval-B1');
    await expect.poll(() => b1.textContent()).toContain('Indrapporteret');
    expect(await page.getByTestId('goal-status-B1').textContent()).toMatch(/^230/);
    expect(await page.getByTestId('pending-approvals').textContent()).toContain('2 indrapporterede tal afventer godkendelse');
    // A status entered by hand (the demo's B4) carries no mark.
    expect(await page.getByTestId('goal-approval-B4').count()).toBe(0);
    await screenshot(page, '60-approval-reported');

    await b1.getByRole('button', { name: 'Godkend status for B1' }).click();
    await expect.poll(() => page.getByTestId('goal-approval-B1').textContent()).toMatch(/^Godkendt af e2e \d\d\.\d\d\.\d{4}$/);
    expect(await page.getByTestId('pending-approvals').textContent()).toContain('1 indrapporteret tal afventer godkendelse');

    await page.getByTestId('goal-approval-B2').getByRole('button', { name: 'Returnér status for B2 med en kommentar' }).click();
    const dialog = page.getByRole('dialog', { name: 'Returnér status for B2 til bevillingsmodtageren' });
    await dialog.getByRole('button', { name: 'Returnér' }).click();
    await expect.poll(() => dialog.getByText('Skriv en kommentar for at returnere tallet.').count()).toBe(1);
    await dialog.getByRole('textbox', { name: /Kommentar/ }).fill('Antallet stemmer ikke med deltagerlisten.');
    await screenshot(page, '61-approval-return');
    await dialog.getByRole('button', { name: 'Returnér' }).click();
    await expect.poll(() => page.getByTestId('goal-approval-B2').textContent()).toMatch(/^Returneret af e2e \d\d\.\d\d\.\d{4}: Antallet stemmer ikke med deltagerlisten\.$/);
    await expect.poll(() => page.getByTestId('pending-approvals').count()).toBe(0);
    await screenshot(page, '62-approval-done');

    const audit = await callChannel(app.handlers, 'auditList', { projectId, entity: 'status' });
    if (!audit.ok) throw new Error(audit.error.message);
    expect(audit.value.filter((a) => a.field === 'approval').map((a) => [a.user, a.newValue]).sort()).toEqual([
      ['e2e', 'approved'],
      ['e2e', 'returned'],
    ]);
    expect(audit.value.find((a) => a.field === 'returnComment')?.newValue).toBe('Antallet stemmer ikke med deltagerlisten.');
    expect(app.errors).toEqual([]);
  });
});
