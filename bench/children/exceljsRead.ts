import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { report } from '../child';

/** Child of `npm run bench`: the import's baseline, exceljs reading every workbook of FOLDER. */
async function main(): Promise<void> {
  const [folder] = process.argv.slice(2);
  const files = readdirSync(folder).filter((f) => f.endsWith('.xlsx')).sort().map((f) => join(folder, f));
  const started = performance.now();
  let cells = 0;
  for (const file of files) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    for (const ws of workbook.worksheets) ws.eachRow((row) => row.eachCell(() => cells++));
  }
  report({ ms: performance.now() - started, files: files.length, cells });
}

void main();
