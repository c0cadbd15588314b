import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { createAppServices } from '../../../electron/services';
import { createDemoPortfolio } from '../../../electron/services/demo';
import { resourcesDir } from '../../../electron/resources';
import { exportReport, reportInputFor, renderReportDocx, renderReportPdf } from '../../../electron/export/report';
import { pdfLines } from '../../../electron/import/pdf';
import { runCli } from '../../../electron/cli/main';
import { buildReport } from '../../../shared/report/build';
import type { ChapterId, Report } from '../../../shared/report/model';
import type { RoundComparison } from '../../../shared/methodology/compare';
import { checkSoffice, sofficeAvailable, SOFFICE_REQUIRED } from '../../helpers/recalc';
import { convertToPdf } from '../../helpers/soffice';

/**
 * The written report of the demo's Headstart round, generated in both formats and read back: the
 * PDF with pdfjs (the importer's own reader), the DOCX with mammoth and its XML, and the DOCX
 * through LibreOffice to PDF (it must open and convert it without errors).
 */

const HAS_SOFFICE = sofficeAvailable();
const HEADSTART = 'Tiltrækning af talent (Headstart)';
let dir: string;
let db: string;
let report: Report;
let pdfPages: string[][];
let docxFile: string;
let docxHtml: string;
let docxXml: string;

/** The text lines of each page (index 0 = page 1). */
async function pagesOf(bytes: Uint8Array): Promise<string[][]> {
  const pages: string[][] = [];
  for (const line of await pdfLines(bytes, 'rapport.pdf')) {
    const page = Number(/side (\d+),/.exec(line.location)![1]);
    (pages[page - 1] ??= []).push(line.text);
  }
  return Array.from(pages, (p) => p ?? []);
}

/** The page (1-based) where each chapter's heading stands, e.g. "4 Projektets implementering". */
function chapterPages(pages: string[][], r: Report): Record<ChapterId, number> {
  const out = {} as Record<ChapterId, number>;
  for (const c of r.chapters) {
    const heading = `${c.number} ${c.title}`;
    // Past the table of contents (page 2), where every heading is listed too.
    const at = pages.findIndex((lines, i) => i > 1 && lines.some((l) => l.trim() === heading));
    out[c.id] = at + 1;
  }
  return out;
}

/** "1 Resumé 3" lines of the table of contents: heading -> page. */
function tocEntries(lines: string[], r: Report): Record<ChapterId, number> {
  const out = {} as Record<ChapterId, number>;
  for (const c of r.chapters) {
    const heading = `${c.number} ${c.title}`;
    const line = lines.find((l) => l.replace(/[.\u2026\s]+(\d+)$/, ' $1').startsWith(`${heading} `));
    out[c.id] = line ? Number(/(\d+)\s*$/.exec(line)![1]) : -1;
  }
  return out;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'trafiklys-report-'));
  db = join(dir, 'demo.sqlite');
  await createDemoPortfolio(db, resourcesDir());
  const services = await createAppServices({ dbPath: db });
  try {
    const project = (await services.store.findProjectByName(HEADSTART))!;
    report = buildReport(await reportInputFor(services, { projectId: project.id, lang: 'da' }));
    const phases: string[] = [];
    const pdf = await exportReport(services, { projectId: project.id, format: 'pdf', lang: 'da', outPath: join(dir, 'headstart.pdf'), onProgress: (p) => phases.push(p.phase) });
    expect(phases).toEqual(['load', 'build', 'write', 'done']);
    pdfPages = await pagesOf(readFileSync(pdf.path));
    docxFile = (await exportReport(services, { projectId: project.id, format: 'docx', lang: 'da', outPath: join(dir, 'headstart.docx') })).path;
  } finally {
    await services.close();
  }
  const bytes = readFileSync(docxFile);
  // The headings' bookmarks (the TOC's links) are empty anchors; the text is what counts.
  docxHtml = (await mammoth.convertToHtml({ buffer: bytes })).value.replace(/<a id="[^"]*"><\/a>/g, '');
  docxXml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
}, 240_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** What 003 shows, as a reader finds it in either format. */
const MUST_SHOW = [
  '3,8',
  '94 %',
  'Grøn',
  'Advarsel: C2: trykt målopnåelse 88 % afviger fra beregnet 75 %',
  'FAKTA-BOKS',
  'Aarhus Kommune',
  'Annette Zeh',
  'Socialfonden (ESF)',
  'Erhvervsuddannelse for voksne (ESF-4b)',
  '20.000.000 kr.',
  '01.01.2019 – 31.12.2022',
  'Organisering og samarbejde',
  'Sammenhæng mellem aktiviteter og mål',
  'Kvalitet, målgruppens oplevelse',
  'Relevans, målgruppens oplevelse',
  'Forankring af output',
  'Monitorering og opfølgning',
  'Budgetforbrug (kr.)',
  'Tidsforbrug (måneder)',
  '1,00 – i balance',
  '9 ud af 9',
  '5 ud af 8',
  '19.037',
  'Læringspunkt 4',
  '3,5 - 5,0',
  '81 - 94 %',
  'Note: Indrapporteret af Bevillingsmodtager 02.12.2022',
];

