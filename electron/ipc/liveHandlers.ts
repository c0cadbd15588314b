import type { z } from 'zod';
import type { liveContracts } from '../../shared/contracts/liveContracts';
import type { AppServices } from '../services';

type In<K extends keyof typeof liveContracts> = z.output<(typeof liveContracts)[K]['input']>;

/** Implementations of the live channels (team server), for `implementations()` in handlers.ts. */
export function liveImplementations({ live, store }: AppServices) {
  return {
    liveState: async (_input: In<'liveState'>) => live.state(),
    sessionRights: (_input: In<'sessionRights'>) => store.teamRights(),
    presenceSet: async ({ projectId }: In<'presenceSet'>) => ({ others: await live.announce(projectId) }),
  };
}
