import type { FoundItem } from './items';
import type { Grid } from './tables';
import type { TextLine } from './text';
import { joinWrapped, readFigure } from './text';
import type { NoteParams } from './notes';
import { NumberParseError, parseDanishAmountKr } from '../numbers/danish';
import { reportIssue, type ReportIssue, type ReportMessageKey } from './reportMessages';
import { reportNoteOf, toKr, unitFactor } from './reportFacts';
import { goalCodeAtStart, goalHeaderRole, headerText, NOT_REPORTED, readGoalCell, TOTALS_ROW, type GoalColumn } from './goalColumns';
import { reportedAttainment } from './goalPercent';

/**
 * The tables of an evaluation report in 003's layout, read as tables: a Word table, or a PDF
 * table rebuilt from where its text stands (`pdfTables.ts`). The header row says which column
 * is the target, the status and the percent, so a blank cell is a blank cell, a description
 * that ends in a number keeps it, and a totals row is no goal. Goal tables and the budget and
 * time table are read here; a table this does not know is read by the text recogniser as lines
 * (fact boxes, survey tables and prose in layout tables read well that way).
 */

export interface ReportTable {
  /** Cell texts, a cell's lines joined by "\n"; null where a merged cell spans. */
  grid: Grid;
  /** "tabel 2, række 3" (Word) or "side 4, linje 12" (PDF). */
  rowPlace(r: number): string;
  /** The table as text lines, for when it is no table this reader knows. */
  lines: TextLine[];
  /** Rows the table's reader could not cut into cells without a guess (a PDF number over a column boundary). */
  doubts?: Map<number, RowDoubt>;
}

/** Why a row can't be read, said when the table is read. */
export interface RowDoubt {
  key: ReportMessageKey;
  params: NoteParams;
  location: string;
}

export interface TableReading {
  what: 'goals' | 'progress';
  /** Items with the row they were read from. */
  items: { item: FoundItem; row: number }[];
  issues: ReportIssue[];
}

/** The lines after a table that hold its note ("Note: ... indrapporteret ... 02.12.2022"). */
function noteAfter(after: TextLine[]): { text: string; line: TextLine } | null {
  const k = after.slice(0, 3).findIndex((l) => /indrapporteret/i.test(l.text));
  if (k < 0) return null;
  return {
    text: after
      .slice(k, k + 3)
      .map((l) => l.text)
      .join(' '),
    line: after[k],
  };
}

const cellText = (grid: Grid, r: number, c: number | undefined): string => {
  if (c === undefined) return '';
  const v = grid.rows[r]?.[c] ?? null;
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
};

/** A cell's text as one line: wrapped lines joined back, hyphenation undone. */
const oneLine = (text: string) => joinWrapped(text.split('\n'));

export function readReportTable(table: ReportTable, after: TextLine[], file: string): TableReading | null {
  return readGoalTable(table, after, file) ?? readProgressTable(table, after, file);
}

interface Reader {
  items: { item: FoundItem; row: number }[];
  issues: ReportIssue[];
  issue(severity: 'error' | 'warning', location: string, key: ReportMessageKey, params?: NoteParams, goal?: string): void;
}

function reader(file: string): Reader {
  const r: Reader = {
    items: [],
    issues: [],
    issue: (severity, location, key, params, goal) => r.issues.push(reportIssue(severity, file, location, key, params, goal)),
  };
  return r;
}

