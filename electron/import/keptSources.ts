import { ServiceError } from '../../shared/contracts/core';
import type { ContentKind, FileFormat, ImportItem } from '../../shared/import/items';
import type { PortfolioStore } from '../storage/store';
import { sha256Of, type SourceToKeep } from '../storage/sources';

/**
 * The bytes of previewed files, by content hash, until they are applied. The preview is
 * stateless toward the renderer (apply gets items, not files), so main keeps what it read: apply
 * names a file by the hash the preview gave, and the same bytes are kept with the project. The
 * hash is of the content, so one cache serves every open portfolio.
 */
const MAX_CACHED_BYTES = 256 * 1024 * 1024;
const cache = new Map<string, { bytes: Uint8Array; format: FileFormat }>();
let cachedBytes = 0;

/** Remembers a previewed file's bytes; returns their SHA-256 (hex). */
export function rememberPreviewed(bytes: Uint8Array, format: FileFormat): string {
  const sha = sha256Of(bytes);
  const old = cache.get(sha);
  if (old) {
    cache.delete(sha);
    cachedBytes -= old.bytes.byteLength;
  }
  cache.set(sha, { bytes, format });
  cachedBytes += bytes.byteLength;
  // Oldest first out; the newest file stays even when it alone is over the limit.
  for (const [key, entry] of cache) {
    if (cachedBytes <= MAX_CACHED_BYTES || key === sha) break;
    cache.delete(key);
    cachedBytes -= entry.bytes.byteLength;
  }
  return sha;
}

export interface AppliedFile {
  file: string;
  kind: ContentKind;
  sha256?: string;
}

/**
 * The files to keep with the project: every previewed file (with a hash) that an applied item
 * comes from. Checked before the import's transaction: a file whose bytes are no longer here
 * refuses the import, so no import is stored without its sources.
 */
export function sourcesToKeep(files: AppliedFile[], items: ImportItem[]): SourceToKeep[] {
  const used = new Set(items.map((i) => i.source.file));
  const out: SourceToKeep[] = [];
  for (const f of files) {
    if (!f.sha256 || !used.has(f.file)) continue;
    const entry = cache.get(f.sha256);
    if (!entry)
      throw new ServiceError('IMPORT_FAILED', `Importen er ikke gemt: ${f.file} skal læses igen (forhåndsvis filerne igen), så filen kan gemmes med projektet som kilde.`);
    out.push({ fileName: f.file, format: entry.format, kind: f.kind, bytes: entry.bytes });
  }
  return out;
}

/** Keeps the sources with the project, on the import's transaction. */
export async function keepSources(tx: PortfolioStore, projectId: number, sources: SourceToKeep[]): Promise<void> {
  for (const source of sources) await tx.keepSource(projectId, source);
}
