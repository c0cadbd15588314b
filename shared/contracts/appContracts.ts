import { z } from 'zod';
import { defineContract } from './core';

/** The kinds of file the app saves, each with its dialog title and suggested name. */
export const SaveKindSchema = z.enum(['evaluation', 'portfolio', 'template', 'reportDocx', 'reportPdf']);
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
  /** Asks the user for files to import (a native open dialog in the app). */
  chooseImportFiles: defineContract({
    channel: 'dialog:chooseImportFiles',
    input: z.object({}).strict(),
    output: z.object({ paths: z.array(z.string()) }),
  }),
  /**
   * Files dropped on the window or picked in a browser: their bytes are staged in a private
   * temporary folder under their own names, and the staged paths can then be previewed.
   */
  stageImportFiles: defineContract({
    channel: 'import:stageFiles',
    input: z
      .object({
        files: z
          .array(
            z
              .object({
                name: z.string().min(1).max(255),
                // 50 MB of file as base64; larger files are refused before they are read.
                dataBase64: z.string().max(Math.ceil((50 * 1024 * 1024 * 4) / 3) + 4, {
                  message: 'Filen er større end 50 MB.',
                }),
              })
              .strict(),
          )
          .min(1)
          .max(50),
      })
      .strict(),
    output: z.object({ paths: z.array(z.string()) }),
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