function readGoalTable(table: ReportTable, after: TextLine[], file: string): TableReading | null {
  const { grid } = table;
  let h = -1;
  let roles: ReturnType<typeof goalHeaderRole>[] = [];
  for (let r = 0; r < Math.min(3, grid.rows.length) && h < 0; r++) {
    roles = grid.rows[r].map((_, c) => goalHeaderRole(cellText(grid, r, c)));
    if (roles.includes('status') && (roles.includes('targetIn') || roles.includes('targetAfter'))) h = r;
  }
  if (h < 0) return null;
  const col = (role: NonNullable<(typeof roles)[number]>) => {
    const c = roles.indexOf(role);
    return c < 0 ? undefined : c;
  };
  const figureCols: [GoalColumn, number | undefined][] = (['targetIn', 'targetAfter', 'status', 'percent'] as const).map((role) => [role, col(role)]);
  const codeCol = col('code');
  const labelCol = col('label') ?? roles.findIndex((role, c) => role === null && codeCol !== c);
  const keyCol = codeCol ?? labelCol;
  const out = reader(file);
  const place = (r: number, c: number) => grid.place(r, c);

  let noteText = '';
  const statuses: { item: Extract<FoundItem, { type: 'status' }>; row: number }[] = [];
  for (let r = h + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r];
    if (row.every((v) => v === null || (typeof v === 'string' && v.trim() === ''))) continue;
    const key = oneLine(cellText(grid, r, keyCol));
    const label = labelCol >= 0 && labelCol !== keyCol ? oneLine(cellText(grid, r, labelCol)) : key;
    if (/^(note|kilde|anm\.?)\b/i.test(key)) {
      noteText += ` ${row.map((_, c) => cellText(grid, r, c)).join(' ')}`;
      continue;
    }
    if (TOTALS_ROW.test(key)) {
      out.issue('warning', table.rowPlace(r), 'goalTotalsSkipped', { label: key });
      continue;
    }
    const doubt = table.doubts?.get(r);
    if (doubt) {
      out.issue('error', doubt.location, doubt.key, doubt.params, goalCodeAtStart(key)?.code);
      continue;
    }
    const figures = figureCols.filter(([, c]) => c !== undefined).map(([, c]) => cellText(grid, r, c).trim());
    const hasFigures = figures.some((f) => f !== '' && !NOT_REPORTED.test(f));
    const m = goalCodeAtStart(key);
    if (!m) {
      if (hasFigures) out.issue('error', place(r, keyCol), 'goalRowNoCode');
      else out.issue('warning', table.rowPlace(r), 'goalRowSkipped', { label: key || row.map((_, c) => oneLine(cellText(grid, r, c))).join(' ').trim() });
      continue;
    }
    const { code, level } = m;
    if (m.digits.replace(/^0+(?=\d)/, '').length > 3) {
      out.issue('error', place(r, keyCol), 'goalCodeTooLong', { code: `${level}${m.digits}` }, code);
      continue;
    }
    if (m.normalised) out.issue('warning', place(r, keyCol), 'goalCodeNormalised', { raw: m.raw, code }, code);
    const value = (role: GoalColumn): number | null | undefined => {
      const c = figureCols.find(([x]) => x === role)![1];
      if (c === undefined) return null;
      const res = readGoalCell(cellText(grid, r, c), role);
      if (res.ok) return res.value;
      out.issue('error', place(r, c), 'goalCellUnreadable', { code, column: headerText(cellText(grid, h, c)), reason: res.message }, code);
      return undefined;
    };
    const targetIn = value('targetIn');
    const targetAfter = value('targetAfter');
    const status = value('status');
    const printed = value('percent');
    if ([targetIn, targetAfter, status, printed].includes(undefined)) continue;
    const description = codeCol === undefined ? oneLine(m.rest) : labelCol >= 0 ? label : '';
    out.items.push({
      row: r,
      item: {
        type: 'goal',
        level,
        code,
        description,
        unit: '',
        targetInPeriod: targetIn as number | null,
        targetAfterPeriod: targetAfter as number | null,
        codeSuggested: false,
        source: { file, location: table.rowPlace(r) },
      },
    });
    const statusCol = figureCols.find(([x]) => x === 'status')![1]!;
    if (status === null) {
      out.issue('warning', place(r, statusCol), 'statusMissing', { code }, code);
      if (printed !== null) out.issue('warning', place(r, figureCols.find(([x]) => x === 'percent')![1]!), 'printedWithoutStatus', { code, printed: printed as number }, code);
      continue;
    }
    const { computed, printedDiffers } = reportedAttainment({ code, level, target: targetIn as number | null, status: status as number, printed: printed as number | null });
    if (printedDiffers)
      out.issue(
        'warning',
        place(r, figureCols.find(([x]) => x === 'percent')![1]!),
        'printedPercentDiffers',
        { code, printed: printed as number, computed, status: status as number, target: targetIn as number | null },
        code,
      );
    const item: Extract<FoundItem, { type: 'status' }> = {
      type: 'status',
      code,
      value: status as number,
      reportedAt: null,
      reportedBy: '',
      printedPercent: printed as number | null,
      computedPercent: computed,
      source: { file, location: place(r, statusCol) },
    };
    statuses.push({ item, row: r });
    out.items.push({ item, row: r });
  }
  if (statuses.length > 0) {
    const note = noteText.trim() !== '' ? { text: noteText, location: table.rowPlace(grid.rows.length - 1) } : (() => {
      const n = noteAfter(after);
      return n && { text: n.text, location: n.line.location };
    })();
    const { date, by } = note ? reportNoteOf(note.text, (key, params) => out.issue('error', note.location, key, params)) : { date: null, by: '' };
    for (const s of statuses) {
      s.item.reportedAt = date;
      s.item.reportedBy = by;
    }
    if (!date) out.issue('warning', table.rowPlace(statuses[0].row), 'goalTableNoDate');
  }
  return { what: 'goals', items: out.items, issues: out.issues };
}

