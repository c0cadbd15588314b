import type { TextCell, TextLine } from './text';
import { FIGURE_TOKEN, joinWrapped } from './text';
import type { ReportBlock, ReportDocument } from './reportDocument';
import type { ReportTable, RowDoubt } from './reportTables';
import { spanLocation } from './reportText';
import { goalCodeAtStart, NOT_REPORTED, PERCENT_TOKEN, TOTALS_ROW } from './goalColumns';

/**
 * A PDF's tables, rebuilt from where their text stands (pdfjs gives each text run's x
 * position; `pdf.ts` cuts a line into cells at wide gaps). A table starts at a header line
 * whose cells name figure columns ("Målsætning", "Status på", "Procent-", "Totalt budget",
 * "Forbrug d.d."); the header's cells, over as many lines as it wraps, give the columns. Rows
 * start at a goal code ("B1:"), a totals row or a budget/time label; the lines between are the
 * description wrapping.
 *
 * Which column a figure is in: a table's figures stand in columns of their own, apart from
 * each other by empty gutters, however they are aligned under their headers (centred, or at the
 * cell's right edge under a left-aligned header). When the figures fall into as many such
 * columns as the header names, in the header's order and each between its neighbours'
 * headers, that is the table's layout. Otherwise a figure is in the column whose header it
 * stands under; a figure under no header or under two could be either column's: that row is not
 * read, and the reader says so with its place.
 */

/** A header cell that names a figure column (or its first wrapped word). */
const FIGURE_HEADER = /^(?:mål(?!\p{L})|målsæt|måltal|status|procent|målopnåelse|totalt? budget|samlet budget|forbrug)/iu;
/** A cell that is a figure, a percent or a mark for one not reported: never a header's word. */
const isFigure = (text: string) => FIGURE_TOKEN.test(text) || PERCENT_TOKEN.test(text) || NOT_REPORTED.test(text);
const TABLE_END = /^(?:Note|Figur|Tabel|Kilde)\b/i;
const PROGRESS_ROW = /^(?:Budgetforbrug|Tidsforbrug)\b/i;
/** Points of slack when comparing x positions. */
const SLACK = 3;

const pageOf = (l: TextLine) => /^side (\d+)/.exec(l.location)?.[1] ?? '';
const cellsOf = (l: TextLine): TextCell[] => (l.cells && l.cells.length > 0 ? l.cells : [{ text: l.text.trim(), x0: 0, x1: Number.MAX_SAFE_INTEGER }]);
const overlaps = (a: { x0: number; x1: number }, b: { x0: number; x1: number }) => a.x0 <= b.x1 && a.x1 >= b.x0;

export function pdfDocument(lines: TextLine[]): ReportDocument {
  const blocks: ReportBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const found = tableAt(lines, i);
    if (found) {
      blocks.push({ table: found.table });
      i = found.end;
    } else blocks.push({ line: lines[i] });
  }
  return { blocks };
}

interface Column {
  x0: number;
  x1: number;
  parts: { text: string; line: number }[];
}

interface Row {
  first: number;
  last: number;
  label: string[];
  figures: { cell: TextCell; line: number }[];
  doubt?: RowDoubt;
}

