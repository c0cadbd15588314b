import type { GoalLevel } from '../domain';
import { roundHalfUp } from './rounding';
import type { GoalInput, PooledLevel } from './types';

/**
 * Portfolio roll-up (METHODOLOGY.md section 11): sum of status over sum of targets, so a large
 * project weighs by its size rather than counting as one percent among many.
 */
export function poolLevel(goalsAcrossProjects: GoalInput[], level: GoalLevel): PooledLevel {
  // Lower-is-better goals can't be summed into a ratio of status to target.
  const pooled = goalsAcrossProjects.filter(
    (g) =>
      g.level === level &&
      g.direction === 'higher' &&
      g.targetInPeriod !== null &&
      g.targetInPeriod !== 0 &&
      g.status !== null &&
      g.status.value !== null,
  );
  const statusSum = pooled.reduce((sum, g) => sum + (g.status?.value ?? 0), 0);
  const targetSum = pooled.reduce((sum, g) => sum + (g.targetInPeriod ?? 0), 0);
  const percent = targetSum === 0 ? null : (statusSum / targetSum) * 100;
  return {
    level,
    statusSum,
    targetSum,
    percent,
    displayPercent: percent === null ? null : roundHalfUp(percent),
    goals: pooled.length,
  };
}
