import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createAppServices, type AppServices } from '../../../electron/services';
import { createDemoPortfolio } from '../../../electron/services/demo';
import { resourcesDir } from '../../../electron/resources';
import { exportEvaluation, layoutEvaluationWorkbook, EVALUATION_SHEETS } from '../../../electron/export';
import type { CellRef } from '../../../electron/export/evaluationWorkbook';
import { MEASURES_SHEET } from '../../../electron/export/measuresSheet';
import { readProjectMeasures, type ProjectMeasures } from '../../../electron/services/projectMeasures';
import { checkSoffice, recalcWorkbooks, sofficeAvailable, SOFFICE_REQUIRED, type RecalcSheet } from '../../helpers/recalc';

/**
 * The sheet "Andele og business case" (issue 14) of the demo's seed projects 000 (Future Talent
 * Denmark: 68 % against 31 %, Danmarks Statistik 2018) and 002 (Talent Management: 30 of 124, the
 * business case), each given a round: recalculated by LibreOffice, every figure must be the
 * engine's. A copy with a corrected count and the number of citizens filled in shows the formulas
 * are live (the cached results would still show the old figures).
 */

const HAS_SOFFICE = sofficeAvailable();
const FTD = 'Future Talent Denmark';
const TM = 'Talent Management';

interface Book {
  file: string;
  cells: Record<string, CellRef>;
  measures: ProjectMeasures;
}

let dir: string;
const books: Record<string, Book> = {};
let edited: string;
let roundless: string;
let sheets: Map<string, Map<string, RecalcSheet>>;

async function exportWithRound(services: AppServices, name: string): Promise<Book> {
  const project = (await services.store.findProjectByName(name))!;
  const round = await services.portfolio.createEvaluation({ projectId: project.id, type: 'final', date: '2023-01-15', evaluator: 'Test', acceptWarnings: true });
  const file = join(dir, `${name.replace(/\s+/g, '-')}.xlsx`);
  await exportEvaluation(services, { projectId: project.id, evaluationId: round.id, outPath: file });
  // Where each figure sits: the same layout the export wrote.
  const detail = await services.portfolio.projectDetail(project.id);
  const { cells } = layoutEvaluationWorkbook(detail, await services.portfolio.evaluationDetail(round.id), [], await services.store.getBusinessCase(project.id));
  return { file, cells, measures: await readProjectMeasures(services.store, project.id) };
}

function value(book: string, ref: CellRef | undefined): string {
  if (!ref) throw new Error(`cellen findes ikke i ${book}`);
  return sheets.get(book)!.get(ref.sheet)!.get(ref.address);
}

const num = (text: string) => (text === '' ? null : Number(text));

