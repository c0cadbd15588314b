import { goalAttainment } from './goals';
import { goalComparison, type GoalComparison } from './comparison';
import type { MethodologyProfile } from './profile';
import { shareFigure } from './shares';
import type { GoalInput } from './types';

/**
 * A project's share goals and comparisons as the summary, the workbook and the report state them
 * (issue 14): every figure from the engine (shares.ts, comparison.ts, goals.ts), none computed here.
 */

export interface ShareGoalFigures {
  code: string;
  level: GoalInput['level'];
  description: string;
  unit: string;
  numerator: number | null;
  denominator: number | null;
  /** numerator / denominator x 100, unrounded; null without a usable denominator or status. */
  percent: number | null;
  displayPercent: number | null;
  printedPercent: number | null;
  /** The printed percent differs from the computed share by more than the profile's tolerance. */
  printedDiffers: boolean;
  targetKind: 'percent' | 'count';
  target: number | null;
  /** Attainment as displayed (goals.ts); null where the goal has no target or no status. */
  attainment: number | null;
}

export interface GoalComparisonFigures extends GoalComparison {
  code: string;
  description: string;
  unit: string;
}

export function shareGoalFigures(goal: GoalInput, profile: MethodologyProfile): ShareGoalFigures | null {
  if (!goal.share) return null;
  const result = goalAttainment(goal, profile);
  // The share exists without a target (seed 002 prints none); attainment needs one.
  const share = shareFigure(goal.status?.value ?? null, goal.status?.denominator);
  const printed = goal.status?.printedPercent ?? null;
  return {
    code: goal.code,
    level: goal.level,
    description: goal.description,
    unit: goal.unit,
    numerator: goal.status?.value ?? null,
    denominator: goal.status?.denominator ?? null,
    percent: share?.percent ?? null,
    displayPercent: share?.displayPercent ?? null,
    printedPercent: printed,
    printedDiffers: printed !== null && share !== null && Math.abs(printed - share.displayPercent) > profile.consistencyTolerancePoints,
    targetKind: goal.share.targetKind,
    target: goal.targetInPeriod,
    attainment: result.displayPercent,
  };
}

export function projectMeasures(goals: GoalInput[], profile: MethodologyProfile): { shares: ShareGoalFigures[]; comparisons: GoalComparisonFigures[] } {
  return {
    shares: goals.flatMap((g) => shareGoalFigures(g, profile) ?? []),
    comparisons: goals.flatMap((g) => {
      const c = goalComparison(g);
      return c ? [{ code: g.code, description: g.description, unit: g.unit, ...c }] : [];
    }),
  };
}
