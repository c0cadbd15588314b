import type { EvaluationType, ImplementationParameter, Light } from '../domain';
import { formatDanishNumber } from '../numbers/danish';
import { IMPLEMENTATION_DECIMALS } from './implementation';
import type { GoalBandMeaning, MethodologyProfile } from './profile';
import { roundHalfUp, shiftDecimal } from './rounding';

/**
 * The legend ("Bilag: Sådan scorer vi"): rows derived from the profile so the UI and the
 * workbook always show the thresholds actually in force, plus the fixed texts of the method.
 */

export interface BilingualText {
  da: string;
  en: string;
}

export interface GoalBandRow {
  light: Light;
  meaning: GoalBandMeaning;
  /** Inclusive integer percents; max is null for the open-ended top band ("95 % +"). */
  min: number;
  max: number | null;
}

export interface ImplementationBandRow {
  light: Light;
  /** Inclusive, on the one-decimal overall score. */
  min: number;
  max: number;
}

export function goalBandRows(profile: MethodologyProfile, evaluationType: EvaluationType): GoalBandRow[] {
  const bands = [...profile.goalBands[evaluationType]].sort((a, b) => b.min - a.min);
  // Percents are classified as displayed integers, so a band ends one below the next band's min.
  return bands.map((band, i) => ({
    light: band.light,
    meaning: band.meaning,
    min: band.min,
    max: i === 0 ? null : bands[i - 1].min - 1,
  }));
}

export function implementationBandRows(profile: MethodologyProfile): ImplementationBandRow[] {
  const { greenMin, yellowMin } = profile.implementationBands;
  // The overall score has one decimal, so a band ends one tenth below the next band's min.
  const step = shiftDecimal(1, -IMPLEMENTATION_DECIMALS);
  const below = (min: number) => roundHalfUp(min - step, IMPLEMENTATION_DECIMALS);
  return [
    { light: 'green', min: greenMin, max: profile.scoreRange.max },
    { light: 'yellow', min: yellowMin, max: below(greenMin) },
    { light: 'red', min: profile.scoreRange.min, max: below(yellowMin) },
  ];
}

/** "95 % +", "81 - 94 %" */
export function formatGoalBandRange(row: GoalBandRow): string {
  return row.max === null ? `${row.min} % +` : `${row.min} - ${row.max} %`;
}

/** "3,5 - 5,0" */
export function formatImplementationBandRange(row: ImplementationBandRow): string {
  const f = (v: number) => formatDanishNumber(v, IMPLEMENTATION_DECIMALS);
  return `${f(row.min)} - ${f(row.max)}`;
}

export const PARAMETER_NAMES: Record<ImplementationParameter, BilingualText> = {
  1: { da: 'Organisering og samarbejde', en: 'Organisation and cooperation' },
  2: { da: 'Sammenhæng mellem aktiviteter og mål', en: 'Coherence between activities and goals' },
  3: { da: 'Kvalitet, målgruppens oplevelse', en: 'Quality as the target group experiences it' },
  4: { da: 'Relevans, målgruppens oplevelse', en: 'Relevance as the target group experiences it' },
  5: { da: 'Forankring af output', en: 'Anchoring: outputs continue after the project' },
  6: { da: 'Monitorering og opfølgning', en: 'Monitoring and follow-up' },
};

export type ScoreValue = 1 | 2 | 3 | 4 | 5;

export const SCORE_MEANINGS: Record<ScoreValue, BilingualText> = {
  5: {
    da: 'Implementeringen er nyskabende og en inspiration for andre.',
    en: 'The implementation is innovative and an inspiration for others.',
  },
  4: {
    da: 'Implementeringen er meget tilfredsstillende. Få forbedringspotentialer.',
    en: 'Very satisfactory. Few improvement potentials.',
  },
  3: {
    da: 'Implementeringen er tilfredsstillende. Visse forbedringspotentialer.',
    en: 'Satisfactory. Some improvement potentials.',
  },
  2: {
    da: 'Implementeringen er utilfredsstillende. Store forbedringspotentialer.',
    en: 'Unsatisfactory. Large improvement potentials.',
  },
  1: { da: 'Implementeringen er meget kritisabel.', en: 'Highly criticisable.' },
};

export const GOAL_BAND_MEANINGS: Record<GoalBandMeaning, BilingualText> = {
  asDesired: { da: 'Målopnåelsen er som ønsket eller bedre.', en: 'Goal attainment is as desired or better.' },
  slightlyBelow: {
    da: 'Målopnåelsen er lidt under det ønskede niveau.',
    en: 'Goal attainment is slightly below the desired level.',
  },
  somewhatBelow: {
    da: 'Målopnåelsen er noget under det ønskede niveau.',
    en: 'Goal attainment is somewhat below the desired level.',
  },
  farBelow: {
    da: 'Målopnåelsen er meget under det ønskede niveau.',
    en: 'Goal attainment is far below the desired level.',
  },
  nonExistent: {
    da: 'Målopnåelsen er ikkeeksisterende eller tæt på.',
    en: 'Goal attainment is non-existent or nearly so.',
  },
};

export const EFFECT_LIGHT_MEANINGS: Record<Light, BilingualText> = {
  green: {
    da: 'Det er tilstrækkeligt sandsynliggjort, at projektet vil kunne realisere de forventede effekter.',
    en: 'It is sufficiently probable that the project will realise the expected effects.',
  },
  yellow: {
    da:
      'Det er ikke i tilstrækkelig grad sandsynliggjort, at projektet når sine effektmål. ' +
      'Evaluator vurderer dog, at projektet vil realisere mindst halvdelen af de forventede effekter.',
    en:
      'It is not sufficiently probable that the project reaches its effect goals, but the evaluator ' +
      'judges that at least half of the expected effects will be realised.',
  },
  red: {
    da: 'Projektet vurderes ikke at realisere en tilfredsstillende andel af de forventede effekter.',
    en: 'The project is not judged to realise a satisfactory share of the expected effects.',
  },
};
