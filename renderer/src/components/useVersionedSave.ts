import { useCallback, useRef } from 'react';
import type { IpcResult } from '../../../shared/contracts';

/** Runs one save of the row `rowKey`, given the version it was read with, and answers its result. */
export type VersionedSave = <T>(
  rowKey: string,
  readVersion: number | undefined,
  call: (expectedVersion: number | undefined) => Promise<IpcResult<T>>,
) => Promise<IpcResult<T>>;

/**
 * Saves of versioned rows (a project's facts, a goal, a parameter's score) from one window, per
 * row in order, each based on the version the one before it left (issue 13, no lost update).
 * Without it two fields of one row saved in quick succession (a test's `fill`, a fast Tab)
 * would both send the version read before the first save, and main would refuse the second as
 * if someone else had saved. A newer version read since (a reload after someone else's save) is
 * taken; `rowKey` names the row (another round's score is another row).
 */
export function useVersionedSave(): VersionedSave {
  const rows = useRef(new Map<string, { version: number | undefined; queue: Promise<unknown> }>());
  return useCallback(<T,>(rowKey: string, readVersion: number | undefined, call: (expectedVersion: number | undefined) => Promise<IpcResult<T>>) => {
    let row = rows.current.get(rowKey);
    if (!row) {
      row = { version: readVersion, queue: Promise.resolve() };
      rows.current.set(rowKey, row);
    }
    const r = row;
    const run = r.queue.then(async () => {
      if (readVersion !== undefined && (r.version === undefined || readVersion > r.version)) r.version = readVersion;
      const result = await call(r.version);
      const saved = result.ok ? (result.value as { version?: unknown } | null)?.version : undefined;
      if (typeof saved === 'number') r.version = saved;
      return result;
    });
    r.queue = run.catch(() => undefined);
    return run;
  }, []);
}
