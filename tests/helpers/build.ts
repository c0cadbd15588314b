import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '..', '..');
export const outDir = join(repoRoot, 'out');

/** `npm test` builds before testing; a test run on its own builds the bundles once if missing. */
export function ensureBuilt(): void {
  const needed = ['main/index.js', 'preload/index.cjs', 'renderer/index.html'].map((p) => join(outDir, p));
  if (needed.every((p) => existsSync(p))) return;
  execFileSync(process.execPath, [join(repoRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
}
