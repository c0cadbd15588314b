import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { forgetWrittenFormulae, sheetDrained } from '../../../electron/export/portfolioWorkbook';

/**
 * The streaming export's helpers (portfolioWorkbook.ts): a sheet that keeps no written formula
 * and waits for the zip between batches still writes every row, formula and cached result.
 */
let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'trafiklys-drain-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('writes every row, formula and result when the formulas are forgotten and the zip is waited for', async () => {
  const path = join(dir, 'drain.xlsx');
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true });
  const ws = writer.addWorksheet('Mål') as unknown as ExcelJS.Worksheet;
  forgetWrittenFormulae(ws);
  const rows = 6000;
  for (let r = 1; r <= rows; r++) {
    const row = ws.getRow(r);
    row.getCell(1).value = r;
    row.getCell(2).value = `tekst ${r % 7}`;
    row.getCell(3).value = { formula: `A${r}*2`, result: r * 2 };
    row.commit();
    if (r % 500 === 0) {
      // A small limit: the wait happens many times over the sheet.
      await sheetDrained(ws, 32 * 1024);
      const input = (ws as unknown as { stream: { pipes: { _writableState?: { length: number }; writableLength?: number }[] } }).stream.pipes[0];
      expect(input.writableLength ?? input._writableState?.length ?? 0).toBeLessThanOrEqual(32 * 1024);
    }
  }
  (ws as unknown as { commit(): void }).commit();
  await writer.commit();

  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(path);
  const sheet = back.getWorksheet('Mål')!;
  expect(sheet.rowCount).toBe(rows);
  for (const r of [1, 499, 500, 501, 3333, rows]) {
    expect(sheet.getCell(r, 1).value).toBe(r);
    expect(sheet.getCell(r, 2).value).toBe(`tekst ${r % 7}`);
    expect(sheet.getCell(r, 3).value).toEqual({ formula: `A${r}*2`, result: r * 2 });
  }
});
