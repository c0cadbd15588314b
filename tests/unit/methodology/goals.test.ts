import type { MethodologyProfile } from '../../../shared/methodology';
import { DEFAULT_PROFILE, classifyGoalPercent, goalAttainment, levelAttainment } from '../../../shared/methodology';
import { HEADSTART_GOALS, goal } from './fixtures';

const P = DEFAULT_PROFILE;
const CAPPED: MethodologyProfile = { ...DEFAULT_PROFILE, capAt100: true };

describe('goalAttainment (seed 003)', () => {
  it('computes status / target x 100 and rounds the display half up', () => {
    const b1 = goalAttainment(goal('B1', 256, 219), P);
    expect(b1.percent).toBeCloseTo(85.546875, 10);
    expect(b1.displayPercent).toBe(86);
    expect(b1.state).toBe('ok');
    expect(b1.counted).toBe(true);
    expect(goalAttainment(goal('B2', 90, 87), P).displayPercent).toBe(97);
    expect(goalAttainment(goal('B4', 19037, 19037), P).displayPercent).toBe(100);
    expect(goalAttainment(goal('C1', 114, 99), P).displayPercent).toBe(87);
    expect(goalAttainment(goal('C2', 60, 45), P).displayPercent).toBe(75);
  });

  it('gives 100 % for every activity goal of 003', () => {
    const results = HEADSTART_GOALS.filter((g) => g.level === 'A').map((g) => goalAttainment(g, P));
    expect(results.map((r) => r.displayPercent)).toEqual([100, 100, 100, 100]);
    expect(results.every((r) => r.warnings.length === 0)).toBe(true);
  });

  it('warns when the printed percent differs by more than the tolerance (C2: 88 vs 75)', () => {
    const c2 = goalAttainment(goal('C2', 60, 45, { printed: 88 }), P);
    expect(c2.warnings).toHaveLength(1);
    expect(c2.warnings[0].code).toBe('printedPercentDiffers');
    expect(c2.warnings[0].params).toEqual({ goal: 'C2', printed: 88, computed: 75 });
    expect(c2.warnings[0].message).toBe('C2: trykt målopnåelse 88 % afviger fra beregnet 75 %');
  });

  it('accepts a printed percent equal to the computed one or within 1 point (C1: 87)', () => {
    expect(goalAttainment(goal('C1', 114, 99, { printed: 87 }), P).warnings).toEqual([]);
    expect(goalAttainment(goal('C1', 114, 99, { printed: 86 }), P).warnings).toEqual([]);
    expect(goalAttainment(goal('C1', 114, 99, { printed: 88 }), P).warnings).toEqual([]);
    expect(goalAttainment(goal('C1', 114, 99, { printed: 89 }), P).warnings.map((w) => w.code)).toEqual([
      'printedPercentDiffers',
    ]);
    const strict = { ...P, consistencyTolerancePoints: 0 };
    expect(goalAttainment(goal('C1', 114, 99, { printed: 88 }), strict).warnings).toHaveLength(1);
  });

  it('keeps attainment over 100 % as it is', () => {
    const r = goalAttainment(goal('B3', 50, 62), P);
    expect(r.percent).toBe(124);
    expect(r.displayPercent).toBe(124);
    expect(r.counted).toBe(true);
  });

  it('leaves out a goal without a target or with target 0, never 0 % or infinite', () => {
    for (const target of [null, 0]) {
      const r = goalAttainment(goal('B5', target, 10), P);
      expect(r.state).toBe('noTarget');
      expect(r.counted).toBe(false);
      expect(r.percent).toBeNull();
      expect(r.displayPercent).toBeNull();
      expect(r.warnings[0].code).toBe('noTarget');
      expect(r.warnings[0].message).toContain('B5');
    }
  });

  it('marks a goal without a status as not reported', () => {
    const r = goalAttainment(goal('A5', 10, undefined), P);
    expect(r.state).toBe('notReported');
    expect(r.counted).toBe(false);
    expect(r.percent).toBeNull();
    expect(r.warnings.map((w) => w.code)).toEqual(['notReported']);
  });

  it('marks a reported status whose figure is missing as missingValue, not 0 %', () => {
    const r = goalAttainment(goal('B6', 10, null, { printed: 0 }), P);
    expect(r.state).toBe('missingValue');
    expect(r.counted).toBe(false);
    expect(r.percent).toBeNull();
    expect(r.warnings.map((w) => w.code)).toEqual(['missingValue']);
  });

  describe('lower is better', () => {
    it('uses (baseline - status) / (baseline - target)', () => {
      const r = goalAttainment(goal('C3', 20, 30, { direction: 'lower', baseline: 40 }), P);
      expect(r.percent).toBe(50);
      expect(r.displayPercent).toBe(50);
    });

    it('allows a target of 0 and exceeds 100 % below target', () => {
      expect(goalAttainment(goal('C3', 0, 5, { direction: 'lower', baseline: 20 }), P).percent).toBe(75);
      expect(goalAttainment(goal('C3', 10, 5, { direction: 'lower', baseline: 20 }), P).percent).toBe(150);
    });

    it('goes negative when status is worse than the baseline', () => {
      expect(goalAttainment(goal('C3', 10, 25, { direction: 'lower', baseline: 20 }), P).percent).toBe(-50);
    });

    it('needs a baseline that differs from the target', () => {
      for (const baseline of [null, 10]) {
        const r = goalAttainment(goal('C3', 10, 5, { direction: 'lower', baseline }), P);
        expect(r.state).toBe('noBaseline');
        expect(r.counted).toBe(false);
        expect(r.warnings[0].code).toBe('noBaseline');
      }
    });
  });
});

