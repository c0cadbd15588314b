import mammoth from 'mammoth';
import type { TextLine } from '../../shared/import/text';
import { ImportFileError } from './errors';

/** The text of a Word document as paragraphs, "afsnit N" (mammoth's raw text). */
export async function docxLines(bytes: Uint8Array, file: string): Promise<TextLine[]> {
  let text: string;
  try {
    ({ value: text } = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }));
  } catch (err) {
    throw new ImportFileError(file, '', `Word-dokumentet kan ikke læses (beskadiget?): ${err instanceof Error ? err.message : String(err)}`);
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