beforeAll(async () => {
  if (!checkSoffice()) return;
  dir = mkdtempSync(join(tmpdir(), 'trafiklys-measures-wb-'));
  const db = join(dir, 'demo.sqlite');
  await createDemoPortfolio(db, resourcesDir());
  const services = await createAppServices({ dbPath: db });
  try {
    // Before any round: the project workbook of seed 002 (goals, shares, business case; no lights).
    const tm = (await services.store.findProjectByName(TM))!;
    roundless = join(dir, 'Talent-Management-no-round.xlsx');
    await exportEvaluation(services, { projectId: tm.id, outPath: roundless });
    books[FTD] = await exportWithRound(services, FTD);
    // C1 given a percent target (the e-book prints none): attainment = share / target, on the effect sheet too.
    const c1 = (await services.store.listGoals(tm.id)).find((g) => g.code === 'C1')!;
    await services.goals.updateGoal(c1.id, { targetInPeriod: 25 });
    books[TM] = await exportWithRound(services, TM);
  } finally {
    await services.close();
  }
  // The evaluator corrects C1 to 31 of 124 and fills in the number of citizens (30).
  const tm = books[TM];
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(tm.file);
  const ws = wb.getWorksheet(MEASURES_SHEET)!;
  ws.getCell(tm.cells['share.C1.numerator'].address).value = 31;
  ws.getCell(tm.cells['businessCase.citizens'].address).value = 30;
  edited = join(dir, 'Talent-Management-edited.xlsx');
  await wb.xlsx.writeFile(edited);
  const names = new Map([books[FTD].file, tm.file, edited, roundless].map((f) => [f, f === roundless ? [MEASURES_SHEET] : [MEASURES_SHEET, EVALUATION_SHEETS.effect]]));
  sheets = recalcWorkbooks([books[FTD].file, tm.file, edited, roundless], names);
}, 240_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!HAS_SOFFICE && !SOFFICE_REQUIRED)('the sheet "Andele og business case", recalculated by LibreOffice', () => {
  it('sits after the effect sheet, landscape', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(books[TM].file);
    const names = wb.worksheets.map((w) => w.name);
    expect(names.indexOf(MEASURES_SHEET)).toBe(names.indexOf(EVALUATION_SHEETS.effect) + 1);
    expect(wb.getWorksheet(MEASURES_SHEET)!.pageSetup.orientation).toBe('landscape');
  });

  it("states Talent Management's shares as the engine computes them: 30 of 124 = 24 %", () => {
    const { cells, measures, file } = books[TM];
    expect(measures.shares.length).toBeGreaterThan(0);
    for (const s of measures.shares) {
      expect(num(value(file, cells[`share.${s.code}.numerator`]))).toBe(s.numerator);
      expect(num(value(file, cells[`share.${s.code}.denominator`]))).toBe(s.denominator);
      expect(num(value(file, cells[`share.${s.code}.percent`]))).toBeCloseTo(s.percent!, 9);
      expect(value(file, cells[`share.${s.code}.remark`]) !== '').toBe(s.printedDiffers);
    }
    const c1 = measures.shares.find((s) => s.code === 'C1')!;
    expect([c1.numerator, c1.denominator, c1.displayPercent]).toEqual([30, 124, 24]);
    expect(Math.round(num(value(file, cells['share.C1.percent']))!)).toBe(24);
  });

  it("states Future Talent Denmark's comparison: 68 % against 31 %, +37 points", () => {
    const { cells, measures, file } = books[FTD];
    const c1 = measures.comparisons.find((c) => c.code === 'C1')!;
    expect([c1.reached, c1.comparison, c1.difference, c1.source, c1.year]).toEqual([68, 31, 37, 'Danmarks Statistik', 2018]);
    for (const c of measures.comparisons) {
      expect(num(value(file, cells[`comparison.${c.code}.reached`]))).toBeCloseTo(c.reached!, 9);
      expect(num(value(file, cells[`comparison.${c.code}.difference`]))).toBeCloseTo(c.difference!, 9);
    }
    expect(books[FTD].measures.businessCase).toBeNull();
  });

  it("computes Talent Management's business case as the engine does, payback to 2 decimals", () => {
    const { cells, measures, file } = books[TM];
    const bc = measures.businessCase!;
    expect(num(value(file, cells['businessCase.savingPerCitizenKr']))).toBe(bc.result.savingPerCitizenKr);
    expect(bc.result.savingPerCitizenKr).toBe(68349);
    expect(num(value(file, cells['businessCase.paybackYears']))).toBeCloseTo(bc.result.paybackYears!, 9);
    // No number of citizens in the e-book: no total, and the sheet says why.
    expect(bc.result.totalSavingKr).toBeNull();
    expect(value(file, cells['businessCase.totalSavingKr'])).toBe('');
    expect(value(file, cells['businessCase.totalSavingKr.remark'])).toBe('Kan ikke beregnes, mangler: Antal borgere');
    expect(value(file, cells['businessCase.savingPerCitizenKr.remark'])).toBe('');
  });

  it('recalculates from corrected inputs: the share, the total saving and the remark follow', () => {
    const { cells } = books[TM];
    expect(num(value(edited, cells['share.C1.percent']))).toBeCloseTo((31 / 124) * 100, 9);
    expect(num(value(edited, cells['businessCase.totalSavingKr']))).toBe(68349 * 30);
    expect(value(edited, cells['businessCase.totalSavingKr.remark'])).toBe('');
  });

  it('is in the workbook of a project without a round too, with the same figures and no lights', async () => {
    const { cells, measures } = books[TM];
    expect(num(value(roundless, cells['share.C1.percent']))).toBeCloseTo(measures.shares.find((s) => s.code === 'C1')!.percent!, 9);
    expect(num(value(roundless, cells['businessCase.savingPerCitizenKr']))).toBe(68349);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(roundless);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Resumé', 'Mål', MEASURES_SHEET]);
    expect(String(wb.getWorksheet('Resumé')!.getCell('A4').value)).toContain('ingen evalueringsrunde');
    expect(wb.getWorksheet(EVALUATION_SHEETS.legend)).toBeUndefined();
  });

  it("computes a share goal's attainment on the effect sheet as the engine does: share / target percent", () => {
    const { cells, file, measures } = books[TM];
    const c1 = measures.shares.find((s) => s.code === 'C1')!;
    expect(c1.attainment).toBe(97);
    expect(num(value(file, cells['goal.C1.percent']))).toBeCloseTo(((30 / 124) * 100 * 100) / 25, 9);
  });
});
