import type { Goal, GoalLevel, Indicator, StatusReport } from '../../shared/domain';
import { ServiceError } from '../../shared/contracts/core';
import { goalFigureProblems, type GoalFigureProblem } from '../../shared/methodology/goalFigures';
import { measureGoalProblems, measureStatusProblems, type MeasureProblem } from '../../shared/methodology/shares';
import { localToday, statusDateWarnings, type DateWarning } from '../../shared/methodology/reportDates';
import type { NewGoal, PortfolioStore, SaveOptions } from '../storage/store';

/**
 * The goal table's use cases: the rules that need stored state (a goal's statuses when its
 * direction changes, the indicator a goal is linked to, the grant period of a status's date) are
 * enforced here, in main, whatever the screen checked before.
 */

const LEVEL_DA: Record<GoalLevel, string> = { A: 'aktivitetsmål', B: 'outputmål', C: 'effektmål' };

export type GoalFields = Omit<Goal, 'id' | 'projectId'>;

export interface StatusInput {
  goalId: number;
  value: number | null;
  reportedAt: string;
  reportedBy: string;
  source?: { file: string; location: string };
  printedPercent?: number | null;
  /** A share goal's denominator ("af 124"); `value` is its numerator. */
  denominator?: number | null;
  /** The user has seen the date's warnings (future, outside the grant period) and saves anyway. */
  acceptWarnings?: boolean;
}

/** A figure refused by the method: the message names the goal and the figure. */
function refuseFigures(problems: GoalFigureProblem[]): never {
  throw new ServiceError(
    'VALIDATION',
    problems.map((p) => p.message).join(' '),
    problems.map((p) => ({ path: p.field === 'status' ? 'value' : p.field, message: p.message })),
  );
}

function refuseMeasure(problems: MeasureProblem[]): never {
  throw new ServiceError('VALIDATION', problems.map((p) => p.message).join(' '), problems.map((p) => ({ path: p.field, message: p.message })));
}

/** Warnings a person must confirm before the write goes through (NEEDS_CONFIRMATION). */
export function requireConfirmation(warnings: DateWarning[], accepted: boolean | undefined): void {
  if (warnings.length === 0 || accepted) return;
  throw new ServiceError(
    'NEEDS_CONFIRMATION',
    `${warnings.map((w) => w.message).join(' ')} Bekræft for at gemme alligevel.`,
    warnings.map((w) => ({ path: w.code, message: w.message })),
  );
}


export class GoalService {
  constructor(
    readonly store: PortfolioStore,
    private readonly today: () => string = () => localToday(),
  ) {}

  private async requireGoal(goalId: number, store: PortfolioStore): Promise<Goal> {
    const goal = await store.getGoal(goalId);
    if (!goal) throw new ServiceError('NOT_FOUND', `Målet (id ${goalId}) findes ikke. Det kan være slettet i mellemtiden.`);
    return goal;
  }

  /** An indicator a goal of `level` may be linked to. */
  async requireIndicatorFor(indicatorId: number, goal: Pick<Goal, 'code' | 'level'>, store: PortfolioStore = this.store): Promise<Indicator> {
    const indicator = await store.getIndicator(indicatorId);
    if (!indicator) throw new ServiceError('NOT_FOUND', `Indikatoren (id ${indicatorId}) findes ikke. Den kan være slettet i mellemtiden.`);
    if (indicator.level !== goal.level)
      throw new ServiceError(
        'VALIDATION',
        `Målet ${goal.code} er et ${LEVEL_DA[goal.level]}, men indikatoren "${indicator.name}" er for ${LEVEL_DA[indicator.level]}. ` +
          'Kun mål på samme niveau kan puljes; vælg en indikator for det niveau.',
        [{ path: 'indicatorId', message: `Indikatoren "${indicator.name}" er for ${LEVEL_DA[indicator.level]}.` }],
      );
    return indicator;
  }

