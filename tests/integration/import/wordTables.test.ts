import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { parseFile } from '../../../electron/import/parseFile';
import { applyImport, previewImport } from '../../../electron/import/service';
import { openPortfolioStore } from '../../../electron/storage';
import { expect003, expect004, expectMidterm } from '../../unit/import/expectations';
import { FIXTURE_004, readFixture } from '../../unit/import/seeds';
import { HEADSTART_BLOCKS, midtermBlocks, type FixtureBlock } from '../../fixtures/reports/tables';
import { docxFromBlocks } from './build';

/**
 * Evaluation reports written in Word: the fact box, goal, budget and time tables and survey
 * tables are Word tables, one value per cell (issue 10, point 2), read through parseFile as
 * the import does.
 */

const of = <T extends string>(items: { type: string }[], type: T) => items.filter((i) => i.type === type) as never[];
const where = (items: { type: string; source: { location: string } }[], type: string, key: (i: never) => string) =>
  Object.fromEntries(items.filter((i) => i.type === type).map((i) => [key(i as never), i.source.location]));

describe('an evaluation report in 003\'s layout with Word tables', () => {
  it.each([
    ['line breaks', false],
    ['paragraphs', true],
  ])('reads every goal, fact, figure, survey row and place (cells with %s)', async (_, cellLinesAsParagraphs) => {
    const parsed = await parseFile(await docxFromBlocks(HEADSTART_BLOCKS, { cellLinesAsParagraphs }), 'evaluering.docx');
    expect(parsed.kind).toBe('evaluationReport');
    expect003(parsed.items, parsed.issues);
    expect(parsed.issues).toEqual([expect.objectContaining({ severity: 'warning', location: 'tabel 8, række 3, celle 5' })]);
    expect(where(parsed.items, 'fact', (f: { field: string }) => f.field)).toEqual({
      name: 'afsnit 1',
      grantRecipient: 'tabel 2, række 2, celle 2',
      caseOfficer: 'tabel 2, række 3, celle 2',
      fundingSource: 'tabel 2, række 4, celle 2',
      priorityAxis: 'tabel 2, række 5, celle 2',
      totalBudgetKr: 'tabel 2, række 6, celle 2',
      periodStart: 'tabel 2, række 7, celle 2',
      periodEnd: 'tabel 2, række 7, celle 2',
    });
    expect(where(parsed.items, 'goal', (g: { code: string }) => g.code)).toEqual({
      A1: 'tabel 3, række 2',
      A2: 'tabel 3, række 3',
      A3: 'tabel 3, række 4',
      A4: 'tabel 3, række 5',
      B1: 'tabel 5, række 2',
      B2: 'tabel 5, række 3',
      B4: 'tabel 5, række 4',
      C1: 'tabel 8, række 2',
      C2: 'tabel 8, række 3',
    });
    expect(where(parsed.items, 'status', (s: { code: string }) => s.code)).toMatchObject({ A1: 'tabel 3, række 2, celle 3', B4: 'tabel 5, række 4, celle 3', C2: 'tabel 8, række 3, celle 4' });
    expect(of(parsed.items, 'progress').map((p: { source: { location: string } }) => p.source.location)).toEqual(['tabel 4, række 2 - tabel 4, række 3']);
    expect(of(parsed.items, 'survey').map((s: { source: { location: string } }) => s.source.location)).toEqual([
      'tabel 6, række 2',
      'tabel 6, række 3',
      'tabel 7, række 2',
      'tabel 7, række 3',
      'tabel 7, række 4',
    ]);
    expect(of(parsed.items, 'scoreAverage').map((s: { source: { location: string } }) => s.source.location)).toEqual(['tabel 1, række 2']);
  });

  it.each([
    ['-', '-'],
    ['–', '–'],
    ['—', '—'],
    ['n/a', 'n/a'],
    ['ikke opgjort', 'ikke opgjort'],
    ['*', '*'],
    ['', ''],
    ['', '–'],
  ] as [string, string][])('a midterm report whose B2 has target 22 and status "%s", percent "%s": read, no status stored, a warning at its cell', async (status, percent) => {
    const parsed = await parseFile(await docxFromBlocks(midtermBlocks([status, percent])), 'midtvejs.docx');
    const { b2, totals } = expectMidterm(parsed.items, parsed.issues);
    expect(b2.location).toBe('tabel 2, række 3, celle 3');
    expect(totals.location).toBe('tabel 2, række 5');
  });

  it('imports the midterm report into a new project: B2 gets its target and no status report', async () => {
    const store = await openPortfolioStore(path.join(mkdtempSync(path.join(tmpdir(), 'trafiklys-word-')), 'p.sqlite'));
    const preview = await previewImport(store, [{ name: 'midtvejs.docx', bytes: await docxFromBlocks(midtermBlocks(['', ''])) }]);
    expect(preview.canApply).toBe(true);
    const result = await applyImport(store, { projectId: null, items: preview.items, newEvaluation: { type: 'midterm', date: '2024-06-15' } });
    expect(result.written).toMatchObject({ goal: 4, status: 3 });
    const goals = await store.listGoals(result.projectId);
    const b2 = goals.find((g) => g.code === 'B2')!;
    expect(b2).toMatchObject({ targetInPeriod: 22, description: 'Antal medarbejdere i efteruddannelse i forløb' });
    const reports = await store.listStatusReports(result.projectId);
    expect(reports.filter((r) => r.goalId === b2.id)).toEqual([]);
    expect(reports.find((r) => r.goalId === goals.find((g) => g.code === 'B3')!.id)).toMatchObject({ value: 9, source: { file: 'midtvejs.docx', location: 'tabel 2, række 4, celle 3' } });
    await store.close();
  });
});

