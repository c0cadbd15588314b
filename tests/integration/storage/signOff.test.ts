import fs from 'node:fs';
import path from 'node:path';
import { ConflictError, LockedError, NotFoundError, openPortfolioStore } from '../../../electron/storage';
import type { PortfolioStore } from '../../../electron/storage';
import { getUserVersion, openMemoryDbAtVersion, migrate, MIGRATIONS } from '../../../electron/storage/migrations/migrate';
import { firstDifference } from '../../../electron/storage/seal';
import { Db } from '../../../electron/storage/sqlite';
import { blankEvaluation, EVALUATION_TEXT_KEYS } from '../../../shared/domain';
import { DEFAULT_PROFILE } from '../../../shared/methodology/profile';
import { facts, goal, openTempStore, type StoreFixture } from './helpers';
import { describeEngines, itNotOnPostgres } from '../../helpers/engines';

describeEngines('sign-off', (engine) => {
  let fx: StoreFixture;
  let store: PortfolioStore;
  beforeEach(async () => {
    fx = await openTempStore();
    store = fx.store;
  });
  afterEach(async () => {
    await fx.cleanup();
  });

  /** A project with a midterm (the round that gets finalised) and a later final round. */
  async function project() {
    const p = await store.createProject(facts());
    const b1 = await store.createGoal(goal(p.id, { level: 'B', code: 'B1', targetInPeriod: 256 }));
    const b2 = await store.createGoal(goal(p.id, { level: 'B', code: 'B2', targetInPeriod: 90, position: 2 }));
    await store.addStatusReport({ goalId: b1.id, value: 120, reportedAt: '2023-05-01', reportedBy: 'Bevillingsmodtager', source: { file: 'status.xlsx', location: "Ark 'Mål', celle D5" }, printedPercent: null });
    const midterm = await store.createEvaluation({ ...blankEvaluation(p.id, 'midterm', '2023-06-30', 'Lars Holm'), budgetSpentKr: 4_100_000 });
    const later = await store.createEvaluation(blankEvaluation(p.id, 'final', '2024-12-01', 'Lars Holm'));
    await store.setScore({ evaluationId: midterm.id, parameter: 1, score: 4, headline: 'Stærk ledelse', text: '' });
    await store.setLightDecision({ evaluationId: midterm.id, kind: 'goals', suggested: 'green', override: null, reason: '', text: 'Godt på vej.' });
    const survey = await store.saveSurveyIndicator({ evaluationId: midterm.id, group: 'virksomheder', statement: 'Relevant', positive: 9, n: 9, scale: 5, position: 0 });
    const learning = await store.saveLearningPoint({ evaluationId: midterm.id, kind: 'learning', title: 'Fastholdelse', text: '', position: 0 });
    const line = await store.saveBudgetLine({ projectId: p.id, costType: 'Løn', year: 2023, amountKr: 1_000_000, percentOfDirect: null, position: 0 });
    const financing = await store.saveFinancing({ projectId: p.id, name: 'Socialfonden', amountKr: 1_000_000, position: 0 });
    const chain = await store.saveEffectChainItem({ projectId: p.id, column: 'activity', text: 'Karriereportal', position: 0 });
    await store.setEvaluationText(midterm.id, 'facts', 'Projektet skal tiltrække talent.');
    return { p, b1, b2, midterm, later, survey, learning, line, financing, chain };
  }

  describe('the evaluator\'s prose per section', () => {
    it('has every key, empty until written; a text is saved with its audit row, an unchanged one writes nothing', async () => {
      const p = await store.createProject(facts());
      const e = await store.createEvaluation(blankEvaluation(p.id, 'final', '2022-12-02'));
      const empty = await store.getEvaluationTexts(e.id);
      expect(Object.keys(empty).sort()).toEqual([...EVALUATION_TEXT_KEYS].sort());
      expect(Object.values(empty).every((t) => t === '')).toBe(true);

      const saved = await store.setEvaluationText(e.id, 'outputGoals', 'Projektet forventer at nå målene.');
      expect(saved.outputGoals).toBe('Projektet forventer at nå målene.');
      expect(await store.getEvaluationTexts(e.id)).toEqual(saved);
      const [row] = await store.listAudit({ projectId: p.id, entity: 'evaluation' });
      expect(row).toMatchObject({ entityId: e.id, field: 'texts.outputGoals', oldValue: '', newValue: 'Projektet forventer at nå målene.', user: 'evaluator1' });

      const before = (await store.listAudit()).length;
      await store.setEvaluationText(e.id, 'outputGoals', 'Projektet forventer at nå målene.');
      expect((await store.listAudit()).length).toBe(before);
    });

    it('refuses an unknown key and a missing round', async () => {
      const p = await store.createProject(facts());
      const e = await store.createEvaluation(blankEvaluation(p.id, 'final', '2022-12-02'));
      await expect(store.setEvaluationText(e.id, 'summary' as never, 'x')).rejects.toBeInstanceOf(ConflictError);
      await expect(store.setEvaluationText(999, 'facts', 'x')).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.getEvaluationTexts(999)).rejects.toBeInstanceOf(NotFoundError);
    });

    it('goes with its round when the round is deleted', async () => {
      const p = await store.createProject(facts());
      const e = await store.createEvaluation(blankEvaluation(p.id, 'final', '2022-12-02'));
      await store.setEvaluationText(e.id, 'facts', 'Formål');
      await store.deleteEvaluation(e.id);
      const e2 = await store.createEvaluation(blankEvaluation(p.id, 'final', '2022-12-02'));
      expect((await store.getEvaluationTexts(e2.id)).facts).toBe('');
    });
  });

  describe('sign-off', () => {
    it('a round is a draft until finalised; finalising records who and when, in the audit log', async () => {
      const { p, midterm } = await project();
      expect(await store.getSignOff(midterm.id)).toEqual({ state: 'draft', finalizedAt: null, finalizedBy: '' });
      expect(await store.getSealedProfile(midterm.id)).toBeNull();
      const signOff = await store.finalizeEvaluation(midterm.id);
      expect(signOff).toEqual({ state: 'final', finalizedAt: expect.stringMatching(/^2024-03-01T10:/), finalizedBy: 'evaluator1' });
      expect(await store.getSignOff(midterm.id)).toEqual(signOff);
      const [row] = await store.listAudit({ projectId: p.id, entity: 'evaluation' });
      expect(row).toMatchObject({ entityId: midterm.id, field: 'signOff', oldValue: 'draft', newValue: 'final', user: 'evaluator1', at: signOff.finalizedAt });
      await expect(store.finalizeEvaluation(midterm.id)).rejects.toThrow(/er afsluttet af evaluator1 .* i forvejen/);
      await expect(store.finalizeEvaluation(999)).rejects.toBeInstanceOf(NotFoundError);
    });

    it('keeps the profile in force at sign-off: a later change of the portfolio profile does not reach the final round', async () => {
      const { midterm } = await project();
      await store.finalizeEvaluation(midterm.id);
      await store.setProfile({ ...DEFAULT_PROFILE, implementationBands: { greenMin: 4.5, yellowMin: 3 } });
      expect((await store.getSealedProfile(midterm.id))?.implementationBands).toEqual(DEFAULT_PROFILE.implementationBands);
      expect((await store.getProfile()).implementationBands.greenMin).toBe(4.5);
    });

    type Fx = Awaited<ReturnType<typeof project>>;
    /** Every write that would change the final midterm: its own rows, and the project's figures it is computed from. */
    const refused: [string, (f: Fx) => Promise<unknown>, RegExp][] = [
      ['a score', (f) => store.setScore({ evaluationId: f.midterm.id, parameter: 1, score: 2, headline: 'Stærk ledelse', text: '' }), /implementeringsscoren for parameter 1/],
      ['a new score', (f) => store.setScore({ evaluationId: f.midterm.id, parameter: 3, score: 2, headline: '', text: '' }), /implementeringsscorerne/],
      ['a light', (f) => store.setLightDecision({ evaluationId: f.midterm.id, kind: 'goals', suggested: 'green', override: 'red', reason: 'Nej', text: '' }), /trafiklyset for målopnåelse/],
      ['a text', (f) => store.setEvaluationText(f.midterm.id, 'facts', 'Ny tekst'), /rundens tekster/],
      ['the overall status', (f) => store.updateEvaluation(f.midterm.id, { overallStatus: 'Ændret' }), /den overordnede status/],
      ['the budget spent', (f) => store.updateEvaluation(f.midterm.id, { budgetSpentKr: 5_000_000 }), /budgetforbruget/],
      ['a new survey indicator', (f) => store.saveSurveyIndicator({ evaluationId: f.midterm.id, group: 'x', statement: 'y', positive: 1, n: 2, scale: 5, position: 1 }), /surveyindikatorerne/],
      ['a survey indicator', (f) => store.saveSurveyIndicator({ ...f.survey, positive: 8 }), /surveyindikatorerne/],
      ['deleting a survey indicator', (f) => store.deleteSurveyIndicator(f.survey.id), /surveyindikatorerne/],
      ['a learning point', (f) => store.saveLearningPoint({ ...f.learning, text: 'Mere' }), /læringspunkterne/],
      ['deleting a learning point', (f) => store.deleteLearningPoint(f.learning.id), /læringspunkterne/],
      ['a target', (f) => store.updateGoal(f.b1.id, { targetInPeriod: 300 }), /mål B1/],
      ['a goal code', (f) => store.updateGoal(f.b2.id, { code: 'B3' }), /mål B2/],
      ['a new goal', (f) => store.createGoal(goal(f.p.id, { level: 'B', code: 'B5' })), /rundens mål/],
      ['deleting a goal', (f) => store.deleteGoal(f.b2.id), /rundens mål|mål B2/],
      ['a status dated before the round, newer than the one in force', (f) => store.addStatusReport({ goalId: f.b1.id, value: 130, reportedAt: '2023-06-30', reportedBy: '', source: { file: '', location: '' }, printedPercent: null }), /status for mål B1/],
      ['a budget line', (f) => store.saveBudgetLine({ ...f.line, amountKr: 2_000_000 }), /budgetlinjerne/],
      ['deleting a budget line', (f) => store.deleteBudgetLine(f.line.id), /budgetlinjerne/],
      ['financing', (f) => store.saveFinancing({ ...f.financing, amountKr: 1 }), /finansieringen/],
      ['the grant period', (f) => store.updateProject(f.p.id, { periodEnd: '2025-06-30' }), /bevillingsperioden og det samlede budget/],
      ['the total budget', (f) => store.updateProject(f.p.id, { totalBudgetKr: 1 }), /bevillingsperioden og det samlede budget/],
      ['deleting the round', (f) => store.deleteEvaluation(f.midterm.id), /kan ikke slettes/],
    ];

    it.each(refused)('a final round refuses %s, names the round and who finalised it, and nothing changes', async (_what, write, about) => {
      const f = await project();
      await store.finalizeEvaluation(f.midterm.id);
      const digest = await store.dataDigest();
      const audit = (await store.listAudit()).length;
      const error = await write(f).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(LockedError);
      expect((error as LockedError).code).toBe('LOCKED');
      expect((error as Error).message).toMatch(/^Midtvejsevalueringen 30\.06\.2023 er afsluttet af evaluator1 den 01\.03\.2024/);
      expect((error as Error).message).toMatch(about);
      expect((error as Error).message).toMatch(/Genåbn runden med en begrundelse/);
      expect(await store.dataDigest()).toBe(digest);
      expect((await store.listAudit()).length).toBe(audit);
    });

    const allowed: [string, (f: Fx) => Promise<unknown>][] = [
      ['a status dated after the round', (f) => store.addStatusReport({ goalId: f.b1.id, value: 219, reportedAt: '2024-11-30', reportedBy: '', source: { file: '', location: '' }, printedPercent: null })],
      ['an older status that does not replace the one in force', (f) => store.addStatusReport({ goalId: f.b1.id, value: 60, reportedAt: '2023-01-01', reportedBy: '', source: { file: '', location: '' }, printedPercent: null })],
      ["a goal's wording", (f) => store.updateGoal(f.b1.id, { description: 'Antal deltagere i alt', unit: 'personer' })],
      ['the project name', (f) => store.updateProject(f.p.id, { name: 'Nyt navn', description: 'Ny beskrivelse' })],
      ['the effect chain', (f) => store.saveEffectChainItem({ ...f.chain, text: 'Karriereportal og kandidathåndtering' })],
      ['the later round', (f) => store.setScore({ evaluationId: f.later.id, parameter: 1, score: 2, headline: '', text: '' })],
      ["the later round's text", (f) => store.setEvaluationText(f.later.id, 'facts', 'Ny runde')],
      ['deleting the later round', (f) => store.deleteEvaluation(f.later.id)],
    ];

    it.each(allowed)('a final round does not stand in the way of %s', async (_what, write) => {
      const f = await project();
      await store.finalizeEvaluation(f.midterm.id);
      const digest = await store.dataDigest();
      await expect(write(f)).resolves.not.toThrow();
      expect(await store.dataDigest()).not.toBe(digest);
    });

    it('refuses a transaction that changes a final round as a whole: none of its writes are kept (imports)', async () => {
      const f = await project();
      await store.finalizeEvaluation(f.midterm.id);
      const digest = await store.dataDigest();
      await expect(
        store.transaction(async (tx) => {
          await tx.setScore({ evaluationId: f.later.id, parameter: 2, score: 5, headline: '', text: '' });
          await tx.updateEvaluation(f.midterm.id, { budgetSpentKr: 1 });
        }),
      ).rejects.toBeInstanceOf(LockedError);
      expect(await store.dataDigest()).toBe(digest);
    });

    it('a change undone within the same transaction leaves the seal intact', async () => {
      const f = await project();
      await store.finalizeEvaluation(f.midterm.id);
      await store.transaction(async (tx) => {
        await tx.updateGoal(f.b1.id, { targetInPeriod: 300 });
        await tx.updateGoal(f.b1.id, { targetInPeriod: 256 });
      });
      expect((await store.getGoal(f.b1.id))?.targetInPeriod).toBe(256);
    });

    it('reopening needs a reason, is audited with it, and unlocks the round', async () => {
      const f = await project();
      await store.finalizeEvaluation(f.midterm.id);
      await expect(store.reopenEvaluation(f.midterm.id, '  ')).rejects.toThrow(/begrundelse/);
      expect((await store.getSignOff(f.midterm.id)).state).toBe('final');

      expect(await store.reopenEvaluation(f.midterm.id, ' Forkert budgetforbrug indtastet. ')).toEqual({ state: 'draft', finalizedAt: null, finalizedBy: '' });
      const [reason, state] = await store.listAudit({ projectId: f.p.id, entity: 'evaluation', limit: 2 });
      expect(state).toMatchObject({ field: 'signOff', oldValue: 'final', newValue: 'draft', entityId: f.midterm.id });
      expect(reason).toMatchObject({ field: 'reopenReason', oldValue: null, newValue: 'Forkert budgetforbrug indtastet.' });
      expect(await store.getSealedProfile(f.midterm.id)).toBeNull();

      await store.updateEvaluation(f.midterm.id, { budgetSpentKr: 4_200_000 });
      await store.updateGoal(f.b1.id, { targetInPeriod: 300 });
      await expect(store.reopenEvaluation(f.midterm.id, 'igen')).rejects.toThrow(/ikke afsluttet/);
      // Finalised again, it is sealed with the new figures.
      await store.finalizeEvaluation(f.midterm.id);
      await expect(store.updateGoal(f.b1.id, { targetInPeriod: 256 })).rejects.toBeInstanceOf(LockedError);
    });

    it('survives closing and reopening the file', async () => {
      const f = await project();
      await store.finalizeEvaluation(f.midterm.id);
      await store.close();
      store = await openPortfolioStore(fx.file, { user: 'someone-else' });
      fx.store = store;
      expect(await store.getSignOff(f.midterm.id)).toMatchObject({ state: 'final', finalizedBy: 'evaluator1' });
      await expect(store.setScore({ evaluationId: f.midterm.id, parameter: 1, score: 1, headline: '', text: '' })).rejects.toThrow(/afsluttet af evaluator1/);
    });
  });

  describe('the seal', () => {
    it('compares what it holds: a key added by a later version does not lock old rounds', () => {
      expect(firstDifference({ a: 1, b: [{ c: 'x' }] }, { a: 1, b: [{ c: 'x', d: 2 }], e: 3 })).toBeNull();
      expect(firstDifference({ a: 1, b: [{ c: 'x' }] }, { a: 1, b: [{ c: 'y' }] })).toEqual(['b', 0, 'c']);
      expect(firstDifference({ b: [1] }, { b: [1, 2] })).toEqual(['b']);
      expect(firstDifference({ a: null }, { a: 0 })).toEqual(['a']);
      expect(firstDifference({ a: null }, {})).toBeNull();
    });
  });

  describe('migration 003 (texts and sign-off)', () => {
    const itSqlite = itNotOnPostgres(engine, 'a SQLite file at version 1');
    itSqlite('adds the two tables to a version 1 file; existing rounds are drafts with no texts', async () => {
      const db = await openMemoryDbAtVersion(1);
      await db.run("INSERT INTO projects (name, created_at, updated_at) VALUES ('P', 't', 't')");
      await db.run("INSERT INTO evaluations (project_id, type, date, created_at) VALUES (1, 'final', '2022-12-02', 't')");
      await migrate(db, MIGRATIONS);
      expect(await db.withLock(getUserVersion)).toBe(MIGRATIONS.length);
      expect(await db.all('SELECT * FROM evaluation_texts')).toEqual([]);
      expect(await db.all('SELECT * FROM evaluation_sign_offs')).toEqual([]);
      const fks = await db.all<{ table: string; on_delete: string }>('PRAGMA foreign_key_list(evaluation_sign_offs)');
      expect(fks).toContainEqual(expect.objectContaining({ table: 'evaluations', on_delete: 'CASCADE' }));
      await db.close();
    });

    itSqlite('a file opened at version 1 is migrated and keeps a backup', async () => {
      const file = path.join(fx.dir, 'old.sqlite');
      const old = await Db.open(file);
      await migrate(old, MIGRATIONS, { targetVersion: 1 });
      await old.run("INSERT INTO projects (name, created_at, updated_at) VALUES ('P', 't', 't')");
      await old.run("INSERT INTO evaluations (project_id, type, date, created_at) VALUES (1, 'final', '2022-12-02', 't')");
      await old.close();
      const upgraded = await openPortfolioStore(file);
      expect(await upgraded.getSignOff(1)).toEqual({ state: 'draft', finalizedAt: null, finalizedBy: '' });
      expect((await upgraded.getEvaluationTexts(1)).facts).toBe('');
      await upgraded.finalizeEvaluation(1);
      await upgraded.close();
      expect(fs.readdirSync(fx.dir).some((name) => name.startsWith('old.sqlite.backup-v1'))).toBe(true);
    });
  });
});
