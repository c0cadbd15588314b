import type { MethodologyProfile } from './profile';
import { roundHalfUp } from './rounding';
import type { BudgetLineInput, BudgetResult, FinancingInput } from './types';

/**
 * Budget lines against financing, and indirect costs against their claimed share of the
 * direct costs (METHODOLOGY.md section 7, the budget of 004).
 */

/** Amounts are kept in kr with øre precision; sums are rounded there to drop binary noise. */
const ORE_DECIMALS = 2;

const sumKr = (amounts: number[]) => roundHalfUp(amounts.reduce((sum, a) => sum + a, 0), ORE_DECIMALS);

const isIndirect = (line: BudgetLineInput) => line.percentOfDirect !== null;

/** An indirect-cost line's amount: its percent of the direct costs, to the øre (half up). */
export function indirectAmountKr(directKr: number, percentOfDirect: number): number {
  return roundHalfUp((directKr * percentOfDirect) / 100, ORE_DECIMALS);
}

/** The direct costs (lines without a percent) of each year. */
function directByYear(lines: Pick<BudgetLineInput, 'year' | 'amountKr' | 'percentOfDirect'>[]): Map<number, number> {
  const byYear = new Map<number, number[]>();
  for (const l of lines) if (l.percentOfDirect === null) byYear.set(l.year, [...(byYear.get(l.year) ?? []), l.amountKr]);
  return new Map([...byYear].map(([year, amounts]) => [year, sumKr(amounts)]));
}

/**
 * Keeps every indirect-cost line (one given as a percent of the direct costs, as 004 writes
 * "Indirekte udgifter (18 % af de direkte udgifter)") in step with the direct costs of its year:
 * the percent is what is kept, the amount follows. Lines whose amount already agrees come back
 * as they are (same object), so a caller can write only what changed.
 */
export function keepIndirectInStep<T extends Pick<BudgetLineInput, 'year' | 'amountKr' | 'percentOfDirect'>>(lines: T[]): T[] {
  const direct = directByYear(lines);
  return lines.map((l) => {
    if (l.percentOfDirect === null) return l;
    const amountKr = indirectAmountKr(direct.get(l.year) ?? 0, l.percentOfDirect);
    return amountKr === l.amountKr ? l : { ...l, amountKr };
  });
}

/**
 * The sum of the budget lines against the project's total budget (the fact box's "samlet
 * budget"), within the profile's tolerance; null when either side is missing.
 */
export function linesAgainstProjectTotal(
  linesTotalKr: number,
  lineCount: number,
  projectTotalKr: number | null,
  profile: MethodologyProfile,
): BudgetResult['projectTotal'] {
  if (lineCount === 0 || projectTotalKr === null) return null;
  const differenceKr = roundHalfUp(linesTotalKr - projectTotalKr, ORE_DECIMALS);
  return { projectTotalKr, differenceKr, ok: Math.abs(differenceKr) <= profile.budgetToleranceKr };
}

export function budgetCheck(
  lines: BudgetLineInput[],
  financing: FinancingInput[],
  profile: MethodologyProfile,
  projectTotalKr: number | null = null,
): BudgetResult {
  const yearNumbers = [...new Set(lines.map((l) => l.year))].sort((a, b) => a - b);
  const years = yearNumbers.map((year) => {
    const ofYear = lines.filter((l) => l.year === year);
    const directKr = sumKr(ofYear.filter((l) => !isIndirect(l)).map((l) => l.amountKr));
    const indirectKr = sumKr(ofYear.filter(isIndirect).map((l) => l.amountKr));
    return { year, directKr, indirectKr, totalKr: sumKr([directKr, indirectKr]) };
  });

  const indirectChecks = lines.filter(isIndirect).map((line) => {
    const directKr = years.find((y) => y.year === line.year)?.directKr ?? 0;
    const claimedPercent = line.percentOfDirect ?? 0;
    const expectedKr = indirectAmountKr(directKr, claimedPercent);
    return {
      year: line.year,
      costType: line.costType,
      claimedPercent,
      directKr,
      expectedKr,
      actualKr: line.amountKr,
      ok: Math.abs(line.amountKr - expectedKr) <= profile.budgetToleranceKr,
    };
  });

  const totalKr = sumKr(lines.map((l) => l.amountKr));
  const financingTotalKr = sumKr(financing.map((f) => f.amountKr));
  const differenceKr = roundHalfUp(totalKr - financingTotalKr, ORE_DECIMALS);
  return {
    years,
    totalKr,
    financingTotalKr,
    differenceKr,
    balanced: lines.length > 0 && financing.length > 0 && Math.abs(differenceKr) <= profile.budgetToleranceKr,
    indirectChecks,
    projectTotal: linesAgainstProjectTotal(totalKr, lines.length, projectTotalKr, profile),
  };
}
