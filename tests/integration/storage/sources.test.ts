import pg from 'pg';
import sqlite3 from 'sqlite3';
import { applyImport, previewImport, type ApplyInput } from '../../../electron/import/service';
import type { PortfolioStore } from '../../../electron/storage';
import type { ImportPreview } from '../../../shared/import/items';
import { FIXTURE_003, readFixture } from '../../unit/import/seeds';
import { pdfFromText } from '../import/build';
import { openTempStore, type StoreFixture } from './helpers';
import { listSources } from '../../../electron/storage/sources';
import { describeEngines, freshLocation, migrateRaw, openRawAt } from '../../helpers/engines';

/** The apply the wizard sends: the preview's items and files (with their hashes). */
function applyOf(preview: ImportPreview, extra: Partial<ApplyInput> = {}): ApplyInput {
  return {
    projectId: preview.projectId,
    items: preview.items,
    files: preview.files.map((f) => ({ file: f.file, kind: f.kind, sha256: f.sha256 })),
    newEvaluation: { type: 'final', date: '2022-12-02' },
    ...extra,
  };
}

/** Rows of a table, read with the raw sqlite3 or pg package (outside the code under test). */
async function rawCount(file: string, table: string): Promise<number> {
  if (file.startsWith('postgres://')) {
    const client = new pg.Client({ connectionString: file });
    await client.connect();
    try {
      return Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
    } finally {
      await client.end();
    }
  }
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (err) => {
      if (err) return reject(err);
      db.get(`SELECT count(*) AS n FROM ${table}`, (e, row: { n: number }) => db.close(() => (e ? reject(e) : resolve(row.n))));
    });
  });
}

async function countRows(store: PortfolioStore): Promise<{ files: number; links: number }> {
  // Through the store's own digest-free reads: every project's list, and the distinct hashes.
  const projects = await store.listProjects({ includeDeleted: true });
  const lists = await Promise.all(projects.map((p) => store.listSources(p.id)));
  return { files: new Set(lists.flat().map((s) => s.sha256)).size, links: lists.flat().length };
}

describeEngines('sources', () => {
  describe('sources kept with the portfolio', () => {
    let fx: StoreFixture;
    let pdf: { name: string; bytes: Uint8Array };
    beforeAll(async () => {
      pdf = { name: 'evaluering-003.pdf', bytes: await pdfFromText(readFixture(FIXTURE_003)) };
    });
    beforeEach(async () => {
      fx = await openTempStore();
    });
    afterEach(() => fx.cleanup());

    it('keeps the file with the project in the import, and stores one copy for two imports of the same file', async () => {
      const { store } = fx;
      const first = await previewImport(store, [pdf]);
      expect(first.files[0]).toMatchObject({ size: pdf.bytes.byteLength, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
      const a = await applyImport(store, applyOf(first));
      const [source] = await store.listSources(a.projectId);
      expect(source).toMatchObject({ fileName: 'evaluering-003.pdf', format: 'pdf', kind: 'evaluationReport', size: pdf.bytes.byteLength, sha256: first.files[0].sha256 });
      expect(source.importedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(source.importedBy).toBe('evaluator1');
      const read = await store.readSource(a.projectId, source.id);
      expect(Buffer.compare(read!.bytes, Buffer.from(pdf.bytes))).toBe(0);

      // The same file into a second, new project: a second link, not a second copy.
      const second = await previewImport(store, [pdf], { newProject: true });
      const b = await applyImport(store, applyOf(second, { projectId: null, newProjectName: 'Headstart, fase 2' }));
      expect(b.projectId).not.toBe(a.projectId);
      expect(await countRows(store)).toEqual({ files: 1, links: 2 });
      expect(await rawCount(fx.file, 'source_files')).toBe(1);

      // Again into the first project: nothing new, the first import's date stays.
      const again = await previewImport(store, [pdf], { projectId: a.projectId });
      await applyImport(store, applyOf(again, { projectId: a.projectId }));
      expect(await store.listSources(a.projectId)).toEqual([source]);
      // Another project cannot read the first project's link.
      expect(await store.readSource(b.projectId, source.id)).toBeNull();
    });

    it('a failed import keeps no source (the file is written in the import transaction)', async () => {
      const { store } = fx;
      const preview = await previewImport(store, [pdf]);
      const controller = new AbortController();
      // Cancel right after the source is written, inside the transaction: all of it rolls back.
      const realTransaction = store.transaction.bind(store);
      store.transaction = ((fn: (tx: PortfolioStore) => Promise<unknown>) =>
        realTransaction((tx) => {
          const keep = tx.keepSource.bind(tx);
          tx.keepSource = async (...args) => {
            const kept = await keep(...args);
            controller.abort();
            return kept;
          };
          return fn(tx);
        })) as PortfolioStore['transaction'];
      await expect(applyImport(store, { ...applyOf(preview), signal: controller.signal })).rejects.toMatchObject({ code: 'CANCELLED' });
      store.transaction = realTransaction;
      expect(await store.listProjects({ includeDeleted: true })).toEqual([]);
      expect(await countRows(store)).toEqual({ files: 0, links: 0 });
    });

    it('refuses an apply whose file is not among the previewed ones, and writes nothing', async () => {
      const { store } = fx;
      const preview = await previewImport(store, [pdf]);
      const input = applyOf(preview);
      input.files = input.files!.map((f) => ({ ...f, sha256: 'a'.repeat(64) }));
      await expect(applyImport(store, input)).rejects.toMatchObject({ code: 'IMPORT_FAILED', message: expect.stringContaining('evaluering-003.pdf skal læses igen') });
      expect(await store.listProjects({ includeDeleted: true })).toEqual([]);
    });

    it('a source kept before the importer was recorded (a version-7 file) lists no importer, not a guessed one', async () => {
      const { location, drop } = await freshLocation(fx.dir, 'v7.sqlite');
      onTestFinished(drop);
      const db = await openRawAt(location, 7);
      await db.run("INSERT INTO projects (name, created_at, updated_at) VALUES ('P', 't', 't')");
      await db.run("INSERT INTO source_files (sha256, size, content, created_at) VALUES (?, 3, ?, '2026-01-01T10:00:00Z')", ['a'.repeat(64), Buffer.from([1, 2, 3])]);
      await db.run("INSERT INTO project_sources (project_id, source_id, file_name, format, kind, imported_at) VALUES (1, 1, 'gammel.pdf', 'pdf', 'evaluationReport', '2026-01-01T10:00:00Z')");
      await migrateRaw(db);
      const [old] = await db.withLock((c) => listSources(c, 1));
      expect(old).toMatchObject({ fileName: 'gammel.pdf', importedAt: '2026-01-01T10:00:00Z', importedBy: null, size: 3 });
      await db.close();
    });
  });
});
