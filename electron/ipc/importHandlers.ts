import { copyFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import type { importContracts } from '../../shared/contracts/importContracts';
import type { ImportProgress } from '../../shared/import/items';
import { ServiceError } from '../../shared/contracts/core';
import { applyImport, previewImport } from '../import/service';
import { TEMPLATE_FILE } from '../import/template';
import { resourcesDir } from '../resources';
import type { AppServices } from '../services';

type In<K extends keyof typeof importContracts> = z.output<(typeof importContracts)[K]['input']>;

/**
 * Implementations of the import channels, for `implementations()` in handlers.ts:
 * `...importImplementations(services, (id, p) => host.progress({ task: 'import', phase: p.message, done: Math.round(p.fraction * 100), total: 100 }))`.
 * Validation and error mapping (IMPORT_FAILED, CANCELLED, NOT_FOUND as data) are the handler table's.
 */
export function importImplementations(
  services: AppServices,
  onProgress?: (requestId: string, progress: ImportProgress) => void,
  templatePath: () => string = () => join(resourcesDir(), 'templates', TEMPLATE_FILE),
) {
  const running = new Map<string, AbortController>();
  const track = async <T>(requestId: string, run: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    if (running.has(requestId)) throw new ServiceError('CONFLICT', `Importen ${requestId} kører allerede.`);
    const controller = new AbortController();
    running.set(requestId, controller);
    try {
      return await run(controller.signal);
    } finally {
      running.delete(requestId);
    }
  };
  return {
    importPreview: ({ requestId, paths, projectId, projectName, newProject, evaluationId }: In<'importPreview'>) =>
      track(requestId, (signal) =>
        previewImport(
          services.store,
          paths.map((path) => ({ path })),
          { projectId, projectName, newProject, evaluationId, signal, onProgress: (p) => onProgress?.(requestId, p) },
        ),
      ),
    importApply: ({ requestId, ...input }: In<'importApply'>) => track(requestId, (signal) => applyImport(services.store, { ...input, signal })),
    importCancel: async ({ requestId }: In<'importCancel'>) => {
      const controller = running.get(requestId);
      controller?.abort();
      return { cancelled: controller !== undefined };
    },
    importSaveTemplate: async ({ outPath }: In<'importSaveTemplate'>) => {
      const tmp = `${outPath}.tmp`;
      try {
        await copyFile(templatePath(), tmp);
        await rename(tmp, outPath);
      } catch (err) {
        throw new ServiceError('IMPORT_FAILED', `Skabelonen kunne ikke gemmes i ${outPath}: ${err instanceof Error ? err.message : String(err)}`);
      }
      return { path: outPath, bytes: (await stat(outPath)).size };
    },
  };
}
