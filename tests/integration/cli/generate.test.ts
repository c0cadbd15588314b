import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../electron/cli/main';
import { openPortfolioStore } from '../../../electron/storage';

const dir = mkdtempSync(join(tmpdir(), 'trafiklys-cli-generate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run cli -- generate', () => {
  it('writes a synthetic portfolio the other commands read, and says what it wrote in Danish', async () => {
    const db = join(dir, 'national.sqlite');
    const made = await cli('generate', '--projects', '12', '--db', db, '--seed', '4');
    expect(made.err).toBe('');
    expect(made.code).toBe(0);
    expect(made.out).toMatch(/^Syntetisk portefølje \(frø 4\) oprettet i .*national\.sqlite: 12 projekter, 360 mål, 3\.600 statusrapporter, \d+ evalueringer på \d+,\d s\.$/);
    // The kept figures are fresh: the first open reads them, it does not recompute.
    const store = await openPortfolioStore(db, { readonly: true });
    const kept = await store.listKeptFigures();
    await store.close();
    expect(kept).toHaveLength(12);
    expect(kept.filter((k) => k.computedRevision !== k.revision || k.summary === null || k.pool === null)).toEqual([]);
    const summary = await cli('summary', '--db', db, '--json');
    expect(summary.code).toBe(0);
    const rows = (JSON.parse(summary.out) as { projects: { name: string; lights: Record<string, string | null> }[] }).projects;
    expect(rows).toHaveLength(12);
    expect(rows.some((r) => r.lights.goals !== null)).toBe(true);
  });

  it('never writes into an existing file, and refuses numbers it cannot use', async () => {
    const existing = join(dir, 'real.sqlite');
    writeFileSync(existing, 'not touched');
    const refused = await cli('generate', '--projects', '3', '--db', existing);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/real\.sqlite findes allerede; en syntetisk portefølje oprettes kun i en ny fil\./);
    for (const [args, message] of [
      [['--projects', '0'], '--projects skal være et helt tal fra 1 til 100.000, ikke "0".'],
      [['--projects', '2,5'], '--projects skal være et helt tal fra 1 til 100.000, ikke "2,5".'],
      [['--projects', '3', '--seed', 'x1'], '--seed skal være et helt tal fra 0 til 4.294.967.295, ikke "x1".'],
      [[], 'Mangler --projects. Se --help.'],
    ] as const) {
      const db = join(dir, 'never.sqlite');
      const result = await cli('generate', ...args, '--db', db);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err).toBe(`Fejl: ${message}`);
      expect(existsSync(db)).toBe(false);
    }
  });
});
