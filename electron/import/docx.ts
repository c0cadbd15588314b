import mammoth from 'mammoth';
import type { TextLine } from '../../shared/import/text';
import { ImportFileError, readerFailure } from './errors';

/** The text of a Word document as paragraphs, "afsnit N" (mammoth's raw text). */
export async function docxLines(bytes: Uint8Array, file: string): Promise<TextLine[]> {
  let text: string;
  try {
    ({ value: text } = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }));
  } catch (err) {
    // mammoth's and JSZip's own words mean nothing to the user (issue 10, point 7).
    throw readerFailure(err, file, 'docx');
  }
  const paragraphs = text.split(/\n/);
  const lines: TextLine[] = [];
  let n = 0;
  for (const p of paragraphs) {
    if (p.trim() === '') continue;
    n += 1;
    lines.push({ text: p, location: `afsnit ${n}` });
  }
  if (lines.length === 0) throw new ImportFileError(file, '', 'Word-dokumentet indeholder ingen tekst.');
  return lines;
}
