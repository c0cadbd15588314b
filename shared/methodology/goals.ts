import type { EvaluationType, GoalLevel, Light } from '../domain';
import { formatDanishNumber } from '../numbers/danish';
import type { GoalBand, MethodologyProfile } from './profile';
import type { GoalInput, GoalResult, LevelResult, Warning } from './types';
import { roundHalfUp } from './rounding';
import { shareAttainmentPercent, shareFigure } from './shares';

/**
 * Goal attainment per goal and per level (METHODOLOGY.md sections 2-3).
 */

const LEFT_OUT = 'indgår ikke i gennemsnittet';

function leftOut(goal: GoalInput, state: Exclude<GoalResult['state'], 'ok'>, message: string): GoalResult {
  return {
    code: goal.code,
    level: goal.level,
    percent: null,
    displayPercent: null,
    counted: false,
    state,
    warnings: [{ code: state, params: { goal: goal.code }, message: `${goal.code}: ${message}; ${LEFT_OUT}` }],
  };
}

export function goalAttainment(goal: GoalInput, profile: MethodologyProfile): GoalResult {
  const target = goal.targetInPeriod;
  const lowerIsBetter = goal.direction === 'lower';
  // For a lower-is-better goal a target of 0 ("no errors left") is meaningful: its divisor is
  // baseline - target, not the target.
  if (target === null || (!lowerIsBetter && target === 0)) {
    return leftOut(goal, 'noTarget', 'intet mål i projektperioden');
  }
  if (lowerIsBetter && (goal.baseline === null || goal.baseline === target)) {
    return leftOut(goal, 'noBaseline', '"lavere er bedre" kræver en baseline, der er forskellig fra målet');
  }
  if (goal.status === null) {
    return leftOut(goal, 'notReported', 'ingen status rapporteret');
  }
  const value = goal.status.value;
  if (value === null) {
    return leftOut(goal, 'missingValue', 'status er rapporteret, men tallet mangler');
  }

  const share = goal.share ? shareFigure(value, goal.status.denominator) : undefined;
  const sharePercent = goal.share ? shareAttainmentPercent(goal.share, target, value, share ?? null) : null;
  if (goal.share && sharePercent === null) {
    return { ...leftOut(goal, 'noDenominator', 'andelen mangler sin nævner (fx "30 af 124")'), share: null };
  }
  const percent =
    sharePercent !== null
      ? sharePercent
      : lowerIsBetter && goal.baseline !== null
        ? ((goal.baseline - value) / (goal.baseline - target)) * 100
        : (value / target) * 100;
  const displayPercent = roundHalfUp(percent);

  const warnings: Warning[] = [];
  const printed = goal.status.printedPercent;
  // A share's printed percent is the share ("30 af 124 (24 %)"), not its attainment.
  const printedOf = share ? share.displayPercent : goal.share ? null : displayPercent;
  if (printed !== null && printedOf !== null && Math.abs(printed - printedOf) > profile.consistencyTolerancePoints) {
    warnings.push({
      code: 'printedPercentDiffers',
      params: { goal: goal.code, printed, computed: printedOf },
      message:
        `${goal.code}: trykt ${share ? 'andel' : 'målopnåelse'} ${formatDanishNumber(printed, Number.isInteger(printed) ? 0 : 1)} % ` +
        `afviger fra beregnet ${formatDanishNumber(printedOf)} %`,
    });
  }

  const result: GoalResult = { code: goal.code, level: goal.level, percent, displayPercent, counted: true, state: 'ok', warnings };
  return share === undefined ? result : { ...result, share };
}

function bandsHighestFirst(evaluationType: EvaluationType, profile: MethodologyProfile): GoalBand[] {
  return [...profile.goalBands[evaluationType]].sort((a, b) => b.min - a.min);
}

/**
 * The band of a displayed percent: the band with the largest min at or below it. The percent is
 * rounded first so that the colour can never contradict the integer on screen (94.5 shows 95).
 */
export function classifyGoalPercent(
  displayPercent: number,
  evaluationType: EvaluationType,
  profile: MethodologyProfile,
): GoalBand {
  const bands = bandsHighestFirst(evaluationType, profile);
  const shown = roundHalfUp(displayPercent);
  return bands.find((band) => band.min <= shown) ?? bands[bands.length - 1];
}

function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;
}

function averageOf(results: GoalResult[], capAt100: boolean): number | null {
  const percents = results.flatMap((r) => (r.counted && r.percent !== null ? [r.percent] : []));
  return mean(capAt100 ? percents.map((p) => Math.min(p, 100)) : percents);
}

function lightOf(average: number | null, evaluationType: EvaluationType, profile: MethodologyProfile): Light | null {
  return average === null ? null : classifyGoalPercent(roundHalfUp(average), evaluationType, profile).light;
}

export function levelAttainment(
  goals: GoalInput[],
  level: GoalLevel,
  evaluationType: EvaluationType,
  profile: MethodologyProfile,
): LevelResult {
  const results = goals.filter((g) => g.level === level).map((g) => goalAttainment(g, profile));
  const average = averageOf(results, profile.capAt100);
  const alternativeAverage = averageOf(results, !profile.capAt100);
  const displayAverage = average === null ? null : roundHalfUp(average);
  const band = displayAverage === null ? null : classifyGoalPercent(displayAverage, evaluationType, profile);
  const light = band?.light ?? null;
  const alternativeLight = lightOf(alternativeAverage, evaluationType, profile);
  return {
    level,
    goals: results,
    reported: goals.filter((g) => g.level === level && g.status !== null && g.status.value !== null).length,
    total: results.length,
    counted: results.filter((r) => r.counted).length,
    average,
    displayAverage,
    band,
    light,
    alternativeAverage,
    alternativeLight,
    cappingChangesLight: light !== alternativeLight,
  };
}
