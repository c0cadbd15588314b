import type { z } from 'zod';
import { ServiceError, type IpcError } from '../../shared/contracts/core';
import { StaleWriteError, StorageError } from '../storage/store';

/** Zod issues as `path: message` pairs a form can put beside its fields. */
export function zodIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

const KNOWN_CODES = new Set<string>([
  'NOT_FOUND',
  'CONFLICT',
  'STALE_WRITE',
  'LOCKED',
  'DB_NEWER',
  'NOT_A_DATABASE',
  'MIGRATION_FAILED',
  'DB_BUSY',
  'DB_CORRUPT',
  'DB_READ_ONLY',
  'DB_FULL',
  'DB_FOREIGN',
  'DB_IO',
  'DB_SERVER',
] satisfies IpcError['code'][]);

/**
 * Maps anything a service throws to an error as data. Known errors keep their code and
 * message; anything else becomes INTERNAL with its message (never a stack trace).
 */
export function toIpcError(err: unknown): IpcError {
  if (err instanceof ServiceError) return { code: err.code, message: err.message, issues: err.issues };
  // Before the CONFLICT it also is: the renderer keeps the user's text and offers to reload.
  if (err instanceof StaleWriteError)
    return { code: 'STALE_WRITE', message: err.message, stale: { changedBy: err.changedBy, changedAt: err.changedAt, currentVersion: err.currentVersion } };
  // The server lost under an open portfolio may answer later (a failed connect is the dialog's to retry).
  if (err instanceof StorageError && err.problem.code === 'DB_SERVER' && err.problem.reason === 'lost')
    return { code: 'DB_SERVER', message: err.message, retry: true };
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && KNOWN_CODES.has(code)) return { code: code as IpcError['code'], message: err.message };
    if (err.name === 'InvalidScoreError') return { code: 'INVALID_SCORE', message: err.message };
    return { code: 'INTERNAL', message: `Uventet fejl: ${err.message}` };
  }
  return { code: 'INTERNAL', message: `Uventet fejl: ${String(err)}` };
}
