import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parseFile } from '../../../electron/import/parseFile';
import { applyImport, previewImport } from '../../../electron/import/service';
import { openPortfolioStore } from '../../../electron/storage';
import type { FoundItem, ImportIssue } from '../../../shared/import/items';
import { MAX_GRID_ROWS, MAX_ITEMS_PER_IMPORT } from '../../../shared/import/limits';
import { readerText } from '../../../shared/import/readerNotes';
import { csvDataRows, silentlyDropped, xlsxDataRows } from './hostile/invariant';
import { rawXlsx, sheetXml } from './hostile/zipWriter';

/** Issue 10, points 1, 4 and 6 for the grid readers (xlsx and CSV), with real files. */
const dir = mkdtempSync(path.join(tmpdir(), 'trafiklys-grid-'));
const enc = (s: string) => new TextEncoder().encode(s);
const of = <T extends FoundItem['type']>(items: FoundItem[], t: T) => items.filter((i): i is Extract<FoundItem, { type: T }> => i.type === t);
const keyed = (issues: ImportIssue[], key: string) => issues.filter((i) => i.msg?.key === key);
const D = '02.12.2022';

function libreOfficeResave(file: string): string {
  const out = path.join(dir, 'lo');
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`, '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', out, file], { timeout: 120_000, stdio: 'pipe' });
  return path.join(out, path.basename(file));
}

const MARKS = ['-', '–', '—', 'n/a', 'ikke opgjort', '*', null];

describe('point 1: a goal with a target and a dash or blank for status and percent', () => {
  async function workbook(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Mål');
    ws.addRow(['Kode', 'Beskrivelse', 'Mål i perioden', 'Status', 'Målopnåelse i procent', 'Dato']);
    MARKS.forEach((mark, k) => ws.addRow([`B${k + 2}`, 'Antal borgere i forløb 22', 22, mark, mark, D]));
    ws.addRow(['B1', 'Antal deltagere', 256, 219, 86, D]);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }
  const csv = () => enc(`Kode;Beskrivelse;Mål i perioden;Status;Målopnåelse i procent;Dato\n${MARKS.map((m, k) => `B${k + 2};Antal i forløb 22;22;${m ?? ''};${m ?? ''};${D}`).join('\n')}\nB1;Antal deltagere;256;219;86;${D}\n`);

  it.each([
    ['xlsx', 'status.xlsx', workbook, (k: number) => `Ark 'Mål', celle D${k + 2}`],
    ['CSV', 'status.csv', async () => csv(), (k: number) => `linje ${k + 2}, felt 4`],
  ] as const)('%s: target kept, no status stored, no percent computed, a warning with its place; nothing refused', async (_, name, build, place) => {
    const bytes = await build();
    const parsed = await parseFile(bytes, name);
    expect(parsed.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(of(parsed.items, 'goal').map((g) => [g.code, g.targetInPeriod])).toEqual([...MARKS.map((_, k) => [`B${k + 2}`, 22]), ['B1', 256]]);
    expect(of(parsed.items, 'status').map((s) => s.code)).toEqual(['B1']);
    MARKS.forEach((mark, k) => {
      const warning = parsed.issues.find((i) => i.location === place(k));
      expect(warning, `${mark}`).toMatchObject({ severity: 'warning', msg: { key: mark === null ? 'statusBlank' : 'statusNotReported' } });
      if (mark !== null) expect(warning!.message).toContain(`"${mark}"`);
    });

    // Through the real import into a new project: the target is stored, a status is not (never a 0).
    const store = await openPortfolioStore(path.join(mkdtempSync(path.join(dir, 'db-')), 'p.sqlite'));
    const preview = await previewImport(store, [{ name, bytes }], { projectName: 'Midtvejs' });
    expect(preview.canApply).toBe(true);
    const result = await applyImport(store, { projectId: null, newProjectName: 'Midtvejs', items: preview.items, newEvaluation: { type: 'midterm', date: '2022-12-02' } });
    const goals = await store.listGoals(result.projectId);
    expect(goals.find((g) => g.code === 'B2')).toMatchObject({ targetInPeriod: 22 });
    const reports = await store.listStatusReports(result.projectId);
    expect(reports.map((r) => goals.find((g) => g.id === r.goalId)!.code)).toEqual(['B1']);
    await store.close();
  });
});

describe('point 4: no silent truncation', () => {
  const HEAD = ['Kode', 'Beskrivelse', 'Mål i perioden', 'Status', 'Dato'];
  /** The rows that used to end the table, with a goal after each. */
  const ROWS: (string | number | null)[][] = [
    ['B1', 'Deltagere', 256, 219, D],
    ['Note: tallene er foreløbige', null, null, null, null],
    ['B2', 'Virksomheder', 90, 87, D],
    ['I alt', null, 346, 306, null],
    ['B1000', 'Kandidater', 19037, 19037, D],
    ['B\u200B5', 'Jobs', 40, 12, D],
    ['Ｂ６', 'Events', 10, 9, D],
    ['C1', 'Studerende', 60, 45, D],
  ];

  async function workbook(file: string): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Mål');
    ws.addRow(HEAD);
    for (const r of ROWS) ws.addRow(r);
    const hidden = wb.addWorksheet('Gammel');
    hidden.state = 'hidden';
    hidden.addRow(HEAD);
    hidden.addRow(['A1', 'Portal', 1, 1, D]);
    const veryHidden = wb.addWorksheet('Intern');
    veryHidden.state = 'veryHidden';
    veryHidden.addRow(HEAD);
    veryHidden.addRow(['A2', 'Netværk', 3, 2, D]);
    const target = path.join(dir, file);
    await wb.xlsx.writeFile(target);
    return target;
  }

  function expectAllRead(items: FoundItem[], issues: ImportIssue[], place: (row: number) => string, cell: (row: number, col: string) => string) {
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(of(items, 'goal').map((g) => g.code)).toEqual(expect.arrayContaining(['B1', 'B2', 'B1000', 'B5', 'B6', 'C1']));
    expect(of(items, 'status').find((s) => s.code === 'B1000')).toMatchObject({ value: 19037 });
    expect(keyed(issues, 'rowNoteSkipped')).toEqual([expect.objectContaining({ location: place(3) })]);
    expect(keyed(issues, 'rowTotalsSkipped')).toEqual([expect.objectContaining({ location: place(5) })]);
    expect(keyed(issues, 'codeInvisible')).toEqual([expect.objectContaining({ location: cell(7, 'A'), message: expect.stringContaining('U+200B') })]);
    expect(keyed(issues, 'codeUnusual')).toEqual([expect.objectContaining({ location: cell(8, 'A'), message: expect.stringContaining('B6') })]);
  }

  it('xlsx, as exceljs writes it and as LibreOffice re-saves it: read past notes and totals, any code length, Unicode normalised, hidden sheets read with a warning', async () => {
    const written = await workbook('maal.xlsx');
    // LibreOffice has no "very hidden": it saves such a sheet as hidden.
    for (const [file, veryHidden] of [[written, true], [libreOfficeResave(written), false]] as const) {
      const bytes = readFileSync(file);
      const parsed = await parseFile(bytes, 'maal.xlsx');
      expectAllRead(parsed.items, parsed.issues, (r) => `Ark 'Mål', række ${r}`, (r, c) => `Ark 'Mål', celle ${c}${r}`);
      expect(of(parsed.items, 'goal').map((g) => g.code)).toEqual(['B1', 'B2', 'B1000', 'B5', 'B6', 'C1', 'A1', 'A2']);
      const hidden = keyed(parsed.issues, 'sheetHidden').concat(keyed(parsed.issues, 'sheetVeryHidden'));
      expect(hidden.map((i) => [i.location, i.severity, i.msg?.key])).toEqual([
        ["Ark 'Gammel'", 'warning', 'sheetHidden'],
        ["Ark 'Intern'", 'warning', veryHidden ? 'sheetVeryHidden' : 'sheetHidden'],
      ]);
      const preview = { items: parsed.items.map((i, k) => ({ ...i, id: `i${k}` })), issues: parsed.issues } as never;
      expect(silentlyDropped(preview, 'maal.xlsx', await xlsxDataRows(bytes))).toEqual([]);
    }
  });

  it('CSV: the same rows', async () => {
    const text = `${[HEAD, ...ROWS].map((r) => r.map((v) => v ?? '').join(';')).join('\n')}\n`;
    const parsed = await parseFile(enc(text), 'maal.csv');
    expectAllRead(parsed.items, parsed.issues, (r) => `linje ${r}`, (r) => `linje ${r}, felt 1`);
    const preview = { items: parsed.items.map((i, k) => ({ ...i, id: `i${k}` })), issues: parsed.issues } as never;
    expect(silentlyDropped(preview, 'maal.csv', csvDataRows(enc(text)))).toEqual([]);
  });

  it('a duplicate column header is an error naming both cells and the rows not read', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Mål');
    ws.addRow(['Kode', 'Status', 'Mål i perioden', 'Status', 'Dato']);
    ws.addRow(['B1', 219, 256, 220, D]);
    ws.addRow(['B2', 87, 90, 88, D]);
    const parsed = await parseFile(new Uint8Array(await wb.xlsx.writeBuffer()), 'dobbelt.xlsx');
    const [error] = parsed.issues.filter((i) => i.severity === 'error');
    expect(error).toMatchObject({ file: 'dobbelt.xlsx', location: "Ark 'Mål', celle B1 og D1", msg: { key: 'tableDuplicateHeader' } });
    expect(error.message).toContain('(række 2-3) er ikke læst');
    expect(readerText(error.msg as never, 'en')).toContain('(row 2-3) was not read');
    expect(of(parsed.items, 'status')).toEqual([]);
  });
});

describe('point 6: large files give the real answer or a clear limit, within bounded memory', () => {
  it('a 150,000-row sheet and a 200,000-row CSV: the limit, the file and the sheet named, no stack overflow', async () => {
    const rows = Array.from({ length: 150_000 }, (_, i) => [`B${i + 1}`, i, D]);
    const sheet = rawXlsx(sheetXml([['Kode', 'Status', 'Dato'], ...rows]));
    const csv = enc(`Kode;Status;Dato\n${Array.from({ length: 200_000 }, (_, i) => `B${i + 1};${i};${D}`).join('\n')}\n`);
    const store = await openPortfolioStore(path.join(mkdtempSync(path.join(dir, 'db-')), 'p.sqlite'));
    const before = await store.dataDigest();
    const preview = await previewImport(store, [{ name: 'stor.xlsx', bytes: sheet }, { name: 'stor.csv', bytes: csv }]);
    const errors = preview.issues.filter((i) => i.severity === 'error');
    expect(errors).toEqual([
      expect.objectContaining({ file: 'stor.xlsx', location: "Ark 'Mål'", msg: expect.objectContaining({ key: 'sheetTooManyRows' }) }),
      expect.objectContaining({ file: 'stor.csv', location: `linje ${MAX_GRID_ROWS + 1}`, msg: expect.objectContaining({ key: 'csvTooManyRows' }) }),
    ]);
    expect(errors[0].message).toBe("Arket 'Mål' har 150.001 udfyldte rækker; Trafiklys læser højst 50.000 rækker pr. ark. Del arket op, eller slet de rækker, der ikke skal importeres.");
    expect(await store.dataDigest()).toBe(before);
    await store.close();
  });

  it('files that together give more items than one apply can send: the file that passes the limit is left out, named', async () => {
    const csv = (f: number) => enc(`Kode;Mål i perioden;Status;Dato\n${Array.from({ length: 2400 }, (_, i) => `B${f * 10_000 + i + 1};10;5;${D}`).join('\n')}\n`);
    const store = await openPortfolioStore(path.join(mkdtempSync(path.join(dir, 'db-')), 'p.sqlite'));
    const preview = await previewImport(store, [1, 2, 3, 4, 5].map((f) => ({ name: `del-${f}.csv`, bytes: csv(f) })), { projectName: 'Stor' });
    expect(preview.items.length).toBe(4 * 4800);
    expect(preview.issues.filter((i) => i.severity === 'error')).toEqual([
      expect.objectContaining({ file: 'del-5.csv', msg: { key: 'importTooManyItems', params: { count: 4800, limit: MAX_ITEMS_PER_IMPORT } } }),
    ]);
    expect(preview.files.find((f) => f.file === 'del-5.csv')!.itemIds).toEqual([]);
    await store.close();
  });

  it('below the limits the real answer: 45,000 respondents in a CSV and in a sheet', async () => {
    const answers = Array.from({ length: 45_000 }, (_, i) => [i + 1, (i % 5) + 1, ((i + 2) % 5) + 1]);
    const csv = enc(`Skala;5\nRespondent;Godt;Skidt\n${answers.map((r) => r.join(';')).join('\n')}\n`);
    const xlsx = rawXlsx(sheetXml([['Skala', 5], ['Respondent', 'Godt', 'Skidt'], ...answers]));
    for (const [name, bytes] of [['svar.csv', csv], ['svar.xlsx', xlsx]] as const) {
      const parsed = await parseFile(bytes, name);
      expect(parsed.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(of(parsed.items, 'survey').map((s) => [s.statement, s.positive, s.n])).toEqual([
        ['Godt', 18_000, 45_000],
        ['Skidt', 18_000, 45_000],
      ]);
    }
  });
});
