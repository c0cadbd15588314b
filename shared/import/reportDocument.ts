import type { ContentKind, FoundItem, ImportIssue } from './items';
import type { TextCell, TextLine } from './text';
import { recogniseReportText } from './reportText';
import { readReportTable, type ReportTable, type TableReading } from './reportTables';
import { isFactLabel } from './reportFacts';
import { plainIssue, reportIssue, type ReportIssue } from './reportMessages';
import { danishNumber } from './notes';

/**
 * A report as its reader sees it (DESIGN-NOTES 5): paragraphs and tables in document order.
 * The table recogniser reads the tables it knows (goal tables, budget and time); the text
 * recognisers read the paragraphs and every other table as lines; a goal found in both is
 * one goal.
 */

export type ReportBlock = { line: TextLine } | { table: ReportTable };

export interface ReportDocument {
  blocks: ReportBlock[];
}

export interface RecognisedReport {
  kind: ContentKind;
  items: FoundItem[];
  issues: ImportIssue[];
}

/** What the recognisers give, ordered as `recogniseReportText` orders it: facts, score, goals, progress, survey, budget, financing. */
const RANK: Partial<Record<FoundItem['type'], number>> = { fact: 0, scoreAverage: 1, goal: 2, status: 2, progress: 3, survey: 4, budgetLine: 5, financing: 6 };
/** Item types only other readers make (the app's own workbook) come last, should a report ever hold one. */
const rank = (type: FoundItem['type']) => RANK[type] ?? Object.keys(RANK).length;

export function recogniseReport(doc: ReportDocument, file: string): RecognisedReport {
  const lines: TextLine[] = [];
  /** Document position of each text line (block index), to order items from text and tables. */
  const linePos: number[] = [];
  const readings: { reading: TableReading; pos: number }[] = [];
  doc.blocks.forEach((block, pos) => {
    if ('line' in block) {
      lines.push(block.line);
      linePos.push(pos);
      return;
    }
    const reading = readReportTable(block.table, linesAfter(doc.blocks, pos), file);
    if (reading) readings.push({ reading, pos });
    else
      for (const l of block.table.lines) {
        lines.push(l);
        linePos.push(pos);
      }
  });
  const text = recogniseReportText(lines, file);

  const positioned: { item: FoundItem; pos: number }[] = [];
  const issues: ReportIssue[] = [];
  const fromTables = new Map<string, { goal: Extract<FoundItem, { type: 'goal' }>; status?: Extract<FoundItem, { type: 'status' }> }>();
  for (const { reading, pos } of readings) {
    for (const { item, row } of reading.items) {
      positioned.push({ item, pos: pos + row / 100_000 });
      if (item.type === 'goal') fromTables.set(item.code, { goal: item });
      if (item.type === 'status') fromTables.get(item.code)!.status = item;
    }
    issues.push(...reading.issues);
  }
  const progressFromTables = positioned.some((p) => p.item.type === 'progress');

  // A goal the text also holds: the table's reading stands. The same figures are one goal; other
  // figures are an error naming both places, never a silent pick.
  const dropped = new Set<string>();
  const textStatus = new Map(text.items.flatMap((i) => (i.type === 'status' ? [[i.code, i] as const] : [])));
  for (const item of text.items) {
    if (item.type === 'goal' && fromTables.has(item.code)) {
      const table = fromTables.get(item.code)!;
      const figures = (g: typeof item, s: { value: number } | undefined) =>
        [g.targetInPeriod, g.targetAfterPeriod, s?.value ?? null].map((v) => (v === null ? '–' : danishNumber(v))).join(' / ');
      const a = figures(table.goal, table.status);
      const b = figures(item, textStatus.get(item.code));
      if (a !== b)
        issues.push(
          reportIssue('error', file, item.source.location, 'goalDuplicateInFile', { code: item.code, location: table.goal.source.location, figures: a, otherLocation: item.source.location, otherFigures: b }, item.code),
        );
      dropped.add(item.code);
    }
  }
  for (const item of text.items) {
    if ((item.type === 'goal' || item.type === 'status') && dropped.has(item.code)) continue;
    if (item.type === 'progress' && progressFromTables) continue;
    const line = text.lineOf(item);
    positioned.push({ item, pos: line < linePos.length ? linePos[line] : Number.MAX_SAFE_INTEGER });
  }
  // The text's doubts about a goal the tables read (a paragraph "B1: ..." without figures) give way.
  issues.push(...text.issues.filter((i) => !(i.goal !== undefined && fromTables.has(i.goal) && (i.key === 'goalNoFigures' || i.key === 'goalAmbiguousFigures'))));

  const facts = new Set<string>();
  const items = positioned
    .map((p, k) => ({ ...p, k }))
    .sort((a, b) => rank(a.item.type) - rank(b.item.type) || a.pos - b.pos || a.k - b.k)
    .map((p) => p.item)
    .filter((item) => {
      // One value per fact and one score: the first in the document.
      const key = item.type === 'fact' ? `fact:${item.field}` : item.type === 'scoreAverage' ? 'score' : null;
      if (key === null) return true;
      if (facts.has(key)) return false;
      facts.add(key);
      return true;
    });
  const kind: ContentKind = text.kind === 'unknown' && items.some((i) => i.type === 'goal') ? 'evaluationReport' : text.kind;
  return { kind, items, issues: issues.map(plainIssue) };
}

