import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { FixtureBlock } from '../../fixtures/reports/tables';

/**
 * Test documents built from report texts: a PDF (pdf-lib, one text line per line of the text,
 * 48 lines a page) and a DOCX (docx, one paragraph per line); and from reports laid out as
 * paragraphs and tables (tests/fixtures/reports/tables.ts): a DOCX with real Word tables and a
 * PDF with each cell's text drawn where a report's table has it. The real extractors
 * (pdfjs-dist, mammoth) read them.
 */

/** Characters the standard fonts can't draw get a plain stand-in ("▪" -> "•"). */
function drawable(font: PDFFont, text: string): string {
  const stand: Record<string, string> = { '▪': '•', '➔': '->', '✓': '' };
  let out = '';
  for (const ch of text) {
    const c = stand[ch] ?? ch;
    try {
      font.encodeText(c);
      out += c;
    } catch {
      out += '?';
    }
  }
  return out;
}

export async function pdfFromText(text: string, options: { linesPerPage?: number } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const perPage = options.linesPerPage ?? 48;
  for (let i = 0; i < lines.length; i += perPage) {
    const page = doc.addPage([595, 842]);
    lines.slice(i, i + perPage).forEach((line, k) => {
      page.drawText(drawable(font, line.trimEnd()).slice(0, 200), { x: 40, y: 800 - k * 16, size: 9, font });
    });
  }
  return doc.save();
}

/** A "scanned" PDF: pages with drawings but no text. */
export async function scannedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let p = 0; p < 2; p++) doc.addPage([595, 842]).drawRectangle({ x: 50, y: 50, width: 400, height: 600, borderWidth: 2 });
  return doc.save();
}

export async function docxFromText(text: string): Promise<Uint8Array> {
  const paragraphs = text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((l) => new Paragraph({ text: l.trimEnd() }));
  const doc = new Document({ sections: [{ children: paragraphs }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A Word document of paragraphs and real Word tables (one value per cell; "\n" is a line break in the cell). */
export async function docxFromBlocks(blocks: FixtureBlock[], options: { cellLinesAsParagraphs?: boolean } = {}): Promise<Uint8Array> {
  const cellParagraphs = (text: string): Paragraph[] => {
    const lines = text.split('\n');
    if (options.cellLinesAsParagraphs) return lines.map((l) => new Paragraph({ text: l }));
    return [new Paragraph({ children: lines.map((l, k) => new TextRun({ text: l, break: k > 0 ? 1 : 0 })) })];
  };
  const children = blocks.map((b) =>
    'p' in b
      ? new Paragraph({ text: b.p })
      : new Table({
          columnWidths: b.table.widths.map((w) => w * 20),
          rows: b.table.rows.map(
            (row) =>
              new TableRow({
                children: row.map((cell, c) => new TableCell({ width: { size: b.table.widths[c] * 20, type: WidthType.DXA }, children: cellParagraphs(cell) })),
              }),
          ),
        }),
  );
  const doc = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

export interface PdfTableLayout {
  /** Where a figure stands in its cell: centred (the default), or against the cell's right edge under a left-aligned header. */
  figures?: 'center' | 'right';
  /** Where a short cell stands in a row of several lines: at the top (the default) or in the middle, as Word's "centre vertically". */
  vertical?: 'top' | 'middle';
}

const PDF_SIZE = 9;
const PDF_LEADING = 12;
const PDF_LEFT = 40;
/** Word's default cell padding (0.19 cm). */
const CELL_PAD = 5.4;
const FIGURE_CELL = /^(?:[-\u2212]?\d[\d.,]*\s*%?|[-\u2013\u2014*]|n\/a|ikke opgjort)$/;

/** A text's lines when it is set in `width` points: its own lines ("\n"), each wrapped at word ends. */
function wrap(font: PDFFont, text: string, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (line && font.widthOfTextAtSize(next, PDF_SIZE) > width) {
        out.push(line);
        line = word;
      } else line = next;
    }
    out.push(line);
  }
  return out;
}

/**
 * A PDF of a report laid out as paragraphs and tables, as Word prints it: every table cell's
 * text is drawn inside its column (wrapped to the column's width, with Word's cell padding),
 * figures centred or right-aligned, so only the x positions of the text tell the columns apart.
 * A table is kept on one page.
 */
export async function pdfFromBlocks(blocks: FixtureBlock[], layout: PdfTableLayout = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  let page = doc.addPage([595, 842]);
  let y = 800;
  const room = (height: number) => {
    if (y - height < 40) {
      page = doc.addPage([595, 842]);
      y = 800;
    }
  };
  for (const block of blocks) {
    if ('p' in block) {
      const lines = wrap(font, block.p, 515);
      room(lines.length * PDF_LEADING);
      for (const l of lines) {
        page.drawText(drawable(font, l), { x: PDF_LEFT, y, size: PDF_SIZE, font });
        y -= PDF_LEADING;
      }
      y -= 4;
      continue;
    }
    const { widths, rows } = block.table;
    const starts = widths.map((_, c) => PDF_LEFT + widths.slice(0, c).reduce((a, b) => a + b, 0));
    const laid = rows.map((row) => row.map((cell, c) => wrap(font, cell.split('\n').map((l) => drawable(font, l)).join('\n'), widths[c] - 2 * CELL_PAD)));
    room(laid.reduce((h, row) => h + Math.max(...row.map((l) => l.length)) * PDF_LEADING + 4, 0));
    laid.forEach((row, r) => {
      const height = Math.max(...row.map((l) => l.length));
      row.forEach((lines, c) => {
        const top = r > 0 && layout.vertical === 'middle' ? ((height - lines.length) * PDF_LEADING) / 2 : 0;
        lines.forEach((l, k) => {
          const w = font.widthOfTextAtSize(l, PDF_SIZE);
          const figure = r > 0 && c > 0 && FIGURE_CELL.test(rows[r][c].trim());
          const x = !figure ? starts[c] + CELL_PAD : layout.figures === 'right' ? starts[c] + widths[c] - CELL_PAD - w : starts[c] + (widths[c] - w) / 2;
          if (l !== '') page.drawText(l, { x, y: y - top - k * PDF_LEADING, size: PDF_SIZE, font });
        });
      });
      y -= height * PDF_LEADING + 4;
    });
    y -= 6;
  }
  return doc.save();
}
