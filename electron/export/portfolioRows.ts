import { existsSync } from 'node:fs';
import { Db } from '../storage/sqlite';
import type { PortfolioStore } from '../storage/store';
import type { GoalDirection, GoalLevel } from '../../shared/domain';

/**
 * The goals of the portfolio export with their status in force, read by the export itself: ONE
 * ordered query over goals with the status in force as a correlated lookup on the
 * (goal_id, reported_at) index, instead of every status row of every project in JavaScript.
 * On its own read-only connection to the store's file (as bulkLoad opens its own), so the
 * store's lock is not held while the export reads.
 *
 * The status in force follows shared/methodology/statusInForce.ts: the latest report on or
 * before the project's latest evaluation (latest date, then the highest id, as the portfolio
 * view picks it); of reports of one date, the one stored last; without a round, the latest.
 */
export interface ExportGoal {
  projectId: number;
  level: GoalLevel;
  code: string;
  direction: GoalDirection;
  baseline: number | null;
  target: number | null;
  status: number | null;
  indicatorId: number | null;
}

const GOALS_IN_FORCE = `
WITH ranked AS (
  SELECT project_id, date, ROW_NUMBER() OVER (PARTITION BY project_id ORDER BY date DESC, id DESC) AS rn FROM evaluations
  WHERE project_id BETWEEN ?1 AND ?2
), latest AS (SELECT project_id, date FROM ranked WHERE rn = 1)
SELECT g.project_id AS projectId, g.level, g.code, g.direction, g.baseline, g.target_in_period AS target, g.indicator_id AS indicatorId,
  (SELECT s.value FROM status_reports s
    WHERE s.goal_id = g.id AND (l.date IS NULL OR s.reported_at <= l.date)
    ORDER BY s.reported_at DESC, s.id DESC LIMIT 1) AS status
FROM goals g LEFT JOIN latest l ON l.project_id = g.project_id
WHERE g.project_id BETWEEN ?1 AND ?2
ORDER BY g.project_id, g.level, g.position, g.id`;

/** Projects per query. */
const GOALS_CHUNK = 250;
/**
 * The export connection's page cache, in KiB: the query walks each range once, so SQLite's
 * default for the store's connection (64 MiB) only held pages never read again; at 5,000
 * projects it filled all of it, some 60 MB of the export's peak memory (issue 12).
 */
const EXPORT_CACHE_KIB = 4 * 1024;

/** Every goal of the projects in `projectIds`, per project in the workbook's order (level, position, id). */
export async function exportGoals(store: PortfolioStore, projectIds: ReadonlySet<number>): Promise<Map<number, ExportGoal[]>> {
  const byProject = new Map<number, ExportGoal[]>();
  for (const id of projectIds) byProject.set(id, []);
  if (projectIds.size === 0) return byProject;
  if (store.path === ':memory:' || store.path === '') throw new Error('Porteføljeeksporten kræver en porteføljefil, ikke en database i hukommelsen.');
  // As the store opens a file it can't write (migrate.ts): a read-only folder has no room for
  // SQLite's -shm file, so without a -wal file the connection reads the file as immutable.
  const walExists = existsSync(`${store.path}-wal`);
  const db = await Db.open(store.path, { readonly: true, cacheKib: EXPORT_CACHE_KIB, immutable: !walExists && store.readOnly !== null && store.readOnly !== 'requested', ...(store.readOnly ? { readOnlyReason: store.readOnly } : {}) });
  try {
    // In ranges of project ids: sqlite3 builds a query's whole result natively before handing it
    // over, and 150,000 goals at once left some 130 MB behind in the process.
    const ids = [...projectIds].sort((a, b) => a - b);
    await db.withLock(async (c) => {
      for (let i = 0; i < ids.length; i += GOALS_CHUNK) {
        const chunk = ids.slice(i, i + GOALS_CHUNK);
        const rows = await c.all<ExportGoal>(GOALS_IN_FORCE, [chunk[0], chunk[chunk.length - 1]]);
        for (const row of rows) byProject.get(row.projectId)?.push(row);
      }
    });
  } finally {
    await db.close();
  }
  return byProject;
}