describe('levelAttainment', () => {
  it('averages the unrounded output percents of 003 to 94 % green', () => {
    const b = levelAttainment(HEADSTART_GOALS, 'B', 'final', P);
    expect(b.average).toBeCloseTo((85.546875 + 96.66666666666667 + 100) / 3, 10);
    expect(b.displayAverage).toBe(94);
    expect(b.light).toBe('green');
    expect(b.band?.meaning).toBe('slightlyBelow');
    expect(b.goals.map((g) => g.code)).toEqual(['B1', 'B2', 'B4']);
    expect([b.reported, b.total, b.counted]).toEqual([3, 3, 3]);
    expect(b.cappingChangesLight).toBe(false);
  });

  it('averages 003 activity goals to 100 % and effect goals to 81 %', () => {
    const a = levelAttainment(HEADSTART_GOALS, 'A', 'final', P);
    expect(a.displayAverage).toBe(100);
    expect(a.band?.meaning).toBe('asDesired');
    const c = levelAttainment(HEADSTART_GOALS, 'C', 'final', P);
    expect(c.average).toBeCloseTo((99 / 114 * 100 + 75) / 2, 10);
    expect(c.displayAverage).toBe(81);
  });

  it('leaves out goals without target or status but reports n of m', () => {
    const goals = [goal('B1', 100, 80), goal('B2', 0, 5), goal('B3', 50, undefined), goal('B4', 10, null), goal('A1', 1, 1)];
    const b = levelAttainment(goals, 'B', 'final', P);
    expect(b.total).toBe(4);
    expect(b.reported).toBe(2); // B1 and B2 have a status value
    expect(b.counted).toBe(1);
    expect(b.average).toBe(80);
    expect(b.light).toBe('yellow');
  });

  it('gives no average and no light when no goal counts', () => {
    const b = levelAttainment([goal('B1', null, 3)], 'B', 'final', P);
    expect(b.average).toBeNull();
    expect(b.displayAverage).toBeNull();
    expect(b.band).toBeNull();
    expect(b.light).toBeNull();
    expect(b.alternativeAverage).toBeNull();
    expect(b.cappingChangesLight).toBe(false);
  });

  it('does not cap by default, but reports when capping would change the light', () => {
    // 124 % and 60 %: uncapped mean 92 (green), capped mean 80 (yellow).
    const goals = [goal('B1', 50, 62), goal('B2', 100, 60)];
    const uncapped = levelAttainment(goals, 'B', 'final', P);
    expect(uncapped.average).toBe(92);
    expect(uncapped.light).toBe('green');
    expect(uncapped.alternativeAverage).toBe(80);
    expect(uncapped.alternativeLight).toBe('yellow');
    expect(uncapped.cappingChangesLight).toBe(true);

    const capped = levelAttainment(goals, 'B', 'final', CAPPED);
    expect(capped.average).toBe(80);
    expect(capped.light).toBe('yellow');
    expect(capped.alternativeAverage).toBe(92);
    expect(capped.alternativeLight).toBe('green');
    expect(capped.cappingChangesLight).toBe(true);
    // The goal itself still shows 124 %.
    expect(capped.goals[0].displayPercent).toBe(124);
  });

  it('says capping does not matter when the light stays the same', () => {
    const goals = [goal('B1', 100, 110), goal('B2', 100, 100)];
    const r = levelAttainment(goals, 'B', 'final', P);
    expect(r.average).toBe(105);
    expect(r.alternativeAverage).toBe(100);
    expect(r.cappingChangesLight).toBe(false);
  });
});

