import ExcelJS from 'exceljs';
import type { ImportIssue } from '../../shared/import/items';
import { MAX_GRID_ROWS, MAX_WORKBOOK_CELLS } from '../../shared/import/limits';
import { readerDanish, readerMsg, type ReaderMsg } from '../../shared/import/readerNotes';
import type { CellValue, Grid } from '../../shared/import/tables';
import { sheetPlace } from '../../shared/import/tables';
import { ImportFileError, readerFailure } from './errors';
import { checkZip } from './zip';

/**
 * What of a worksheet exceljs need not read for the import: it reads values (sheetData, with the
 * styles that make a number a date), merged cells and hyperlinks' texts, never how a sheet checks
 * input, prints or looks. Data validations alone were a tenth of reading the grant recipients'
 * template (exceljs expands each validation's range to every cell of it).
 */
export const NOT_READ = ['dataValidations', 'conditionalFormatting', 'sheetViews', 'pageMargins', 'pageSetup', 'headerFooter', 'printOptions', 'rowBreaks', 'picture', 'drawing', 'sheetProtection', 'extLst'];

/** The part names exceljs reads as worksheets; a sheet stored under another name it skips or fails on. */
const EXCELJS_SHEET = /^xl\/worksheets\/sheet\d+\.xml$/;

/**
 * A workbook as grids of plain values, whoever saved it: shared and inline strings, rich text,
 * formulas with their cached results, dates (as dates or serial numbers), hyperlinks, merged
 * cells (the value sits in the top-left cell only, as Excel shows it). Hidden sheets are read,
 * with a warning. The package is checked first (zip.ts): a damaged, encrypted or oversized
 * file is refused with what it is before exceljs sees it.
 */
export async function readWorkbookGrids(bytes: Uint8Array, file: string): Promise<{ grids: Grid[]; sheetNames: string[]; warnings: ImportIssue[] }> {
  const check = await checkZip(bytes, file, 'xlsx');
  const parts = new Set(check.entries.map((e) => e.name));
  for (const sheet of check.listed) {
    if (!parts.has(sheet.part)) throw new ImportFileError(file, `Ark '${sheet.name}'`, readerMsg('workbookSheetMissing', { sheet: sheet.name }));
    if (sheet.target.startsWith('/') || !EXCELJS_SHEET.test(sheet.part)) throw new ImportFileError(file, `Ark '${sheet.name}'`, readerMsg('workbookUnusualLayout', { sheet: sheet.name }));
  }
  let cells = 0;
  for (const s of check.sheets) cells += s.cells;
  if (cells > MAX_WORKBOOK_CELLS) throw new ImportFileError(file, '', readerMsg('workbookTooManyCells', { count: cells, limit: MAX_WORKBOOK_CELLS }));
  const tall = check.sheets.find((s) => s.rows > MAX_GRID_ROWS);
  if (tall) {
    const sheet = tall.name ?? tall.part;
    throw new ImportFileError(file, `Ark '${sheet}'`, readerMsg('sheetTooManyRows', { sheet, count: tall.rows, limit: MAX_GRID_ROWS }));
  }

  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer, { ignoreNodes: NOT_READ });
  } catch (err) {
    throw readerFailure(err, file, 'xlsx');
  }
  const grids: Grid[] = [];
  const warnings: ImportIssue[] = [];
  const warn = (location: string, m: ReaderMsg) => warnings.push({ severity: 'warning', file, location, message: readerDanish(m), msg: m });
  for (const ws of workbook.worksheets) {
    const rows: CellValue[][] = [];
    let filled = false;
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        if (cell.isMerged && cell.master !== cell) return;
        const v = plain(cell.value);
        // A formula without a cached result is an error only where a figure is read from it.
        values[colNumber - 1] = v === undefined ? { error: '', noResult: true } : v;
        if (v !== null && v !== '') filled = true;
      });
      for (let c = 0; c < values.length; c++) if (values[c] === undefined) values[c] = null;
      rows[rowNumber - 1] = values;
    });
    for (let r = 0; r < rows.length; r++) if (!rows[r]) rows[r] = [];
    if (filled && (ws.state === 'hidden' || ws.state === 'veryHidden'))
      warn(`Ark '${ws.name}'`, readerMsg(ws.state === 'hidden' ? 'sheetHidden' : 'sheetVeryHidden', { sheet: ws.name }));
    grids.push({ name: `arket '${ws.name}'`, rows, place: sheetPlace(ws.name), rowPlace: (r) => `Ark '${ws.name}', række ${r + 1}` });
  }
  return { grids, sheetNames: workbook.worksheets.map((w) => w.name), warnings };
}

/** A cell value as a plain value; undefined = a formula without a cached result. */
function plain(value: ExcelJS.CellValue): CellValue | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) return undefined;
      if (typeof result === 'object' && 'error' in result) return { error: String(result.error) };
      return plain(result as ExcelJS.CellValue);
    }
    if ('error' in value) return { error: String(value.error) };
    if ('text' in value) {
      const text = (value as { text: unknown }).text;
      return typeof text === 'string' ? text : plain(text as ExcelJS.CellValue);
    }
  }
  return String(value);
}
