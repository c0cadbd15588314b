import path from 'node:path';
import { createAppServices, type AppServices } from '../../../electron/services';
import { rollupOf } from '../../../electron/services/portfolioService';
import type { GoalFields } from '../../../electron/services/goalService';
import { makeTempDir } from './helpers';

/**
 * Issue 14: the portfolio pools per indicator only, counts and shares alike as sum / sum, through
 * the kept figures (migration 004) as the portfolio view, its workbook and the CLI read them.
 * Three projects on a real SQLite file: one indicator with two share goals (a percent target and
 * a count target) and a count goal, one with a count goal and an unreported share, unlinked goals.
 */

let dir: string;
let cleanup: () => void;
let services: AppServices;
beforeAll(async () => {
  ({ dir, cleanup } = makeTempDir());
  services = await createAppServices({ dbPath: path.join(dir, 'pool.sqlite'), user: 'tester' });
});
afterAll(async () => {
  await services.close();
  cleanup();
});

async function project(name: string, goals: (Partial<GoalFields> & Pick<GoalFields, 'level' | 'code'> & { status?: [number, number?] })[]) {
  const p = await services.portfolio.createProject({ name });
  const made = [];
  for (const { status, ...g } of goals) {
    const goal = await services.goals.createGoal(p.id, g);
    if (status) await services.goals.addStatus({ goalId: goal.id, value: status[0], denominator: status[1], reportedAt: '2024-06-30', reportedBy: '', acceptWarnings: true });
    made.push(goal);
  }
  await services.portfolio.createEvaluation({ projectId: p.id, type: 'midterm', date: '2024-06-30', acceptWarnings: true });
  return made;
}

it('pools counts and shares per indicator as sum / sum with the goals and projects behind each figure; unlinked goals are only counted', async () => {
  const selfSupporting = await services.store.saveIndicator({ code: 'EECR04', name: 'I selvforsørgelse', unit: 'personer', level: 'C', common: true });
  const companies = await services.store.saveIndicator({ code: 'OWN1', name: 'Virksomheder i forløb', unit: 'virksomheder', level: 'B' });
  const share = (targetKind: 'percent' | 'count') => ({ measure: 'share' as const, shareTargetKind: targetKind });
  // P1: 30 af 124 against a 25 % target: 31 expected of 124.
  const [p1c1, p1b1] = await project('P1', [
    { level: 'C', code: 'C1', targetInPeriod: 25, ...share('percent'), status: [30, 124] },
    { level: 'B', code: 'B1', targetInPeriod: 100, status: [80] },
  ]);
  // P2: 10 af 50 against a count target of 20; a share output goal not yet reported.
  const [p2c1, p2b1] = await project('P2', [
    { level: 'C', code: 'C1', targetInPeriod: 20, ...share('count'), status: [10, 50] },
    { level: 'B', code: 'B1', targetInPeriod: 40, ...share('percent') },
  ]);
  // P3: a count goal of the same indicator, and two goals linked to nothing.
  const [p3c1] = await project('P3', [
    { level: 'C', code: 'C1', targetInPeriod: 40, status: [30] },
    { level: 'A', code: 'A1', targetInPeriod: 10, status: [10] },
    { level: 'B', code: 'B2', targetInPeriod: 10, status: [5] },
  ]);
  await services.indicators.link([p1c1.id, p2c1.id, p3c1.id], selfSupporting.id);
  await services.indicators.link([p1b1.id, p2b1.id], companies.id);

  const first = (await services.portfolio.portfolioOverview()).rollup;
  // The second read comes from the kept JSON, not from a fresh computation.
  const kept = (await services.portfolio.portfolioOverview()).rollup;
  const fresh = rollupOf(await services.portfolio.loadPortfolio(), await services.store.listIndicators());
  expect(kept).toEqual(first);
  expect(kept).toEqual(fresh);
  expect(await services.portfolio.verifyFigures()).toEqual([]);

  const c = kept.indicators.find((i) => i.indicator.code === 'EECR04')!;
  expect(c).toMatchObject({ statusSum: 70, targetSum: 91, goals: 3, projects: 3, linkedGoals: 3 });
  expect(c.percent).toBeCloseTo((70 / 91) * 100, 10);
  expect(c.displayPercent).toBe(77);
  // Sum of numerators / sum of denominators (40 / 174 = 23 %), not the mean of 24 % and 20 % (22 %).
  expect(c.share).toMatchObject({ numeratorSum: 40, denominatorSum: 174, displayPercent: 23, goals: 2, projects: 2 });

  const b = kept.indicators.find((i) => i.indicator.code === 'OWN1')!;
  expect(b).toMatchObject({ statusSum: 80, targetSum: 100, displayPercent: 80, goals: 1, projects: 1, linkedGoals: 2, leftOut: { notReported: 1 } });
  expect(b.share).toMatchObject({ numeratorSum: null, denominatorSum: null, goals: 0, projects: 0 });

  expect(kept.indicators).toHaveLength(2);
  expect(kept.unlinkedGoals).toEqual({ A: 1, B: 1, C: 0 });

  // A new share status of the same date is in force and changes the kept pool (the triggers make the row stale).
  await services.goals.addStatus({ goalId: p2c1.id, value: 20, denominator: 50, reportedAt: '2024-06-30', reportedBy: '', acceptWarnings: true });
  const after = (await services.portfolio.portfolioOverview()).rollup.indicators.find((i) => i.indicator.code === 'EECR04')!;
  expect(after).toMatchObject({ statusSum: 80, targetSum: 91 });
  expect(after.share).toMatchObject({ numeratorSum: 50, denominatorSum: 174 });
  expect(await services.portfolio.verifyFigures()).toEqual([]);
});
