import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { parseFile } from '../../../electron/import/parseFile';
import { applyImport, previewImport } from '../../../electron/import/service';
import { openPortfolioStore } from '../../../electron/storage';
import { expect003, expectMidterm } from '../../unit/import/expectations';
import { HEADSTART_BLOCKS, midtermBlocks } from '../../fixtures/reports/tables';
import { pdfFromBlocks, type PdfTableLayout } from './build';

/**
 * Evaluation reports printed to PDF from Word: the goal, budget and time tables are tables
 * whose columns only the x positions of their text show (issue 10, points 1 and 2). The PDFs
 * are drawn with pdf-lib, each cell's text inside its column, and read by pdfjs through
 * parseFile as the import does.
 */

const where = (items: { type: string; source: { location: string } }[], type: string) =>
  Object.fromEntries(items.filter((i) => i.type === type).map((i) => ['code' in i ? (i.code as string) : 'field' in i ? (i.field as string) : '', i.source.location]));

describe("an evaluation report in 003's layout printed to PDF with its tables", () => {
  it('reads every goal, figure and fact at its page and line', async () => {
    const parsed = await parseFile(await pdfFromBlocks(HEADSTART_BLOCKS), 'evaluering.pdf');
    expect(parsed.kind).toBe('evaluationReport');
    expect003(parsed.items, parsed.issues);
    expect(parsed.issues).toEqual([expect.objectContaining({ severity: 'warning', location: 'side 2, linje 22' })]);
    // A goal is the lines of its row, its wrapped description included; its status the line its figures stand on.
    expect(where(parsed.items, 'goal')).toEqual({
      A1: 'side 1, linje 21–22',
      A2: 'side 1, linje 23–25',
      A3: 'side 1, linje 26–29',
      A4: 'side 1, linje 30',
      B1: 'side 1, linje 42',
      B2: 'side 1, linje 43',
      B4: 'side 1, linje 44–45',
      C1: 'side 2, linje 19–21',
      C2: 'side 2, linje 22–24',
    });
    expect(where(parsed.items, 'status')).toMatchObject({ A1: 'side 1, linje 21', B4: 'side 1, linje 44', C2: 'side 2, linje 22' });
    expect(where(parsed.items, 'fact')).toMatchObject({ grantRecipient: 'side 1, linje 9', totalBudgetKr: 'side 1, linje 13', periodEnd: 'side 1, linje 14' });
    expect(where(parsed.items, 'progress')).toEqual({ '': 'side 1, linje 35 - side 1, linje 36' });
    const c1 = parsed.items.find((i) => i.type === 'goal' && i.code === 'C1');
    expect(c1).toMatchObject({ description: 'Internationale højtuddannede som kommer i job i midtjydske virksomheder via de internationale tiltrækningsforløb.' });
  });

  it.each<[string, PdfTableLayout]>([
    ['figures right-aligned under left-aligned headers', { figures: 'right' }],
    ['short cells centred vertically in their rows', { vertical: 'middle' }],
    ['both', { figures: 'right', vertical: 'middle' }],
  ])('reads the same with %s', async (_, layout) => {
    const parsed = await parseFile(await pdfFromBlocks(HEADSTART_BLOCKS, layout), 'evaluering.pdf');
    expect003(parsed.items, parsed.issues);
  });
});

