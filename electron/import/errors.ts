import { ServiceError } from '../../shared/contracts/core';
import type { FileFormat, ImportIssue } from '../../shared/import/items';
import { readerDanish, readerMsg, type ReaderMsg, type TermKey } from '../../shared/import/readerNotes';

/**
 * A file that can't be imported at all: the message names the file and, where known, the place.
 * Given a keyed message (readerNotes.ts) it carries it, so the UI can show it in English.
 */
export class ImportFileError extends Error {
  readonly msg: ReaderMsg | undefined;

  constructor(
    readonly file: string,
    readonly location: string,
    message: string | ReaderMsg,
  ) {
    super(typeof message === 'string' ? message : readerDanish(message));
    this.name = 'ImportFileError';
    this.msg = typeof message === 'string' ? undefined : message;
  }

  /** The error as the preview lists it. */
  toIssue(): ImportIssue {
    return { severity: 'error', file: this.file, location: this.location, message: this.message, ...(this.msg ? { msg: this.msg } : {}) };
  }
}

export const FORMAT_TERM: Record<FileFormat, TermKey> = { xlsx: 'formatXlsx', pdf: 'formatPdf', docx: 'formatDocx', csv: 'formatCsv', text: 'formatText' };

/**
 * What a library's own error means to the user, so that exceljs', JSZip's or pdf.js' text
 * ("Cannot set properties of undefined (setting 'sheetNo')", "End of data reached") never
 * reaches them alone: a string or buffer too long for the runtime means too large, anything
 * else from reading a file means damaged (the zip layer is checked before, see zip.ts).
 */
export function readerFailure(err: unknown, file: string, format: FileFormat): ImportFileError | ServiceError {
  if (err instanceof ImportFileError || err instanceof ServiceError) return err;
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  const tooLarge = /Invalid string length|Array buffer allocation failed|allocation failed|heap out of memory|ERR_STRING_TOO_LONG|ERR_BUFFER_TOO_LARGE|Invalid typed array length|Invalid array length/i.test(text);
  return new ImportFileError(file, '', readerMsg(tooLarge ? 'fileTooLargeToRead' : 'fileDamaged', { termFormat: FORMAT_TERM[format] }));
}

export function cancelled(): ServiceError {
  return new ServiceError('CANCELLED', 'Importen blev annulleret; intet er gemt.');
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelled();
}
