import mammoth from 'mammoth';
import { wordTable, type ReportBlock, type ReportDocument, type WordCell } from '../../shared/import/reportDocument';
import { ImportFileError, readerFailure } from './errors';

/**
 * A Word document as paragraphs and tables in their order (DESIGN-NOTES 5). mammoth reads the
 * .docx into its document tree (paragraphs, runs, tables with merged cells resolved), which we
 * take before it is turned into HTML: a table stays rows and cells, one value per cell, where
 * `extractRawText` flattened it into a paragraph per cell. mammoth already handles what a
 * document.xml hides text in (content controls, fields, hyperlinks, tracked insertions and
 * deletions, text boxes), which a reader of our own would have to repeat.
 *
 * Places: "afsnit N" for the N-th non-empty paragraph (table cells counted too, as before),
 * "tabel T, række R, celle C" inside the T-th table.
 */

interface Node {
  type: string;
  children?: Node[];
  value?: string;
  breakType?: string;
  colSpan?: number;
  rowSpan?: number;
}

export async function docxDocument(bytes: Uint8Array, file: string): Promise<ReportDocument> {
  let root: Node | undefined;
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        transformDocument: (document: Node) => {
          root = document;
          return document;
        },
        // The images are not ours to read: an empty src spares unpacking them.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
  } catch (err) {
    // mammoth's and JSZip's own words mean nothing to the user (issue 10, point 7).
    throw readerFailure(err, file, 'docx');
  }
  const blocks: ReportBlock[] = [];
  const counter = { paragraphs: 0, tables: 0 };
  for (const node of bodyNodes(root?.children ?? [])) {
    if (node.type === 'table') blocks.push({ table: readTable(node, counter) });
    else
      for (const text of paragraphLines(node, counter)) blocks.push({ line: { text, location: `afsnit ${counter.paragraphs}` } });
  }
  if (blocks.length === 0) throw new ImportFileError(file, '', 'Word-dokumentet indeholder ingen tekst.');
  return { blocks };
}

/** Paragraphs and tables of the body, wherever a wrapper (content control, text box) holds them. */
function* bodyNodes(nodes: Node[]): Generator<Node> {
  for (const node of nodes) {
    if (node.type === 'paragraph' || node.type === 'table') yield node;
    else if (node.children) yield* bodyNodes(node.children);
  }
}

/** The text of a run tree; a line break starts a new line. */
function inlineText(node: Node, out: string[]): void {
  if (node.type === 'text') out[out.length - 1] += node.value ?? '';
  else if (node.type === 'tab') out[out.length - 1] += ' ';
  else if (node.type === 'break' && node.breakType === 'line') out.push('');
  else if (node.type === 'paragraph' && out[out.length - 1] !== '') out.push(''); // a paragraph inside a run (text box)
  if (node.children && node.type !== 'table') for (const child of node.children) inlineText(child, out);
}

/**
 * A paragraph's lines: Word's soft hyphen is gone (it only shows at a line end), its
 * non-breaking hyphen is a hyphen. Counts the paragraph when it has text.
 */
function paragraphLines(node: Node, counter: { paragraphs: number }): string[] {
  const out = [''];
  inlineText(node, out);
  const lines = out.map((l) => l.replace(/\u00AD/g, '').replace(/\u2011/g, '-')).filter((l) => l.trim() !== '');
  if (lines.length > 0) counter.paragraphs += 1;
  return lines;
}

/** A cell's lines: its paragraphs, and the text of a table nested in it, in order. */
function cellLines(nodes: Node[], counter: { paragraphs: number }): string[] {
  const lines: string[] = [];
  for (const node of bodyNodes(nodes)) {
    if (node.type === 'paragraph') lines.push(...paragraphLines(node, counter));
    else
      for (const row of node.children ?? [])
        for (const cell of row.children ?? []) lines.push(...cellLines(cell.children ?? [], counter));
  }
  return lines;
}

/** Rows of grid columns: a cell spanning columns or rows leaves null in the positions it covers. */
function readTable(node: Node, counter: { paragraphs: number; tables: number }): ReturnType<typeof wordTable> {
  counter.tables += 1;
  const n = counter.tables;
  const rows: (WordCell | null)[][] = [];
  /** Grid columns still covered by a cell of a row above (vertical merge), and until which row. */
  const coveredUntil: number[] = [];
  (node.children ?? [])
    .filter((r) => r.type === 'tableRow')
    .forEach((rowNode, r) => {
      const row: (WordCell | null)[] = [];
      let c = 0;
      let cellNo = 0;
      for (const cellNode of (rowNode.children ?? []).filter((x) => x.type === 'tableCell')) {
        while ((coveredUntil[c] ?? -1) >= r) row[c++] = null;
        cellNo += 1;
        const span = Math.max(1, cellNode.colSpan ?? 1);
        row[c] = { lines: cellLines(cellNode.children ?? [], counter), cell: cellNo };
        for (let k = 0; k < span; k++) {
          if (k > 0) row[c + k] = null;
          if ((cellNode.rowSpan ?? 1) > 1) coveredUntil[c + k] = r + (cellNode.rowSpan ?? 1) - 1;
        }
        c += span;
      }
      while ((coveredUntil[c] ?? -1) >= r) row[c++] = null;
      rows.push(row);
    });
  return wordTable(n, rows);
}
