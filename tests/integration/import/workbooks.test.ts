import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parseFile } from '../../../electron/import/parseFile';
import { buildStatusTemplate, TEMPLATE_FILE, TEMPLATE_SHEETS } from '../../../electron/import/template';
import { repoRoot } from '../../helpers/build';
import type { FoundItem } from '../../../shared/import/items';

const dir = mkdtempSync(path.join(tmpdir(), 'trafiklys-import-wb-'));
const of = <T extends FoundItem['type']>(items: FoundItem[], t: T) => items.filter((i): i is Extract<FoundItem, { type: T }> => i.type === t);

/** Fills the template the way a grant recipient would. */
async function filledTemplate(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(repoRoot, 'resources', 'templates', TEMPLATE_FILE));
  const goals = wb.getWorksheet(TEMPLATE_SHEETS.goals)!;
  goals.getCell('B3').value = 'Tiltrækning af talent (Headstart)';
  const rows: [string, string, number | string | null, number | null, number | string | null][] = [
    ['B1', 'Antal deltagere', 256, null, 219],
    ['B2', 'Antal virksomheder på karriereportalen', 90, null, 87],
    ['B4', 'Antal kandidater', '19.037', null, 19037],
    ['C2', 'Internationale studenter i job', 60, 0, 45],
  ];
  rows.forEach(([code, text, target, after, status], k) => {
    const r = goals.getRow(5 + k);
    r.getCell(1).value = code;
    r.getCell(2).value = text;
    r.getCell(3).value = target;
    r.getCell(4).value = after;
    r.getCell(5).value = status;
    r.getCell(6).value = new Date(Date.UTC(2022, 11, 2));
    r.getCell(7).value = 'Bevillingsmodtager';
  });
  const progress = wb.getWorksheet(TEMPLATE_SHEETS.progress)!;
  progress.getRow(5).values = [20_000_000, 19_500_000, 48, 47, new Date(Date.UTC(2022, 11, 2)), 'Bevillingsmodtager'];
  const survey = wb.getWorksheet(TEMPLATE_SHEETS.survey)!;
  survey.getRow(5).values = ['virksomheder', 'Projektet profilerer regionen', 9, 9, 5];
  const answers = wb.getWorksheet(TEMPLATE_SHEETS.answers)!;
  answers.getCell('B1').value = 'ambassadører';
  answers.getCell('B2').value = 3;
  answers.getCell('B4').value = 'Eventet inspirerede mig';
  answers.getCell('C4').value = 'Jeg har skrevet et opslag';
  [[3, 1], [3, 2], [2, null], [3, 3]].forEach(([a, b], k) => {
    answers.getCell(`A${5 + k}`).value = k + 1;
    answers.getCell(`B${5 + k}`).value = a;
    answers.getCell(`C${5 + k}`).value = b;
  });
  return wb;
}

function expectTemplateItems(items: FoundItem[], issues: { severity: string; message: string }[]): void {
  expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  expect(of(items, 'fact')).toEqual([expect.objectContaining({ field: 'name', value: 'Tiltrækning af talent (Headstart)' })]);
  const goals = of(items, 'goal');
  expect(goals.map((g) => [g.code, g.targetInPeriod, g.targetAfterPeriod])).toEqual([
    ['B1', 256, null],
    ['B2', 90, null],
    ['B4', 19037, null],
    ['C2', 60, 0],
  ]);
  const statuses = of(items, 'status');
  expect(statuses.map((s) => [s.code, s.value, s.reportedAt, s.reportedBy])).toEqual([
    ['B1', 219, '2022-12-02', 'Bevillingsmodtager'],
    ['B2', 87, '2022-12-02', 'Bevillingsmodtager'],
    ['B4', 19037, '2022-12-02', 'Bevillingsmodtager'],
    ['C2', 45, '2022-12-02', 'Bevillingsmodtager'],
  ]);
  expect(statuses[0].source.location).toBe("Ark 'Mål', celle E5");
  expect(of(items, 'progress')).toEqual([
    expect.objectContaining({ budgetTotalKr: 20_000_000, budgetSpentKr: 19_500_000, monthsTotal: 48, monthsElapsed: 47, reportedAt: '2022-12-02' }),
  ]);
  const survey = of(items, 'survey').map((s) => [s.group, s.statement, s.positive, s.n, s.scale]);
  expect(survey).toEqual([
    ['virksomheder', 'Projektet profilerer regionen', 9, 9, 5],
    ['ambassadører', 'Eventet inspirerede mig', 3, 4, 3],
    ['ambassadører', 'Jeg har skrevet et opslag', 1, 3, 3],
  ]);
}

