import type { EvaluationType, Light } from '../domain';
import { formatDanishNumber, shownDecimals } from '../numbers/danish';
import { classifyGoalPercent } from './goals';
import { GOAL_BAND_MEANINGS } from './legend';
import type { GoalBand, GoalBandMeaning, MethodologyProfile } from './profile';
import type { Explanation, LevelResult } from './types';

/**
 * Suggested effect light (METHODOLOGY.md section 5, Decision). The effect light is the
 * evaluator's judgement; this only proposes a starting point from the effect goals.
 *
 * The bands of section 3 give the colour (so a midterm evaluation can be yellow: 25-34 %), and
 * the source's yellow criterion, "at least half of the expected effects", lifts a red band to
 * yellow from `effectYellowMin`. When that makes the suggestion differ from the band's colour,
 * the result says why, in the words the screen and the workbook both show.
 */

export interface EffectSuggestion {
  light: Light | null;
  /** The band of the displayed effect-goal average; null without counted effect goals. */
  band: GoalBand | null;
  /** Why the suggestion differs from the band's colour; null when they agree. */
  explanation: Explanation | null;
}

const LIGHT_DA_NEUTER: Record<Light, string> = { green: 'grønt', yellow: 'gult', red: 'rødt' };
/** The suggestion for a displayed (integer) effect-goal average; null average -> no light. */
export function effectSuggestionFor(
  displayAverage: number | null,
  evaluationType: EvaluationType,
  profile: MethodologyProfile,
): EffectSuggestion {
  if (displayAverage === null) return { light: null, band: null, explanation: null };
  const band = classifyGoalPercent(displayAverage, evaluationType, profile);
  if (band.light !== 'red') return { light: band.light, band, explanation: null };
  if (displayAverage < profile.effectYellowMin) return { light: 'red', band, explanation: null };
  const params = {
    percent: displayAverage,
    bandLight: band.light,
    bandMeaning: band.meaning,
    yellowMin: profile.effectYellowMin,
    suggested: 'yellow' as Light,
  };
  return {
    light: 'yellow',
    band,
    explanation: {
      code: 'effectYellowFromHalf',
      params,
      message: effectExplanationDa(params),
    },
  };
}

/**
 * "Effektmålenes gennemsnit 55 % ligger i et rødt bånd: Målopnåelsen er meget under det ønskede
 * niveau. Forslaget er gult, fordi mindst 50 % af de forventede effekter er nået." The band's
 * sentence is the legend's, so the workbook can build the same words from its own legend.
 */
export function effectExplanationDa(p: { percent: number; bandLight: Light; bandMeaning: GoalBandMeaning; yellowMin: number; suggested: Light }): string {
  return (
    `Effektmålenes gennemsnit ${formatDanishNumber(p.percent)} % ligger i et ${LIGHT_DA_NEUTER[p.bandLight]} bånd: ` +
    `${GOAL_BAND_MEANINGS[p.bandMeaning].da} Forslaget er ${LIGHT_DA_NEUTER[p.suggested]}, fordi mindst ` +
    `${formatDanishNumber(p.yellowMin, shownDecimals(p.yellowMin))} % af de forventede effekter er nået.`
  );
}

export function effectSuggestion(effectLevel: LevelResult, evaluationType: EvaluationType, profile: MethodologyProfile): EffectSuggestion {
  if (effectLevel.counted === 0) return { light: null, band: null, explanation: null };
  return effectSuggestionFor(effectLevel.displayAverage, evaluationType, profile);
}

export function suggestEffectLight(
  effectLevel: LevelResult,
  evaluationType: EvaluationType,
  profile: MethodologyProfile,
): Light | null {
  return effectSuggestion(effectLevel, evaluationType, profile).light;
}
