import ExcelJS from 'exceljs';
import type { CellValue, Grid } from '../../shared/import/tables';
import { sheetPlace } from '../../shared/import/tables';
import { ImportFileError } from './errors';

/**
 * A workbook as grids of plain values, whoever saved it: shared and inline strings, rich text,
 * formulas with their cached results, dates (as dates or serial numbers), hyperlinks, merged
 * cells (the value sits in the top-left cell only, as Excel shows it).
 */
export async function readWorkbookGrids(bytes: Uint8Array, file: string): Promise<{ grids: Grid[]; sheetNames: string[]; warnings: { location: string; message: string }[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (err) {
    throw new ImportFileError(file, '', `Excel-projektmappen kan ikke læses (beskadiget eller ufuldstændig): ${err instanceof Error ? err.message : String(err)}`);
  }
  const grids: Grid[] = [];
  const warnings: { location: string; message: string }[] = [];
  for (const ws of workbook.worksheets) {
    const rows: CellValue[][] = [];
    const place = sheetPlace(ws.name);
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        if (cell.isMerged && cell.master !== cell) return;
        const v = plain(cell.value);
        // A formula without a cached result is an error only where a figure is read from it.
        values[colNumber - 1] = v === undefined ? { error: 'formel uden gemt resultat; åbn og gem filen i Excel eller LibreOffice' } : v;
      });
      for (let c = 0; c < values.length; c++) if (values[c] === undefined) values[c] = null;
      rows[rowNumber - 1] = values;
    });
    for (let r = 0; r < rows.length; r++) if (!rows[r]) rows[r] = [];
    grids.push({ name: `arket '${ws.name}'`, rows, place });
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
