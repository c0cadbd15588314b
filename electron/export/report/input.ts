import { EVALUATION_TEXT_KEYS, type EvaluationSignOff, type EvaluationTexts } from '../../../shared/domain';
import { ServiceError } from '../../../shared/contracts/core';
import { localToday } from '../../../shared/methodology/reportDates';
import type { ProjectStatusInput, ReportInput, ReportLang } from '../../../shared/report/model';
import type { AppServices } from '../../services';
import { measuresAt } from '../../services/projectMeasures';

/** Every text key present and empty: what a round without written prose has. */
export function emptyEvaluationTexts(): EvaluationTexts {
  return Object.fromEntries(EVALUATION_TEXT_KEYS.map((k) => [k, ''])) as EvaluationTexts;
}

export const DRAFT_SIGN_OFF: EvaluationSignOff = { state: 'draft', finalizedAt: null, finalizedBy: '' };

/**
 * Everything the report of one round is built from. The ONE place that supplies the evaluator's
 * prose and the sign-off (stored with the round) and the comparison with the round before it
 * (by date; none for a project's first round).
 */
export async function reportInputFor(
  services: AppServices,
  options: { projectId: number; evaluationId?: number; lang: ReportLang },
): Promise<ReportInput> {
  const { portfolio } = services;
  const project = await portfolio.projectDetail(options.projectId);
  const evaluation = options.evaluationId
    ? await portfolio.requireEvaluation(options.evaluationId)
    : await portfolio.latestEvaluation(options.projectId);
  if (!evaluation) throw new ServiceError('NOT_FOUND', `Projektet "${project.project.name}" har ingen evaluering at lave en rapport af.`);
  if (evaluation.projectId !== options.projectId)
    throw new ServiceError('VALIDATION', `Evaluering ${evaluation.id} hører ikke til projektet "${project.project.name}".`);
  const detail = await portfolio.evaluationDetail(evaluation.id);
  const rounds = [...project.evaluations].sort((a, b) => (a.date === b.date ? a.id - b.id : a.date.localeCompare(b.date)));
  const previous = rounds[rounds.findIndex((r) => r.id === evaluation.id) - 1];
  const comparison = previous ? await services.rounds.compare(options.projectId, previous.id, evaluation.id) : null;
  const [sources, businessCase] = await Promise.all([services.store.listSources(options.projectId), services.store.getBusinessCase(options.projectId)]);
  const measures = measuresAt(project.goals, project.statusReports, detail.evaluation.date, detail.profile, businessCase);
  return { project, evaluation: detail, texts: detail.texts, signOff: detail.signOff, comparison, sources, lang: options.lang, measures };
}

/**
 * Everything the project status of a project without a round is built from: the goals with
 * their latest status (no date limits them), the sources and the measures. Made today.
 */
export async function projectStatusInputFor(services: AppServices, options: { projectId: number; lang: ReportLang; madeOn?: string }): Promise<ProjectStatusInput> {
  const project = await services.portfolio.projectDetail(options.projectId);
  if (project.evaluations.length > 0)
    throw new ServiceError('VALIDATION', `Projektet "${project.project.name}" har en evalueringsrunde: lav rundens evalueringsrapport.`);
  const [sources, businessCase, profile] = await Promise.all([
    services.store.listSources(options.projectId),
    services.store.getBusinessCase(options.projectId),
    services.store.getProfile(),
  ]);
  const measures = measuresAt(project.goals, project.statusReports, null, profile, businessCase);
  return { project, sources, lang: options.lang, measures, madeOn: options.madeOn ?? localToday() };
}
