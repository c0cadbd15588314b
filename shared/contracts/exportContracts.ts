import { z } from 'zod';
import { defineContract } from './core';
import { Id, PortfolioFilterSchema } from './schemas';

/** An absolute path to an .xlsx file, as the save dialog returns it. */
const XlsxPath = z
  .string()
  .min(1, { message: 'Angiv en fil.' })
  .max(4096)
  .refine((p) => /\.xlsx$/i.test(p), { message: 'Filen skal ende på .xlsx.' });

const ExportResultSchema = z.object({ path: z.string(), bytes: z.number() });

/** An absolute path to the written report, .docx or .pdf as its format says. */
const ReportPath = z
  .string()
  .min(1, { message: 'Angiv en fil.' })
  .max(4096)
  .refine((p) => /\.(docx|pdf)$/i.test(p), { message: 'Filen skal ende på .docx eller .pdf.' });

/** Workbook exports (issue 5). Progress for large portfolios is pushed on `export:progress`. */
export const exportContracts = {
  exportEvaluation: defineContract({
    channel: 'export:evaluation',
    input: z.object({ projectId: Id, evaluationId: Id.optional(), outPath: XlsxPath }).strict(),
    output: ExportResultSchema,
  }),
  /**
   * The written evaluation report (seed 003) of one round as DOCX or PDF (issue 11); for a project
   * without any round (and no evaluationId) its project status, with no scores or lights (issue 14).
   */
  exportReport: defineContract({
    channel: 'export:report',
    input: z
      .object({ projectId: Id, evaluationId: Id.optional(), format: z.enum(['docx', 'pdf']), lang: z.enum(['da', 'en']), outPath: ReportPath })
      .strict()
      .refine((v) => v.outPath.toLowerCase().endsWith(`.${v.format}`), { message: 'Filnavnet passer ikke til formatet.', path: ['outPath'] }),
    output: ExportResultSchema,
  }),
  exportPortfolio: defineContract({
    channel: 'export:portfolio',
    /** Without a filter every project; with one, exactly the projects the portfolio view shows. */
    input: z.object({ outPath: XlsxPath, filter: PortfolioFilterSchema.optional() }).strict(),
    output: ExportResultSchema,
  }),
};

export const EXPORT_PROGRESS_CHANNEL = 'export:progress';
