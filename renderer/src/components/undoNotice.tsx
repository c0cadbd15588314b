import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';

/**
 * The notice after a delete that offers "Fortryd": one id per recycle bin entry, so that a restore
 * from the Papirkurv closes the notice of the same entry (its undo would have nothing left to do).
 */
export function undoNoticeId(kind: 'project' | 'goal', id: number): string {
  return `recycle-bin-${kind}-${id}`;
}

export function showUndoNotice(options: { kind: 'project' | 'goal'; id: number; title: ReactNode; undoLabel: string; onUndo: () => Promise<void> | void }): void {
  const id = undoNoticeId(options.kind, options.id);
  notifications.show({
    id,
    color: 'gray',
    title: options.title,
    autoClose: 15000,
    message: (
      <Button
        size="xs"
        variant="light"
        mt={4}
        onClick={() => {
          notifications.hide(id);
          void options.onUndo();
        }}
      >
        {options.undoLabel}
      </Button>
    ),
  });
}

/** Closes the undo notice of an entry, if it is still shown. */
export function closeUndoNotice(kind: 'project' | 'goal', id: number): void {
  notifications.hide(undoNoticeId(kind, id));
}
