import type {
  BudgetLine,
  Evaluation,
  FinancingSource,
  Goal,
  ImplementationScore,
  LightDecision,
  Project,
  StatusReport,
} from '../../shared/domain';
import type { EvaluationInput, GoalInput, StatusInput } from '../../shared/methodology/types';
import { statusInForce } from '../../shared/methodology/statusInForce';

// One rule, one place: the import preview and the written report (shared/report) weigh statuses
// with the same function (shared/).
export { statusInForce };

export function toStatusInput(report: StatusReport | null): StatusInput | null {
  if (!report) return null;
  return {
    value: report.value,
    reportedAt: report.reportedAt,
    reportedBy: report.reportedBy,
    printedPercent: report.printedPercent,
    source: report.source,
    denominator: report.denominator ?? null,
  };
}

export function toGoalInput(goal: Goal, reports: StatusReport[], date: string | null): GoalInput {
  return {
    code: goal.code,
    level: goal.level,
    description: goal.description,
    unit: goal.unit,
    targetInPeriod: goal.targetInPeriod,
    targetAfterPeriod: goal.targetAfterPeriod,
    direction: goal.direction,
    baseline: goal.baseline,
    status: toStatusInput(statusInForce(reports, goal.id, date)),
    share: goal.measure === 'share' ? { targetKind: goal.shareTargetKind ?? 'percent', denominatorTarget: goal.denominatorTarget ?? null } : null,
    comparison:
      goal.comparisonValue !== null && goal.comparisonValue !== undefined
        ? { value: goal.comparisonValue, label: goal.comparisonLabel ?? '', source: goal.comparisonSource ?? '', year: goal.comparisonYear ?? null }
        : null,
  };
}

export interface EvaluationData {
  project: Project;
  goals: Goal[];
  statusReports: StatusReport[];
  evaluation: Evaluation;
  scores: ImplementationScore[];
  lights: LightDecision[];
  budgetLines: BudgetLine[];
  financing: FinancingSource[];
}

/** Maps stored rows to the engine's plain input. Storage never computes; the engine never reads. */
export function buildEvaluationInput(data: EvaluationData): EvaluationInput {
  const { project, evaluation } = data;
  return {
    evaluationType: evaluation.type,
    evaluationDate: evaluation.date,
    goals: data.goals.map((g) => toGoalInput(g, data.statusReports, evaluation.date)),
    scores: data.scores.map((s) => ({ parameter: s.parameter, score: s.score })),
    decisions: data.lights.map((l) => ({ kind: l.kind, override: l.override, reason: l.reason })),
    progress: {
      evaluationDate: evaluation.date,
      periodStart: project.periodStart,
      periodEnd: project.periodEnd,
      totalBudgetKr: project.totalBudgetKr,
      budgetSpentKr: evaluation.budgetSpentKr,
      budgetTotalReportedKr: evaluation.budgetTotalReportedKr,
      monthsElapsedReported: evaluation.monthsElapsedReported,
      monthsTotalReported: evaluation.monthsTotalReported,
    },
    budgetLines: data.budgetLines.map((b) => ({
      costType: b.costType,
      year: b.year,
      amountKr: b.amountKr,
      percentOfDirect: b.percentOfDirect,
    })),
    financing: data.financing.map((f) => ({ name: f.name, amountKr: f.amountKr })),
  };
}