function progressRole(raw: string): 'total' | 'spent' | 'percent' | null {
  const h = headerText(raw);
  if (/^(totalt?|samlet) budget|^budget i alt/.test(h)) return 'total';
  if (/^procent/.test(h)) return 'percent';
  if (/^forbrug/.test(h)) return 'spent';
  return null;
}

/** 003's figure 4: "Totalt budget | Forbrug d.d. | Procentvist forbrug", rows "Budgetforbrug (mio. DKK)" and "Tidsforbrug (måneder)". */
function readProgressTable(table: ReportTable, after: TextLine[], file: string): TableReading | null {
  const { grid } = table;
  let h = -1;
  let roles: ReturnType<typeof progressRole>[] = [];
  for (let r = 0; r < Math.min(3, grid.rows.length) && h < 0; r++) {
    roles = grid.rows[r].map((_, c) => progressRole(cellText(grid, r, c)));
    if (roles.includes('total') && roles.includes('spent')) h = r;
  }
  if (h < 0) return null;
  const totalCol = roles.indexOf('total');
  const spentCol = roles.indexOf('spent');
  const labelCol = roles.findIndex((role) => role === null);
  const out = reader(file);
  let budget: { total: number | null; spent: number | null; row: number } | null = null;
  let time: { total: number | null; spent: number | null; row: number } | null = null;
  for (let r = h + 1; r < grid.rows.length; r++) {
    const label = oneLine(cellText(grid, r, labelCol));
    const row = grid.rows[r];
    if (row.every((v) => v === null || (typeof v === 'string' && v.trim() === ''))) continue;
    const doubt = table.doubts?.get(r);
    if (doubt) {
      out.issue('error', doubt.location, doubt.key, doubt.params);
      continue;
    }
    const m = /^(Budgetforbrug|Tidsforbrug)\s*(?:\(([^)]*)\))?/i.exec(label);
    if (!m) {
      out.issue('warning', table.rowPlace(r), 'progressRowSkipped', { label: label || row.map((_, c) => oneLine(cellText(grid, r, c))).join(' ').trim() });
      continue;
    }
    const isBudget = m[1].toLowerCase() === 'budgetforbrug';
    const factor = isBudget ? unitFactor(m[2] ?? '') : 1;
    const read = (c: number): number | null | undefined => {
      const text = oneLine(cellText(grid, r, c));
      if (NOT_REPORTED.test(text)) return null;
      try {
        // A cell with its own unit ("20,0 mio. kr.") says it itself; a bare figure is in the row's unit.
        if (isBudget && /mio|mia|kr|dkk/i.test(text)) return parseDanishAmountKr(text);
      } catch (err) {
        if (!(err instanceof NumberParseError)) throw err;
        out.issue('error', grid.place(r, c), 'progressFigureUnreadable', { label: m[1], reason: err.message });
        return undefined;
      }
      const f = readFigure(text);
      if (!f.ok) {
        out.issue('error', grid.place(r, c), 'progressFigureUnreadable', { label: m[1], reason: f.message });
        return undefined;
      }
      return f.value === null ? null : isBudget ? toKr(f.value, factor) : f.value;
    };
    const total = read(totalCol);
    const spent = read(spentCol);
    if (total === undefined || spent === undefined) continue;
    if (isBudget) budget ??= { total, spent, row: r };
    else time ??= { total, spent, row: r };
  }
  if (!budget && !time) return { what: 'progress', items: [], issues: out.issues };
  const first = (budget ?? time)!.row;
  const last = (time ?? budget)!.row;
  const n = noteAfter(after);
  const { date, by } = n ? reportNoteOf(n.text, (key, params) => out.issue('error', n.line.location, key, params)) : { date: null, by: '' };
  if (!date) out.issue('warning', table.rowPlace(first), 'progressNoDate');
  out.items.push({
    row: first,
    item: {
      type: 'progress',
      budgetTotalKr: budget?.total ?? null,
      budgetSpentKr: budget?.spent ?? null,
      monthsTotal: time?.total ?? null,
      monthsElapsed: time?.spent ?? null,
      reportedAt: date,
      reportedBy: by,
      source: { file, location: first === last ? table.rowPlace(first) : `${table.rowPlace(first)} - ${table.rowPlace(last)}` },
    },
  });
  return { what: 'progress', items: out.items, issues: out.issues };
}
