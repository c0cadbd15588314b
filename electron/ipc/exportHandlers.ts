import type { z } from 'zod';
import type { exportContracts } from '../../shared/contracts/exportContracts';
import { exportEvaluation, exportPortfolio, type ExportProgress, type ExportResult } from '../export';
import { exportReport } from '../export/report';
import type { AppServices } from '../services';

type In<K extends keyof typeof exportContracts> = z.output<(typeof exportContracts)[K]['input']>;

/**
 * Implementations of the export channels, for `implementations()` in handlers.ts:
 * `...exportImplementations(services, (p) => webContents.send(EXPORT_PROGRESS_CHANNEL, p))`.
 * Validation and error mapping (EXPORT_FAILED, NOT_FOUND) are done by the handler table.
 */
export function exportImplementations(services: AppServices, onProgress?: (progress: ExportProgress) => void) {
  return {
    exportEvaluation: (input: In<'exportEvaluation'>): Promise<ExportResult> => exportEvaluation(services, { ...input, onProgress }),
    exportPortfolio: (input: In<'exportPortfolio'>): Promise<ExportResult> => exportPortfolio(services, { ...input, onProgress }),
    exportReport: (input: In<'exportReport'>): Promise<ExportResult> => exportReport(services, { ...input, onProgress }),
  };
}
