import type { FileFormat } from '../../shared/import/items';
import { readerMsg, type ReaderMsg, type TermKey } from '../../shared/import/readerNotes';
import { FORMAT_TERM, ImportFileError } from './errors';
import { zipDirectory } from './zip';

/** Larger files are refused before they are read. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

const EXTENSION_FORMAT: Record<string, FileFormat> = { xlsx: 'xlsx', xlsm: 'xlsx', pdf: 'pdf', docx: 'docx', csv: 'csv', txt: 'text' };

/** The file name endings an import reads (what a folder import takes from a folder). */
export const IMPORT_EXTENSIONS: readonly string[] = Object.keys(EXTENSION_FORMAT);

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** Whether an OLE compound file (old Office, or Office encryption) holds a stream of this name (stored UTF-16LE in its directory). */
function oleHas(bytes: Uint8Array, name: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(name, 'utf16le'));
}

/** What an OLE compound file is: Office's encryption wraps an xlsx/docx in one; .xls and .doc are one. */
function oleMessage(bytes: Uint8Array): ReaderMsg {
  if (oleHas(bytes, 'EncryptedPackage') || oleHas(bytes, 'EncryptionInfo')) return readerMsg('fileEncrypted');
  if (oleHas(bytes, 'Workbook') || oleHas(bytes, 'Book')) return readerMsg('fileOldOffice', { ext: '.xls', newExt: '.xlsx' });
  if (oleHas(bytes, 'WordDocument')) return readerMsg('fileOldOffice', { ext: '.doc', newExt: '.docx' });
  return readerMsg('fileOle');
}

/** UTF-16 text, as Excel's "Unicode text" export writes it: with a byte order mark, or plain ASCII every other byte. */
function utf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  const n = Math.min(bytes.length - (bytes.length % 2), 2048);
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  if (oddZero > 0.9 * (n / 2) && evenZero === 0) return 'utf-16le';
  if (evenZero > 0.9 * (n / 2) && oddZero === 0) return 'utf-16be';
  return null;
}

/**
 * The file's format from its content (magic bytes, a zip's directory), never its extension; a
 * file whose extension claims another format is an error, as is anything we can't read.
 */
export function detectFormat(bytes: Uint8Array, file: string): { format: FileFormat; text?: string; warning?: ReaderMsg } {
  const ext = /\.([A-Za-z0-9]+)$/.exec(file)?.[1]?.toLowerCase() ?? '';
  const claimed = EXTENSION_FORMAT[ext];
  const mismatch = (actual: TermKey) => new ImportFileError(file, '', readerMsg('fileNotFormat', { ext, termClaimed: FORMAT_TERM[claimed], termActual: actual }));
  if (bytes.length === 0) throw new ImportFileError(file, '', readerMsg('fileEmpty'));

  let format: FileFormat | null = null;
  let text: string | undefined;
  let warning: ReaderMsg | undefined;
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) format = 'pdf';
  else if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    const entries = zipDirectory(bytes);
    // A zip without a readable directory is a cut-off or damaged one; what it was meant to be is the extension's claim.
    if (!entries) throw new ImportFileError(file, '', readerMsg('zipDamaged'));
    const names = new Set(entries.map((e) => e.name));
    if (names.has('xl/workbook.xml')) format = 'xlsx';
    else if (names.has('word/document.xml')) format = 'docx';
    else if (names.has('xl/workbook.bin')) throw new ImportFileError(file, '', readerMsg('fileXlsb'));
    else if (names.has('content.xml') && names.has('mimetype')) throw new ImportFileError(file, '', readerMsg('fileOpenDocument'));
    else throw claimed === 'xlsx' || claimed === 'docx' ? mismatch('formatZipOther') : new ImportFileError(file, '', readerMsg('fileZipOther'));
  } else if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    throw new ImportFileError(file, '', oleMessage(bytes));
  } else {
    const wide = utf16(bytes);
    if (wide) text = new TextDecoder(wide).decode(bytes);
    else {
      if (bytes.subarray(0, 8192).includes(0)) throw claimed ? mismatch('formatBinary') : new ImportFileError(file, '', readerMsg('fileUnknownType'));
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        text = new TextDecoder('windows-1252').decode(bytes);
        warning = readerMsg('fileNotUtf8');
      }
    }
    text = text.replace(/^\uFEFF/, '');
    if (text.includes('\u0000')) throw claimed ? mismatch('formatBinary') : new ImportFileError(file, '', readerMsg('fileUnknownType'));
    if (text.trim() === '') throw new ImportFileError(file, '', readerMsg('fileNoText'));
    format = looksLikeCsv(text) ? 'csv' : 'text';
  }
  if (claimed && claimed !== format && !(claimed === 'csv' && format === 'text') && !(claimed === 'text' && format === 'csv')) {
    throw mismatch(FORMAT_TERM[format]);
  }
  return { format, text, warning };
}

/** A text whose first non-empty lines have the same number (>= 2) of ';', ',' or tab fields. */
function looksLikeCsv(text: string): boolean {
  const lines = text.split(/\r\n|\r|\n/, 50).filter((l) => l.trim() !== '').slice(0, 5);
  if (lines.length === 0) return false;
  return [';', '\t'].some((d) => lines[0].split(d).length >= 2) || (lines.length >= 2 && lines.slice(0, 2).every((l) => l.split(',').length >= 3));
}
