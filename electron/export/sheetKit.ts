import type ExcelJS from 'exceljs';
import type { Light } from '../../shared/domain';
import { columnLetter } from '../../shared/import/tables';
import { shownDecimals } from '../../shared/numbers/danish';

/**
 * Layout helpers shared by the evaluation and portfolio workbooks: number formats, the
 * traffic-light words and their conditional formats, column fitting and print set-up.
 *
 * Number formats are OOXML codes with the en-US separators the file format requires; Excel and
 * LibreOffice show them with the reader's locale (Danish: "19.037", "3,8", "86 %").
 * Percents are stored on the 0-100 scale, as the app computes them, and shown with `0" %"`.
 */
export const FMT = {
  int: '#,##0',
  kr: '#,##0',
  pct: '0" %"',
  dec1: '0.0',
  dec2: '0.00',
  date: 'dd.mm.yyyy',
} as const;

/**
 * Number format for an amount of kr.: whole kroner without decimals, an amount with øre with
 * both (5,50 kr. is shown as 5,50, never as 6), as the app shows it.
 */
export function krFormat(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return FMT.kr;
  return Number.isInteger(Math.round(value * 100) / 100) ? FMT.kr : '#,##0.00';
}

/** Number format for a reported figure: thousands grouping, decimals only where it has them. */
export function figureFormat(value: number | null): string {
  if (value === null || Number.isInteger(value)) return FMT.int;
  const decimals = shownDecimals(value, 4);
  return `#,##0.${'0'.repeat(Math.max(1, decimals))}`;
}

export const LIGHT_WORD: Record<Light, string> = { green: 'Grøn', yellow: 'Gul', red: 'Rød' };
export const WORD_LIGHT: Record<string, Light> = { Grøn: 'green', Gul: 'yellow', Rød: 'red' };

export const lightWord = (light: Light | null): string => (light ? LIGHT_WORD[light] : '');

const LIGHT_FILL: Record<Light, string> = { green: 'FF8FD18A', yellow: 'FFFFE27A', red: 'FFF4877F' };

/** A cell address on a sheet, absolute and quoted, for formulas on other sheets. */
export function absRef(sheet: string, address: string): string {
  const [, col, row] = /^([A-Z]+)(\d+)$/.exec(address) ?? [];
  return `'${sheet.replace(/'/g, "''")}'!$${col}$${row}`;
}

/** A range on another sheet, absolute and quoted. */
export function absRange(sheet: string, from: string, to: string): string {
  const a = /^([A-Z]+)(\d+)$/.exec(from)!;
  const b = /^([A-Z]+)(\d+)$/.exec(to)!;
  return `'${sheet.replace(/'/g, "''")}'!$${a[1]}$${a[2]}:$${b[1]}$${b[2]}`;
}

/** Column letter of a 1-based (ExcelJS) column index; the one implementation is the importer's. */
export function colLetter(index: number): string {
  return columnLetter(index - 1);
}

/** Colours the cells of `ref` green, yellow or red by the light word they hold. */
export function addLightFormatting(ws: ExcelJS.Worksheet, ref: string): void {
  ws.addConditionalFormatting({
    ref,
    rules: (['green', 'yellow', 'red'] as Light[]).map((light, i) => ({
      type: 'cellIs' as const,
      operator: 'equal' as const,
      formulae: [`"${LIGHT_WORD[light]}"`],
      priority: i + 1,
      style: {
        fill: { type: 'pattern' as const, pattern: 'solid' as const, bgColor: { argb: LIGHT_FILL[light] } },
        font: { bold: true },
      },
    })),
  });
}

export type CellResult = number | string | Date | null;

/** A formula with the engine's figure as its cached result (null = empty). */
export function formula(text: string, result: CellResult): ExcelJS.CellFormulaValue {
  return { formula: text, result: result === null ? '' : result };
}

