import { spawn, type StdioOptions } from 'node:child_process';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

/**
 * Child processes of the bench: a figure that is a whole process (the CLI), or one that needs
 * its own memory high-water mark (export) or a cold start (export and import against their
 * exceljs baselines), runs in a fresh Node process.
 */

export const repoRoot = resolve(__dirname, '..');
const RESULT = 'BENCH_RESULT ';

export interface ChildRun {
  code: number | null;
  /** Wall time from spawn to exit. */
  ms: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end; stdout goes to `stdoutFd` when given (large outputs), else is collected. */
export function runProcess(command: string, args: string[], options: { stdoutFd?: number; env?: NodeJS.ProcessEnv } = {}): Promise<ChildRun> {
  return new Promise((resolveRun, reject) => {
    const stdio: StdioOptions = ['ignore', options.stdoutFd ?? 'pipe', 'pipe'];
    const started = performance.now();
    const child = spawn(command, args, { cwd: repoRoot, stdio, env: { ...process.env, ...options.env } });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolveRun({ code, ms: performance.now() - started, stdout, stderr }));
  });
}

/** A TypeScript script of the bench on Node with tsx as a loader (one process, the measured one). */
export function runScript(script: string, args: string[], env?: NodeJS.ProcessEnv): Promise<ChildRun> {
  return runProcess(process.execPath, ['--import', 'tsx', join(repoRoot, script), ...args], { env });
}

/** `npm run --silent cli -- ...` as a user runs it (--silent only drops npm's banner from stdout). */
export function runNpmCli(args: string[], stdoutFd?: number): Promise<ChildRun> {
  const npm = process.env.npm_execpath;
  return npm
    ? runProcess(process.execPath, [npm, 'run', '--silent', 'cli', '--', ...args], { stdoutFd })
    : runProcess('npm', ['run', '--silent', 'cli', '--', ...args], { stdoutFd });
}

/** Runs a child script and returns the object it reported with `report()`. */
export async function runChild<T>(script: string, args: string[]): Promise<T> {
  const run = await runScript(script, args);
  const line = run.stdout.split('\n').reverse().find((l) => l.startsWith(RESULT));
  if (run.code !== 0 || !line) throw new Error(`${script} ${args.join(' ')} sluttede med kode ${run.code}:\n${run.stderr || run.stdout}`);
  return JSON.parse(line.slice(RESULT.length)) as T;
}

/** In a child script: hands its result to the bench. */
export function report(result: unknown): void {
  process.stdout.write(`${RESULT}${JSON.stringify(result)}\n`);
}

/** Peak resident memory of this process so far, in bytes (Node reports KiB). */
export function maxRssBytes(): number {
  return process.resourceUsage().maxRSS * 1024;
}
