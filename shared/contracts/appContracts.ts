import { z } from 'zod';
import { defineContract } from './core';

/** The kinds of file the app saves, each with its dialog title and suggested name. */
export const SaveKindSchema = z.enum(['evaluation', 'portfolio', 'template']);
export type SaveKind = z.infer<typeof SaveKindSchema>;

/**
 * Channels that need the host (Electron's dialogs and file manager, or the browser preview's
 * stand-ins). The renderer asks where to save, then exports to that path, then may reveal it.
 */
export const appContracts = {
  chooseSavePath: defineContract({
    channel: 'dialog:chooseSavePath',
    input: z.object({ kind: SaveKindSchema, defaultName: z.string().min(1).max(200) }).strict(),
    output: z.object({ path: z.string().nullable() }),
  }),
  showInFolder: defineContract({
    channel: 'shell:showInFolder',
    input: z.object({ path: z.string().min(1).max(4096) }).strict(),
    output: z.object({ ok: z.literal(true) }),
  }),
};

/** Main -> renderer: progress of a long task (export, import). */
export const PROGRESS_CHANNEL = 'app:progress';
export interface ProgressEvent {
  task: 'export' | 'import';
  phase: string;
  done: number;
  total: number;
}
