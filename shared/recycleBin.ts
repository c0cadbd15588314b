import { danishDateOf, parseDanishDate } from './numbers/danishDate';
import { addDays } from './methodology/progress';

/** How many Danish calendar days a deleted project or goal stays in the recycle bin (issue 15). */
export const RECYCLE_BIN_KEEP_DAYS = 30;

const MS_PER_DAY = 86_400_000;

/** The Danish calendar day (ISO) of a timestamp: deleted at 00:30 Danish time is of that day. */
export function danishDayOf(isoTimestamp: string): string {
  return parseDanishDate(danishDateOf(isoTimestamp));
}

/** Today's Danish calendar day (ISO). */
export function danishToday(now: Date = new Date()): string {
  return danishDayOf(now.toISOString());
}

/**
 * Whole days an entry deleted at `deletedAt` has left in the bin on `today` (ISO date, Danish):
 * deleted today, 30; on the 30th day after the day of deletion, 0, and it is emptied then.
 */
export function recycleBinDaysLeft(deletedAt: string, today: string, keepDays = RECYCLE_BIN_KEEP_DAYS): number {
  const expires = addDays(danishDayOf(deletedAt), keepDays);
  return Math.max(0, Math.round((Date.parse(expires) - Date.parse(today)) / MS_PER_DAY));
}

/** An entry is emptied from the bin once it has no days left. */
export function recycleBinExpired(deletedAt: string, today: string, keepDays = RECYCLE_BIN_KEEP_DAYS): boolean {
  return recycleBinDaysLeft(deletedAt, today, keepDays) === 0;
}