function tableAt(lines: TextLine[], i: number): { table: ReportTable; end: number } | null {
  const anchor = lines[i];
  const cells = anchor.cells ?? [];
  const firstFigure = cells.findIndex((c) => FIGURE_HEADER.test(c.text));
  if (firstFigure < 0 || cells.slice(firstFigure).filter((c) => FIGURE_HEADER.test(c.text)).length < 2) return null;
  const page = pageOf(anchor);
  const figLeft = cells[firstFigure].x0;

  // The header's lines: the anchor and the lines of words (no figures: a first row's figures
  // may stand on a line of their own) whose cells all stand over the figure columns.
  const header: { cell: TextCell; line: number }[] = cells.slice(firstFigure).map((cell) => ({ cell, line: i }));
  let j = i + 1;
  for (; j < lines.length && j <= i + 6 && pageOf(lines[j]) === page && !TABLE_END.test(lines[j].text.trim()); j++) {
    const cs = cellsOf(lines[j]);
    if (!cs.every((c) => c.x0 >= figLeft - SLACK && !isFigure(c.text))) break;
    header.push(...cs.map((cell) => ({ cell, line: j })));
  }
  const dataStart = j;

  const columns: Column[] = [];
  for (const { cell, line } of [...header].sort((a, b) => a.cell.x0 - b.cell.x0)) {
    const col = columns.find((c) => cell.x0 <= c.x1 + SLACK && cell.x1 >= c.x0 - SLACK);
    if (col) {
      col.x0 = Math.min(col.x0, cell.x0);
      col.x1 = Math.max(col.x1, cell.x1);
      col.parts.push({ text: cell.text, line });
    } else columns.push({ x0: cell.x0, x1: cell.x1, parts: [{ text: cell.text, line }] });
  }
  columns.sort((a, b) => a.x0 - b.x0);
  for (const c of columns) c.parts.sort((a, b) => a.line - b.line);
  /** Left of this, a cell is the description's. */
  const descriptionEnd = columns[0].x0 - SLACK;
  const isLabel = (c: TextCell) => (c.x0 + c.x1) / 2 < descriptionEnd;
  /** A column's name in a message: its header as one line ("Mål i projektperioden"). */
  const headerName = (col: number) =>
    col === 0 ? cells.slice(0, firstFigure).map((c) => c.text).join(' ') || 'beskrivelse' : joinWrapped(columns[col - 1].parts.map((p) => p.text));

  const rows: Row[] = [];
  for (let k = dataStart; k < lines.length && k < dataStart + 80; k++) {
    const l = lines[k];
    if (pageOf(l) !== page || TABLE_END.test(l.text.trim())) break;
    const cs = cellsOf(l);
    // Prose runs across the columns: the table has ended.
    if (cs.some((c) => c.x0 < descriptionEnd && c.x1 > (columns[1]?.x0 ?? columns[0].x1) + SLACK)) break;
    const label = cs.filter(isLabel).map((c) => c.text).join(' ').trim();
    const figures = cs.filter((c) => !isLabel(c));
    let row: Row | undefined = rows[rows.length - 1];
    let startsRow = label !== '' && (goalCodeAtStart(label) !== null || TOTALS_ROW.test(label) || PROGRESS_ROW.test(label));
    if (row && !startsRow && label !== '' && row.figures.length > 0) {
      // After a row's figures, a new line with text and figures is a row of its own (without a
      // code), and a line starting afresh after a full stop is no longer the table.
      if (figures.length > 0) startsRow = true;
      else if (/^[\p{Lu}\d]/u.test(label) && /[.!?:]$/.test(row.label[row.label.length - 1] ?? '')) break;
    }
    if (!row || startsRow) {
      row = { first: k, last: k, label: [], figures: [] };
      rows.push(row);
    }
    row.last = k;
    if (label !== '') row.label.push(label);
    row.figures.push(...figures.map((cell) => ({ cell, line: k })));
    // A description cell that runs into a figure column: the number at its end could be either's.
    const long = cs.find((c) => isLabel(c) && c.x1 > descriptionEnd + 2 * SLACK);
    const number = long && /(\d[\d.,]*\s*%?)$/.exec(long.text);
    if (number) row.doubt ??= doubt(row, number[1], headerName(0), headerName(1), l.location);
  }
  if (rows.length === 0) return null;

  const columnOf = figureColumns(
    columns,
    rows.flatMap((r) => r.figures.map((f) => f.cell)),
  );
  const assigned = rows.map((row) => {
    const byColumn = new Map<number, { parts: string[]; line: number }>();
    const placed = placeInRow(row.figures.map((f) => f.cell), columnOf);
    for (const [n, { cell, line }] of row.figures.entries()) {
      const col = placed[n];
      if (typeof col !== 'number') {
        row.doubt ??= doubt(row, cell.text, headerName(col.left), col.left < columns.length ? headerName(col.left + 1) : null, lines[line].location);
        continue;
      }
      const at = byColumn.get(col) ?? { parts: [], line };
      at.parts.push(cell.text);
      byColumn.set(col, at);
    }
    return byColumn;
  });

  const end = rows[rows.length - 1].last;
  const width = columns.length + 1;
  const grid = {
    name: `tabel ${anchor.location}`,
    rows: [
      [headerName(0) === 'beskrivelse' ? '' : headerName(0), ...columns.map((c) => c.parts.map((p) => p.text).join('\n'))],
      ...rows.map((r, n) => Array.from({ length: width }, (_, c) => (c === 0 ? r.label.join('\n') : (assigned[n].get(c)?.parts.join('\n') ?? '')))),
    ],
    place: (r: number, c: number) => {
      if (r === 0) return anchor.location;
      const cell = c === 0 ? undefined : assigned[r - 1].get(c);
      return lines[cell ? cell.line : rows[r - 1].first].location;
    },
  };
  const doubts = new Map<number, RowDoubt>();
  rows.forEach((r, n) => r.doubt && doubts.set(n + 1, r.doubt));
  return {
    table: {
      grid,
      rowPlace: (r) => (r === 0 ? anchor.location : spanLocation(lines[rows[r - 1].first].location, lines[rows[r - 1].last].location)),
      lines: lines.slice(i, end + 1),
      doubts,
    },
    end,
  };
}

/**
 * A row's figures stand left to right in the columns' order: a figure the layout doesn't place
 * is in the one column it may be in between its row's placed neighbours ("30 | 20 | 67 %" with
 * 20 right of a left-aligned "Status", left of the percent), or it can't be placed.
 */
