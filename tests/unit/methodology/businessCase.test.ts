import { businessCaseResult, BUSINESS_CASE_FORMULAS } from '../../../shared/methodology/businessCase';
import { comparisonDifference, goalComparison } from '../../../shared/methodology/comparison';
import type { GoalInput } from '../../../shared/methodology/types';

describe('business case (seed 002, "Den økonomiske gevinst")', () => {
  // 54.844 kr. half-year net expense + 15.500 kr. tax = 70.344 kr. saved in the first year, 1.995 kr. invested.
  const seed = { costPerParticipantKr: 1995, savingPerCitizenYearKr: 70_344, years: 1, citizens: null };

  it('gives the saving per citizen the seed prints (68.349 kr.) and no total without a number of citizens', () => {
    const r = businessCaseResult(seed);
    expect(r.savingPerCitizenKr).toBe(68_349);
    expect(r.totalSavingKr).toBeNull();
    expect(r.missing.totalSavingKr).toEqual(['citizens']);
    expect(r.missing.savingPerCitizenKr).toEqual([]);
    expect(r.paybackYears).toBeCloseTo(1995 / 70_344, 10);
  });

  it('multiplies by the citizens and years given, assuming none', () => {
    const r = businessCaseResult({ ...seed, citizens: 30, years: 2 });
    expect(r.savingPerCitizenKr).toBe(70_344 * 2 - 1995);
    expect(r.totalSavingKr).toBe((70_344 * 2 - 1995) * 30);
    expect(businessCaseResult({ ...seed, years: null }).savingPerCitizenKr).toBeNull();
    expect(businessCaseResult({ ...seed, years: null }).missing.savingPerCitizenKr).toEqual(['years']);
  });

  it('has no payback when nothing is saved', () => {
    expect(businessCaseResult({ ...seed, savingPerCitizenYearKr: 0 }).paybackYears).toBeNull();
    expect(businessCaseResult({ ...seed, savingPerCitizenYearKr: -10 }).paybackYears).toBeNull();
  });

  it('states each formula in Danish and English', () => {
    expect(BUSINESS_CASE_FORMULAS.savingPerCitizenKr.da).toContain('antal år − udgift pr. deltager');
    expect(BUSINESS_CASE_FORMULAS.totalSavingKr.en).toContain('number of citizens');
  });
});

describe('comparison with a baseline or comparison group (seed 000)', () => {
  const goal = (over: Partial<GoalInput>): GoalInput => ({
    code: 'C1',
    level: 'C',
    description: 'I fuldtidsjob i Danmark',
    unit: '%',
    targetInPeriod: null,
    targetAfterPeriod: null,
    direction: 'higher',
    baseline: null,
    status: { value: 68, reportedAt: '2022-12-31', reportedBy: '', printedPercent: null, source: { file: '', location: '' } },
    comparison: { value: 31, label: 'alle internationale dimittender', source: 'Danmarks Statistik', year: 2018 },
    ...over,
  });

  it('is the difference in percentage points, not a relative change', () => {
    expect(comparisonDifference(68, 31)).toBe(37);
    expect(goalComparison(goal({}))).toEqual({ reached: 68, comparison: 31, difference: 37, points: true, label: 'alle internationale dimittender', source: 'Danmarks Statistik', year: 2018 });
  });

  it("compares a share's computed percent (30 af 124 = 24,2 %)", () => {
    const c = goalComparison(
      goal({ unit: 'personer', share: { targetKind: 'percent', denominatorTarget: null }, status: { value: 30, denominator: 124, reportedAt: '2018-12-31', reportedBy: '', printedPercent: 24, source: { file: '', location: '' } }, comparison: { value: 20, label: 'x', source: 'y', year: null } }),
    );
    expect(c?.reached).toBeCloseTo((30 / 124) * 100, 10);
    expect(c?.difference).toBeCloseTo((30 / 124) * 100 - 20, 10);
    expect(c?.points).toBe(true);
  });

  it('has no difference before a status, and no comparison without one', () => {
    expect(goalComparison(goal({ status: null }))?.difference).toBeNull();
    expect(goalComparison(goal({ comparison: null }))).toBeNull();
    expect(goalComparison(goal({ unit: 'personer' }))?.points).toBe(false);
  });
});
