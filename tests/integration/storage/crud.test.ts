import path from 'node:path';
import { ConflictError, NotFoundError, defaultPortfolioPath } from '../../../electron/storage';
import { DEFAULT_PROFILE } from '../../../shared/methodology/profile';
import type { Evaluation } from '../../../shared/domain';
import { facts, goal, openTempStore } from './helpers';
import type { StoreFixture } from './helpers';
import { describeEngines } from '../../helpers/engines';

describeEngines('store CRUD', () => {
  let fx: StoreFixture;
  beforeEach(async () => {
    fx = await openTempStore();
  });
  afterEach(async () => {
    await fx.cleanup();
  });

  function evaluationInput(projectId: number, overrides: Partial<Evaluation> = {}): Omit<Evaluation, 'id' | 'createdAt'> {
    return {
      projectId,
      type: 'midterm',
      date: '2023-06-30',
      evaluator: 'Lars Holm',
      budgetSpentKr: 4_100_000.05,
      budgetTotalReportedKr: null,
      monthsElapsedReported: 18,
      monthsTotalReported: null,
      progressReportedBy: 'Bevillingsmodtager',
      progressReportedAt: null,
      overallStatus: 'Projektet er godt i gang.',
      ...overrides,
    };
  }

  describe('projects', () => {
    it('round-trips the fact box with øre precision and timestamps from the clock', async () => {
      const created = await fx.store.createProject(facts());
      expect(created).toEqual({
        id: created.id,
        ...facts(),
        totalBudgetKr: 12_345_678.91,
        createdAt: '2024-03-01T10:00:00.000Z',
        updatedAt: '2024-03-01T10:00:00.000Z',
        version: 1,
      });
      expect(await fx.store.getProject(created.id)).toEqual(created);
      expect(await fx.store.findProjectByName('Grøn Omstilling i SMV')).toEqual(created);
      expect(await fx.store.findProjectByName('grøn omstilling i smv')).toBeNull();
    });

    it('keeps null amounts and dates null, and rounds kr to whole øre', async () => {
      const p = await fx.store.createProject(facts({ totalBudgetKr: null, periodStart: null, periodEnd: null }));
      expect(p.totalBudgetKr).toBeNull();
      expect(p.periodStart).toBeNull();
      const updated = await fx.store.updateProject(p.id, { totalBudgetKr: 0.1 + 0.2 });
      expect(updated.totalBudgetKr).toBe(0.3);
      const rounded = await fx.store.updateProject(p.id, { totalBudgetKr: 1999.999 });
      expect(rounded.totalBudgetKr).toBe(2000);
      const zero = await fx.store.updateProject(p.id, { totalBudgetKr: 0 });
      expect(zero.totalBudgetKr).toBe(0);
    });

    it('updates only the patched fields and bumps updatedAt', async () => {
      const p = await fx.store.createProject(facts());
      const u = await fx.store.updateProject(p.id, { caseOfficer: 'Ole Sørensen', periodEnd: null });
      expect(u.caseOfficer).toBe('Ole Sørensen');
      expect(u.periodEnd).toBeNull();
      expect(u.grantRecipient).toBe(p.grantRecipient);
      expect(u.createdAt).toBe(p.createdAt);
      expect(u.updatedAt > p.updatedAt).toBe(true);
    });

    it('lists by name and hides soft-deleted projects until restored', async () => {
      const b = await fx.store.createProject(facts({ name: 'Beta' }));
      const a = await fx.store.createProject(facts({ name: 'alfa' }));
      expect((await fx.store.listProjects()).map((p) => p.name)).toEqual(['alfa', 'Beta']);
      expect(await fx.store.countProjects()).toBe(2);

      await fx.store.deleteProject(b.id);
      expect((await fx.store.listProjects()).map((p) => p.id)).toEqual([a.id]);
      // The count the portfolio's title bar shows (portfolio:info) leaves the deleted one out.
      expect(await fx.store.countProjects()).toBe(1);
      expect((await fx.store.listProjects({ includeDeleted: true })).map((p) => p.id)).toEqual([a.id, b.id]);
      expect(await fx.store.getProject(b.id)).toBeNull();
      expect(await fx.store.findProjectByName('Beta')).toBeNull();
      await expect(fx.store.updateProject(b.id, { name: 'Gamma' })).rejects.toBeInstanceOf(NotFoundError);

      const restored = await fx.store.restoreProject(b.id);
      expect(restored.name).toBe('Beta');
      expect((await fx.store.listProjects()).map((p) => p.id)).toEqual([a.id, b.id]);
      expect(await fx.store.countProjects()).toBe(2);
    });

    it('refuses two live projects with the same name, but allows reusing a deleted name', async () => {
      const p = await fx.store.createProject(facts());
      await expect(fx.store.createProject(facts())).rejects.toBeInstanceOf(ConflictError);
      await fx.store.deleteProject(p.id);
      const again = await fx.store.createProject(facts());
      expect(again.id).not.toBe(p.id);
      await expect(fx.store.restoreProject(p.id)).rejects.toBeInstanceOf(ConflictError);
    });

    it('throws NotFoundError for missing projects', async () => {
      await expect(fx.store.updateProject(999, { name: 'x' })).rejects.toBeInstanceOf(NotFoundError);
      await expect(fx.store.deleteProject(999)).rejects.toBeInstanceOf(NotFoundError);
      await expect(fx.store.restoreProject(999)).rejects.toBeInstanceOf(NotFoundError);
      expect(await fx.store.getProject(999)).toBeNull();
    });
  });

  describe('goals and status reports', () => {
    it('round-trips goals with null targets and orders by position then id', async () => {
      const p = await fx.store.createProject(facts());
      const g2 = await fx.store.createGoal(goal(p.id, { code: 'B1', level: 'B', position: 2 }));
      const g1 = await fx.store.createGoal(
        goal(p.id, { code: 'C1', level: 'C', position: 1, targetInPeriod: null, targetAfterPeriod: 40, direction: 'lower', baseline: 12.5 }),
      );
      const g3 = await fx.store.createGoal(goal(p.id, { code: 'A1', position: 2 }));
      // A goal created without the share and comparison fields of migration 005 is a count goal without a comparison.
      const countGoal = { measure: 'count', shareTargetKind: 'percent', denominatorTarget: null, comparisonValue: null, comparisonLabel: '', comparisonSource: '', comparisonYear: null };
      expect(g1).toEqual({ id: g1.id, indicatorId: null, version: 1, ...countGoal, ...goal(p.id, { code: 'C1', level: 'C', position: 1, targetInPeriod: null, targetAfterPeriod: 40, direction: 'lower', baseline: 12.5 }) });
      expect(g1.targetInPeriod).toBeNull();
      expect((await fx.store.listGoals(p.id)).map((g) => g.code)).toEqual(['C1', 'B1', 'A1']);
      expect(await fx.store.getGoal(g2.id)).toEqual(g2);
      expect(await fx.store.getGoal(12345)).toBeNull();

      const updated = await fx.store.updateGoal(g3.id, { targetInPeriod: null, description: 'Ny' });
      expect(updated.targetInPeriod).toBeNull();
      expect(updated.description).toBe('Ny');
      expect(updated.projectId).toBe(p.id);
    });

    it('rejects a duplicate goal code in the same project with ConflictError, not across projects', async () => {
      const p = await fx.store.createProject(facts());
      const q = await fx.store.createProject(facts({ name: 'Andet projekt' }));
      const a1 = await fx.store.createGoal(goal(p.id));
      await expect(fx.store.createGoal(goal(p.id))).rejects.toBeInstanceOf(ConflictError);
      await expect(fx.store.createGoal(goal(q.id))).resolves.toMatchObject({ code: 'A1', projectId: q.id });
      const b = await fx.store.createGoal(goal(p.id, { code: 'A2' }));
      await expect(fx.store.updateGoal(b.id, { code: 'A1' })).rejects.toBeInstanceOf(ConflictError);
      expect((await fx.store.getGoal(b.id))?.code).toBe('A2');
      expect((await fx.store.getGoal(a1.id))?.code).toBe('A1');
    });

    it('rejects invalid enum values via CHECK constraints as ConflictError', async () => {
      const p = await fx.store.createProject(facts());
      await expect(fx.store.createGoal(goal(p.id, { level: 'D' as never }))).rejects.toBeInstanceOf(ConflictError);
      await expect(fx.store.createGoal(goal(p.id, { targetInPeriod: Number.NaN }))).rejects.toBeInstanceOf(ConflictError);
      expect(await fx.store.listGoals(p.id)).toEqual([]);
    });

    it('throws NotFoundError for a goal in a missing project and for missing goals', async () => {
      await expect(fx.store.createGoal(goal(777))).rejects.toBeInstanceOf(NotFoundError);
      await expect(fx.store.updateGoal(777, { code: 'X' })).rejects.toBeInstanceOf(NotFoundError);
      await expect(fx.store.deleteGoal(777)).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        fx.store.addStatusReport({ goalId: 777, value: 1, reportedAt: '2023-01-01', reportedBy: '', source: { file: '', location: '' }, printedPercent: null }),
      ).rejects.toBeInstanceOf(NotFoundError);
    });

    it('keeps status history, null values and order by reportedAt then id', async () => {
      const p = await fx.store.createProject(facts());
      const a = await fx.store.createGoal(goal(p.id));
      const b = await fx.store.createGoal(goal(p.id, { code: 'A2' }));
      const late = await fx.store.addStatusReport({
        goalId: a.id,
        value: 80,
        reportedAt: '2023-06-01',
        reportedBy: 'Bevillingsmodtager',
        source: { file: 'statusrapport-2023.xlsx', location: "Ark 'Mål', celle D5" },
        printedPercent: 66.7,
      });
      const missing = await fx.store.addStatusReport({
        goalId: b.id,
        value: null,
        reportedAt: '2022-12-01',
        reportedBy: 'Bevillingsmodtager',
        source: { file: '', location: '' },
        printedPercent: null,
      });
      const sameDay = await fx.store.addStatusReport({
        goalId: a.id,
        value: 0,
        reportedAt: '2022-12-01',
        reportedBy: '',
        source: { file: '', location: '' },
        printedPercent: null,
      });
      expect(missing.value).toBeNull();
      expect(missing.printedPercent).toBeNull();
      expect(sameDay.value).toBe(0);
      expect(late).toEqual({
        id: late.id,
        goalId: a.id,
        value: 80,
        reportedAt: '2023-06-01',
        reportedBy: 'Bevillingsmodtager',
        source: { file: 'statusrapport-2023.xlsx', location: "Ark 'Mål', celle D5" },
        printedPercent: 66.7,
        denominator: null,
        createdAt: expect.stringMatching(/^2024-03-01T10:00:\d\d\.000Z$/),
      });
      const list = await fx.store.listStatusReports(p.id);
      expect(list.map((s) => s.id)).toEqual([missing.id, sameDay.id, late.id]);
      expect(list[0].value).toBeNull();
    });
  });

  describe('evaluations, scores and lights', () => {
    it('round-trips an evaluation with nulls and øre amounts', async () => {
      const p = await fx.store.createProject(facts());
      const e = await fx.store.createEvaluation(evaluationInput(p.id));
      expect(e).toEqual({ id: e.id, ...evaluationInput(p.id), createdAt: '2024-03-01T10:00:01.000Z' });
      expect(e.budgetTotalReportedKr).toBeNull();
      expect(e.monthsTotalReported).toBeNull();
      expect(await fx.store.getEvaluation(e.id)).toEqual(e);
      const f2 = await fx.store.createEvaluation(evaluationInput(p.id, { type: 'final', date: '2025-01-31' }));
      const f1 = await fx.store.createEvaluation(evaluationInput(p.id, { type: 'final', date: '2022-01-31' }));
      expect((await fx.store.listEvaluations(p.id)).map((x) => x.id)).toEqual([f1.id, e.id, f2.id]);

      const u = await fx.store.updateEvaluation(e.id, { budgetSpentKr: null, monthsTotalReported: 36.5, evaluator: 'Sofie' });
      expect(u.budgetSpentKr).toBeNull();
      expect(u.monthsTotalReported).toBe(36.5);
      expect(u.evaluator).toBe('Sofie');
      expect(u.createdAt).toBe(e.createdAt);
      await expect(fx.store.createEvaluation(evaluationInput(p.id, { type: 'interim' as never }))).rejects.toBeInstanceOf(ConflictError);
      await expect(fx.store.createEvaluation(evaluationInput(999))).rejects.toBeInstanceOf(NotFoundError);
      await expect(fx.store.updateEvaluation(999, { evaluator: 'x' })).rejects.toBeInstanceOf(NotFoundError);
    });

    it('upserts scores (null while unscored) and rejects scores outside 1-5', async () => {
      const p = await fx.store.createProject(facts());
      const e = await fx.store.createEvaluation(evaluationInput(p.id));
      expect(await fx.store.getScore(e.id, 3)).toBeNull();
      await fx.store.setScore({ evaluationId: e.id, parameter: 3, score: null, headline: '', text: '' });
      expect(await fx.store.getScore(e.id, 3)).toEqual({ evaluationId: e.id, parameter: 3, score: null, headline: '', text: '', version: 1 });
      await fx.store.setScore({ evaluationId: e.id, parameter: 3, score: 4, headline: 'God fremdrift', text: 'Begrundelse' });
      await fx.store.setScore({ evaluationId: e.id, parameter: 1, score: 5, headline: 'H', text: 'T' });
      expect(await fx.store.listScores(e.id)).toEqual([
        { evaluationId: e.id, parameter: 1, score: 5, headline: 'H', text: 'T', version: 1 },
        { evaluationId: e.id, parameter: 3, score: 4, headline: 'God fremdrift', text: 'Begrundelse', version: 2 },
      ]);
      await expect(fx.store.setScore({ evaluationId: e.id, parameter: 2, score: 6, headline: '', text: '' })).rejects.toBeInstanceOf(ConflictError);
      await expect(fx.store.setScore({ evaluationId: e.id, parameter: 2, score: 3.5, headline: '', text: '' })).rejects.toBeInstanceOf(ConflictError);
      await expect(fx.store.setScore({ evaluationId: e.id, parameter: 7 as never, score: 3, headline: '', text: '' })).rejects.toBeInstanceOf(ConflictError);
      await expect(fx.store.setScore({ evaluationId: 999, parameter: 1, score: 3, headline: '', text: '' })).rejects.toBeInstanceOf(NotFoundError);
    });

    it('upserts light decisions and lists them in implementation, goals, effect order', async () => {
      const p = await fx.store.createProject(facts());
      const e = await fx.store.createEvaluation(evaluationInput(p.id));
      await fx.store.setLightDecision({ evaluationId: e.id, kind: 'effect', suggested: null, override: null, reason: '', text: '' });
      await fx.store.setLightDecision({ evaluationId: e.id, kind: 'implementation', suggested: 'green', override: 'yellow', reason: 'Forsinket', text: 'Tekst' });
      expect(await fx.store.getLightDecision(e.id, 'goals')).toBeNull();
      expect(await fx.store.listLightDecisions(e.id)).toEqual([
        { evaluationId: e.id, kind: 'implementation', suggested: 'green', override: 'yellow', reason: 'Forsinket', text: 'Tekst', version: 1 },
        { evaluationId: e.id, kind: 'effect', suggested: null, override: null, reason: '', text: '', version: 1 },
      ]);
      const cleared = await fx.store.setLightDecision({ evaluationId: e.id, kind: 'implementation', suggested: 'green', override: null, reason: '', text: 'Tekst' });
      expect(cleared.override).toBeNull();
      await expect(
        fx.store.setLightDecision({ evaluationId: e.id, kind: 'goals', suggested: 'blue' as never, override: null, reason: '', text: '' }),
      ).rejects.toBeInstanceOf(ConflictError);
    });

    it('round-trips survey indicators and learning points', async () => {
      const p = await fx.store.createProject(facts());
      const e = await fx.store.createEvaluation(evaluationInput(p.id));
      const s = await fx.store.saveSurveyIndicator({ evaluationId: e.id, group: 'virksomheder', statement: 'Tilfreds', positive: 9, n: 9, scale: 5, position: 1 });
      expect(s).toEqual({ id: s.id, evaluationId: e.id, group: 'virksomheder', statement: 'Tilfreds', positive: 9, n: 9, scale: 5, position: 1, version: 1 });
      const s2 = await fx.store.saveSurveyIndicator({ ...s, positive: 7, n: 10, scale: 3 });
      expect(s2).toEqual({ ...s, positive: 7, n: 10, scale: 3, version: 2 });
      await expect(fx.store.saveSurveyIndicator({ ...s, scale: 4 as never })).rejects.toBeInstanceOf(ConflictError);
      expect(await fx.store.listSurveyIndicators(e.id)).toEqual([s2]);

      const l1 = await fx.store.saveLearningPoint({ evaluationId: e.id, kind: 'recommendation', title: 'Anbefaling', text: 'Gør X', position: 2 });
      const l0 = await fx.store.saveLearningPoint({ evaluationId: e.id, kind: 'learning', title: 'Læring', text: 'Y', position: 1 });
      expect(await fx.store.listLearningPoints(e.id)).toEqual([l0, l1]);
      await fx.store.deleteLearningPoint(l0.id);
      expect(await fx.store.listLearningPoints(e.id)).toEqual([l1]);
      await fx.store.deleteSurveyIndicator(s.id);
      expect(await fx.store.listSurveyIndicators(e.id)).toEqual([]);
      await expect(fx.store.deleteSurveyIndicator(s.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(fx.store.saveLearningPoint({ ...l1, id: 4242 })).rejects.toBeInstanceOf(NotFoundError);
      await expect(fx.store.saveLearningPoint({ evaluationId: 999, kind: 'learning', title: '', text: '', position: 0 })).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe('effect chain, budget and financing', () => {
    it('round-trips effect chain items', async () => {
      const p = await fx.store.createProject(facts());
      const b = await fx.store.saveEffectChainItem({ projectId: p.id, column: 'output', position: 1, text: '120 deltagere' });
      const a = await fx.store.saveEffectChainItem({ projectId: p.id, column: 'activity', position: 0, text: 'Kurser' });
      expect(await fx.store.listEffectChain(p.id)).toEqual([
        { id: a.id, projectId: p.id, column: 'activity', position: 0, text: 'Kurser', version: 1 },
        { id: b.id, projectId: p.id, column: 'output', position: 1, text: '120 deltagere', version: 1 },
      ]);
      const moved = await fx.store.saveEffectChainItem({ ...b, column: 'effect', text: 'Job' });
      expect(moved).toEqual({ ...b, column: 'effect', text: 'Job', version: 2 });
      await fx.store.deleteEffectChainItem(a.id);
      expect((await fx.store.listEffectChain(p.id)).map((i) => i.id)).toEqual([b.id]);
    });

    it('round-trips budget lines and financing with øre precision and null percent', async () => {
      const p = await fx.store.createProject(facts());
      const line = await fx.store.saveBudgetLine({ projectId: p.id, costType: 'Løn - projektledelse', year: 2023, amountKr: 1_234_567.89, percentOfDirect: null, position: 1 });
      const indirect = await fx.store.saveBudgetLine({ projectId: p.id, costType: 'Indirekte udgifter', year: 2023, amountKr: 222_222.22, percentOfDirect: 18, position: 2 });
      expect(line.amountKr).toBe(1_234_567.89);
      expect(line.percentOfDirect).toBeNull();
      expect(await fx.store.listBudgetLines(p.id)).toEqual([line, indirect]);
      const fin = await fx.store.saveFinancing({ projectId: p.id, name: 'ESF', amountKr: 0.01, position: 0 });
      expect(fin).toEqual({ id: fin.id, projectId: p.id, name: 'ESF', amountKr: 0.01, position: 0, version: 1 });
      const fin2 = await fx.store.saveFinancing({ ...fin, amountKr: 6_172_839.46 });
      expect(fin2.amountKr).toBe(6_172_839.46);
      expect(await fx.store.listFinancing(p.id)).toEqual([fin2]);
      await fx.store.deleteFinancing(fin.id);
      await fx.store.deleteBudgetLine(line.id);
      expect(await fx.store.listFinancing(p.id)).toEqual([]);
      expect(await fx.store.listBudgetLines(p.id)).toEqual([indirect]);
      await expect(fx.store.deleteBudgetLine(line.id)).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe('cascade deletes', () => {
    it('deleting a goal removes its status reports; deleting an evaluation round is soft and restores with everything it holds', async () => {
      const p = await fx.store.createProject(facts());
      const g = await fx.store.createGoal(goal(p.id));
      await fx.store.addStatusReport({ goalId: g.id, value: 3, reportedAt: '2023-01-01', reportedBy: '', source: { file: '', location: '' }, printedPercent: null });
      const e = await fx.store.createEvaluation(evaluationInput(p.id));
      await fx.store.setScore({ evaluationId: e.id, parameter: 1, score: 3, headline: '', text: '' });
      await fx.store.setLightDecision({ evaluationId: e.id, kind: 'goals', suggested: 'red', override: null, reason: '', text: '' });
      await fx.store.saveSurveyIndicator({ evaluationId: e.id, group: 'g', statement: 's', positive: 1, n: 2, scale: 5, position: 0 });
      await fx.store.saveLearningPoint({ evaluationId: e.id, kind: 'learning', title: 't', text: 'x', position: 0 });

      expect(await fx.store.listStatusReports(p.id)).toHaveLength(1);
      await fx.store.deleteGoal(g.id);
      expect(await fx.store.listStatusReports(p.id)).toEqual([]);
      expect(await fx.store.getGoal(g.id)).toBeNull();

      const digest = await fx.store.dataDigest();
      await fx.store.deleteEvaluation(e.id);
      expect(await fx.store.getEvaluation(e.id)).toBeNull();
      expect(await fx.store.listEvaluations(p.id)).toEqual([]);
      // A deleted round takes nothing new, and can't be edited, until it is restored.
      await expect(fx.store.setScore({ evaluationId: e.id, parameter: 2, score: 3, headline: '', text: '' })).rejects.toBeInstanceOf(NotFoundError);
      await expect(fx.store.updateEvaluation(e.id, { evaluator: 'X' })).rejects.toBeInstanceOf(NotFoundError);
      await fx.store.deleteEvaluation(e.id); // deleting twice changes nothing
      await expect(fx.store.deleteEvaluation(9999)).rejects.toBeInstanceOf(NotFoundError);

      const restored = await fx.store.restoreEvaluation(e.id);
      expect(restored).toEqual(e);
      expect(await fx.store.listScores(e.id)).toEqual([{ evaluationId: e.id, parameter: 1, score: 3, headline: '', text: '', version: 1 }]);
      expect(await fx.store.listLightDecisions(e.id)).toHaveLength(1);
      expect(await fx.store.listSurveyIndicators(e.id)).toHaveLength(1);
      expect(await fx.store.listLearningPoints(e.id)).toHaveLength(1);
      expect(await fx.store.dataDigest()).toBe(digest);
      const audit = await fx.store.listAudit({ projectId: p.id, entity: 'evaluation', limit: 2 });
      expect(audit.map((a) => [a.field, a.oldValue === null, a.newValue === null])).toEqual([
        ['deletedAt', false, true],
        ['deletedAt', true, false],
      ]);
    });

    it('soft-deleting a project keeps its children (restorable)', async () => {
      const p = await fx.store.createProject(facts());
      await fx.store.createGoal(goal(p.id));
      await fx.store.deleteProject(p.id);
      expect(await fx.store.listGoals(p.id)).toHaveLength(1);
      await expect(fx.store.createGoal(goal(p.id, { code: 'A9' }))).rejects.toBeInstanceOf(NotFoundError);
      await fx.store.restoreProject(p.id);
      expect(await fx.store.listGoals(p.id)).toHaveLength(1);
    });
  });

  describe('settings and profile', () => {
    it('returns DEFAULT_PROFILE until a profile is stored, then the stored one', async () => {
      const profile = await fx.store.getProfile();
      expect(profile).toEqual(DEFAULT_PROFILE);
      profile.capAt100 = true;
      expect(DEFAULT_PROFILE.capAt100).toBe(false);
      await fx.store.setProfile({ ...DEFAULT_PROFILE, id: 'custom', capAt100: true });
      expect(await fx.store.getProfile()).toEqual({ ...DEFAULT_PROFILE, id: 'custom', capAt100: true });
    });

    it('stores settings', async () => {
      expect(await fx.store.getSetting('language')).toBeNull();
      await fx.store.setSetting('language', 'da');
      await fx.store.setSetting('language', 'en');
      expect(await fx.store.getSetting('language')).toBe('en');
    });

    it('reports its path and user, and data survives reopening', async () => {
      expect(fx.store.path).toBe(fx.file);
      expect(fx.store.user).toBe('evaluator1');
      await fx.store.createProject(facts());
      const digest = await fx.store.dataDigest();
      await fx.store.close();
      const { openPortfolioStore } = await import('../../../electron/storage');
      fx.store = await openPortfolioStore(fx.file, { user: 'x' });
      expect(await fx.store.dataDigest()).toBe(digest);
      expect((await fx.store.listProjects())[0].totalBudgetKr).toBe(12_345_678.91);
    });
  });

  describe('paths', () => {
    it('puts the default portfolio under <userData>/portfolios', () => {
      expect(defaultPortfolioPath(path.join('/home', 'ane', '.config', 'Trafiklys'))).toBe(
        path.join('/home', 'ane', '.config', 'Trafiklys', 'portfolios', 'standard.trafiklys.sqlite'),
      );
    });
  });

  describe('indicators', () => {
    it('creates, updates and lists indicators; links goals of several projects; a code is unique', async () => {
      const p = await fx.store.createProject(facts());
      const q = await fx.store.createProject(facts({ name: 'Andet projekt' }));
      const participants = await fx.store.saveIndicator({ code: 'EECO01', name: 'Deltagere i alt', unit: 'deltagere', level: 'B' });
      expect(participants).toMatchObject({ id: expect.any(Number), code: 'EECO01', name: 'Deltagere i alt', unit: 'deltagere', level: 'B', createdAt: expect.any(String) });
      const own = await fx.store.saveIndicator({ code: '', name: 'Virksomheder på portalen', unit: 'virksomheder', level: 'B' });
      await fx.store.saveIndicator({ code: '', name: 'Uden kode', unit: '', level: 'A' }); // two without a code are fine
      await expect(fx.store.saveIndicator({ code: 'EECO01', name: 'Igen', unit: '', level: 'B' })).rejects.toThrow(/Indikatorkoden findes allerede/);
      expect((await fx.store.listIndicators()).map((i) => i.name)).toEqual(['Uden kode', 'Deltagere i alt', 'Virksomheder på portalen']);
      expect(await fx.store.saveIndicator({ id: own.id, code: 'V1', name: own.name, unit: own.unit, level: own.level })).toMatchObject({ id: own.id, code: 'V1' });

      const a = await fx.store.createGoal(goal(p.id, { code: 'B1', level: 'B', indicatorId: participants.id }));
      const b = await fx.store.createGoal(goal(q.id, { code: 'B1', level: 'B' }));
      expect(a.indicatorId).toBe(participants.id);
      expect(b.indicatorId).toBeNull();
      expect((await fx.store.updateGoal(b.id, { indicatorId: participants.id })).indicatorId).toBe(participants.id);
      await expect(fx.store.updateGoal(b.id, { indicatorId: 4242 })).rejects.toBeInstanceOf(ConflictError);
      expect((await fx.store.listPortfolioGoals()).map((g) => [g.projectId, g.indicatorId])).toEqual([
        [p.id, participants.id],
        [q.id, participants.id],
      ]);
      const audit = await fx.store.listAudit({ projectId: q.id, entity: 'goal', limit: 1 });
      expect(audit[0]).toMatchObject({ field: 'indicatorId', oldValue: null, newValue: String(participants.id) });
    });

    it('deleting an indicator unlinks its goals (audited per project) and keeps them', async () => {
      const p = await fx.store.createProject(facts());
      const ind = await fx.store.saveIndicator({ code: '', name: 'Deltagere', unit: 'deltagere', level: 'A' });
      const g = await fx.store.createGoal(goal(p.id, { indicatorId: ind.id }));
      await fx.store.deleteIndicator(ind.id);
      expect(await fx.store.getIndicator(ind.id)).toBeNull();
      expect((await fx.store.getGoal(g.id))?.indicatorId).toBeNull();
      expect((await fx.store.listAudit({ projectId: p.id, entity: 'goal', limit: 1 }))[0]).toMatchObject({ field: 'indicatorId', oldValue: String(ind.id), newValue: null });
      expect((await fx.store.listAudit({ entity: 'indicator', limit: 1 }))[0]).toMatchObject({ field: 'deleted', newValue: null });
      await expect(fx.store.deleteIndicator(ind.id)).rejects.toBeInstanceOf(NotFoundError);
    });
  });
});
