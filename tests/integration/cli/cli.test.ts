import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import sqlite3 from 'sqlite3';
import { repoRoot } from '../../helpers/build';

/** The CLI as a user runs it: a real process on plain Node, real files. */
function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(repoRoot, 'electron', 'cli', 'main.ts'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function exec(db: string, sql: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const conn = new sqlite3.Database(db, (err) => {
      if (err) return reject(err);
      conn.exec(sql, (e) => conn.close(() => (e ? reject(e) : resolve())));
    });
  });
}

describe('command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'trafiklys-cli-'));
  const db = join(dir, 't.db');

  it('prints help with every command', () => {
    const { code, stdout } = cli('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('demo --db FILE');
    expect(stdout).toContain('summary --db FILE');
  });

  it('creates the demo and summarises Headstart as the method computes it', () => {
    expect(cli('demo', '--db', db).code).toBe(0);
    const { code, stdout, stderr } = cli('summary', '--db', db, '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const { projects: rows, portfolio } = JSON.parse(stdout) as { projects: Record<string, any>[]; portfolio: Record<string, any> } // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON from the CLI, asserted field by field;
    const headstart = rows.find((r) => r.name === 'Tiltrækning af talent (Headstart)')!;
    expect(headstart.evaluationType).toBe('final');
    expect(headstart.implementation).toEqual({ score: 3.8, light: 'green', scored: 6 });
    expect(headstart.goals.activity).toEqual({ percent: 100, light: 'green' });
    expect(headstart.goals.output).toEqual({ percent: 94, light: 'green' });
    expect(headstart.goals.effect.percent).toBe(81); // (86.8 + 75) / 2
    expect(headstart.budget).toEqual({ percent: 100 });
    expect(headstart.time).toEqual({ percent: 100 });
    expect(headstart.warnings.some((w: string) => w.includes('C2') && w.includes('88') && w.includes('75'))).toBe(true);
    const wls = rows.find((r) => r.name === 'Tiltrækning af talent – work-live-stay southern denmark')!;
    expect(wls.evaluationType).toBe('midterm');
    expect(wls.implementation.light).toBeNull();
    // The portfolio: the mean of the projects' level attainment (only Headstart has one), and
    // nothing pooled while no goal is linked to an indicator (never participants + companies + CVs).
    expect(portfolio.headline.output).toEqual({ percent: 94, average: expect.closeTo(94.07, 2), projects: 1 });
    expect(portfolio.indicators).toEqual([]);
    // Seeds 000 and 002 add 3 + 1 activity, 0 + 2 output and 3 + 3 effect goals.
    expect(portfolio.goalsWithoutIndicator).toEqual({ activity: 16, output: 15, effect: 8 });
  });

  it('pools per indicator in the table and JSON, with the portfolio view’s filters as options', async () => {
    const linked = join(dir, 'linked.db');
    expect(cli('demo', '--db', linked).code).toBe(0);
    // Headstart's B2 and work-live-stay's B1 both count companies on the career portal.
    await exec(
      linked,
      `INSERT INTO indicators (code, name, unit, level, created_at) VALUES ('', 'Virksomheder på karriereportalen', 'virksomheder', 'B', 't');
       UPDATE goals SET indicator_id = 1 WHERE (code = 'B2' AND project_id = 1) OR (code = 'B1' AND project_id = 2);
       INSERT INTO status_reports (goal_id, value, reported_at, created_at) SELECT id, 30, '2020-06-01', 't' FROM goals WHERE code = 'B1' AND project_id = 2;`,
    );
    const json = cli('summary', '--db', linked, '--json');
    expect(json.stderr).toBe('');
    const { portfolio } = JSON.parse(json.stdout) as { portfolio: { indicators: unknown[]; headline: { output: unknown } } };
    // (87 + 30) / (90 + 300) = 30 % over two projects; the headline is (94,07 + 10) / 2 = 52 %.
    expect(portfolio.indicators).toEqual([
      expect.objectContaining({ name: 'Virksomheder på karriereportalen', statusSum: 117, targetSum: 390, percent: 30, projects: 2, goals: 2 }),
    ]);
    expect(portfolio.headline.output).toMatchObject({ percent: 52, projects: 2 });
    const table = cli('summary', '--db', linked);
    expect(table.stdout).toMatch(/Output\s+52 %\s+\(2 af 4 projekter\)/);
    expect(table.stdout).toMatch(/Virksomheder på karriereportalen \(virksomheder\)\s+Output\s+117\s+390\s+30 %\s+2\s+2/);

    const filtered = cli('summary', '--db', linked, '--evaluation-type', 'slut');
    expect(filtered.stdout).toContain('Porteføljen: 1 af 4 projekter (filter: evalueringstype slutevaluering)');
    expect(filtered.stdout).not.toContain('work-live-stay');
    expect(filtered.stdout).toMatch(/Output\s+94 %\s+\(1 af 1 projekt\)/);
    expect(filtered.stdout).toMatch(/Virksomheder på karriereportalen \(virksomheder\)\s+Output\s+87\s+90\s+97 %\s+1\s+1/);
    const bad = cli('summary', '--db', linked, '--light', 'rosa');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Ugyldig værdi til --light: "rosa". Brug grøn, gul, rød eller intet.');
    // The filters of issue 15: a light of one kind (here none yet) and the evaluation date, in Danish dates.
    const unlit = cli('summary', '--db', linked, '--light-kind', 'implementering', '--light', 'intet', '--evaluated-to', '01.12.2022');
    expect(unlit.stderr).toBe('');
    expect(unlit.stdout).toContain('Porteføljen: 1 af 4 projekter (filter: trafiklys for implementering: intet lys; evalueret til 01.12.2022)');
    expect(unlit.stdout).toContain('work-live-stay');
    expect(unlit.stdout).not.toContain('Headstart');
    const badDate = cli('summary', '--db', linked, '--running-from', '31.02.2020');
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('Ugyldig dato til --running-from: "31.02.2020". Skriv den som DD.MM.ÅÅÅÅ, fx 02.12.2022.');

    const out = join(dir, 'slut.xlsx');
    expect(cli('export', '--db', linked, '--portfolio', '--evaluation-type', 'slut', '--out', out).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const names: string[] = [];
    wb.getWorksheet('Portefølje')!.eachRow((row, n) => n > 1 && names.push(String(row.getCell(1).value ?? '')));
    expect(names).toContain('Tiltrækning af talent (Headstart)');
    expect(names.join('\n')).not.toContain('work-live-stay');
    expect(names.some((t) => t.startsWith('Filter: evalueringstype slutevaluering. Projektmappen viser 1 af porteføljens 4 projekter.'))).toBe(true);
    expect(cli('export', '--db', linked, '--project', 'Tiltrækning af talent (Headstart)', '--light', 'gul', '--out', join(dir, 'x.xlsx')).code).toBe(2);
  });

  it('prints a readable Danish table without --json, and one project with --project', () => {
    const { code, stdout } = cli('summary', '--db', db, '--project', 'Tiltrækning af talent (Headstart)');
    expect(code).toBe(0);
    expect(stdout).toContain('3,8 grøn');
    expect(stdout).toContain('94 % grøn');
    expect(stdout).not.toContain('work-live-stay');
  });

  it('shows the shares, the comparison and the business case of seeds 000 and 002 as the seeds print them (issue 14)', () => {
    const tm = cli('summary', '--db', db, '--project', 'Talent Management', '--json');
    expect(tm.stderr).toBe('');
    const [talent] = JSON.parse(tm.stdout).projects;
    expect(talent.shares.map((s: { code: string; numerator: number; denominator: number; percent: number; printedPercent: number; printedDiffers: boolean }) => [s.code, s.numerator, s.denominator, s.percent, s.printedPercent, s.printedDiffers])).toEqual([
      ['C1', 30, 124, 24, 24, false],
      ['C2', 30, 83, 36, 36, false],
      ['C3', 10, 30, 33, 33, false],
    ]);
    expect(talent.businessCase.results).toEqual({ savingPerCitizenKr: 68_349, totalSavingKr: null, paybackYears: 1995 / 70_344 });
    expect(talent.businessCase.missing.totalSavingKr).toEqual(['citizens']);
    expect(talent.businessCase.inputs).toMatchObject({ costPerParticipantKr: 1995, savingPerCitizenYearKr: 70_344, years: 1, citizens: null });
    expect(talent.businessCase.formulas.savingPerCitizenKr).toBe('Besparelse pr. borger = besparelse pr. borger pr. år × antal år − udgift pr. deltager');

    const ftd = JSON.parse(cli('summary', '--db', db, '--project', 'Future Talent Denmark', '--json').stdout).projects[0];
    expect(ftd.comparisons).toEqual([
      {
        code: 'C1',
        description: 'Medvirkende kandidater i fuldtidsjob i Danmark',
        reached: 68,
        comparison: 31,
        difference: 37,
        points: true,
        label: 'internationale dimittender tilknyttet det danske arbejdsmarked 21 måneder efter endt uddannelse',
        source: 'Danmarks Statistik',
        year: 2018,
      },
    ]);
    expect(ftd.businessCase).toBeNull();

    const table = cli('summary', '--db', db, '--project', 'Talent Management').stdout;
    expect(table).toContain('30 af 124 = 24 % (trykt 24 %)');
    expect(table).toContain('udgift pr. deltager: 68.349 kr.');
    expect(cli('summary', '--db', db, '--project', 'Future Talent Denmark').stdout).toContain('68 mod 31 (internationale dimittender tilknyttet det danske arbejdsmarked 21 måneder efter endt uddannelse; Danmarks Statistik 2018) = +37 procentpoint');
  });

  it('writes the project status of a project without a round (seed 002): no round, its share, no lights', async () => {
    const out = join(dir, 'tm-status.pdf');
    const { code, stdout, stderr } = cli('report', '--db', db, '--project', 'Talent Management', '--format', 'pdf', '--out', out);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Projektet "Talent Management" har ingen evalueringsrunde: projektstatussen (uden scorer og trafiklys) er gemt i');
    const { pdfLines } = await import('../../../electron/import/pdf');
    const text = (await pdfLines(readFileSync(out), out)).map((l) => l.text).join(' ');
    expect(text).toContain('Ingen evalueringsrunde endnu');
    expect(text).toContain('30 af 124 (24 %)');
    expect(text).not.toMatch(/Trafiklys|Gennemsnitlig score|Intet lys/);
  });

  it('fails with a message on stderr for a missing file, an unknown project or a bad option', () => {
    const missing = cli('summary', '--db', join(dir, 'nope.db'));
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('findes ikke');
    const unknown = cli('summary', '--db', db, '--project', 'Intet');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('Intet');
    expect(cli('summary', '--db', db, '--bogus').code).not.toBe(0);
    expect(cli('frobnicate').code).not.toBe(0);
  });

  it('refuses a database from a newer version and leaves its bytes untouched', async () => {
    const newer = join(mkdtempSync(join(tmpdir(), 'trafiklys-newer-')), 'newer.db');
    expect(cli('demo', '--db', newer).code).toBe(0);
    await exec(newer, 'PRAGMA journal_mode = DELETE; PRAGMA user_version = 999;');
    const before = readFileSync(newer);
    const filesBefore = readdirSync(join(newer, '..')).sort();
    const { code, stderr } = cli('summary', '--db', newer, '--json');
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/nyere version/);
    expect(stderr).toContain('999');
    expect(readFileSync(newer).equals(before)).toBe(true);
    expect(readdirSync(join(newer, '..')).sort()).toEqual(filesBefore);
  });
});
