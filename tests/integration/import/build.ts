import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';
import { Document, Packer, Paragraph } from 'docx';

/**
 * Test documents built from the seed texts: a PDF (pdf-lib, one text line per seed line, 48
 * lines a page) and a DOCX (docx, one paragraph per seed line), so that the real extractors
 * (pdfjs-dist, mammoth) are exercised on realistic material.
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
