import { ConflictError, LockedError, type PortfolioStore } from '../../../electron/storage';
import { applyImport, previewImport } from '../../../electron/import/service';
import { blankEvaluation, type FigureRef } from '../../../shared/domain';
import { approvalText } from '../../../shared/approval';
import type { ImportItem } from '../../../shared/import/items';
import { STORE_TEST_USER, describeEngines } from '../../helpers/engines';
import { facts, goal, openTempStore, type StoreFixture } from './helpers';

const enc = (s: string) => new TextEncoder().encode(s);

describeEngines('approval of reported figures', () => {
  let fx: StoreFixture;
  let store: PortfolioStore;
  beforeEach(async () => {
    fx = await openTempStore();
    store = fx.store;
  });
  afterEach(async () => {
    await fx.cleanup();
  });

  /** A project with goal B1 and a status entered by hand, then a grant recipient's status file and budget figures imported. */
  async function imported() {
    const p = await store.createProject(facts());
    const b1 = await store.createGoal(goal(p.id, { level: 'B', code: 'B1', targetInPeriod: 256 }));
    const manual = await store.addStatusReport({ goalId: b1.id, value: 100, reportedAt: '2023-01-15', reportedBy: 'Sagsbehandler', source: { file: '', location: '' }, printedPercent: null });
    const round = await store.createEvaluation(blankEvaluation(p.id, 'midterm', '2023-06-30', 'Lars Holm'));
    const preview = await previewImport(store, [{ name: 'status-2023.csv', bytes: enc('Kode;Mål i perioden;Status;Dato\nB1;256;240;01.03.2023\n') }], { projectId: p.id });
    expect(preview.canApply).toBe(true);
    const progress: ImportItem = {
      id: 'x-1',
      type: 'progress',
      source: { file: 'fremdrift.xlsx', location: 'Ark Budget' },
      budgetSpentKr: 4_100_000,
      budgetTotalKr: 8_000_000,
      monthsElapsed: 12,
      monthsTotal: 36,
      reportedAt: '2023-03-01',
      reportedBy: 'Bevillingsmodtager',
    };
    await applyImport(store, { projectId: p.id, evaluationId: round.id, items: [...preview.items, progress], files: preview.files });
    const statuses = await store.listStatusReports(p.id);
    const reported = statuses.find((s) => s.id !== manual.id)!;
    return { p, b1, manual, reported, round };
  }

  it('an import makes its statuses and budget figures "indrapporteret"; a status entered by hand is not from a report', async () => {
    const { p, manual, reported, round } = await imported();
    expect(reported).toMatchObject({ value: 240, approval: { state: 'reported', by: '', at: null, comment: '' } });
    expect(approvalText(reported.approval)).toBe('Indrapporteret');
    const hand = (await store.listStatusReports(p.id)).find((s) => s.id === manual.id)!;
    expect(hand.approval ?? null).toBeNull();
    expect(approvalText(hand.approval)).toBe('');
    const e = (await store.getEvaluation(round.id))!;
    expect(e).toMatchObject({ budgetSpentKr: 4_100_000, progressApproval: { state: 'reported' } });
    // A round made by hand has no reported figures.
    const other = await store.createEvaluation(blankEvaluation(p.id, 'final', '2024-12-01'));
    expect((await store.getEvaluation(other.id))!.progressApproval ?? null).toBeNull();
  });

  it('approving records who and when, in the audit log too', async () => {
    const { p, reported, round } = await imported();
    const decision = await store.approveFigures([{ kind: 'status', id: reported.id }, { kind: 'progress', evaluationId: round.id }]);
    expect(decision).toMatchObject({ state: 'approved', by: STORE_TEST_USER, comment: '' });
    const s = (await store.listStatusReports(p.id)).find((x) => x.id === reported.id)!;
    expect(s.approval).toEqual(decision);
    expect(s.approval!.at).toMatch(/^2024-03-01T10:/);
    expect(approvalText(s.approval)).toBe(`Godkendt af ${STORE_TEST_USER} 01.03.2024`);
    expect((await store.getEvaluation(round.id))!.progressApproval).toEqual(decision);
    const audit = await store.listAudit({ projectId: p.id });
    expect(audit.find((a) => a.entity === 'status' && a.field === 'approval')).toMatchObject({ entityId: reported.id, oldValue: 'reported', newValue: 'approved', user: STORE_TEST_USER });
    expect(audit.find((a) => a.entity === 'evaluation' && a.field === 'progressApproval' && a.newValue === 'approved')).toMatchObject({ entityId: round.id, oldValue: 'reported', user: STORE_TEST_USER });
  });

  it('returning requires a comment; with one it is kept and audited', async () => {
    const { p, reported } = await imported();
    const ref: FigureRef[] = [{ kind: 'status', id: reported.id }];
    const auditBefore = (await store.listAudit()).length;
    await expect(store.returnFigures(ref, '   ')).rejects.toThrow(/Skriv en kommentar/);
    expect((await store.listStatusReports(p.id)).find((x) => x.id === reported.id)!.approval!.state).toBe('reported');
    expect((await store.listAudit()).length).toBe(auditBefore);

    await store.returnFigures(ref, ' Tallet stemmer ikke med deltagerlisten. ');
    const s = (await store.listStatusReports(p.id)).find((x) => x.id === reported.id)!;
    expect(s.approval).toMatchObject({ state: 'returned', by: STORE_TEST_USER, comment: 'Tallet stemmer ikke med deltagerlisten.' });
    expect(approvalText(s.approval)).toBe(`Returneret af ${STORE_TEST_USER} 01.03.2024: Tallet stemmer ikke med deltagerlisten.`);
    const audit = await store.listAudit({ projectId: p.id, entity: 'status' });
    expect(audit.find((a) => a.field === 'returnComment')).toMatchObject({ entityId: reported.id, newValue: 'Tallet stemmer ikke med deltagerlisten.' });
    // A returned figure waits for a new report: it cannot be approved as it is.
    await expect(store.approveFigures(ref)).rejects.toThrow(/returneret af .*afventer en ny indrapportering/);
  });

  it('approving twice is refused, naming who approved it, and nothing changes', async () => {
    const { p, reported } = await imported();
    await store.approveFigures([{ kind: 'status', id: reported.id }]);
    const before = await store.listStatusReports(p.id);
    const auditBefore = (await store.listAudit()).length;
    const error = await store.approveFigures([{ kind: 'status', id: reported.id }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toBe(`Status for mål B1 (01.03.2023) kan ikke godkendes: det er allerede godkendt af ${STORE_TEST_USER} 01.03.2024. Intet er gemt.`);
    expect(await store.listStatusReports(p.id)).toEqual(before);
    expect((await store.listAudit()).length).toBe(auditBefore);
  });

  it('a status entered by hand is not for approval; a batch with one is refused whole', async () => {
    const { p, manual, reported } = await imported();
    await expect(store.approveFigures([{ kind: 'status', id: manual.id }])).rejects.toThrow(/Status for mål B1 \(15\.01\.2023\) kan ikke godkendes: det er ikke indrapporteret/);
    await expect(store.approveFigures([{ kind: 'status', id: reported.id }, { kind: 'status', id: manual.id }])).rejects.toThrow(ConflictError);
    expect((await store.listStatusReports(p.id)).find((x) => x.id === reported.id)!.approval!.state).toBe('reported');
    await expect(store.approveFigures([])).rejects.toThrow(/vælg mindst ét/);
  });

  it('a figure sealed by a final round is refused with the round named', async () => {
    const { p, reported, round } = await imported();
    await store.finalizeEvaluation(round.id);
    const error = await store.approveFigures([{ kind: 'status', id: reported.id }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LockedError);
    expect((error as Error).message).toMatch(/^Midtvejsevalueringen 30\.06\.2023 er afsluttet af .* og er låst: status for mål B1 kan ikke godkendes\. Genåbn runden/);
    await expect(store.returnFigures([{ kind: 'progress', evaluationId: round.id }], 'Forkert')).rejects.toThrow(/og er låst: budget- og tidstallene kan ikke returneres/);
    expect((await store.listStatusReports(p.id)).find((x) => x.id === reported.id)!.approval!.state).toBe('reported');
    // Reopened (with a reason), the round's figures can be approved.
    await store.reopenEvaluation(round.id, 'Godkendelse af indrapporterede tal');
    await store.approveFigures([{ kind: 'status', id: reported.id }, { kind: 'progress', evaluationId: round.id }]);
    expect((await store.getEvaluation(round.id))!.progressApproval!.state).toBe('approved');
  });
});
