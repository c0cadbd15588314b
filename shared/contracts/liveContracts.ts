import { z } from 'zod';
import { defineContract } from './core';
import type { TeamRights } from '../team/rights';

/**
 * A team on one server (issue 13): others' changes and who else has a project open, pushed from
 * main on LIVE_CHANNEL; the renderer says which project it shows. On a SQLite file (one person)
 * `team` is false and nothing is pushed.
 */

export const ViewerSchema = z.object({ user: z.string(), projectId: z.number().int() });
export type Viewer = z.infer<typeof ViewerSchema>;

const LiveStateSchema = z.object({
  team: z.boolean(),
  /** The login this window works as on the server ('' on a file). */
  user: z.string(),
  connected: z.boolean(),
  others: z.array(ViewerSchema),
});
export type LiveState = z.infer<typeof LiveStateSchema>;

export const liveContracts = {
  liveState: defineContract({
    channel: 'live:state',
    input: z.object({}).strict(),
    output: LiveStateSchema,
  }),
  /** What the user may change on a team server (null: everything); the UI locks the rest, with the reason. */
  sessionRights: defineContract({
    channel: 'live:rights',
    input: z.object({}).strict(),
    output: z.custom<TeamRights | null>(),
  }),
  /** The project this window shows (null: none); answers who else has which project open. */
  presenceSet: defineContract({
    channel: 'live:presence',
    input: z.object({ projectId: z.number().int().positive().nullable() }).strict(),
    output: z.object({ others: z.array(ViewerSchema) }),
  }),
};

/** Main -> renderer. */
export const LIVE_CHANNEL = 'app:live';
export type LiveEvent =
  /** Others changed these projects (or, with `everything`, anything: reload all). */
  | { kind: 'changes'; projectIds: number[]; users: string[]; everything: boolean }
  | { kind: 'presence'; others: Viewer[] }
  /** The line to the server was lost (false) or is back (true). */
  | { kind: 'connection'; connected: boolean };
