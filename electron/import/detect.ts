import type { FileFormat } from '../../shared/import/items';
import { ImportFileError } from './errors';

/** Larger files are refused before they are read. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

const EXTENSION_FORMAT: Record<string, FileFormat> = { xlsx: 'xlsx', xlsm: 'xlsx', pdf: 'pdf', docx: 'docx', csv: 'csv', txt: 'text' };
const FORMAT_NAME: Record<FileFormat, string> = {
  xlsx: 'en Excel-projektmappe (.xlsx)',
  pdf: 'en PDF',
  docx: 'et Word-dokument (.docx)',
  csv: 'en CSV-fil',
  text: 'en tekstfil',
};

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** Whether the zip's file names (stored uncompressed in its headers) include `name`. */
function zipHas(bytes: Uint8Array, name: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(name, 'latin1'));
}

/**
 * The file's format from its content (magic bytes), never its extension; a file whose
 * extension claims another format is an error, as is anything we can't read.
 */
export function detectFormat(bytes: Uint8Array, file: string): { format: FileFormat; text?: string; warning?: string } {
  const ext = /\.([A-Za-z0-9]+)$/.exec(file)?.[1]?.toLowerCase() ?? '';
  const claimed = EXTENSION_FORMAT[ext];
  const mismatch = (actual: string) =>
    new ImportFileError(file, '', `Filen hedder .${ext} men er ikke ${FORMAT_NAME[claimed]}: indholdet er ${actual}.`);
  if (bytes.length === 0) throw new ImportFileError(file, '', 'Filen er tom (0 byte).');

  let format: FileFormat | null = null;
  let text: string | undefined;
  let warning: string | undefined;
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) format = 'pdf';
  else if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    if (zipHas(bytes, 'xl/workbook.xml')) format = 'xlsx';
    else if (zipHas(bytes, 'word/document.xml')) format = 'docx';
    else if (zipHas(bytes, 'content.xml') && zipHas(bytes, 'mimetype'))
      throw new ImportFileError(file, '', 'Filen er et OpenDocument-dokument (.ods/.odt). Gem den som .xlsx eller .docx og importér igen.');
    else throw claimed === 'xlsx' || claimed === 'docx' ? mismatch('et zip-arkiv uden Excel- eller Word-indhold (beskadiget?)') : new ImportFileError(file, '', 'Filen er et zip-arkiv, men hverken en Excel-projektmappe eller et Word-dokument.');
  } else if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    throw new ImportFileError(
      file,
      '',
      'Filen er adgangskodebeskyttet (krypteret) eller i det gamle Office-format (.xls/.doc). Fjern adgangskoden, eller gem den som .xlsx/.docx, og importér igen.',
    );
  } else {
    if (bytes.subarray(0, 8192).includes(0)) {
      throw claimed ? mismatch('binære data af en ukendt type') : new ImportFileError(file, '', 'Ukendt filtype: hverken Excel, PDF, Word, CSV eller tekst.');
    }
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder('windows-1252').decode(bytes);
      warning = 'Filen er ikke UTF-8; læst som Windows-1252 (Vesteuropæisk). Kontrollér æ, ø og å.';
    }
    text = text.replace(/^\uFEFF/, '');
    if (text.trim() === '') throw new ImportFileError(file, '', 'Filen indeholder ingen tekst.');
    format = looksLikeCsv(text) ? 'csv' : 'text';
  }
  if (claimed && claimed !== format && !(claimed === 'csv' && format === 'text') && !(claimed === 'text' && format === 'csv')) {
    throw mismatch(FORMAT_NAME[format]);
  }
  return { format, text, warning };
}

/** A text whose first non-empty lines have the same number (>= 2) of ';', ',' or tab fields. */
function looksLikeCsv(text: string): boolean {
  const lines = text.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '').slice(0, 5);
  if (lines.length === 0) return false;
  return [';', '\t'].some((d) => lines[0].split(d).length >= 2) || (lines.length >= 2 && lines.slice(0, 2).every((l) => l.split(',').length >= 3));
}
