import { readerDanish, readerMsg, type ReaderMsg } from './readerNotes';

/**
 * CSV as Danish spreadsheets write it: ';' separated (',' is the decimal comma), or ','
 * or tab separated; quoted fields with "" escapes and line breaks; UTF-8 with or without BOM
 * (decoding is the caller's). Pure.
 */

export type Delimiter = ';' | ',' | '\t';

/** The delimiter of the first non-empty line, counted outside quotes; ';' wins ties. */
export function detectDelimiter(text: string): Delimiter {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/, 50).find((l) => l.trim() !== '') ?? '';
  const counts: Record<Delimiter, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ';' || ch === ',' || ch === '\t')) counts[ch] += 1;
  }
  if (counts[';'] > 0 && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > 0) return '\t';
  return ',';
}

export class CsvParseError extends Error {
  constructor(
    readonly line: number,
    readonly msg: ReaderMsg,
  ) {
    super(readerDanish(msg));
    this.name = 'CsvParseError';
  }
}

/**
 * Rows of fields. Each row also has the 1-based line it starts on. More than `maxRows`
 * non-empty rows, or more than `maxCells` fields (empty ones too: a line of 100,000 ';' costs as
 * much to read as 100,000 values), is an error as soon as the parser gets there, so a huge file
 * costs no more than the limit.
 */
export function parseCsv(text: string, delimiter: Delimiter = detectDelimiter(text), maxRows = Infinity, maxCells = Infinity): { fields: string[]; line: number }[] {
  const src = text.replace(/^\uFEFF/, '');
  const rows: { fields: string[]; line: number }[] = [];
  let field = '';
  let fields: string[] = [];
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  let quoteStartLine = 0;
  let filled = 0;
  let cells = 0;
  const tooManyCells = () => new CsvParseError(line, readerMsg('csvTooManyCells', { limit: maxCells }));
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      quoted = true;
      quoteStartLine = line;
      field = '';
    } else if (ch === delimiter) {
      fields.push(field);
      if (++cells > maxCells) throw tooManyCells();
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      fields.push(field);
      if (++cells > maxCells) throw tooManyCells();
      rows.push({ fields, line: rowLine });
      if (fields.some((f) => f.trim() !== '') && ++filled > maxRows) throw new CsvParseError(rowLine, readerMsg('csvTooManyRows', { limit: maxRows }));
      fields = [];
      field = '';
      line++;
      rowLine = line;
    } else field += ch;
  }
  if (quoted) throw new CsvParseError(quoteStartLine, readerMsg('csvQuoteNotClosed', { line: quoteStartLine }));
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    if (++cells > maxCells) throw tooManyCells();
    rows.push({ fields, line: rowLine });
    if (fields.some((f) => f.trim() !== '') && ++filled > maxRows) throw new CsvParseError(rowLine, readerMsg('csvTooManyRows', { limit: maxRows }));
  }
  return rows;
}
