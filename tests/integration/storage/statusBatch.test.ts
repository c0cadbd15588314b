import { openPortfolioStore } from '../../../electron/storage';
import { NotFoundError } from '../../../electron/storage/store';
import type { StatusReport } from '../../../shared/domain';
import { describeEngines } from '../../helpers/engines';
import { facts, goal, openTempStore, type StoreFixture } from './helpers';

let fx: StoreFixture;
beforeEach(async () => {
  fx = await openTempStore({ user: 'ane.evaluator' });
});
afterEach(async () => {
  await fx.cleanup();
});

type NewStatus = Omit<StatusReport, 'id' | 'createdAt'>;

async function twoGoals() {
  const p = await fx.store.createProject(facts());
  const a = await fx.store.createGoal(goal(p.id, { code: 'A1' }));
  const b = await fx.store.createGoal(goal(p.id, { code: 'A2', position: 1 }));
  return { p, a, b };
}

describe('addStatusReports (an import writes a file\'s statuses as one batch)', () => {
  it('stores and audits each report as addStatusReport does, in the order given', async () => {
    const { p, a, b } = await twoGoals();
    const reports: NewStatus[] = [
      { goalId: b.id, value: 12, reportedAt: '2024-06-30', reportedBy: 'BM', source: { file: 'rapport.xlsx', location: "Ark 'Mål', række 6" }, printedPercent: 40, denominator: null },
      { goalId: a.id, value: 3.5, reportedAt: '2024-06-30', reportedBy: 'BM', source: { file: 'rapport.xlsx', location: "Ark 'Mål', række 5" }, printedPercent: null },
      { goalId: b.id, value: null, reportedAt: '2024-07-01', reportedBy: '', source: { file: 'rapport.xlsx', location: '' }, printedPercent: null },
    ];
    const one = await fx.store.addStatusReport({ ...reports[0], reportedAt: '2024-01-01' });
    const created = await fx.store.addStatusReports(reports);

    expect(created.map((s) => [s.goalId, s.value, s.reportedAt])).toEqual([
      [b.id, 12, '2024-06-30'],
      [a.id, 3.5, '2024-06-30'],
      [b.id, null, '2024-07-01'],
    ]);
    expect(created.map((s) => s.id)).toEqual([one.id + 1, one.id + 2, one.id + 3]);
    // The same fields as one report written alone.
    const { id: _i, createdAt: _c, reportedAt: _r, ...alone } = one;
    const { id: _i2, createdAt: _c2, reportedAt: _r2, ...first } = created[0];
    expect(first).toEqual(alone);
    expect((await fx.store.listStatusReports(p.id)).filter((s) => s.id !== one.id)).toEqual(
      [...created].sort((x, y) => x.reportedAt.localeCompare(y.reportedAt) || x.id - y.id),
    );

    const audit = (await fx.store.listAudit({ entity: 'status' })).reverse(); // oldest first
    expect(audit.map((r) => [r.projectId, r.entityId, r.field, r.oldValue, r.user])).toEqual(
      [one, ...created].map((s) => [p.id, s.id, 'created', null, 'ane.evaluator']),
    );
    expect(audit.slice(1).map((r) => JSON.parse(r.newValue!))).toEqual(created);
  });

  it('refuses the whole batch when one goal is missing, writing nothing', async () => {
    const { p, a } = await twoGoals();
    const before = { statuses: (await fx.store.listStatusReports(p.id)).length, audit: (await fx.store.listAudit()).length };
    const ok: NewStatus = { goalId: a.id, value: 1, reportedAt: '2024-06-30', reportedBy: '', source: { file: 'f.xlsx', location: '' }, printedPercent: null };
    await expect(fx.store.addStatusReports([ok, { ...ok, goalId: 999_999 }])).rejects.toBeInstanceOf(NotFoundError);
    expect((await fx.store.listStatusReports(p.id)).length).toBe(before.statuses);
    expect((await fx.store.listAudit()).length).toBe(before.audit);
    expect(await fx.store.addStatusReports([])).toEqual([]);
  });
});

describe('changeMark (when reads of the file can be reused)', () => {
  it('stays while only reads happen and changes on a write, a rollback and another connection\'s commit', async () => {
    const { p } = await twoGoals();
    const first = await fx.store.changeMark();
    await fx.store.listGoals(p.id);
    expect(await fx.store.changeMark()).toBe(first);

    await fx.store.updateProject(p.id, { caseOfficer: 'Ny sagsbehandler' });
    const afterWrite = await fx.store.changeMark();
    expect(afterWrite).not.toBe(first);

    // A transaction that wrote and then failed: the data is back as it was, the mark is new.
    let inside = '';
    await expect(
      fx.store.transaction(async (tx) => {
        await tx.updateProject(p.id, { caseOfficer: 'Rulles tilbage' });
        inside = await tx.changeMark();
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    const afterRollback = await fx.store.changeMark();
    expect(new Set([first, afterWrite, inside, afterRollback]).size).toBe(4);
    expect((await fx.store.getProject(p.id))!.caseOfficer).toBe('Ny sagsbehandler');

    const other = await openPortfolioStore(fx.file, { user: 'anden' });
    try {
      await other.updateProject(p.id, { caseOfficer: 'Fra en anden forbindelse' });
    } finally {
      await other.close();
    }
    expect(await fx.store.changeMark()).not.toBe(afterRollback);
  });
});

describeEngines('listStatusKeys (what an import compares a found status with)', () => {
  it('gives listStatusReports\' statuses in its order, each with its goal, date, value and file only', async () => {
    const { p, a, b } = await twoGoals();
    const other = await fx.store.createProject(facts({ name: 'Et andet projekt' }));
    const elsewhere = await fx.store.createGoal(goal(other.id, { code: 'A1' }));
    await fx.store.addStatusReports([
      { goalId: b.id, value: 12, reportedAt: '2024-06-30', reportedBy: 'BM', source: { file: 'rapport.xlsx', location: "Ark 'Mål', celle E6" }, printedPercent: 40, denominator: 30 },
      { goalId: a.id, value: null, reportedAt: '2023-12-31', reportedBy: '', source: { file: '', location: '' }, printedPercent: null },
      { goalId: elsewhere.id, value: 5, reportedAt: '2024-01-01', reportedBy: '', source: { file: 'andet.xlsx', location: '' }, printedPercent: null },
      { goalId: a.id, value: 3.25, reportedAt: '2024-06-30', reportedBy: 'BM', source: { file: 'rapport.xlsx', location: "Ark 'Mål', celle E5" }, printedPercent: null },
    ]);
    const full = await fx.store.listStatusReports(p.id);
    expect(full).toHaveLength(3);
    expect(await fx.store.listStatusKeys(p.id)).toEqual(full.map((s) => ({ id: s.id, goalId: s.goalId, value: s.value, reportedAt: s.reportedAt, source: { file: s.source.file } })));
    expect((await fx.store.listStatusKeys(p.id)).map((s) => [s.value, s.reportedAt])).toEqual([
      [null, '2023-12-31'],
      [12, '2024-06-30'],
      [3.25, '2024-06-30'],
    ]);
  });
});
