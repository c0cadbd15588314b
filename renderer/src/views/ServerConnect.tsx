import { lazy, Suspense, useCallback, useState } from 'react';
import { sendMenuCommand, useMenuCommand } from '../components/exporting';

// The dialog (its form, number and password fields, the server connection's checks) loads when
// the menu first asks for it, so the portfolio's first screen neither parses nor renders it
// (issue 12, first paint).
const ServerConnectDialog = lazy(() => import('./ServerConnectDialog').then((m) => ({ default: m.ServerConnectDialog })));

/** Hears the first Filer > Forbind til server… before the dialog exists. */
function FirstCommand({ onCommand }: { onCommand: () => void }) {
  useMenuCommand('connectServer', onCommand);
  return null;
}

/**
 * Filer > Forbind til server…: the first command mounts the dialog and hands the command on to
 * it (kept until the dialog listens, as a command for a view not on screen yet); from then on
 * the dialog hears the menu itself.
 */
export function ServerConnect() {
  const [mounted, setMounted] = useState(false);
  const first = useCallback(() => {
    sendMenuCommand('connectServer', true);
    setMounted(true);
  }, []);
  return mounted ? (
    <Suspense fallback={null}>
      <ServerConnectDialog />
    </Suspense>
  ) : (
    <FirstCommand onCommand={first} />
  );
}
