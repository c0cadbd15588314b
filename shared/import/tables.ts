import type { FoundItem, ImportIssue } from './items';
import { NumberParseError, parseDanishDate, parseDanishNumber } from '../numbers/danish';
import { roundHalfUp } from '../methodology/rounding';
import { surveyIndicatorFromAnswers } from '../methodology/survey';

/**
 * Tables found by their header text, not their position: the status-report template, the
 * app's exported evaluation workbook, CSV files and survey answers all come through here as a
 * grid of cell values. Sheets in another order, extra blank rows and columns, and headers
 * moved down or right are all fine.
 */

export type CellValue = null | number | string | boolean | Date | { error: string };

export interface Grid {
  /** Sheet name (or the file name for a CSV). */
  name: string;
  /** rows[r][c], 0-based. */
  rows: CellValue[][];
  /** Human place of a cell: "Ark 'Mål', celle D5" or "linje 5, felt 4". */
  place(r: number, c: number): string;
}

export interface TableResult {
  items: FoundItem[];
  issues: ImportIssue[];
  /** What was found, e.g. "Ark 'Mål': 9 mål". */
  found: string[];
  hasProjectName: boolean;
}

type Spec = Record<string, RegExp[]>;

const GOAL_COLUMNS = {
  code: [/^kode$/, /^målkode$/],
  level: [/^niveau$/],
  description: [/^beskrivelse/, /^(aktivitets|output|effekt)mål$/, /^mål(sætning)?\s*tekst/],
  unit: [/^enhed$/],
  targetIn: [/^mål i (projekt)?perioden/, /^målsætning i (projekt)?perioden/, /^mål$/, /^målsætning$/, /^måltal$/],
  targetAfter: [/^mål efter/, /^målsætning efter/],
  status: [/^status/],
  printed: [/^trykt procent/, /^målopnåelse i procent/, /^trykt målopnåelse/],
  date: [/^dato$/, /^indrapporteret( den)?$/, /^rapporteret den/, /^rapporteringsdato/, /^statusdato/],
  reportedBy: [/^rapporteret af/, /^indrapporteret af/],
} satisfies Spec;

const PROGRESS_COLUMNS = {
  budgetTotal: [/^totalt budget/, /^samlet budget/, /^budget i alt/],
  budgetSpent: [/^forbrug d\.?\s?d\.?/, /^budgetforbrug/, /^forbrugt/],
  monthsTotal: [/^måneder i alt/, /^antal måneder/, /^tid i alt/],
  monthsElapsed: [/^måneder forløbet/, /^forløbne måneder/, /^tidsforbrug/],
  date: [/^dato$/, /^rapporteringsdato/, /^indrapporteret( den)?$/],
  reportedBy: [/^rapporteret af/, /^indrapporteret af/],
} satisfies Spec;

const SURVEY_COLUMNS = {
  group: [/^gruppe/, /^respondentgruppe/],
  statement: [/^udsagn/, /^spørgsmål/],
  positive: [/^positive/, /^antal positive/],
  n: [/^antal besvarelser/, /^n$/, /^antal respondenter/, /^besvarelser/],
  scale: [/^skala/],
} satisfies Spec;

export function normaliseHeader(v: CellValue): string {
  if (typeof v !== 'string') return '';
  return v.toLowerCase().replace(/-\s*\n\s*/g, '').replace(/\s+/g, ' ').replace(/[:*]+$/, '').trim();
}

function cellText(v: CellValue): string {
  if (v === null || typeof v === 'object') return v instanceof Date ? v.toISOString().slice(0, 10) : '';
  return String(v).trim();
}

const isBlank = (v: CellValue) => v === null || (typeof v === 'string' && v.trim() === '');

function findHeader<S extends Spec>(grid: Grid, spec: S, required: (keyof S)[]): { row: number; cols: Partial<Record<keyof S, number>> }[] {
  const found: { row: number; cols: Partial<Record<keyof S, number>> }[] = [];
  grid.rows.forEach((row, r) => {
    const cols: Partial<Record<keyof S, number>> = {};
    row.forEach((v, c) => {
      const h = normaliseHeader(v);
      if (!h) return;
      for (const key of Object.keys(spec) as (keyof S)[]) {
        if (cols[key] === undefined && spec[key].some((p) => p.test(h))) {
          cols[key] = c;
          break;
        }
      }
    });
    if (required.every((k) => cols[k] !== undefined)) found.push({ row: r, cols });
  });
  return found;
}

