import demo from '../../../resources/demo/portfolio.json';
import type { EvaluationDetail, ProjectDetail } from '../../../shared/contracts/views';
import type {
  EffectChainItem,
  Evaluation,
  EvaluationSignOff,
  EvaluationTexts,
  Goal,
  ImplementationScore,
  LearningPoint,
  LightDecision,
  StatusReport,
  SurveyIndicator,
} from '../../../shared/domain';
import { EVALUATION_TEXT_KEYS } from '../../../shared/domain';
import { evaluate } from '../../../shared/methodology/evaluate';
import { DEFAULT_PROFILE } from '../../../shared/methodology/profile';
import type { ReportInput, ReportLang } from '../../../shared/report/model';
import { buildEvaluationInput } from '../../../electron/services/evaluationInput';

/**
 * A project of the demo portfolio (resources/demo/portfolio.json) as the services hand it to the
 * report: rows with ids, and the engine's summary. Pure: no database.
 */
type DemoProject = (typeof demo.projects)[number];

export function demoReportInput(
  namePart: string,
  options: { lang?: ReportLang; texts?: Partial<EvaluationTexts>; signOff?: EvaluationSignOff; mutate?: (p: DemoProject) => void } = {},
): ReportInput {
  const source = structuredClone(demo.projects.find((p) => p.facts.name.includes(namePart))!) as DemoProject;
  options.mutate?.(source);
  const projectId = 1;
  const now = '2023-01-01T00:00:00.000Z';
  let id = 100;
  const goals: Goal[] = [];
  const statusReports: StatusReport[] = [];
  source.goals.forEach((g, position) => {
    const goal: Goal = {
      id: ++id,
      projectId,
      level: g.level as Goal['level'],
      code: g.code,
      description: g.description,
      unit: g.unit,
      targetInPeriod: g.targetInPeriod,
      targetAfterPeriod: g.targetAfterPeriod,
      direction: g.direction as Goal['direction'],
      baseline: g.baseline,
      indicatorId: null,
      position,
    };
    goals.push(goal);
    for (const s of g.statuses) statusReports.push({ id: ++id, goalId: goal.id, ...s, createdAt: now });
  });
  const effectChain: EffectChainItem[] = source.effectChain.map((e, position) => ({ id: ++id, projectId, column: e.column as EffectChainItem['column'], position, text: e.text }));
  const e = source.evaluations[0];
  const evaluation: Evaluation = {
    id: 7,
    projectId,
    type: e.type as Evaluation['type'],
    date: e.date,
    evaluator: e.evaluator,
    budgetSpentKr: e.budgetSpentKr,
    budgetTotalReportedKr: e.budgetTotalReportedKr,
    monthsElapsedReported: e.monthsElapsedReported,
    monthsTotalReported: e.monthsTotalReported,
    progressReportedBy: e.progressReportedBy,
    progressReportedAt: e.progressReportedAt,
    overallStatus: e.overallStatus,
    createdAt: now,
  };
  const scores: ImplementationScore[] = e.scores.map((s) => ({ evaluationId: 7, parameter: s.parameter as ImplementationScore['parameter'], score: s.score, headline: s.headline, text: s.text }));
  const lights: LightDecision[] = e.lights.map((l) => ({
    evaluationId: 7,
    kind: l.kind as LightDecision['kind'],
    suggested: null,
    override: l.override as LightDecision['override'],
    reason: l.reason,
    text: l.text,
  }));
  const survey: SurveyIndicator[] = e.survey.map((s, position) => ({ id: ++id, evaluationId: 7, ...s, scale: s.scale as 3 | 5, position }));
  const learning: LearningPoint[] = e.learning.map((l, position) => ({ id: ++id, evaluationId: 7, kind: l.kind as LearningPoint['kind'], title: l.title, text: l.text, position }));
  const project: ProjectDetail = {
    project: { id: projectId, ...source.facts, createdAt: now, updatedAt: now },
    effectChain,
    goals,
    statusReports,
    budgetLines: [],
    financing: [],
    evaluations: [evaluation],
  };
  const summary = evaluate(
    buildEvaluationInput({ project: project.project, goals, statusReports, evaluation, scores, lights, budgetLines: [], financing: [] }),
    DEFAULT_PROFILE,
  );
  const texts = { ...(Object.fromEntries(EVALUATION_TEXT_KEYS.map((k) => [k, ''])) as EvaluationTexts), ...options.texts };
  const signOff: EvaluationSignOff = options.signOff ?? { state: 'draft', finalizedAt: null, finalizedBy: '' };
  const detail: EvaluationDetail = {
    evaluation,
    scores,
    lights,
    survey,
    learning,
    spendingByYear: [],
    summary,
    profile: DEFAULT_PROFILE,
    profileVersion: { version: 1, createdAt: '2026-12-03T10:00:00.000Z', createdBy: '' },
    texts,
    textVersions: Object.fromEntries(EVALUATION_TEXT_KEYS.map((k) => [k, texts[k] ? 1 : 0])) as EvaluationDetail['textVersions'],
    signOff,
  };
  return {
    project,
    evaluation: detail,
    texts,
    signOff,
    comparison: null,
    sources: [],
    lang: options.lang ?? 'da',
  };
}
