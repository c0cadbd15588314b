import type { ContentKind, FactField, FoundItem, ImportSource } from './items';
import { parseDanishAmountKr, NumberParseError } from '../numbers/danish';
import { roundHalfUp } from '../methodology/rounding';
import { FIGURE_TOKEN, danishNumberWord, joinWrapped, readFigure, type TextLine } from './text';
import type { NoteParams } from './notes';
import { reportIssue, type ReportIssue, type ReportMessageKey } from './reportMessages';
import { factsOf, isFactLabel, LABELLED, reportNoteOf, scoreAverageOf, surveyGroupOf, surveyNoteOf, surveyRowOf, toKr, unitFactor } from './reportFacts';
import {
  DEFAULT_GOAL_COLUMNS,
  GOAL_COLUMN_DA,
  goalHeaderColumns,
  NOT_REPORTED,
  PERCENT_TOKEN,
  readGoalCell,
  TOTALS_ROW,
  usableGoalHeader,
  type GoalColumn,
} from './goalColumns';
import { reportedAttainment } from './goalPercent';
import { readSharePhrase } from './sharePhrase';

/**
 * Recognises what evaluation reports and applications contain, from their text as a PDF or
 * Word extraction gives it (seeds 003 and 004): the fact box, goal tables A/B/C with target,
 * status and printed percent (descriptions wrapped over lines, hyphenated words, "19.037"),
 * the budget and time table, the average implementation score, survey indicators ("9 ud af 9"),
 * budget lines per year (1000 kr with decimals), financing sources and an application's
 * numeric goals written as prose bullets ("Afholdelse af 24 netværksaktiviteter").
 *
 * Pure: text lines in, items and issues out, every one with its place. Tables a Word document
 * or a PDF shows as tables are read by `reportTables.ts`; this reads what is left as text.
 */

export interface RecognisedText {
  kind: ContentKind;
  items: FoundItem[];
  issues: ReportIssue[];
  /** The index (in the input) of the line an item was read from, for ordering it among a document's tables. */
  lineOf(item: FoundItem): number;
}

interface Line extends TextLine {
  /** Whitespace-normalised text without invisible characters. */
  t: string;
  /** Index in the input. */
  index: number;
}

/** A goal row: a code, a colon, point or parenthesis, then the description. */
const CODE_ROW = /^([ABC])(\d+)\s*[:.)]\s*(.*)$/;
const CAPTION = /^(Figur|Tabel)\s+\d+/i;
const TABLE_END = /^(Note|Figur|Tabel|Kilde)\b/i;

export function recogniseReportText(input: TextLine[], file: string): RecognisedText {
  const lines: Line[] = input
    .map((l, index) => ({ ...l, index, t: l.text.replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '').replace(/\s+/g, ' ').trim() }))
    .filter((l) => l.t !== '');
  const items: FoundItem[] = [];
  const issues: ReportIssue[] = [];
  const at = new WeakMap<FoundItem, number>();
  const ctx: Ctx = {
    file,
    add: (item, l) => {
      items.push(item);
      at.set(item, l.index);
      return items.length - 1;
    },
    issue: (severity, l, key, params, goal) => issues.push(reportIssue(severity, file, l?.location ?? '', key, params, goal)),
    src: (l, location = l.location) => ({ file, location }),
    items,
  };

  const isApplication = lines.some((l) => /^Ansøgningsskema\b|^Ansøgning\s*[–-]/i.test(l.t));

  recogniseFacts(lines, isApplication, ctx);
  recogniseScoreAverage(lines, ctx);
  const goalCount = recogniseGoalTables(lines, ctx);
  recogniseProgress(lines, ctx);
  recogniseSurvey(lines, ctx);
  const budgetTotal = recogniseBudgetLines(lines, ctx);
  recogniseFinancing(lines, ctx, budgetTotal);
  if (isApplication) recogniseProseGoals(lines, ctx);

  const kind: ContentKind = isApplication
    ? 'application'
    : goalCount > 0 || lines.some((l) => /Resumé|Målopnåelse|Effektvurdering/.test(l.t))
      ? 'evaluationReport'
      : 'unknown';
  return { kind, items, issues, lineOf: (item) => at.get(item) ?? Number.MAX_SAFE_INTEGER };
}

