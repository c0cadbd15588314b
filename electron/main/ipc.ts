import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { contracts } from '../../shared/contracts';
import type { IpcResult } from '../../shared/contracts/core';
import type { HandlerTable } from '../ipc/handlers';

/**
 * Registers one `ipcMain.handle` per contract channel. The table is looked up on every call so
 * that opening another portfolio swaps the services behind the same channels. Calls from any
 * frame but the app's own are refused.
 */
export function registerIpc(
  ipcMain: IpcMain,
  getTable: () => HandlerTable | null,
  isAppUrl: (url: string) => boolean,
): string[] {
  const channels = Object.values(contracts).map((c) => c.channel);
  for (const channel of channels) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, payload: unknown): Promise<IpcResult<unknown>> => {
      const url = event.senderFrame?.url ?? '';
      if (!isAppUrl(url)) return { ok: false, error: { code: 'VALIDATION', message: `Kald fra ukendt afsender afvist: ${url}` } };
      const table = getTable();
      const handler = table?.[channel];
      if (!handler) return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Ingen portefølje er åben (${channel}).` } };
      return handler(payload);
    });
  }
  return channels;
}
