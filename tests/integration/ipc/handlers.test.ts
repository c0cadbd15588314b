import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { contracts } from '../../../shared/contracts';
import { callChannel, createHandlers, type HandlerTable } from '../../../electron/ipc/handlers';
import { headlessHost } from '../../../electron/ipc/host';
import { createAppServices, type AppServices } from '../../../electron/services';
import { createDemoPortfolio } from '../../../electron/services/demo';
import { resourcesDir } from '../../../electron/resources';

let services: AppServices;
let table: HandlerTable;

beforeEach(async () => {
  const dbPath = join(mkdtempSync(join(tmpdir(), 'trafiklys-ipc-')), 'demo.sqlite');
  await createDemoPortfolio(dbPath, resourcesDir());
  services = await createAppServices({ dbPath, user: 'tester' });
  table = createHandlers(services, headlessHost(join(dirname(dbPath), 'exports')));
});
afterEach(() => services.close());

async function headstart() {
  const rows = await callChannel(table, 'portfolioSummaries', {});
  if (!rows.ok) throw new Error(rows.error.message);
  const row = rows.value.find((r) => r.name.includes('Headstart'))!;
  return row;
}

describe('handler table', () => {
  it('has exactly one handler per contract channel', () => {
    expect(Object.keys(table).sort()).toEqual(Object.values(contracts).map((c) => c.channel).sort());
  });

  it.each(Object.entries(contracts))('%s rejects a malformed payload with VALIDATION and changes nothing', async (_name, contract) => {
    const before = await services.store.dataDigest();
    for (const payload of ['text', 42, [1, 2], { bogus: true, projectId: 'one', evaluationId: -1, id: 0 }]) {
      const result = await table[contract.channel](payload);
      expect(result.ok, `${contract.channel} accepted ${JSON.stringify(payload)}`).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('VALIDATION');
        expect(result.error.message).toContain(contract.channel);
      }
    }
    expect(await services.store.dataDigest()).toBe(before);
  });

  it('answers a missing project as NOT_FOUND data, not an exception', async () => {
    const result = await callChannel(table, 'projectGet', { projectId: 9999 });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses scores outside 1-5 and non-integers', async () => {
    const row = await headstart();
    for (const score of [0, 6, 3.5]) {
      const result = await table['score:set']({ evaluationId: row.evaluationId, parameter: 1, score });
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    const text = await table['score:set']({ evaluationId: row.evaluationId, parameter: 1, score: 'fire' });
    expect(text).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('changes the average and light when a score changes, and audits it', async () => {
    const row = await headstart();
    expect(row.implementation).toEqual({ score: 3.8, light: 'green', scored: 6 });
    const set = await callChannel(table, 'scoreSet', { evaluationId: row.evaluationId!, parameter: 1, score: 1 });
    expect(set.ok).toBe(true);
    // 1,4,4,4,4,3 -> 20/6 = 3.33 -> 3.3 -> yellow
    expect((await headstart()).implementation).toEqual({ score: 3.3, light: 'yellow', scored: 6 });
    const audit = await callChannel(table, 'auditList', { projectId: row.projectId, entity: 'score' });
    expect(audit.ok && audit.value[0]).toMatchObject({ oldValue: '4', newValue: '1', user: 'tester' });
  });

  it('refuses a light override without a reason, keeps the suggestion and override with one', async () => {
    const row = await headstart();
    const refused = await callChannel(table, 'lightSet', { evaluationId: row.evaluationId!, kind: 'goals', override: 'red' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'REASON_REQUIRED' } });
    const blank = await callChannel(table, 'lightSet', { evaluationId: row.evaluationId!, kind: 'goals', override: 'red', reason: '   ' });
    expect(blank).toMatchObject({ ok: false, error: { code: 'REASON_REQUIRED' } });
    const accepted = await callChannel(table, 'lightSet', {
      evaluationId: row.evaluationId!,
      kind: 'goals',
      override: 'yellow',
      reason: 'B1 når ikke målet før projektets afslutning.',
    });
    expect(accepted).toMatchObject({ ok: true, value: { suggested: 'green', override: 'yellow' } });
    expect((await headstart()).lights.goals).toBe('yellow');
  });

  it('refuses a grant period that ends before it starts', async () => {
    const row = await headstart();
    const result = await callChannel(table, 'projectUpdate', { projectId: row.projectId, patch: { periodStart: '2022-01-01', periodEnd: '2021-01-01' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const later = await callChannel(table, 'projectUpdate', { projectId: row.projectId, patch: { periodEnd: '2018-01-01' } });
    expect(later).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('deletes a project softly and restores it (undo)', async () => {
    const row = await headstart();
    expect(await callChannel(table, 'projectDelete', { projectId: row.projectId })).toEqual({ ok: true, value: { ok: true } });
    const after = await callChannel(table, 'portfolioSummaries', {});
    expect(after.ok && after.value.map((r) => r.name)).not.toContain(row.name);
    const restored = await callChannel(table, 'projectRestore', { projectId: row.projectId });
    expect(restored.ok).toBe(true);
    expect((await headstart()).implementation.score).toBe(3.8);
  });

  it('starts a new round from the previous one with its scores', async () => {
    const row = await headstart();
    const created = await callChannel(table, 'evaluationCreate', {
      projectId: row.projectId,
      type: 'final',
      date: '2023-06-01',
      copyFromEvaluationId: row.evaluationId!,
    });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const detail = await callChannel(table, 'evaluationGet', { evaluationId: created.value.id });
    expect(detail.ok && detail.value.scores.map((s) => s.score)).toEqual([4, 4, 4, 4, 4, 3]);
    expect(detail.ok && detail.value.summary.implementation.rounded).toBe(3.8);
  });
});

describe('messages a user can act on', () => {
  it('names a duplicate goal code in words, not as a database constraint', async () => {
    const row = await headstart();
    const detail = await callChannel(table, 'projectGet', { projectId: row.projectId });
    if (!detail.ok) throw new Error(detail.error.message);
    const b1 = detail.value.goals.find((g) => g.code === 'B1')!;
    const result = await callChannel(table, 'goalUpdate', { goalId: b1.id, patch: { code: 'B2' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!result.ok && result.error.message).toMatch(/Målkoden findes allerede/);
    expect(!result.ok && result.error.message).not.toMatch(/constraint/i);
  });

  it('refuses to move an item to another project through a mismatched payload', async () => {
    const rows = await callChannel(table, 'portfolioSummaries', {});
    if (!rows.ok) throw new Error(rows.error.message);
    const wls = rows.value.find((r) => !r.name.includes('Headstart'))!;
    const headstartRow = await headstart();
    const lines = await callChannel(table, 'projectGet', { projectId: wls.projectId });
    if (!lines.ok) throw new Error(lines.error.message);
    const line = lines.value.budgetLines[0];
    const before = await services.store.dataDigest();
    const moved = await callChannel(table, 'budgetLineSave', {
      projectId: headstartRow.projectId,
      id: line.id,
      costType: line.costType,
      year: line.year,
      amountKr: line.amountKr,
    });
    expect(moved).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await services.store.dataDigest()).toBe(before);
  });

  it('says in Danish which thing is missing', async () => {
    const result = await callChannel(table, 'goalUpdate', { goalId: 99999, patch: { unit: 'stk.' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(!result.ok && result.error.message).toMatch(/^Målet \(id 99999\) findes ikke/);
  });
});

describe('export through the handler table', () => {
  it('asks the host where to save, exports there, and reveals only files it wrote', async () => {
    const row = await headstart();
    const chosen = await callChannel(table, 'chooseSavePath', { kind: 'evaluation', defaultName: 'Headstart.xlsx' });
    expect(chosen.ok && chosen.value.path).toMatch(/Headstart\.xlsx$/);
    if (!chosen.ok || !chosen.value.path) return;
    const exported = await callChannel(table, 'exportEvaluation', { projectId: row.projectId, outPath: chosen.value.path });
    expect(exported).toMatchObject({ ok: true, value: { path: chosen.value.path } });
    expect(await callChannel(table, 'showInFolder', { path: chosen.value.path })).toEqual({ ok: true, value: { ok: true } });
    const other = await callChannel(table, 'showInFolder', { path: '/etc/passwd' });
    expect(other).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('refuses to write or read a path the user did not choose', async () => {
    const exported = await callChannel(table, 'exportPortfolio', { outPath: '/tmp/not-chosen.xlsx' });
    expect(exported).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const preview = await callChannel(table, 'importPreview', { requestId: 'r1', paths: ['/etc/passwd'] });
    expect(preview).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('answers an export into a missing folder with EXPORT_FAILED naming the folder', async () => {
    const host = { ...headlessHost('/tmp'), chooseSavePath: async () => '/nonexistent-folder/x.xlsx' };
    const own = createHandlers(services, host);
    const chosen = await callChannel(own, 'chooseSavePath', { kind: 'portfolio', defaultName: 'x.xlsx' });
    expect(chosen).toEqual({ ok: true, value: { path: '/nonexistent-folder/x.xlsx' } });
    const result = await callChannel(own, 'exportPortfolio', { outPath: '/nonexistent-folder/x.xlsx' });
    expect(result).toMatchObject({ ok: false, error: { code: 'EXPORT_FAILED' } });
    expect(!result.ok && result.error.message).toContain('/nonexistent-folder');
  });
});

describe('import through the handler table', () => {
  it('stages dropped files, previews them and applies the confirmed items once', async () => {
    const row = await headstart();
    const csv = 'Kode;Beskrivelse;Mål i perioden;Status;Dato;Rapporteret af\nB1;Antal deltagere;256;240;15.01.2023;Bevillingsmodtager\n';
    const staged = await callChannel(table, 'stageImportFiles', {
      files: [{ name: 'status.csv', dataBase64: Buffer.from(csv, 'utf8').toString('base64') }],
    });
    expect(staged.ok).toBe(true);
    if (!staged.ok) return;
    expect(staged.value.paths[0]).toMatch(/status\.csv$/);
    const preview = await callChannel(table, 'importPreview', { requestId: 'p1', paths: staged.value.paths, projectId: row.projectId });
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    const status = preview.value.items.find((i) => i.type === 'status');
    expect(status).toBeDefined();
    const apply = await callChannel(table, 'importApply', { requestId: 'a1', projectId: row.projectId, items: [status!] });
    expect(apply.ok).toBe(true);
    const digest = await services.store.dataDigest();
    const again = await callChannel(table, 'importApply', { requestId: 'a2', projectId: row.projectId, items: [status!] });
    expect(again.ok).toBe(true);
    expect(await services.store.dataDigest()).toBe(digest);
  });
});