/** From one place to another: "linje 714–720", "side 3, linje 40–44", "side 3, linje 40 – side 4, linje 2". */
export function spanLocation(from: string, to: string): string {
  if (from === to) return from;
  const a = /^(.*linje )(\d+)$/.exec(from);
  const b = /^(.*linje )(\d+)$/.exec(to);
  if (a && b && a[1] === b[1]) return `${from}–${b[2]}`;
  return `${from} – ${to}`;
}

interface Ctx {
  file: string;
  items: FoundItem[];
  /** Adds an item read at a line; returns its index. */
  add(item: FoundItem, l: Line): number;
  issue(severity: 'error' | 'warning', l: Line | null, key: ReportMessageKey, params?: NoteParams, goal?: string): void;
  src(l: Line, location?: string): ImportSource;
}

function recogniseFacts(lines: Line[], isApplication: boolean, ctx: Ctx): void {
  const seen = new Set<FactField>();
  const add = (field: FactField, value: string | number | null, l: Line) => {
    if (seen.has(field)) return;
    seen.add(field);
    ctx.add({ type: 'fact', field, value, source: ctx.src(l) }, l);
  };
  for (const l of lines) {
    const resume = /^\d*\s*Resumé\s*:\s*(.+)$/.exec(l.t);
    if (resume) add('name', resume[1].trim(), l);
    const application = isApplication ? /^Ansøgning\s*[–-]\s*(.+)$/.exec(l.t) : null;
    if (application) add('name', application[1].trim(), l);
    if (isApplication && !seen.has('grantRecipient')) {
      const navn = /^Navn\s+(.+)$/.exec(l.t);
      if (navn) add('grantRecipient', navn[1].trim(), l);
    }
    // A fact box drawn as a table (Word, PDF) has the label and the value in cells of their own.
    const cells = l.cells?.filter((c) => c.text.trim() !== '');
    if (cells?.length === 2 && isFactLabel(cells[0].text)) {
      const at = { ...l, location: cells[1].location ?? l.location };
      for (const f of factsOf(cells[0].text, cells[1].text, (key, params) => ctx.issue('error', at, key, params)) ?? []) add(f.field, f.value, at);
      continue;
    }
    const labelled = LABELLED.exec(l.t);
    if (!labelled) continue;
    const facts = factsOf(labelled[1], labelled[2], (key, params) => ctx.issue('error', l, key, params));
    for (const f of facts ?? []) add(f.field, f.value, l);
  }
}

function recogniseScoreAverage(lines: Line[], ctx: Ctx): void {
  for (const l of lines) {
    const value = scoreAverageOf(l.t, (key, params) => ctx.issue('warning', l, key, params));
    if (value === null) continue;
    ctx.add({ type: 'scoreAverage', value, source: ctx.src(l) }, l);
    return;
  }
}

/** Splits a budget or progress line into its label and its trailing figures ("Løn 436,8 561,6 561,6"). */
function splitTail(t: string, textBeforeFigures = false): { text: string; figures: string[]; percent: string | null } | null {
  const tokens = t.split(' ');
  let end = tokens.length;
  let percent: string | null = null;
  const last = tokens[end - 1];
  if (last === '%' && end >= 2 && FIGURE_TOKEN.test(tokens[end - 2])) {
    percent = tokens[end - 2];
    end -= 2;
  } else if (/^\d[\d.,]*%$/.test(last)) {
    percent = last.slice(0, -1);
    end -= 1;
  }
  let start = end;
  while (start > 0 && FIGURE_TOKEN.test(tokens[start - 1])) start -= 1;
  const figures = tokens.slice(start, end);
  const text = tokens.slice(0, start).join(' ');
  if (percent === null && ((text !== '' && !textBeforeFigures) || figures.length < (textBeforeFigures ? 1 : 2))) return null;
  if (percent !== null && figures.length === 0) return null;
  return { text, figures, percent };
}

/**
 * The cells at the end of a goal row's line, last first: "86 %", "19.037", "–", "n/a",
 * "ikke opgjort", "*". What is left before them is text.
 */
