import { formatDanishDate } from '../numbers/danish';

/**
 * Dates that are possible but unusual, so that a person confirms them before they are saved: a
 * status dated in the future or outside the grant period, an evaluation round after the grant
 * period or before the round before it. Pure: the goal table's status form, the round dialog,
 * main's services and (later) the import flow all ask the same rule.
 */

export type DateWarningCode = 'statusInFuture' | 'statusBeforePeriod' | 'statusAfterPeriod' | 'roundAfterPeriod' | 'roundBeforePrevious';

export interface DateWarning {
  code: DateWarningCode;
  /** ISO dates the message refers to. */
  params: { date: string; today?: string; periodStart?: string; periodEnd?: string; previous?: string };
  /** Danish, for the CLI and main's refusal; the renderer translates `code` + `params`. */
  message: string;
}

const da = formatDanishDate;

/** Today's date where the user is (their clock's calendar day), ISO: what "in the future" means. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A status report's date against today and the grant period. Dates are ISO `YYYY-MM-DD`. */
export function statusDateWarnings(
  reportedAt: string,
  context: { today: string; periodStart: string | null; periodEnd: string | null },
): DateWarning[] {
  const out: DateWarning[] = [];
  if (reportedAt > context.today)
    out.push({
      code: 'statusInFuture',
      params: { date: reportedAt, today: context.today },
      message: `Statusdatoen ${da(reportedAt)} ligger efter i dag (${da(context.today)}).`,
    });
  if (context.periodStart && reportedAt < context.periodStart)
    out.push({
      code: 'statusBeforePeriod',
      params: { date: reportedAt, periodStart: context.periodStart },
      message: `Statusdatoen ${da(reportedAt)} ligger før bevillingsperioden, der starter ${da(context.periodStart)}.`,
    });
  if (context.periodEnd && reportedAt > context.periodEnd)
    out.push({
      code: 'statusAfterPeriod',
      params: { date: reportedAt, periodEnd: context.periodEnd },
      message: `Statusdatoen ${da(reportedAt)} ligger efter bevillingsperioden, der slutter ${da(context.periodEnd)}.`,
    });
  return out;
}

/** A new evaluation round's date against the grant period's end and the latest round before it. */
export function roundDateWarnings(
  date: string,
  context: { periodEnd: string | null; previousRoundDates: string[] },
): DateWarning[] {
  const out: DateWarning[] = [];
  if (context.periodEnd && date > context.periodEnd)
    out.push({
      code: 'roundAfterPeriod',
      params: { date, periodEnd: context.periodEnd },
      message: `Evalueringsdatoen ${da(date)} ligger efter bevillingsperiodens slutning ${da(context.periodEnd)}.`,
    });
  const previous = [...context.previousRoundDates].sort().at(-1);
  if (previous && date < previous)
    out.push({
      code: 'roundBeforePrevious',
      params: { date, previous },
      message: `Evalueringsdatoen ${da(date)} ligger før den seneste runde (${da(previous)}).`,
    });
  return out;
}
