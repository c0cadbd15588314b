import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callChannel, createHandlers, type HandlerTable } from '../../../electron/ipc/handlers';
import { headlessHost } from '../../../electron/ipc/host';
import { describeEngines, freshLocation } from '../../helpers/engines';
import { createAppServices, type AppServices } from '../../../electron/services';
import { FIXTURE_003, readFixture } from '../../unit/import/seeds';
import { pdfFromText } from '../import/build';

let services: AppServices;
let table: HandlerTable;
const opened: string[] = [];
let pdf: Uint8Array;

describeEngines('search over IPC', () => {
  let drop: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    pdf = await pdfFromText(readFixture(FIXTURE_003));
    const dir = mkdtempSync(join(tmpdir(), 'trafiklys-ipc-search-'));
    const fresh = await freshLocation(dir, 'p.sqlite', true, 'tester');
    drop = fresh.drop;
    services = await createAppServices({ dbPath: fresh.location, user: 'tester' });
    opened.length = 0;
    table = createHandlers(services, { ...headlessHost(join(dir, 'exports')), openFile: async (path) => void opened.push(path) });
  });
  afterAll(async () => {
    await services.close();
    await drop();
  });

  async function ok<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
    const r = await result;
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.value;
  }

  describe('search and sources over IPC', () => {
    let projectId: number;

    it('imports through the wizard channels and lists the kept file', async () => {
      const { paths } = await ok(callChannel(table, 'stageImportFiles', { files: [{ name: 'evaluering-003.pdf', dataBase64: Buffer.from(pdf).toString('base64') }] }));
      const preview = await ok(callChannel(table, 'importPreview', { requestId: 'r1', paths }));
      const result = await ok(
        callChannel(table, 'importApply', {
          requestId: 'r2',
          projectId: null,
          items: preview.items,
          files: preview.files.map((f) => ({ file: f.file, kind: f.kind, sha256: f.sha256 })),
          newEvaluation: { type: 'final', date: '2022-12-02' },
        }),
      );
      projectId = result.projectId;
      const sources = await ok(callChannel(table, 'sourceList', { projectId }));
      expect(sources).toEqual([expect.objectContaining({ fileName: 'evaluering-003.pdf', format: 'pdf', size: pdf.byteLength, sha256: preview.files[0].sha256 })]);
    });

    it('opens a provenance note\'s file from a private read-only copy, at the page the note names', async () => {
      const answer = await ok(callChannel(table, 'sourceOpen', { projectId, fileName: 'evaluering-003.pdf', location: 'side 6, linje 12' }));
      expect(answer).toEqual({ fileName: 'evaluering-003.pdf', format: 'pdf', page: 6, sheet: null });
      expect(opened).toHaveLength(1);
      expect(opened[0]).toMatch(/trafiklys-kilde-[0-9a-f]{16}[\\/]evaluering-003\.pdf$/);
      expect(Buffer.compare(readFileSync(opened[0]), Buffer.from(pdf))).toBe(0);
      expect(statSync(opened[0]).mode & 0o777).toBe(0o400);

      const missing = await callChannel(table, 'sourceOpen', { projectId, fileName: 'andet.xlsx' });
      expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('andet.xlsx er ikke gemt med projektet') } });
      const both = await callChannel(table, 'sourceOpen', { projectId, fileName: 'evaluering-003.pdf', sourceId: 1 });
      expect(both).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    });

    it('hands a kept PDF\'s bytes to the app\'s viewer with the note\'s page, by name or id, and validates the input', async () => {
      const byName = await ok(callChannel(table, 'sourceRead', { projectId, fileName: 'evaluering-003.pdf', location: 'side 6, linje 12' }));
      expect(byName).toMatchObject({ fileName: 'evaluering-003.pdf', format: 'pdf', page: 6, sheet: null });
      expect(Buffer.compare(Buffer.from(byName.dataBase64!, 'base64'), Buffer.from(pdf))).toBe(0);
      const byId = await ok(callChannel(table, 'sourceRead', { projectId, sourceId: byName.sourceId }));
      expect(byId).toMatchObject({ sourceId: byName.sourceId, page: null, dataBase64: byName.dataBase64 });
      expect(await callChannel(table, 'sourceRead', { projectId, fileName: 'andet.pdf' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('andet.pdf') } });
      for (const bad of [{ projectId }, { projectId, fileName: 'a.pdf', sourceId: 1 }, { projectId, fileName: '' }, { projectId: 'x', sourceId: 1 }])
        expect(await table['source:read'](bad), JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    });

    it('answers a search with the place of each hit, and validates the input', async () => {
      const hits = await ok(callChannel(table, 'portfolioSearch', { text: 'Aarhus' }));
      expect(hits.length).toBeGreaterThan(0);
      expect(hits[0]).toMatchObject({ projectId, projectName: 'Tiltrækning af talent (Headstart)', tab: 'facts', kind: 'project' });
      expect(await ok(callChannel(table, 'portfolioSearch', { text: 'Aarhus', limit: 1 }))).toHaveLength(1);
      for (const bad of [{ text: 'x'.repeat(201) }, { text: 'a', limit: 1000 }, { text: 'a', limit: 0 }, { text: 1 }, {}])
        expect(await table['search:query'](bad), JSON.stringify(bad).slice(0, 40)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    });
  });
});
