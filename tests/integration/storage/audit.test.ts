import { facts, goal, openTempStore } from './helpers';
import type { StoreFixture } from './helpers';
import { describeEngines } from '../../helpers/engines';

describeEngines('audit', () => {
  let fx: StoreFixture;
  beforeEach(async () => {
    fx = await openTempStore({ user: 'ane.evaluator' });
  });
  afterEach(async () => {
    await fx.cleanup();
  });

  async function setup() {
    const p = await fx.store.createProject(facts());
    const e = await fx.store.createEvaluation({
      projectId: p.id,
      type: 'final',
      date: '2024-12-31',
      evaluator: 'Ane',
      budgetSpentKr: null,
      budgetTotalReportedKr: null,
      monthsElapsedReported: null,
      monthsTotalReported: null,
      progressReportedBy: '',
      progressReportedAt: null,
      overallStatus: '',
    });
    const g = await fx.store.createGoal(goal(p.id));
    return { p, e, g };
  }

  describe('audit log', () => {
    it('records a score change with old/new value, user and time', async () => {
      const { p, e } = await setup();
      await fx.store.setScore({ evaluationId: e.id, parameter: 3, score: 2, headline: 'Svag', text: '' });
      const before = (await fx.store.listAudit()).length;
      await fx.store.setScore({ evaluationId: e.id, parameter: 3, score: 4, headline: 'Svag', text: '' });
      const audit = await fx.store.listAudit({ entity: 'score' });
      expect(audit[0]).toEqual({
        id: expect.any(Number),
        at: expect.stringMatching(/^2024-03-01T10:00:\d\d\.000Z$/),
        user: 'ane.evaluator',
        projectId: p.id,
        entity: 'score',
        entityId: e.id,
        field: 'score.3',
        oldValue: '2',
        newValue: '4',
      });
      // Only the score changed: exactly one new row.
      expect((await fx.store.listAudit()).length).toBe(before + 1);
      // The first save recorded score and headline (text stayed '').
      expect(audit.map((a) => `${a.field}:${a.oldValue}->${a.newValue}`)).toEqual(['score.3:2->4', 'headline.3:->Svag', 'score.3:null->2']);
    });

    it('records a light override and its reason', async () => {
      const { p, e } = await setup();
      await fx.store.setLightDecision({ evaluationId: e.id, kind: 'goals', suggested: 'red', override: null, reason: '', text: '' });
      await fx.store.setLightDecision({ evaluationId: e.id, kind: 'goals', suggested: 'red', override: 'yellow', reason: 'Data forsinket', text: '' });
      const audit = await fx.store.listAudit({ entity: 'light', projectId: p.id });
      expect(audit.slice(0, 2).map((a) => [a.field, a.oldValue, a.newValue, a.user, a.entityId])).toEqual([
        ['reason.goals', '', 'Data forsinket', 'ane.evaluator', e.id],
        ['override.goals', null, 'yellow', 'ane.evaluator', e.id],
      ]);
      expect(audit).toHaveLength(3); // + the first save's suggestion
    });

    it('records a target change', async () => {
      const { p, g } = await setup();
      await fx.store.updateGoal(g.id, { targetInPeriod: 150 });
      await fx.store.updateGoal(g.id, { targetInPeriod: null });
      const audit = await fx.store.listAudit({ entity: 'goal' });
      expect(audit.slice(0, 2).map((a) => [a.field, a.oldValue, a.newValue, a.projectId, a.entityId])).toEqual([
        ['targetInPeriod', '150', null, p.id, g.id],
        ['targetInPeriod', '120', '150', p.id, g.id],
      ]);
    });

    it('records an added status report as JSON', async () => {
      const { p, g } = await setup();
      const s = await fx.store.addStatusReport({ goalId: g.id, value: null, reportedAt: '2023-05-01', reportedBy: 'BM', source: { file: 'a.pdf', location: 'side 3' }, printedPercent: null });
      const [row] = await fx.store.listAudit({ entity: 'status' });
      expect(row).toMatchObject({ projectId: p.id, entityId: s.id, field: 'created', oldValue: null, user: 'ane.evaluator' });
      expect(JSON.parse(row.newValue!)).toEqual(s);
    });

    it('writes no row when a value is saved unchanged', async () => {
      const { p, e, g } = await setup();
      await fx.store.setScore({ evaluationId: e.id, parameter: 1, score: 3, headline: 'h', text: 't' });
      await fx.store.setLightDecision({ evaluationId: e.id, kind: 'effect', suggested: 'green', override: null, reason: '', text: '' });
      const count = (await fx.store.listAudit()).length;
      const digest = await fx.store.dataDigest();
      await fx.store.setScore({ evaluationId: e.id, parameter: 1, score: 3, headline: 'h', text: 't' });
      await fx.store.setLightDecision({ evaluationId: e.id, kind: 'effect', suggested: 'green', override: null, reason: '', text: '' });
      await fx.store.updateGoal(g.id, { targetInPeriod: 120, code: 'A1' });
      const unchanged = await fx.store.updateProject(p.id, { name: p.name, totalBudgetKr: p.totalBudgetKr });
      await fx.store.updateEvaluation(e.id, { evaluator: 'Ane', budgetSpentKr: null });
      await fx.store.setSetting('x', 'y');
      await fx.store.setSetting('x', 'y');
      expect((await fx.store.listAudit()).length).toBe(count + 1); // only the first setSetting
      expect(unchanged.updatedAt).toBe(p.updatedAt);
      await fx.store.setSetting('x', 'y');
      expect(await fx.store.dataDigest()).not.toBe(digest); // the setting changed data ...
    });

    it('records project facts, evaluation fields, deletes and restores', async () => {
      const { p, e, g } = await setup();
      await fx.store.updateProject(p.id, { totalBudgetKr: 99.5, caseOfficer: 'Ny' });
      await fx.store.updateEvaluation(e.id, { monthsElapsedReported: 12 });
      await fx.store.deleteGoal(g.id);
      await fx.store.deleteProject(p.id);
      await fx.store.restoreProject(p.id);
      const audit = await fx.store.listAudit({ projectId: p.id });
      const lines = audit.map((a) => `${a.entity}.${a.field}:${a.oldValue === null ? 'null' : a.oldValue.slice(0, 30)}->${a.newValue === null ? 'null' : a.newValue.slice(0, 30)}`);
      expect(lines.slice(0, 6)).toEqual([
        `project.deletedAt:${audit[1].newValue}->null`,
        `project.deletedAt:null->${audit[1].newValue}`,
        `goal.deleted:${audit[2].oldValue!.slice(0, 30)}->null`,
        'evaluation.monthsElapsedReported:null->12',
        'project.totalBudgetKr:12345678.91->99.5',
        'project.caseOfficer:Mette Jensen->Ny',
      ]);
      expect(JSON.parse(audit[2].oldValue!)).toMatchObject({ id: g.id, code: 'A1' });
    });

    it('filters by text, entity, limit and offset, newest first', async () => {
      const { p } = await setup();
      await fx.store.updateProject(p.id, { description: 'Noget med 50% rabat' });
      await fx.store.updateProject(p.id, { description: 'Andet' });
      const hits = await fx.store.listAudit({ text: '50%' });
      // Matches the row that set it and the row that replaced it (old value), not '50 rabat'-like text.
      expect(hits.map((a) => [a.oldValue, a.newValue])).toEqual([
        ['Noget med 50% rabat', 'Andet'],
        ['Opkvalificering af ufaglærte.', 'Noget med 50% rabat'],
      ]);
      expect(await fx.store.listAudit({ text: '_' })).toEqual([]);
      const all = await fx.store.listAudit();
      expect(all.map((a) => a.id)).toEqual([...all.map((a) => a.id)].sort((a, b) => b - a));
      const page = await fx.store.listAudit({ limit: 2, offset: 1 });
      expect(page.map((a) => a.id)).toEqual(all.slice(1, 3).map((a) => a.id));
      expect((await fx.store.listAudit({ entity: 'evaluation' })).every((a) => a.entity === 'evaluation')).toBe(true);
    });
  });
});