describe('classifyGoalPercent band edges', () => {
  const cases: [number, 'final' | 'midterm', string, string][] = [
    [100, 'final', 'green', 'asDesired'],
    [95, 'final', 'green', 'asDesired'],
    [94, 'final', 'green', 'slightlyBelow'],
    [91, 'final', 'green', 'slightlyBelow'],
    [81, 'final', 'green', 'slightlyBelow'],
    [80, 'final', 'yellow', 'somewhatBelow'],
    [65, 'final', 'yellow', 'somewhatBelow'],
    [64, 'final', 'red', 'farBelow'],
    [20, 'final', 'red', 'farBelow'],
    [19, 'final', 'red', 'nonExistent'],
    [0, 'final', 'red', 'nonExistent'],
    [45, 'midterm', 'green', 'asDesired'],
    [44, 'midterm', 'green', 'slightlyBelow'],
    [35, 'midterm', 'green', 'slightlyBelow'],
    [34, 'midterm', 'yellow', 'somewhatBelow'],
    [25, 'midterm', 'yellow', 'somewhatBelow'],
    [24, 'midterm', 'red', 'farBelow'],
    [15, 'midterm', 'red', 'farBelow'],
    [14, 'midterm', 'red', 'nonExistent'],
    [0, 'midterm', 'red', 'nonExistent'],
    [124, 'midterm', 'green', 'asDesired'],
  ];
  it.each(cases)('%i %% (%s) -> %s %s', (percent, type, light, meaning) => {
    const band = classifyGoalPercent(percent, type, P);
    expect(band.light).toBe(light);
    expect(band.meaning).toBe(meaning);
  });

  it('classifies on the displayed integer: 94.5 shows 95 and is green asDesired', () => {
    expect(classifyGoalPercent(94.5, 'final', P).meaning).toBe('asDesired');
    expect(classifyGoalPercent(94.49, 'final', P).meaning).toBe('slightlyBelow');
    expect(classifyGoalPercent(80.5, 'final', P).light).toBe('green');
    expect(classifyGoalPercent(80.49, 'final', P).light).toBe('yellow');
  });

  it('puts a level average of 94.5 % into the green asDesired band', () => {
    const r = levelAttainment([goal('B1', 100, 94), goal('B2', 100, 95)], 'B', 'final', P);
    expect(r.average).toBe(94.5);
    expect(r.displayAverage).toBe(95);
    expect(r.band?.meaning).toBe('asDesired');
  });

  it('puts negative percents into the lowest band', () => {
    expect(classifyGoalPercent(-50, 'final', P).meaning).toBe('nonExistent');
    expect(classifyGoalPercent(-1, 'midterm', P).light).toBe('red');
  });

  it('reads the bands from the profile, not from constants', () => {
    const custom: MethodologyProfile = {
      ...P,
      goalBands: { ...P.goalBands, final: [{ min: 0, light: 'yellow', meaning: 'somewhatBelow' }, { min: 50, light: 'green', meaning: 'asDesired' }] },
    };
    expect(classifyGoalPercent(50, 'final', custom).light).toBe('green');
    expect(classifyGoalPercent(49, 'final', custom).light).toBe('yellow');
  });
});
