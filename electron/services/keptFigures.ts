import { type Goal, type GoalLevel, type Indicator, type Light, type LightKind, type StatusReport } from '../../shared/domain';
import type { ProjectSummary } from '../../shared/contracts/views';
import { portfolioRollup, type RollupProject } from '../../shared/methodology/pool';
import type { EvaluationSummary, GoalInput, IndicatorRef, PortfolioRollup } from '../../shared/methodology/types';
import { toGoalInput } from './evaluationInput';

/**
 * What one project adds to the portfolio's pooled figures (METHODOLOGY.md section 11), kept
 * beside its summary: its level averages, and per goal linked to an indicator exactly what the
 * engine's pooling reads (level, direction, target, the status in force and its value), in goal
 * order so that the sums add up in the same order as a fresh roll-up. Unlinked goals are only
 * counted, per level: they are never pooled.
 */
export interface PoolContribution {
  /**
   * KEPT_FIGURES_FORMAT when the row was computed: a row of an older shape (without `workbook`)
   * is stale, so it is recomputed rather than read as if it had the new fields.
   */
  format: number;
  levelAverages: Record<GoalLevel, number | null>;
  /** [indicator id, level, 1 = lower is better, target in period, 1 = has a status in force, its value]. */
  linked: [number, GoalLevel, 0 | 1, number | null, 0 | 1, number | null][];
  unlinked: Record<GoalLevel, number>;
  /**
   * The share goals among `linked` (issue 14), what pooling reads beside the tuple:
   * [index into linked, 1 = target is a count of the numerator, the reported denominator].
   * Absent when there are none (and in rows kept before shares existed).
   */
  shares?: [number, 0 | 1, number | null][];
  /** What the portfolio workbook needs beyond the summary: the round's progress figures and the evaluator's overrides. */
  workbook: KeptWorkbookFigures;
}

export interface KeptWorkbookFigures {
  progress: { budgetTotalKr: number | null; budgetSpentKr: number | null; monthsTotal: number | null; monthsElapsed: number | null } | null;
  overrides: Record<LightKind, Light | null> | null;
}

/**
 * The shape of the pool JSON. Bump it whenever PoolContribution changes: a stored row with
 * another format is recomputed. Kept as the first key so a read can check it without parsing.
 * 2: `workbook` (progress and overrides) added for the portfolio export; `shares` (issue 14).
 */
export const KEPT_FIGURES_FORMAT = 2;
export const KEPT_FIGURES_PREFIX = `{"format":${KEPT_FIGURES_FORMAT},`;

export interface KeptFigures {
  projectId: number;
  summary: ProjectSummary;
  pool: PoolContribution;
}

const noGoals = (): Record<GoalLevel, number> => ({ A: 0, B: 0, C: 0 });

/** `statuses`: the project's status reports (all, or only those in force: the rule picks the same). */
export function poolContribution(goals: Goal[], statuses: StatusReport[], date: string | null, summary: EvaluationSummary | null): PoolContribution {
  const unlinked = noGoals();
  const linked: PoolContribution['linked'] = [];
  for (const g of goals) {
    if (g.indicatorId === null) {
      unlinked[g.level]++;
      continue;
    }
    const input = toGoalInput(g, statuses, date);
    linked.push([g.indicatorId, g.level, input.direction === 'lower' ? 1 : 0, input.targetInPeriod, input.status ? 1 : 0, input.status?.value ?? null]);
  }
  const shares = shareContribution(goals.filter((g) => g.indicatorId !== null), statuses, date);
  const prog = summary?.progress;
  const lights = summary?.lights;
  return {
    format: KEPT_FIGURES_FORMAT,
    levelAverages: { A: summary?.levels.A.average ?? null, B: summary?.levels.B.average ?? null, C: summary?.levels.C.average ?? null },
    linked,
    unlinked,
    ...(shares.length ? { shares } : {}),
    workbook: {
      progress: prog
        ? { budgetTotalKr: prog.budget.totalKr, budgetSpentKr: prog.budget.spentKr, monthsTotal: prog.time.totalMonths, monthsElapsed: prog.time.elapsedMonths }
        : null,
      overrides: lights ? { implementation: lights.implementation.override, goals: lights.goals.override, effect: lights.effect.override } : null,
    },
  };
}

