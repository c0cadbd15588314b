import type { EvaluationType, Light } from '../domain';
import { classifyGoalPercent } from './goals';
import type { MethodologyProfile } from './profile';
import type { LevelResult } from './types';

/**
 * Suggested effect light (METHODOLOGY.md section 5, Decision). The effect light is the
 * evaluator's judgement; this only proposes a starting point from the effect goals.
 */
export function suggestEffectLight(
  effectLevel: LevelResult,
  evaluationType: EvaluationType,
  profile: MethodologyProfile,
): Light | null {
  if (effectLevel.counted === 0 || effectLevel.displayAverage === null) return null;
  const shown = effectLevel.displayAverage;
  if (classifyGoalPercent(shown, evaluationType, profile).light === 'green') return 'green';
  // "At least half of the expected effects" is the source's yellow criterion.
  return shown >= profile.effectYellowMin ? 'yellow' : 'red';
}
