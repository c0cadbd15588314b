import { readFileSync } from 'node:fs';
import mammoth from 'mammoth';
import type { AppServices } from '../../electron/services';
import { exportReport } from '../../electron/export/report';
import { pdfLines } from '../../electron/import/pdf';

/** Whitespace as one space: PDF lines and Word paragraphs compare as running text. */
export const squash = (s: string) => s.replace(/\s+/g, ' ');

/**
 * A project's report written as PDF and DOCX to `base`.pdf/.docx through the report channel's
 * service and read back as a reader finds them (pdfjs for the PDF, mammoth for the DOCX).
 */
export async function reportTextOf(services: AppServices, projectId: number, lang: 'da' | 'en', base: string): Promise<{ pdf: string; docx: string; pdfPath: string }> {
  const pdf = await exportReport(services, { projectId, format: 'pdf', lang, outPath: `${base}.pdf` });
  const docx = await exportReport(services, { projectId, format: 'docx', lang, outPath: `${base}.docx` });
  const lines = await pdfLines(readFileSync(pdf.path), 'rapport.pdf');
  const raw = (await mammoth.extractRawText({ buffer: readFileSync(docx.path) })).value;
  return { pdf: squash(lines.map((l) => l.text).join(' ')), docx: squash(raw), pdfPath: pdf.path };
}