function placeInRow(cells: TextCell[], columnOf: (c: TextCell) => number | Unplaced): (number | Unplaced)[] {
  const order = cells.map((c, n) => ({ c, n })).sort((a, b) => a.c.x0 - b.c.x0);
  const first = cells.map(columnOf);
  return cells.map((_, n) => {
    const col = first[n];
    if (typeof col === 'number') return col;
    const at = order.findIndex((o) => o.n === n);
    const before = order.slice(0, at).map((o) => first[o.n]).filter((x): x is number => typeof x === 'number');
    const after = order.slice(at + 1).map((o) => first[o.n]).filter((x): x is number => typeof x === 'number');
    const lo = before.length > 0 ? Math.max(...before) : 0;
    const hi = after.length > 0 ? Math.min(...after) : Number.MAX_SAFE_INTEGER;
    const fits = col.cols.filter((k) => k > lo && k < hi);
    return fits.length === 1 ? fits[0] : col;
  });
}

/** Why a figure of a row can't be placed; `right` is null right of the last column. */
function doubt(row: Row, text: string, left: string, right: string | null, location: string): RowDoubt {
  const label = row.label.join(' ');
  const code = goalCodeAtStart(label)?.code;
  const params = { text, left, ...(right === null ? {} : { right }) };
  if (code) return { key: right === null ? 'goalNumberOutside' : 'goalNumberStraddles', params: { code, ...params }, location };
  return { key: right === null ? 'rowNumberOutside' : 'rowNumberStraddles', params: { label: /^[^(]*/.exec(label)![0].trim() || '?', ...params }, location };
}

/** A figure the table's layout doesn't place: the columns it may be in, and the column left of where it stands (0: the description). */
interface Unplaced {
  cols: number[];
  left: number;
}

/**
 * Which figure column (1-based) a figure cell is in, or which it may be in when the table's
 * layout doesn't tell (then its row may: see `placeInRow`).
 *
 * A column's figures share an edge or a centre however they are aligned, so they form one
 * span of x covered by figures; spans are apart by gutters no figure crosses. A span under one
 * header is that header's column; a span between two headers, under neither, may be either's
 * (figures right-aligned under a left-aligned header stand left of the next header). The
 * spans are given to the columns in order, one each, so that as many figures as possible have a
 * column, spans under their header first; a span that gets the same column in every such
 * layout has it, any other span's figures can't be placed.
 */
function figureColumns(columns: Column[], figures: TextCell[]): (c: TextCell) => number | Unplaced {
  const spans: { x0: number; x1: number; cells: number }[] = [];
  for (const f of [...figures].sort((a, b) => a.x0 - b.x0)) {
    const last = spans[spans.length - 1];
    if (last && f.x0 <= last.x1) {
      last.x1 = Math.max(last.x1, f.x1);
      last.cells += 1;
    } else spans.push({ x0: f.x0, x1: f.x1, cells: 1 });
  }
  const reach = columns.map((col) => ({ x0: col.x0 - SLACK, x1: col.x1 + SLACK }));
  const under = (c: { x0: number; x1: number }) => reach.flatMap((r, k) => (overlaps(r, c) ? [k + 1] : []));
  /** Between which columns a span or cell stands when it is under no header (0: the description; columns.length: right of the last). */
  const gap = (c: { x1: number }) => {
    const right = columns.findIndex((col) => col.x0 > c.x1);
    return right < 0 ? columns.length : right;
  };
  const candidates = spans.map((s) => {
    const u = under(s);
    if (u.length > 0) return { anchored: u.length === 1, cols: u.length === 1 ? u : [] };
    const left = gap(s);
    return { anchored: false, cols: left === 0 ? [] : left === columns.length ? [left] : [left, left + 1] };
  });

  // Every order-keeping layout of the spans over the columns (a span may be left without one).
  let best: { score: [number, number]; layouts: (number | null)[][] } = { score: [-1, -1], layouts: [] };
  if (spans.length <= 12) {
    const walk = (i: number, lastCol: number, layout: (number | null)[], score: [number, number]) => {
      if (i === spans.length) {
        const better = score[0] > best.score[0] || (score[0] === best.score[0] && score[1] > best.score[1]);
        if (better) best = { score, layouts: [layout] };
        else if (score[0] === best.score[0] && score[1] === best.score[1]) best.layouts.push(layout);
        return;
      }
      walk(i + 1, lastCol, [...layout, null], score);
      for (const col of candidates[i].cols)
        if (col > lastCol) walk(i + 1, col, [...layout, col], [score[0] + (candidates[i].anchored ? spans[i].cells : 0), score[1] + spans[i].cells]);
    };
    walk(0, 0, [], [0, 0]);
  }
  const settled = spans.map((_, i) => {
    const cols = new Set(best.layouts.map((l) => l[i]));
    return cols.size === 1 ? [...cols][0]! : null;
  });

  return (c) => {
    const i = spans.findIndex((s) => overlaps(s, c));
    if (i >= 0 && settled[i] !== null) return settled[i]!;
    const u = under(c);
    if (u.length === 1) return { left: u[0] - 1, cols: u };
    if (u.length > 1) return { left: u[0], cols: u };
    const left = gap(c);
    return { left, cols: left === 0 ? [] : left === columns.length ? [left] : [left, left + 1] };
  };
}
