import type { EvaluationInput } from '../../../shared/methodology';
import { DEFAULT_PROFILE, evaluate } from '../../../shared/methodology';
import { APPLICATION_FINANCING, HEADSTART_GOALS, goal, headstartInput, scores } from './fixtures';

const P = DEFAULT_PROFILE;

describe('evaluate: seed 003 (Headstart, final evaluation)', () => {
  const s = evaluate(headstartInput(), P);

  it('reproduces the level averages: activity 100 %, output 94 %, effect 81 %', () => {
    expect(s.levels.A.displayAverage).toBe(100);
    expect(s.levels.B.displayAverage).toBe(94);
    expect(s.levels.B.goals.map((g) => g.displayPercent)).toEqual([86, 97, 100]);
    expect(s.levels.C.goals.map((g) => g.displayPercent)).toEqual([87, 75]);
  });

  it('suggests the goal light from the output average: 94 % green', () => {
    expect(s.lights.goals).toEqual({
      kind: 'goals',
      suggested: 'green',
      override: null,
      reason: '',
      final: 'green',
      overridden: false,
      basis: { level: 'B', displayPercent: 94 },
      explanation: null,
    });
  });

  it('scores implementation 3.8 green', () => {
    expect(s.implementation.rounded).toBe(3.8);
    expect(s.lights.implementation).toMatchObject({ suggested: 'green', final: 'green', basis: null });
  });

  it('suggests the effect light from the effect goals', () => {
    expect(s.lights.effect).toMatchObject({ suggested: 'green', final: 'green', basis: { level: 'C', displayPercent: 81 } });
  });

  it('shows budget 100 % and time 100 % as reported, with the 48-month period beside it', () => {
    expect(s.progress.budget.displayPercent).toBe(100);
    expect(s.progress.time.displayPercent).toBe(100);
    expect(s.progress.time.computedTotalMonths).toBe(48);
    expect(s.progress.time.reportedDiffers).toBe(true);
    expect(s.gapOutputVsTime).toBe(94 - 100);
  });

  it('finds the 004 budget balanced against its financing', () => {
    expect(s.budget.totalKr).toBe(14_038_106);
    expect(s.budget.balanced).toBe(true);
  });

  it("warns that 004's budget lines (14.038.106 kr.) are not 003's total budget (20.000.000 kr.)", () => {
    const w = s.warnings.find((x) => x.code === 'budgetLinesTotalDiffers');
    expect(w?.params).toEqual({ budgetKr: 14_038_106, projectKr: 20_000_000, differenceKr: -5_961_894 });
    expect(w?.message).toBe('Budget: budgetlinjerne giver i alt 14.038.106 kr., projektets samlede budget er 20.000.000 kr. (forskel \u22125.961.894 kr.)');
  });

  it('warns about C2 (printed 88 %, computed 75 %) and the reported months, nothing else', () => {
    // The fixture's budget lines are 004's; give it 004's total so that only 003's warnings remain.
    const s = evaluate(headstartInput({ progress: { ...headstartInput().progress, totalBudgetKr: 14_038_106, budgetTotalReportedKr: 14_038_106, budgetSpentKr: 14_038_106 } }), P);
    expect(s.warnings.map((w) => w.code)).toEqual(['printedPercentDiffers', 'timeReportedDiffers']);
    expect(s.warnings[0].message).toBe('C2: trykt målopnåelse 88 % afviger fra beregnet 75 %');
    expect(s.warnings[0].params).toEqual({ goal: 'C2', printed: 88, computed: 75 });
    expect(s.warnings[1].message).toBe(
      'Tidsforbrug: rapporteret 47 af 47 måneder, bevillingsperioden giver 47,1 af 48 måneder',
    );
  });
});

describe('evaluate: lights and overrides', () => {
  it('keeps the suggestion, the override and its reason; the override is final', () => {
    const s = evaluate(
      headstartInput({ decisions: [{ kind: 'effect', override: 'yellow', reason: 'C2 er usikker' }] }),
      P,
    );
    expect(s.lights.effect).toMatchObject({ suggested: 'green', override: 'yellow', reason: 'C2 er usikker', final: 'yellow', overridden: true });
    expect(s.warnings.some((w) => w.code === 'overrideWithoutReason')).toBe(false);
  });

  it('a choice equal to the suggestion is kept but is not an override, and needs no reason', () => {
    const s = evaluate(headstartInput({ decisions: [{ kind: 'goals', override: 'green', reason: '' }] }), P);
    expect(s.lights.goals).toMatchObject({ suggested: 'green', override: 'green', final: 'green', overridden: false });
    expect(s.warnings.some((w) => w.code === 'overrideWithoutReason')).toBe(false);
  });

  it('warns about an override stored without a reason', () => {
    const s = evaluate(headstartInput({ decisions: [{ kind: 'goals', override: 'red', reason: '  ' }] }), P);
    expect(s.lights.goals.final).toBe('red');
    expect(s.warnings.at(-1)?.code).toBe('overrideWithoutReason');
  });

  it('falls back to the activity average when no output goal counts', () => {
    const goals = [goal('A1', 10, 7), goal('B1', null, 3)];
    const s = evaluate(headstartInput({ goals }), P);
    expect(s.lights.goals).toMatchObject({ suggested: 'yellow', basis: { level: 'A', displayPercent: 70 } });
    expect(s.gapOutputVsTime).toBeNull();
  });

  it('has no goal or effect suggestion without counted goals', () => {
    const s = evaluate(headstartInput({ goals: [] }), P);
    expect(s.lights.goals).toMatchObject({ suggested: null, final: null, basis: null });
    expect(s.lights.effect).toMatchObject({ suggested: null, final: null, basis: null });
  });

  it('classifies with the midterm bands in a midterm evaluation', () => {
    const goals = [goal('B1', 100, 40)];
    expect(evaluate(headstartInput({ goals, evaluationType: 'midterm' }), P).lights.goals.suggested).toBe('green');
    expect(evaluate(headstartInput({ goals, evaluationType: 'final' }), P).lights.goals.suggested).toBe('red');
  });
});

