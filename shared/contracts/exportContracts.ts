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

/** Workbook exports (issue 5). Progress for large portfolios is pushed on `export:progress`. */
export const exportContracts = {
  exportEvaluation: defineContract({
    channel: 'export:evaluation',
    input: z.object({ projectId: Id, evaluationId: Id.optional(), outPath: XlsxPath }).strict(),
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
