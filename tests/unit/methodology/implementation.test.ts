import {
  DEFAULT_PROFILE,
  InvalidScoreError,
  implementationLight,
  implementationResult,
  validateScore,
} from '../../../shared/methodology';
import { scores } from './fixtures';

const P = DEFAULT_PROFILE;

describe('validateScore', () => {
  it.each([1, 2, 3, 4, 5])('accepts %i', (s) => {
    expect(validateScore(s)).toBe(s);
  });

  it.each([
    [0, '0'],
    [6, '6'],
    [3.5, '3,5'],
    ['fire', '"fire"'],
    ['4', '"4"'],
    [null, '(tom)'],
    [Number.NaN, 'NaN'],
    [-1, '-1'],
  ])('rejects %s with a Danish message naming it', (value, shown) => {
    expect(() => validateScore(value)).toThrow(InvalidScoreError);
    expect(() => validateScore(value)).toThrow(`Ugyldig score ${shown}: en score skal være et helt tal fra 1 til 5`);
  });

  it('keeps the bad value on the error', () => {
    try {
      validateScore(6);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidScoreError);
      expect((e as InvalidScoreError).value).toBe(6);
    }
  });
});

describe('implementationResult', () => {
  it('003: 4,4,4,4,4,3 -> 23/6 = 3.83 -> 3.8 green', () => {
    const r = implementationResult(scores(4, 4, 4, 4, 4, 3), P);
    expect(r.average).toBeCloseTo(23 / 6, 12);
    expect(r.rounded).toBe(3.8);
    expect(r.light).toBe('green');
    expect(r.provisional).toBe(false);
    expect(r.scored).toBe(6);
    expect(r.required).toBe(6);
    expect(r.scores).toEqual({ 1: 4, 2: 4, 3: 4, 4: 4, 5: 4, 6: 3 });
  });

  it('is provisional without a light until all six are scored', () => {
    const r = implementationResult(scores(5, 4, null, 3), P);
    expect(r.scored).toBe(3);
    expect(r.provisional).toBe(true);
    expect(r.average).toBe(4);
    expect(r.rounded).toBe(4);
    expect(r.light).toBeNull();
    expect(r.scores[3]).toBeNull();
    expect(r.scores[6]).toBeNull();
  });

  it('has no average at all when nothing is scored', () => {
    const r = implementationResult([], P);
    expect(r).toMatchObject({ scored: 0, average: null, rounded: null, light: null, provisional: true });
  });

  it('rejects an invalid score among the inputs', () => {
    expect(() => implementationResult(scores(4, 4, 4, 4, 4, 6), P)).toThrow(InvalidScoreError);
    expect(() => implementationResult(scores(4, 0), P)).toThrow(/Ugyldig score 0/);
  });

  it('rounds the mean half up: 3,3,4,4,4,3 = 3.5 -> green; 3,3,3,3,3,2 = 2.83 -> 2.8 yellow', () => {
    expect(implementationResult(scores(3, 3, 4, 4, 4, 3), P)).toMatchObject({ rounded: 3.5, light: 'green' });
    expect(implementationResult(scores(3, 3, 3, 3, 3, 2), P)).toMatchObject({ rounded: 2.8, light: 'yellow' });
    // 16/6 = 2.67 -> 2.7 yellow, 15/6 = 2.5 red, 20/6 = 3.33 -> 3.3 yellow
    expect(implementationResult(scores(3, 3, 3, 3, 2, 2), P)).toMatchObject({ rounded: 2.7, light: 'yellow' });
    expect(implementationResult(scores(3, 3, 3, 2, 2, 2), P)).toMatchObject({ rounded: 2.5, light: 'red' });
    expect(implementationResult(scores(4, 4, 3, 3, 3, 3), P)).toMatchObject({ rounded: 3.3, light: 'yellow' });
  });
});

describe('implementationLight band edges', () => {
  it.each([
    [5.0, 'green'],
    [3.5, 'green'],
    [3.4, 'yellow'],
    [2.6, 'yellow'],
    [2.5, 'red'],
    [1.0, 'red'],
  ])('%d -> %s', (value, light) => {
    expect(implementationLight(value, P)).toBe(light);
  });

  it('uses the profile bands', () => {
    const strict = { ...P, implementationBands: { greenMin: 4, yellowMin: 3 } };
    expect(implementationLight(3.8, strict)).toBe('yellow');
    expect(implementationLight(2.9, strict)).toBe('red');
  });
});
