import type { ContentKind, FileFormat, FoundItem, ImportIssue } from '../../shared/import/items';
import { documentOfLines, recogniseReport, type ReportDocument } from '../../shared/import/reportDocument';
import { linesOfText } from '../../shared/import/text';
import { pdfDocument } from '../../shared/import/pdfTables';
import { CsvParseError, parseCsv } from '../../shared/import/csv';
import { MAX_GRID_ROWS, MAX_ITEMS_PER_FILE, MAX_WORKBOOK_CELLS } from '../../shared/import/limits';
import { readerDanish, readerMsg, type ReaderMsg } from '../../shared/import/readerNotes';
import { csvPlace, isEmptyTable, readTables, type Grid } from '../../shared/import/tables';
import { readEvaluationWorkbook } from '../../shared/import/evaluationWorkbook';
import { detectFormat } from './detect';
import { ImportFileError, readerFailure } from './errors';
import { readWorkbookGrids } from './xlsx';
import { pdfLines } from './pdf';
import { docxDocument } from './docx';
import { checkZip } from './zip';

export interface ParsedFile {
  file: string;
  format: FileFormat;
  kind: ContentKind;
  items: FoundItem[];
  issues: ImportIssue[];
  /** What was recognised, for the preview's summary line. */
  found: string[];
}

const EVALUATION_WORKBOOK_SHEETS = ['Resumé', 'Sådan scorer vi'];

const warningIssue = (file: string, m: ReaderMsg): ImportIssue => ({ severity: 'warning', file, location: '', message: readerDanish(m), msg: m });

/** One file, from bytes to found items and issues. Throws ImportFileError for a file it can't read at all. */
export async function parseFile(
  bytes: Uint8Array,
  file: string,
  options: { signal?: AbortSignal; onPage?: (page: number, pages: number) => void } = {},
): Promise<ParsedFile> {
  const parsed = await parseByFormat(bytes, file, options);
  // The preview shows every item for the user to check, and sends them all across IPC.
  if (parsed.items.length > MAX_ITEMS_PER_FILE)
    throw new ImportFileError(file, '', readerMsg('fileTooManyItems', { count: parsed.items.length, limit: MAX_ITEMS_PER_FILE }));
  return parsed;
}

async function parseByFormat(bytes: Uint8Array, file: string, options: { signal?: AbortSignal; onPage?: (page: number, pages: number) => void }): Promise<ParsedFile> {
  const detected = detectFormat(bytes, file);
  const warnings: ImportIssue[] = detected.warning ? [warningIssue(file, detected.warning)] : [];
  switch (detected.format) {
    case 'xlsx': {
      const { grids, sheetNames, warnings: sheetWarnings } = await readWorkbookGrids(bytes, file);
      const isExport = EVALUATION_WORKBOOK_SHEETS.every((s) => sheetNames.includes(s));
      // The app's own workbook is read by its own sheets, so that everything it holds comes back.
      const parsed = isExport ? fromEvaluationWorkbook(grids, sheetNames, file) : fromGrids(grids, file, 'xlsx');
      // concat, not unshift(...): a sheet can give more warnings than a call takes arguments.
      parsed.issues = warnings.concat(sheetWarnings, parsed.issues);
      if (!hasData(parsed) && !parsed.issues.some((i) => i.severity === 'error')) {
        const emptyTables = parsed.issues.filter(isEmptyTable);
        if (emptyTables.length > 0)
          throw new ImportFileError(
            file,
            emptyTables.map((i) => i.location).join('; '),
            readerMsg('workbookEmptyTables', { placeTables: [...new Set(emptyTables.map((i) => String(i.msg?.params?.placeTable ?? '')))].join(', ') }),
          );
        const empty = grids.every((g) => g.rows.every((r) => r.every((v) => v === null || v === '')));
        if (empty) throw new ImportFileError(file, sheetNames.map((s) => `ark '${s}'`).join(', '), readerMsg('workbookEmpty'));
        throw new ImportFileError(file, '', readerMsg('workbookNoTables', { sheets: sheetNames.map((s) => `'${s}'`).join(', ') }));
      }
      return parsed;
    }
    case 'csv': {
      let rows: { fields: string[]; line: number }[];
      try {
        rows = parseCsv(detected.text!, undefined, MAX_GRID_ROWS, MAX_WORKBOOK_CELLS);
      } catch (err) {
        if (err instanceof CsvParseError) throw new ImportFileError(file, `linje ${err.line}`, err.msg);
        throw err;
      }
      const lines = rows.map((r) => r.line);
      const grid: Grid = { name: file, rows: rows.map((r) => r.fields), place: csvPlace(lines), rowPlace: (r) => `linje ${lines[r] ?? r + 1}` };
      const parsed = fromGrids([grid], file, 'csv');
      parsed.issues = warnings.concat(parsed.issues);
      const noErrors = !parsed.issues.some((i) => i.severity === 'error');
      const emptyCsv = parsed.issues.find(isEmptyTable);
      if (!hasData(parsed) && emptyCsv && noErrors) throw new ImportFileError(file, emptyCsv.location, emptyCsv.msg as ReaderMsg);
      if (!hasData(parsed) && noErrors) throw new ImportFileError(file, 'linje 1', readerMsg('csvNoHeader'));
      return parsed;
    }
    case 'text':
      return fromReport(documentOfLines(linesOfText(detected.text!)), file, 'text', warnings);
    case 'pdf': {
      let lines: Awaited<ReturnType<typeof pdfLines>>;
      try {
        lines = await pdfLines(bytes, file, options);
      } catch (err) {
        throw readerFailure(err, file, 'pdf');
      }
      return fromReport(pdfDocument(lines), file, 'pdf', warnings);
    }
    case 'docx': {
      await checkZip(bytes, file, 'docx');
      let doc: ReportDocument;
      try {
        doc = await docxDocument(bytes, file);
      } catch (err) {
        throw readerFailure(err, file, 'docx');
      }
      return fromReport(doc, file, 'docx', warnings);
    }
  }
}

