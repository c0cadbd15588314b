import type { GoalLevel } from '../../../shared/domain';
import { goalAttainment, poolIndicators, type GoalInput, type IndicatorRef, type PoolGoalInput } from '../../../shared/methodology';
import { DEFAULT_PROFILE } from '../../../shared/methodology/profile';
import { poolShares, shareFigure } from '../../../shared/methodology/shares';
import { goal } from './fixtures';

/** A share goal: `target` is a percent or a count of the numerator; status "numerator af denominator". */
function share(code: string, target: number | null, numerator: number | null, denominator: number | null, targetKind: 'percent' | 'count' = 'percent', printed: number | null = null): GoalInput {
  const g = goal(code, target, numerator, { printed, share: { targetKind, denominatorTarget: null } });
  return { ...g, status: g.status && { ...g.status, denominator } };
}
const indicator = (key: string, level: GoalLevel = 'C', name = `Indikator ${key}`): IndicatorRef => ({ key, code: '', name, unit: 'personer', level });
const linked = (projectId: number, g: GoalInput, ind: IndicatorRef | null): PoolGoalInput => ({ projectId, goal: g, indicator: ind });

describe('share goals (seed 002: 30 af 124 boligplacerede i selvforsørgelse = 24 %)', () => {
  it('computes the share from its two counts', () => {
    expect(shareFigure(30, 124)).toMatchObject({ numerator: 30, denominator: 124, displayPercent: 24 });
    expect(shareFigure(30, 124)!.percent).toBeCloseTo(24.193548, 5);
    expect(shareFigure(30, 0)).toBeNull();
    expect(shareFigure(30, null)).toBeNull();
  });

  it('a percent target: attainment = reached percent / target percent', () => {
    const r = goalAttainment(share('C1', 30, 30, 124), DEFAULT_PROFILE);
    expect(r.percent).toBeCloseTo(((30 / 124) * 100 * 100) / 30, 9); // 24.19 % of 30 % = 80.6 %
    expect(r.displayPercent).toBe(81);
    expect(r.share).toMatchObject({ numerator: 30, denominator: 124, displayPercent: 24 });
  });

  it('a count target: attainment = numerator / target, the share shown beside it', () => {
    const r = goalAttainment(share('C1', 40, 30, 124, 'count'), DEFAULT_PROFILE);
    expect(r.displayPercent).toBe(75);
    expect(r.share?.displayPercent).toBe(24);
  });

  it('a percent target without a denominator is left out with its own reason, never 0 %', () => {
    const r = goalAttainment(share('C1', 30, 30, null), DEFAULT_PROFILE);
    expect(r).toMatchObject({ state: 'noDenominator', counted: false, percent: null, share: null });
    expect(r.warnings[0].message).toContain('C1');
  });

  it('compares a printed percent with the share, not with the attainment', () => {
    expect(goalAttainment(share('C1', 30, 30, 124, 'percent', 24), DEFAULT_PROFILE).warnings).toEqual([]);
    const wrong = goalAttainment(share('C1', 30, 30, 124, 'percent', 34), DEFAULT_PROFILE).warnings;
    expect(wrong).toMatchObject([{ code: 'printedPercentDiffers', params: { printed: 34, computed: 24 } }]);
    expect(wrong[0].message).toBe('C1: trykt andel 34 % afviger fra beregnet 24 %');
  });

  it('pools shares as sum of numerators / sum of denominators, never a mean of percents', () => {
    // 30/124 = 24.2 % and 1/2 = 50 %: mean of percents 37.1 %, pooled 31/126 = 24.6 %.
    const pooled = poolShares([
      { numerator: 30, denominator: 124 },
      { numerator: 1, denominator: 2 },
    ]);
    expect(pooled).toMatchObject({ numerator: 31, denominator: 126, displayPercent: 25 });
  });
});

describe('pooling with mixed indicators, shares and unlinked goals', () => {
  const selfSupporting = indicator('s', 'C', 'I selvforsørgelse');
  const participants = indicator('p', 'B', 'Deltagere');
  const rows = poolIndicators([
    linked(1, share('C1', 30, 30, 124), selfSupporting), // percent target: expects 30 % x 124 = 37.2
    linked(2, share('C1', 10, 1, 2, 'count'), selfSupporting), // count target: 1 of 10
    linked(3, share('C2', 25, 5, null), selfSupporting), // no denominator: left out of both
    linked(1, goal('B1', 221, 221), participants),
    linked(2, goal('B1', 50, 25), participants),
    linked(3, share('C9', 50, 500, 1000), null), // unlinked: never pooled
    linked(4, goal('B9', 1000, 1000), null),
  ]);

  it('keeps every indicator its own figure and leaves unlinked goals out', () => {
    expect(rows.map((r) => r.indicator.name)).toEqual(['Deltagere', 'I selvforsørgelse']);
    expect(rows[0]).toMatchObject({ statusSum: 246, targetSum: 271, goals: 2, projects: 2 });
    expect(rows[0].share).toBeUndefined();
  });

  it('pools the share goals of an indicator sum over sum, with the projects behind the figure', () => {
    const s = rows[1];
    expect(s.share).toMatchObject({ numeratorSum: 31, denominatorSum: 126, displayPercent: 25, goals: 2, projects: 2 });
    // Attainment in numerator units: (30 + 1) / (0.30 x 124 + 10).
    expect(s.statusSum).toBe(31);
    expect(s.targetSum).toBeCloseTo(37.2 + 10, 9);
    expect(s.displayPercent).toBe(66);
    expect(s).toMatchObject({ goals: 2, projects: 2, linkedGoals: 3 });
    expect(s.leftOut.missingValue).toBe(1);
  });
});