const CELL_AT_END = /(?:^|\s)(\d[\d.,]*\s?(?:%|pct\.?)|[-\u2212]?\d[\d.,]*|[-\u2010-\u2015\u2212*]|n\/a|n\.a\.?|i\/a|ikke (?:opgjort|oplyst|rapporteret|relevant))$/i;

function cellsAtEnd(t: string): { text: string; cells: string[] } {
  const cells: string[] = [];
  let rest = t;
  for (let m = CELL_AT_END.exec(rest); m; m = CELL_AT_END.exec(rest)) {
    cells.unshift(m[1]);
    rest = rest.slice(0, m.index).trimEnd();
  }
  return { text: rest, cells };
}

/**
 * The cells of a goal row given the table's columns. Empty cells leave no trace in text, so
 * only what can't be read two ways is read: a percent is a figure with "%" (or a dash in the
 * last column when every column has a cell); the other columns take the figures before it,
 * and figures beyond them belong to the description ("... på niveau 2 12 9 75 %"). Too few
 * figures is "short": they could be any of the columns, or the end of the description.
 */
function assignCells(cells: string[], columns: GoalColumn[]): { values: Partial<Record<GoalColumn, string>>; extra: string[] } | 'short' {
  const figureColumns = columns.filter((c) => c !== 'percent');
  const rest = [...cells];
  const values: Partial<Record<GoalColumn, string>> = {};
  const last = rest[rest.length - 1];
  if (last !== undefined && PERCENT_TOKEN.test(last)) values.percent = rest.pop();
  else if (last !== undefined && columns.includes('percent') && NOT_REPORTED.test(last) && rest.length >= columns.length) values.percent = rest.pop();
  if (rest.length < figureColumns.length) return 'short';
  const extra = rest.splice(0, rest.length - figureColumns.length);
  figureColumns.forEach((c, k) => (values[c] = rest[k]));
  return { values, extra };
}

interface PendingReport {
  statusIndexes: number[];
  firstLine: Line;
}

