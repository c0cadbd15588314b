import { parseFile } from '../../../electron/import/parseFile';
import { expect003, expect004, expectMidterm } from '../../unit/import/expectations';
import { FIXTURE_003, FIXTURE_004, FIXTURE_MIDTERM, hasSeeds, readFixture, readSeed, SEED_003, SEED_004, SEEDS_SKIP_NOTE } from '../../unit/import/seeds';
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

describe('a midterm report whose B2 has target 22 and no status, as text in a PDF and in Word paragraphs (issue 10, point 1)', () => {
  const midterm = (marks: string) => readFixture(FIXTURE_MIDTERM).replace('i forløb 22 - -', `i forløb 22 ${marks}`.trimEnd());
  /** Where a line of the fixture lands: the builders drop blank lines; a PDF page holds 48. */
  const at = (text: string, needle: string) => {
    const n = text.split(/\r?\n/).filter((l) => l.trim() !== '').findIndex((l) => l.includes(needle));
    return { pdf: `side ${Math.floor(n / 48) + 1}, linje ${(n % 48) + 1}`, docx: `afsnit ${n + 1}` };
  };

  it.each(['- -', '– –', '— —', 'n/a n/a', 'ikke opgjort ikke opgjort', '* *', '- –'])('"22 %s": target read, no status stored, a warning at its place', async (marks) => {
    const text = midterm(marks);
    const b2 = at(text, 'B2:');
    const pdf = await parseFile(await pdfFromText(text), 'midtvejs.pdf');
    expect(expectMidterm(pdf.items, pdf.issues).b2.location).toBe(b2.pdf);
    const docx = await parseFile(await docxFromText(text), 'midtvejs.docx');
    expect(expectMidterm(docx.items, docx.issues).b2.location).toBe(b2.docx);
  });

  it('"22" with blank cells that left no trace: the reader says it cannot tell where 22 belongs, with its place', async () => {
    const text = midterm('');
    const b2 = at(text, 'B2:');
    for (const [parsed, place] of [
      [await parseFile(await pdfFromText(text), 'midtvejs.pdf'), b2.pdf],
      [await parseFile(await docxFromText(text), 'midtvejs.docx'), b2.docx],
    ] as const) {
      expect(parsed.issues.filter((i) => i.severity === 'error')).toEqual([
        expect.objectContaining({ location: place, message: expect.stringMatching(/^Målet B2: tabellen har 3 talkolonner .* eller om 22 er en del af beskrivelsen/) }),
      ]);
      expect(parsed.items.filter((i) => i.type === 'goal').map((g) => g.type === 'goal' && g.code)).toEqual(['B1', 'B3', 'C1']);
    }
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
