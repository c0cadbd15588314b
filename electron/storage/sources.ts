import { createHash } from 'node:crypto';
import type { ContentKind, FileFormat } from '../../shared/import/items';
import type { ProjectSource } from '../../shared/sources/types';
import type { SqlConn } from './sqlite';

/**
 * The files a project was imported from (migration 007): bytes once per content hash, a link per
 * project and file name. These run on the connection of the caller's write or transaction, so
 * that a source is kept in the import's own transaction and a failed import keeps none.
 */

export interface SourceToKeep {
  fileName: string;
  format: FileFormat;
  kind: ContentKind;
  bytes: Uint8Array;
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Stores the file (once per content) and links it to the project; returns the link's id. */
export async function keepSource(c: SqlConn, projectId: number, source: SourceToKeep, at: string, by: string): Promise<number> {
  const sha = sha256Of(source.bytes);
  await c.run('INSERT INTO source_files (sha256, size, content, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING', [
    sha,
    source.bytes.byteLength,
    Buffer.from(source.bytes.buffer, source.bytes.byteOffset, source.bytes.byteLength),
    at,
  ]);
  const file = (await c.get<{ id: number }>('SELECT id FROM source_files WHERE sha256 = ?', [sha]))!;
  // The same file under the same name again keeps the first import's date and importer.
  await c.run(
    `INSERT INTO project_sources (project_id, source_id, file_name, format, kind, imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (project_id, source_id, file_name) DO NOTHING`,
    [projectId, file.id, source.fileName, source.format, source.kind, at, by],
  );
  const link = (await c.get<{ id: number }>('SELECT id FROM project_sources WHERE project_id = ? AND source_id = ? AND file_name = ?', [projectId, file.id, source.fileName]))!;
  return link.id;
}

const COLUMNS = `ps.id, ps.project_id, ps.file_name, ps.format, ps.kind, ps.imported_at, ps.imported_by, sf.size, sf.sha256`;

function toSource(row: Record<string, unknown>): ProjectSource {
  return {
    id: row.id as number,
    projectId: row.project_id as number,
    fileName: row.file_name as string,
    format: row.format as FileFormat,
    kind: row.kind as ContentKind,
    importedAt: row.imported_at as string,
    importedBy: (row.imported_by as string | null) ?? null,
    size: row.size as number,
    sha256: row.sha256 as string,
  };
}

/** The project's sources, oldest import first. */
export async function listSources(c: SqlConn, projectId: number): Promise<ProjectSource[]> {
  const rows = await c.all(`SELECT ${COLUMNS} FROM project_sources ps JOIN source_files sf ON sf.id = ps.source_id WHERE ps.project_id = ? ORDER BY ps.imported_at, ps.id`, [projectId]);
  return rows.map(toSource);
}

/** One source of the project with its bytes, or null when the project has no such source. */
export async function readSource(c: SqlConn, projectId: number, sourceId: number): Promise<{ source: ProjectSource; bytes: Buffer } | null> {
  const row = await c.get(`SELECT ${COLUMNS}, sf.content FROM project_sources ps JOIN source_files sf ON sf.id = ps.source_id WHERE ps.project_id = ? AND ps.id = ?`, [projectId, sourceId]);
  return row ? { source: toSource(row), bytes: row.content as Buffer } : null;
}
