import { parseFile } from '../../../electron/import/parseFile';
import { expect003, expect004 } from '../../unit/import/expectations';
import { readSeed, SEED_003, SEED_004 } from '../../unit/import/seeds';
import { docxFromText, pdfFromText, scannedPdf } from './build';

describe('PDF and Word reports built from the seeds', () => {
  it('reads evaluation report 003 from a PDF with page and line places', async () => {
    const bytes = await pdfFromText(readSeed(SEED_003));
    const pages: number[] = [];
    const parsed = await parseFile(bytes, 'evaluering-003.pdf', { onPage: (p) => pages.push(p) });
    expect(parsed.format).toBe('pdf');
    expect(parsed.kind).toBe('evaluationReport');
    expect003(parsed.items, parsed.issues);
    expect(pages.length).toBeGreaterThan(10);
    const b1 = parsed.items.find((i) => i.type === 'goal' && i.code === 'B1')!;
    expect(b1.source.location).toMatch(/^side \d+, linje \d+$/);
    expect(parsed.issues.find((i) => i.message.includes('C2'))!.location).toMatch(/^side \d+, linje \d+$/);
  });

  it('reads application 004 from a PDF', async () => {
    const parsed = await parseFile(await pdfFromText(readSeed(SEED_004)), 'ansøgning-004.pdf');
    expect(parsed.kind).toBe('application');
    expect004(parsed.items, parsed.issues);
  });

  it('reads both seeds from Word documents with paragraph places', async () => {
    const p3 = await parseFile(await docxFromText(readSeed(SEED_003)), 'evaluering-003.docx');
    expect(p3.format).toBe('docx');
    expect003(p3.items, p3.issues);
    expect(p3.items.find((i) => i.type === 'goal')!.source.location).toMatch(/^afsnit \d+/);
    const p4 = await parseFile(await docxFromText(readSeed(SEED_004)), 'ansøgning-004.docx');
    expect004(p4.items, p4.issues);
  });

  it('says a scanned PDF has no text instead of importing nothing', async () => {
    await expect(parseFile(await scannedPdf(), 'scannet.pdf')).rejects.toMatchObject({
      name: 'ImportFileError',
      file: 'scannet.pdf',
      message: expect.stringContaining('ingen tekst'),
    });
  });
});
