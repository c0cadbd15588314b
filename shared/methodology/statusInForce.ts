import type { StatusReport } from '../domain';

/**
 * The status in force at a date (METHODOLOGY.md section 1: "the latest reported value"): the
 * latest report on or before the date; of reports with the same date, the one stored last.
 * Reports are kept as history, so a later report never rewrites an earlier evaluation. `date`
 * null = no evaluation round: the latest report counts.
 *
 * `reports` must be in the order they were stored (the last of a date wins).
 */
export function inForceAt<T extends { reportedAt: string }>(reports: readonly T[], date: string | null): T | null {
  let best: T | null = null;
  for (const r of reports) {
    if (date && r.reportedAt > date) continue;
    if (!best || r.reportedAt >= best.reportedAt) best = r;
  }
  return best;
}

/** The stored status in force for a goal at an evaluation date. */
export function statusInForce(reports: readonly StatusReport[], goalId: number, date: string | null): StatusReport | null {
  return inForceAt(
    reports.filter((r) => r.goalId === goalId).sort((a, b) => a.id - b.id),
    date,
  );
}
