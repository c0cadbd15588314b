import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { ServiceError } from '../../../shared/contracts/core';
import { IMPORT_EXTENSIONS } from '../../import/detect';
import type { CliIO } from '../types';
import { CliError } from '../types';
import type { ImportCliText } from '../importText';

/**
 * `import FOLDER`: every file of a folder imported on its own, one transaction per file, with a
 * line per file as it goes ("12 af 1.000 filer: ..."). A file that can't be saved is listed
 * with its reason and place and leaves the others; the exit code says that some failed. The
 * portfolio is opened once for the whole folder (opening and closing it per file cost more
 * than reading the file).
 */

/** What one file's import gave: saved (or nothing new), or not saved with the reasons. */
export interface FileOutcome {
  ok: boolean;
  /** The project and the verdict, one line. */
  line: string;
  /** Errors with their place, what was left out, for the lines under the file's line. */
  details: string[];
  /** The file's JSON (as `import --json` prints one import), built only with --json. */
  json?: () => unknown;
}

/** The files of the folders among `positionals` (and the files beside them); null without a folder. */
export async function folderFiles(positionals: string[], say: ImportCliText): Promise<{ files: string[]; skipped: string[] } | null> {
  const infos = await Promise.all(positionals.map(async (p) => ({ path: resolve(p), info: await stat(resolve(p)).catch(() => null) })));
  if (!infos.some((i) => i.info?.isDirectory())) return null;
  const files: string[] = [];
  const skipped: string[] = [];
  for (const { path, info } of infos) {
    if (!info?.isDirectory()) {
      // A named file is imported as it is; a missing one is reported by the import itself.
      files.push(path);
      continue;
    }
    const names = (await readdir(path, { withFileTypes: true }))
      .filter((e) => e.isFile() && !e.name.startsWith('.') && !e.name.startsWith('~$'))
      .map((e) => e.name)
      .sort((a, b) => a.localeCompare(b, 'da', { numeric: true }));
    const taken = names.filter((n) => IMPORT_EXTENSIONS.includes(extname(n).slice(1).toLowerCase()));
    if (taken.length === 0) throw new CliError(say('folderEmpty', { folder: path, extensions: IMPORT_EXTENSIONS.map((e) => `.${e}`).join(', ') }), 2);
    files.push(...taken.map((n) => join(path, n)));
    skipped.push(...names.filter((n) => !taken.includes(n)));
  }
  return { files, skipped };
}

/** How many files after the current one are read ahead (in worker threads, while it is written). */
export const READ_AHEAD = 3;

export async function importFolder(
  folder: { files: string[]; skipped: string[] },
  /** One file's import; `upcoming` are the files after it (READ_AHEAD of them), to read while this one is written. */
  importFile: (path: string, upcoming: readonly string[]) => Promise<FileOutcome>,
  options: { json: boolean; signal: AbortSignal },
  io: CliIO,
  say: ImportCliText,
): Promise<number> {
  const { files, skipped } = folder;
  const total = files.length;
  // With --json stdout is the JSON alone; the progress goes to stderr.
  const progress = options.json ? io.err : io.out;
  if (skipped.length) progress(say('folderSkipped', { names: skipped.join(', ') }));
  progress(say('folderStart', { total }));
  const failed: { n: number; file: string; reason: string }[] = [];
  const results: unknown[] = [];
  for (let i = 0; i < total; i++) {
    const file = basename(files[i]);
    let outcome: FileOutcome;
    try {
      outcome = await importFile(files[i], files.slice(i + 1, i + 1 + READ_AHEAD));
    } catch (err) {
      // Cancelling stops the folder; what is saved so far stays saved, file by file.
      if (options.signal.aborted || (err instanceof ServiceError && err.code === 'CANCELLED')) throw err;
      const message = err instanceof Error ? err.message : String(err);
      outcome = { ok: false, line: say('folderNotSaved', { reason: message.split('\n')[0] }), details: message.split('\n').slice(1), json: () => ({ file, error: message }) };
    }
    progress(say('folderProgress', { n: i + 1, total, file, outcome: outcome.line }));
    for (const line of outcome.details) progress(say('folderReason', { line: line.trim() }));
    if (!outcome.ok) failed.push({ n: i + 1, file, reason: outcome.details.length ? outcome.details.map((d) => d.trim()).join(' ') : outcome.line });
    if (options.json) results.push(outcome.json?.() ?? { file });
  }
  const summary = [say('folderSummary', { total, saved: total - failed.length, failed: failed.length })];
  if (failed.length) {
    summary.push(say('folderFailedHeader', { count: failed.length }));
    for (const f of failed) summary.push(say('folderFailedFile', { n: f.n, total, file: f.file, reason: f.reason }));
    summary.push(say('folderFailedSome'));
  }
  if (options.json) {
    io.out(JSON.stringify({ files: results, failed: failed.map((f) => ({ position: f.n, file: f.file, reason: f.reason })) }, null, 2));
    io.err(summary.join('\n'));
  } else io.out(['', ...summary].join('\n'));
  return failed.length ? 1 : 0;
}
