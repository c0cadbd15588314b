import type { ApiClient, IpcResult, PortfolioPage } from '../../../../shared/contracts';
import type { PortfolioFilter } from '../../../../shared/portfolioFilter';
import type { PortfolioSort } from '../../../../shared/portfolioPage';
import { safeCall } from '../../api';

/** Rows per request: a few screens, so scrolling asks main rarely. */
export const PAGE_SIZE = 100;

/** The portfolio table's order when the view opens. */
export const INITIAL_SORT: PortfolioSort = { key: 'name', dir: 'asc' };

/** The question for the first page of a filter and sort (with the figures; the filters' choices when asked). */
export function firstPageQuestion(filter: PortfolioFilter, sort: PortfolioSort, language: 'da' | 'en', facets: boolean) {
  return { filter, sort, language, offset: 0, limit: PAGE_SIZE, figures: true, facets };
}

type Question = ReturnType<typeof firstPageQuestion>;

let early: { api: ApiClient; key: string; answer: Promise<IpcResult<PortfolioPage>>; arrived?: IpcResult<PortfolioPage> } | null = null;

/**
 * Asks main for the portfolio's first page as soon as the app's script runs, before React has
 * rendered anything (issue 12, first paint): main reads the figures while the renderer builds
 * the shell, instead of after it. The view takes this answer if it asks the same question of the
 * same client, once; any other question goes to main as usual.
 */
export function askFirstPageEarly(api: ApiClient, language: 'da' | 'en'): void {
  const question = firstPageQuestion({}, INITIAL_SORT, language, true);
  const asked: NonNullable<typeof early> = { api, key: JSON.stringify(question), answer: safeCall(() => api.portfolioPage(question)) };
  void asked.answer.then((r) => {
    asked.arrived = r;
  });
  early = asked;
}

/**
 * The early answer if it has already arrived and answers this question (taken, once), else
 * undefined: the view then renders the first page in its first render, without a second pass
 * for the rows once the answer's promise is resolved (issue 12, first paint).
 */
export function firstPageArrived(api: ApiClient, question: Question): IpcResult<PortfolioPage> | undefined {
  const taken = early;
  if (!taken?.arrived || taken.api !== api || taken.key !== JSON.stringify(question)) return undefined;
  early = null;
  return taken.arrived;
}

/** The answer to a first-page question: the early one if it is the same question, else a new call. */
export function askFirstPage(api: ApiClient, question: Question): Promise<IpcResult<PortfolioPage>> {
  const taken = early;
  early = null;
  if (taken && taken.api === api && taken.key === JSON.stringify(question)) return taken.answer;
  return safeCall(() => api.portfolioPage(question));
}
