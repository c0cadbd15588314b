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

/**
 * Saves of a row whose save sends the whole row (a budget line, a learning point, a survey
 * indicator ...): per row in order (useVersionedSave), each built from the row as the save before
 * it left it (main's answer), not from the props read before that save, so that a second field
 * saved before the reload does not put the first field back. `call` gets the row with the patch
 * applied and the version to send.
 */
export function useRowSave<T extends { id: number; version?: number }>() {
  const versioned = useVersionedSave();
  const latest = useRef(new Map<number, T>());
  return useCallback(
    (row: T, patch: Partial<T>, call: (next: T, expectedVersion: number | undefined) => Promise<IpcResult<T>>): Promise<IpcResult<T>> =>
      versioned(`row-${row.id}`, row.version, async (expectedVersion) => {
        const known = latest.current.get(row.id);
        // A newer read (a reload after someone else's save) wins over what this window saved.
        const base = known && (known.version ?? 0) >= (row.version ?? 0) ? known : row;
        const result = await call({ ...base, ...patch }, expectedVersion);
        if (result.ok) latest.current.set(row.id, result.value);
        return result;
      }),
    [versioned],
  );
}
