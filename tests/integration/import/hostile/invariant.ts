import ExcelJS from 'exceljs';
import { CsvParseError, parseCsv } from '../../../../shared/import/csv';
import type { ImportIssue, ImportPreview } from '../../../../shared/import/items';

/**
 * "Every row below a header is either read or named in an issue", checked from the outside:
 * the test finds header rows with its own simple rule (a cell that is exactly one of the key
 * headers), lists every non-blank row after the first header of each sheet, and looks for each
 * in the places of the preview's items and issues (a cell, a row, a range "række 7-9", the rows
 * a duplicate-header error names). A file refused as a whole (an error without a place, or with
 * the whole sheet as its place) names every row.
 */
const KEY_HEADER = /^(kode|målkode|respondent|udsagn|totalt budget|forbrug d\.d\.)$/i;

interface RowRef {
  sheet: string | null;
  row: number;
}

interface Span {
  sheet: string | null;
  from: number;
  to: number;
}

/** The rows a Danish place names. */
export function spansOf(place: string, sheetDefault: string | null = null): Span[] {
  const sheet = /\b[Aa]rk(?:et)? '(.*?)'(?=$|[,;)]| og )/.exec(place)?.[1] ?? sheetDefault;
  const spans: Span[] = [];
  for (const m of place.matchAll(/\b(?:række|rækker|linje|linjer)(?:ne)? (\d+)(?:-(\d+))?/g)) spans.push({ sheet, from: Number(m[1]), to: Number(m[2] ?? m[1]) });
  for (const m of place.matchAll(/\bcelle(?:r|rne)? ([A-Z]{1,3})(\d+)/g)) spans.push({ sheet, from: Number(m[2]), to: Number(m[2]) });
  // Survey answers: the statement's header cell and the answers below it.
  if (/svar nedenfor/.test(place)) for (const s of spans.splice(0)) spans.push({ sheet: s.sheet, from: s.from, to: Number.MAX_SAFE_INTEGER });
  return spans;
}

function issueSpans(issue: ImportIssue): Span[] {
  const spans = spansOf(issue.location);
  const sheet = spans[0]?.sheet ?? null;
  for (const [name, value] of Object.entries(issue.msg?.params ?? {})) if (name.startsWith('place') && typeof value === 'string') spans.push(...spansOf(value, sheet));
  return spans;
}

export async function xlsxDataRows(bytes: Uint8Array): Promise<RowRef[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const rows: RowRef[] = [];
  for (const ws of wb.worksheets) {
    let seenHeader = false;
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      const texts: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        const text = cell.text?.trim() ?? '';
        if (text) texts.push(text);
      });
      if (texts.length === 0) return;
      const header = texts.some((t) => KEY_HEADER.test(t.normalize('NFKC')));
      if (seenHeader && !header) rows.push({ sheet: ws.name, row: n });
      if (header) seenHeader = true;
    });
  }
  return rows;
}

export function csvDataRows(bytes: Uint8Array): RowRef[] {
  const text = new TextDecoder().decode(bytes);
  const rows: RowRef[] = [];
  let seenHeader = false;
  let parsed: ReturnType<typeof parseCsv>;
  try {
    parsed = parseCsv(text);
  } catch (err) {
    // A file the tokenizer refuses (a quote never closed) is refused as a whole by the reader too.
    if (err instanceof CsvParseError) return [];
    throw err;
  }
  for (const { fields, line } of parsed) {
    if (fields.every((f) => f.trim() === '')) continue;
    const header = fields.some((f) => KEY_HEADER.test(f.trim().normalize('NFKC')));
    if (seenHeader && !header) rows.push({ sheet: null, row: line });
    if (header) seenHeader = true;
  }
  return rows;
}

/** The data rows no item and no issue names; [] is the invariant. */
export function silentlyDropped(preview: ImportPreview, file: string, rows: RowRef[]): RowRef[] {
  const issues = preview.issues.filter((i) => i.file === file);
  // Refused as a whole: an error with no place; a sheet refused as a whole: its sheet as the place.
  if (issues.some((i) => i.severity === 'error' && i.location === '')) return [];
  const spans: Span[] = [];
  for (const i of issues) {
    const sheet = /^[Aa]rk '(.*)'$/.exec(i.location)?.[1];
    if (i.severity === 'error' && sheet !== undefined) spans.push({ sheet, from: 0, to: Number.MAX_SAFE_INTEGER });
  }
  for (const item of preview.items) if (item.source.file === file) spans.push(...spansOf(item.source.location));
  for (const issue of issues) spans.push(...issueSpans(issue));
  return rows.filter((r) => !spans.some((s) => (s.sheet === null || r.sheet === null || s.sheet === r.sheet) && s.from <= r.row && r.row <= s.to));
}
