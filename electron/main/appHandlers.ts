import { basename } from 'node:path';
import { dialog, shell, type BrowserWindow } from 'electron';
import { ServiceError } from '../../shared/contracts/core';
import { PROGRESS_CHANNEL, type ProgressEvent, type SaveKind } from '../../shared/contracts/appContracts';
import type { HostAdapter } from '../ipc/host';
import type { DialogFolderKind } from './windowState';

/** Main -> renderer: a menu item the renderer acts on (it knows the open project). */
export const MENU_COMMAND_CHANNEL = 'menu:command';

const SAVE_DIALOGS: Record<SaveKind, { title: string; filter: string; extension: string }> = {
  evaluation: { title: 'Eksportér evaluering', filter: 'Excel-projektmappe', extension: 'xlsx' },
  portfolio: { title: 'Eksportér porteføljeoversigt', filter: 'Excel-projektmappe', extension: 'xlsx' },
  template: { title: 'Gem statusrapport-skabelon', filter: 'Excel-projektmappe', extension: 'xlsx' },
  reportDocx: { title: 'Eksportér evalueringsrapport', filter: 'Word-dokument', extension: 'docx' },
  reportPdf: { title: 'Eksportér evalueringsrapport', filter: 'PDF-dokument', extension: 'pdf' },
};

/** Where each kind of dialog starts, and what it chose (so the next one starts there). */
export interface DialogFolders {
  defaultPath(kind: DialogFolderKind, fileName?: string): string | undefined;
  chosen(kind: DialogFolderKind, path: string): void;
}

/** The Electron host: native save dialogs, the OS file manager, progress pushed to the window. */
export function electronHost(getWindow: () => BrowserWindow | null, folders: DialogFolders): HostAdapter {
  return {
    async chooseSavePath(kind, defaultName) {
      const win = getWindow();
      const { title, filter, extension } = SAVE_DIALOGS[kind];
      const options = { title, defaultPath: folders.defaultPath('export', defaultName), filters: [{ name: filter, extensions: [extension] }] };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      folders.chosen('export', result.filePath);
      return result.filePath.toLowerCase().endsWith(`.${extension}`) ? result.filePath : `${result.filePath}.${extension}`;
    },
    async chooseImportFiles() {
      const win = getWindow();
      const options = {
        title: 'Importér rapporter',
        defaultPath: folders.defaultPath('import'),
        properties: ['openFile', 'multiSelections'] as ('openFile' | 'multiSelections')[],
        filters: [
          { name: 'Rapporter (xlsx, pdf, docx, csv, txt)', extensions: ['xlsx', 'pdf', 'docx', 'csv', 'txt'] },
          { name: 'Alle filer', extensions: ['*'] },
        ],
      };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      if (result.canceled || result.filePaths.length === 0) return [];
      folders.chosen('import', result.filePaths[0]);
      return result.filePaths;
    },
    async showInFolder(path) {
      shell.showItemInFolder(path);
    },
    async openFile(path) {
      // openPath answers an error message ('' when the OS app took the file).
      const failure = await shell.openPath(path);
      if (failure) throw new ServiceError('DB_IO', `${basename(path)} kunne ikke åbnes med computerens program til filtypen: ${failure}`);
    },
    progress(event: ProgressEvent) {
      const win = getWindow();
      if (win && !win.isDestroyed()) win.webContents.send(PROGRESS_CHANNEL, event);
    },
  };
}
