import { parseFile } from '../../../electron/import/parseFile';
import { expect003, expect004 } from '../../unit/import/expectations';
import { FIXTURE_003, FIXTURE_004, hasSeeds, readFixture, readSeed, SEED_003, SEED_004, SEEDS_SKIP_NOTE } from '../../unit/import/seeds';
import { docxFromText, pdfFromText, scannedPdf } from './build';

/** 003 and 004 as text a PDF or Word extraction gives: our fixtures always, the seeds where present. */
const sources = [
  { what: "our fixtures in the seeds' layout", skip: false, note: '', text003: () => readFixture(FIXTURE_003), text004: () => readFixture(FIXTURE_004) },
  { what: 'the seeds', skip: !hasSeeds, note: SEEDS_SKIP_NOTE, text003: () => readSeed(SEED_003), text004: () => readSeed(SEED_004) },
];

describe.each(sources)('PDF and Word reports built from $what', ({ skip, note, text003, text004 }) => {
  it.skipIf(skip)(`reads evaluation report 003 from a PDF with page and line places${note}`, async () => {
    const bytes = await pdfFromText(text003());
    const pages: number[] = [];
    const parsed = await parseFile(bytes, 'evaluering-003.pdf', { onPage: (p) => pages.push(p) });
    expect(parsed.format).toBe('pdf');
    expect(parsed.kind).toBe('evaluationReport');
    expect003(parsed.items, parsed.issues);
    expect(pages.length).toBeGreaterThan(2);
    const b1 = parsed.items.find((i) => i.type === 'goal' && i.code === 'B1')!;
    expect(b1.source.location).toMatch(/^side \d+, linje \d+$/);
    expect(parsed.issues.find((i) => i.message.includes('C2'))!.location).toMatch(/^side \d+, linje \d+$/);
  });

  it.skipIf(skip)(`reads application 004 from a PDF${note}`, async () => {
    const parsed = await parseFile(await pdfFromText(text004()), 'ansøgning-004.pdf');
    expect(parsed.kind).toBe('application');
    expect004(parsed.items, parsed.issues);
  });

  it.skipIf(skip)(`reads both from Word documents with paragraph places${note}`, async () => {
    const p3 = await parseFile(await docxFromText(text003()), 'evaluering-003.docx');
    expect(p3.format).toBe('docx');
    expect003(p3.items, p3.issues);
    expect(p3.items.find((i) => i.type === 'goal')!.source.location).toMatch(/^afsnit \d+/);
    const p4 = await parseFile(await docxFromText(text004()), 'ansøgning-004.docx');
    expect004(p4.items, p4.issues);
  });
});

describe('PDF without text', () => {
  it('says a scanned PDF has no text instead of importing nothing', async () => {
    await expect(parseFile(await scannedPdf(), 'scannet.pdf')).rejects.toMatchObject({
      name: 'ImportFileError',
      file: 'scannet.pdf',
      message: expect.stringContaining('ingen tekst'),
    });
  });
});
