import type { LevelResult } from '../../../shared/methodology';
import { DEFAULT_PROFILE, effectSuggestion, evaluate, levelAttainment, suggestEffectLight } from '../../../shared/methodology';
import { HEADSTART_GOALS, goal, headstartInput } from './fixtures';

const P = DEFAULT_PROFILE;

function effectLevel(percents: number[]): LevelResult {
  return levelAttainment(
    percents.map((p, i) => goal(`C${i + 1}`, 100, p)),
    'C',
    'final',
    P,
  );
}

describe('suggestEffectLight', () => {
  it('003: effect goals average 81 % -> green in a final evaluation', () => {
    expect(suggestEffectLight(levelAttainment(HEADSTART_GOALS, 'C', 'final', P), 'final', P)).toBe('green');
  });

  it('final: green from 81, yellow from 50, red below', () => {
    expect(suggestEffectLight(effectLevel([81]), 'final', P)).toBe('green');
    expect(suggestEffectLight(effectLevel([80]), 'final', P)).toBe('yellow');
    expect(suggestEffectLight(effectLevel([50]), 'final', P)).toBe('yellow');
    expect(suggestEffectLight(effectLevel([49]), 'final', P)).toBe('red');
    expect(suggestEffectLight(effectLevel([0]), 'final', P)).toBe('red');
  });

  it('midterm: the bands of section 3 give the colour, so a midterm suggestion can be yellow (25-34 %)', () => {
    const level = (p: number) => levelAttainment([goal('C1', 100, p)], 'C', 'midterm', P);
    expect(suggestEffectLight(level(35), 'midterm', P)).toBe('green');
    expect(suggestEffectLight(level(34), 'midterm', P)).toBe('yellow');
    expect(suggestEffectLight(level(25), 'midterm', P)).toBe('yellow');
    expect(suggestEffectLight(level(24), 'midterm', P)).toBe('red');
    expect(effectSuggestion(level(30), 'midterm', P).explanation).toBeNull();
  });

  it('explains a suggestion that differs from its band: final 55 % is a red band, suggested yellow', () => {
    const s = effectSuggestion(effectLevel([55]), 'final', P);
    expect(s.light).toBe('yellow');
    expect(s.band).toMatchObject({ light: 'red', meaning: 'farBelow' });
    expect(s.explanation).toEqual({
      code: 'effectYellowFromHalf',
      params: { percent: 55, bandLight: 'red', bandMeaning: 'farBelow', yellowMin: 50, suggested: 'yellow' },
      message: 'Effektmålenes gennemsnit 55 % ligger i et rødt bånd: Målopnåelsen er meget under det ønskede niveau. Forslaget er gult, fordi mindst 50 % af de forventede effekter er nået.',
    });
    // A yellow band (65-80 %) needs no explanation.
    expect(effectSuggestion(effectLevel([70]), 'final', P).explanation).toBeNull();
    // The explanation reaches the evaluation's light outcome, for the screen and the workbook.
    const summary = evaluate(headstartInput({ goals: [goal('C1', 100, 55)] }), P);
    expect(summary.lights.effect.explanation?.code).toBe('effectYellowFromHalf');
  });

  it('uses the displayed average: 49.5 shows 50 and is yellow', () => {
    expect(suggestEffectLight(effectLevel([49, 50]), 'final', P)).toBe('yellow');
  });

  it('has no suggestion without counted effect goals', () => {
    expect(suggestEffectLight(levelAttainment([goal('C1', null, 5), goal('C2', 10, undefined)], 'C', 'final', P), 'final', P)).toBeNull();
    expect(suggestEffectLight(levelAttainment([], 'C', 'final', P), 'final', P)).toBeNull();
  });

  it('reads the yellow minimum from the profile', () => {
    expect(suggestEffectLight(effectLevel([55]), 'final', { ...P, effectYellowMin: 60 })).toBe('red');
  });
});