/** The text lines right after a block, up to the next table: where a table's note is. */
function linesAfter(blocks: ReportBlock[], pos: number): TextLine[] {
  const out: TextLine[] = [];
  for (let k = pos + 1; k < blocks.length && out.length < 6; k++) {
    const b = blocks[k];
    if (!('line' in b)) break;
    out.push(b.line);
  }
  return out;
}

/** A plain text's lines as a document without tables. */
export const documentOfLines = (lines: TextLine[]): ReportDocument => ({ blocks: lines.map((line) => ({ line })) });

/** One cell of a Word table: its paragraphs' lines and which cell of its row it is (1-based, as Word counts). */
export interface WordCell {
  lines: string[];
  cell: number;
}

/**
 * A Word table as the table recogniser reads it: `rows[r][c]` is the cell at grid column c, or
 * null where a merged cell spans. Places: "tabel T, række R, celle C". As text (when it is no
 * table the recogniser knows) a row whose cells are one line each is one line, like a PDF
 * extraction prints it ("Budgetforbrug (mio. DKK) 20 20 100 %"), with its cells; other rows
 * give their cells' lines one by one ("tabel T, række R, celle C").
 */
export function wordTable(n: number, rows: (WordCell | null)[][]): ReportTable {
  const rowPlace = (r: number) => `tabel ${n}, række ${r + 1}`;
  const cellPlace = (r: number, cell: number) => `${rowPlace(r)}, celle ${cell}`;
  const place = (r: number, c: number) => {
    const row = rows[r] ?? [];
    // A position inside a merged cell is the merged cell.
    for (let k = c; k >= 0; k--) if (row[k]) return cellPlace(r, row[k]!.cell);
    return rowPlace(r);
  };
  const lines: TextLine[] = [];
  rows.forEach((row, r) => {
    const cells = row.filter((c): c is WordCell => c !== null && c.lines.some((l) => l.trim() !== ''));
    const labelled = cells.length === 2 && cells[0].lines.length === 1 && isFactLabel(cells[0].lines[0]);
    if (cells.length > 0 && (labelled || cells.every((c) => c.lines.length <= 1))) {
      const textCells: TextCell[] = cells.map((c, k) => ({ text: c.lines.join(' '), x0: k, x1: k, location: cellPlace(r, c.cell) }));
      lines.push({ text: textCells.map((c) => c.text).join(' '), location: textCells.length === 1 ? textCells[0].location! : rowPlace(r), cells: textCells });
      return;
    }
    for (const c of cells) for (const text of c.lines) if (text.trim() !== '') lines.push({ text, location: cellPlace(r, c.cell) });
  });
  return {
    grid: { name: `tabel ${n}`, rows: rows.map((row) => row.map((c) => (c ? c.lines.join('\n') : null))), place },
    rowPlace,
    lines,
  };
}
