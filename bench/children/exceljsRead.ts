import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { NOT_READ } from '../../electron/import/xlsx';
import { report } from '../child';

/**
 * Child of `npm run bench`: the import's baseline, exceljs reading every workbook of FOLDER, by
 * default as exceljs reads a file (`readFile`, every part). With `import-options` it leaves out
 * what the import tells exceljs not to read (NOT_READ in electron/import/xlsx.ts), for the
 * second baseline in the figure's details.
 */
async function main(): Promise<void> {
  const [folder, mode] = process.argv.slice(2);
  const options = mode === 'import-options' ? { ignoreNodes: NOT_READ } : undefined;
  const files = readdirSync(folder).filter((f) => f.endsWith('.xlsx')).sort().map((f) => join(folder, f));
  const started = performance.now();
  let cells = 0;
  for (const file of files) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file, options);
    for (const ws of workbook.worksheets) ws.eachRow((row) => row.eachCell(() => cells++));
  }
  report({ ms: performance.now() - started, files: files.length, cells });
}

void main();