describe('the status-report template', () => {
  it('is committed as buildStatusTemplate() makes it, with data validation and all sheets', async () => {
    const file = path.join(repoRoot, 'resources', 'templates', TEMPLATE_FILE);
    expect(existsSync(file)).toBe(true);
    const committed = new ExcelJS.Workbook();
    await committed.xlsx.readFile(file);
    const built = buildStatusTemplate();
    expect(committed.worksheets.map((w) => w.name)).toEqual(built.worksheets.map((w) => w.name));
    expect(committed.worksheets.map((w) => w.name)).toEqual(Object.values(TEMPLATE_SHEETS));
    const goals = committed.getWorksheet(TEMPLATE_SHEETS.goals)!;
    expect(goals.getRow(4).values).toEqual([undefined, 'Kode', 'Beskrivelse', 'Mål i perioden', 'Mål efter perioden', 'Status', 'Dato', 'Rapporteret af']);
    expect(goals.getCell('E5').dataValidation).toMatchObject({ type: 'decimal' });
    expect(goals.getCell('F5').dataValidation).toMatchObject({ type: 'date' });
    expect(goals.getCell('A5').dataValidation).toMatchObject({ type: 'custom' });
  });

  it('an unfilled template is an error naming the empty sheet, not an empty import', async () => {
    const bytes = readFileSync(path.join(repoRoot, 'resources', 'templates', TEMPLATE_FILE));
    await expect(parseFile(bytes, 'tom.xlsx')).rejects.toMatchObject({ file: 'tom.xlsx', message: expect.stringContaining("arket 'Mål'") });
  });

  it('round trip: filled in with exceljs and read back', async () => {
    const buf = new Uint8Array(await (await filledTemplate()).xlsx.writeBuffer());
    const parsed = await parseFile(buf, 'statusrapport-2022.xlsx');
    expect(parsed.kind).toBe('statusReport');
    expectTemplateItems(parsed.items, parsed.issues);
  });

  it('reads it with sheets reordered, blank rows and columns, headers moved, formulas, merged cells and serial dates', async () => {
    const wb = new ExcelJS.Workbook();
    const other = wb.addWorksheet('Noter');
    other.getCell('A1').value = 'Et ark uden tabeller';
    const ws = wb.addWorksheet('Status 2022');
    ws.mergeCells('B2:H2');
    ws.getCell('B2').value = 'Statusrapport';
    ws.getRow(6).values = [null, null, 'Rapporteret af', 'Status', 'Kode', 'Dato', 'Mål i perioden'];
    ws.getRow(8).values = [null, null, 'Bevillingsmodtager', { formula: '200+19', result: 219 }, 'B1', 44897, 256];
    ws.getRow(11).values = [null, null, 'Bevillingsmodtager', { richText: [{ text: '19.0' }, { text: '37' }] }, { richText: [{ text: 'B4' }] }, '02.12.2022', '19.037'];
    ws.getRow(13).values = [null, null, 'Note: tallene er indrapporteret af bevillingsmodtager.'];
    const parsed = await parseFile(new Uint8Array(await wb.xlsx.writeBuffer()), 'flyttet.xlsx');
    expect(parsed.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(of(parsed.items, 'status').map((s) => [s.code, s.value, s.reportedAt])).toEqual([
      ['B1', 219, '2022-12-02'],
      ['B4', 19037, '2022-12-02'],
    ]);
    expect(of(parsed.items, 'goal').map((g) => g.targetInPeriod)).toEqual([256, 19037]);
    expect(of(parsed.items, 'status')[0].source.location).toBe("Ark 'Status 2022', celle D8");
  });

  it('reads workbooks saved by LibreOffice: the filled template re-saved, and a CSV converted to xlsx', async () => {
    const filled = path.join(dir, 'udfyldt.xlsx');
    await (await filledTemplate()).xlsx.writeFile(filled);
    const csv = path.join(dir, 'maal.csv');
    writeFileSync(csv, 'Kode;Beskrivelse;Mål i perioden;Status;Dato\nA1;Portal;3;3;02.12.2022\nB4;Kandidater;19037;19037;02.12.2022\n');
    const out = path.join(dir, 'lo');
    const soffice = (args: string[]) => execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`, ...args], { timeout: 120_000, stdio: 'pipe' });
    soffice(['--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', out, filled]);
    soffice(['--infilter=CSV:59,34,76,1', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', out, csv]);

    const resaved = await parseFile(readFileSync(path.join(out, 'udfyldt.xlsx')), 'udfyldt.xlsx');
    expectTemplateItems(resaved.items, resaved.issues);

    const converted = await parseFile(readFileSync(path.join(out, 'maal.xlsx')), 'maal.xlsx');
    expect(converted.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(of(converted.items, 'status').map((s) => [s.code, s.value, s.reportedAt])).toEqual([
      ['A1', 3, '2022-12-02'],
      ['B4', 19037, '2022-12-02'],
    ]);
  });
});

describe('CSV of goals and survey answers', () => {
  it('reads ; and , separated files, with and without BOM, Danish numbers', async () => {
    const semi = '\uFEFFKode;Beskrivelse;Mål i perioden;Status;Dato;Rapporteret af\nB1;Antal deltagere;256;219;02.12.2022;Bevillingsmodtager\nB4;"Antal kandidater; cv";19.037;"19.037";02.12.2022;\n';
    const a = await parseFile(new TextEncoder().encode(semi), 'maal.csv');
    expect(a.kind).toBe('goalCsv');
    expect(of(a.items, 'status').map((s) => [s.code, s.value])).toEqual([['B1', 219], ['B4', 19037]]);
    expect(of(a.items, 'goal')[1].description).toBe('Antal kandidater; cv');
    const comma = 'Kode,Mål i perioden,Status,Dato\nC2,60,"45,0",2022-12-02\n';
    const b = await parseFile(new TextEncoder().encode(comma), 'maal2.csv');
    expect(of(b.items, 'status').map((s) => [s.code, s.value, s.reportedAt])).toEqual([['C2', 45, '2022-12-02']]);
    expect(of(b.items, 'status')[0].source.location).toBe('linje 2, felt 3');
  });

  it('computes survey indicators from raw answers (5-point top-two, 3-point top-box)', async () => {
    const csv = 'Gruppe;virksomheder\nSkala;5\nRespondent;Projektet profilerer regionen;Flere ansøgninger\n1;5;2\n2;4;\n3;3;4\n4;5;1\n';
    const r = await parseFile(new TextEncoder().encode(csv), 'svar.csv');
    expect(r.kind).toBe('surveyAnswers');
    expect(of(r.items, 'survey').map((s) => [s.group, s.statement, s.positive, s.n, s.scale])).toEqual([
      ['virksomheder', 'Projektet profilerer regionen', 3, 4, 5],
      ['virksomheder', 'Flere ansøgninger', 1, 3, 5],
    ]);
  });
});
