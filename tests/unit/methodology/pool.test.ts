import { poolLevel } from '../../../shared/methodology';
import { goal } from './fixtures';

describe('poolLevel', () => {
  it('pools as sum of status / sum of targets, not a mean of percents', () => {
    // Percents 50 % and 100 %: mean 75 %, pooled (50 + 10) / (100 + 10) = 54.5 %.
    const r = poolLevel([goal('B1', 100, 50), goal('B1', 10, 10)], 'B');
    expect(r).toMatchObject({ level: 'B', statusSum: 60, targetSum: 110, goals: 2 });
    expect(r.percent).toBeCloseTo((60 / 110) * 100, 12);
    expect(r.displayPercent).toBe(55);
  });

  it('pools 003 outputs to 19343 / 19383', () => {
    const r = poolLevel([goal('B1', 256, 219), goal('B2', 90, 87), goal('B4', 19037, 19037)], 'B');
    expect(r.statusSum).toBe(19343);
    expect(r.targetSum).toBe(19383);
    expect(r.displayPercent).toBe(100);
  });

  it('skips goals of other levels, without target or status, and lower-is-better goals', () => {
    const r = poolLevel(
      [
        goal('B1', 100, 80),
        goal('A1', 100, 0),
        goal('B2', null, 5),
        goal('B3', 0, 5),
        goal('B4', 10, undefined),
        goal('B5', 10, null),
        goal('B6', 10, 20, { direction: 'lower', baseline: 30 }),
      ],
      'B',
    );
    expect(r).toMatchObject({ statusSum: 80, targetSum: 100, percent: 80, displayPercent: 80, goals: 1 });
  });

  it('gives null percent when nothing can be pooled', () => {
    expect(poolLevel([], 'C')).toEqual({ level: 'C', statusSum: 0, targetSum: 0, percent: null, displayPercent: null, goals: 0 });
  });
});
