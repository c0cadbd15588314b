import type { GoalLevel } from '../../../shared/domain';
import { levelHeadline, poolIndicators, portfolioRollup, type IndicatorRef, type PoolGoalInput } from '../../../shared/methodology';
import { goal } from './fixtures';

const indicator = (key: string, level: GoalLevel = 'B', name = `Indikator ${key}`, unit = 'deltagere'): IndicatorRef => ({ key, code: '', name, unit, level });
const linked = (projectId: number, g: ReturnType<typeof goal>, ind: IndicatorRef | null): PoolGoalInput => ({ projectId, goal: g, indicator: ind });

describe('poolIndicators', () => {
  it('pools one indicator as sum of status / sum of targets, not a mean of percents', () => {
    // Percents 50 % and 100 %: mean 75 %, pooled (50 + 10) / (100 + 10) = 54.5 %.
    const participants = indicator('1');
    const [r] = poolIndicators([linked(1, goal('B1', 100, 50), participants), linked(2, goal('B3', 10, 10), participants)]);
    expect(r).toMatchObject({ statusSum: 60, targetSum: 110, goals: 2, projects: 2, linkedGoals: 2 });
    expect(r.percent).toBeCloseTo((60 / 110) * 100, 12);
    expect(r.displayPercent).toBe(55);
  });

  it('never adds different indicators: 003 participants, companies and CVs stay three figures', () => {
    // The old roll-up added them: (219 + 87 + 19037) / (256 + 90 + 19037) = 99.8 %.
    const rows = poolIndicators([
      linked(1, goal('B1', 256, 219), indicator('p', 'B', 'Deltagere')),
      linked(1, goal('B2', 90, 87), indicator('v', 'B', 'Virksomheder', 'virksomheder')),
      linked(1, goal('B4', 19037, 19037), indicator('k', 'B', 'Kandidater', 'kandidater')),
      linked(2, goal('B1', 300, 30), indicator('v', 'B', 'Virksomheder', 'virksomheder')),
    ]);
    expect(rows.map((r) => [r.indicator.name, r.displayPercent, r.projects])).toEqual([
      ['Deltagere', 86, 1],
      ['Kandidater', 100, 1],
      ['Virksomheder', 30, 2], // (87 + 30) / (90 + 300) = 30 %
    ]);
  });

  it('leaves out unlinked goals entirely, and counts linked goals it cannot pool by reason', () => {
    const ind = indicator('1');
    const [r] = poolIndicators([
      linked(1, goal('B1', 100, 80), ind),
      linked(1, goal('B2', null, 5), ind),
      linked(2, goal('B3', 0, 5), ind),
      linked(2, goal('B4', 10, undefined), ind),
      linked(3, goal('B5', 10, null), ind),
      linked(3, goal('B6', 10, 20, { direction: 'lower', baseline: 30 }), ind),
      linked(4, goal('B7', 1000, 1000), null),
    ]);
    expect(r).toMatchObject({ statusSum: 80, targetSum: 100, percent: 80, goals: 1, projects: 1, linkedGoals: 6 });
    expect(r.leftOut).toEqual({ noTarget: 2, notReported: 1, missingValue: 1, lowerIsBetter: 1 });
  });

  it('has empty sums, not 0 of 0, when nothing of an indicator can be pooled', () => {
    const [r] = poolIndicators([linked(1, goal('B1', 10, undefined), indicator('1'))]);
    expect(r).toMatchObject({ statusSum: null, targetSum: null, percent: null, displayPercent: null, goals: 0, projects: 0, linkedGoals: 1 });
    expect(poolIndicators([])).toEqual([]);
  });
});

describe('portfolio headline', () => {
  it('is the mean of the projects’ level averages, over the projects that have one', () => {
    // 003's outputs average 94 %; a second project far below at 12 %: the headline is 53 %.
    const h = levelHeadline('B', [94.06, 12, null]);
    expect(h.average).toBeCloseTo(53.03, 10);
    expect(h).toMatchObject({ displayAverage: 53, projects: 2, projectsTotal: 3 });
    expect(levelHeadline('C', [null])).toMatchObject({ average: null, displayAverage: null, projects: 0, projectsTotal: 1 });
  });

  it('rolls up a portfolio: headline per level, indicators, and unlinked goals counted per level', () => {
    const ind = indicator('1');
    const r = portfolioRollup([
      { projectId: 1, levelAverages: { A: 100, B: 90, C: null }, goals: [linked(1, goal('B1', 100, 90), ind), linked(1, goal('A1', 1, 1), null)] },
      { projectId: 2, levelAverages: { A: null, B: 10, C: null }, goals: [linked(2, goal('B1', 900, 90), ind), linked(2, goal('B2', 5, 1), null)] },
    ]);
    expect(r.projects).toBe(2);
    expect(r.headline.B).toMatchObject({ displayAverage: 50, projects: 2 });
    expect(r.headline.A).toMatchObject({ displayAverage: 100, projects: 1, projectsTotal: 2 });
    // Pooled: (90 + 90) / (100 + 900) = 18 %, while the mean of the two projects is 50 %.
    expect(r.indicators[0]).toMatchObject({ statusSum: 180, targetSum: 1000, displayPercent: 18, projects: 2 });
    expect(r.unlinkedGoals).toEqual({ A: 1, B: 1, C: 0 });
  });
});