describe('a midterm report in PDF whose B2 has target 22 and no status (issue 10, point 1)', () => {
  it.each([
    ['-', '-'],
    ['–', '–'],
    ['—', '—'],
    ['n/a', 'n/a'],
    ['ikke opgjort', 'ikke opgjort'],
    ['*', '*'],
    ['', ''],
    ['', '–'],
  ] as [string, string][])('status "%s", percent "%s": target 22 read, no status stored, a warning at its line; the totals row skipped', async (status, percent) => {
    for (const layout of [{}, { figures: 'right' as const }]) {
      const parsed = await parseFile(await pdfFromBlocks(midtermBlocks([status, percent]), layout), 'midtvejs.pdf');
      const { b2, totals } = expectMidterm(parsed.items, parsed.issues);
      expect(b2.location).toBe('side 1, linje 16');
      expect(totals.location).toBe('side 1, linje 18');
    }
  });

  it('imports into a new project: B2 gets its target and no status report', async () => {
    const store = await openPortfolioStore(path.join(mkdtempSync(path.join(tmpdir(), 'trafiklys-pdf-')), 'p.sqlite'));
    const preview = await previewImport(store, [{ name: 'midtvejs.pdf', bytes: await pdfFromBlocks(midtermBlocks(['', ''])) }]);
    expect(preview.canApply).toBe(true);
    const result = await applyImport(store, { projectId: null, items: preview.items, newEvaluation: { type: 'midterm', date: '2024-06-15' } });
    expect(result.written).toMatchObject({ goal: 4, status: 3 });
    const goals = await store.listGoals(result.projectId);
    const b2 = goals.find((g) => g.code === 'B2')!;
    expect(b2).toMatchObject({ targetInPeriod: 22, description: 'Antal medarbejdere i efteruddannelse i forløb' });
    const reports = await store.listStatusReports(result.projectId);
    expect(reports.filter((r) => r.goalId === b2.id)).toEqual([]);
    expect(reports.find((r) => r.goalId === goals.find((g) => g.code === 'B3')!.id)).toMatchObject({ value: 9, source: { file: 'midtvejs.pdf', location: 'side 1, linje 17' } });
    await store.close();
  });
});

/** A PDF of text runs drawn where we say: each line is [x, text] runs on one baseline. */
async function pdfOfRuns(lines: [number, string][][]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  lines.forEach((runs, k) => {
    for (const [x, text] of runs) page.drawText(text, { x, y: 800 - k * 12, size: 9, font });
  });
  return doc.save();
}

/** A goal table: description from x 45, "Målsætning" at 295, "Status" at 375, "Procentvis målopnåelse" at 455; figures centred in their columns. */
const HEADER: [number, string][] = [
  [295, 'Målsætning'],
  [375, 'Status'],
  [455, 'Procentvis'],
];
const row = (label: string, target: string, status: string, percent: string): [number, string][] =>
  [
    [45, label] as [number, string],
    [330, target] as [number, string],
    [410, status] as [number, string],
    [480, percent] as [number, string],
  ].filter(([, t]) => t !== '');
const NOTE: [number, string][] = [[40, 'Note: Tallene er indrapporteret af projektholder 01.03.2024.']];

