import { z } from 'zod';
import { defineContract } from './core';
import { GoalSchema, Id, ProjectSchema } from './schemas';
import type { RecycleBinEntry } from './views';

/** A bin entry as the Papirkurv shows it: with the days it has left before it is emptied. */
export interface RecycleBinItem extends RecycleBinEntry {
  daysLeft: number;
}

/** One entry of the bin: a deleted project (by the project's id) or a deleted goal (by the bin entry's id). */
export const RecycleBinRefSchema = z
  .object({ kind: z.enum(['project', 'goal'], { message: 'Angiv om posten er et projekt eller et mål.' }), id: Id })
  .strict();

/** The recycle bin: deleted projects and goals, kept for RECYCLE_BIN_KEEP_DAYS days (issue 15). */
export const recycleBinContracts = {
  /** Every entry, newest first, with its days left. */
  recycleBinList: defineContract({
    channel: 'recycleBin:list',
    input: z.object({}).strict(),
    output: z.custom<RecycleBinItem[]>(),
  }),
  /** Brings an entry back: a project with everything it held, a goal with its id and status history. */
  recycleBinRestore: defineContract({
    channel: 'recycleBin:restore',
    input: RecycleBinRefSchema,
    output: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('project'), project: ProjectSchema }),
      z.object({ kind: z.literal('goal'), goal: GoalSchema }),
    ]),
  }),
  /** Deletes one entry for good (a project: with its rounds and its goals in the bin). */
  recycleBinPurge: defineContract({
    channel: 'recycleBin:purge',
    input: RecycleBinRefSchema,
    output: z.object({ ok: z.literal(true) }),
  }),
  /** Deletes every entry for good; returns how many. */
  recycleBinEmpty: defineContract({
    channel: 'recycleBin:empty',
    input: z.object({}).strict(),
    output: z.object({ purged: z.number().int().min(0) }),
  }),
};
