import { callChannel } from '../../../electron/ipc/handlers';
import { handlerTableFixture } from '../../helpers/handlerTable';
import { describeEngines } from '../../helpers/engines';
import { applyImport, previewImport } from '../../../electron/import/service';
import { approvalText } from '../../../shared/approval';

const { fx, ok } = handlerTableFixture('approvals', { user: 'Sara Sagsbehandler' });

/** A project with goals B1 and B2 and a grant recipient's status file imported. */
async function reportedProject() {
  const project = await ok('projectCreate', { facts: { name: 'Godkendelse' } });
  await ok('goalCreate', { projectId: project.id, goal: { level: 'B', code: 'B1', description: 'Deltagere', targetInPeriod: 100 } });
  await ok('goalCreate', { projectId: project.id, goal: { level: 'B', code: 'B2', description: 'Virksomheder', targetInPeriod: 20 } });
  const csv = new TextEncoder().encode('Kode;Mål i perioden;Status;Dato\nB1;100;80;01.03.2023\nB2;20;12;01.03.2023\n');
  const p = await previewImport(fx.services.store, [{ name: 'status.csv', bytes: csv }], { projectId: project.id });
  await applyImport(fx.services.store, { projectId: project.id, items: p.items, files: p.files });
  return project.id;
}

describeEngines('approval of reported figures over IPC', () => {
  it('approves every reported figure of the project at once; then there is nothing left to approve', async () => {
    const projectId = await reportedProject();
    const before = await ok('projectGet', { projectId });
    expect(before.statusReports.map((s) => approvalText(s.approval))).toEqual(['Indrapporteret', 'Indrapporteret']);
    const result = await ok('figuresApprove', { projectId });
    expect(result).toMatchObject({ count: 2, decision: { state: 'approved', by: 'Sara Sagsbehandler' } });
    const after = await ok('projectGet', { projectId });
    expect(after.statusReports.every((s) => /^Godkendt af Sara Sagsbehandler \d{2}\.\d{2}\.\d{4}$/.test(approvalText(s.approval)))).toBe(true);
    const again = await callChannel(fx.table, 'figuresApprove', { projectId });
    expect(again).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Projektet har ingen indrapporterede tal, der afventer godkendelse.' } });
  });

  it('returns one figure with a comment; without a comment it is refused and nothing changes', async () => {
    const projectId = await reportedProject();
    const [b1] = (await ok('projectGet', { projectId })).statusReports;
    const refused = await callChannel(fx.table, 'figuresReturn', { projectId, figures: [{ kind: 'status', id: b1.id }], comment: ' ' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'REASON_REQUIRED' } });
    await ok('figuresReturn', { projectId, figures: [{ kind: 'status', id: b1.id }], comment: 'Dokumentation mangler' });
    const [s1, s2] = (await ok('projectGet', { projectId })).statusReports;
    expect(approvalText(s1.approval)).toMatch(/^Returneret af Sara Sagsbehandler \d{2}\.\d{2}\.\d{4}: Dokumentation mangler$/);
    expect(s2.approval?.state).toBe('reported');
    // A figure of another project is refused by name.
    const other = await ok('projectCreate', { facts: { name: 'Andet' } });
    const wrong = await callChannel(fx.table, 'figuresApprove', { projectId: other.id, figures: [{ kind: 'status', id: s2.id }] });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: `Statusrapport ${s2.id} hører ikke til projektet "Andet".` } });
    // Approving the returned one is refused (CONFLICT), naming it.
    const twice = await callChannel(fx.table, 'figuresApprove', { projectId, figures: [{ kind: 'status', id: s1.id }] });
    expect(twice).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(twice.ok ? '' : twice.error.message).toMatch(/^Status for mål B1 \(01\.03\.2023\) kan ikke godkendes: det er returneret af Sara Sagsbehandler/);
  });
});