export function isoToDate(iso: string | null): Date | null {
  if (!iso) return null;
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

const HEADER_FILL = 'FFDCE6F1';

export function styleHeaderRow(row: ExcelJS.Row, from: number, to: number): void {
  for (let c = from; c <= to; c++) {
    const cell = row.getCell(c);
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.alignment = { vertical: 'bottom', wrapText: true };
    cell.border = { bottom: { style: 'thin' } };
  }
}

export function writeTitle(ws: ExcelJS.Worksheet, title: string, subtitle: string): void {
  ws.getCell('A1').value = title;
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value = subtitle;
  ws.getCell('A2').font = { italic: true, color: { argb: 'FF555555' } };
}

/**
 * A note under a table. With `span` > 1 it is merged across that many columns and wraps there,
 * so it reads as a line or two across the table instead of a narrow block in column A.
 */
export function writeNote(ws: ExcelJS.Worksheet, rowNumber: number, text: string, span = 1): void {
  if (span > 1) ws.mergeCells(rowNumber, 1, rowNumber, span);
  const cell = ws.getCell(rowNumber, 1);
  cell.value = text;
  cell.font = { italic: true, size: 9, color: { argb: 'FF555555' } };
  if (span > 1) cell.alignment = { wrapText: true, vertical: 'top' };
}

/** Text length of what a cell shows, roughly, for column fitting. */
function shownLength(cell: ExcelJS.Cell): number {
  return shownValueLength(cell.value);
}

/** Text length of what a value shows, roughly: for fitting columns to values not yet in a sheet (streamed rows). */
export function shownValueLength(v: ExcelJS.CellValue | undefined): number {
  if (v === null || v === undefined) return 0;
  if (v instanceof Date) return 10;
  if (typeof v === 'number') return String(Math.round(v)).length + 3;
  if (typeof v === 'object' && 'formula' in v) {
    const r = v.result;
    if (r === undefined || r === null) return 4;
    if (typeof r === 'number') return String(Math.round(r)).length + 3;
    if (r instanceof Date) return 10;
    return String(r).length;
  }
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('').length;
  return String(v).length;
}

/**
 * Fits each column to its content between `min` and `max` characters. Rows listed in `skipRows`
 * (titles and notes that run across the sheet) do not widen columns; long texts wrap.
 */
export function fitColumns(ws: ExcelJS.Worksheet, options: { min?: number; max?: number; skipRows?: Set<number>; fixed?: Record<number, number> } = {}): void {
  const min = options.min ?? 8;
  const max = options.max ?? 60;
  const widths = new Map<number, number>();
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (options.skipRows?.has(rowNumber)) return;
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      // Merged cells (notes and texts across a table) do not size a single column.
      if (cell.isMerged) return;
      // Header cells wrap, so a long header does not widen its column beyond a short word.
      const isHeader = cell.border?.bottom?.style === 'thin' && cell.font?.bold;
      const len = isHeader ? Math.min(14, shownLength(cell)) : shownLength(cell);
      widths.set(col, Math.max(widths.get(col) ?? 0, len));
      if (len > max) cell.alignment = { ...(cell.alignment ?? {}), wrapText: true, vertical: 'top' };
    });
  });
  for (const [col, len] of widths) {
    ws.getColumn(col).width = options.fixed?.[col] ?? Math.min(max, Math.max(min, len + 2));
  }
  for (const [col, width] of Object.entries(options.fixed ?? {})) ws.getColumn(Number(col)).width = width;
  fitRowHeights(ws);
}

/** Lines a text needs when wrapped at `perLine` characters, breaking at spaces and hyphens. */
export function wrappedLines(text: string, perLine: number): number {
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    // Words keep a trailing hyphen ("evaluerings-"), after which a line may break without a space.
    const words = paragraph.match(/[^\s-]+-?|-/g) ?? [];
    let n = 1;
    let used = 0;
    words.forEach((word, i) => {
      const gap = used > 0 && !words[i - 1].endsWith('-') ? 1 : 0;
      if (used > 0 && used + gap + word.length > perLine) {
        n++;
        used = 0;
      }
      if (used === 0 && word.length > perLine) {
        n += Math.ceil(word.length / perLine) - 1;
        used = word.length % perLine || perLine;
      } else used += (used > 0 ? gap : 0) + word.length;
    });
    lines += n;
  }
  return lines;
}