const goalTable = (rows: string[][]): FixtureBlock => ({ table: { widths: [200, 80, 80, 80], rows: [['', 'Målsætning', 'Status', 'Procentvis målopnåelse'], ...rows] } });
const note: FixtureBlock = { p: 'Note: Tallene er indrapporteret af projektholder 01.03.2024.' };

describe('Word goal tables: what is not a goal, and what cannot be read', () => {
  it('a row with figures but no code, and a figure that is no number, are errors at their cells', async () => {
    const parsed = await parseFile(await docxFromBlocks([goalTable([['B1: Antal deltagere', '25.6', '20', '78 %'], ['Antal virksomheder', '10', '5', '50 %'], ['B3: Kurser', '4', '2', '50 %']]), note]), 'r.docx');
    expect(parsed.issues.filter((i) => i.severity === 'error').map((i) => [i.location, i.message])).toEqual([
      ['tabel 1, række 2, celle 2', expect.stringMatching(/^Målet B1, målsætning: Kan ikke læse tallet "25\.6"/)],
      ['tabel 1, række 3, celle 1', 'Rækken har tal, men ingen målkode.'],
    ]);
    expect(parsed.items.filter((i) => i.type === 'goal').map((g) => g.type === 'goal' && g.code)).toEqual(['B3']);
  });

  it('a code and a description in columns of their own', async () => {
    const table: FixtureBlock = {
      table: {
        widths: [40, 200, 80, 80],
        rows: [
          ['Kode', 'Beskrivelse', 'Mål i projektperioden', 'Status'],
          ['B1', 'Antal deltagere i forløb 22', '30', '–'],
          ['B2', 'Antal virksomheder', '10', '7'],
        ],
      },
    };
    const parsed = await parseFile(await docxFromBlocks([table, note]), 'r.docx');
    expect(parsed.items.filter((i) => i.type === 'goal').map((g) => g.type === 'goal' && [g.code, g.description, g.targetInPeriod])).toEqual([
      ['B1', 'Antal deltagere i forløb 22', 30],
      ['B2', 'Antal virksomheder', 10],
    ]);
    expect(parsed.items.filter((i) => i.type === 'status').map((s) => s.type === 'status' && [s.code, s.value, s.computedPercent, s.reportedAt])).toEqual([['B2', 7, 70, '2024-03-01']]);
    expect(parsed.issues).toEqual([expect.objectContaining({ severity: 'warning', location: 'tabel 1, række 2, celle 4', message: expect.stringContaining('B1: ingen status') })]);
  });

  it('a goal both in a table and in a paragraph is one goal; different figures are an error naming both places', async () => {
    const same = await parseFile(await docxFromBlocks([{ p: 'B1: Antal deltagere 256 219 86 %' }, goalTable([['B1: Antal deltagere', '256', '219', '86 %']]), note]), 'r.docx');
    expect(same.items.filter((i) => i.type === 'goal' || i.type === 'status').map((i) => `${i.type} ${i.source.location}`)).toEqual(['goal tabel 1, række 2', 'status tabel 1, række 2, celle 3']);
    expect(same.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const differ = await parseFile(await docxFromBlocks([{ p: 'B1: Antal deltagere 250 200 80 %' }, goalTable([['B1: Antal deltagere', '256', '219', '86 %']]), note]), 'r.docx');
    expect(differ.issues.filter((i) => i.severity === 'error')).toEqual([
      expect.objectContaining({ location: 'afsnit 1', message: 'Målet B1 står to steder i filen med forskellige tal: tabel 1, række 2 (256 / – / 219) og afsnit 1 (250 / – / 200).' }),
    ]);
  });

  it('a paragraph that starts with a goal code the table holds is no "goal without figures"', async () => {
    const parsed = await parseFile(await docxFromBlocks([goalTable([['B1: Antal deltagere', '256', '219', '86 %']]), note, { p: 'B1: Antal deltagere tæller tilflyttere, der har deltaget i projektets aktiviteter.' }]), 'r.docx');
    expect(parsed.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(parsed.items.filter((i) => i.type === 'goal')).toHaveLength(1);
  });

  it('merged cells keep the columns: a title over the fact box, a goal code spanning two rows', async () => {
    const cell = (text: string, span: { columnSpan?: number; rowSpan?: number } = {}) => new TableCell({ children: [new Paragraph({ text })], ...span });
    const doc = new Document({
      sections: [
        {
          children: [
            new Table({
              rows: [
                new TableRow({ children: [cell('FAKTA-BOKS', { columnSpan: 2 })] }),
                new TableRow({ children: [cell('Tilskudsmodtager'), cell('Aarhus Kommune')] }),
              ],
            }),
            new Table({
              rows: [
                new TableRow({ children: [cell(''), cell('Målsætning'), cell('Status'), cell('Procentvis målopnåelse')] }),
                new TableRow({ children: [cell('B1: Antal deltagere', { rowSpan: 2 }), cell('256'), cell('219'), cell('86 %')] }),
                new TableRow({ children: [cell('10'), cell('5'), cell('50 %')] }),
                new TableRow({ children: [cell('B2: Antal virksomheder'), cell('90'), cell('87'), cell('97 %')] }),
              ],
            }),
            new Paragraph({ text: 'Note: indrapporteret af projektholder 01.03.2024.' }),
          ],
        },
      ],
    });
    const parsed = await parseFile(new Uint8Array(await Packer.toBuffer(doc)), 'flettet.docx');
    expect(parsed.items.find((i) => i.type === 'fact' && i.field === 'grantRecipient')).toMatchObject({ value: 'Aarhus Kommune', source: { location: 'tabel 1, række 2, celle 2' } });
    expect(parsed.items.filter((i) => i.type === 'status').map((s) => s.type === 'status' && [s.code, s.value, s.source.location])).toEqual([
      ['B1', 219, 'tabel 2, række 2, celle 3'],
      ['B2', 87, 'tabel 2, række 4, celle 3'],
    ]);
    // The second row under B1's merged cell has figures but no code of its own: said, with its cell.
    expect(parsed.issues).toEqual([expect.objectContaining({ severity: 'error', location: 'tabel 2, række 3', message: 'Rækken har tal, men ingen målkode.' })]);
  });
});

describe('a fact box whose cells hold "Label: value"', () => {
  it('gives every fact, each at its cell', async () => {
    const facts = ['Tilskudsmodtager: Aarhus Kommune', 'Sagsbehandler: Annette Zeh', 'Finansieringskilde: Socialfonden (ESF)', 'Indsatsområde: Erhvervsuddannelse for voksne (ESF-4b)', 'Samlet budget: DKK 20,0 mio.', 'Bevillingsperiode: 01.01.2019 – 31.12.2022.'];
    const parsed = await parseFile(await docxFromBlocks([{ p: '1 Resumé: Tiltrækning af talent (Headstart)' }, { table: { widths: [400], rows: [['FAKTA-BOKS'], ...facts.map((f) => [f])] } }]), 'fakta.docx');
    expect(parsed.items.filter((i) => i.type === 'fact').map((f) => f.type === 'fact' && [f.field, f.value, f.source.location])).toEqual([
      ['name', 'Tiltrækning af talent (Headstart)', 'afsnit 1'],
      ['grantRecipient', 'Aarhus Kommune', 'tabel 1, række 2, celle 1'],
      ['caseOfficer', 'Annette Zeh', 'tabel 1, række 3, celle 1'],
      ['fundingSource', 'Socialfonden (ESF)', 'tabel 1, række 4, celle 1'],
      ['priorityAxis', 'Erhvervsuddannelse for voksne (ESF-4b)', 'tabel 1, række 5, celle 1'],
      ['totalBudgetKr', 20_000_000, 'tabel 1, række 6, celle 1'],
      ['periodStart', '2019-01-01', 'tabel 1, række 7, celle 1'],
      ['periodEnd', '2022-12-31', 'tabel 1, række 7, celle 1'],
    ]);
  });
});

describe('tables that are no report table are read as text', () => {
  it("an application laid out in a one-cell table still gives 004's goals, budget and financing", async () => {
    const lines = readFixture(FIXTURE_004).split('\n').filter((l) => l.trim() !== '');
    const parsed = await parseFile(await docxFromBlocks([{ table: { widths: [450], rows: [[lines.join('\n')]] } }], { cellLinesAsParagraphs: true }), 'ansøgning.docx');
    expect(parsed.kind).toBe('application');
    expect004(parsed.items, parsed.issues);
    expect(parsed.items.find((i) => i.type === 'budgetLine')!.source.location).toMatch(/^tabel 1, række 1, celle 1$/);
  });
});
