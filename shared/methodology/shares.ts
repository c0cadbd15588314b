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

/** A share or comparison figure the goal table's service refuses, with the field it is about. */
export interface MeasureProblem {
  field: 'targetInPeriod' | 'denominator' | 'value' | 'comparisonSource';
  message: string;
}

interface MeasureFields {
  code: string;
  measure?: 'count' | 'share';
  shareTargetKind?: 'percent' | 'count';
  targetInPeriod: number | null;
  comparisonValue?: number | null;
  comparisonSource?: string;
}

/**
 * What a share or comparison goal may hold: a percent target is at most 100 %, and a comparison
 * names its source (a figure without one cannot be judged or cited).
 */
export function measureGoalProblems(goal: MeasureFields): MeasureProblem[] {
  const out: MeasureProblem[] = [];
  if (goal.measure === 'share' && (goal.shareTargetKind ?? 'percent') === 'percent' && goal.targetInPeriod !== null && goal.targetInPeriod > 100)
    out.push({ field: 'targetInPeriod', message: `${goal.code}: en andel kan højst have en målsætning på 100 % (ikke ${goal.targetInPeriod} %).` });
  if (goal.comparisonValue !== null && goal.comparisonValue !== undefined && !(goal.comparisonSource ?? '').trim())
    out.push({ field: 'comparisonSource', message: `${goal.code}: angiv kilden til sammenligningstallet (fx "Danmarks Statistik").` });
  return out;
}

/** A status of a share holds numerator and denominator ("30 af 124"); a count has no denominator. */
export function measureStatusProblems(goal: MeasureFields, status: { value: number | null; denominator?: number | null }): MeasureProblem[] {
  const d = status.denominator ?? null;
  if (goal.measure !== 'share')
    return d === null ? [] : [{ field: 'denominator', message: `${goal.code}: kun et mål, der er en andel, har en nævner.` }];
  if (status.value === null) return [];
  if (d === null) return [{ field: 'denominator', message: `${goal.code}: en andel skal have sin nævner (fx "30 af 124").` }];
  if (d === 0) return [{ field: 'denominator', message: `${goal.code}: en andel af 0 kan ikke beregnes.` }];
  if (status.value > d) return [{ field: 'value', message: `${goal.code}: tælleren (${status.value}) er større end nævneren (${d}).` }];
  return [];
}
