import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { readerMsg } from '../../shared/import/readerNotes';
import { MAX_IMPORT_BYTES } from './detect';
import { ImportFileError, throwIfAborted } from './errors';
import { parseFile, type ParsedFile } from './parseFile';

/** A file to import: a path on disk, or bytes with the name the user gave it. */
export type ImportFile = { path: string } | { name: string; bytes: Uint8Array };

/** A file read and parsed (prepareFile), or why it could not be: what the preview needs of it. */
export type PreparedFile = { name: string; bytes: Uint8Array; parsed: ParsedFile } | { name: string; failed: ImportFileError };

/**
 * Reads and parses one file; touches no store (so that a worker thread can run it, readAhead.ts).
 * A file that can't be read at all comes back as `failed` (the preview shows it as that file's
 * error); cancelling and any other failure throw.
 */
export async function prepareFile(input: ImportFile, options: { signal?: AbortSignal; onPage?: (page: number, pages: number) => void } = {}): Promise<PreparedFile> {
  const name = fileName(input);
  try {
    const bytes = await readInput(input, name);
    throwIfAborted(options.signal);
    return { name, bytes, parsed: await parseFile(bytes, name, options) };
  } catch (err) {
    if (err instanceof ImportFileError) return { name, failed: err };
    throw err;
  }
}

export const fileName = (input: ImportFile) => ('path' in input ? basename(input.path) : input.name);

async function readInput(input: ImportFile, name: string): Promise<Uint8Array> {
  if ('bytes' in input) {
    if (input.bytes.byteLength > MAX_IMPORT_BYTES) throw tooLarge(name, input.bytes.byteLength);
    return input.bytes;
  }
  let size: number;
  try {
    const s = await stat(input.path);
    if (!s.isFile()) throw new ImportFileError(name, '', readerMsg('fileNotAFile', { path: input.path }));
    size = s.size;
  } catch (err) {
    throw openFailure(err, name, input.path);
  }
  if (size > MAX_IMPORT_BYTES) throw tooLarge(name, size);
  try {
    return new Uint8Array(await readFile(input.path));
  } catch (err) {
    throw openFailure(err, name, input.path);
  }
}

function openFailure(err: unknown, name: string, path: string): ImportFileError {
  if (err instanceof ImportFileError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new ImportFileError(name, '', readerMsg('fileMissing', { path }));
  if (code === 'EACCES' || code === 'EPERM') return new ImportFileError(name, '', readerMsg('fileNoAccess', { path }));
  return new ImportFileError(name, '', readerMsg('fileUnreadable', { path, detail: code ?? (err as Error).message }));
}

function tooLarge(name: string, size: number): ImportFileError {
  const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
  return new ImportFileError(name, '', readerMsg('fileTooLarge', { sizeMb: mb(size), limitMb: mb(MAX_IMPORT_BYTES) }));
}