  async createGoal(projectId: number, fields: Partial<GoalFields> & Pick<GoalFields, 'level' | 'code'>): Promise<Goal> {
    return this.store.transaction(async (tx) => {
      const project = await tx.getProject(projectId);
      if (!project) throw new ServiceError('NOT_FOUND', `Projekt ${projectId} findes ikke.`);
      const goals = await tx.listGoals(projectId);
      const goal: NewGoal = {
        projectId,
        level: fields.level,
        code: fields.code,
        description: fields.description ?? '',
        unit: fields.unit ?? '',
        targetInPeriod: fields.targetInPeriod ?? null,
        targetAfterPeriod: fields.targetAfterPeriod ?? null,
        direction: fields.direction ?? 'higher',
        baseline: fields.baseline ?? null,
        position: fields.position ?? goals.length,
        indicatorId: fields.indicatorId ?? null,
        ...shareAndComparison(fields),
      };
      const problems = goalFigureProblems(goal);
      if (problems.length) refuseFigures(problems);
      const measure = measureGoalProblems(goal);
      if (measure.length) refuseMeasure(measure);
      if (goal.indicatorId !== null && goal.indicatorId !== undefined) await this.requireIndicatorFor(goal.indicatorId, goal, tx);
      return tx.createGoal(goal);
    });
  }

  /**
   * Changes a goal. The figures are checked on the goal as it would be: turning a goal with a
   * negative baseline-based target back to "higher is better" is refused like typing one.
   */
  async updateGoal(goalId: number, patch: Partial<GoalFields>, options: SaveOptions = {}): Promise<Goal> {
    return this.store.transaction(async (tx) => {
      const before = await this.requireGoal(goalId, tx);
      const after = { ...before, ...definedOnly(patch) };
      const statuses = (await tx.listStatusReports(before.projectId)).filter((s) => s.goalId === goalId);
      // Only what the patch changes is judged: a status history is checked when the direction
      // or baseline changes, targets when they or the direction change.
      const directionChanged = after.direction !== before.direction || after.baseline !== before.baseline;
      const problems = goalFigureProblems(after, directionChanged ? statuses : []).filter(
        (p) => directionChanged || (p.field !== 'status' && p.field in patch),
      );
      if (problems.length) refuseFigures(problems);
      const measure = measureGoalProblems(after).filter((p) => p.field in patch || (p.field === 'targetInPeriod' && ('measure' in patch || 'shareTargetKind' in patch)) || (p.field === 'comparisonSource' && 'comparisonValue' in patch));
      if (measure.length) refuseMeasure(measure);
      if (after.indicatorId !== null && (patch.indicatorId !== undefined || after.level !== before.level))
        await this.requireIndicatorFor(after.indicatorId, after, tx);
      return tx.updateGoal(goalId, patch, options);
    });
  }

  /** The warnings a status's date gets (shown before saving; the import flow asks the same rule). */
  async statusWarnings(goalId: number, reportedAt: string, store: PortfolioStore = this.store): Promise<DateWarning[]> {
    const goal = await this.requireGoal(goalId, store);
    const project = await store.getProject(goal.projectId);
    return statusDateWarnings(reportedAt, { today: this.today(), periodStart: project?.periodStart ?? null, periodEnd: project?.periodEnd ?? null });
  }

  async addStatus(input: StatusInput): Promise<StatusReport> {
    return this.store.transaction(async (tx) => {
      const goal = await this.requireGoal(input.goalId, tx);
      const problems = goalFigureProblems(goal, [{ value: input.value, reportedAt: input.reportedAt }]);
      if (problems.length) refuseFigures(problems);
      const measure = measureStatusProblems(goal, input);
      if (measure.length) refuseMeasure(measure);
      requireConfirmation(await this.statusWarnings(goal.id, input.reportedAt, tx), input.acceptWarnings);
      return tx.addStatusReport({
        goalId: input.goalId,
        value: input.value,
        reportedAt: input.reportedAt,
        reportedBy: input.reportedBy,
        source: input.source ?? { file: '', location: '' },
        printedPercent: input.printedPercent ?? null,
        ...(input.denominator !== undefined && input.denominator !== null ? { denominator: input.denominator } : {}),
      });
    });
  }
}

/** The issue-14 fields a new goal was given (absent: a count goal without a comparison). */
function shareAndComparison(fields: Partial<GoalFields>): Partial<GoalFields> {
  const keys = ['measure', 'shareTargetKind', 'denominatorTarget', 'comparisonValue', 'comparisonLabel', 'comparisonSource', 'comparisonYear'] as const;
  return Object.fromEntries(keys.filter((k) => fields[k] !== undefined).map((k) => [k, fields[k]]));
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
