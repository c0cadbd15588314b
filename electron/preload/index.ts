import { contextBridge, ipcRenderer } from 'electron';
import { contracts } from '../../shared/contracts';
import { PROGRESS_CHANNEL, type ProgressEvent } from '../../shared/contracts/appContracts';
import { LIVE_CHANNEL, type LiveEvent } from '../../shared/contracts/liveContracts';

/**
 * The preload runs sandboxed: it exposes the contract client (an allow-list of channels built
 * from the contracts) and a menu-command listener, never `ipcRenderer` itself.
 */
const api: Record<string, (input?: unknown) => Promise<unknown>> = {};
for (const [name, contract] of Object.entries(contracts)) {
  const channel = contract.channel;
  api[name] = (input?: unknown) => ipcRenderer.invoke(channel, input ?? {});
}

const MENU_COMMAND_CHANNEL = 'menu:command';
const MENU_COMMANDS = new Set(['import', 'saveTemplate', 'exportEvaluation', 'exportReport', 'exportPortfolio', 'methodology', 'connectServer']);

const appEvents = {
  /** Calls `listener` with each menu command; returns a function that stops listening. */
  onMenuCommand(listener: (command: string) => void): () => void {
    const handler = (_event: unknown, command: unknown) => {
      if (typeof command === 'string' && MENU_COMMANDS.has(command)) listener(command);
    };
    ipcRenderer.on(MENU_COMMAND_CHANNEL, handler);
    return () => ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, handler);
  },
  /** Calls `listener` with progress of long tasks (export, import). */
  onProgress(listener: (event: ProgressEvent) => void): () => void {
    const handler = (_event: unknown, progress: unknown) => {
      if (progress && typeof progress === 'object') listener(progress as ProgressEvent);
    };
    ipcRenderer.on(PROGRESS_CHANNEL, handler);
    return () => ipcRenderer.removeListener(PROGRESS_CHANNEL, handler);
  },
  /** Calls `listener` with others' changes and presence on a team server. */
  onLive(listener: (event: LiveEvent) => void): () => void {
    const handler = (_event: unknown, live: unknown) => {
      if (live && typeof live === 'object' && 'kind' in live) listener(live as LiveEvent);
    };
    ipcRenderer.on(LIVE_CHANNEL, handler);
    return () => ipcRenderer.removeListener(LIVE_CHANNEL, handler);
  },
};

contextBridge.exposeInMainWorld('api', api);
contextBridge.exposeInMainWorld('appEvents', appEvents);
