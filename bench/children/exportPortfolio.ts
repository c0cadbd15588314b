import { performance } from 'node:perf_hooks';
import { createAppServices } from '../../electron/services';
import { buildPortfolioWorkbook, exportPortfolio, loadPortfolioRows } from '../../electron/export';
import { maxRssBytes, report } from '../child';

/**
 * Child of `npm run bench`: exportPortfolio of DB to OUT in a fresh process (its time and the
 * process's peak RSS), then, untimed and after the peak is read, the cells per sheet of the
 * same workbook for the exceljs baseline.
 */
async function main(): Promise<void> {
  const [db, out] = process.argv.slice(2);
  const services = await createAppServices({ dbPath: db });
  try {
    const started = performance.now();
    const result = await exportPortfolio(services, { outPath: out });
    const ms = performance.now() - started;
    const peak = maxRssBytes();
    const workbook = buildPortfolioWorkbook((await loadPortfolioRows(services)).rows, await services.store.getProfile());
    const sheets = workbook.worksheets.map((ws) => {
      let cells = 0;
      ws.eachRow((row) => row.eachCell(() => cells++));
      return { name: ws.name, cells, columns: ws.columnCount };
    });
    report({ ms, maxRssBytes: peak, fileBytes: result.bytes, sheets });
  } finally {
    await services.close();
  }
}

void main();