describe('evaluate: project warnings in order', () => {
  it('lists goal warnings in goal order, then project warnings in their fixed order', () => {
    const input: EvaluationInput = headstartInput({
      goals: [
        goal('B2', 100, 50, { printed: 60 }),
        goal('A1', null, 3),
        goal('B1', 50, 62), // 124 %: uncapped average 87 green, capped 75 yellow
      ],
      scores: scores(4, 4, 4, 4),
      financing: [{ name: 'Socialfonden', amountKr: 7_019_053 }],
      progress: {
        evaluationDate: '2020-12-31',
        periodStart: '2019-01-01',
        periodEnd: '2022-12-31',
        totalBudgetKr: 10_000_000,
        budgetSpentKr: 2_000_000,
        budgetTotalReportedKr: 12_000_000,
        monthsElapsedReported: 20,
        monthsTotalReported: 48,
      },
      budgetLines: [
        { costType: 'Løn', year: 2019, amountKr: 1_000_000, percentOfDirect: null },
        { costType: 'Indirekte udgifter', year: 2019, amountKr: 200_000, percentOfDirect: 18 },
      ],
    });
    const s = evaluate(input, P);
    expect(s.warnings.map((w) => w.code)).toEqual([
      'printedPercentDiffers',
      'noTarget',
      'provisionalImplementation',
      'budgetFinancingMismatch',
      'budgetLinesTotalDiffers',
      'indirectCostMismatch',
      'burnUnder',
      'timeReportedDiffers',
      'budgetReportedDiffers',
      'cappingChangesLight',
    ]);
    const byCode = Object.fromEntries(s.warnings.map((w) => [w.code, w]));
    expect(byCode.printedPercentDiffers.message).toBe('B2: trykt målopnåelse 60 % afviger fra beregnet 50 %');
    expect(byCode.noTarget.message).toContain('A1');
    expect(byCode.provisionalImplementation.message).toBe('Implementering: foreløbig score, 4 af 6 parametre er scoret');
    expect(byCode.budgetFinancingMismatch.params).toEqual({ budgetKr: 1_200_000, financingKr: 7_019_053, differenceKr: -5_819_053 });
    expect(byCode.indirectCostMismatch.params).toMatchObject({ year: 2019, expectedKr: 180_000, actualKr: 200_000 });
    expect(byCode.indirectCostMismatch.message).toBe(
      'Budget 2019: "Indirekte udgifter" er 200.000 kr., men 18 % af de direkte udgifter 1.000.000 kr. er 180.000 kr.',
    );
    // Budget 2/12 = 16.7 %, time 20/48 = 41.7 %: ratio 0.4.
    expect(byCode.burnUnder.params.ratio).toBeCloseTo(0.4, 12);
    expect(byCode.budgetReportedDiffers.message).toBe(
      'Budgetforbrug: rapporteret samlet budget 12.000.000 kr. afviger fra projektets samlede budget 10.000.000 kr.',
    );
    expect(byCode.cappingChangesLight.params).toMatchObject({ level: 'B', light: 'green', alternativeLight: 'yellow', cappedPercent: 75, uncappedPercent: 87 });
    expect(s.lights.implementation).toMatchObject({ suggested: null, final: null });
  });

  it('flags overspending', () => {
    const s = evaluate(
      headstartInput({
        progress: { ...headstartInput().progress, evaluationDate: '2020-12-31', budgetSpentKr: 15_000_000, monthsElapsedReported: null, monthsTotalReported: null },
      }),
      P,
    );
    expect(s.progress.burnRatio).toBeCloseTo(1.5, 12);
    expect(s.warnings.map((w) => w.code)).toContain('burnOver');
  });

  it('applies the profile capping setting to the light', () => {
    const goals = [goal('B1', 50, 62), goal('B2', 100, 50)];
    expect(evaluate(headstartInput({ goals }), P).lights.goals.suggested).toBe('green');
    expect(evaluate(headstartInput({ goals }), { ...P, capAt100: true }).lights.goals.suggested).toBe('yellow');
  });

  it('does not warn about financing when there is none to compare', () => {
    const s = evaluate(headstartInput({ financing: [] }), P);
    expect(s.warnings.map((w) => w.code)).not.toContain('budgetFinancingMismatch');
    expect(APPLICATION_FINANCING).toHaveLength(2);
    expect(HEADSTART_GOALS).toHaveLength(9);
  });
});
