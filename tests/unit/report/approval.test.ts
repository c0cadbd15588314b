import { buildReport } from '../../../shared/report/build';
import { buildProjectStatusReport } from '../../../shared/report/projectStatus';
import type { Report, ReportInput } from '../../../shared/report/model';
import { demoReportInput } from './fixtures';

/** The notes of the report, in reading order. */
const notes = (report: Report) => report.chapters.flatMap((c) => c.blocks.flatMap((b) => (b.kind === 'note' ? [b.text] : [])));

/** Headstart with B1's status reported and not approved, B2's returned, and the round's budget figures reported. */
function withApprovals(lang: 'da' | 'en' = 'da'): ReportInput {
  const input = demoReportInput('Headstart', { lang });
  const idOf = (code: string) => input.project.goals.find((g) => g.code === code)!.id;
  input.project.statusReports = input.project.statusReports.map((s) => {
    if (s.goalId === idOf('B1')) return { ...s, approval: { state: 'reported', by: '', at: null, comment: '' } };
    if (s.goalId === idOf('B2')) return { ...s, approval: { state: 'returned', by: 'Sara', at: '2023-01-05T10:00:00.000Z', comment: 'Dokumentation mangler.' } };
    if (s.goalId === idOf('B4')) return { ...s, approval: { state: 'approved', by: 'Sara', at: '2023-01-05T10:00:00.000Z', comment: '' } };
    return s;
  });
  input.evaluation = { ...input.evaluation, evaluation: { ...input.evaluation.evaluation, progressApproval: { state: 'reported', by: '', at: null, comment: '' } } };
  return input;
}

describe('unapproved figures in the written report', () => {
  it('says which statuses are reported and not approved, which were returned and why, and that the budget figures await approval', () => {
    const all = notes(buildReport(withApprovals()));
    expect(all).toContain('Indrapporteret, ikke godkendt: status for B1 er indrapporteret af bevillingsmodtageren og endnu ikke godkendt af en sagsbehandler.');
    expect(all).toContain('Status for B2 er returneret af Sara 05.01.2023: Dokumentation mangler.');
    expect(all).toContain('Indrapporteret, ikke godkendt: budget- og tidstallene er indrapporteret af bevillingsmodtageren og endnu ikke godkendt af en sagsbehandler.');
    expect(all.filter((n) => n.includes('B4') && n.includes('godkendt'))).toEqual([]);
  });

  it('in English too', () => {
    const all = notes(buildReport(withApprovals('en')));
    expect(all).toContain('Reported, not approved: the status of B1 was reported by the grant recipient and is not yet approved by a case officer.');
    expect(all).toContain('The status of B2 was returned by Sara 05.01.2023: Dokumentation mangler.');
  });

  it('says nothing of approval when no figure is from a report', () => {
    expect(notes(buildReport(demoReportInput('Headstart'))).filter((n) => /godkendt|returneret/.test(n))).toEqual([]);
  });
});

describe('unapproved figures in the project status (no round)', () => {
  it('names the latest statuses not approved under their goal table', () => {
    const input = withApprovals();
    const report = buildProjectStatusReport({ project: { ...input.project, evaluations: [] }, sources: input.sources, lang: 'da', measures: input.measures, madeOn: '2026-12-04' });
    expect(notes(report)).toContain('Indrapporteret, ikke godkendt: status for B1 er indrapporteret af bevillingsmodtageren og endnu ikke godkendt af en sagsbehandler.');
  });
});
