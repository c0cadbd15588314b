import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ProgressEvent, SaveKind } from '../../shared/contracts/appContracts';
import { ServiceError } from '../../shared/contracts/core';

/**
 * What the handler table needs from its host: Electron gives real dialogs and the file manager;
 * the browser preview and the tests give stand-ins. Everything else is the same code.
 */
export interface HostAdapter {
  /** Asks the user where to save; null when cancelled. */
  chooseSavePath(kind: SaveKind, defaultName: string): Promise<string | null>;
  /** Asks the user for files to import; [] when cancelled. */
  chooseImportFiles(): Promise<string[]>;
  /** Reveals a file the app itself wrote. */
  showInFolder(path: string): Promise<void>;
  /** Opens a file the app itself wrote (a kept source's temporary copy) with the OS app; absent where there is none. */
  openFile?(path: string): Promise<void>;
  /** Pushes progress of a long task to the window. */
  progress(event: ProgressEvent): void;
}

/**
 * Paths the user handed the app this session (picked, dropped, or written by an export). The
 * renderer may only name those: it cannot make main read or reveal any other file.
 */
export class GrantedPaths {
  private readonly paths = new Set<string>();
  add(path: string): void {
    this.paths.add(path);
  }
  require(path: string, what: string): void {
    if (!this.paths.has(path))
      throw new ServiceError('VALIDATION', `${what}: ${path} er ikke valgt af brugeren i denne session.`);
  }
}

/** A host without a window: files are "saved" into `folder` under their suggested name. */
export function headlessHost(folder: string, onProgress: (event: ProgressEvent) => void = () => {}): HostAdapter {
  return {
    async chooseSavePath(_kind, defaultName) {
      mkdirSync(folder, { recursive: true });
      return join(folder, defaultName.replace(/[\\/:*?"<>|]/g, '_'));
    },
    async chooseImportFiles() {
      return [];
    },
    async showInFolder() {},
    progress: onProgress,
  };
}
