import { GOAL_LEVELS, type GoalLevel } from '../domain';
import { roundHalfUp } from './rounding';
import { poolShares } from './shares';
import type { GoalInput, IndicatorRef, LevelHeadline, PoolGoalInput, PoolLeftOutReason, PooledIndicator, PooledShare, PortfolioRollup } from './types';

/**
 * Portfolio roll-ups (METHODOLOGY.md section 11).
 *
 * Pooling adds status and targets, which is only honest for goals that count the same thing:
 * participants plus companies plus CVs is not a figure. So goals are pooled one indicator at a
 * time (a goal is linked to an indicator by the user; unlinked goals are never pooled), and the
 * portfolio's headline per level is the mean of the projects' own level attainment, with the
 * number of projects it is over.
 */

/** Why a linked goal can't be in its indicator's sums; null when it can. */
export function poolLeftOutReason(goal: GoalInput): PoolLeftOutReason | null {
  // A lower-is-better goal's attainment is measured from its baseline; its status and target
  // can't be added to other goals' as "so much of so much".
  if (goal.direction !== 'higher') return 'lowerIsBetter';
  if (goal.targetInPeriod === null || goal.targetInPeriod <= 0) return 'noTarget';
  if (goal.status === null) return 'notReported';
  if (goal.status.value === null) return 'missingValue';
  // A percent target becomes a count only against the reported denominator.
  if (goal.share?.targetKind === 'percent' && !((goal.status.denominator ?? 0) > 0)) return 'missingValue';
  return null;
}

/**
 * What a goal adds to its indicator's "status of target": a count goal its status and target; a
 * share goal its numerator and its target in numerator units, which for a percent target is
 * target % x the reported denominator (25 % of 124 housed = 31 expected). So a percent target is
 * pooled as sum / sum too, never as a mean of percents.
 */
function poolTerms(goal: GoalInput): { status: number; target: number } {
  const status = goal.status!.value!;
  const target = goal.targetInPeriod!;
  if (goal.share?.targetKind === 'percent') return { status, target: (target / 100) * goal.status!.denominator! };
  return { status, target };
}

/** The share goals of one indicator: sum of numerators / sum of denominators. */
function pooledShare(linked: PoolGoalInput[]): PooledShare | undefined {
  const shares = linked.filter((g) => g.goal.share);
  if (shares.length === 0) return undefined;
  const parts = shares.flatMap(({ projectId, goal }) => {
    const n = goal.status?.value ?? null;
    const d = goal.status?.denominator ?? null;
    return n !== null && d !== null && d > 0 ? [{ projectId, numerator: n, denominator: d }] : [];
  });
  const figure = poolShares(parts);
  return {
    numeratorSum: figure?.numerator ?? null,
    denominatorSum: figure?.denominator ?? null,
    percent: figure?.percent ?? null,
    displayPercent: figure?.displayPercent ?? null,
    goals: parts.length,
    projects: new Set(parts.map((p) => p.projectId)).size,
  };
}

const noneLeftOut = (): Record<PoolLeftOutReason, number> => ({ lowerIsBetter: 0, noTarget: 0, notReported: 0, missingValue: 0 });

/** Pooled attainment of each indicator that has a linked goal: sum of status / sum of targets. */
export function poolIndicators(goals: PoolGoalInput[]): PooledIndicator[] {
  const groups = new Map<string, { indicator: IndicatorRef; goals: PoolGoalInput[] }>();
  for (const g of goals) {
    if (!g.indicator) continue;
    const group = groups.get(g.indicator.key) ?? { indicator: g.indicator, goals: [] };
    group.goals.push(g);
    groups.set(g.indicator.key, group);
  }
  const out: PooledIndicator[] = [];
  for (const { indicator, goals: linked } of groups.values()) {
    const leftOut = noneLeftOut();
    let statusSum = 0;
    let targetSum = 0;
    let pooled = 0;
    const projects = new Set<number>();
    for (const { projectId, goal } of linked) {
      const reason = poolLeftOutReason(goal);
      if (reason) {
        leftOut[reason]++;
        continue;
      }
      const terms = poolTerms(goal);
      statusSum += terms.status;
      targetSum += terms.target;
      pooled++;
      projects.add(projectId);
    }
    const percent = pooled === 0 ? null : (statusSum / targetSum) * 100;
    const share = pooledShare(linked);
    out.push({
      ...(share ? { share } : {}),
      indicator,
      statusSum: pooled === 0 ? null : statusSum,
      targetSum: pooled === 0 ? null : targetSum,
      percent,
      displayPercent: percent === null ? null : roundHalfUp(percent),
      goals: pooled,
      projects: projects.size,
      linkedGoals: linked.length,
      leftOut,
    });
  }
  const levelOrder = (l: GoalLevel) => GOAL_LEVELS.indexOf(l);
  return out.sort(
    (a, b) =>
      levelOrder(a.indicator.level) - levelOrder(b.indicator.level) ||
      a.indicator.name.localeCompare(b.indicator.name, 'da') ||
      a.indicator.key.localeCompare(b.indicator.key),
  );
}

/** Mean of the projects' level averages (unrounded, as each project's engine result has it). */
export function levelHeadline(level: GoalLevel, projectAverages: (number | null)[]): LevelHeadline {
  const values = projectAverages.filter((v): v is number => v !== null);
  const average = values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;
  return {
    level,
    average,
    displayAverage: average === null ? null : roundHalfUp(average),
    projects: values.length,
    projectsTotal: projectAverages.length,
  };
}

export interface RollupProject {
  projectId: number;
  /** The project's unrounded level averages at its latest evaluation; null where it has none. */
  levelAverages: Record<GoalLevel, number | null>;
  /** Its goals with the status in force at that evaluation and their indicator links. */
  goals: PoolGoalInput[];
  /**
   * Goals not linked to an indicator that `goals` leaves out, per level: the portfolio's kept
   * figures carry only the linked goals (the unlinked ones are never pooled, only counted).
   */
  unlinkedGoals?: Record<GoalLevel, number>;
}

export function portfolioRollup(projects: RollupProject[]): PortfolioRollup {
  const headline = Object.fromEntries(
    GOAL_LEVELS.map((level) => [level, levelHeadline(level, projects.map((p) => p.levelAverages[level]))]),
  ) as Record<GoalLevel, LevelHeadline>;
  const goals = projects.flatMap((p) => p.goals);
  const unlinkedGoals = Object.fromEntries(
    GOAL_LEVELS.map((level) => [
      level,
      goals.filter((g) => g.goal.level === level && g.indicator === null).length + projects.reduce((n, p) => n + (p.unlinkedGoals?.[level] ?? 0), 0),
    ]),
  ) as Record<GoalLevel, number>;
  return { projects: projects.length, headline, indicators: poolIndicators(goals), unlinkedGoals };
}
