import { DEFAULT_PROFILE, addDays, grantPeriodMonths, monthsBetween, progress } from '../../../shared/methodology';
import type { ProgressInput } from '../../../shared/methodology';
import { HEADSTART_PROGRESS } from './fixtures';

const P = DEFAULT_PROFILE;

describe('monthsBetween / grantPeriodMonths', () => {
  it('003: 01.01.2019 - 31.12.2022 is 48 months (end date inclusive)', () => {
    expect(grantPeriodMonths('2019-01-01', '2022-12-31')).toBe(48);
    expect(monthsBetween('2019-01-01', '2023-01-01')).toBe(48);
  });

  it('counts whole months plus the fraction of the month in progress', () => {
    expect(monthsBetween('2022-12-01', '2022-12-17')).toBeCloseTo(16 / 31, 12);
    expect(monthsBetween('2019-01-01', '2022-12-03')).toBeCloseTo(47 + 2 / 31, 12);
    expect(monthsBetween('2022-02-01', '2022-02-15')).toBeCloseTo(14 / 28, 12);
    expect(monthsBetween('2020-01-15', '2020-03-15')).toBe(2);
    expect(monthsBetween('2020-01-01', '2020-01-01')).toBe(0);
  });

  it('clamps month ends: 31 January + 1 month is 28/29 February', () => {
    expect(monthsBetween('2021-01-31', '2021-02-28')).toBe(1);
    expect(monthsBetween('2020-01-31', '2020-02-29')).toBe(1);
    expect(grantPeriodMonths('2020-07-01', '2021-06-30')).toBe(12);
  });

  it('is negative when the end is before the start', () => {
    expect(monthsBetween('2023-01-01', '2019-01-01')).toBe(-48);
  });

  it('rejects invalid dates', () => {
    expect(() => monthsBetween('2022-02-30', '2022-03-01')).toThrow(/2022-02-30/);
    expect(() => monthsBetween('01.01.2019', '2022-03-01')).toThrow();
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2022-12-31', 1)).toBe('2023-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});

describe('progress', () => {
  it('003: reported 47 of 47 months wins (100 %), the period computes 48 and both are shown', () => {
    const r = progress(HEADSTART_PROGRESS, P);
    expect(r.time.elapsedMonths).toBe(47);
    expect(r.time.totalMonths).toBe(47);
    expect(r.time.percent).toBe(100);
    expect(r.time.displayPercent).toBe(100);
    expect(r.time.computedTotalMonths).toBe(48);
    // The evaluation day 02.12.2022 has passed: 47 whole months and 2 of December's 31 days.
    expect(r.time.computedElapsedMonths).toBeCloseTo(47 + 2 / 31, 12);
    expect(r.time.computedPercent).toBeCloseTo(((47 + 2 / 31) / 48) * 100, 10);
    expect(r.time.reportedDiffers).toBe(true);
  });

  it('003: budget 20 of 20 mio. = 100 %, burn ratio 1 (ok)', () => {
    const r = progress(HEADSTART_PROGRESS, P);
    expect(r.budget).toEqual({ totalKr: 20_000_000, spentKr: 20_000_000, percent: 100, displayPercent: 100 });
    expect(r.burnRatio).toBe(1);
    expect(r.burnFlag).toBe('ok');
  });

  const base: ProgressInput = {
    evaluationDate: '2021-01-01',
    periodStart: '2019-01-01',
    periodEnd: '2022-12-31',
    totalBudgetKr: 10_000_000,
    budgetSpentKr: 5_000_000,
    budgetTotalReportedKr: null,
    monthsElapsedReported: null,
    monthsTotalReported: null,
  };

  it('computes time from the period when nothing is reported', () => {
    const r = progress({ ...base, evaluationDate: '2020-12-31' }, P);
    expect(r.time.elapsedMonths).toBe(24);
    expect(r.time.totalMonths).toBe(48);
    expect(r.time.percent).toBe(50);
    expect(r.time.reportedDiffers).toBe(false);
    expect(r.budget.percent).toBe(50);
    expect(r.burnRatio).toBe(1);
    expect(r.burnFlag).toBe('ok');
  });

  it('caps computed time at the period: an evaluation after the end is 100 %', () => {
    const r = progress({ ...base, evaluationDate: '2023-03-15' }, P);
    expect(r.time.computedElapsedMonths).toBe(48);
    expect(r.time.percent).toBe(100);
    const before = progress({ ...base, evaluationDate: '2018-06-01' }, P);
    expect(before.time.computedElapsedMonths).toBe(0);
    expect(before.burnRatio).toBeNull();
  });

  it('treats reported whole months within one month of the computed value as agreeing', () => {
    const r = progress({ ...base, evaluationDate: '2020-12-15', monthsElapsedReported: 23, monthsTotalReported: 48 }, P);
    expect(r.time.reportedDiffers).toBe(false);
    const off = progress({ ...base, evaluationDate: '2020-12-15', monthsElapsedReported: 20, monthsTotalReported: 48 }, P);
    expect(off.time.reportedDiffers).toBe(true);
    expect(off.time.elapsedMonths).toBe(20);
  });

  it('flags underspending below 0.8 and overspending above 1.2', () => {
    const at = (spent: number) => progress({ ...base, evaluationDate: '2020-12-31', budgetSpentKr: spent }, P);
    expect(at(4_000_000).burnRatio).toBeCloseTo(0.8, 12);
    expect(at(4_000_000).burnFlag).toBe('ok');
    expect(at(3_900_000).burnFlag).toBe('under');
    expect(at(6_000_000).burnFlag).toBe('ok');
    expect(at(6_100_000).burnFlag).toBe('over');
  });

  it('prefers the reported budget total over the project total', () => {
    const r = progress({ ...base, budgetTotalReportedKr: 20_000_000 }, P);
    expect(r.budget.totalKr).toBe(20_000_000);
    expect(r.budget.percent).toBe(25);
  });

  it('gives nulls rather than 0 or infinity for missing figures', () => {
    const r = progress(
      { ...base, periodStart: null, periodEnd: null, totalBudgetKr: 0, budgetSpentKr: 100 },
      P,
    );
    expect(r.budget.percent).toBeNull();
    expect(r.time.percent).toBeNull();
    expect(r.time.computedTotalMonths).toBeNull();
    expect(r.burnRatio).toBeNull();
    expect(r.burnFlag).toBeNull();
  });
});
