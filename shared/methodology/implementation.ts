import type { ImplementationParameter, Light } from '../domain';
import { IMPLEMENTATION_PARAMETERS } from '../domain';
import type { MethodologyProfile } from './profile';
import { DEFAULT_PROFILE } from './profile';
import { roundHalfUp } from './rounding';
import type { ImplementationResult, ScoreInput } from './types';

/**
 * The implementation score (METHODOLOGY.md section 4): six parameters, integer scores 1-5,
 * mean rounded to one decimal half up, light only once all six are scored.
 */

export class InvalidScoreError extends Error {
  readonly value: unknown;

  constructor(value: unknown, range: { min: number; max: number }) {
    super(`Ugyldig score ${describeValue(value)}: en score skal være et helt tal fra ${range.min} til ${range.max}`);
    this.name = 'InvalidScoreError';
    this.value = value;
  }
}

function describeValue(value: unknown): string {
  // Danish decimal comma, but never rounded: the message must show the value as entered.
  if (typeof value === 'number') return String(value).replace('.', ',');
  if (typeof value === 'string') return `"${value}"`;
  if (value === null || value === undefined) return '(tom)';
  return `"${String(value)}"`;
}

/** Returns the score as a number; anything but an integer in the profile's range throws. */
export function validateScore(value: unknown, profile: MethodologyProfile = DEFAULT_PROFILE): number {
  const { min, max } = profile.scoreRange;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new InvalidScoreError(value, profile.scoreRange);
  }
  return value;
}

/** The overall score is shown with one decimal (3,8). */
export const IMPLEMENTATION_DECIMALS = 1;

export function implementationLight(rounded: number, profile: MethodologyProfile): Light {
  // Re-rounding is idempotent on a proper one-decimal value and keeps 2.5999999 out of red.
  const value = roundHalfUp(rounded, IMPLEMENTATION_DECIMALS);
  const { greenMin, yellowMin } = profile.implementationBands;
  if (value >= greenMin) return 'green';
  if (value >= yellowMin) return 'yellow';
  return 'red';
}

export function implementationResult(scores: ScoreInput[], profile: MethodologyProfile): ImplementationResult {
  const byParameter = Object.fromEntries(IMPLEMENTATION_PARAMETERS.map((p) => [p, null])) as Record<
    ImplementationParameter,
    number | null
  >;
  for (const { parameter, score } of scores) {
    byParameter[parameter] = score === null ? null : validateScore(score, profile);
  }
  const scored = IMPLEMENTATION_PARAMETERS.map((p) => byParameter[p]).filter((s): s is number => s !== null);
  const required = profile.implementationParameterCount;
  const average = scored.length === 0 ? null : scored.reduce((sum, s) => sum + s, 0) / scored.length;
  const rounded = average === null ? null : roundHalfUp(average, IMPLEMENTATION_DECIMALS);
  const provisional = scored.length < required;
  return {
    scores: byParameter,
    scored: scored.length,
    required,
    average,
    rounded,
    light: provisional || rounded === null ? null : implementationLight(rounded, profile),
    provisional,
  };
}
