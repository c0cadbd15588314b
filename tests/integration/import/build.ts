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
