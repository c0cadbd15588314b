import { Tooltip } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { createContext, useContext, type ReactNode } from 'react';

/**
 * Why the fields on screen cannot be changed (the round is final), or null when they can. Main
 * refuses such writes anyway (LOCKED); this makes the fields read-only and says why, rather than
 * letting a user type into a field only to be told no.
 */
export const LockContext = createContext<string | null>(null);

export function useLock(): string | null {
  return useContext(LockContext);
}

export function LockProvider({ reason, children }: { reason: string | null; children: ReactNode }) {
  return <LockContext.Provider value={reason}>{children}</LockContext.Provider>;
}

/** The padlock a locked field shows, with the reason as its name and tooltip. */
export function LockMark({ reason }: { reason: string }) {
  return (
    <Tooltip label={reason} multiline w={320} withArrow>
      <span role="img" aria-label={reason} style={{ display: 'inline-flex' }}>
        <IconLock size={15} color="var(--mantine-color-gray-6)" aria-hidden />
      </span>
    </Tooltip>
  );
}