function recogniseGoalTables(lines: Line[], ctx: Ctx): number {
  let count = 0;
  const pending: PendingReport = { statusIndexes: [], firstLine: lines[0] };
  const flush = () => {
    if (pending.statusIndexes.length === 0) return;
    ctx.issue('warning', pending.firstLine, 'goalTableNoDate');
    pending.statusIndexes = [];
  };
  /** Where the current table's caption is (its header lines follow it), and the header once read. */
  let captionAt = -1;
  let header: GoalColumn[] | null | undefined;
  let inTable = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (/indrapporteret/i.test(l.t) && pending.statusIndexes.length > 0) {
      const { date, by } = reportNoteOf(
        lines
          .slice(i, i + 3)
          .map((x) => x.t)
          .join(' '),
        (key, params) => ctx.issue('error', l, key, params),
      );
      for (const idx of pending.statusIndexes) {
        const s = ctx.items[idx] as Extract<FoundItem, { type: 'status' }>;
        s.reportedAt = date;
        s.reportedBy = by;
      }
      if (!date) flush();
      pending.statusIndexes = [];
      inTable = false;
      continue;
    }
    if (CAPTION.test(l.t)) {
      flush();
      captionAt = i;
      header = undefined;
      inTable = false;
      continue;
    }
    if (inTable && TOTALS_ROW.test(l.t) && cellsAtEnd(l.t).cells.length > 0) {
      ctx.issue('warning', l, 'goalTotalsSkipped', { label: l.t });
      continue;
    }
    const start = CODE_ROW.exec(l.t);
    if (!start) continue;
    const level = start[1] as 'A' | 'B' | 'C';
    const code = `${level}${Number(start[2])}`;
    if (start[2].replace(/^0+(?=\d)/, '').length > 3) {
      ctx.issue('error', l, 'goalCodeTooLong', { code: `${level}${start[2]}` }, code);
      continue;
    }
    if (header === undefined) {
      // The header is the text between the table's caption and its first row (003: "Mål i
      // projektperio- den Status Målopnåelse i procent"); without a caption nearby, 003's layout.
      const found = captionAt >= 0 && i - captionAt <= 14 ? goalHeaderColumns(lines.slice(captionAt + 1, i).map((x) => x.t).join('\n')) : [];
      header = usableGoalHeader(found) ? found : null;
    }
    inTable = true;
    const shared = recogniseShareRow(l, level, code, start[3], ctx);
    if (shared !== null) {
      if (shared >= 0) {
        count += 1;
        if (pending.statusIndexes.length === 0) pending.firstLine = l;
        pending.statusIndexes.push(shared);
      }
      continue;
    }
    const columns = header ?? DEFAULT_GOAL_COLUMNS[level];
    const row = readGoalRow(lines, i, start[3], columns);
    i = row.end;
    const rowLine = lines[row.end];
    if (row.kind === 'none') {
      ctx.issue('error', l, 'goalNoFigures', { code }, code);
      continue;
    }
    if (row.kind === 'short') {
      const names = columns.map((c) => GOAL_COLUMN_DA[c]).join(', ');
      ctx.issue('error', rowLine, 'goalAmbiguousFigures', { code, columns: columns.length, names, count: row.cells.length, figures: row.cells.join(' '), first: row.cells[0] }, code);
      continue;
    }
    const read = (column: GoalColumn): number | null | undefined => {
      const token = row.values[column];
      if (token === undefined) return null;
      const r = readGoalCell(token, column);
      if (r.ok) return r.value;
      ctx.issue('error', rowLine, 'goalFigureUnreadable', { code, reason: r.message }, code);
      return undefined;
    };
    const targetIn = read('targetIn');
    const targetAfter = read('targetAfter');
    const status = read('status');
    const printed = read('percent');
    if ([targetIn, targetAfter, status, printed].includes(undefined)) continue;
    const source = ctx.src(l, spanLocation(l.location, rowLine.location));
    ctx.add(
      {
        type: 'goal',
        level,
        code,
        description: joinWrapped(row.parts),
        unit: '',
        targetInPeriod: targetIn as number | null,
        targetAfterPeriod: targetAfter as number | null,
        codeSuggested: false,
        source,
      },
      l,
    );
    count += 1;
    if (status === null) {
      ctx.issue('warning', rowLine, 'statusMissing', { code }, code);
      if (printed !== null) ctx.issue('warning', rowLine, 'printedWithoutStatus', { code, printed: printed as number }, code);
      continue;
    }
    const { computed, printedDiffers } = reportedAttainment({ code, level, target: targetIn as number | null, status: status as number, printed: printed as number | null });
    if (printedDiffers) ctx.issue('warning', rowLine, 'printedPercentDiffers', { code, printed: printed as number, computed, status: status as number, target: targetIn as number | null }, code);
    if (pending.statusIndexes.length === 0) pending.firstLine = l;
    pending.statusIndexes.push(
      ctx.add(
        {
          type: 'status',
          code,
          value: status as number,
          reportedAt: null,
          reportedBy: '',
          printedPercent: printed as number | null,
          computedPercent: computed,
          source,
        },
        l,
      ),
    );
  }
  flush();
  return count;
}

/**
 * A goal row whose status is a share ("C1: I selvforsørgelse 30 % 30 af 124 (24 %)"): the
 * figure before the share is its target (a percent with "%", else a count of the numerator).
 * Adds the goal (a share) and its status; returns the status's index, -1 when the row had an
 * error (given with its place), null when the row is no share row.
 */
