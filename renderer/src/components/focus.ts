import { useEffect, useState } from 'react';

/**
 * Gives the keyboard focus back to the control that opened a dialog, for a dialog shown by
 * mounting it (`{goal && <StatusModal … />}` with `<Modal opened …>`): Mantine returns the focus
 * only when `opened` turns false, which such a dialog never sees, so the focus fell to the page.
 * Called in the dialog, it remembers what had the focus when the dialog was first rendered (its
 * opener) and focuses it again after the dialog is gone, unless the focus went somewhere on purpose.
 */
export function useReturnFocusOnUnmount(): void {
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null));
  useEffect(
    () => () => {
      // After the dialog has left the page (its focus trap and portal are gone).
      window.setTimeout(() => {
        const now = document.activeElement;
        if (opener?.isConnected && (now === null || now === document.body)) opener.focus({ preventScroll: true });
      }, 0);
    },
    [opener],
  );
}
