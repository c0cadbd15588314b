import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openPortfolioStore } from '../../../electron/storage';
import { applyImport, previewImport } from '../../../electron/import/service';
import { facts, goal } from '../storage/helpers';

/**
 * The import reads the project once for its preview, its check and its write while nothing in
 * the file changes; what changed in between (here: from another program) is read again, so a
 * status saved meanwhile is not saved twice.
 */
describe('apply after the portfolio changed since the preview', () => {
  it('sees a status another program saved meanwhile and does not write it again', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'trafiklys-import-rereads-')), 'p.sqlite');
    const store = await openPortfolioStore(file);
    const project = await store.createProject(facts());
    const b1 = await store.createGoal(goal(project.id, { code: 'B1', level: 'B', targetInPeriod: 260 }));
    const csv = new TextEncoder().encode('Kode;Status;Dato\nB1;240;01.03.2023\n');
    const preview = await previewImport(store, [{ name: 'status-2023.csv', bytes: csv }], { projectId: project.id });
    expect(preview.diff.find((d) => preview.items.find((i) => i.id === d.itemId)?.type === 'status')).toMatchObject({ change: 'new' });

    const other = await openPortfolioStore(file, { user: 'anden' });
    await other.addStatusReport({ goalId: b1.id, value: 240, reportedAt: '2023-03-01', reportedBy: '', source: { file: 'status-2023.csv', location: 'linje 2' }, printedPercent: null });
    await other.close();

    const result = await applyImport(store, { projectId: project.id, items: preview.items });
    expect(result.written.status ?? 0).toBe(0);
    expect((await store.listStatusReports(project.id)).map((r) => [r.value, r.reportedAt])).toEqual([[240, '2023-03-01']]);
    await store.close();
  });
});
