import { formatDanishNumber } from '../shared/numbers/danish';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { createAppServices } from '../electron/services';
import { buildPortfolioWorkbook, exportPortfolio, loadPortfolioRows } from '../electron/export';
import { generatePortfolio } from '../tests/integration/export/generatePortfolio';
import { benchImport } from './import';

/**
 * `npm run bench`: exports a generated portfolio of 2,000 projects and, in the same run, times
 * exceljs alone writing the same number of cells (plain numbers, same sheets), so the ratio
 * shows what the export adds over the file format's own cost. Then reading large import files
 * (bench/import.ts). `npm run bench -- import` runs only the import part.
 */
const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 2000);

async function main(): Promise<void> {
  if (process.argv.includes('import')) return benchImport();
  await benchExport();
  await benchImport();
}

async function benchExport(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'trafiklys-bench-'));
  try {
    const db = join(dir, 'bench.sqlite');
    let t = performance.now();
    await generatePortfolio(db, { projects: PROJECTS, seed: 2000, batch: 250 });
    console.log(`Genereret portefølje: ${formatDanishNumber(PROJECTS)} projekter på ${formatDanishNumber((performance.now() - t) / 1000, 1)} s`);

    const services = await createAppServices({ dbPath: db });
    try {
      t = performance.now();
      await exportPortfolio(services, { outPath: join(dir, 'portefolje.xlsx') });
      const exportMs = performance.now() - t;

      // Same workbook again, untimed, to count its cells per sheet.
      t = performance.now();
      const rows = await loadPortfolioRows(services);
      const loadMs = performance.now() - t;
      const workbook = buildPortfolioWorkbook(rows, await services.store.getProfile());
      const shape = workbook.worksheets.map((ws) => {
        let cells = 0;
        ws.eachRow((row) => row.eachCell(() => cells++));
        return { name: ws.name, cells, columns: ws.columnCount };
      });
      const totalCells = shape.reduce((n, s) => n + s.cells, 0);

      t = performance.now();
      const baseline = new ExcelJS.Workbook();
      for (const s of shape) {
        const ws = baseline.addWorksheet(s.name);
        const columns = Math.max(1, s.columns);
        for (let i = 0, r = 1; i < s.cells; r++) {
          const values: number[] = [];
          for (let c = 0; c < columns && i < s.cells; c++, i++) values.push(r * 31 + c);
          ws.addRow(values);
        }
      }
      await baseline.xlsx.writeFile(join(dir, 'baseline.xlsx'));
      const baselineMs = performance.now() - t;

      console.log(`Celler i porteføljeprojektmappen: ${totalCells.toLocaleString('da-DK')} (${shape.map((s) => `${s.name}: ${s.cells}`).join(', ')})`);
      console.log(`exportPortfolio (indlæsning + beregning + opbygning + skrivning): ${formatDanishNumber(exportMs / 1000, 2)} s`);
      console.log(`  heraf indlæsning og beregning af ${formatDanishNumber(PROJECTS)} projekter (målt separat): ${formatDanishNumber(loadMs / 1000, 2)} s`);
      console.log(`exceljs alene, samme antal celler (tal): ${formatDanishNumber(baselineMs / 1000, 2)} s`);
      console.log(`Forhold eksport / exceljs alene: ${formatDanishNumber(exportMs / baselineMs, 2)}`);
      console.log(`Forhold eksport uden indlæsning / exceljs alene: ${formatDanishNumber((exportMs - loadMs) / baselineMs, 2)}`);
    } finally {
      await services.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
