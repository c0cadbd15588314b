import type { ContentKind, FileFormat, FoundItem, ImportIssue } from '../../shared/import/items';
import { documentOfLines, recogniseReport, type ReportDocument } from '../../shared/import/reportDocument';
import { linesOfText } from '../../shared/import/text';
import { pdfDocument } from '../../shared/import/pdfTables';
import { CsvParseError, parseCsv } from '../../shared/import/csv';
import { csvPlace, EMPTY_TABLE, readTables, type Grid } from '../../shared/import/tables';
import { readEvaluationWorkbook } from '../../shared/import/evaluationWorkbook';
import { detectFormat } from './detect';
import { ImportFileError } from './errors';
import { readWorkbookGrids } from './xlsx';
import { pdfLines } from './pdf';
import { docxDocument } from './docx';

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

/** One file, from bytes to found items and issues. Throws ImportFileError for a file it can't read at all. */
export async function parseFile(
  bytes: Uint8Array,
  file: string,
  options: { signal?: AbortSignal; onPage?: (page: number, pages: number) => void } = {},
): Promise<ParsedFile> {
  const detected = detectFormat(bytes, file);
  const warnings: ImportIssue[] = detected.warning ? [{ severity: 'warning', file, location: '', message: detected.warning }] : [];
  switch (detected.format) {
    case 'xlsx': {
      const { grids, sheetNames, warnings: cellWarnings } = await readWorkbookGrids(bytes, file);
      const isExport = EVALUATION_WORKBOOK_SHEETS.every((s) => sheetNames.includes(s));
      // The app's own workbook is read by its own sheets, so that everything it holds comes back.
      const parsed = isExport ? fromEvaluationWorkbook(grids, sheetNames, file) : fromGrids(grids, file, 'xlsx');
      parsed.issues.unshift(...warnings, ...cellWarnings.map((w) => ({ severity: 'warning' as const, file, ...w })));
      if (!hasData(parsed) && !parsed.issues.some((i) => i.severity === 'error')) {
        const emptyTables = parsed.issues.filter((i) => i.message.startsWith(EMPTY_TABLE));
        if (emptyTables.length > 0)
          throw new ImportFileError(
            file,
            emptyTables.map((i) => i.location).join('; '),
            `Projektmappen har ingen udfyldte rækker: ${emptyTables.map((i) => i.message.slice(EMPTY_TABLE.length)).join(' ')}`,
          );
        const empty = grids.every((g) => g.rows.every((r) => r.every((v) => v === null || v === '')));
        throw new ImportFileError(
          file,
          empty ? `${sheetNames.map((s) => `ark '${s}'`).join(', ')}` : '',
          empty
            ? 'Projektmappen er tom: ingen af arkene indeholder data.'
            : `Ingen kendte tabeller fundet i arkene ${sheetNames.map((s) => `'${s}'`).join(', ')}: forventede overskrifterne Kode og Status (mål), Totalt budget og Forbrug d.d. (budget og tid), Udsagn/Positive svar/Antal besvarelser (spørgeskema) eller Respondent (svar).`,
        );
      }
      return parsed;
    }
    case 'csv': {
      let rows: { fields: string[]; line: number }[];
      try {
        rows = parseCsv(detected.text!);
      } catch (err) {
        if (err instanceof CsvParseError) throw new ImportFileError(file, `linje ${err.line}`, err.message);
        throw err;
      }
      const grid: Grid = { name: file, rows: rows.map((r) => r.fields), place: csvPlace(rows.map((r) => r.line)) };
      const parsed = fromGrids([grid], file, 'csv');
      parsed.issues.unshift(...warnings);
      const emptyCsv = parsed.issues.find((i) => i.message.startsWith(EMPTY_TABLE));
      if (!hasData(parsed) && emptyCsv && !parsed.issues.some((i) => i.severity === 'error')) throw new ImportFileError(file, emptyCsv.location, emptyCsv.message.slice(EMPTY_TABLE.length));
      if (!hasData(parsed) && !parsed.issues.some((i) => i.severity === 'error'))
        throw new ImportFileError(file, 'linje 1', 'CSV-filen har ingen kendt overskriftsrække: forventede kolonnerne Kode og Status (mål) eller Respondent (spørgeskemasvar).');
      return parsed;
    }
    case 'text':
      return fromReport(documentOfLines(linesOfText(detected.text!)), file, 'text', warnings);
    case 'pdf':
      return fromReport(pdfDocument(await pdfLines(bytes, file, options)), file, 'pdf', warnings);
    case 'docx':
      return fromReport(await docxDocument(bytes, file), file, 'docx', warnings);
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
  if (hasData(parsed)) parsed.issues = parsed.issues.filter((i) => !i.message.startsWith(EMPTY_TABLE));
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
    issues.push(...r.issues);
    found.push(...r.found);
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
  if (r.items.length === 0)
    throw new ImportFileError(
      file,
      '',
      'Ingen kendte oplysninger fundet i teksten (faktaboks, måltabeller med koder A/B/C, budget, finansiering eller talmål i punktform).',
    );
  return { file, format, kind: r.kind, items: r.items, issues: [...warnings, ...r.issues], found };
}