describe('PDF goal tables: where a number stands decides its column, and where it cannot, the reader says so', () => {
  it('a description that ends in a number keeps it; the figure under "Målsætning" is the target', async () => {
    const parsed = await parseFile(
      await pdfOfRuns([[[40, 'Figur 5 Outputmål']], HEADER, [[455, 'målopnåelse']], row('B1: Antal deltagere i forløb 22', '30', '', ''), row('B2: Hold på niveau 2', '12', '9', '75 %'), NOTE]),
      'r.pdf',
    );
    expect(parsed.items.filter((i) => i.type === 'goal').map((g) => g.type === 'goal' && [g.code, g.description, g.targetInPeriod])).toEqual([
      ['B1', 'Antal deltagere i forløb 22', 30],
      ['B2', 'Hold på niveau 2', 12],
    ]);
    expect(parsed.items.filter((i) => i.type === 'status').map((s) => s.type === 'status' && [s.code, s.value, s.computedPercent])).toEqual([['B2', 9, 75]]);
    expect(parsed.issues).toEqual([expect.objectContaining({ severity: 'warning', location: 'side 1, linje 4', message: expect.stringContaining('B1: ingen status') })]);
  });

  it('a number between two columns, under neither header, is an error with its place; the other rows are read', async () => {
    const parsed = await parseFile(
      await pdfOfRuns([HEADER, row('B1: Antal deltagere', '30', '20', '67 %'), [[45, 'B2: Antal virksomheder'], [360, '22']], row('B3: Kurser', '4', '2', '50 %'), NOTE]),
      'r.pdf',
    );
    expect(parsed.issues.filter((i) => i.severity === 'error').map((i) => [i.location, i.message])).toEqual([
      ['side 1, linje 3', 'Målet B2: tallet "22" står mellem kolonnerne "Målsætning" og "Status", så det kan ikke afgøres, hvilken af dem det hører til.'],
    ]);
    expect(parsed.items.filter((i) => i.type === 'goal').map((g) => g.type === 'goal' && g.code)).toEqual(['B1', 'B3']);
  });

  it('a number under two headers at once is an error with its place; a figure beside it in x is placed by its row', async () => {
    const parsed = await parseFile(await pdfOfRuns([HEADER, row('B1: Antal deltagere', '30', '20', '67 %'), [[45, 'B2: Antal virksomheder'], [330, '10'], [400, '1.234.567.890']], NOTE]), 'r.pdf');
    expect(parsed.issues.filter((i) => i.severity === 'error').map((i) => [i.location, i.message])).toEqual([
      ['side 1, linje 3', 'Målet B2: tallet "1.234.567.890" står mellem kolonnerne "Status" og "Procentvis", så det kan ikke afgøres, hvilken af dem det hører til.'],
    ]);
    // B1's 20 shares its x range with that number, but stands between its row's target and percent: the status.
    expect(parsed.items.filter((i) => i.type === 'status').map((s) => s.type === 'status' && [s.code, s.value, s.printedPercent])).toEqual([['B1', 20, 67]]);
  });

  it('a number right of the last column is an error with its place', async () => {
    const parsed = await parseFile(await pdfOfRuns([HEADER, row('B1: Antal deltagere', '30', '20', '67 %'), [...row('B2: Antal virksomheder', '10', '5', '50 %'), [540, '7']], NOTE]), 'r.pdf');
    expect(parsed.issues.filter((i) => i.severity === 'error').map((i) => [i.location, i.message])).toEqual([
      ['side 1, linje 3', 'Målet B2: tallet "7" står til højre for den sidste kolonne ("Procentvis") under ingen overskrift, så det kan ikke afgøres, hvilken kolonne det hører til.'],
    ]);
  });

  it('a description that runs into the target column and ends in a number: the number could be either, said with its place', async () => {
    const parsed = await parseFile(
      await pdfOfRuns([HEADER, row('B1: Antal deltagere', '30', '20', '67 %'), [[45, 'B2: Antal medarbejdere i efteruddannelse i forløb på tekniske kurser 22'], [410, '5']], NOTE]),
      'r.pdf',
    );
    expect(parsed.issues.filter((i) => i.severity === 'error').map((i) => [i.location, i.message])).toEqual([
      ['side 1, linje 3', 'Målet B2: tallet "22" står mellem kolonnerne "beskrivelse" og "Målsætning", så det kan ikke afgøres, hvilken af dem det hører til.'],
    ]);
  });

  it('a totals row and a row without a code are said with their places', async () => {
    const parsed = await parseFile(await pdfOfRuns([HEADER, row('B1: Antal deltagere', '30', '20', '67 %'), row('Gennemsnit', '', '', '67 %'), row('Antal hold', '4', '2', '50 %'), NOTE]), 'r.pdf');
    expect(parsed.issues.map((i) => [i.severity, i.location, i.message])).toEqual([
      ['warning', 'side 1, linje 3', 'Rækken "Gennemsnit" er en sumrække og ikke et mål; den er sprunget over.'],
      ['error', 'side 1, linje 4', 'Rækken har tal, men ingen målkode.'],
    ]);
  });

  it('a budget and time table with a figure between columns is an error naming the row', async () => {
    const parsed = await parseFile(
      await pdfOfRuns([
        [[245, 'Totalt budget'], [325, 'Forbrug d.d.'], [405, 'Procentvist forbrug']],
        [[45, 'Budgetforbrug (mio. DKK)'], [305, '18'], [427, '90 %']],
        [[45, 'Tidsforbrug (måneder)'], [275, '47'], [355, '40'], [427, '85 %']],
        [[40, 'Note: Budgetforbruget er indrapporteret af projektholder 01.03.2024.']],
      ]),
      'r.pdf',
    );
    expect(parsed.issues.filter((i) => i.severity === 'error').map((i) => [i.location, i.message])).toEqual([
      ['side 1, linje 2', 'Budgetforbrug: tallet "18" står mellem kolonnerne "Totalt budget" og "Forbrug d.d.", så det kan ikke afgøres, hvilken af dem det hører til.'],
    ]);
    expect(parsed.items.filter((i) => i.type === 'progress')).toEqual([expect.objectContaining({ budgetTotalKr: null, monthsTotal: 47, monthsElapsed: 40, reportedAt: '2024-03-01' })]);
  });
});
