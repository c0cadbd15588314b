import type { LevelResult } from '../../../shared/methodology';
import { DEFAULT_PROFILE, levelAttainment, suggestEffectLight } from '../../../shared/methodology';
import { HEADSTART_GOALS, goal } from './fixtures';

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

  it('midterm: the green bands start at 35, so 35-49 is green and 34 red', () => {
    const level = (p: number) => levelAttainment([goal('C1', 100, p)], 'C', 'midterm', P);
    expect(suggestEffectLight(level(35), 'midterm', P)).toBe('green');
    expect(suggestEffectLight(level(34), 'midterm', P)).toBe('red');
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