function fromEvaluationWorkbook(grids: Grid[], sheetNames: string[], file: string): ParsedFile {
  const r = readEvaluationWorkbook(
    grids.map((grid, k) => ({ sheet: sheetNames[k], grid })),
    file,
  );
  return { file, format: 'xlsx', kind: 'evaluationWorkbook', items: r.items, issues: r.issues, found: r.found };
}

/** Anything beyond the project's name. */
const hasData = (p: ParsedFile) => p.items.some((i) => i.type !== 'fact');

function fromGrids(grids: Grid[], file: string, format: FileFormat): ParsedFile {
  const parsed = fromGridsAll(grids, file, format);
  // Empty optional sheets don't matter once something was found.
  if (hasData(parsed)) parsed.issues = parsed.issues.filter((i) => !isEmptyTable(i));
  return parsed;
}

function fromGridsAll(grids: Grid[], file: string, format: FileFormat): ParsedFile {
  const items: FoundItem[] = [];
  const issues: ImportIssue[] = [];
  const found: string[] = [];
  let named = false;
  for (const grid of grids) {
    const r = readTables(grid, file);
    for (const item of r.items) {
      if (item.type === 'fact' && item.field === 'name') {
        if (named) continue;
        named = true;
      }
      items.push(item);
    }
    // One at a time: a spread of a sheet's issues into push() overflows the call stack.
    for (const issue of r.issues) issues.push(issue);
    for (const f of r.found) found.push(f);
  }
  const types = new Set(items.map((i) => i.type));
  const onlySurvey = items.length > 0 && [...types].every((t) => t === 'survey' || t === 'fact');
  const kind: ContentKind = format === 'csv' ? (onlySurvey ? 'surveyAnswers' : 'goalCsv') : onlySurvey ? 'surveyAnswers' : 'statusReport';
  return { file, format, kind, items, issues, found };
}

function fromReport(doc: ReportDocument, file: string, format: FileFormat, warnings: ImportIssue[]): ParsedFile {
  const r = recogniseReport(doc, file);
  const count = (t: FoundItem['type']) => r.items.filter((i) => i.type === t).length;
  const found = [
    count('goal') && `${count('goal')} mål`,
    count('status') && `${count('status')} statusser`,
    count('fact') && `${count('fact')} faktafelter`,
    count('progress') && 'budget- og tidsforbrug',
    count('budgetLine') && `${count('budgetLine')} budgetlinjer`,
    count('financing') && `${count('financing')} finansieringskilder`,
    count('survey') && `${count('survey')} spørgeskemaindikatorer`,
    count('scoreAverage') && 'gennemsnitlig implementeringsscore',
  ].filter((x): x is string => typeof x === 'string');
  if (r.items.length === 0) throw new ImportFileError(file, '', readerMsg('textNothingFound'));
  return { file, format, kind: r.kind, items: r.items, issues: warnings.concat(r.issues), found };
}
