import {
  DEFAULT_PROFILE,
  EFFECT_LIGHT_MEANINGS,
  GOAL_BAND_MEANINGS,
  PARAMETER_NAMES,
  SCORE_MEANINGS,
  formatGoalBandRange,
  formatImplementationBandRange,
  goalBandRows,
  implementationBandRows,
} from '../../../shared/methodology';

const P = DEFAULT_PROFILE;

describe('goalBandRows', () => {
  it('final: 95+, 81-94, 65-80, 20-64, 0-19', () => {
    expect(goalBandRows(P, 'final')).toEqual([
      { light: 'green', meaning: 'asDesired', min: 95, max: null },
      { light: 'green', meaning: 'slightlyBelow', min: 81, max: 94 },
      { light: 'yellow', meaning: 'somewhatBelow', min: 65, max: 80 },
      { light: 'red', meaning: 'farBelow', min: 20, max: 64 },
      { light: 'red', meaning: 'nonExistent', min: 0, max: 19 },
    ]);
    expect(goalBandRows(P, 'final').map(formatGoalBandRange)).toEqual([
      '95 % +',
      '81 - 94 %',
      '65 - 80 %',
      '20 - 64 %',
      '0 - 19 %',
    ]);
  });

  it('midterm: 45+, 35-44, 25-34, 15-24, 0-14', () => {
    expect(goalBandRows(P, 'midterm').map(formatGoalBandRange)).toEqual([
      '45 % +',
      '35 - 44 %',
      '25 - 34 %',
      '15 - 24 %',
      '0 - 14 %',
    ]);
  });

  it('follows a changed profile', () => {
    const custom = { ...P, goalBands: { ...P.goalBands, final: [{ min: 0, light: 'red' as const, meaning: 'nonExistent' as const }, { min: 90, light: 'green' as const, meaning: 'asDesired' as const }] } };
    expect(goalBandRows(custom, 'final').map(formatGoalBandRange)).toEqual(['90 % +', '0 - 89 %']);
  });
});

describe('implementationBandRows', () => {
  it('3,5-5,0 green / 2,6-3,4 yellow / 1,0-2,5 red', () => {
    expect(implementationBandRows(P)).toEqual([
      { light: 'green', min: 3.5, max: 5 },
      { light: 'yellow', min: 2.6, max: 3.4 },
      { light: 'red', min: 1, max: 2.5 },
    ]);
    expect(implementationBandRows(P).map(formatImplementationBandRange)).toEqual(['3,5 - 5,0', '2,6 - 3,4', '1,0 - 2,5']);
  });
});

describe('legend texts', () => {
  it('has the six parameter names of section 4', () => {
    expect(Object.keys(PARAMETER_NAMES)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(PARAMETER_NAMES[1]).toEqual({ da: 'Organisering og samarbejde', en: 'Organisation and cooperation' });
    expect(PARAMETER_NAMES[5].da).toBe('Forankring af output');
    expect(PARAMETER_NAMES[6].da).toBe('Monitorering og opfølgning');
  });

  it('has the score meanings of seed 003 appendix', () => {
    expect(SCORE_MEANINGS[5].da).toBe('Implementeringen er nyskabende og en inspiration for andre.');
    expect(SCORE_MEANINGS[1].da).toBe('Implementeringen er meget kritisabel.');
    expect(SCORE_MEANINGS[3].en).toBe('Satisfactory. Some improvement potentials.');
  });

  it('has a meaning for every goal band and effect light', () => {
    for (const band of [...P.goalBands.final, ...P.goalBands.midterm]) {
      expect(GOAL_BAND_MEANINGS[band.meaning].da).toMatch(/^Målopnåelsen er /);
    }
    expect(GOAL_BAND_MEANINGS.asDesired.da).toBe('Målopnåelsen er som ønsket eller bedre.');
    expect(EFFECT_LIGHT_MEANINGS.yellow.da).toContain('mindst halvdelen af de forventede effekter');
    expect(Object.keys(EFFECT_LIGHT_MEANINGS).sort()).toEqual(['green', 'red', 'yellow']);
  });
});
