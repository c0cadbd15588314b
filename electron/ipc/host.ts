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
  /** Reveals a file the app itself wrote. */
  showInFolder(path: string): Promise<void>;
  /** Pushes progress of a long task to the window. */
  progress(event: ProgressEvent): void;
}

/** Paths the app has written this session; only those may be revealed in the file manager. */
export class WrittenFiles {
  private readonly paths = new Set<string>();
  add(path: string): void {
    this.paths.add(path);
  }
  require(path: string): void {
    if (!this.paths.has(path)) throw new ServiceError('VALIDATION', `Trafiklys har ikke skrevet ${path} i denne session.`);
  }
}

/** A host without a window: files are "saved" into `folder` under their suggested name. */
export function headlessHost(folder: string, onProgress: (event: ProgressEvent) => void = () => {}): HostAdapter {
  return {
    async chooseSavePath(_kind, defaultName) {
      mkdirSync(folder, { recursive: true });
      return join(folder, defaultName.replace(/[\\/:*?"<>|]/g, '_'));
    },
    async showInFolder() {},
    progress: onProgress,
  };
}
