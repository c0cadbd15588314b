import { writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { ServiceError } from '../../../shared/contracts/core';
import { buildReport } from '../../../shared/report/build';
import { buildProjectStatusReport } from '../../../shared/report/projectStatus';
import type { Report, ReportLang } from '../../../shared/report/model';
import type { AppServices } from '../../services';
import { writeFileAtomically, type ExportProgress, type ExportResult } from '../index';
import { renderReportDocx } from './docx';
import { projectStatusInputFor, reportInputFor } from './input';
import { renderReportPdf } from './pdf';

export { renderReportDocx, reportDocument } from './docx';
export { renderReportPdf, reportDocDefinition } from './pdf';
export { reportInputFor, projectStatusInputFor, emptyEvaluationTexts, DRAFT_SIGN_OFF } from './input';

export type ReportFormat = 'docx' | 'pdf';
export const REPORT_FORMATS: readonly ReportFormat[] = ['docx', 'pdf'];

/** The format a file name asks for, by its extension; null for any other. */
export function reportFormatOf(path: string): ReportFormat | null {
  const ext = extname(path).toLowerCase();
  return ext === '.docx' ? 'docx' : ext === '.pdf' ? 'pdf' : null;
}

/** Renders a built report in one format. */
export function renderReport(report: Report, format: ReportFormat): Promise<Buffer> {
  return format === 'pdf' ? renderReportPdf(report) : renderReportDocx(report);
}

/**
 * The report a project gets: the evaluation report of the round asked for (the latest when
 * `evaluationId` is left out), or, for a project with no round at all, its project status
 * (goals with latest status, measures, sources; no scores or lights).
 */
export async function reportFor(services: AppServices, options: { projectId: number; evaluationId?: number; lang: ReportLang }): Promise<Report> {
  if (options.evaluationId === undefined && (await services.portfolio.latestEvaluation(options.projectId)) === null)
    return buildProjectStatusReport(await projectStatusInputFor(services, options));
  return buildReport(await reportInputFor(services, options));
}

/**
 * Writes the written evaluation report of one round (or a project status, see reportFor) (the project's latest when `evaluationId`
 * is left out) as DOCX or PDF, atomically: a failure leaves no half file behind.
 */
export async function exportReport(
  services: AppServices,
  options: {
    projectId: number;
    evaluationId?: number;
    format: ReportFormat;
    lang: ReportLang;
    outPath: string;
    onProgress?: (progress: ExportProgress) => void;
  },
): Promise<ExportResult> {
  const outPath = resolve(options.outPath);
  if (reportFormatOf(outPath) !== options.format)
    throw new ServiceError('VALIDATION', `Rapporten skal gemmes som .${options.format}, men filen hedder ${outPath}.`);
  const progress = options.onProgress ?? (() => {});
  progress({ phase: 'load', done: 0, total: 3 });
  const report = await reportFor(services, { projectId: options.projectId, evaluationId: options.evaluationId, lang: options.lang });
  progress({ phase: 'build', done: 1, total: 3 });
  const bytes = await renderReport(report, options.format);
  progress({ phase: 'write', done: 2, total: 3 });
  const result = await writeFileAtomically(outPath, (tmp) => writeFile(tmp, bytes), 'Rapporten');
  progress({ phase: 'done', done: 3, total: 3 });
  return result;
}
