import { keepIndirectInStep } from '../../shared/methodology/budget';
import type { PortfolioStore } from '../storage/store';

/**
 * Budget lines as 004 writes them: an indirect-cost line is kept as its percent of the direct costs
 * of its year, and its amount follows them. Called inside the transaction of every edit of a
 * project's budget lines, so the stored amounts never lag the percent.
 */

/** Writes the indirect lines of a project whose amount no longer follows their percent; returns all lines. */
export async function keepBudgetInStep(tx: Pick<PortfolioStore, 'listBudgetLines' | 'saveBudgetLine'>, projectId: number) {
  const lines = await tx.listBudgetLines(projectId);
  const inStep = keepIndirectInStep(lines);
  const out: typeof lines = [];
  for (let i = 0; i < lines.length; i++) out.push(inStep[i] === lines[i] ? lines[i] : await tx.saveBudgetLine(inStep[i]));
  return out;
}
