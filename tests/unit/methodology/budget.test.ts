import { DEFAULT_PROFILE, budgetCheck } from '../../../shared/methodology';
import { indirectAmountKr, keepIndirectInStep } from '../../../shared/methodology/budget';
import { APPLICATION_BUDGET, APPLICATION_FINANCING } from './fixtures';

const P = DEFAULT_PROFILE;

describe('budgetCheck (seed 004)', () => {
  const r = budgetCheck(APPLICATION_BUDGET, APPLICATION_FINANCING, P);

  it('sums the years as the application prints them', () => {
    expect(r.years).toEqual([
      { year: 2019, directKr: 3_331_076, indirectKr: 599_593.68, totalKr: 3_930_669.68 },
      { year: 2020, directKr: 4_282_812, indirectKr: 770_906.16, totalKr: 5_053_718.16 },
      { year: 2021, directKr: 4_282_812, indirectKr: 770_906.16, totalKr: 5_053_718.16 },
    ]);
  });

  it('balances against the financing 7.019.053 + 7.019.053 = 14.038.106 kr', () => {
    expect(r.totalKr).toBe(14_038_106);
    expect(r.financingTotalKr).toBe(14_038_106);
    expect(r.differenceKr).toBe(0);
    expect(r.balanced).toBe(true);
  });

  it('accepts indirect costs of 18 % of the direct costs of the same year', () => {
    expect(r.indirectChecks).toHaveLength(3);
    expect(r.indirectChecks[0]).toEqual({
      year: 2019,
      costType: 'Indirekte udgifter (18 % af de direkte udgifter)',
      claimedPercent: 18,
      directKr: 3_331_076,
      expectedKr: 599_593.68,
      actualKr: 599_593.68,
      ok: true,
    });
    expect(r.indirectChecks.every((c) => c.ok)).toBe(true);
  });

  it('flags an indirect line that is not its claimed percent', () => {
    const lines = APPLICATION_BUDGET.map((l) =>
      l.percentOfDirect !== null && l.year === 2020 ? { ...l, amountKr: 800_000 } : l,
    );
    const bad = budgetCheck(lines, APPLICATION_FINANCING, P);
    expect(bad.indirectChecks.map((c) => c.ok)).toEqual([true, false, true]);
    expect(bad.indirectChecks[1].expectedKr).toBe(770_906.16);
    expect(bad.balanced).toBe(false);
    expect(bad.differenceKr).toBe(29_093.84);
  });

  it('tolerates differences up to the profile tolerance', () => {
    const financing = [{ name: 'x', amountKr: 14_038_107 }];
    expect(budgetCheck(APPLICATION_BUDGET, financing, P).balanced).toBe(true);
    expect(budgetCheck(APPLICATION_BUDGET, [{ name: 'x', amountKr: 14_038_108 }], P).balanced).toBe(false);
    expect(budgetCheck(APPLICATION_BUDGET, financing, { ...P, budgetToleranceKr: 0 }).balanced).toBe(false);
  });

  it('is not balanced without budget lines or financing', () => {
    expect(budgetCheck([], [], P).balanced).toBe(false);
    expect(budgetCheck(APPLICATION_BUDGET, [], P).balanced).toBe(false);
    expect(budgetCheck([], APPLICATION_FINANCING, P)).toMatchObject({ totalKr: 0, balanced: false, years: [] });
  });
});

describe('budget lines against the project total budget (seed 004: 14.038.106 kr.)', () => {
  it('agrees when the lines sum to the total, within the profile tolerance', () => {
    expect(budgetCheck(APPLICATION_BUDGET, APPLICATION_FINANCING, P, 14_038_106).projectTotal).toEqual({ projectTotalKr: 14_038_106, differenceKr: 0, ok: true });
    expect(budgetCheck(APPLICATION_BUDGET, [], P, 14_038_107).projectTotal).toEqual({ projectTotalKr: 14_038_107, differenceKr: -1, ok: true });
  });

  it('differs beyond the tolerance, the difference being lines minus total', () => {
    expect(budgetCheck(APPLICATION_BUDGET, [], P, 14_000_000).projectTotal).toEqual({ projectTotalKr: 14_000_000, differenceKr: 38_106, ok: false });
    expect(budgetCheck(APPLICATION_BUDGET, [], P, 14_038_107.5).projectTotal?.ok).toBe(false);
    expect(budgetCheck(APPLICATION_BUDGET, [], { ...P, budgetToleranceKr: 50_000 }, 14_000_000).projectTotal?.ok).toBe(true);
  });

  it('has nothing to compare without lines or without a total', () => {
    expect(budgetCheck([], [], P, 14_038_106).projectTotal).toBeNull();
    expect(budgetCheck(APPLICATION_BUDGET, [], P, null).projectTotal).toBeNull();
    expect(budgetCheck(APPLICATION_BUDGET, [], P).projectTotal).toBeNull();
  });
});

describe('indirect costs kept as a percent of the direct costs', () => {
  it("computes 004's 18 % of each year's direct costs to the øre", () => {
    expect(indirectAmountKr(3_331_076, 18)).toBe(599_593.68);
    expect(indirectAmountKr(4_282_812, 18)).toBe(770_906.16);
    expect(indirectAmountKr(0, 18)).toBe(0);
    expect(indirectAmountKr(1_000.05, 17.5)).toBe(175.01); // 175,00875 half up
  });

  it('leaves lines that agree untouched, and moves an indirect line with its direct costs', () => {
    expect(keepIndirectInStep(APPLICATION_BUDGET).every((l, i) => l === APPLICATION_BUDGET[i])).toBe(true);
    const raised = APPLICATION_BUDGET.map((l) => (l.year === 2020 && l.costType === 'Revision' ? { ...l, amountKr: l.amountKr + 100_000 } : l));
    const inStep = keepIndirectInStep(raised);
    const indirect = inStep.filter((l) => l.percentOfDirect !== null).map((l) => [l.year, l.amountKr]);
    expect(indirect).toEqual([[2019, 599_593.68], [2020, 788_906.16], [2021, 770_906.16]]);
    expect(budgetCheck(inStep, [], P).indirectChecks.every((c) => c.ok)).toBe(true);
  });

  it('gives an indirect line of a year without direct costs 0 kr.', () => {
    expect(keepIndirectInStep([{ costType: 'Indirekte', year: 2030, amountKr: 500, percentOfDirect: 18 }])[0].amountKr).toBe(0);
  });
});
