import { performance } from 'node:perf_hooks';
import { runCli } from '../../electron/cli/main';
import { report } from '../child';

/**
 * Child of `npm run bench`: the folder of status workbooks imported into DB by the CLI's own
 * import command, `runCli(['import', FOLDER, '--db', DB])` in this process (one transaction per
 * file; the process start is left out, the bench measures one separately).
 */
async function main(): Promise<void> {
  const [db, folder] = process.argv.slice(2);
  const out: string[] = [];
  const failed: string[] = [];
  const io = { out: (t: string) => out.push(t), err: (t: string) => failed.push(t) };
  const started = performance.now();
  const code = await runCli(['import', folder, '--db', db], io);
  const ms = performance.now() - started;
  const lines = out.join('\n').split('\n');
  const files = lines.filter((l) => / af [\d.]+ filer: /.test(l)).length;
  if (code !== 0) failed.push(...lines.filter((l) => l.includes('IKKE GEMT')), `kode ${code}`);
  report({ ms, files, failed });
}

void main();
