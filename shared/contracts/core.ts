import type { z } from 'zod';

/**
 * One object per IPC channel: its name, the zod schema of its input and of its output.
 * Main validates every input with `input.safeParse`; the preload exposes a client built from
 * the contract list (an allow-list of channel names), never `ipcRenderer` itself.
 */
export interface Contract<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  channel: string;
  input: I;
  output: O;
}

export function defineContract<I extends z.ZodType, O extends z.ZodType>(contract: {
  channel: string;
  input: I;
  output: O;
}): Contract<I, O> {
  return contract;
}

/** Stable error codes the renderer can act on. */
export type ErrorCode =
  | 'VALIDATION' // the input did not match the contract
  | 'NOT_FOUND'
  | 'CONFLICT' // e.g. a duplicate goal code
  | 'STALE_WRITE' // the row was saved by someone else since it was read: nothing changed; `stale` says who, when and the version now
  | 'REASON_REQUIRED' // a light override, or reopening a final round, without a written reason
  | 'NEEDS_CONFIRMATION' // possible but unusual (a date in the future): `issues` say what; send again with acceptWarnings
  | 'INVALID_SCORE'
  | 'LOCKED' // the evaluation round is final (signed off): reopen it first
  | 'DB_NEWER' // the database was written by a newer Trafiklys
  | 'NOT_A_DATABASE'
  | 'MIGRATION_FAILED'
  | 'DB_BUSY' // another program holds the portfolio's write lock: try again
  | 'DB_CORRUPT' // the portfolio file is damaged (the message names the backups)
  | 'DB_READ_ONLY' // the portfolio is open read-only (file or folder write-protected): writes refused
  | 'DB_FULL' // the disk is full: the write was rolled back, nothing lost
  | 'DB_FOREIGN' // an SQLite file of another program: not opened, not changed
  | 'DB_IO' // the file could not be read or written (drive gone, I/O error)
  | 'DB_SERVER' // the PostgreSQL server cannot be reached or refuses the login (the message says which)
  | 'UNKNOWN_CHANNEL'
  | 'IMPORT_FAILED'
  | 'EXPORT_FAILED'
  | 'CANCELLED'
  | 'INTERNAL';

export interface IpcError {
  code: ErrorCode;
  /** A message a user can read (Danish). */
  message: string;
  /** Field-level problems for VALIDATION: path -> message. */
  issues?: { path: string; message: string }[];
  /** For STALE_WRITE: who saved the row last, when (ISO time), and its version now. */
  stale?: { changedBy: string; changedAt: string | null; currentVersion: number };
  /**
   * The server could not be reached (DB_SERVER: the connection lost, refused or timed out):
   * nothing changed, and the same call may succeed once it answers. The renderer keeps a save
   * and sends it again by itself.
   */
  retry?: boolean;
}

/** Errors cross the boundary as data, never as thrown exceptions. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export type ContractInput<C extends Contract> = z.input<C['input']>;
export type ContractOutput<C extends Contract> = z.output<C['output']>;

/** An error a service throws to answer with a specific code. */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}
