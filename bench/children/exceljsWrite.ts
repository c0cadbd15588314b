import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { maxRssBytes, report } from '../child';

/**
 * Child of `npm run bench`: the export's baseline. exceljs alone writes as many cells per sheet
 * (plain numbers, the same number of columns) as the portfolio workbook has, with the same
 * API the export uses (Workbook + writeFile), in a fresh process.
 */
async function main(): Promise<void> {
  const [out, shapeJson] = process.argv.slice(2);
  const sheets = JSON.parse(shapeJson) as { name: string; cells: number; columns: number }[];
  const started = performance.now();
  const workbook = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = workbook.addWorksheet(s.name);
    const columns = Math.max(1, s.columns);
    for (let i = 0, r = 1; i < s.cells; r++) {
      const values: number[] = [];
      for (let c = 0; c < columns && i < s.cells; c++, i++) values.push(r * 31 + c);
      ws.addRow(values);
    }
  }
  await workbook.xlsx.writeFile(out);
  report({ ms: performance.now() - started, maxRssBytes: maxRssBytes() });
}

void main();
