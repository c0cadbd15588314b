import type { GoalDirection } from '../domain';
import { formatDanishDate, formatDanishNumber, shownDecimals } from '../numbers/danish';

/**
 * Which figures a goal may hold (METHODOLOGY.md section 2). Targets and statuses count
 * something, so they are never negative; only a lower-is-better goal with a baseline measures
 * from that baseline, where a figure below zero can mean something (a balance, a change). The
 * goal table's service and the import flow both ask this before anything is written.
 */

export type GoalFigureField = 'targetInPeriod' | 'targetAfterPeriod' | 'status';

export interface GoalFigureProblem {
  code: 'negativeFigure';
  field: GoalFigureField;
  params: { goal: string; field: GoalFigureField; value: number; reportedAt: string | null };
  /** Danish, for the CLI, the import preview and main's refusal. */
  message: string;
}

export interface GoalFigures {
  code: string;
  direction: GoalDirection;
  baseline: number | null;
  targetInPeriod: number | null;
  targetAfterPeriod: number | null;
}

const FIELD_DA: Record<GoalFigureField, string> = {
  targetInPeriod: 'Målsætningen i projektperioden',
  targetAfterPeriod: 'Målsætningen efter projektperioden',
  status: 'Status',
};

/** Negative figures are allowed only for a lower-is-better goal with a baseline. */
export function negativeFiguresAllowed(goal: Pick<GoalFigures, 'direction' | 'baseline'>): boolean {
  return goal.direction === 'lower' && goal.baseline !== null;
}

const number = (v: number) => formatDanishNumber(v, shownDecimals(v, 4));

function problem(goal: string, field: GoalFigureField, value: number, reportedAt: string | null): GoalFigureProblem {
  const when = reportedAt ? ` pr. ${formatDanishDate(reportedAt)}` : '';
  return {
    code: 'negativeFigure',
    field,
    params: { goal, field, value, reportedAt },
    message:
      `${goal}: ${FIELD_DA[field]}${when} kan ikke være negativ (${number(value)}). ` +
      'Negative tal er kun tilladt for et mål, hvor lavere er bedre, med en baseline.',
  };
}

/**
 * The negative figures a goal would hold: its targets, and the given statuses (its history, or a
 * status about to be added). Empty when the goal may hold them.
 */
export function goalFigureProblems(
  goal: GoalFigures,
  statuses: { value: number | null; reportedAt: string | null }[] = [],
): GoalFigureProblem[] {
  if (negativeFiguresAllowed(goal)) return [];
  const out: GoalFigureProblem[] = [];
  if (goal.targetInPeriod !== null && goal.targetInPeriod < 0) out.push(problem(goal.code, 'targetInPeriod', goal.targetInPeriod, null));
  if (goal.targetAfterPeriod !== null && goal.targetAfterPeriod < 0)
    out.push(problem(goal.code, 'targetAfterPeriod', goal.targetAfterPeriod, null));
  for (const s of statuses) if (s.value !== null && s.value < 0) out.push(problem(goal.code, 'status', s.value, s.reportedAt));
  return out;
}
