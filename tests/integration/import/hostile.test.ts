import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyImport, previewImport } from '../../../electron/import/service';
import { createDemoPortfolio } from '../../../electron/services/demo';
import { resourcesDir } from '../../../electron/resources';
import { openPortfolioStore, type PortfolioStore } from '../../../electron/storage';
import type { ImportPreview } from '../../../shared/import/items';
import { isReaderMsg, readerDanish, type ReaderMsg } from '../../../shared/import/readerNotes';
import { fileOf, HOSTILE_CASES, type HostileCase } from './hostile';
import { csvDataRows, silentlyDropped, xlsxDataRows } from './hostile/invariant';

/**
 * Issue 10's hostile corpus: every file through previewImport and, where the preview allows,
 * applyImport, against a real SQLite file holding the demo. 0 crashes (previewImport never
 * throws, no library's own text reaches the user), 0 silent drops (every data row of a grid is
 * an item or named in an issue), 0 writes on failure (dataDigest unchanged), every error names
 * the file and, where the message is about a cell or row, its place.
 */
const RAW_LIBRARY_TEXT =
  /Cannot (set|read) propert|Invalid string length|Invalid row number|End of data reached|Corrupted zip|Maximum call stack|is not a function|is not iterable|undefined|TypeError|RangeError|SyntaxError|JSZip|sheetNo|Unexpected (token|end)|ENOENT|\bat [\w.]+ \(/;

const dir = mkdtempSync(path.join(tmpdir(), 'trafiklys-hostile-'));
const demo = path.join(dir, 'demo.sqlite');
/** A new project beside the demo's, so that every goal code of a case is its own. */
const PROJECT = 'Fjendtlig testfil';
let store: PortfolioStore;
let copies = 0;

beforeAll(async () => {
  await createDemoPortfolio(demo, resourcesDir());
  store = await openPortfolioStore(demo);
});
afterAll(async () => {
  await store?.close();
});

/** Keys a cell- or row-level message has: those must come with a place. */
const PLACED = /^(cell|row|code|status|printed|levelMismatch|notAGoalCode|tableDuplicate|survey|answersOff|progressExtra)/;

function checkIssues(c: HostileCase, preview: ImportPreview): void {
  const file = fileOf(c);
  for (const issue of preview.issues) {
    expect(issue.message.trim(), JSON.stringify(issue)).not.toBe('');
    expect(issue.message, JSON.stringify(issue)).not.toMatch(RAW_LIBRARY_TEXT);
    if (issue.severity !== 'error') continue;
    expect(issue.file, JSON.stringify(issue)).toBe(file);
    const m = issue.msg as ReaderMsg | undefined;
    if (m && 'key' in m && PLACED.test(m.key)) expect(issue.location, JSON.stringify(issue)).not.toBe('');
    // A reader's keyed message is its Danish text, nothing added or lost.
    if (m && isReaderMsg(m)) expect(issue.message).toBe(readerDanish(m));
  }
  const errors = preview.issues.filter((i) => i.severity === 'error');
  if (c.expect === 'error') expect(errors.length, JSON.stringify(preview.issues, null, 1)).toBeGreaterThan(0);
  if (c.expect === 'ok') expect(errors, JSON.stringify(errors, null, 1)).toEqual([]);
  if (c.key || c.message) {
    const pool = c.expect === 'error' ? errors : preview.issues;
    const hit = pool.find((i) => (!c.key || i.msg?.key === c.key) && (!c.message || c.message.test(i.message)));
    expect(hit, `${c.key ?? ''} ${c.message ?? ''} in ${JSON.stringify(preview.issues, null, 1)}`).toBeDefined();
    if (c.location) expect(hit!.location).toMatch(c.location);
  }
}

describe('the hostile corpus (issue 10)', () => {
  it('has at least 100 files across xlsx, CSV, PDF, DOCX and text', () => {
    expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(100);
    const ext = new Set(HOSTILE_CASES.map((c) => path.extname(fileOf(c)).slice(1)));
    for (const e of ['xlsx', 'csv', 'pdf', 'docx', 'txt']) expect(ext).toContain(e);
  });

  it.each(HOSTILE_CASES.map((c) => [fileOf(c), c] as const))('%s', async (_, c) => {
    const file = fileOf(c);
    const bytes = await c.build();
    const before = await store.dataDigest();
    const preview = await previewImport(store, [{ name: file, bytes }], { projectName: PROJECT });
    checkIssues(c, preview);
    if (c.grid && !preview.issues.some((i) => i.severity === 'error' && i.location === '')) {
      const rows = c.grid === 'xlsx' ? await xlsxDataRows(bytes) : csvDataRows(bytes);
      expect(silentlyDropped(preview, file, rows), JSON.stringify(preview.issues, null, 1)).toEqual([]);
    }
    expect(await store.dataDigest()).toBe(before);
    if (preview.items.length === 0) return;
    // Apply against a copy of the demo, so that every case starts from the same portfolio.
    const copy = path.join(dir, `copy-${++copies}.sqlite`);
    copyFileSync(demo, copy);
    const target = await openPortfolioStore(copy);
    try {
      const again = await previewImport(target, [{ name: file, bytes }], { projectName: PROJECT });
      const digest = await target.dataDigest();
      const apply = applyImport(target, {
        projectId: again.projectId,
        newProjectName: again.projectId === null ? PROJECT : undefined,
        items: again.items,
        newEvaluation: again.projectId === null ? { type: 'midterm', date: '2022-12-02' } : undefined,
      });
      // An apply either writes or fails as a whole with a message (a status without a date, an
      // item the preview marked as an error): never a crash, never half written.
      const outcome = await apply.then(
        () => 'written' as const,
        (err: unknown) => err,
      );
      if (outcome !== 'written') {
        expect(outcome).toMatchObject({ code: 'IMPORT_FAILED', message: expect.stringContaining(file) });
        expect(await target.dataDigest()).toBe(digest);
      }
    } finally {
      await target.close();
    }
  });
});
