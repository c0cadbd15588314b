import type { z } from 'zod';
import type { recycleBinContracts } from '../../shared/contracts/recycleBinContracts';
import type { AppServices } from '../services';

type In<K extends keyof typeof recycleBinContracts> = z.output<(typeof recycleBinContracts)[K]['input']>;

/** Implementations of the recycle bin channels, for `implementations()` in handlers.ts. */
export function recycleBinImplementations({ recycleBin }: AppServices) {
  return {
    recycleBinList: (_input: In<'recycleBinList'>) => recycleBin.list(),
    recycleBinRestore: (ref: In<'recycleBinRestore'>) => recycleBin.restore(ref),
    recycleBinPurge: async (ref: In<'recycleBinPurge'>) => {
      await recycleBin.purge(ref);
      return { ok: true as const };
    },
    recycleBinEmpty: async (_input: In<'recycleBinEmpty'>) => ({ purged: await recycleBin.empty() }),
  };
}
