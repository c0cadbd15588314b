import { buildProjectStatusReport } from '../../../shared/report/projectStatus';
import type { ProjectStatusInput } from '../../../shared/report/model';
import { demoReportInput } from './fixtures';

/** Headstart's project data without its round: what a project status is built from. */
function statusInput(lang: 'da' | 'en' = 'da'): ProjectStatusInput {
  const input = demoReportInput('Headstart', { lang });
  return { project: { ...input.project, evaluations: [] }, sources: input.sources, lang, measures: input.measures, madeOn: '2026-12-04' };
}

describe('the project status model (a project without a round)', () => {
  const report = buildProjectStatusReport(statusInput());

  it('has the facts, the goals with their latest status and the sources, numbered, and says it is no evaluation', () => {
    expect(report.chapters.map((c) => `${c.number} ${c.title}`)).toEqual(['1 Fakta om projektet', '2 Mål og senest indrapporterede status', '3 Bilag: Kilder']);
    expect(report.marker).toEqual({ state: 'status', text: 'Projektstatus – ikke en evaluering' });
    expect(report.titlePage).toMatchObject({ kicker: 'Projektstatus', title: 'Tiltrækning af talent (Headstart)', subtitle: 'Ingen evalueringsrunde endnu' });
    expect(report.titlePage.rows).toContainEqual({ label: 'Udarbejdet', value: '04.12.2026' });
  });

  it('has no light cells, no lights box and no percent of attainment', () => {
    const blocks = report.chapters.flatMap((c) => c.blocks);
    expect(blocks.filter((b) => b.kind === 'lights')).toEqual([]);
    const cells = blocks.flatMap((b) => (b.kind === 'table' ? [...b.rows, ...b.footer].flat() : []));
    expect(cells.filter((c) => c.kind === 'light' || c.kind === 'percent')).toEqual([]);
    expect(blocks.filter((b) => b.kind === 'table').map((b) => (b as { id: string }).id)).toEqual(['projectGoals.A', 'projectGoals.B', 'projectGoals.C']);
  });

  it('is English when asked', () => {
    const en = buildProjectStatusReport(statusInput('en'));
    expect(en.titlePage.subtitle).toBe('No evaluation round yet');
    expect(en.chapters.map((c) => c.title)).toContain('Goals and latest reported status');
  });

  it('refuses a project that has a round, and a made-on date that is not a date', () => {
    const withRound = demoReportInput('Headstart');
    expect(() => buildProjectStatusReport({ ...statusInput(), project: withRound.project })).toThrow('har en evalueringsrunde');
    expect(() => buildProjectStatusReport({ ...statusInput(), madeOn: '4/12' })).toThrow('Ugyldig dato for projektstatus: "4/12"');
  });
});