/**
 * Row heights for wrapped text, header rows included: neither Excel nor LibreOffice grows a row
 * on opening a file that was written without heights, so long texts would overlap the next row
 * (or, in a header, show only their last line).
 */
export function fitRowHeights(ws: ExcelJS.Worksheet): void {
  ws.eachRow({ includeEmpty: false }, (row) => fitRowHeight(ws, row));
}

/** fitRowHeights for one row, for rows written one by one (the column widths must be set). */
export function fitRowHeight(ws: ExcelJS.Worksheet, row: ExcelJS.Row): void {
  let lines = 1;
  let pointsPerLine = 13;
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    if (!cell.alignment?.wrapText) return;
    if (cell.isMerged && cell.master !== cell) return;
    const text = typeof cell.value === 'string' ? cell.value : cell.value && typeof cell.value === 'object' && 'result' in cell.value ? String(cell.value.result ?? '') : '';
    if (!text) return;
    let width = ws.getColumn(col).width ?? 10;
    if (cell.isMerged) {
      width = 0;
      row.eachCell({ includeEmpty: true }, (other, c) => {
        if (other.isMerged && other.master === cell) width += ws.getColumn(c).width ?? 10;
      });
      width = Math.max(width, ws.getColumn(col).width ?? 10);
    }
    // Bold text is wider; small (note) text narrower and lower.
    const size = cell.font?.size ?? 11;
    const factor = (cell.font?.bold ? 0.85 : 0.95) * (11 / size);
    const perLine = Math.max(1, Math.floor(width * factor) - 1);
    const needed = wrappedLines(text, perLine);
    if (needed > lines) {
      lines = needed;
      pointsPerLine = size <= 9 ? 11.5 : 14;
    }
  });
  if (lines > 1) {
    row.height = Math.min(409, pointsPerLine * lines + 4);
    // In a tall row every cell starts at the top, so a figure sits beside the first line of
    // its wrapped description rather than at the bottom of the row.
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (!cell.alignment?.vertical) cell.alignment = { ...(cell.alignment ?? {}), vertical: 'top' };
    });
  }
}

/**
 * A4, fit to one page wide, no protection. `titleRows` repeats a table's header rows on every
 * page; give it only on sheets that are one table (not on text sheets such as the Resumé).
 */
export function printSetup(ws: ExcelJS.Worksheet, options: { landscape?: boolean; titleRows?: string }): void {
  ws.pageSetup = { ...ws.pageSetup, ...pageSetupOf(options) };
  printFooter(ws);
}

/**
 * printSetup's page set-up on its own: exceljs's streaming writer takes it when a sheet is added
 * (it writes "fit to page" at the top of the sheet), not afterwards.
 */
export function pageSetupOf(options: { landscape?: boolean; titleRows?: string }): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9,
    orientation: options.landscape ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(options.titleRows ? { printTitlesRow: options.titleRows } : {}),
  };
}

export function printFooter(ws: ExcelJS.Worksheet): void {
  ws.headerFooter = { oddFooter: '&L&A&RSide &P af &N' };
}

export function freezeRows(ws: ExcelJS.Worksheet, rows: number, columns = 0): void {
  ws.views = frozenViews(rows, columns);
}

/** freezeRows's views, for a sheet of the streaming writer (which takes them when it is added). */
export function frozenViews(rows: number, columns = 0): Partial<ExcelJS.WorksheetView>[] {
  return [{ state: 'frozen', ySplit: rows, xSplit: columns, topLeftCell: `${colLetter(columns + 1)}${rows + 1}`, activeCell: `${colLetter(columns + 1)}${rows + 1}` }];
}

/** Excel sheet names: at most 31 characters, none of []:*?/\ , unique. */
export function safeSheetName(name: string, taken: Set<string>): string {
  const base = (name.replace(/[[\]:*?/\\]/g, ' ').replace(/^'+|'+$/g, '').trim() || 'Ark').slice(0, 31);
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) {
    const suffix = ` (${i})`;
    candidate = base.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}
