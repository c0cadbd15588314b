import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScript } from '../../bench/child';
import { FIGURES, type Figure } from '../../bench/figures';
import { ensureBuilt } from '../helpers/build';

/**
 * A smoke run of `npm run bench` on a tiny portfolio, so the bench keeps working between the
 * times someone runs the full one (many minutes, not part of npm test). It checks that every
 * figure is measured, printed and written; it asserts no timing (the figures are for reading).
 * It lives with the end-to-end tests because it drives the production renderer in Chromium.
 */
describe('npm run bench (smoke run: 20 projects, 5 status workbooks, one run each)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'trafiklys-bench-smoke-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints and writes every figure of issue 12 with its baseline and ratio where the issue gives one', async () => {
    ensureBuilt();
    const out = join(dir, 'bench.json');
    const run = await runScript('bench/run.ts', [], { BENCH_SIZES: '20', BENCH_RUNS: '1', BENCH_IMPORT_FILES: '5', BENCH_OUT: out, BENCH_REBUILD: '0' });
    expect(run.stderr).not.toMatch(/Error|Fejl/);
    expect(run.code).toBe(0);

    const result = JSON.parse(readFileSync(out, 'utf8')) as { sizes: { projects: number; goals: number; statusReports: number; figures: Figure[] }[] };
    expect(result.sizes).toHaveLength(1);
    const [size] = result.sizes;
    expect(size).toMatchObject({ projects: 20, goals: 600, statusReports: 6000 });
    expect(size.figures.map((f) => f.id)).toEqual(FIGURES.map((f) => f.id));
    for (const f of size.figures) {
      expect(Number.isFinite(f.value), f.id).toBe(true);
      expect(f.how.length, f.id).toBeGreaterThan(20);
      expect(typeof f.meetsTarget, f.id).toBe('boolean');
      expect(run.stdout, f.id).toContain(f.label);
    }
    const byId = (id: Figure['id']) => size.figures.find((f) => f.id === id)!;
    for (const id of ['exportRatio', 'exportMemory', 'importRatio'] as const) {
      expect(byId(id).baseline!.value, id).toBeGreaterThan(0);
      expect(byId(id).ratio, id).toBeCloseTo(byId(id).value! / byId(id).baseline!.value, 10);
    }
    // The import really wrote: one new status per goal of each of the 5 workbooks' projects.
    expect(byId('importRatio').details!.statusReportsWritten).toBe(5 * 30);
    // The table is virtualized: the rows on screen are in the DOM (at 1280x800 fewer than the 20);
    // the first page (100 rows) crosses IPC, here all 20.
    expect(byId('rendererRows').value).toBeGreaterThan(5);
    expect(byId('rendererRows').value).toBeLessThan(20);
    expect(byId('ipcPayload').details!.rows).toBe(20);
    expect(run.stdout).toMatch(/20 projekter, 600 mål, 6\.000 statusrapporter/);
    expect(run.stdout).toContain('Mål i issue 12');
  });
});
