import type { BusinessCaseView } from '../../shared/contracts/measureContracts';
import type { BusinessCase, Goal, StatusReport } from '../../shared/domain';
import { projectMeasures, type GoalComparisonFigures, type ShareGoalFigures } from '../../shared/methodology/measures';
import type { MethodologyProfile } from '../../shared/methodology/profile';
import type { PortfolioStore } from '../storage/store';
import { businessCaseView } from './businessCaseService';
import { toGoalInput } from './evaluationInput';

export interface ProjectMeasures {
  /** The date the statuses are in force on: the latest round's, or null (the latest status). */
  date: string | null;
  shares: ShareGoalFigures[];
  comparisons: GoalComparisonFigures[];
  businessCase: BusinessCaseView | null;
}

/**
 * A project's shares, comparisons and business case with the statuses in force on `date` (null =
 * the latest): the one computation the CLI summary, the workbook and the report read.
 */
export function measuresAt(
  goals: Goal[],
  statuses: StatusReport[],
  date: string | null,
  profile: MethodologyProfile,
  businessCase: BusinessCase | null,
): ProjectMeasures {
  const inputs = [...goals].sort((a, b) => a.position - b.position || a.id - b.id).map((g) => toGoalInput(g, statuses, date));
  return { date, ...projectMeasures(inputs, profile), businessCase: businessCase ? businessCaseView(businessCase) : null };
}

/** A project's shares, comparisons and business case at its latest round (or latest statuses). */
export async function readProjectMeasures(store: PortfolioStore, projectId: number, evaluationDate?: string | null): Promise<ProjectMeasures> {
  const [goals, statuses, evaluations, profile, bc] = await Promise.all([
    store.listGoals(projectId),
    store.listStatusReports(projectId),
    store.listEvaluations(projectId),
    store.getProfile(),
    store.getBusinessCase(projectId),
  ]);
  const latest = evaluations.reduce<string | null>((d, e) => (d === null || e.date > d ? e.date : d), null);
  const date = evaluationDate === undefined ? latest : evaluationDate;
  return measuresAt(goals, statuses, date, profile, bc);
}
