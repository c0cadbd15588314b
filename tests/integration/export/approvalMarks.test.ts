import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { openPortfolioStore, type PortfolioStore } from '../../../electron/storage';
import { servicesFor } from '../../../electron/services';
import { exportEvaluation } from '../../../electron/export';
import { applyImport, previewImport } from '../../../electron/import/service';
import { blankEvaluation } from '../../../shared/domain';
import type { ImportItem } from '../../../shared/import/items';
import { facts } from '../storage/helpers';

const dir = mkdtempSync(path.join(tmpdir(), 'trafiklys-approval-marks-'));
const enc = (s: string) => new TextEncoder().encode(s);

/** A project with B1 (status imported) and B2 (status entered by hand). */
async function project(store: PortfolioStore) {
  const p = await store.createProject({ ...facts(), name: 'Mærker' });
  const b1 = await store.createGoal({ projectId: p.id, level: 'B', code: 'B1', description: 'Deltagere', unit: 'personer', targetInPeriod: 100, targetAfterPeriod: null, direction: 'higher', baseline: null, position: 0 });
  const b2 = await store.createGoal({ projectId: p.id, level: 'B', code: 'B2', description: 'Virksomheder', unit: 'virksomheder', targetInPeriod: 20, targetAfterPeriod: null, direction: 'higher', baseline: null, position: 1 });
  await store.addStatusReport({ goalId: b2.id, value: 10, reportedAt: '2023-02-01', reportedBy: 'Sagsbehandler', source: { file: '', location: '' }, printedPercent: null });
  const preview = await previewImport(store, [{ name: 'status.csv', bytes: enc('Kode;Mål i perioden;Status;Dato\nB1;100;80;01.03.2023\n') }], { projectId: p.id });
  await applyImport(store, { projectId: p.id, items: preview.items, files: preview.files });
  return { p, b1, b2 };
}

async function exported(store: PortfolioStore, projectId: number, name: string): Promise<ExcelJS.Workbook> {
  const out = path.join(dir, name);
  await exportEvaluation(servicesFor(store), { projectId, outPath: out });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  return wb;
}

/** The row of `code` in a sheet, as column title -> text. */
function rowOf(ws: ExcelJS.Worksheet, code: string, headerRow: number): Record<string, string> {
  const titles = (ws.getRow(headerRow).values as ExcelJS.CellValue[]).map((v) => String(v ?? ''));
  let found: Record<string, string> = {};
  ws.eachRow((row) => {
    if (String(row.getCell(1).value ?? '') !== code) return;
    found = Object.fromEntries(titles.map((t, c) => [t, String(row.getCell(c).value ?? '')]).filter(([t]) => t));
  });
  return found;
}

describe('unapproved figures in the workbook', () => {
  it('the project workbook (no round) says "Indrapporteret, ikke godkendt" beside an imported status, then who approved it', async () => {
    const store = await openPortfolioStore(path.join(mkdtempSync(path.join(dir, 'db-')), 'p.sqlite'), { user: 'Sara', now: () => new Date('2024-03-05T09:00:00Z') });
    const { p } = await project(store);
    let ws = (await exported(store, p.id, 'projekt-1.xlsx')).getWorksheet('Mål')!;
    expect(rowOf(ws, 'B1', 4)).toMatchObject({ 'Status (seneste)': '80', Godkendelse: 'Indrapporteret, ikke godkendt' });
    expect(rowOf(ws, 'B2', 4)).toMatchObject({ 'Status (seneste)': '10', Godkendelse: '' });
    await servicesFor(store).rounds.approveFigures(p.id);
    ws = (await exported(store, p.id, 'projekt-2.xlsx')).getWorksheet('Mål')!;
    expect(rowOf(ws, 'B1', 4)).toMatchObject({ Godkendelse: 'Godkendt af Sara 05.03.2024' });
    await store.close();
  });

  it("the round's workbook marks an unapproved status in the goal table's remark and unapproved budget figures beside them", async () => {
    const store = await openPortfolioStore(path.join(mkdtempSync(path.join(dir, 'db-')), 'p.sqlite'), { user: 'Sara' });
    const { p } = await project(store);
    const round = await store.createEvaluation(blankEvaluation(p.id, 'midterm', '2023-06-30', 'Lars'));
    const progress: ImportItem = { id: 'x', type: 'progress', source: { file: 'f.xlsx', location: '' }, budgetSpentKr: 400_000, budgetTotalKr: null, monthsElapsed: null, monthsTotal: null, reportedAt: '2023-03-01', reportedBy: 'Bevillingsmodtager' };
    await applyImport(store, { projectId: p.id, evaluationId: round.id, items: [progress] });
    const wb = await exported(store, p.id, 'runde.xlsx');
    const goals = wb.getWorksheet('Outputmål')!;
    const header = [...Array(goals.rowCount).keys()].map((i) => i + 1).find((r) => String(goals.getRow(r).getCell(1).value ?? '') === 'Kode')!;
    expect(rowOf(goals, 'B1', header)['Bemærkning']).toContain('Indrapporteret, ikke godkendt');
    expect(rowOf(goals, 'B2', header)['Bemærkning'] ?? '').not.toContain('Indrapporteret');
    const budget = wb.getWorksheet('Budget og tid')!;
    let spentRow = 0;
    budget.eachRow((row, n) => {
      if (String(row.getCell(1).value ?? '') === 'Indrapporteret forbrug d.d. (kr.)') spentRow = n;
    });
    expect(budget.getRow(spentRow).getCell(2).value).toBe(400_000);
    expect(budget.getRow(spentRow).getCell(3).value).toBe('Indrapporteret, ikke godkendt');
    // The Resumé lists what awaits approval.
    const resume: string[] = [];
    wb.getWorksheet('Resumé')!.eachRow((row) => resume.push(String(row.getCell(1).value ?? '')));
    const at = resume.indexOf('Indrapporteret, ikke godkendt (2)');
    expect(resume.slice(at + 1, at + 3)).toEqual([
      '• Indrapporteret, ikke godkendt: status for B1 er indrapporteret af bevillingsmodtageren og endnu ikke godkendt af en sagsbehandler.',
      '• Indrapporteret, ikke godkendt: budget- og tidstallene er indrapporteret af bevillingsmodtageren og endnu ikke godkendt af en sagsbehandler.',
    ]);
    await store.close();
  });
});
