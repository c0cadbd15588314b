import { roundHalfUp } from './rounding';
import type { ShareFigure, ShareGoalInput } from './types';

/**
 * Share goals ("30 af 124 (24 %)", issue 14).
 *
 * **Decision (METHODOLOGY.md is silent on shares):** a share is held as its two counts, never as
 * a percent alone, and the percent is computed from them. Attainment compares like with like, as
 * section 2 does (status / target of the figure the target is set in):
 * - target a percent ("25 % i selvforsørgelse"): attainment = reached percent / target percent x 100;
 * - target a count of the numerator ("30 i selvforsørgelse"): attainment = numerator / target x 100,
 *   the count rule, with the reached share shown beside it.
 * A printed percent beside a share ("(24 %)") is the share, so the consistency check compares it
 * with the computed share, not with the attainment. Shares are pooled (across projects, periods)
 * as sum of numerators / sum of denominators (pool.ts), never as a mean of percents.
 */

/** The reached share; null when the denominator is missing, 0 or negative (no share exists). */
export function shareFigure(numerator: number | null, denominator: number | null | undefined): ShareFigure | null {
  if (numerator === null || denominator === null || denominator === undefined || !(denominator > 0)) return null;
  const percent = (numerator / denominator) * 100;
  return { numerator, denominator, percent, displayPercent: roundHalfUp(percent) };
}

/** Unrounded attainment of a share goal with a target; null when it needs a share that is missing. */
export function shareAttainmentPercent(share: ShareGoalInput, target: number, numerator: number, figure: ShareFigure | null): number | null {
  if (share.targetKind === 'count') return (numerator / target) * 100;
  return figure === null ? null : (figure.percent / target) * 100;
}

/** Sum of numerators / sum of denominators: how shares of several goals or periods are pooled. */
export function poolShares(parts: { numerator: number; denominator: number }[]): ShareFigure | null {
  const numerator = parts.reduce((sum, p) => sum + p.numerator, 0);
  const denominator = parts.reduce((sum, p) => sum + p.denominator, 0);
  return shareFigure(numerator, denominator);
}
