import type { BrowserWindow } from 'electron';
import type { HandlerTable } from '../ipc/handlers';
import type { AppServices } from '../services';

/** Main -> renderer: a menu item the renderer acts on (it knows the open project). */
export const MENU_COMMAND_CHANNEL = 'menu:command';

export interface AppHandlerDeps {
  getServices: () => AppServices | null;
  getWindow: () => BrowserWindow | null;
}

/** Channels that need Electron itself (dialogs, the file manager); none yet beyond the contracts. */
export function appChannels(): string[] {
  return [];
}

export function createAppHandlers(_deps: AppHandlerDeps): HandlerTable {
  return {};
}
