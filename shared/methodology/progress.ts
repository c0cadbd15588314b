import type { CalendarDate } from '../numbers/danishDate';
import { daysInMonth, parseIsoDate, toIsoDate } from '../numbers/danishDate';
import type { MethodologyProfile } from './profile';
import { roundHalfUp } from './rounding';
import type { ProgressInput, ProgressResult } from './types';

/**
 * Budget and time consumption (METHODOLOGY.md section 6). Months are calendar months; a part
 * month counts as the fraction of its days that have passed.
 */

const MS_PER_DAY = 86_400_000;

function dayNumber(date: CalendarDate): number {
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  const d = new Date(0);
  d.setUTCFullYear(date.year, date.month - 1, date.day);
  return Math.round(d.getTime() / MS_PER_DAY);
}

function fromDayNumber(days: number): CalendarDate {
  const d = new Date(days * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Same day-of-month k months later, clamped to the month's last day (31.01 + 1 -> 28.02). */
function addMonths(date: CalendarDate, months: number): CalendarDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

export function addDays(iso: string, days: number): string {
  return toIsoDate(fromDayNumber(dayNumber(parseIsoDate(iso)) + days));
}

/**
 * Months from start up to (not including) end: whole months plus the fraction of the month in
 * progress. 2019-01-01 -> 2023-01-01 = 48; 2022-12-01 -> 2022-12-17 = 16/31.
 */
export function monthsBetween(startIso: string, endIso: string): number {
  const start = parseIsoDate(startIso);
  const end = parseIsoDate(endIso);
  const endDay = dayNumber(end);
  if (endDay < dayNumber(start)) return -monthsBetween(endIso, startIso);
  let whole = (end.year - start.year) * 12 + (end.month - start.month);
  if (dayNumber(addMonths(start, whole)) > endDay) whole -= 1;
  const anchor = dayNumber(addMonths(start, whole));
  const next = dayNumber(addMonths(start, whole + 1));
  return whole + (endDay - anchor) / (next - anchor);
}

/** The grant period's length; its end date is the last day of the period, so it is inclusive. */
export function grantPeriodMonths(start: string, end: string): number {
  return monthsBetween(start, addDays(end, 1));
}

function percentOf(part: number | null, whole: number | null): number | null {
  return part === null || whole === null || whole === 0 ? null : (part / whole) * 100;
}

function displayed(percent: number | null): number | null {
  return percent === null ? null : roundHalfUp(percent);
}

/** Whole months are the unit a recipient reports elapsed time in, so less than one apart is equal. */
const ELAPSED_REPORTING_UNIT_MONTHS = 1;

export function progress(input: ProgressInput, profile: MethodologyProfile): ProgressResult {
  const budgetTotal = input.budgetTotalReportedKr ?? input.totalBudgetKr;
  const budgetPercent = percentOf(input.budgetSpentKr, budgetTotal);

  const computedTotal =
    input.periodStart && input.periodEnd ? grantPeriodMonths(input.periodStart, input.periodEnd) : null;
  // The evaluation day itself has passed: an evaluation on the period's last day shows 100 %.
  const rawElapsed = input.periodStart ? monthsBetween(input.periodStart, addDays(input.evaluationDate, 1)) : null;
  const computedElapsed =
    rawElapsed === null ? null : Math.max(0, computedTotal === null ? rawElapsed : Math.min(rawElapsed, computedTotal));

  const elapsed = input.monthsElapsedReported ?? computedElapsed;
  const total = input.monthsTotalReported ?? computedTotal;
  const timePercent = percentOf(elapsed, total);
  const computedPercent = percentOf(computedElapsed, computedTotal);

  const elapsedDiffers =
    input.monthsElapsedReported !== null &&
    computedElapsed !== null &&
    Math.abs(input.monthsElapsedReported - computedElapsed) >= ELAPSED_REPORTING_UNIT_MONTHS;
  const totalDiffers =
    input.monthsTotalReported !== null &&
    computedTotal !== null &&
    roundHalfUp(input.monthsTotalReported, 1) !== roundHalfUp(computedTotal, 1);

  const burnRatio =
    budgetPercent === null || timePercent === null || timePercent === 0 ? null : budgetPercent / timePercent;
  const burnFlag =
    burnRatio === null
      ? null
      : burnRatio < profile.burnRatio.under
        ? 'under'
        : burnRatio > profile.burnRatio.over
          ? 'over'
          : 'ok';

  return {
    budget: {
      totalKr: budgetTotal,
      spentKr: input.budgetSpentKr,
      percent: budgetPercent,
      displayPercent: displayed(budgetPercent),
    },
    time: {
      elapsedMonths: elapsed,
      totalMonths: total,
      percent: timePercent,
      displayPercent: displayed(timePercent),
      computedElapsedMonths: computedElapsed,
      computedTotalMonths: computedTotal,
      computedPercent,
      reportedDiffers: elapsedDiffers || totalDiffers,
    },
    burnRatio,
    burnFlag,
  };
}
