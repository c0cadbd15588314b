import type { Evaluation, EvaluationSignOff, EvaluationTextKey, EvaluationTexts } from '../../shared/domain';
import { ServiceError } from '../../shared/contracts/core';
import { compareRounds, type RoundComparison } from '../../shared/methodology/compare';
import type { PortfolioStore, SaveOptions } from '../storage/store';
import { toGoalInput } from './evaluationInput';
import type { PortfolioService } from './portfolioService';

/**
 * What an evaluator does to a round as a whole: writes the report's prose, signs the round off
 * (the store then refuses every write that would change it), reopens it with a reason, and
 * compares it with another round of the project.
 */
export class RoundService {
  constructor(
    private readonly store: PortfolioStore,
    private readonly portfolio: PortfolioService,
  ) {}

  /** With `expectedVersion` (the text's version as read, 0 = never saved) a save over someone else's is refused (StaleWriteError). */
  async setText(evaluationId: number, key: EvaluationTextKey, text: string, options: SaveOptions = {}): Promise<EvaluationTexts> {
    await this.portfolio.requireEvaluation(evaluationId);
    return this.store.setEvaluationText(evaluationId, key, text, options);
  }

  async finalize(evaluationId: number): Promise<EvaluationSignOff> {
    await this.portfolio.requireEvaluation(evaluationId);
    return this.store.finalizeEvaluation(evaluationId);
  }

  /** Reopening a final round needs a written reason; it goes to the audit log with the change. */
  async reopen(evaluationId: number, reason: string): Promise<EvaluationSignOff> {
    await this.portfolio.requireEvaluation(evaluationId);
    if (!reason.trim())
      throw new ServiceError('REASON_REQUIRED', 'Genåbning af en afsluttet runde kræver en skriftlig begrundelse.', [
        { path: 'reason', message: 'Skriv hvorfor runden genåbnes.' },
      ]);
    if ((await this.store.getSignOff(evaluationId)).state !== 'final')
      throw new ServiceError('CONFLICT', 'Runden er ikke afsluttet; der er intet at genåbne.');
    return this.store.reopenEvaluation(evaluationId, reason.trim());
  }

  /**
   * Two rounds of a project compared, the earlier (by date) as "then". Without ids: the two
   * latest rounds.
   */
  async compare(projectId: number, earlierEvaluationId?: number, laterEvaluationId?: number): Promise<RoundComparison> {
    const detail = await this.portfolio.projectDetail(projectId);
    const rounds = [...detail.evaluations].sort((a, b) => (a.date === b.date ? a.id - b.id : a.date.localeCompare(b.date)));
    const pick = (id: number | undefined, fallback: Evaluation | undefined): Evaluation => {
      if (id === undefined) {
        if (!fallback) throw new ServiceError('VALIDATION', `Projektet "${detail.project.name}" har ikke to evalueringsrunder at sammenligne.`);
        return fallback;
      }
      const found = rounds.find((r) => r.id === id);
      if (!found) throw new ServiceError('NOT_FOUND', `Evaluering ${id} hører ikke til projektet "${detail.project.name}".`);
      return found;
    };
    const a = pick(earlierEvaluationId, rounds[rounds.length - 2]);
    const b = pick(laterEvaluationId, rounds[rounds.length - 1]);
    if (a.id === b.id) throw new ServiceError('VALIDATION', 'Vælg to forskellige evalueringsrunder at sammenligne.');
    const [earlier, later] = rounds.indexOf(a) < rounds.indexOf(b) ? [a, b] : [b, a];
    const round = async (evaluation: Evaluation) => ({
      evaluationId: evaluation.id,
      goals: detail.goals.map((g) => toGoalInput(g, detail.statusReports, evaluation.date)),
      summary: (await this.portfolio.evaluationDetail(evaluation.id)).summary,
    });
    return compareRounds(await round(earlier), await round(later));
  }
}
