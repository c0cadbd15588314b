import ExcelJS from 'exceljs';
import type { HostileCase } from './types';

/** Workbooks exceljs writes: odd contents in a well-formed file. */
type Cell = ExcelJS.CellValue;
interface SheetSpec {
  name: string;
  rows: Cell[][];
  state?: ExcelJS.WorksheetState;
  merges?: string[];
  /** Row number of rows[0] (1 by default). */
  at?: number;
  col?: number;
}

export async function workbook(sheets: SheetSpec[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    if (s.state) ws.state = s.state;
    s.rows.forEach((row, i) => {
      const r = ws.getRow((s.at ?? 1) + i);
      row.forEach((v, c) => {
        if (v !== null && v !== undefined) r.getCell((s.col ?? 1) + c).value = v;
      });
    });
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const HEAD = ['Kode', 'Beskrivelse', 'Mål i perioden', 'Status', 'Dato'];
const D = '02.12.2022';
/** A goal sheet "Mål" with these rows below the template's header. */
const goals = (rows: Cell[][], extra: Partial<SheetSpec> = {}) => () => workbook([{ name: 'Mål', rows: [HEAD, ...rows], ...extra }]);
const ok = (name: string, build: HostileCase['build'], more: Partial<HostileCase> = {}): HostileCase => ({ name, build, expect: 'ok', grid: 'xlsx', ...more });
const bad = (name: string, build: HostileCase['build'], more: Partial<HostileCase> = {}): HostileCase => ({ name, build, expect: 'error', grid: 'xlsx', ...more });

const NOT_REPORTED: [string, Cell][] = [
  ['bindestreg', '-'],
  ['tankestreg', '–'],
  ['lang-tankestreg', '—'],
  ['n-a', 'n/a'],
  ['ikke-opgjort', 'ikke opgjort'],
  ['stjerne', '*'],
];

export const XLSX_CASES: HostileCase[] = [
  ...NOT_REPORTED.map(([label, mark]) =>
    ok(`status-${label}.xlsx`, goals([['B1', 'Antal i forløb', 22, mark, D], ['B2', 'Antal', 10, 4, D]]), { key: 'statusNotReported', location: /^Ark 'Mål', celle D2$/ }),
  ),
  ok('status-tom.xlsx', goals([['B1', 'Antal i forløb', 22, null, D], ['B2', 'Antal', 10, 4, D]]), { key: 'statusBlank', location: /^Ark 'Mål', celle D2$/ }),
  ok('status-mellemrum.xlsx', goals([['B1', 'Antal i forløb', 22, '   ', D], ['B2', 'Antal', 10, 4, D]]), { key: 'statusBlank' }),
  ok('note-midt-i.xlsx', goals([['B1', 'a', 22, 3, D], ['Note: tallene er foreløbige'], ['B2', 'b', 10, 4, D]]), { key: 'rowNoteSkipped', location: /^Ark 'Mål', række 3$/ }),
  ok('i-alt-midt-i.xlsx', goals([['B1', 'a', 22, 3, D], ['I alt', null, 32, 7], ['B2', 'b', 10, 4, D]]), { key: 'rowTotalsSkipped', location: /^Ark 'Mål', række 3$/ }),
  ok('gennemsnit.xlsx', goals([['B1', 'a', 22, 3, D], ['B2', 'b', 10, 4, D], ['Gennemsnit', null, 16, 3.5]]), { key: 'rowTotalsSkipped' }),
  ok('niveau-i-alt.xlsx', goals([['B1', 'a', 22, 3, D], ['Niveau B i alt', null, 22, 3], ['C1', 'c', 10, 4, D]]), { key: 'rowTotalsSkipped' }),
  ok('mange-noter.xlsx', goals([['B1', 'a', 22, 3, D], ['Note 1'], ['Note 2'], ['Note 3'], ['B2', 'b', 10, 4, D]]), { key: 'rowsSkipped', location: /^Ark 'Mål', række 3-5$/ }),
  ok('kode-B1000.xlsx', goals([['B1', 'a', 22, 3, D], ['B1000', 'b', 10, 4, D], ['B2', 'c', 5, 1, D]])),
  ok('kode-nulbredde.xlsx', goals([['B\u200B1', 'a', 22, 3, D], ['B2', 'b', 10, 4, D]]), { key: 'codeInvisible', location: /^Ark 'Mål', celle A2$/ }),
  ok('kode-fuld-bredde.xlsx', goals([['Ｂ１', 'a', 22, 3, D], ['B2', 'b', 10, 4, D]]), { key: 'codeUnusual' }),
  ok('kode-bom.xlsx', goals([['\uFEFFB1', 'a', 22, 3, D]])),
  ok('kode-smaa-bogstaver.xlsx', goals([['b1', 'a', 22, 3, D], ['B 2', 'b', 10, 4, D]])),
  ok('kode-foranstillet-nul.xlsx', goals([['B01', 'a', 22, 3, D]])),
  bad('kode-D1.xlsx', goals([['D1', 'a', 22, 3, D], ['B2', 'b', 10, 4, D]]), { key: 'notAGoalCode', location: /^Ark 'Mål', celle A2$/ }),
  bad('kode-bindestreg.xlsx', goals([['B-1', 'a', 22, 3, D]]), { key: 'notAGoalCode' }),
  bad('kode-med-bogstav.xlsx', goals([['B1a', 'a', 22, 3, D]]), { key: 'notAGoalCode' }),
  bad('kode-fodnote.xlsx', goals([['B1²', 'a', 22, 3, D]]), { key: 'notAGoalCode' }),
  bad('kode-for-lang.xlsx', goals([[`B${'1'.repeat(30)}`, 'a', 22, 3, D]]), { key: 'codeTooLong' }),
  bad('kode-tal.xlsx', goals([[12, 'a', 22, 3, D]]), { key: 'notAGoalCode' }),
  bad('tal-uden-kode.xlsx', goals([['B1', 'a', 22, 3, D], [null, 'b', 10, 4, D]]), { key: 'rowFiguresNoCode', location: /^Ark 'Mål', celle A3$/ }),
  bad('niveau-passer-ikke.xlsx', () => workbook([{ name: 'Mål', rows: [['Kode', 'Niveau', 'Status', 'Dato'], ['B1', 'C', 3, D]] }]), { key: 'levelMismatch' }),
  ok('skjult-ark.xlsx', () => workbook([{ name: 'Mål', rows: [HEAD, ['B1', 'a', 22, 3, D]] }, { name: 'Gammel', state: 'hidden', rows: [HEAD, ['B2', 'b', 10, 4, D]] }]), { key: 'sheetHidden', location: /^Ark 'Gammel'$/ }),
  ok('engelske-overskrifter.xlsx', () => workbook([{ name: 'Mål', rows: [HEAD, ['B1', 'a', 22, 3, D]] }, { name: 'Goals', rows: [['Code', 'Description', 'Target', 'Status'], ['B2', 'b', 10, 4]] }]), {
    key: 'sheetNoHeader',
    location: /^Ark 'Goals', celle A2$/,
  }),
  ok('meget-skjult-ark.xlsx', () => workbook([{ name: 'Mål', rows: [HEAD, ['B1', 'a', 22, 3, D]] }, { name: 'Intern', state: 'veryHidden', rows: [HEAD, ['B2', 'b', 10, 4, D]] }]), { key: 'sheetVeryHidden' }),
  bad('dobbelt-status.xlsx', () => workbook([{ name: 'Mål', rows: [['Kode', 'Status', 'Status', 'Dato'], ['B1', 3, 4, D], ['B2', 5, 6, D]] }]), { key: 'tableDuplicateHeader', location: /^Ark 'Mål', celle B1 og C1$/ }),
  bad('dobbelt-kode.xlsx', () => workbook([{ name: 'Mål', rows: [['Kode', 'Status', 'Målkode', 'Dato'], ['B1', 3, 'B2', D]] }]), { key: 'tableDuplicateHeader' }),
  bad('dobbelt-maal.xlsx', () => workbook([{ name: 'Mål', rows: [['Kode', 'Mål i perioden', 'Status', 'Måltal', 'Dato'], ['B1', 22, 3, 23, D]] }]), { key: 'tableDuplicateHeader' }),
  bad('formel-uden-resultat.xlsx', goals([['B1', 'a', 22, { formula: 'C2-19' } as Cell, D]]), { key: 'cellFormulaNoResult', location: /^Ark 'Mål', celle D2$/ }),
  ok('formel-med-resultat.xlsx', goals([['B1', 'a', 22, { formula: 'C2-19', result: 3 } as Cell, D]])),
  bad('fejlcelle-div0.xlsx', goals([['B1', 'a', 22, { error: '#DIV/0!' } as Cell, D]]), { key: 'cellError', message: /#DIV\/0!/ }),
  bad('fejlcelle-na.xlsx', goals([['B1', 'a', { error: '#N/A' } as Cell, 3, D]]), { key: 'cellError' }),
  ok('flettede-celler.xlsx', goals([['B1', 'a', 22, 3, D], ['B2', 'b', 10, 4, D]], { merges: ['B2:B3'] })),
  ok('flettet-overskrift.xlsx', () => workbook([{ name: 'Mål', rows: [['Statusrapport 2022'], HEAD, ['B1', 'a', 22, 3, D]], merges: ['A1:E1'] }])),
  bad('sandhedsvaerdi.xlsx', goals([['B1', 'a', 22, true, D]]), { key: 'cellNotNumber' }),
  bad('dato-som-status.xlsx', goals([['B1', 'a', 22, new Date(Date.UTC(2022, 11, 2)), D]]), { key: 'cellNotNumber' }),
  bad('tvetydigt-tal.xlsx', goals([['B1', 'a', 22, '1.5', D]]), { key: 'cellBadNumber', location: /^Ark 'Mål', celle D2$/ }),
  ok('tal-som-tekst.xlsx', goals([['B4', 'a', '19.037', '19.037', D]])),
  bad('umulig-dato.xlsx', goals([['B1', 'a', 22, 3, '31.02.2022']]), { key: 'cellBadDate' }),
  ok('serienummer-dato.xlsx', goals([['B1', 'a', 22, 3, 44897]])),
  ok('rig-tekst.xlsx', goals([[{ richText: [{ text: 'B' }, { text: '1' }] } as Cell, { richText: [{ text: 'Antal ' }, { text: 'deltagere' }] } as Cell, 22, 3, D]])),
  ok('hyperlink.xlsx', goals([['B1', { text: 'Antal', hyperlink: 'https://example.org' } as Cell, 22, 3, D]])),
  ok('to-tabeller.xlsx', () => workbook([{ name: 'Mål', rows: [HEAD, ['A1', 'a', 3, 3, D], [], ['Output'], HEAD, ['B1', 'b', 22, 3, D]] }])),
  ok('flyttet-langt-ned.xlsx', () => workbook([{ name: 'Mål', at: 500, col: 30, rows: [HEAD, ['B1', 'a', 22, 3, D]] }])),
  ok('bred-raekke.xlsx', () => workbook([{ name: 'Mål', rows: [[...HEAD, ...Array(3000).fill(null), 'langt ude'], ['B1', 'a', 22, 3, D, ...Array(3000).fill(null), 'x']] }])),
  ok('sidste-raekke.xlsx', () => workbook([{ name: 'Mål', rows: [HEAD, ['B1', 'a', 22, 3, D]] }, { name: 'Bund', at: 1_048_575, rows: [HEAD, ['B2', 'b', 10, 4, D]] }])),
  ok('lang-beskrivelse.xlsx', goals([['B1', 'x'.repeat(30_000), 22, 3, D]])),
  ok('arknavn-citat.xlsx', () => workbook([{ name: "Mål's tal", rows: [HEAD, ['B1', 'a', 22, 3, D], ['Note: x']] }]), { location: /^Ark 'Mål's tal', række 3$/ }),
  ok('arknavn-unicode.xlsx', () => workbook([{ name: 'Mål 🚦 øæå', rows: [HEAD, ['B1', 'a', 22, 3, D]] }])),
  ok('mange-maal.xlsx', goals(Array.from({ length: 300 }, (_, i) => [`B${i + 1}`, `Mål ${i + 1}`, 100, i % 100, D]))),
  bad('for-mange-punkter.xlsx', goals(Array.from({ length: 3000 }, (_, i) => [`B${i + 1}`, `Mål ${i + 1}`, 100, 50, D])), { key: 'fileTooManyItems' }),
  bad('kun-overskrift.xlsx', () => workbook([{ name: 'Mål', rows: [HEAD] }]), { key: 'workbookEmptyTables' }),
  bad('ingen-tabeller.xlsx', () => workbook([{ name: 'Noter', rows: [['Bare tekst'], ['mere tekst']] }]), { key: 'workbookNoTables' }),
  bad('tom-projektmappe.xlsx', () => workbook([{ name: 'Ark1', rows: [] }]), { key: 'workbookEmpty' }),
  bad('ingen-ark.xlsx', () => workbook([])),
  bad('budget-to-raekker.xlsx', () => workbook([{ name: 'Budget', rows: [['Totalt budget', 'Forbrug d.d.', 'Måneder i alt', 'Måneder forløbet', 'Dato'], [100, 50, 12, 6, D], [100, 60, 12, 7, D]] }]), { key: 'progressExtraRow' }),
  ok('budget-i-alt.xlsx', () => workbook([{ name: 'Budget', rows: [['Totalt budget', 'Forbrug d.d.', 'Måneder i alt', 'Måneder forløbet', 'Dato'], [100, 50, 12, 6, D], ['I alt']] }])),
  ok('spoergeskema-i-alt.xlsx', () => workbook([{ name: 'Spørgeskema', rows: [['Gruppe', 'Udsagn', 'Positive svar', 'Antal besvarelser', 'Skala'], ['v', 'Godt', 9, 10, 5], [null, 'I alt', 9, 10, null]] }]), { key: 'rowTotalsSkipped' }),
  bad('spoergeskema-umuligt.xlsx', () => workbook([{ name: 'Spørgeskema', rows: [['Udsagn', 'Positive svar', 'Antal besvarelser'], ['Godt', 11, 10]] }]), { key: 'surveyImpossible' }),
  bad('svar-uden-for-skala.xlsx', () => workbook([{ name: 'Svar', rows: [['Skala', 5], ['Respondent', 'Godt'], [1, 4], [2, 9]] }]), { key: 'answersOffScale' }),
  bad('svar-uden-skala.xlsx', () => workbook([{ name: 'Svar', rows: [['Respondent', 'Godt'], [1, 4]] }]), { key: 'answersNoScale' }),
];
