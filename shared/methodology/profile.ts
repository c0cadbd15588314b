import type { Light } from '../domain';

/**
 * The methodology profile: every threshold of METHODOLOGY.md in one object.
 * Nothing else in the code base may hard-code a threshold; the UI legend, the workbook's
 * "Sådan scorer vi" sheet and the engine all read it from here.
 */

/** Meaning keys of the goal-attainment bands (METHODOLOGY.md section 3). */
export type GoalBandMeaning = 'asDesired' | 'slightlyBelow' | 'somewhatBelow' | 'farBelow' | 'nonExistent';

export interface GoalBand {
  /** Lowest integer percent (inclusive) of the band. Bands are listed from highest to lowest. */
  min: number;
  light: Light;
  meaning: GoalBandMeaning;
}

export interface MethodologyProfile {
  /** Stable identifier and human name of the profile. */
  id: string;
  name: string;
  /** Goal-attainment bands per evaluation type, highest band first; the last band has min 0. */
  goalBands: { final: GoalBand[]; midterm: GoalBand[] };
  /** Implementation average (rounded to one decimal): lowest value of green and yellow. */
  implementationBands: { greenMin: number; yellowMin: number };
  /** Number of parameters that must be scored before the average gets a light. */
  implementationParameterCount: number;
  /** Scores allowed per parameter. */
  scoreRange: { min: number; max: number };
  /** Cap each goal at 100 % inside level averages (default off: the source does not cap). */
  capAt100: boolean;
  /** Burn ratio = budget % / time %: below `under` flags underspending, above `over` overspending. */
  burnRatio: { under: number; over: number };
  /** A printed percent that differs from the computed one by more than this many points warns. */
  consistencyTolerancePoints: number;
  /** Effect light suggestion: yellow from this effect-goal average (percent) when not green. */
  effectYellowMin: number;
  /** Budget vs financing, and indirect-cost checks: tolerance in kr. */
  budgetToleranceKr: number;
}

export const DEFAULT_PROFILE: MethodologyProfile = {
  id: 'standard-2022',
  name: 'Standard (Bilag: Sådan scorer vi)',
  goalBands: {
    final: [
      { min: 95, light: 'green', meaning: 'asDesired' },
      // The source prints 81-90 % and leaves 91-94 % in no band; METHODOLOGY.md closes the gap.
      { min: 81, light: 'green', meaning: 'slightlyBelow' },
      { min: 65, light: 'yellow', meaning: 'somewhatBelow' },
      { min: 20, light: 'red', meaning: 'farBelow' },
      { min: 0, light: 'red', meaning: 'nonExistent' },
    ],
    midterm: [
      { min: 45, light: 'green', meaning: 'asDesired' },
      { min: 35, light: 'green', meaning: 'slightlyBelow' },
      { min: 25, light: 'yellow', meaning: 'somewhatBelow' },
      { min: 15, light: 'red', meaning: 'farBelow' },
      { min: 0, light: 'red', meaning: 'nonExistent' },
    ],
  },
  implementationBands: { greenMin: 3.5, yellowMin: 2.6 },
  implementationParameterCount: 6,
  scoreRange: { min: 1, max: 5 },
  capAt100: false,
  burnRatio: { under: 0.8, over: 1.2 },
  consistencyTolerancePoints: 1,
  effectYellowMin: 50,
  budgetToleranceKr: 1,
};