const squash = (s: string) => s.replace(/\s+/g, ' ');

describe('the PDF, read back with pdfjs', () => {
  it('has every chapter, figure, table and note of 003, in order, one chapter per page start', () => {
    const all = squash(pdfPages.flat().join(' '));
    for (const text of MUST_SHOW) expect(all, text).toContain(text);
    const pages = chapterPages(pdfPages, report);
    const order = report.chapters.map((c) => pages[c.id]);
    expect(order.every((p) => p > 2)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('carries KLADDE and its page number on every page after the title page', () => {
    pdfPages.forEach((lines, i) => {
      expect(lines.join(' '), `side ${i + 1}`).toContain('KLADDE');
      if (i > 0) expect(lines, `side ${i + 1}`).toContain(`Side ${i + 1} af ${pdfPages.length}`);
    });
  });

  it('keeps the page count and the pages of the chapters as they were looked at, and its table of contents agrees', () => {
    const pages = chapterPages(pdfPages, report);
    // Looked at page by page (pdftoppm); a change here means: look at the pages again.
    expect({ pages: pdfPages.length, ...pages }).toEqual({ pages: 17, resume: 3, facts: 4, status: 6, implementation: 7, goals: 10, effect: 12, learning: 14, legend: 15, sources: 17 });
    expect(tocEntries(pdfPages[1], report)).toEqual(pages);
  });

  it('embeds its fonts and draws the charts as text and vectors, not pictures', () => {
    const bytes = readFileSync(join(dir, 'headstart.pdf'));
    const fonts = spawnSync('pdffonts', [join(dir, 'headstart.pdf')], { encoding: 'utf8' });
    if (fonts.status === 0) {
      const rows = fonts.stdout.split('\n').slice(2).filter(Boolean);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row, row).toMatch(/\byes\s+yes\s+yes\b/);
    } else expect(bytes.includes(Buffer.from('/FontFile2'))).toBe(true);
    expect(bytes.includes(Buffer.from('/Subtype /Image'))).toBe(false);
    // The score chart's tick labels and the effect chain's column titles are text on their pages.
    const implementation = pdfPages[chapterPages(pdfPages, report).implementation - 1];
    expect(implementation).toEqual(expect.arrayContaining(['0 1 2 3 4 5']));
    expect(squash(pdfPages.flat().join(' '))).toContain('Hovedaktiviteter Output Effekter');
  });

  it('never ends a page with a heading or a caption: it moves to the next page with what follows it', async () => {
    // The midterm round has many short blocks (placeholders, warnings), so headings fall at page feet.
    const services = await createAppServices({ dbPath: db });
    let pages: string[][];
    let midterm: Report;
    try {
      const project = (await services.store.findProjectByName('Tiltrækning af talent – work-live-stay southern denmark'))!;
      midterm = buildReport(await reportInputFor(services, { projectId: project.id, lang: 'en' }));
      pages = await pagesOf(await renderReportPdf(midterm));
    } finally {
      await services.close();
    }
    const headings = new Set<string>();
    for (const c of midterm.chapters)
      for (const b of c.blocks) {
        if (b.kind === 'heading') headings.add(b.text);
        if (b.kind === 'table' || b.kind === 'chart' || b.kind === 'facts') headings.add(b.caption);
      }
    pages.forEach((lines, i) => {
      // The last line above the footer ("Page n of m"); the header's two lines come first.
      const body = lines.filter((l) => !/^Page \d+ of \d+$/.test(l) && l !== midterm.running && l !== midterm.marker.text);
      expect(headings.has(body.at(-1)!.trim()), `page ${i + 1} ends with "${body.at(-1)}"`).toBe(false);
    });
  });

  it('a final report says "Afsluttet dd.mm.åååå af NAVN" on every page and has no placeholders', async () => {
    const services = await createAppServices({ dbPath: db });
    try {
      const project = (await services.store.findProjectByName(HEADSTART))!;
      const input = await reportInputFor(services, { projectId: project.id, lang: 'en' });
      const bytes = await renderReportPdf(buildReport({ ...input, signOff: { state: 'final', finalizedAt: '2023-01-05T10:00:00Z', finalizedBy: 'Anne Evaluator' } }));
      const pages = await pagesOf(bytes);
      for (const lines of pages) expect(lines.join(' ')).toContain('Finalised 05.01.2023 by Anne Evaluator');
      const all = pages.flat().join(' ');
      expect(all).not.toContain('[No text yet]');
      expect(all).not.toContain('DRAFT');
      expect(all).toContain('1 Summary');
      expect(all).toContain('Warning: C2: printed attainment 88 % differs from the computed 75 %');
    } finally {
      await services.close();
    }
  });
});

describe('the comparison with the midterm ("Udvikling siden midtvejsevalueringen")', () => {
  /** Headstart's final round beside a midterm round of the same project (H5b computes it; here it is given). */
  async function withComparison(): Promise<Report> {
    const services = await createAppServices({ dbPath: db });
    try {
      const project = (await services.store.findProjectByName(HEADSTART))!;
      const input = await reportInputFor(services, { projectId: project.id, lang: 'da' });
      input.project.evaluations.push({ ...input.evaluation.evaluation, id: 999, type: 'midterm', date: '2021-01-15' });
      const comparison: RoundComparison = {
        earlierEvaluationId: 999,
        laterEvaluationId: input.evaluation.evaluation.id,
        goals: [
          { code: 'B1', level: 'B', description: 'Antal deltagere', then: { target: 256, status: 120, percent: 47 }, now: { target: 256, status: 219, percent: 86 }, changePoints: 39 },
          { code: 'C2', level: 'C', description: 'Internationale studenter', then: null, now: { target: 60, status: 45, percent: 75 }, changePoints: null },
        ],
        parameters: [{ parameter: 1, then: 3, now: 4 }],
        implementation: { then: 3, now: 3.8 },
        lights: [{ kind: 'goals', then: 'red', now: 'green', thenBasis: null, nowBasis: null, why: 'Outputmålene er nået 94 %.' }],
      };
      return buildReport({ ...input, comparison });
    } finally {
      await services.close();
    }
  }
  const rows = ['Målopnåelse Rød Grøn Outputmålene er nået 94 %.', 'Samlet score 3,0 3,8', 'B1: Antal deltagere 256 / 120 47 % 256 / 219 86 % +39', 'C2: Internationale studenter fandtes ikke 60 / 45 75 %'];

  it('stands before the appendix in the PDF, on a page of its own, with the lights, scores and goals then and now', async () => {
    const r = await withComparison();
    const pages = await pagesOf(await renderReportPdf(r));
    const at = chapterPages(pages, r);
    expect(at.comparison).toBeGreaterThan(at.learning);
    expect(at.legend).toBeGreaterThan(at.comparison);
    expect(pages[at.comparison - 1].map((l) => l.trim())).toContain('8 Udvikling siden midtvejsevalueringen');
    const text = squash(pages[at.comparison - 1].join(' '));
    for (const row of rows) expect(text, row).toContain(row);
    expect(tocEntries(pages[1], r).comparison).toBe(at.comparison);
  });

  it('is a Heading 1 chapter with its three Word tables in the DOCX', async () => {
    const r = await withComparison();
    const html = (await mammoth.convertToHtml({ buffer: await renderReportDocx(r) })).value.replace(/<a id="[^"]*"><\/a>/g, '');
    const h1 = [...html.matchAll(/<h1>(.*?)<\/h1>/g)].map((m) => m[1]);
    expect(h1.slice(-3)).toEqual(['8 Udvikling siden midtvejsevalueringen', '9 Bilag: Sådan scorer vi', '10 Bilag: Kilder']);
    const chapter = html.slice(html.indexOf('<h1>8 Udvikling'), html.indexOf('<h1>9 Bilag'));
    expect((chapter.match(/<table>/g) ?? []).length).toBe(3);
    const text = squash(chapter.replace(/<[^>]+>/g, ' ')).replace(/ +/g, ' ');
    for (const row of rows) expect(text, row).toContain(row);
  });
});

describe('the DOCX, read back with mammoth and its XML', () => {
  it('uses Word heading styles for the chapters and sections, in order', () => {
    const h1 = [...docxHtml.matchAll(/<h1>(.*?)<\/h1>/g)].map((m) => m[1]);
    expect(h1).toEqual(report.chapters.map((c) => `${c.number} ${c.title}`));
    const h2 = [...docxHtml.matchAll(/<h2>(.*?)<\/h2>/g)].map((m) => m[1]);
    expect(h2).toEqual(['2.1 Projektets effektkæde', '5.1 Fremdrift ift. aktiviteter og milepæle', '5.2 Målopnåelse i forhold til output', '6.1 Forudsætninger for effektskabelse', '6.2 Indsatsens effektmål']);
  });

  it('has every figure and note as text, the tables as Word tables and the three charts as pictures', () => {
    const text = squash(docxHtml.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&'));
    for (const t of MUST_SHOW) expect(text, t).toContain(t);
    // Goal tables, budget and time, survey, appendix ... each a Word table.
    const tableCount = report.chapters.flatMap((c) => c.blocks).filter((b) => b.kind === 'table' || b.kind === 'facts' || b.kind === 'lights').length;
    expect((docxXml.match(/<w:tbl>/g) ?? []).length).toBeGreaterThanOrEqual(tableCount);
    expect((docxHtml.match(/<img /g) ?? []).length).toBe(3);
    expect(docxHtml).toMatch(/<img [^>]*alt="Organisering og samarbejde: 4;/);
    expect(text).toContain('[Ingen tekst endnu]');
  });

  it('has fields for the table of contents and the page numbers, and KLADDE in the header', async () => {
    expect(docxXml).toMatch(/TOC (\\h )?\\o &quot;1-2&quot;/);
    // Each entry links to its heading's bookmark with a PAGEREF field (its number written in).
    expect((docxXml.match(/PAGEREF _Toc\d+ \\h/g) ?? []).length).toBe(14);
    const zip = await JSZip.loadAsync(readFileSync(docxFile));
    const headers = await Promise.all(Object.keys(zip.files).filter((f) => /^word\/header\d*\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
    expect(headers.length).toBeGreaterThanOrEqual(2);
    for (const h of headers) expect(h).toContain('KLADDE');
    const footers = await Promise.all(Object.keys(zip.files).filter((f) => /^word\/footer\d*\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
    expect(footers.join('')).toMatch(/PAGE/);
    expect(footers.join('')).toMatch(/NUMPAGES/);
    const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
    expect(media.every((f) => f.endsWith('.png'))).toBe(true);
    // 300 dpi: a chart across the text width (about 16,6 cm) is close to 2.000 pixels wide.
    const png = await zip.file(media[0])!.async('nodebuffer');
    expect(png.readUInt32BE(16)).toBeGreaterThan(1900);
  });
});

describe.skipIf(!HAS_SOFFICE && !SOFFICE_REQUIRED)('the DOCX through LibreOffice', () => {
  let pages: string[][];
  beforeAll(async () => {
    checkSoffice(HAS_SOFFICE);
    pages = await pagesOf(convertToPdf([docxFile]).get(docxFile)!);
  }, 300_000);

  it('opens and converts to PDF with every chapter and figure, KLADDE on every page', () => {
    const all = squash(pages.flat().join(' '));
    for (const t of MUST_SHOW) expect(all, t).toContain(t);
    for (const [i, lines] of pages.entries()) expect(lines.join(' '), `side ${i + 1}`).toContain('KLADDE');
  });

  it('starts each chapter on a page of its own, in order, where its table of contents says (page count near the PDF’s)', () => {
    const at = chapterPages(pages, report);
    const order = report.chapters.map((c) => at[c.id]);
    expect(order.every((p) => p > 2)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const toc = tocEntries(pages[1], report);
    for (const c of report.chapters) expect(Math.abs(toc[c.id] - at[c.id]), `${c.title}: indhold ${toc[c.id]}, side ${at[c.id]}`).toBeLessThanOrEqual(1);
    expect(Math.abs(pages.length - pdfPages.length)).toBeLessThanOrEqual(3);
  });
});

describe('the report command', () => {
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) } };
  };

  it('writes the report in the format and language asked for', async () => {
    const { out, io: cliIo } = io();
    const file = join(dir, 'cli.docx');
    expect(await runCli(['report', '--db', db, '--project', HEADSTART, '--round', 'latest', '--format', 'docx', '--lang', 'en', '--out', file], cliIo)).toBe(0);
    expect(out.join('\n')).toContain(file);
    const html = (await mammoth.convertToHtml({ buffer: readFileSync(file) })).value;
    expect(html).toMatch(/<h1>(<a id="[^"]*"><\/a>)?1 Summary<\/h1>/);
    expect(html).toContain('3,8');
  });

  it('refuses a wrong format, a file that does not match it, an unknown project or round, and writes nothing', async () => {
    const before = readdirSync(dir).sort();
    const cases: [string[], RegExp][] = [
      [['--format', 'odt', '--out', join(dir, 'x.odt')], /Ukendt format "odt"/],
      [['--format', 'pdf', '--out', join(dir, 'x.docx')], /skal ende på \.pdf/],
      [['--format', 'pdf', '--lang', 'sv', '--out', join(dir, 'x.pdf')], /--lang skal være da eller en/],
      [['--format', 'pdf', '--round', 'første', '--out', join(dir, 'x.pdf')], /Ugyldig runde "første"/],
      [['--format', 'pdf', '--round', '999', '--out', join(dir, 'x.pdf')], /Evaluering 999 findes ikke/],
      [['--format', 'pdf', '--out', join(dir, 'mangler', 'x.pdf')], /Mappen .*mangler findes ikke/],
    ];
    for (const [args, message] of cases) {
      const { err, io: cliIo } = io();
      expect(await runCli(['report', '--db', db, '--project', HEADSTART, ...args], cliIo), args.join(' ')).not.toBe(0);
      expect(err.join('\n')).toMatch(message);
    }
    const { err, io: cliIo } = io();
    expect(await runCli(['report', '--db', db, '--project', 'Findes ikke', '--format', 'pdf', '--out', join(dir, 'y.pdf')], cliIo)).not.toBe(0);
    expect(err.join('\n')).toMatch(/Intet projekt matcher "Findes ikke"/);
    expect(readdirSync(dir).sort()).toEqual(before);
  });
});

it.skipIf(HAS_SOFFICE || SOFFICE_REQUIRED)('LibreOffice conversion of the DOCX skipped: soffice is not installed (apt-get install libreoffice-writer-nogui)', () => {});
