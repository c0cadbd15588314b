/**
 * Dates as Danish documents write them ("02.12.2022", "2.12.2022") and as the domain stores
 * them (ISO "2022-12-02"). Impossible dates (31.02.2022) and two-digit years are errors.
 */

/** Why a text is not a date, keyed for other languages (see NUMBER_REASONS_DA). */
export const DATE_REASONS_DA = {
  noSuchMonth: 'måned {{month}} findes ikke',
  noSuchDay: 'dag {{day}} findes ikke i måned {{month}}',
  expectedIso: 'forventede formatet ÅÅÅÅ-MM-DD',
  expectedDanish: 'forventede formatet DD.MM.ÅÅÅÅ',
} as const;
export type DateReason = keyof typeof DATE_REASONS_DA;

export class DateParseError extends Error {
  readonly text: string;
  /** Danish. */
  readonly reason: string;
  readonly code: DateReason;
  readonly params: { day?: number; month?: number };

  constructor(text: string, code: DateReason, params: { day?: number; month?: number } = {}) {
    const reason = DATE_REASONS_DA[code].replace(/\{\{(\w+)\}\}/g, (_, k: 'day' | 'month') => String(params[k]));
    super(`Kan ikke læse datoen "${text}": ${reason}`);
    this.name = 'DateParseError';
    this.text = text;
    this.reason = reason;
    this.code = code;
    this.params = params;
  }
}

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
}

function validDate(original: string, year: number, month: number, day: number): CalendarDate {
  if (month < 1 || month > 12) throw new DateParseError(original, 'noSuchMonth', { month });
  if (day < 1 || day > daysInMonth(year, month)) {
    throw new DateParseError(original, 'noSuchDay', { day, month });
  }
  return { year, month, day };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function toIsoDate(date: CalendarDate): string {
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

/**
 * Reads an ISO date ("2022-12-02"; a time part after it is ignored) into its parts.
 * Throws DateParseError.
 */
export function parseIsoDate(iso: string): CalendarDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(iso.trim());
  if (!match) throw new DateParseError(iso, 'expectedIso');
  return validDate(iso, Number(match[1]), Number(match[2]), Number(match[3]));
}

/** "02.12.2022", "2.12.2022" or "2022-12-02" -> "2022-12-02". */
export function parseDanishDate(text: string): string {
  const trimmed = text.trim();
  const danish = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(trimmed);
  if (danish) return toIsoDate(validDate(text, Number(danish[3]), Number(danish[2]), Number(danish[1])));
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return toIsoDate(parseIsoDate(trimmed));
  throw new DateParseError(text, 'expectedDanish');
}

/** "2022-12-02" -> "02.12.2022". */
export function formatDanishDate(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  return `${pad(day)}.${pad(month)}.${pad(year, 4)}`;
}

/** hh:mm (24-hour) in Denmark (Europe/Copenhagen) of an ISO timestamp: "14:05". */
export function danishClockOf(isoTimestamp: string): string {
  const date = new Date(isoTimestamp);
  if (Number.isNaN(date.getTime())) return isoTimestamp;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.hour}:${parts.minute}`;
}

/**
 * The calendar date in Denmark (Europe/Copenhagen) of an ISO timestamp, or an ISO date as it is,
 * as dd.mm.åååå: a version made at 00:30 Danish time is of that day, not of the UTC day before.
 */
export function danishDateOf(isoTimestamp: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(isoTimestamp)) return formatDanishDate(isoTimestamp);
  const date = new Date(isoTimestamp);
  if (Number.isNaN(date.getTime())) return isoTimestamp;
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
  return formatDanishDate(parts);
}
