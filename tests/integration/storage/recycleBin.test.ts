import { ConflictError } from '../../../electron/storage';
import { facts, goal, openTempStore, type StoreFixture } from './helpers';
import { describeEngines } from '../../helpers/engines';

describeEngines('recycle bin', () => {
  let fx: StoreFixture;
  beforeEach(async () => {
    fx = await openTempStore();
  });
  afterEach(async () => {
    await fx.cleanup();
  });

  async function projectWithGoal(name = 'Grøn Omstilling i SMV') {
    const store = fx.store;
    const p = await store.createProject(facts({ name }));
    const g = await store.createGoal(goal(p.id, { code: 'A1', description: 'Deltagere i forløb' }));
    await store.addStatusReport({ goalId: g.id, value: 40, reportedAt: '2022-06-01', reportedBy: 'Mette', source: { file: '', location: '' }, printedPercent: null });
    await store.addStatusReport({ goalId: g.id, value: 70, reportedAt: '2022-11-01', reportedBy: 'Mette', source: { file: '', location: '' }, printedPercent: null });
    return { p, g };
  }

  describe('recycle bin (storage)', () => {
    it('a deleted goal is listed with its project, when and by whom, and comes back with its id and its status history', async () => {
      const store = fx.store;
      const { p, g } = await projectWithGoal();
      const before = await store.listStatusReports(p.id);
      await store.deleteGoal(g.id);
      expect(await store.listGoals(p.id)).toEqual([]);
      expect(await store.listStatusReports(p.id)).toEqual([]);

      const bin = await store.listRecycleBin();
      expect(bin).toEqual([
        expect.objectContaining({ kind: 'goal', projectId: p.id, projectName: 'Grøn Omstilling i SMV', label: 'A1: Deltagere i forløb', deletedBy: 'evaluator1', projectDeleted: false }),
      ]);
      expect(bin[0]!.deletedAt).toMatch(/^2024-03-01T10:/);

      const restored = await store.restoreGoal(bin[0]!.id);
      expect(restored).toEqual(g);
      expect(await store.listGoals(p.id)).toEqual([g]);
      expect(await store.listStatusReports(p.id)).toEqual(before);
      expect(await store.listRecycleBin()).toEqual([]);
      const audit = await store.listAudit();
      expect(audit.map((a) => a.field)).toEqual(expect.arrayContaining(['deleted', 'restored']));
    });

    it('lists deleted projects and goals together, newest first', async () => {
      const store = fx.store;
      const { g } = await projectWithGoal('Projekt A');
      const other = await store.createProject(facts({ name: 'Projekt B' }));
      await store.deleteGoal(g.id);
      await store.deleteProject(other.id);
      const bin = await store.listRecycleBin();
      expect(bin.map((e) => [e.kind, e.label])).toEqual([
        ['project', 'Projekt B'],
        ['goal', 'A1: Deltagere i forløb'],
      ]);
      expect(bin[0]).toMatchObject({ deletedBy: 'evaluator1', projectDeleted: true });
    });

    it('a goal of a deleted project cannot be restored before its project, and can after', async () => {
      const store = fx.store;
      const { p, g } = await projectWithGoal();
      await store.deleteGoal(g.id);
      await store.deleteProject(p.id);
      const entry = (await store.listRecycleBin()).find((e) => e.kind === 'goal')!;
      expect(entry.projectDeleted).toBe(true);
      await expect(store.restoreGoal(entry.id)).rejects.toThrow(ConflictError);
      await expect(store.restoreGoal(entry.id)).rejects.toThrow(/Gendan projektet først/);
      expect((await store.listRecycleBin()).length).toBe(2);
      await store.restoreProject(p.id);
      expect(await store.restoreGoal(entry.id)).toEqual(g);
    });

    it('empties everything by hand, or only what was deleted before a cut-off (the 30-day rule), for good', async () => {
      const store = fx.store;
      const { p, g } = await projectWithGoal('Projekt A');
      await store.deleteGoal(g.id);
      const later = await store.createProject(facts({ name: 'Projekt B' }));
      await store.deleteProject(later.id);
      const cutoff = (await store.listRecycleBin()).find((e) => e.kind === 'project')!.deletedAt;

      // The goal was deleted before the project: a cut-off at the project's deletion takes the goal only.
      expect(await store.emptyRecycleBin({ deletedBefore: cutoff })).toBe(1);
      expect((await store.listRecycleBin()).map((e) => e.label)).toEqual(['Projekt B']);
      expect(await store.listGoals(p.id)).toEqual([]);

      expect(await store.emptyRecycleBin()).toBe(1);
      expect(await store.listRecycleBin()).toEqual([]);
      await expect(store.restoreProject(later.id)).rejects.toThrow();
    });
  });
});
