import { openPortfolioStore, StaleWriteError, staleWriteMessage } from '../../../electron/storage';
import type { PortfolioStore } from '../../../electron/storage';
import type { Evaluation } from '../../../shared/domain';
import { describeEngines, locationAs } from '../../helpers/engines';
import { facts, goal, openTempStore, steppingClock } from './helpers';
import type { StoreFixture } from './helpers';

/**
 * No lost update (issue 13): two people (two stores, two connections) on the same portfolio both
 * read a row at version n; the first save wins, the second is refused with who saved and when,
 * and the row keeps the first's value. Saves without a version (imports, the CLI) still work.
 */
describeEngines('no lost update', () => {
  let fx: StoreFixture;
  /** The other person: evaluator2 on the same file or server database, saving at 14:05 Danish time. */
  let other: PortfolioStore;
  const OTHER_AT = Date.UTC(2024, 2, 1, 13, 5, 0); // 14:05 in Copenhagen (CET)
  const REFUSED = 'Ændret af evaluator2 kl. 14:05; genindlæs';

  beforeEach(async () => {
    fx = await openTempStore();
    other = await openPortfolioStore(await locationAs(fx.file, 'evaluator2'), { user: 'evaluator2', now: steppingClock(OTHER_AT) });
  });
  afterEach(async () => {
    await other.close();
    await fx.cleanup();
  });

  function round(projectId: number): Omit<Evaluation, 'id' | 'createdAt'> {
    return {
      projectId,
      type: 'midterm',
      date: '2023-06-30',
      evaluator: 'Lars Holm',
      budgetSpentKr: null,
      budgetTotalReportedKr: null,
      monthsElapsedReported: null,
      monthsTotalReported: null,
      progressReportedBy: '',
      progressReportedAt: null,
      overallStatus: '',
    };
  }

  async function refusal(save: Promise<unknown>): Promise<StaleWriteError> {
    const error = await save.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StaleWriteError);
    return error as StaleWriteError;
  }

  it('a score: the first save wins, the second is refused naming the first user and time, and nothing changes', async () => {
    const p = await fx.store.createProject(facts());
    const e = await fx.store.createEvaluation(round(p.id));
    await fx.store.setScore({ evaluationId: e.id, parameter: 2, score: 3, headline: 'Start', text: 'Første udkast' });

    const mine = (await fx.store.getScore(e.id, 2))!;
    const theirs = (await other.getScore(e.id, 2))!;
    expect(mine.version).toBe(1);
    expect(theirs.version).toBe(1);

    const saved = await other.setScore({ ...theirs, score: 4, text: 'Kollegaens tekst' }, { expectedVersion: theirs.version });
    expect(saved).toMatchObject({ score: 4, text: 'Kollegaens tekst', version: 2 });

    const digest = await fx.store.dataDigest();
    const audits = (await fx.store.listAudit()).length;
    const error = await refusal(fx.store.setScore({ ...mine, score: 2, text: 'Min tekst' }, { expectedVersion: mine.version }));
    expect(error.message).toBe(REFUSED);
    expect(error).toMatchObject({ code: 'CONFLICT', changedBy: 'evaluator2', changedAt: '2024-03-01T13:05:00.000Z', currentVersion: 2 });
    expect(await fx.store.getScore(e.id, 2)).toMatchObject({ score: 4, text: 'Kollegaens tekst', version: 2 });
    expect(await fx.store.dataDigest()).toBe(digest);
    expect((await fx.store.listAudit()).length).toBe(audits);

    // After reloading (the current version) the save goes through; without a version as before.
    expect(await fx.store.setScore({ ...mine, score: 2, text: 'Min tekst' }, { expectedVersion: 2 })).toMatchObject({ score: 2, text: 'Min tekst', version: 3 });
    expect(await fx.store.setScore({ ...mine, score: 5, text: 'Uden version' })).toMatchObject({ score: 5, version: 4 });
  });

  it('a score never saved (version 0): the first to save it wins', async () => {
    const p = await fx.store.createProject(facts());
    const e = await fx.store.createEvaluation(round(p.id));
    expect(await fx.store.getScore(e.id, 5)).toBeNull();
    await other.setScore({ evaluationId: e.id, parameter: 5, score: 4, headline: '', text: 'Hendes' }, { expectedVersion: 0 });
    const error = await refusal(fx.store.setScore({ evaluationId: e.id, parameter: 5, score: 1, headline: '', text: 'Min' }, { expectedVersion: 0 }));
    expect(error.message).toBe(REFUSED);
    expect(await fx.store.getScore(e.id, 5)).toMatchObject({ score: 4, text: 'Hendes', version: 1 });
  });

  it("the round's prose, per text: versions 0 until saved; a stale save is refused, another text is not", async () => {
    const p = await fx.store.createProject(facts());
    const e = await fx.store.createEvaluation(round(p.id));
    expect((await fx.store.getEvaluationTextVersions(e.id)).effect).toBe(0);
    await other.setEvaluationText(e.id, 'effect', 'Kollegaens konklusion', { expectedVersion: 0 });
    const error = await refusal(fx.store.setEvaluationText(e.id, 'effect', 'Min konklusion', { expectedVersion: 0 }));
    expect(error.message).toBe(REFUSED);
    expect((await fx.store.getEvaluationTexts(e.id)).effect).toBe('Kollegaens konklusion');
    // Another section is another row: saving it based on what was read goes through.
    expect((await fx.store.setEvaluationText(e.id, 'learning', 'Mine anbefalinger', { expectedVersion: 0 })).learning).toBe('Mine anbefalinger');
    expect(await fx.store.getEvaluationTextVersions(e.id)).toMatchObject({ effect: 1, learning: 1 });
    await fx.store.setEvaluationText(e.id, 'effect', 'Min konklusion', { expectedVersion: 1 });
    expect((await other.getEvaluationTexts(e.id)).effect).toBe('Min konklusion');
  });

  it('a light: override and reason of the first save stay', async () => {
    const p = await fx.store.createProject(facts());
    const e = await fx.store.createEvaluation(round(p.id));
    const light = { evaluationId: e.id, kind: 'goals' as const, suggested: 'green' as const, override: null, reason: '', text: '' };
    await fx.store.setLightDecision(light);
    const read = (await fx.store.getLightDecision(e.id, 'goals'))!;
    expect(read.version).toBe(1);
    await other.setLightDecision({ ...light, override: 'red', reason: 'Mål B2 er opgivet' }, { expectedVersion: 1 });
    const error = await refusal(fx.store.setLightDecision({ ...light, override: 'yellow', reason: 'Forsinket' }, { expectedVersion: read.version }));
    expect(error.message).toBe(REFUSED);
    expect(await fx.store.getLightDecision(e.id, 'goals')).toMatchObject({ override: 'red', reason: 'Mål B2 er opgivet', version: 2 });
  });

  it("a project's facts and a goal's fields", async () => {
    const p = await fx.store.createProject(facts());
    const g = await fx.store.createGoal(goal(p.id, { code: 'B1', level: 'B', targetInPeriod: 100 }));
    expect(p.version).toBe(1);
    expect(g.version).toBe(1);

    expect(await other.updateProject(p.id, { description: 'Kollegaens beskrivelse' }, { expectedVersion: 1 })).toMatchObject({ version: 2 });
    const error = await refusal(fx.store.updateProject(p.id, { description: 'Min beskrivelse' }, { expectedVersion: p.version }));
    expect(error.message).toBe(REFUSED);
    expect((await fx.store.getProject(p.id))!.description).toBe('Kollegaens beskrivelse');

    expect(await other.updateGoal(g.id, { targetInPeriod: 120 }, { expectedVersion: 1 })).toMatchObject({ targetInPeriod: 120, version: 2 });
    const goalError = await refusal(fx.store.updateGoal(g.id, { targetInPeriod: 80 }, { expectedVersion: g.version }));
    expect(goalError.message).toBe(REFUSED);
    expect(await fx.store.getGoal(g.id)).toMatchObject({ targetInPeriod: 120, version: 2 });
    expect(await fx.store.updateGoal(g.id, { targetInPeriod: 80 })).toMatchObject({ targetInPeriod: 80, version: 3 });
  });

  it("the rest of what is edited by hand (migration 014): effect chain, survey, learning points, budget lines, financing, spending by year; each save sends the whole row, so a stale one would put back the other's field", async () => {
    const p = await fx.store.createProject(facts());
    const e = await fx.store.createEvaluation(round(p.id));
    const rows = {
      effectChain: await fx.store.saveEffectChainItem({ projectId: p.id, column: 'activity', position: 0, text: 'Workshops' }),
      survey: await fx.store.saveSurveyIndicator({ evaluationId: e.id, group: 'Virksomheder', statement: 'Tilfredse', positive: 8, n: 10, scale: 5, position: 0 }),
      learning: await fx.store.saveLearningPoint({ evaluationId: e.id, kind: 'learning', title: 'Tidlig inddragelse', text: 'Virker', position: 0 }),
      budget: await fx.store.saveBudgetLine({ projectId: p.id, costType: 'Løn', year: 2023, amountKr: 100_000, percentOfDirect: null, position: 0 }),
      financing: await fx.store.saveFinancing({ projectId: p.id, name: 'Regionen', amountKr: 50_000, position: 0 }),
      spending: await fx.store.saveSpendingYear({ evaluationId: e.id, year: 2023, spentKr: 10_000, note: '', position: 0 }),
    };
    for (const row of Object.values(rows)) expect(row.version).toBe(1);
    // The other person changes one field of each; this window then saves another field from its old read.
    const saves: [string, () => Promise<unknown>, () => Promise<unknown>, () => Promise<unknown>][] = [
      ['effectChain', () => other.saveEffectChainItem({ ...rows.effectChain, text: 'Kollegaens workshops' }, { expectedVersion: 1 }), () => fx.store.saveEffectChainItem({ ...rows.effectChain, position: 3 }, { expectedVersion: 1 }), async () => (await fx.store.listEffectChain(p.id))[0].text],
      ['survey', () => other.saveSurveyIndicator({ ...rows.survey, positive: 9 }, { expectedVersion: 1 }), () => fx.store.saveSurveyIndicator({ ...rows.survey, statement: 'Meget tilfredse' }, { expectedVersion: 1 }), async () => (await fx.store.listSurveyIndicators(e.id))[0].positive],
      ['learning', () => other.saveLearningPoint({ ...rows.learning, text: 'Kollegaens tekst' }, { expectedVersion: 1 }), () => fx.store.saveLearningPoint({ ...rows.learning, title: 'Min titel' }, { expectedVersion: 1 }), async () => (await fx.store.listLearningPoints(e.id))[0].text],
      ['budget', () => other.saveBudgetLine({ ...rows.budget, amountKr: 120_000 }, { expectedVersion: 1 }), () => fx.store.saveBudgetLine({ ...rows.budget, costType: 'Løn, projektleder' }, { expectedVersion: 1 }), async () => (await fx.store.listBudgetLines(p.id))[0].amountKr],
      ['financing', () => other.saveFinancing({ ...rows.financing, amountKr: 60_000 }, { expectedVersion: 1 }), () => fx.store.saveFinancing({ ...rows.financing, name: 'Region Midt' }, { expectedVersion: 1 }), async () => (await fx.store.listFinancing(p.id))[0].amountKr],
      ['spending', () => other.saveSpendingYear({ ...rows.spending, spentKr: 12_000 }, { expectedVersion: 1 }), () => fx.store.saveSpendingYear({ ...rows.spending, note: 'Min note' }, { expectedVersion: 1 }), async () => (await fx.store.listSpendingYears(e.id))[0].spentKr],
    ];
    const kept: Record<string, unknown> = {};
    for (const [name, theirs, mine, read] of saves) {
      expect(await theirs(), name).toMatchObject({ version: 2 });
      const error = await refusal(mine());
      expect(error.message, name).toBe(REFUSED);
      kept[name] = await read();
    }
    // The other's change stands everywhere.
    expect(kept).toEqual({ effectChain: 'Kollegaens workshops', survey: 9, learning: 'Kollegaens tekst', budget: 120_000, financing: 60_000, spending: 12_000 });
    // With the version read after reloading, the save goes through and bumps it.
    expect(await fx.store.saveBudgetLine({ ...rows.budget, amountKr: 120_000, costType: 'Løn, projektleder' }, { expectedVersion: 2 })).toMatchObject({ costType: 'Løn, projektleder', version: 3 });
  });

  it('a save committed by the other session while this one was under way is caught by the write itself', async () => {
    const p = await fx.store.createProject(facts());
    const e = await fx.store.createEvaluation(round(p.id));
    await fx.store.setScore({ evaluationId: e.id, parameter: 1, score: 3, headline: '', text: 'Udkast' });

    // The other session saves in an open transaction and holds it; this one's save, based on the
    // same version, has to wait for it (the row lock on PostgreSQL, the write lock on SQLite).
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let wrote!: () => void;
    const written = new Promise<void>((resolve) => (wrote = resolve));
    const first = other.transaction(async (tx) => {
      await tx.setScore({ evaluationId: e.id, parameter: 1, score: 4, headline: '', text: 'Kollegaens' }, { expectedVersion: 1 });
      wrote();
      await gate;
    });
    await written;
    const second = fx.store.setScore({ evaluationId: e.id, parameter: 1, score: 1, headline: '', text: 'Min' }, { expectedVersion: 1 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await first;
    const error = await refusal(second);
    expect(error.message).toBe(REFUSED);
    expect(await fx.store.getScore(e.id, 1)).toMatchObject({ text: 'Kollegaens', version: 2 });
  });

  it('an import (one transaction, no versions) writes as before and bumps the versions', async () => {
    const p = await fx.store.createProject(facts());
    const e = await fx.store.createEvaluation(round(p.id));
    await other.setScore({ evaluationId: e.id, parameter: 1, score: 2, headline: '', text: 'Før' });
    await fx.store.transaction(async (tx) => {
      await tx.setScore({ evaluationId: e.id, parameter: 1, score: 3, headline: '', text: 'Importeret' });
      await tx.setEvaluationText(e.id, 'effect', 'Importeret konklusion');
      await tx.updateProject(p.id, { description: 'Importeret' });
    });
    expect(await other.getScore(e.id, 1)).toMatchObject({ text: 'Importeret', version: 2 });
    expect((await other.getEvaluationTextVersions(e.id)).effect).toBe(1);
    expect((await other.getProject(p.id))!.version).toBe(2);
  });

  it('a save that changes nothing (the same text sent twice, Enter then Tab) is not refused: nothing can be lost', async () => {
    const p = await fx.store.createProject(facts());
    const e = await fx.store.createEvaluation(round(p.id));
    await fx.store.setScore({ evaluationId: e.id, parameter: 4, score: 3, headline: '', text: 'Udkast' });
    await fx.store.setScore({ evaluationId: e.id, parameter: 4, score: 3, headline: '', text: 'Samme tekst' }, { expectedVersion: 1 });
    expect(await fx.store.setScore({ evaluationId: e.id, parameter: 4, score: 3, headline: '', text: 'Samme tekst' }, { expectedVersion: 1 })).toMatchObject({ text: 'Samme tekst', version: 2 });
    await fx.store.setEvaluationText(e.id, 'facts', 'Fakta', { expectedVersion: 0 });
    expect((await fx.store.setEvaluationText(e.id, 'facts', 'Fakta', { expectedVersion: 0 })).facts).toBe('Fakta');
    await fx.store.updateProject(p.id, { journalNumber: 'J-1' }, { expectedVersion: 1 });
    expect(await fx.store.updateProject(p.id, { journalNumber: 'J-1' }, { expectedVersion: 1 })).toMatchObject({ journalNumber: 'J-1', version: 2 });
    // A different text on the old version is still refused.
    await expect(fx.store.updateProject(p.id, { journalNumber: 'J-2' }, { expectedVersion: 1 })).rejects.toBeInstanceOf(StaleWriteError);
  });

  it('says it in English too', () => {
    expect(staleWriteMessage('en', 'evaluator2', '2024-03-01T13:05:02.000Z')).toBe('Changed by evaluator2 at 14:05; reload');
    expect(staleWriteMessage('da', 'evaluator2', '2024-07-01T06:09:00.000Z')).toBe('Ændret af evaluator2 kl. 08:09; genindlæs');
  });
});
