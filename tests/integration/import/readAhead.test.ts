import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeStatusWorkbooks } from '../../../bench/statusWorkbooks';
import { ImportFileError } from '../../../electron/import/errors';
import { prepareFile, type PreparedFile } from '../../../electron/import/prepare';
import { ReadAhead } from '../../../electron/import/readAhead';
import { FIXTURE_003, readFixture } from '../../unit/import/seeds';
import { docxFromText, pdfFromText } from './build';

/**
 * The folder import's reader in a worker thread (readAhead.ts): what it gives for a file is
 * exactly what reading the file in this thread gives: the workbook's items and issues and its
 * bytes, or the same error naming the file. Files a worker had when it stopped by itself are
 * read here instead; closing the reader cancels what it still had.
 */

let dir: string;
let workbooks: string[];
let damaged: string;
let missing: string;
let csv: string;
let pdf: string;
let docx: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'trafiklys-readahead-'));
  workbooks = await writeStatusWorkbooks(join(dir, 'mappe'), { seed: 12, projects: 3, files: 3 });
  damaged = join(dir, 'ødelagt.xlsx');
  writeFileSync(damaged, Buffer.from('PK\u0003\u0004 ikke en rigtig projektmappe'));
  missing = join(dir, 'findes-ikke.xlsx');
  csv = join(dir, 'status.csv');
  writeFileSync(csv, 'Kode;Mål i perioden;Status;Dato\nB1;100;80;01.03.2023\nB2;x;5;01.03.2023\n');
  // An evaluation report as a PDF (pdf.js) and as Word (mammoth), from the repo's own fixture.
  pdf = join(dir, 'evaluering.pdf');
  writeFileSync(pdf, await pdfFromText(readFixture(FIXTURE_003)));
  docx = join(dir, 'evaluering.docx');
  writeFileSync(docx, await docxFromText(readFixture(FIXTURE_003)));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A prepared file as the preview uses it: an error by its class and parts, not by identity. */
const shown = (p: PreparedFile) =>
  'failed' in p
    ? { name: p.name, failed: { isImportFileError: p.failed instanceof ImportFileError, file: p.failed.file, location: p.failed.location, message: p.failed.message, msg: p.failed.msg } }
    : { name: p.name, bytes: Buffer.from(p.bytes).toString('base64'), parsed: p.parsed };

test('a worker thread reads workbooks, a CSV, a PDF, a Word file and unreadable files exactly as this thread does', async () => {
  const reader = ReadAhead.open();
  try {
    expect(reader.threaded).toBe(true);
    const paths = [...workbooks, csv, damaged, missing, pdf, docx];
    // All sent at once, answered in order, as the folder import uses it.
    const read = await Promise.all(paths.map((p) => reader.prepare(p)));
    // It said it was ready (its modules loaded) before its first answer.
    expect(reader.ready).toBe(true);
    const here = await Promise.all(paths.map((p) => prepareFile({ path: p })));
    expect(read.map(shown)).toEqual(here.map(shown));
    // What was compared is what a user sees: goals and statuses of the workbooks, the damaged file's error.
    const first = read[0];
    expect('parsed' in first && first.parsed.items.some((i) => i.type === 'status')).toBe(true);
    const broken = read[4];
    expect('failed' in broken && broken.failed.message).toMatch(/ødelagt\.xlsx|beskadiget|kan ikke læses/i);
    expect('failed' in read[5] && read[5].failed.message).toMatch(/findes ikke/);
    for (const report of read.slice(6)) expect('parsed' in report && report.parsed.items.some((i) => i.type === 'goal')).toBe(true);
  } finally {
    await reader.close();
  }
});

test('a file this thread takes back from a worker (to read instead of waiting) gives the same answer, and the worker\'s others still come', async () => {
  const reader = ReadAhead.open(1);
  try {
    const paths = [...workbooks, csv];
    const pending = paths.map((p) => reader.prepare(p));
    expect(reader.waitingOn(paths[0])).toBe(true);
    // The last one handed out, which the worker has not begun: read here.
    expect(reader.readOneHere()).toBe(true);
    expect(reader.waitingOn(csv)).toBe(false);
    const read = await Promise.all(pending);
    const here = await Promise.all(paths.map((p) => prepareFile({ path: p })));
    expect(read.map(shown)).toEqual(here.map(shown));
    // Nothing left in a worker's hands: nothing to take back.
    expect(reader.readOneHere()).toBe(false);
  } finally {
    await reader.close();
  }
});

test('a worker that stops by itself leaves its files to this thread, with the same result; closing cancels what is left', async () => {
  const reader = ReadAhead.open();
  const pending = workbooks.map((p) => reader.prepare(p));
  // As if the workers crashed: they exit without answering.
  await Promise.all((reader as unknown as { lanes: { worker: { terminate(): Promise<number> } }[] }).lanes.map((l) => l.worker.terminate()));
  const read = await Promise.all(pending);
  expect(reader.threaded).toBe(false);
  const here = await Promise.all(workbooks.map((p) => prepareFile({ path: p })));
  expect(read.map(shown)).toEqual(here.map(shown));

  const again = ReadAhead.open();
  const left = expect(again.prepare(workbooks[0])).rejects.toMatchObject({ code: 'CANCELLED' });
  await again.close();
  await left;
});
