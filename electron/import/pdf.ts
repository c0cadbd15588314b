import type { TextCell, TextLine } from '../../shared/import/text';
import { ImportFileError, readerFailure, throwIfAborted } from './errors';

/** Gap between text runs, in font sizes, from which they are cells of their own (a word space is about 0.25). */
const CELL_GAP = 0.8;

interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  hasEOL?: boolean;
}

/**
 * The text of a PDF as lines with "side P, linje L" (pdfjs-dist, legacy build for Node):
 * text items are grouped into lines by their baseline and ordered left to right; each line
 * also has its cells (text runs apart by a wide gap, with their x extent), from which
 * `pdfTables.ts` sees a table's columns.
 */
export async function pdfLines(
  bytes: Uint8Array,
  file: string,
  options: { signal?: AbortSignal; onPage?: (page: number, pages: number) => void } = {},
): Promise<TextLine[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 });
  try {
    doc = await task.promise;
  } catch (err) {
    const name = (err as { name?: string }).name;
    if (name === 'PasswordException')
      throw new ImportFileError(file, '', 'PDF-filen er adgangskodebeskyttet. Fjern adgangskoden og importér igen.');
    // pdf.js' own words ("Invalid PDF structure") mean nothing to the user (issue 10, point 7).
    throw readerFailure(err, file, 'pdf');
  }
  try {
    const lines: TextLine[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      throwIfAborted(options.signal);
      options.onPage?.(p, doc.numPages);
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const rows: { y: number; items: { x: number; str: string; right: number; size: number }[] }[] = [];
      for (const raw of content.items as PdfTextItem[]) {
        if (typeof raw.str !== 'string' || raw.str === '') continue;
        const x = raw.transform[4];
        const y = raw.transform[5];
        let row = rows.find((r) => Math.abs(r.y - y) < 2);
        if (!row) rows.push((row = { y, items: [] }));
        row.items.push({ x, str: raw.str, right: x + raw.width, size: Math.hypot(raw.transform[0], raw.transform[1]) || 10 });
      }
      rows.sort((a, b) => b.y - a.y);
      let n = 0;
      for (const row of rows) {
        row.items.sort((a, b) => a.x - b.x);
        let text = '';
        let right = -Infinity;
        const cells: TextCell[] = [];
        for (const it of row.items) {
          if (text && it.x - right > 1 && !text.endsWith(' ') && !it.str.startsWith(' ')) text += ' ';
          text += it.str;
          // A gap wider than a few spaces parts cells: a table's columns, a label and its value.
          // pdfjs reports such gaps as items of blanks, which are no cell.
          if (it.str.trim() !== '') {
            const last = cells[cells.length - 1];
            if (last && it.x - last.x1 <= CELL_GAP * it.size) {
              last.text += it.x - last.x1 > 1 && !last.text.endsWith(' ') && !it.str.startsWith(' ') ? ` ${it.str}` : it.str;
              last.x1 = it.right;
            } else cells.push({ text: it.str, x0: it.x, x1: it.right });
          }
          right = it.right;
        }
        if (text.trim() === '') continue;
        n += 1;
        lines.push({ text, location: `side ${p}, linje ${n}`, cells: cells.map((c) => ({ ...c, text: c.text.trim() })) });
      }
      page.cleanup();
    }
    if (lines.length === 0)
      throw new ImportFileError(
        file,
        '',
        `PDF-filen har ingen tekst på sine ${doc.numPages} side(r): den er formentlig scannet. Brug en PDF med tekst (eller kør tekstgenkendelse/OCR først).`,
      );
    return lines;
  } finally {
    await doc.destroy();
  }
}
