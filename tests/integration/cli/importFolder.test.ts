import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runCli } from '../../../electron/cli/main';
import { generatePortfolio } from '../../../electron/generate/portfolio';
import { TEMPLATE_SHEETS } from '../../../electron/import/template';
import { Db } from '../../../electron/storage/sqlite';
import { openPortfolioStore } from '../../../electron/storage';
import { writeStatusWorkbooks } from '../../../bench/statusWorkbooks';

/**
 * `import FOLDER`: a folder of filled-in status workbooks (the template, one project each), one
 * of them with a figure that can't be read. The good files are saved, each in its own
 * transaction; the broken one is named with its place and saves nothing; a progress line per
 * file; exit code 1.
 */

let dir: string;
let db: string;
let folder: string;
let result: { code: number; stdout: string; stderr: string };
const statuses = async () => {
  const conn = await Db.open(db, { readonly: true });
  try {
    return await conn.withLock(async (c) => (await c.all<{ name: string; n: number }>(
      'SELECT p.name, COUNT(s.id) AS n FROM projects p JOIN goals g ON g.project_id = p.id JOIN status_reports s ON s.goal_id = g.id GROUP BY p.id ORDER BY p.id',
    )));
  } finally {
    await conn.close();
  }
};
let before: { name: string; n: number }[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'trafiklys-folder-'));
  db = join(dir, 'p.sqlite');
  folder = join(dir, 'statusrapporter');
  await generatePortfolio(db, { projects: 4, seed: 12 });
  const files = await writeStatusWorkbooks(folder, { seed: 12, projects: 4, files: 4 });
  // File 3: a status that is not a number ("ca. 40") in the goals sheet's row 6.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(files[2]);
  wb.getWorksheet(TEMPLATE_SHEETS.goals)!.getCell('E6').value = 'ca. 40';
  await wb.xlsx.writeFile(files[2]);
  before = await statuses();
  let stdout = '';
  let stderr = '';
  const code = await runCli(['import', folder, '--db', db], { out: (t) => (stdout += `${t}\n`), err: (t) => (stderr += `${t}\n`) }, { ...process.env, LANG: '', LC_ALL: '' });
  result = { code, stdout, stderr };
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('import FOLDER', () => {
  it('saves the good files, each in its own transaction, and leaves the broken one out', async () => {
    const after = await statuses();
    const names = readdirSync(folder).sort();
    expect(names).toHaveLength(4);
    const gained = after.map((a, i) => a.n - before[i].n);
    // The workbooks report on projects 1-4 in order; the third is the broken one.
    expect(gained[0]).toBeGreaterThan(0);
    expect(gained[1]).toBeGreaterThan(0);
    expect(gained[2]).toBe(0);
    expect(gained[3]).toBeGreaterThan(0);
    expect(result.code).toBe(1);
  });

  it('leaves the kept figures of every project fresh, so the first open of the portfolio reads them', async () => {
    const store = await openPortfolioStore(db, { readonly: true });
    const kept = await store.listKeptFigures();
    await store.close();
    expect(kept).toHaveLength(4);
    expect(kept.filter((k) => k.computedRevision !== k.revision || k.summary === null || k.pool === null)).toEqual([]);
  });

  it('prints a progress line per file and names the broken file with its place', () => {
    const out = result.stdout;
    for (let n = 1; n <= 4; n++) expect(out).toMatch(new RegExp(`^${n} af 4 filer: statusrapport-0000${n}\\.xlsx: `, 'm'));
    expect(out).toMatch(/^3 af 4 filer: statusrapport-00003\.xlsx: .*IKKE GEMT/m);
    expect(out).toContain('4 filer: 3 importeret, 1 ikke gemt.');
    // The summary names the file, its place in the folder and the cell's place in it.
    const failed = out.split('\n').find((l) => l.startsWith('  3. fil af 4: statusrapport-00003.xlsx: '));
    expect(failed).toBeDefined();
    expect(failed).toMatch(/række 6|E6/);
    expect(failed).toContain('ca. 40');
  });
});