function recogniseShareRow(l: Line, level: 'A' | 'B' | 'C', code: string, rest: string, ctx: Ctx): number | null {
  const read = readSharePhrase(rest);
  if (read === null) return null;
  if (!read.ok) {
    ctx.issue('error', l, 'goalFigureUnreadable', { code, reason: read.message }, code);
    return -1;
  }
  const { share } = read;
  const target = /^(.*?)\s*(\d[\d.,]*)\s*(%|pct\.?)?$/i.exec(share.before);
  let description = share.before;
  let targetInPeriod: number | null = null;
  let targetKind: 'percent' | 'count' = 'percent';
  if (target && target[1] !== '') {
    const figure = readFigure(target[2]);
    if (!figure.ok) {
      ctx.issue('error', l, 'goalFigureUnreadable', { code, reason: figure.message }, code);
      return -1;
    }
    description = target[1];
    targetInPeriod = figure.value;
    targetKind = target[3] ? 'percent' : 'count';
  }
  const source = ctx.src(l);
  ctx.add(
    { type: 'goal', level, code, description, unit: '', targetInPeriod, targetAfterPeriod: null, codeSuggested: false, measure: 'share', shareTargetKind: targetKind, source },
    l,
  );
  if (share.printedDiffers) {
    ctx.issue('warning', l, 'printedShareDiffers', { code, printed: share.printedPercent!, computed: share.computedPercent, numerator: share.numerator, denominator: share.denominator }, code);
  }
  return ctx.add(
    {
      type: 'status',
      code,
      value: share.numerator,
      denominator: share.denominator,
      reportedAt: null,
      reportedBy: '',
      printedPercent: share.printedPercent,
      computedPercent: share.computedPercent,
      source,
    },
    l,
  );
}

type GoalRow =
  | { kind: 'row'; parts: string[]; values: Partial<Record<GoalColumn, string>>; end: number }
  | { kind: 'short'; cells: string[]; end: number }
  | { kind: 'none'; end: number };

/**
 * A goal row from its code line on: description lines until the line that ends in its cells.
 * A line ends the row when its cells fill the columns, or end in a percent or a dash, or stand
 * on a line of their own; a description line may end in a number ("... på niveau 2").
 */
function readGoalRow(lines: Line[], i: number, first: string, columns: GoalColumn[]): GoalRow {
  const parts: string[] = [];
  let lastWithCells: { cells: string[]; at: number } | null = null;
  for (let j = i; j < lines.length && j < i + 15; j++) {
    const text = j === i ? first : lines[j].t;
    if (j > i && (CODE_ROW.test(text) || TABLE_END.test(text) || TOTALS_ROW.test(text) || /indrapporteret/i.test(text))) break;
    const tail = cellsAtEnd(text);
    if (tail.cells.length > 0) {
      const anchored = tail.text === '' || PERCENT_TOKEN.test(tail.cells[tail.cells.length - 1]) || NOT_REPORTED.test(tail.cells[tail.cells.length - 1]);
      const assigned = assignCells(tail.cells, columns);
      if (assigned !== 'short') {
        parts.push([tail.text, ...assigned.extra].filter(Boolean).join(' '));
        return { kind: 'row', parts, values: assigned.values, end: j };
      }
      if (anchored) return { kind: 'short', cells: tail.cells, end: j };
      lastWithCells = { cells: tail.cells, at: j };
    }
    parts.push(text);
  }
  if (lastWithCells) return { kind: 'short', cells: lastWithCells.cells, end: lastWithCells.at };
  return { kind: 'none', end: i };
}

function recogniseProgress(lines: Line[], ctx: Ctx): void {
  let budget: { total: number | null; spent: number | null; line: Line } | null = null;
  let time: { total: number | null; spent: number | null; line: Line } | null = null;
  let noteIndex = -1;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const m = /^(Budgetforbrug|Tidsforbrug)\s*(?:\(([^)]*)\))?\s*(.*)$/i.exec(l.t);
    if (m && !(m[1].toLowerCase() === 'budgetforbrug' ? budget : time)) {
      const tail = splitTail(m[3]);
      if (!tail || tail.text !== '' || tail.figures.length !== 2) continue;
      const [a, b] = tail.figures.map((f) => readFigure(f));
      if (!a.ok || !b.ok) {
        ctx.issue('error', l, 'progressFigureUnreadable', { label: m[1], reason: !a.ok ? a.message : (b as { message: string }).message });
        continue;
      }
      const isBudget = m[1].toLowerCase() === 'budgetforbrug';
      const factor = isBudget ? unitFactor(m[2] ?? '') : 1;
      const conv = (v: number | null) => (v === null ? null : isBudget ? toKr(v, factor) : v);
      const entry = { total: conv(a.value), spent: conv(b.value), line: l };
      if (isBudget) budget = entry;
      else time = entry;
      noteIndex = i;
    }
  }
  if (!budget && !time) return;
  const first = (budget ?? time)!.line;
  let date: string | null = null;
  let by = '';
  for (let i = noteIndex + 1; i < Math.min(lines.length, noteIndex + 4); i++) {
    if (/indrapporteret/i.test(lines[i].t)) {
      const l = lines[i];
      ({ date, by } = reportNoteOf(
        lines
          .slice(i, i + 3)
          .map((x) => x.t)
          .join(' '),
        (key, params) => ctx.issue('error', l, key, params),
      ));
      break;
    }
  }
  if (!date) ctx.issue('warning', first, 'progressNoDate');
  const lastLine = (time ?? budget)!.line;
  ctx.add(
    {
      type: 'progress',
      budgetTotalKr: budget?.total ?? null,
      budgetSpentKr: budget?.spent ?? null,
      monthsTotal: time?.total ?? null,
      monthsElapsed: time?.spent ?? null,
      reportedAt: date,
      reportedBy: by,
      source: ctx.src(first, first.location === lastLine.location ? first.location : `${first.location} - ${lastLine.location}`),
    },
    first,
  );
}

