import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../helpers/build';

/**
 * The runtime the project declares is the one it installs, and `npm install && npm start` (the
 * README's first line) still opens the app: since Electron 42 the electron package has no
 * postinstall that downloads the binary, and electron-vite 6 only reads `path.txt` (it throws
 * "Electron uninstall" when the binary was never fetched), so the start scripts fetch it first.
 */

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- package manifests, asserted field by field
const pkg = readJson(join(repoRoot, 'package.json'));
const electronPkg = readJson(join(repoRoot, 'node_modules', 'electron', 'package.json'));
const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

/** "major.minor" of the lowest version a `>=x.y[.z]` range allows. */
function lowest(range: string): [number, number] {
  const m = /^>=\s*(\d+)\.(\d+)/.exec(range.trim());
  if (!m) throw new Error(`Not a ">=x.y" range: ${range}`);
  return [Number(m[1]), Number(m[2])];
}

describe('platform', () => {
  it('pins Electron 45 (41 gets no security fixes) and installs that version', () => {
    expect(pkg.devDependencies.electron).toMatch(/^45\.\d+\.\d+$/);
    expect(electronPkg.version).toBe(pkg.devDependencies.electron);
  });

  it('declares a Node version no lower than Electron and its download tooling need, and the README says the same', () => {
    const ours = lowest(pkg.engines.node);
    const electrons = lowest(electronPkg.engines.node);
    expect(ours[0] * 1000 + ours[1]).toBeGreaterThanOrEqual(electrons[0] * 1000 + electrons[1]);
    const requirements = readme.slice(readme.indexOf('## Requirements'), readme.indexOf('## Where data is stored'));
    expect(requirements).toContain(`Node.js ${ours[0]}.${ours[1]} or newer`);
    expect(requirements).toContain('Node 20.20'); // what CI and the build machines run, said as such
  });

  it('fetches the Electron binary on the first `npm start` / `npm run dev` (no postinstall since Electron 42)', () => {
    expect(electronPkg.scripts?.postinstall).toBeUndefined();
    expect(electronPkg.bin['install-electron']).toBeDefined();
    for (const script of ['start', 'dev']) expect(pkg.scripts[script], script).toMatch(/^install-electron && electron-vite /);
    expect(readme.split('\n').find((l: string) => l.startsWith('npm install'))).toMatch(/npm install && npm start/);
  });
});
