import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runCli } from '../../electron/cli/main';
import { report } from '../child';

/**
 * Child of `npm run bench`: every status workbook of FOLDER imported into DB by the CLI's own
 * import command, one `runCli(['import', FILE, '--db', DB])` per file in this one process.
 * Today's CLI imports the files of ONE project per run, so a folder of reports for many
 * projects is one run per file; the process start of each run is left out here (the bench
 * measures one separately).
 */
async function main(): Promise<void> {
  const [db, folder] = process.argv.slice(2);
  const files = readdirSync(folder).filter((f) => f.endsWith('.xlsx')).sort().map((f) => join(folder, f));
  const failed: string[] = [];
  const io = { out: () => {}, err: (t: string) => failed.push(t) };
  const started = performance.now();
  for (const file of files) {
    const code = await runCli(['import', file, '--db', db], io);
    if (code !== 0) failed.push(`${file}: kode ${code}`);
  }
  report({ ms: performance.now() - started, files: files.length, failed });
}

void main();
