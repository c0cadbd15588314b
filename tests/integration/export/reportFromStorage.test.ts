import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppServices, type AppServices } from '../../../electron/services';
import { createDemoPortfolio } from '../../../electron/services/demo';
import { resourcesDir } from '../../../electron/resources';
import { exportReport } from '../../../electron/export/report';
import { pdfLines } from '../../../electron/import/pdf';
import { blankEvaluation } from '../../../shared/domain';

/**
 * The report is built from what the app stores: the evaluator's prose of the round, its sign-off
 * and the round before it (issue 11). Headstart's demo has one round; a midterm is added before it.
 */

const HEADSTART = 'Tiltrækning af talent (Headstart)';
let dir: string;
let services: AppServices;
let projectId: number;
let finalId: number;

const textOf = async (file: string) => (await pdfLines(readFileSync(file), 'rapport.pdf')).map((l) => l.text).join('\n');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'trafiklys-report-stored-'));
  const db = join(dir, 'demo.sqlite');
  await createDemoPortfolio(db, resourcesDir());
  services = await createAppServices({ dbPath: db });
  const project = (await services.store.findProjectByName(HEADSTART))!;
  projectId = project.id;
  finalId = (await services.portfolio.latestEvaluation(projectId))!.id;
}, 120_000);

afterAll(async () => {
  await services.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the report of a stored round', () => {
  it('has no comparison chapter for a project with one round, and is a draft', async () => {
    const out = await exportReport(services, { projectId, format: 'pdf', lang: 'da', outPath: join(dir, 'en-runde.pdf') });
    const text = await textOf(out.path);
    expect(text).not.toContain('Udvikling siden');
    expect(text).toContain('KLADDE');
  }, 60_000);

  it("carries the evaluator's stored prose, the comparison with the round before, and the sign-off", async () => {
    await services.rounds.setText(finalId, 'implementation', 'Projektet er gennemført med stor fleksibilitet i en vanskelig periode.');
    const midterm = await services.store.createEvaluation(blankEvaluation(projectId, 'midterm', '2021-01-15', 'Ekstern evaluator'));
    expect(midterm.id).not.toBe(finalId);
    await services.rounds.finalize(finalId);

    const out = await exportReport(services, { projectId, evaluationId: finalId, format: 'pdf', lang: 'da', outPath: join(dir, 'slut.pdf') });
    const text = await textOf(out.path);
    expect(text).toContain('Projektet er gennemført med stor fleksibilitet');
    expect(text).toMatch(/Udvikling siden midtvejsevalueringen/);
    expect(text).toMatch(/Afsluttet \d{2}\.\d{2}\.\d{4} af /);
    expect(text).not.toContain('KLADDE');
  }, 60_000);
});
