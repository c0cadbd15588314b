import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppServices, type AppServices } from '../../../electron/services';
import { createDemoPortfolio } from '../../../electron/services/demo';
import { resourcesDir } from '../../../electron/resources';
import { reportTextOf } from '../../helpers/reportText';

/**
 * The written report states the seeds' shares, comparison and business case (issue 14): the
 * demo's projects of seeds 000 (Future Talent Denmark) and 002 (Talent Management), each given a
 * round, written as PDF and DOCX and read back (pdfjs, mammoth) as a reader finds them.
 */

let dir: string;
const text: Record<string, { pdf: string; docx: string }> = {};

async function reportOf(services: AppServices, name: string, lang: 'da' | 'en' = 'da'): Promise<{ pdf: string; docx: string }> {
  const project = (await services.store.findProjectByName(name))!;
  if (project && (await services.portfolio.latestEvaluation(project.id)) === null)
    await services.portfolio.createEvaluation({ projectId: project.id, type: 'final', date: '2023-01-15', evaluator: 'Test', acceptWarnings: true });
  const { pdf, docx } = await reportTextOf(services, project.id, lang, join(dir, `${name.replace(/\s+/g, '-')}-${lang}`));
  return { pdf, docx };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'trafiklys-measures-report-'));
  const db = join(dir, 'demo.sqlite');
  await createDemoPortfolio(db, resourcesDir());
  const services = await createAppServices({ dbPath: db });
  try {
    text.ftd = await reportOf(services, 'Future Talent Denmark');
    text.tm = await reportOf(services, 'Talent Management');
    text.tmEn = await reportOf(services, 'Talent Management', 'en');
    text.headstart = await reportOf(services, 'Tiltrækning af talent (Headstart)');
  } finally {
    await services.close();
  }
}, 240_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the report states shares, comparisons and the business case', () => {
  it('states seed 000: 68 % against 31 %, +37 percentage points, Danmarks Statistik 2018', () => {
    for (const format of ['pdf', 'docx'] as const) {
      const t = text.ftd[format];
      expect(t, format).toContain('Andele, sammenligninger og business case');
      expect(t, format).toContain('C1: Medvirkende kandidater i fuldtidsjob i Danmark: 68 % mod 31 % (+37 procentpoint), kilde: Danmarks Statistik 2018.');
      // (The PDF may break the page inside this sentence, with the running header between.)
      expect(t, format).toContain('Sammenligningstallet gælder internationale dimittender tilknyttet det danske arbejdsmarked');
      // No business case in 000: the part is left out, nothing is made up.
      expect(t, format).not.toContain('Business case: input og kilder');
    }
  });

  it('states seed 002: 30 of 124 (24 %) and the business case with sources, results and formulas', () => {
    for (const format of ['pdf', 'docx'] as const) {
      const t = text.tm[format];
      expect(t, format).toContain('30 af 124 (24 %)');
      expect(t, format).toContain('Business case: input og kilder');
      expect(t, format).toContain('Udgift pr. deltager (kr.) 1.995 kr.');
      expect(t, format).toContain('Besparelse pr. borger pr. år (kr.) 70.344 kr.');
      expect(t, format).toContain('Besparelse pr. borger (kr.) 68.349 kr.');
      expect(t, format).toContain('Tilbagebetalingstid (år) 0,03');
      expect(t, format).toContain('Besparelse pr. borger = besparelse pr. borger pr. år × antal år − udgift pr. deltager');
      expect(t, format).toContain('Samlet besparelse (kr.): Kan ikke beregnes, mangler: Antal borgere.');
      expect(t, format).toContain('Løn til Jens');
    }
  });

  it('in English too, with the same figures', () => {
    expect(text.tmEn.pdf).toContain('30 of 124 (24 %)');
    expect(text.tmEn.pdf).toContain('Saving per citizen (DKK) 68.349 kr.');
    expect(text.tmEn.docx).toContain('Total saving (DKK): Cannot be computed, missing: Number of citizens.');
  });

  it('leaves the section out of a project without shares, comparisons or business case (Headstart)', () => {
    expect(text.headstart.pdf).not.toContain('Andele, sammenligninger og business case');
    expect(text.headstart.docx).not.toContain('Andele, sammenligninger og business case');
  });
});
