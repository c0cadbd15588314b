import { ftsQuery, MATCH_END, MATCH_START, tabOf, type SearchHit, type SearchKind } from '../../shared/search/types';
import type { SqlConn } from './sqlite';

/**
 * Full-text search over the portfolio's texts (the FTS5 index of migration 007), best match
 * first. Texts of deleted projects and deleted rounds are left out (they stay indexed, so that a
 * restore needs no re-indexing).
 */
export async function searchPortfolio(c: SqlConn, text: string, limit: number, engine: 'fts5' | 'substring' = 'fts5'): Promise<SearchHit[]> {
  const query = ftsQuery(text);
  if (query === null) return [];
  const rows = engine === 'fts5' ? await ftsRows(c, query, limit) : await substringRows(c, query, limit);
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

interface HitRow {
  project_id: number;
  project_name: string;
  evaluation_id: number | null;
  kind: SearchKind;
  field: string;
  ref: string;
  snippet: string;
}

async function ftsRows(c: SqlConn, query: string, limit: number): Promise<HitRow[]> {
  return c.all<HitRow>(
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
}

const escapeRegex = (w: string) => w.replace(/[\\^$.*+?()[\]{}|]/g, (ch) => `\\${ch}`);

/**
 * PostgreSQL for now: no FTS5 index, so every word must begin a word of the text (the last one
 * as a prefix, the others whole), case-insensitive, in the order of the rows (no bm25 ranking).
 * The snippet marks the words the same way FTS5's does.
 */
async function substringRows(c: SqlConn, query: string, limit: number): Promise<HitRow[]> {
  const words = [...query.matchAll(/"([^"]*)"(\*?)/g)].map((m) => ({ word: m[1], prefix: m[2] === '*' }));
  const patterns = words.map((w) => `\\m${escapeRegex(w.word)}${w.prefix ? '' : '\\M'}`);
  const rows = await c.all<HitRow & { body: string }>(
    `SELECT d.project_id, p.name AS project_name, d.evaluation_id, d.kind, d.field, d.ref, d.body
       FROM search_docs d
       JOIN projects p ON p.id = d.project_id AND p.deleted_at IS NULL
       LEFT JOIN evaluations e ON e.id = d.evaluation_id
      WHERE (d.evaluation_id IS NULL OR e.deleted_at IS NULL) AND ${patterns.map(() => 'd.body ~* ?').join(' AND ')}
      ORDER BY d.id
      LIMIT ?`,
    [...patterns, limit],
  );
  const marks = new RegExp(words.map((w) => `(?<![\\p{L}\\p{N}])${escapeRegex(w.word)}${w.prefix ? '[\\p{L}\\p{N}]*' : '(?![\\p{L}\\p{N}])'}`).join('|'), 'giu');
  return rows.map(({ body, ...r }) => ({ ...r, snippet: snippetOf(body, marks) }));
}

/** About 16 words around the first match, the matches marked, '…' where the text was cut. */
function snippetOf(body: string, marks: RegExp): string {
  const tokens = body.split(/(\s+)/u);
  const words = tokens.filter((_t, i) => i % 2 === 0);
  const first = Math.max(0, words.findIndex((w) => new RegExp(marks.source, 'iu').test(w)));
  const start = Math.max(0, first - 4);
  const end = Math.min(words.length, start + 16);
  const text = tokens.slice(start * 2, end * 2 - 1).join('');
  const marked = text.replace(marks, (m) => `${MATCH_START}${m}${MATCH_END}`);
  return `${start > 0 ? '…' : ''}${marked}${end < words.length ? '…' : ''}`;
}
