import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportEvaluation, EVALUATION_SHEETS } from '../../../electron/export';
import { exportReport } from '../../../electron/export/report';
import { applyImport, previewImport } from '../../../electron/import/service';
import { createAppServices, type AppServices } from '../../../electron/services';
import { sha256Of } from '../../../electron/storage/sources';
import { FIXTURE_003, readFixture } from '../../unit/import/seeds';
import { pdfFromText } from '../import/build';
import { facts } from '../storage/helpers';

/**
 * The evaluation workbook's sheet "Kilder" and the report's appendix "Bilag: Kilder": the files
 * the project was imported from, read back from the written files (exceljs, mammoth).
 */
let dir: string;
let services: AppServices;
let projectId: number;
let pdf: Uint8Array;
let emptyProjectId: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'trafiklys-sources-list-'));
  services = await createAppServices({ dbPath: join(dir, 'p.sqlite'), user: 'Anne Evaluator' });
  pdf = await pdfFromText(readFixture(FIXTURE_003));
  const preview = await previewImport(services.store, [{ name: 'evaluering-003.pdf', bytes: pdf }]);
  ({ projectId } = await applyImport(services.store, {
    projectId: null,
    items: preview.items,
    files: preview.files.map((f) => ({ file: f.file, kind: f.kind, sha256: f.sha256 })),
    newEvaluation: { type: 'final', date: '2022-12-02' },
  }));
  // A typed-in project with a round and no kept file.
  const typed = await services.store.createProject(facts({ name: 'Tastet ind' }));
  emptyProjectId = typed.id;
  await services.store.createEvaluation({
    projectId: typed.id,
    type: 'midterm',
    date: '2022-06-30',
    evaluator: '',
    budgetSpentKr: null,
    budgetTotalReportedKr: null,
    monthsElapsedReported: null,
    monthsTotalReported: null,
    progressReportedBy: '',
    progressReportedAt: null,
    overallStatus: '',
  });
});
afterAll(async () => {
  await services.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a project\'s sources in its evaluation workbook and report', () => {
  it('the workbook has a sheet "Kilder": file, kind, size, when and by whom, short hash (the whole in the cell note)', async () => {
    const out = join(dir, 'headstart.xlsx');
    await exportEvaluation(services, { projectId, outPath: out });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet(EVALUATION_SHEETS.sources)!;
    expect(ws, 'sheet Kilder').toBeDefined();
    expect(ws.getRow(4).values).toEqual([undefined, 'Fil', 'Type', 'Størrelse (bytes)', 'Importeret', 'Importeret af', 'SHA-256']);
    const [source] = await services.store.listSources(projectId);
    const row = ws.getRow(5);
    expect(row.getCell(1).value).toBe('evaluering-003.pdf');
    expect(row.getCell(2).value).toBe('PDF · Evalueringsrapport');
    expect(row.getCell(3).value).toBe(pdf.byteLength);
    expect(row.getCell(4).value).toMatch(/^\d{2}\.\d{2}\.\d{4} \d{2}\.\d{2}$/);
    expect(row.getCell(5).value).toBe('Anne Evaluator');
    expect(row.getCell(6).value).toBe(sha256Of(pdf).slice(0, 12));
    expect(JSON.stringify(row.getCell(6).note)).toContain(source.sha256);
    expect(ws.getRow(6).getCell(1).value ?? null).toBeNull();
  });

  it('a project without kept files says so on the sheet, not an empty table', async () => {
    const out = join(dir, 'tastet.xlsx');
    await exportEvaluation(services, { projectId: emptyProjectId, outPath: out });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet(EVALUATION_SHEETS.sources)!.getCell('A5').value).toMatch(/^Ingen filer er gemt som kilder/);
  });

  it('the report ends with the appendix "Bilag: Kilder" listing the same, in Danish and in English', async () => {
    const docx = join(dir, 'headstart.docx');
    await exportReport(services, { projectId, format: 'docx', lang: 'da', outPath: docx });
    const text = (await mammoth.extractRawText({ buffer: await readFile(docx) })).value;
    const appendix = text.slice(text.lastIndexOf('Bilag: Kilder'));
    expect(appendix).toMatch(/^Bilag: Kilder/);
    for (const part of ['evaluering-003.pdf', 'PDF · Evalueringsrapport', 'Anne Evaluator', sha256Of(pdf).slice(0, 12), 'Importeret af'])
      expect(appendix, part).toContain(part);
    expect(appendix).toMatch(/\d+ kB/);

    const en = join(dir, 'headstart-en.docx');
    await exportReport(services, { projectId, format: 'docx', lang: 'en', outPath: en });
    const enText = (await mammoth.extractRawText({ buffer: await readFile(en) })).value;
    expect(enText.slice(enText.lastIndexOf('Appendix: Sources'))).toContain('PDF · Evaluation report');
  });
});
