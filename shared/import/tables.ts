import { GOAL_CODE_MAX, type FoundItem, type ImportIssue } from './items';
import { DateParseError, NumberParseError, parseDanishDate, parseDanishNumber } from '../numbers/danish';
import { goalAttainment } from '../methodology/goals';
import { DEFAULT_PROFILE } from '../methodology/profile';
import { surveyIndicatorFromAnswers } from '../methodology/survey';
import { readerDanish, readerMsg, type ReaderKey, type ReaderMsg, type TermKey } from './readerNotes';

/**
 * Tables found by their header text, not their position: the status-report template, the
 * app's exported evaluation workbook, CSV files and survey answers all come through here as a
 * grid of cell values. Sheets in another order, extra blank rows and columns, and headers
 * moved down or right are all fine.
 *
 * Nothing below a header is dropped in silence: a table runs to the next table's header (or the
 * end of the sheet), and every non-blank row in it is read or named in an issue (a totals row,
 * a note, a row with figures but no code). Messages are keyed (readerNotes.ts).
 */

export type CellValue = null | number | string | boolean | Date | { error: string; noResult?: true };

export interface Grid {
  /** Sheet name ("arket 'Mål'") or the file name for a CSV. */
  name: string;
  /** rows[r][c], 0-based. */
  rows: CellValue[][];
  /** Human place of a cell: "Ark 'Mål', celle D5" or "linje 5, felt 4". */
  place(r: number, c: number): string;
  /** Human place of a row: "Ark 'Mål', række 5" or "linje 5"; derived from `place` where absent. */
  rowPlace?(r: number): string;
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

const RESPONDENT = /^respondent( ?nr\.?)?$/;

/**
 * Characters that show as nothing (zero-width space and joiners, word joiner, BOM, soft
 * hyphen): text pasted from the web or a PDF carries them, and "B\u200B1" must read as B1.
 */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
/** Superscripts and subscripts: NFKC would make a footnote mark part of a code ("B1²" -> "B12"). */
const SUPER_OR_SUBSCRIPT = /[\u00B2\u00B3\u00B9\u2070-\u209F]/;
/** Spaces that group thousands in print: NFKC turns them into plain spaces, which is no change worth a warning. */
const GROUP_SPACES = /[\u00A0\u202F\u2009]/g;

/** Text as a reader compares it: NFKC (full-width letters and digits become plain ones) without invisible characters. */
function normaliseUnicode(text: string): { text: string; invisible: string[]; unusual: boolean } {
  const invisible = [...new Set(text.match(INVISIBLE) ?? [])].map((ch) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  const stripped = text.replace(INVISIBLE, '');
  const normal = stripped.normalize('NFKC');
  return { text: normal, invisible, unusual: normal.replace(GROUP_SPACES, ' ') !== stripped.replace(GROUP_SPACES, ' ') };
}

export function normaliseHeader(v: CellValue): string {
  if (typeof v !== 'string') return '';
  return normaliseUnicode(v)
    .text.toLowerCase()
    .replace(/-\s*\n\s*/g, '')
    .replace(/\s+/g, ' ')
    .replace(/[:*]+$/, '')
    .trim();
}

function cellText(v: CellValue): string {
  if (v === null || typeof v === 'object') return v instanceof Date ? v.toISOString().slice(0, 10) : '';
  return String(v).trim();
}

/** A cell's text shortened for a message. */
function excerpt(v: CellValue): string {
  const text = cellText(v).replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const isBlank = (v: CellValue | undefined) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** Headers are short; longer text is never compared with the header patterns. */
const MAX_HEADER_LENGTH = 80;

/** Normalised header texts of a grid, per row, computed once (every table kind looks at every row). */
const headerCache = new WeakMap<Grid, string[][]>();
function headerTexts(grid: Grid, r: number): string[] {
  let rows = headerCache.get(grid);
  if (!rows) headerCache.set(grid, (rows = []));
  let texts = rows[r];
  if (!texts) {
    const row = grid.rows[r] ?? [];
    texts = rows[r] = [];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      texts[c] = typeof v === 'string' && v.length <= MAX_HEADER_LENGTH ? normaliseHeader(v) : '';
    }
  }
  return texts;
}

interface Header<S extends Spec> {
  row: number;
  cols: Partial<Record<keyof S, number>>;
  /** Columns whose header names a field another column already names. */
  duplicates: { key: keyof S; cols: number[] }[];
}

/** The field a header text names: the pattern that matches most of it ("Statusdato" is a date, not a status). */
function fieldOf<S extends Spec>(spec: S, h: string): keyof S | undefined {
  let best: keyof S | undefined;
  let length = 0;
  for (const key of Object.keys(spec) as (keyof S)[]) {
    for (const p of spec[key]) {
      const m = p.exec(h);
      if (m && m[0].length > length) {
        best = key;
        length = m[0].length;
      }
    }
  }
  return best;
}

function findHeader<S extends Spec>(grid: Grid, spec: S, required: (keyof S)[]): Header<S>[] {
  const found: Header<S>[] = [];
  for (let r = 0; r < grid.rows.length; r++) {
    const texts = headerTexts(grid, r);
    const byKey = new Map<keyof S, number[]>();
    for (let c = 0; c < texts.length; c++) {
      if (!texts[c]) continue;
      const key = fieldOf(spec, texts[c]);
      if (key !== undefined) byKey.set(key, [...(byKey.get(key) ?? []), c]);
    }
    if (!required.every((k) => byKey.has(k))) continue;
    const cols: Partial<Record<keyof S, number>> = {};
    const duplicates: Header<S>['duplicates'] = [];
    for (const [key, cs] of byKey) {
      cols[key] = cs[0];
      if (cs.length > 1) duplicates.push({ key, cols: cs });
    }
    found.push({ row: r, cols, duplicates });
  }
  return found;
}

const isProgressHeader = (h: Header<typeof PROGRESS_COLUMNS>) => h.cols.budgetTotal !== undefined || h.cols.monthsTotal !== undefined;
const goalHeaders = (grid: Grid) => findHeader(grid, GOAL_COLUMNS, ['code', 'status']);
const progressHeaders = (grid: Grid) => findHeader(grid, PROGRESS_COLUMNS, ['budgetSpent']).filter(isProgressHeader);
const surveyHeaders = (grid: Grid) => findHeader(grid, SURVEY_COLUMNS, ['statement', 'positive', 'n']);
function answerHeaders(grid: Grid): { row: number; col: number }[] {
  const found: { row: number; col: number }[] = [];
  for (let r = 0; r < grid.rows.length; r++) {
    const col = headerTexts(grid, r).findIndex((h) => RESPONDENT.test(h));
    if (col >= 0) found.push({ row: r, col });
  }
  return found;
}

/** Every header row of any table kind, sorted: a table ends where the next one starts. */
const headerRowCache = new WeakMap<Grid, number[]>();
function headerRows(grid: Grid): number[] {
  let rows = headerRowCache.get(grid);
  if (!rows) {
    const all = new Set<number>();
    for (const h of goalHeaders(grid)) all.add(h.row);
    for (const h of progressHeaders(grid)) all.add(h.row);
    for (const h of surveyHeaders(grid)) all.add(h.row);
    for (const h of answerHeaders(grid)) all.add(h.row);
    rows = [...all].sort((a, b) => a - b);
    headerRowCache.set(grid, rows);
  }
  return rows;
}

/** The row after a table's last row: the next header, or the end of the grid. */
function tableEnd(grid: Grid, headerRow: number): number {
  return headerRows(grid).find((r) => r > headerRow) ?? grid.rows.length;
}

interface Ctx {
  grid: Grid;
  file: string;
  issues: ImportIssue[];
}

function rowPlace(grid: Grid, r: number, c: number): string {
  return grid.rowPlace ? grid.rowPlace(r) : grid.place(r, c).replace(/celle [A-Z]+(\d+)$/, 'række $1');
}

/** The last part of a place: "Ark 'Mål', række 5" -> "række 5". */
const lastPart = (place: string) => place.slice(place.lastIndexOf(', ') + 1).trim();

/** "række 5-20" / "linje 2-9". */
function rowRange(grid: Grid, from: number, to: number, c: number): string {
  if (to < from) return '';
  const first = lastPart(rowPlace(grid, from, c));
  return to === from ? first : `${first}-${lastPart(rowPlace(grid, to, c)).replace(/^\D+/, '')}`;
}

function push(ctx: Ctx, severity: ImportIssue['severity'], location: string, m: ReaderMsg): void {
  ctx.issues.push({ severity, file: ctx.file, location, message: readerDanish(m), msg: m });
}
const error = (ctx: Ctx, r: number, c: number, m: ReaderMsg) => push(ctx, 'error', ctx.grid.place(r, c), m);
const warn = (ctx: Ctx, r: number, c: number, m: ReaderMsg) => push(ctx, 'warning', ctx.grid.place(r, c), m);

/** Issues that only say a table has no data: not an error by themselves (a recipient fills in only some sheets). */
export const EMPTY_TABLE_KEYS: ReadonlySet<ReaderKey> = new Set<ReaderKey>(['goalTableEmpty', 'progressTableEmpty', 'answersEmpty']);
export const isEmptyTable = (issue: ImportIssue): boolean => issue.msg !== undefined && EMPTY_TABLE_KEYS.has(issue.msg.key as ReaderKey);

function empty(ctx: Ctx, r: number, c: number, key: 'goalTableEmpty' | 'progressTableEmpty' | 'answersEmpty') {
  warn(ctx, r, c, readerMsg(key, { placeTable: ctx.grid.name }));
}

/**
 * A header naming one field twice is an error on the table: which column holds the status (or
 * the target) would be a guess. Returns true when the table must not be read.
 */
function refuseDuplicates<S extends Spec>(ctx: Ctx, header: Header<S>): boolean {
  if (header.duplicates.length === 0) return false;
  const { grid } = ctx;
  const end = tableEnd(grid, header.row);
  for (const d of header.duplicates) {
    const [first, ...rest] = d.cols;
    const firstPlace = grid.place(header.row, first);
    const tails = rest.map((c) => {
      const p = grid.place(header.row, c);
      let i = 0;
      while (i < p.length && p[i] === firstPlace[i]) i++;
      return p.slice(p.lastIndexOf(' ', i - 1) + 1);
    });
    const cells = [lastPart(firstPlace), ...tails].join(' og ');
    push(ctx, 'error', [firstPlace, ...tails].join(' og '), readerMsg('tableDuplicateHeader', {
      header: cellText(grid.rows[header.row][first]),
      placeCells: cells,
      placeRows: rowRange(grid, header.row + 1, end - 1, first),
    }));
  }
  return true;
}

/** The marks a report uses for "not reported": never 0, never a number. */
const NOT_REPORTED = /^(-|–|—|−|\*|n\/a|n\.a\.?|na|ikke opgjort|ikke oplyst|ikke rapporteret|ikke relevant|ukendt|\?)$/i;

interface What {
  subject?: string;
  termField?: TermKey;
}

type NumberCell = { value: number | null; notReported?: string };

/** A number cell: numbers as they are, text as a Danish number; blank or a not-reported mark = null; undefined = error. */
function numberAt(ctx: Ctx, r: number, c: number | undefined, what: What): NumberCell | undefined {
  if (c === undefined) return { value: null };
  const v = ctx.grid.rows[r]?.[c] ?? null;
  if (v === null) return { value: null };
  if (typeof v === 'number') return Number.isFinite(v) ? { value: v } : (error(ctx, r, c, readerMsg('cellInvalidNumber', { ...what })), undefined);
  if (typeof v === 'object' && !(v instanceof Date)) {
    error(ctx, r, c, v.noResult ? readerMsg('cellFormulaNoResult', { ...what }) : readerMsg('cellError', { ...what, error: v.error }));
    return undefined;
  }
  if (typeof v === 'boolean' || v instanceof Date) return error(ctx, r, c, readerMsg('cellNotNumber', { ...what, text: cellText(v) })), undefined;
  const { text, unusual, invisible } = normaliseUnicode(v.trim());
  if (text === '') return { value: null };
  if (NOT_REPORTED.test(text)) return { value: null, notReported: text };
  try {
    const value = parseDanishNumber(text);
    if (unusual || invisible.length) warn(ctx, r, c, readerMsg('cellUnusual', { ...what, text: v.trim(), normalised: text }));
    return { value };
  } catch (err) {
    if (!(err instanceof NumberParseError)) throw err;
    error(ctx, r, c, err.code ? readerMsg('cellBadNumber', { ...what, text: v.trim(), termReason: `reason.${err.code}` }) : readerMsg('cellNotNumber', { ...what, text: v.trim() }));
    return undefined;
  }
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A date cell: a date, a serial number, or Danish text; blank = null; undefined = error. */
function dateAt(ctx: Ctx, r: number, c: number | undefined, what: What): string | null | undefined {
  if (c === undefined) return null;
  const v = ctx.grid.rows[r]?.[c] ?? null;
  if (isBlank(v)) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number' && v > 0 && v < 2958466) return new Date(EXCEL_EPOCH + Math.round(v) * 86_400_000).toISOString().slice(0, 10);
  if (typeof v === 'object' && v !== null && !(v instanceof Date)) {
    error(ctx, r, c, v.noResult ? readerMsg('cellFormulaNoResult', { ...what }) : readerMsg('cellError', { ...what, error: v.error }));
    return undefined;
  }
  if (typeof v === 'string') {
    const { text, unusual, invisible } = normaliseUnicode(v.trim());
    try {
      const iso = parseDanishDate(text);
      if (unusual || invisible.length) warn(ctx, r, c, readerMsg('cellUnusual', { ...what, text: v.trim(), normalised: text }));
      return iso;
    } catch (err) {
      if (!(err instanceof DateParseError)) throw err;
      error(ctx, r, c, readerMsg('cellBadDate', { ...what, text: v.trim(), termReason: `date.${err.code}`, ...err.params }));
      return undefined;
    }
  }
  error(ctx, r, c, readerMsg('cellNotDate', { ...what, text: cellText(v) }));
  return undefined;
}

/** Whether a cell holds a figure (a number, a number as text, a date, or a cell a figure should have come from). */
function isFigure(v: CellValue | undefined): boolean {
  if (v === null || v === undefined || typeof v === 'boolean') return false;
  if (typeof v !== 'string') return true;
  const { text } = normaliseUnicode(v.trim());
  if (!/\d/.test(text)) return false;
  try {
    return parseDanishNumber(text) !== null;
  } catch {
    return /^\d{1,2}\.\d{1,2}\.\d{4}$/.test(text);
  }
}
const hasFigures = (row: CellValue[], except: number) => row.some((v, c) => c !== except && isFigure(v));
/** Figures in the columns a table reads: those must belong to a goal (a statement ...) or be an error. */
const hasFiguresIn = (row: CellValue[], cols: (number | undefined)[]) => cols.some((c) => c !== undefined && isFigure(row[c]));
/** A row's text for a message, shortened. */
const rowText = (row: CellValue[]) => excerpt(row.map(excerpt).filter(Boolean).join(' '));

/** "I alt", "Total", "Gennemsnit": a sum or mean of the rows above, not a row of its own. A code cell may say more ("Niveau B i alt"). */
const TOTALS = /(^|[\s(])(i alt|total|totalt|sum|gennemsnit|gennemsnittet|gns\.?|samlet|samlede|average|mean)(?![a-zæøå])/i;
/** In a column of statements or respondents only the word itself: "Samlet set er jeg tilfreds" is a statement. */
const TOTALS_ONLY = /^(i alt|total|totalt|sum|gennemsnit|gns\.?|samlet|average|mean)[:.]?$/i;
/** A note below or inside a table. */
const NOTE = /^(note|noter|anm\.?|anmærkning|bemærk|bemærkning|kilde|obs|\*|¹|²|³)/i;

/** Rows of a table: every non-blank row after the header until the next table's header. */
function tableRows(grid: Grid, headerRow: number): number[] {
  const rows: number[] = [];
  const end = tableEnd(grid, headerRow);
  for (let r = headerRow + 1; r < end; r++) if (!(grid.rows[r] ?? []).every(isBlank)) rows.push(r);
  return rows;
}

/** A goal code as written: "B1", "b 1", "B01", "Ｂ１", "B\u200B1"; superscripts are never part of one. */
const CODE = /^([ABC])\s*(\d+)$/i;
/** Text shaped like a code that is not one of ours ("D1", "B-1", "B1a"): an error, never a note. */
const CODE_LIKE = /^[A-Za-zÆØÅæøå]{1,3}\s*[-.]?\s*\d+[A-Za-z]?$/;

type GoalKey =
  | { kind: 'code'; code: string; invisible: string[]; unusual: boolean }
  | { kind: 'skip'; msg: ReaderMsg; severity: ImportIssue['severity'] };

const skip = (msg: ReaderMsg): GoalKey => ({ kind: 'skip', severity: 'warning', msg });
const refuse = (msg: ReaderMsg): GoalKey => ({ kind: 'skip', severity: 'error', msg });

/**
 * Why a row without figures to read, or with figures only outside the columns a table reads (the
 * summary block below the app's own goal tables), is not read: one of three warnings.
 */
function skipped(row: CellValue[], keyCol: number, text: string, termKey: TermKey, termWhat: TermKey): ReaderMsg {
  if (TOTALS.test(text)) return readerMsg('rowTotalsSkipped', { text, termWhat });
  if (hasFigures(row, keyCol)) return readerMsg('rowUnreadFigures', { text, termKey });
  return readerMsg('rowNoteSkipped', { text, termKey });
}

/** What the key cell of a goal row says: a code, or why the row is not a goal. */
function goalKey(row: CellValue[], codeCol: number, readCols: (number | undefined)[]): GoalKey {
  const raw = row[codeCol] ?? null;
  const figures = hasFiguresIn(row, readCols);
  if (isBlank(raw)) return figures ? refuse(readerMsg('rowFiguresNoCode')) : skip(skipped(row, codeCol, rowText(row), 'keyCode', 'whatGoal'));
  if (typeof raw !== 'string') return refuse(readerMsg('notAGoalCode', { text: excerpt(raw) }));
  const text = raw.trim();
  const { text: normal, invisible, unusual } = normaliseUnicode(text);
  const m = CODE.exec(normal.trim());
  if (m && !SUPER_OR_SUBSCRIPT.test(text)) {
    const code = `${m[1].toUpperCase()}${m[2].replace(/^0+(?=\d)/, '')}`;
    if (code.length > GOAL_CODE_MAX) return refuse(readerMsg('codeTooLong', { text: excerpt(raw), limit: GOAL_CODE_MAX }));
    return { kind: 'code', code, invisible, unusual };
  }
  if (CODE_LIKE.test(normal.trim()) || (figures && !TOTALS.test(normal))) return refuse(readerMsg('notAGoalCode', { text: excerpt(raw) }));
  return skip(skipped(row, codeCol, excerpt(raw), 'keyCode', 'whatGoal'));
}

/**
 * Rows not read, one warning per run of them (a note, a totals row, the summary block below a
 * table): each has its place, and a block of twenty rows is one line in the preview, not twenty.
 */
class SkippedRows {
  private first = -1;
  private last = -1;
  private count = 0;
  private msg: ReaderMsg | null = null;

  constructor(
    private readonly ctx: Ctx,
    private readonly col: number,
    private readonly termKey: TermKey,
  ) {}

  add(r: number, m: ReaderMsg): void {
    if (this.first < 0) {
      this.first = r;
      this.msg = m;
    }
    this.last = r;
    this.count += 1;
  }

  flush(): void {
    if (this.first < 0 || !this.msg) return;
    const { grid } = this.ctx;
    if (this.count === 1) push(this.ctx, 'warning', rowPlace(grid, this.first, this.col), this.msg);
    else {
      const range = rowRange(grid, this.first, this.last, this.col);
      const place = rowPlace(grid, this.first, this.col);
      push(this.ctx, 'warning', `${place.slice(0, place.length - lastPart(place).length)}${range}`, readerMsg('rowsSkipped', {
        count: this.count,
        placeRows: range,
        text: String(this.msg.params?.text ?? ''),
        termKey: this.termKey,
      }));
    }
    this.first = this.last = -1;
    this.count = 0;
    this.msg = null;
  }
}

/** A not-reported status and a printed percent computed the methodology's way (goals.ts), with its tolerance. */
function attainment(code: string, target: number | null, status: number, printed: number | null) {
  const result = goalAttainment(
    {
      code,
      level: code[0] as 'A' | 'B' | 'C',
      description: '',
      unit: '',
      targetInPeriod: target,
      targetAfterPeriod: null,
      direction: 'higher',
      baseline: null,
      status: { value: status, printedPercent: printed, reportedAt: '', reportedBy: '', source: { file: '', location: '' } },
    },
    DEFAULT_PROFILE,
  );
  const computed = result.displayPercent !== null && Number.isFinite(result.displayPercent) ? result.displayPercent : null;
  return { computed, differs: result.warnings.some((w) => w.code === 'printedPercentDiffers') };
}

export function readGoalTables(grid: Grid, file: string, ctxIssues: ImportIssue[]): { items: FoundItem[]; found: string[] } {
  const ctx: Ctx = { grid, file, issues: ctxIssues };
  const items: FoundItem[] = [];
  const found: string[] = [];
  for (const header of goalHeaders(grid)) {
    if (refuseDuplicates(ctx, header)) continue;
    const cols = header.cols;
    const codeCol = cols.code!;
    const rows = tableRows(grid, header.row);
    const readCols = [cols.targetIn, cols.targetAfter, cols.status, cols.printed, cols.date];
    const skippedRows = new SkippedRows(ctx, codeCol, 'keyCode');
    let count = 0;
    let goalRows = 0;
    for (const r of rows) {
      const row = grid.rows[r];
      const key = goalKey(row, codeCol, readCols);
      if (key.kind === 'skip' && key.severity === 'warning') {
        skippedRows.add(r, key.msg);
        continue;
      }
      skippedRows.flush();
      goalRows += 1;
      if (key.kind === 'skip') {
        error(ctx, r, codeCol, key.msg);
        continue;
      }
      const { code } = key;
      if (key.invisible.length) warn(ctx, r, codeCol, readerMsg('codeInvisible', { chars: key.invisible.join(', '), code }));
      else if (key.unusual) warn(ctx, r, codeCol, readerMsg('codeUnusual', { text: cellText(row[codeCol]), code }));
      const level = code[0] as 'A' | 'B' | 'C';
      const levelCell = cols.level !== undefined ? normaliseUnicode(cellText(row[cols.level])).text.toUpperCase() : '';
      if (levelCell && levelCell[0] !== level) error(ctx, r, cols.level!, readerMsg('levelMismatch', { level: levelCell, code }));
      const targetIn = numberAt(ctx, r, cols.targetIn, { subject: code, termField: 'fieldTargetIn' });
      const targetAfter = numberAt(ctx, r, cols.targetAfter, { subject: code, termField: 'fieldTargetAfter' });
      const status = numberAt(ctx, r, cols.status, { subject: code, termField: 'fieldStatus' });
      const printed = numberAt(ctx, r, cols.printed, { subject: code, termField: 'fieldPrinted' });
      const date = dateAt(ctx, r, cols.date, { subject: code, termField: 'fieldDate' });
      if (!targetIn || !targetAfter || !status || !printed || date === undefined) continue;
      const description = cols.description !== undefined ? cellText(row[cols.description]).replace(/\s+/g, ' ') : '';
      const reportedBy = cols.reportedBy !== undefined ? cellText(row[cols.reportedBy]) : '';
      const source = { file, location: grid.place(r, codeCol).replace(/celle [A-Z]+(\d+)$/, 'række $1') };
      items.push({
        type: 'goal',
        level,
        code,
        description,
        unit: cols.unit !== undefined ? cellText(row[cols.unit]) : '',
        targetInPeriod: targetIn.value,
        targetAfterPeriod: targetAfter.value,
        codeSuggested: false,
        source,
      });
      count += 1;
      // A blank or not-reported status is never stored: a "missing" report would hide the
      // project's earlier real status in every later round, and a dash is not a 0.
      if (status.value === null) {
        const place = grid.place(r, cols.status!);
        if (status.notReported !== undefined) push(ctx, 'warning', place, readerMsg('statusNotReported', { code, text: status.notReported }));
        else push(ctx, 'warning', place, readerMsg('statusBlank', { code }));
        continue;
      }
      if (date === null && cols.date !== undefined) warn(ctx, r, cols.date, readerMsg('statusDateMissing', { code }));
      const { computed, differs } = attainment(code, targetIn.value, status.value, printed.value);
      if (differs) warn(ctx, r, cols.printed!, readerMsg('printedDiffers', { code, printed: printed.value, computed }));
      items.push({
        type: 'status',
        code,
        value: status.value,
        reportedAt: date,
        reportedBy,
        printedPercent: printed.value,
        computedPercent: computed,
        source: { file, location: grid.place(r, cols.status!) },
      });
    }
    skippedRows.flush();
    if (goalRows === 0) empty(ctx, header.row, codeCol, 'goalTableEmpty');
    else if (count > 0) found.push(`${grid.name}: ${count} mål`);
  }
  return { items, found };
}

export function readProgressTable(grid: Grid, file: string, issues: ImportIssue[]): { items: FoundItem[]; found: string[] } {
  const ctx: Ctx = { grid, file, issues };
  const items: FoundItem[] = [];
  const found: string[] = [];
  for (const header of progressHeaders(grid)) {
    if (refuseDuplicates(ctx, header)) continue;
    const cols = header.cols;
    const keyCol = cols.budgetSpent!;
    const readCols = [cols.budgetTotal, cols.budgetSpent, cols.monthsTotal, cols.monthsElapsed, cols.date];
    const skippedRows = new SkippedRows(ctx, keyCol, 'keyFigures');
    let read: number | null = null;
    for (const r of tableRows(grid, header.row)) {
      const row = grid.rows[r];
      if (!hasFiguresIn(row, readCols)) {
        const text = rowText(row);
        skippedRows.add(r, TOTALS.test(text) ? readerMsg('rowTotalsSkipped', { text, termWhat: 'whatProgress' }) : readerMsg('rowTextSkipped', { text }));
        continue;
      }
      skippedRows.flush();
      if (read !== null) {
        push(ctx, 'error', rowPlace(grid, r, keyCol), readerMsg('progressExtraRow', { placeFirst: lastPart(rowPlace(grid, read, keyCol)) }));
        continue;
      }
      read = r;
      const values = {
        total: numberAt(ctx, r, cols.budgetTotal, { termField: 'fieldBudgetTotal' }),
        spent: numberAt(ctx, r, cols.budgetSpent, { termField: 'fieldBudgetSpent' }),
        monthsTotal: numberAt(ctx, r, cols.monthsTotal, { termField: 'fieldMonthsTotal' }),
        monthsElapsed: numberAt(ctx, r, cols.monthsElapsed, { termField: 'fieldMonthsElapsed' }),
        date: dateAt(ctx, r, cols.date, { termField: 'fieldProgressDate' }),
      };
      const { total, spent, monthsTotal, monthsElapsed, date } = values;
      if (!total || !spent || !monthsTotal || !monthsElapsed || date === undefined) continue;
      if (spent.value === null && total.value === null && monthsElapsed.value === null && monthsTotal.value === null) {
        empty(ctx, r, keyCol, 'progressTableEmpty');
        continue;
      }
      items.push({
        type: 'progress',
        budgetTotalKr: total.value,
        budgetSpentKr: spent.value,
        monthsTotal: monthsTotal.value,
        monthsElapsed: monthsElapsed.value,
        reportedAt: date,
        reportedBy: cols.reportedBy !== undefined ? cellText(row[cols.reportedBy]) : '',
        source: { file, location: grid.place(r, keyCol).replace(/celle [A-Z]+(\d+)$/, 'række $1') },
      });
      found.push(`${grid.name}: budget- og tidsforbrug`);
    }
    skippedRows.flush();
    if (read === null) empty(ctx, header.row, keyCol, 'progressTableEmpty');
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
  for (const header of surveyHeaders(grid)) {
    if (refuseDuplicates(ctx, header)) continue;
    const cols = header.cols;
    const keyCol = cols.statement!;
    const readCols = [cols.positive, cols.n, cols.scale];
    const skippedRows = new SkippedRows(ctx, keyCol, 'keyStatement');
    let count = 0;
    for (const r of tableRows(grid, header.row)) {
      const row = grid.rows[r];
      const raw = row[keyCol] ?? null;
      const figures = hasFiguresIn(row, readCols);
      const statement = cellText(raw);
      if (isBlank(raw) && !figures) {
        skippedRows.add(r, skipped(row, keyCol, rowText(row), 'keyStatement', 'whatSurvey'));
        continue;
      }
      if (TOTALS_ONLY.test(statement) || (NOTE.test(statement) && !figures)) {
        skippedRows.add(r, TOTALS_ONLY.test(statement) ? readerMsg('rowTotalsSkipped', { text: excerpt(raw), termWhat: 'whatSurvey' }) : readerMsg('rowNoteSkipped', { text: excerpt(raw), termKey: 'keyStatement' }));
        continue;
      }
      skippedRows.flush();
      if (isBlank(raw)) {
        error(ctx, r, keyCol, readerMsg('rowFiguresNoStatement'));
        continue;
      }
      const positive = numberAt(ctx, r, cols.positive, { termField: 'fieldPositive' });
      const n = numberAt(ctx, r, cols.n, { termField: 'fieldN' });
      const scaleRaw = numberAt(ctx, r, cols.scale, { termField: 'fieldScale' });
      if (!positive || !n || !scaleRaw) continue;
      if (positive.value === null || n.value === null) {
        error(ctx, r, cols.positive!, readerMsg('surveyBothRequired', { statement }));
        continue;
      }
      const scale = cols.scale === undefined ? 5 : scaleOf(scaleRaw.value);
      if (scale === null) {
        error(ctx, r, cols.scale!, readerMsg('surveyScaleInvalid', { statement }));
        continue;
      }
      if (!Number.isInteger(positive.value) || !Number.isInteger(n.value) || positive.value < 0 || positive.value > n.value) {
        error(ctx, r, cols.positive!, readerMsg('surveyImpossible', { statement, positive: positive.value, n: n.value }));
        continue;
      }
      items.push({
        type: 'survey',
        group: cols.group !== undefined ? cellText(row[cols.group]) : '',
        statement,
        positive: positive.value,
        n: n.value,
        scale,
        source: { file, location: grid.place(r, keyCol).replace(/celle [A-Z]+(\d+)$/, 'række $1') },
      });
      count += 1;
    }
    skippedRows.flush();
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
  let previous = -1;
  for (const { row: headerRow, col: respCol } of answerHeaders(grid)) {
    const start = items.length;
    const header = grid.rows[headerRow];
    let group = '';
    let scaleRow = -1;
    for (let r = previous + 1; r < headerRow; r++) {
      const label = normaliseHeader(grid.rows[r]?.[respCol] ?? null);
      if (/^gruppe/.test(label)) group = cellText(grid.rows[r][respCol + 1] ?? null);
      if (/^skala/.test(label)) scaleRow = r;
    }
    previous = headerRow;
    const columns = header.map((v, c) => ({ c, statement: cellText(v) })).filter((x) => x.c !== respCol && x.statement !== '');
    if (columns.length === 0) {
      error(ctx, headerRow, respCol, readerMsg('answersNoStatements'));
      continue;
    }
    const rows: number[] = [];
    const answerCols = columns.map((x) => x.c);
    const skippedRows = new SkippedRows(ctx, respCol, 'keyRespondent');
    for (const r of tableRows(grid, headerRow)) {
      const row = grid.rows[r];
      const key = row[respCol] ?? null;
      if (typeof key === 'string' && TOTALS_ONLY.test(key.trim())) skippedRows.add(r, readerMsg('rowTotalsSkipped', { text: excerpt(key), termWhat: 'whatRespondent' }));
      else if (isBlank(key) && !hasFiguresIn(row, answerCols)) skippedRows.add(r, skipped(row, respCol, rowText(row), 'keyRespondent', 'whatRespondent'));
      else {
        skippedRows.flush();
        rows.push(r);
      }
    }
    skippedRows.flush();
    if (rows.length === 0) {
      empty(ctx, headerRow, respCol, 'answersEmpty');
      continue;
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
      // The column's answers are not read when one is wrong: the message names them all.
      const answerRows = rowRange(grid, rows[0], rows[rows.length - 1], c);
      if (scale === null) {
        error(ctx, headerRow, c, readerMsg('answersNoScale', { statement, placeRows: answerRows }));
        continue;
      }
      const answers: (number | null)[] = [];
      let bad = false;
      for (const r of rows) {
        const v = numberAt(ctx, r, c, { subject: `"${statement}"` });
        if (v === undefined) {
          bad = true;
          continue;
        }
        if (v.value !== null && (!Number.isInteger(v.value) || v.value < 1 || v.value > scale)) {
          error(ctx, r, c, readerMsg('answersOffScale', { statement, value: v.value, scale, placeRows: answerRows }));
          bad = true;
          continue;
        }
        answers.push(v.value);
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
    if (items.length > start) found.push(`${grid.name}: ${items.length - start} udsagn fra ${rows.length} besvarelser`);
  }
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

/**
 * A grid with no header of ours whose rows look like goals (a code and a figure): English
 * headers, a typo in "Kode". Nothing of it is read, and the user is told where it is.
 */
function unreadGoalRows(grid: Grid, file: string, issues: ImportIssue[]): void {
  if (headerRows(grid).length > 0) return;
  for (let r = 0; r < grid.rows.length; r++) {
    const row = grid.rows[r] ?? [];
    const c = row.findIndex((v) => typeof v === 'string' && CODE.test(normaliseUnicode(v.trim()).text));
    if (c < 0 || !hasFigures(row, c)) continue;
    const place = grid.place(r, c);
    issues.push(warningOf(file, place, readerMsg('sheetNoHeader', { placeTable: grid.name, text: excerpt(row[c]), placeCell: lastPart(place) })));
    return;
  }
}

const warningOf = (file: string, location: string, m: ReaderMsg): ImportIssue => ({ severity: 'warning', file, location, message: readerDanish(m), msg: m });

/** Every table of a grid, in one go. */
export function readTables(grid: Grid, file: string): TableResult {
  const issues: ImportIssue[] = [];
  unreadGoalRows(grid, file, issues);
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
