/**
 * Budget and spending by year (issue 15, "Budget as 004 writes it"). The budget of a year is the
 * sum of its budget lines; what was spent in it is what the round records for that year. The round
 * itself reports one figure spent to date (Evaluation.budgetSpentKr) against the budget total its
 * consumption uses (the reported total, else the project's total budget): the total row is that
 * total, and the per-year figures are only compared with the spent figure, never put in its place.
 */

export interface SpendingYearRow {
  year: number;
  /** The budget lines of the year; null when the budget has no line for it. */
  budgetKr: number | null;
  /** Recorded for the year; null when the round records nothing for it. */
  spentKr: number | null;
  remainingKr: number | null;
  /** Spent / budget × 100, unrounded; null without both or with a zero budget. */
  percent: number | null;
  note: string;
}

export type SpendingCheck =
  /** The per-year figures sum to the round's reported spent figure. */
  | { state: 'matches'; sumKr: number; reportedKr: number }
  /** They do not: the round keeps its reported figure; the difference is shown. */
  | { state: 'differs'; sumKr: number; reportedKr: number; differenceKr: number }
  /** The round reports no spent figure to compare with. */
  | { state: 'noReported'; sumKr: number };

export interface SpendingByYear {
  rows: SpendingYearRow[];
  total: {
    /** The budget total the round's consumption uses (null when there is none). */
    budgetKr: number | null;
    /** The sum of the per-year figures. */
    spentKr: number;
    remainingKr: number | null;
    percent: number | null;
  };
  /** null when no year has spending recorded. */
  check: SpendingCheck | null;
}

export interface SpendingByYearInput {
  budgetYears: readonly { year: number; totalKr: number }[];
  spending: readonly { year: number; spentKr: number; note: string }[];
  /** The round's reported spent to date. */
  reportedSpentKr: number | null;
  /** The budget total the round's consumption is computed against. */
  roundBudgetKr: number | null;
}

const ore = (kr: number) => Math.round(kr * 100);
const kr = (o: number) => o / 100;
const percentOf = (part: number | null, whole: number | null) => (part === null || whole === null || whole === 0 ? null : (part / whole) * 100);

export function spendingByYear(input: SpendingByYearInput): SpendingByYear {
  const years = [...new Set([...input.budgetYears.map((y) => y.year), ...input.spending.map((s) => s.year)])].sort((a, b) => a - b);
  const rows = years.map((year): SpendingYearRow => {
    const budget = input.budgetYears.find((y) => y.year === year);
    const spent = input.spending.find((s) => s.year === year);
    const budgetKr = budget ? budget.totalKr : null;
    const spentKr = spent ? spent.spentKr : null;
    return {
      year,
      budgetKr,
      spentKr,
      remainingKr: budgetKr === null || spentKr === null ? null : kr(ore(budgetKr) - ore(spentKr)),
      percent: percentOf(spentKr, budgetKr),
      note: spent?.note ?? '',
    };
  });
  const sumOre = input.spending.reduce((s, y) => s + ore(y.spentKr), 0);
  const sumKr = kr(sumOre);
  const budgetKr = input.roundBudgetKr;
  let check: SpendingCheck | null = null;
  if (input.spending.length > 0) {
    if (input.reportedSpentKr === null) check = { state: 'noReported', sumKr };
    else if (ore(input.reportedSpentKr) === sumOre) check = { state: 'matches', sumKr, reportedKr: input.reportedSpentKr };
    else check = { state: 'differs', sumKr, reportedKr: input.reportedSpentKr, differenceKr: kr(sumOre - ore(input.reportedSpentKr)) };
  }
  return {
    rows,
    total: {
      budgetKr,
      spentKr: sumKr,
      remainingKr: budgetKr === null ? null : kr(ore(budgetKr) - sumOre),
      percent: percentOf(sumKr, budgetKr),
    },
    check,
  };
}