function recogniseSurvey(lines: Line[], ctx: Ctx): void {
  for (let i = 0; i < lines.length; i++) {
    const group = surveyGroupOf(lines[i].t);
    if (group === null) continue;
    const rows: { statement: string; positive: number; n: number; line: Line }[] = [];
    let parts: string[] = [];
    let j = i + 1;
    if (j < lines.length && /^\S+$/.test(lines[j].t)) j += 1; // the column header's wrapped word
    let note: ReturnType<typeof surveyNoteOf> = null;
    let noteLine: Line | null = null;
    for (; j < lines.length && j < i + 40; j++) {
      const t = lines[j].t;
      note = surveyNoteOf(`${t} ${lines[j + 1]?.t ?? ''}`);
      if (note) {
        noteLine = lines[j];
        break;
      }
      const m = surveyRowOf(t);
      if (m) {
        parts.push(m.statement);
        rows.push({ statement: joinWrapped(parts), positive: m.positive, n: m.n, line: lines[j] });
        parts = [];
      } else parts.push(t);
    }
    if (rows.length === 0) continue;
    addSurveyRows(rows, group, note, noteLine, lines[i], ctx);
    i = j;
  }
}

function addSurveyRows(
  rows: { statement: string; positive: number; n: number; line: Line }[],
  group: string,
  note: { scale: 3 | 5 | null; n: number | null } | null,
  noteLine: Line | null,
  headerLine: Line,
  ctx: Ctx,
): void {
  const scale = note?.scale ?? null;
  if (scale === null) ctx.issue('warning', headerLine, 'surveyNoScale');
  for (const r of rows) {
    if (note?.n != null && r.n !== note.n)
      ctx.issue('warning', r.line, 'surveyNMismatch', { positive: r.positive, n: r.n, nNote: note.n, noteAt: noteLine ? ` (${noteLine.location})` : '' });
    if (r.positive > r.n) ctx.issue('error', r.line, 'surveyTooManyPositive', { positive: r.positive, n: r.n });
    ctx.add({ type: 'survey', group, statement: r.statement, positive: r.positive, n: r.n, scale: scale ?? 5, source: ctx.src(r.line) }, r.line);
  }
}