/** `linked`: the project's goals linked to an indicator, in the order of the contribution's tuples. */
function shareContribution(linked: Goal[], statuses: StatusReport[], date: string | null): NonNullable<PoolContribution['shares']> {
  return linked.flatMap((g, index) => {
    const input = toGoalInput(g, statuses, date);
    if (!input.share) return [];
    return [[index, input.share.targetKind === 'count' ? 1 : 0, input.status?.denominator ?? null] as [number, 0 | 1, number | null]];
  });
}

/** The share part of a kept goal's input, or nothing for a count goal. */
function shareOf(share: NonNullable<PoolContribution['shares']>[number] | undefined): Pick<GoalInput, 'share'> {
  return share ? { share: { targetKind: share[1] ? 'count' : 'percent', denominatorTarget: null } } : {};
}

/** The pooling's view of a kept goal: the fields `poolLeftOutReason` and the sums read. */
function goalOf([, level, lower, target, reported, value]: PoolContribution['linked'][number], share?: NonNullable<PoolContribution['shares']>[number]): GoalInput {
  return {
    ...shareOf(share),
    code: '',
    level,
    description: '',
    unit: '',
    targetInPeriod: target,
    targetAfterPeriod: null,
    direction: lower ? 'lower' : 'higher',
    baseline: null,
    status: reported
      ? { value, reportedAt: '', reportedBy: '', printedPercent: null, source: { file: '', location: '' }, ...(share ? { denominator: share[2] } : {}) }
      : null,
  };
}

/** The engine's roll-up over kept figures; equals `rollupOf` over the same projects read afresh. */
export function rollupOfKept(kept: readonly KeptFigures[], indicators: readonly Indicator[], ref: (i: Indicator) => IndicatorRef): PortfolioRollup {
  const refs = new Map(indicators.map((i) => [i.id, ref(i)]));
  return portfolioRollup(
    kept.map(
      ({ projectId, pool }): RollupProject => ({
        projectId,
        levelAverages: pool.levelAverages,
        goals: pool.linked.map((g, i) => ({ projectId, goal: goalOf(g, pool.shares?.find((s) => s[0] === i)), indicator: refs.get(g[0]) ?? null })),
        unlinkedGoals: pool.unlinked,
      }),
    ),
  );
}

/** One figure that differs between what is kept and a fresh computation. */
export interface FigureDifference {
  projectId: number;
  name: string;
  /** Dotted path: "summary.goals.output.percent", "pool.linked.3" ... ("row" when a project has no kept row). */
  field: string;
  kept: unknown;
  fresh: unknown;
}

/** The paths where two JSON-like values differ (a missing key and undefined are the same). */
export function differences(kept: unknown, fresh: unknown, path: string, out: { field: string; kept: unknown; fresh: unknown }[] = []) {
  if (kept === fresh) return out;
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
  if (isObj(kept) && isObj(fresh) && Array.isArray(kept) === Array.isArray(fresh)) {
    if (Array.isArray(kept) && Array.isArray(fresh) && kept.length !== fresh.length) {
      out.push({ field: `${path}.length`, kept: kept.length, fresh: fresh.length });
      return out;
    }
    for (const key of new Set([...Object.keys(kept), ...Object.keys(fresh)])) differences(kept[key], fresh[key], `${path}.${key}`, out);
    return out;
  }
  if (kept === undefined && fresh === undefined) return out;
  out.push({ field: path, kept, fresh });
  return out;
}

/** Freezes a parsed JSON value all the way down (the figures a service holds are shared by every caller). */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
