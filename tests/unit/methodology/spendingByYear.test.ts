import { spendingByYear } from '../../../shared/methodology/spendingByYear';

describe('spendingByYear (issue 15)', () => {
  const budgetYears = [
    { year: 2021, totalKr: 100.1 },
    { year: 2022, totalKr: 200.2 },
  ];

  it('sums to the øre: 0,10 + 0,20 kr. is 0,30 kr. and matches a reported 0,30 kr.', () => {
    const v = spendingByYear({ budgetYears, spending: [{ year: 2021, spentKr: 0.1, note: '' }, { year: 2022, spentKr: 0.2, note: '' }], reportedSpentKr: 0.3, roundBudgetKr: 300.3 });
    expect(v.check).toEqual({ state: 'matches', sumKr: 0.3, reportedKr: 0.3 });
    expect(v.rows.map((r) => r.remainingKr)).toEqual([100, 200]);
    expect(v.total.remainingKr).toBe(300);
  });

  it('lists a year with spending and no budget line, without a remaining or a percent', () => {
    const v = spendingByYear({ budgetYears, spending: [{ year: 2023, spentKr: 5, note: 'Slutrapport' }], reportedSpentKr: 4, roundBudgetKr: null });
    expect(v.rows.at(-1)).toEqual({ year: 2023, budgetKr: null, spentKr: 5, remainingKr: null, percent: null, note: 'Slutrapport' });
    expect(v.total).toEqual({ budgetKr: null, spentKr: 5, remainingKr: null, percent: null });
    expect(v.check).toEqual({ state: 'differs', sumKr: 5, reportedKr: 4, differenceKr: 1 });
  });

  it('has no check without recorded years, and says when the round reports no spent figure', () => {
    expect(spendingByYear({ budgetYears, spending: [], reportedSpentKr: 10, roundBudgetKr: 300.3 }).check).toBeNull();
    expect(spendingByYear({ budgetYears, spending: [{ year: 2021, spentKr: 1, note: '' }], reportedSpentKr: null, roundBudgetKr: 300.3 }).check).toEqual({ state: 'noReported', sumKr: 1 });
  });
});
