import type { z } from 'zod';
import type { measureContracts } from '../../shared/contracts/measureContracts';
import type { AppServices } from '../services';
import { deleteBusinessCase, getBusinessCase, saveBusinessCase } from '../services/businessCaseService';
import { loadIndicatorCatalogue } from '../services/indicatorCatalogue';

type In<K extends keyof typeof measureContracts> = z.output<(typeof measureContracts)[K]['input']>;

/**
 * Implementations of the business case and catalogue channels, for `implementations()` in
 * handlers.ts. `requirePicked` refuses a path the user did not pick (as import:preview does).
 */
export function measureImplementations({ store }: AppServices, requirePicked: (path: string) => void) {
  return {
    businessCaseGet: ({ projectId }: In<'businessCaseGet'>) => getBusinessCase(store, projectId),
    businessCaseSave: ({ projectId, fields }: In<'businessCaseSave'>) => saveBusinessCase(store, projectId, fields),
    businessCaseDelete: async ({ projectId }: In<'businessCaseDelete'>) => {
      await deleteBusinessCase(store, projectId);
      return { ok: true as const };
    },
    indicatorCatalogueLoad: ({ path, dryRun }: In<'indicatorCatalogueLoad'>) => {
      requirePicked(path);
      return loadIndicatorCatalogue(store, path, dryRun ?? false);
    },
  };
}
