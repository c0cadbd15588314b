import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';

/** What the app remembers between runs: window bounds, the open portfolio, recent files, dialog folders. */
const AppStateSchema = z.object({
  bounds: z
    .object({ x: z.number().int().optional(), y: z.number().int().optional(), width: z.number().int().min(800), height: z.number().int().min(600) })
    .optional(),
  maximized: z.boolean().optional(),
  lastPortfolio: z.string().optional(),
  recent: z.array(z.string()).max(10).default([]),
  /** The folder each kind of file dialog last used (Electron >= 43 no longer remembers it). */
  folders: z.object({ portfolio: z.string(), import: z.string(), export: z.string() }).partial().optional(),
});
export type AppState = z.infer<typeof AppStateSchema>;

export function appStatePath(userData: string): string {
  return join(userData, 'app-state.json');
}

/** A missing or unreadable state file gives defaults: never a reason not to start. */
export function readAppState(userData: string): AppState {
  const file = appStatePath(userData);
  if (!existsSync(file)) return { recent: [] };
  try {
    const parsed = AppStateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : { recent: [] };
  } catch {
    return { recent: [] };
  }
}

export function writeAppState(userData: string, state: AppState): void {
  const file = appStatePath(userData);
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(state, null, 2));
  renameSync(tmp, file);
}

export function withRecent(state: AppState, path: string): AppState {
  return { ...state, lastPortfolio: path, recent: [path, ...state.recent.filter((p) => p !== path)].slice(0, 8) };
}

export type DialogFolderKind = 'portfolio' | 'import' | 'export';

export function withFolder(state: AppState, kind: DialogFolderKind, file: string): AppState {
  return { ...state, folders: { ...state.folders, [kind]: dirname(file) } };
}

/**
 * The `defaultPath` of a file dialog: the folder this kind of dialog last used (with the
 * suggested file name), else the folder of the open portfolio. Since Electron 43 a dialog
 * without an absolute `defaultPath` opens in Downloads every time instead of where the user
 * was; a bare file name is anchored there too.
 */
export function dialogDefaultPath(state: AppState, kind: DialogFolderKind, fallbackFolder: string | null, fileName?: string): string | undefined {
  const folder = state.folders?.[kind] ?? fallbackFolder;
  if (!folder) return fileName;
  return fileName ? join(folder, fileName) : folder;
}
