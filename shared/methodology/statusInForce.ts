import type { StatusReport } from '../domain';

/**
 * The status in force for a goal at an evaluation date: the latest report on or before the
 * date (reports are kept as history; a later report never rewrites an earlier evaluation).
 */
export function statusInForce(reports: StatusReport[], goalId: number, date: string | null): StatusReport | null {
  let best: StatusReport | null = null;
  for (const r of reports) {
    if (r.goalId !== goalId) continue;
    if (date && r.reportedAt > date) continue;
    if (!best || r.reportedAt > best.reportedAt || (r.reportedAt === best.reportedAt && r.id > best.id)) best = r;
  }
  return best;
}