/** Budget by cost type and year (004 section 7). Returns the budget total in kr, or null. */
function recogniseBudgetLines(lines: Line[], ctx: Ctx): number | null {
  const unitAt = lines.findIndex((l) => /Beløb i\s*(1\.?000\s*kr|t\.?\s?kr|tkr|mio|kr)/i.test(l.t));
  if (unitAt < 0) return null;
  const factor = unitFactor(/Beløb i\s*(.*)$/i.exec(lines[unitAt].t)![1]);
  let yearsAt = -1;
  for (let i = unitAt; i < Math.min(lines.length, unitAt + 4); i++) if (/^(\d{4}\s*)+$/.test(lines[i].t)) yearsAt = i;
  if (yearsAt < 0) {
    ctx.issue('warning', lines[unitAt], 'budgetNoYears');
    return null;
  }
  const years = lines[yearsAt].t.split(' ').map(Number);
  const sums = years.map(() => 0);
  let label: string[] = [];
  let firstLabelLine: Line | null = null;
  let total: number | null = null;
  for (let i = yearsAt + 1; i < lines.length; i++) {
    const l = lines[i];
    if (/^\d+\.\s*\S/.test(l.t) && !/^\d+[.,]\d/.test(l.t)) break; // next numbered section
    const tail = splitTail(l.t, true);
    if (tail && tail.figures.length > years.length) {
      // "Løn - projektledelse 436,8 ...": a dash in the label is not a missing figure.
      const extra = tail.figures.length - years.length;
      tail.text = [tail.text, ...tail.figures.slice(0, extra)].filter(Boolean).join(' ');
      tail.figures = tail.figures.slice(extra);
    }
    if (!tail || tail.figures.length !== years.length || tail.percent !== null) {
      if (label.length >= 3) break;
      if (label.length === 0) firstLabelLine = l;
      label.push(l.t);
      continue;
    }
    const rowLabel = joinWrapped([...label, tail.text]);
    const first = firstLabelLine && label.length ? firstLabelLine : l;
    const place = spanLocation(first.location, l.location);
    label = [];
    firstLabelLine = null;
    const values: number[] = [];
    for (const f of tail.figures) {
      const r = readFigure(f);
      if (!r.ok) {
        ctx.issue('error', l, 'budgetLineUnreadable', { label: rowLabel, reason: r.message });
        return null;
      }
      if (r.value === null) {
        ctx.issue('error', l, 'budgetLineMissing', { label: rowLabel });
        return null;
      }
      values.push(toKr(r.value, factor));
    }
    if (/^I alt\b/i.test(rowLabel)) {
      values.forEach((v, k) => {
        if (Math.abs(v - sums[k]) > 1) ctx.issue('warning', l, 'budgetTotalMismatch', { year: years[k], amount: v, sum: roundHalfUp(sums[k], 2) });
      });
      total = roundHalfUp(values.reduce((a, b) => a + b, 0), 2);
      break;
    }
    const pct = /\((\d+(?:,\d+)?)\s*%/.exec(rowLabel);
    const percentOfDirect = pct ? Number(pct[1].replace(',', '.')) : null;
    const costType = rowLabel.replace(/\s*\(.*$/, '').replace(/[:\s]+$/, '').trim();
    if (percentOfDirect !== null) {
      values.forEach((v, k) => {
        const expected = roundHalfUp((sums[k] * percentOfDirect) / 100, 2);
        if (Math.abs(expected - v) > 1) ctx.issue('warning', l, 'indirectMismatch', { costType, year: years[k], amount: v, percent: percentOfDirect, expected });
      });
    }
    values.forEach((v, k) => {
      sums[k] += v;
      ctx.add({ type: 'budgetLine', costType, year: years[k], amountKr: v, percentOfDirect, source: ctx.src(l, place) }, l);
    });
  }
  return total;
}

const AMOUNT_AT_END = /^(.*?)\s*((?:DKK\s*)?\d[\d.]*(?:,\d+)?\s*(?:kr\.?|DKK|mio\.?(?:\s*kr\.?)?))$/i;

function recogniseFinancing(lines: Line[], ctx: Ctx, budgetTotal: number | null): void {
  const start = lines.findIndex((l) => /^(\d+\.\s*)?Finansiering\b/i.test(l.t));
  if (start < 0) return;
  let label: string[] = [];
  let sum = 0;
  let found = 0;
  for (let i = start + 1; i < lines.length && i < start + 40; i++) {
    const l = lines[i];
    if (/^\d+\.\s+\S/.test(l.t) || /^Underskrift\b/i.test(l.t)) break;
    if (/Regneark kan vedlægges/i.test(l.t)) {
      label = [];
      continue;
    }
    const m = AMOUNT_AT_END.exec(l.t);
    if (!m) {
      label.push(l.t);
      continue;
    }
    const name = joinWrapped([...label, m[1]]);
    label = [];
    let amount: number | null;
    try {
      amount = parseDanishAmountKr(m[2]);
    } catch (err) {
      if (!(err instanceof NumberParseError)) throw err;
      ctx.issue('error', l, 'financingUnreadable', { name, reason: err.message });
      continue;
    }
    if (amount === null) {
      ctx.issue('error', l, 'financingMissing', { name });
      continue;
    }
    if (/^I alt\b/i.test(name)) {
      if (Math.abs(amount - sum) > 1) ctx.issue('warning', l, 'financingTotalMismatch', { amount, sum });
      if (budgetTotal !== null && Math.abs(amount - budgetTotal) > 1) ctx.issue('warning', l, 'financingBudgetMismatch', { amount, budget: budgetTotal });
      break;
    }
    if (!name) {
      ctx.issue('error', l, 'financingNoName', { amount: m[2] });
      continue;
    }
    sum = roundHalfUp(sum + amount, 2);
    found += 1;
    ctx.add({ type: 'financing', name, amountKr: amount, source: ctx.src(l) }, l);
  }
  if (found === 0) ctx.issue('warning', lines[start], 'financingNone');
}

/**
 * A bullet as Word, PDF and Symbol/Wingdings fonts write it: • ▪ · ● ◦ ■ ► ➢ ✓ * - –, the private-use
 * glyphs \uF0A7 and \uF0B7, and the letter "o" of Word's second-level list when a space follows.
 */
const BULLET = /^(?:[▪•›·‣●◦■□►➢➤✓*\-–\uF0A7\uF0B7\uF0D8\uF0FC]|o(?=\s))\s*(.*)$/;
/** Number words that are also articles ("en kernefortælling") are not read as counts in prose. */
const ARTICLES = new Set(['en', 'et', 'én', 'ét']);

/** The count a prose goal names: "Afholdelse af 24 netværksaktiviteter" -> 24, "tre" -> 3. */
export function countInProse(text: string): number | null {
  const withoutParens = text.replace(/\([^)]*\)/g, ' ');
  for (const raw of withoutParens.split(/\s+/)) {
    const token = raw.replace(/^[("]+|[),.;:"]+$/g, '');
    if (/^\d{1,3}(\.\d{3})+$|^\d+$/.test(token)) {
      if (/^(19|20)\d\d$/.test(token)) continue; // a year, not a count
      return Number(token.replace(/\./g, ''));
    }
    if (!ARTICLES.has(token.toLowerCase())) {
      const word = danishNumberWord(token);
      if (word !== null) return word;
    }
  }
  return null;
}

function recogniseProseGoals(lines: Line[], ctx: Ctx): void {
  const start = lines.findIndex((l) => /Effekter og output|^Mål for\b/i.test(l.t));
  if (start < 0) {
    ctx.issue('warning', null, 'applicationNoGoalSection');
    return;
  }
  const bullets: { parts: string[]; line: Line; last: Line }[] = [];
  let current: { parts: string[]; line: Line; last: Line } | null = null;
  for (let i = start + 1; i < lines.length; i++) {
    const l = lines[i];
    if (/^\d+\.\s+\S/.test(l.t)) break;
    if (/^Mål for\b/i.test(l.t)) {
      current = null;
      continue;
    }
    const b = BULLET.exec(l.t);
    if (b) {
      current = { parts: [b[1]], line: l, last: l };
      bullets.push(current);
    } else if (current) {
      current.parts.push(l.t);
      current.last = l;
    }
  }
  let n = 0;
  for (const b of bullets) {
    const description = joinWrapped(b.parts);
    const target = countInProse(description);
    if (target === null) continue;
    n += 1;
    ctx.add(
      {
        type: 'goal',
        level: 'B',
        code: `B${n}`,
        description,
        unit: '',
        targetInPeriod: target,
        targetAfterPeriod: null,
        codeSuggested: true,
        source: ctx.src(b.line, spanLocation(b.line.location, b.last.location)),
      },
      b.line,
    );
  }
  if (n === 0) ctx.issue('warning', lines[start], bullets.length === 0 ? 'applicationNoBullets' : 'applicationNoCounts', { count: bullets.length });
  else ctx.issue('warning', lines[start], 'applicationGoalsRead', { count: n });
}
