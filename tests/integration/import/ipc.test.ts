import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importContracts } from '../../../shared/contracts/importContracts';
import { importImplementations } from '../../../electron/ipc/importHandlers';
import { createAppServices } from '../../../electron/services';
import { repoRoot } from '../../helpers/build';

describe('import IPC implementations', () => {
  it('preview -> apply over validated contract inputs; save template; cancel', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'trafiklys-import-ipc-'));
    const services = await createAppServices({ dbPath: path.join(dir, 'p.sqlite') });
    const progress: number[] = [];
    const impl = importImplementations(services, (_id, p) => progress.push(p.fraction));
    const csv = path.join(dir, 'maal.csv');
    writeFileSync(csv, 'Kode;Mål i perioden;Status;Dato\nB1;256;219;02.12.2022\n');
    const previewInput = importContracts.importPreview.input.parse({ requestId: 'r1', paths: [csv], projectName: 'Nyt projekt' });
    const preview = importContracts.importPreview.output.parse(await impl.importPreview(previewInput));
    expect(preview.canApply).toBe(true);
    expect(progress.at(-1)).toBe(1);
    const applyInput = importContracts.importApply.input.parse({ requestId: 'r2', projectId: null, newProjectName: 'Nyt projekt', items: preview.items });
    const result = await impl.importApply(applyInput);
    expect(result.written).toMatchObject({ goal: 1, status: 1 });
    expect(await impl.importCancel({ requestId: 'r1' })).toEqual({ cancelled: false });
    const out = path.join(dir, 'skabelon.xlsx');
    const saved = await impl.importSaveTemplate({ outPath: out });
    expect(readFileSync(out)).toEqual(readFileSync(path.join(repoRoot, 'resources', 'templates', 'statusrapport.xlsx')));
    expect(saved.bytes).toBeGreaterThan(1000);
    expect(importContracts.importApply.input.safeParse({ requestId: 'x', projectId: null, items: [] }).success).toBe(false);
    await services.close();
  });
});
