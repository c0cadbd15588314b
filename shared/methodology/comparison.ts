import { shareFigure } from './shares';
import type { GoalInput } from './types';

/**
 * An effect goal's comparison with a baseline or comparison group (issue 14, seed 000: "68 % i
 * fuldtidsjob" against "31 %" of all international graduates, Danmarks Statistik 2018).
 *
 * The difference is the reached figure minus the comparison's, in the goal's unit: for a share
 * or a goal counted in percent that is percentage points (68 % - 31 % = 37 points), never a
 * relative change. The reached figure is a share's computed percent (numerator / denominator),
 * else the status in force. Lower-is-better goals keep their own baseline rule (goals.ts).
 */

export interface GoalComparison {
  /** The reached figure compared (a share's percent, else the status's value); null = not reported. */
  reached: number | null;
  comparison: number;
  /** reached - comparison; null when nothing is reached yet. */
  difference: number | null;
  /** The difference is in percentage points (a share, or a goal whose unit is %). */
  points: boolean;
  label: string;
  source: string;
  year: number | null;
}

/** reached - comparison, in the figures' own unit (points for percents); null if either is missing. */
export function comparisonDifference(reached: number | null, comparison: number | null): number | null {
  if (reached === null || comparison === null) return null;
  return reached - comparison;
}

const isPercentUnit = (unit: string) => /^\s*(%|pct\.?|procent)\s*$/i.test(unit);

/** The goal's comparison, or null when it has none. */
export function goalComparison(goal: GoalInput): GoalComparison | null {
  if (!goal.comparison) return null;
  const value = goal.status?.value ?? null;
  const share = goal.share ? shareFigure(value, goal.status?.denominator) : null;
  const reached = goal.share ? (share?.percent ?? null) : value;
  return {
    reached,
    comparison: goal.comparison.value,
    difference: comparisonDifference(reached, goal.comparison.value),
    points: Boolean(goal.share) || isPercentUnit(goal.unit),
    label: goal.comparison.label,
    source: goal.comparison.source,
    year: goal.comparison.year,
  };
}
