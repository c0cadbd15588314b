import { Tooltip } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { createContext, useContext, type ReactNode } from 'react';

/**
 * Why the fields on screen cannot be changed, or null when they can. Two layers, each with its
 * reason: the round is final (main refuses with LOCKED), and the user of a team server lacks the
 * right (the server refuses with 42501). The round's comes first. They are kept apart so that a
 * part of a tab can lift one and keep the other: a goal's wording may change in a final round,
 * but not by a manager; a section of a tab names the table it writes (its own right).
 * This makes the fields read-only and says why, rather than letting a user type into a field only
 * to be told no.
 */
const RoundLockContext = createContext<string | null>(null);
const RightsLockContext = createContext<string | null>(null);

export function useLock(): string | null {
  const round = useContext(RoundLockContext);
  const rights = useContext(RightsLockContext);
  return round ?? rights;
}

/** Only a final round's lock, for what names its own right instead of the tab's (an approval). */
export function useRoundLock(): string | null {
  return useContext(RoundLockContext);
}

/** A final round's lock (null: a draft, or what is inside may change in a final round). */
export function LockProvider({ reason, children }: { reason: string | null; children: ReactNode }) {
  return <RoundLockContext.Provider value={reason}>{children}</RoundLockContext.Provider>;
}

/** The team server's refusal of what is inside (null: the user may change it). */
export function RightsLockProvider({ reason, children }: { reason: string | null; children: ReactNode }) {
  return <RightsLockContext.Provider value={reason}>{children}</RightsLockContext.Provider>;
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

/**
 * A button (or icon) that a lock disables, with the reason as its tooltip: a disabled button
 * takes no pointer, so the tooltip sits on a wrapper.
 */
export function LockTip({ reason, children }: { reason: string | null; children: ReactNode }) {
  if (!reason) return <>{children}</>;
  return (
    <Tooltip label={reason} multiline w={320} withArrow>
      <span style={{ display: 'inline-flex' }} data-testid="lock-tip">
        {children}
      </span>
    </Tooltip>
  );
}
