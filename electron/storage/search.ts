import { ftsQuery, MATCH_END, MATCH_START, tabOf, type SearchHit, type SearchKind } from '../../shared/search/types';
import type { SqlConn } from './sqlite';

/**
 * Full-text search over the portfolio's texts (the FTS5 index of migration 007), best match
 * first. Texts of deleted projects and deleted rounds are left out (they stay indexed, so that a
 * restore needs no re-indexing).
 */
export async function searchPortfolio(c: SqlConn, text: string, limit: number): Promise<SearchHit[]> {
  const query = ftsQuery(text);
  if (query === null) return [];
  const rows = await c.all<{
    project_id: number;
    project_name: string;
    evaluation_id: number | null;
    kind: SearchKind;
    field: string;
    ref: string;
    snippet: string;
  }>(
    `SELECT d.project_id, p.name AS project_name, d.evaluation_id, d.kind, d.field, d.ref,
            snippet(search_index, 0, ?, ?, '…', 16) AS snippet
       FROM search_index
       JOIN search_docs d ON d.id = search_index.rowid
       JOIN projects p ON p.id = d.project_id AND p.deleted_at IS NULL
       LEFT JOIN evaluations e ON e.id = d.evaluation_id
      WHERE search_index MATCH ? AND (d.evaluation_id IS NULL OR e.deleted_at IS NULL)
      ORDER BY bm25(search_index), d.id
      LIMIT ?`,
    [MATCH_START, MATCH_END, query, limit],
  );
  return rows.map((r) => ({
    projectId: r.project_id,
    projectName: r.project_name,
    evaluationId: r.evaluation_id,
    kind: r.kind,
    field: String(r.field),
    ref: String(r.ref),
    tab: tabOf(r.kind, String(r.field)),
    snippet: r.snippet,
  }));
}