interface Ctx {
  grid: Grid;
  file: string;
  issues: ImportIssue[];
}

/**
 * A table with headers but no data. Not an error by itself (a recipient fills in only some
 * sheets); the file is an error when every table is empty. Marked by EMPTY_TABLE.
 */
export const EMPTY_TABLE = 'Tom tabel: ';
function empty(ctx: Ctx, r: number, c: number, message: string) {
  ctx.issues.push({ severity: 'warning', file: ctx.file, location: ctx.grid.place(r, c), message: EMPTY_TABLE + message });
}

function error(ctx: Ctx, r: number, c: number, message: string) {
  ctx.issues.push({ severity: 'error', file: ctx.file, location: ctx.grid.place(r, c), message });
}

/** A number cell: numbers as they are, text as a Danish number; blank = null; undefined = error. */
function numberAt(ctx: Ctx, r: number, c: number | undefined, what: string): number | null | undefined {
  if (c === undefined) return null;
  const v = ctx.grid.rows[r]?.[c] ?? null;
  if (v === null) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : (error(ctx, r, c, `${what}: ugyldigt tal.`), undefined);
  if (typeof v === 'object' && !(v instanceof Date)) return error(ctx, r, c, `${what}: cellen indeholder en fejl (${v.error}).`), undefined;
  if (typeof v === 'boolean' || v instanceof Date) return error(ctx, r, c, `${what}: "${cellText(v)}" er ikke et tal.`), undefined;
  try {
    return parseDanishNumber(v);
  } catch (err) {
    if (!(err instanceof NumberParseError)) throw err;
    error(ctx, r, c, `${what}: "${v.trim()}" er ikke et tal (${err.reason}).`);
    return undefined;
  }
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A date cell: a date, a serial number, or Danish text; blank = null; undefined = error. */
function dateAt(ctx: Ctx, r: number, c: number | undefined, what: string): string | null | undefined {
  if (c === undefined) return null;
  const v = ctx.grid.rows[r]?.[c] ?? null;
  if (isBlank(v)) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number' && v > 0 && v < 2958466) return new Date(EXCEL_EPOCH + Math.round(v) * 86_400_000).toISOString().slice(0, 10);
  if (typeof v === 'string') {
    try {
      return parseDanishDate(v.trim());
    } catch (err) {
      error(ctx, r, c, `${what}: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
  }
  error(ctx, r, c, `${what}: "${cellText(v)}" er ikke en dato.`);
  return undefined;
}

/** Rows below a header until the table ends (text that is not data in the key column). */
function dataRows(grid: Grid, headerRow: number, keyCol: number, isData: (v: CellValue) => boolean): number[] {
  const rows: number[] = [];
  for (let r = headerRow + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r] ?? [];
    if (row.every(isBlank)) continue;
    const key = row[keyCol] ?? null;
    if (isBlank(key)) {
      // A row with figures but no code is reported by the caller; a note in another column ends nothing.
      if (row.some((v, c) => c !== keyCol && typeof v === 'number')) rows.push(r);
      continue;
    }
    if (!isData(key)) break;
    rows.push(r);
  }
  return rows;
}

const CODE = /^([ABC])\s*(\d{1,3})$/i;

export function readGoalTables(grid: Grid, file: string, ctxIssues: ImportIssue[]): { items: FoundItem[]; found: string[] } {
  const ctx: Ctx = { grid, file, issues: ctxIssues };
  const items: FoundItem[] = [];
  const found: string[] = [];
  for (const header of findHeader(grid, GOAL_COLUMNS, ['code', 'status'])) {
    const cols = header.cols;
    const codeCol = cols.code!;
    const rows = dataRows(grid, header.row, codeCol, (v) => typeof v === 'string' && (CODE.test(v.trim()) || /^[A-Za-z]{1,3}\s*\d{1,3}$/.test(v.trim())));
    let count = 0;
    for (const r of rows) {
      const raw = grid.rows[r][codeCol];
      const m = CODE.exec(cellText(raw));
      if (!m) {
        error(ctx, r, codeCol, isBlank(raw) ? 'Rækken har tal, men ingen målkode.' : `"${cellText(raw)}" er ikke en målkode (A, B eller C efterfulgt af et nummer).`);
        continue;
      }
      const code = `${m[1].toUpperCase()}${Number(m[2])}`;
      const level = code[0] as 'A' | 'B' | 'C';
      const levelCell = cols.level !== undefined ? cellText(grid.rows[r][cols.level]).toUpperCase() : '';
      if (levelCell && levelCell[0] !== level) error(ctx, r, cols.level!, `Niveau "${levelCell}" passer ikke med koden ${code}.`);
      const targetIn = numberAt(ctx, r, cols.targetIn, `${code}, mål i perioden`);
      const targetAfter = numberAt(ctx, r, cols.targetAfter, `${code}, mål efter perioden`);
      const status = numberAt(ctx, r, cols.status, `${code}, status`);
      const printed = numberAt(ctx, r, cols.printed, `${code}, trykt procent`);
      const date = dateAt(ctx, r, cols.date, `${code}, dato`);
      if ([targetIn, targetAfter, status, printed, date].includes(undefined)) continue;
      const description = cols.description !== undefined ? cellText(grid.rows[r][cols.description]).replace(/\s+/g, ' ') : '';
      const reportedBy = cols.reportedBy !== undefined ? cellText(grid.rows[r][cols.reportedBy]) : '';
      const source = { file, location: grid.place(r, codeCol).replace(/celle [A-Z]+(\d+)$/, 'række $1') };
      items.push({
        type: 'goal',
        level,
        code,
        description,
        unit: cols.unit !== undefined ? cellText(grid.rows[r][cols.unit]) : '',
        targetInPeriod: targetIn as number | null,
        targetAfterPeriod: targetAfter as number | null,
        codeSuggested: false,
        source,
      });
      count += 1;
      // A row without a status only names the goal. A blank status is never stored: a "missing" report
      // would hide the project's earlier real status in every later round.
      if (status === null) {
        if (date !== null && cols.status !== undefined)
          ctx.issues.push({ severity: 'warning', file, location: grid.place(r, cols.status), message: `${code}: status er tom; der gemmes ingen status (tidligere status gælder fortsat).` });
        continue;
      }
      if (date === null && cols.date !== undefined)
        ctx.issues.push({ severity: 'warning', file, location: grid.place(r, cols.date), message: `${code}: dato mangler; udfyld den før status kan gemmes.` });
      const computed = targetIn ? roundHalfUp(((status as number) / (targetIn as number)) * 100) : null;
      if (printed !== null && computed !== null && Math.abs((printed as number) - computed) > 1)
        ctx.issues.push({ severity: 'warning', file, location: grid.place(r, cols.printed!), message: `${code}: trykt målopnåelse ${printed} % afviger fra beregnet ${computed} %.` });
      items.push({
        type: 'status',
        code,
        value: status as number,
        reportedAt: date as string | null,
        reportedBy,
        printedPercent: printed as number | null,
        computedPercent: computed,
        source: cols.status !== undefined ? { file, location: grid.place(r, cols.status) } : source,
      });
    }
    if (rows.length === 0) empty(ctx, header.row, codeCol, `Måltabellen i ${grid.name} har ingen udfyldte rækker under overskriften.`);
    else if (count > 0) found.push(`${grid.name}: ${count} mål`);
  }
  return { items, found };
}

export function readProgressTable(grid: Grid, file: string, issues: ImportIssue[]): { items: FoundItem[]; found: string[] } {
  const ctx: Ctx = { grid, file, issues };
  const items: FoundItem[] = [];
  const found: string[] = [];
  for (const header of findHeader(grid, PROGRESS_COLUMNS, ['budgetSpent']).filter((h) => h.cols.budgetTotal !== undefined || h.cols.monthsTotal !== undefined)) {
    const cols = header.cols;
    const r = grid.rows.findIndex((row, i) => i > header.row && row.some((v) => !isBlank(v)));
    if (r < 0) {
      empty(ctx, header.row, cols.budgetSpent!, `Tabellen over budget- og tidsforbrug i ${grid.name} er tom.`);
      continue;
    }
    const values = {
      total: numberAt(ctx, r, cols.budgetTotal, 'Totalt budget'),
      spent: numberAt(ctx, r, cols.budgetSpent, 'Forbrug d.d.'),
      monthsTotal: numberAt(ctx, r, cols.monthsTotal, 'Måneder i alt'),
      monthsElapsed: numberAt(ctx, r, cols.monthsElapsed, 'Måneder forløbet'),
      date: dateAt(ctx, r, cols.date, 'Dato'),
    };
    if (Object.values(values).includes(undefined)) continue;
    if (values.spent === null && values.total === null && values.monthsElapsed === null && values.monthsTotal === null) {
      empty(ctx, r, cols.budgetSpent!, `Tabellen over budget- og tidsforbrug i ${grid.name} er tom.`);
      continue;
    }
    items.push({
      type: 'progress',
      budgetTotalKr: values.total as number | null,
      budgetSpentKr: values.spent as number | null,
      monthsTotal: values.monthsTotal as number | null,
      monthsElapsed: values.monthsElapsed as number | null,
      reportedAt: values.date as string | null,
      reportedBy: cols.reportedBy !== undefined ? cellText(grid.rows[r][cols.reportedBy]) : '',
      source: { file, location: grid.place(r, cols.budgetSpent!).replace(/celle [A-Z]+(\d+)$/, 'række $1') },
    });
    found.push(`${grid.name}: budget- og tidsforbrug`);
  }
  return { items, found };
}

function scaleOf(v: number | null): 3 | 5 | null {
  return v === 3 || v === 5 ? v : null;
}

export function readSurveyResults(grid: Grid, file: string, issues: ImportIssue[]): { items: FoundItem[]; found: string[] } {
  const ctx: Ctx = { grid, file, issues };
  const items: FoundItem[] = [];
  const found: string[] = [];
  for (const header of findHeader(grid, SURVEY_COLUMNS, ['statement', 'positive', 'n'])) {
    const cols = header.cols;
    let count = 0;
    for (const r of dataRows(grid, header.row, cols.statement!, (v) => typeof v === 'string')) {
      const statement = cellText(grid.rows[r][cols.statement!]);
      const positive = numberAt(ctx, r, cols.positive, 'Positive svar');
      const n = numberAt(ctx, r, cols.n, 'Antal besvarelser');
      const scaleRaw = numberAt(ctx, r, cols.scale, 'Skala');
      if ([positive, n, scaleRaw].includes(undefined)) continue;
      if (positive === null || n === null) {
        error(ctx, r, cols.positive!, `"${statement}": antal positive svar og antal besvarelser skal begge udfyldes.`);
        continue;
      }
      const scale = cols.scale === undefined ? 5 : scaleOf(scaleRaw as number | null);
      if (scale === null) {
        error(ctx, r, cols.scale!, `"${statement}": skalaen skal være 3 eller 5.`);
        continue;
      }
      if (!Number.isInteger(positive) || !Number.isInteger(n) || (positive as number) < 0 || (positive as number) > (n as number)) {
        error(ctx, r, cols.positive!, `"${statement}": ${positive} ud af ${n} er ikke muligt.`);
        continue;
      }
      items.push({
        type: 'survey',
        group: cols.group !== undefined ? cellText(grid.rows[r][cols.group]) : '',
        statement,
        positive: positive as number,
        n: n as number,
        scale,
        source: { file, location: grid.place(r, cols.statement!).replace(/celle [A-Z]+(\d+)$/, 'række $1') },
      });
      count += 1;
    }
    if (count > 0) found.push(`${grid.name}: ${count} spørgeskemaindikatorer`);
  }
  return { items, found };
}

/**
 * Raw answers per respondent: optional "Gruppe" and "Skala" rows above a header row whose first
 * cell is "Respondent"; one column per statement, answers 1-5 (or 1-3); blank = not answered.
 * A "Skala" row may give one scale per column.
 */
export function readSurveyAnswers(grid: Grid, file: string, issues: ImportIssue[]): { items: FoundItem[]; found: string[] } {
  const ctx: Ctx = { grid, file, issues };
  const items: FoundItem[] = [];
  const found: string[] = [];
  const headerRow = grid.rows.findIndex((row) => row.some((v) => /^respondent( ?nr\.?)?$/.test(normaliseHeader(v))));
  if (headerRow < 0) return { items, found };
  const header = grid.rows[headerRow];
  const respCol = header.findIndex((v) => /^respondent( ?nr\.?)?$/.test(normaliseHeader(v)));
  let group = '';
  let scaleRow = -1;
  for (let r = 0; r < headerRow; r++) {
    const label = normaliseHeader(grid.rows[r]?.[respCol] ?? null);
    if (/^gruppe/.test(label)) group = cellText(grid.rows[r][respCol + 1] ?? null);
    if (/^skala/.test(label)) scaleRow = r;
  }
  const columns = header.map((v, c) => ({ c, statement: cellText(v) })).filter((x) => x.c !== respCol && x.statement !== '');
  if (columns.length === 0) {
    error(ctx, headerRow, respCol, 'Ingen udsagn (kolonner) ved siden af "Respondent".');
    return { items, found };
  }
  const rows = dataRows(grid, headerRow, respCol, (v) => !isBlank(v));
  if (rows.length === 0) {
    empty(ctx, headerRow, respCol, `Spørgeskemasvarene i ${grid.name} har ingen besvarelser under overskriften.`);
    return { items, found };
  }
  for (const { c, statement } of columns) {
    let scale: 3 | 5 | null = null;
    const inHeader = /\(1\s*[-–]\s*([35])\)/.exec(statement);
    if (inHeader) scale = Number(inHeader[1]) as 3 | 5;
    if (scaleRow >= 0) {
      const rowScale = grid.rows[scaleRow][c] ?? grid.rows[scaleRow][respCol + 1] ?? null;
      const v = typeof rowScale === 'number' ? rowScale : Number(cellText(rowScale));
      scale = scaleOf(v) ?? scale;
    }
    if (scale === null) {
      error(ctx, headerRow, c, `"${statement}": skalaen mangler; angiv en række "Skala" med 3 eller 5 over "Respondent".`);
      continue;
    }
    const answers: (number | null)[] = [];
    let bad = false;
    for (const r of rows) {
      const v = numberAt(ctx, r, c, `"${statement}"`);
      if (v === undefined) {
        bad = true;
        continue;
      }
      if (v !== null && (!Number.isInteger(v) || v < 1 || v > scale)) {
        error(ctx, r, c, `"${statement}": svaret ${String(v).replace('.', ',')} ligger ikke på skalaen 1-${scale}.`);
        bad = true;
        continue;
      }
      answers.push(v);
    }
    if (bad) continue;
    const { positive, n } = surveyIndicatorFromAnswers(answers, scale);
    items.push({
      type: 'survey',
      group,
      statement: statement.replace(/\s*\(1\s*[-–]\s*[35]\)\s*$/, ''),
      positive,
      n,
      scale,
      source: { file, location: `${grid.place(headerRow, c)} og ${rows.length} svar nedenfor` },
    });
  }
  if (items.length > 0) found.push(`${grid.name}: ${items.length} udsagn fra ${rows.length} besvarelser`);
  return { items, found };
}

/** A "Projekt" label with the name beside it (the template's first sheets). */
export function readProjectName(grid: Grid, file: string): FoundItem | null {
  for (let r = 0; r < Math.min(grid.rows.length, 10); r++) {
    const row = grid.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      if (/^projekt(navn)?$/.test(normaliseHeader(row[c]))) {
        const value = cellText(row[c + 1] ?? null);
        if (value) return { type: 'fact', field: 'name', value, source: { file, location: grid.place(r, c + 1) } };
      }
    }
  }
  return null;
}

/** Every table of a grid, in one go. */
export function readTables(grid: Grid, file: string): TableResult {
  const issues: ImportIssue[] = [];
  const parts = [readGoalTables(grid, file, issues), readProgressTable(grid, file, issues), readSurveyResults(grid, file, issues), readSurveyAnswers(grid, file, issues)];
  const name = readProjectName(grid, file);
  return {
    items: [...(name ? [name] : []), ...parts.flatMap((p) => p.items)],
    issues,
    found: parts.flatMap((p) => p.found),
    hasProjectName: name !== null,
  };
}

/** "A", "B" ... "AA" for a 0-based column. */
export function columnLetter(c: number): string {
  let n = c + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function sheetPlace(sheet: string): (r: number, c: number) => string {
  return (r, c) => `Ark '${sheet}', celle ${columnLetter(c)}${r + 1}`;
}

export function csvPlace(lines: number[]): (r: number, c: number) => string {
  return (r, c) => `linje ${lines[r] ?? r + 1}, felt ${c + 1}`;
}
