import { useSyncExternalStore } from 'react';
import type { IpcResult } from '../../../shared/contracts';
import { safeCall } from '../api';

/**
 * Saves that could not reach the team server (an answer with `retry`: the connection lost,
 * refused or timed out; nothing changed) wait here and are sent again by themselves: after a
 * growing pause (1 s, 2 s, 4 s ... at most 30 s) and at once when the line to the server is back
 * (live.tsx). They go in the order they were made, and a newer save of the same field replaces
 * the older one (the field's last text is what the user means). Each caller's promise answers
 * the result of the save that finally went through, or the refusal it met (a stale version, a
 * right the user lacks), never the server's absence. Nothing typed is lost while the window is
 * open; closing it with saves waiting asks first (main's will-prevent-unload, the browser's
 * beforeunload).
 */

type Call = () => Promise<IpcResult<unknown>>;

interface Held {
  call: Call;
  resolvers: ((result: IpcResult<unknown>) => void)[];
}

export interface OutboxTimers {
  set: (fn: () => void, ms: number) => unknown;
  clear: (handle: unknown) => void;
}

export const RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 15000, 30000];

const REAL_TIMERS: OutboxTimers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class Outbox {
  private readonly held = new Map<string, Held>();
  private readonly listeners = new Set<() => void>();
  private timer: unknown = null;
  private attempt = 0;
  private flushing = false;

  constructor(
    private readonly delays: number[] = RETRY_DELAYS_MS,
    private readonly timers: OutboxTimers = REAL_TIMERS,
  ) {}

  /** How many saves wait for the server. */
  get size(): number {
    return this.held.size;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Holds `call` (which failed because the server could not be reached) under `key` (one field),
   * replacing what waited under it; answers once a sending of it gets another answer.
   */
  hold<T>(key: string, call: () => Promise<IpcResult<T>>): Promise<IpcResult<T>> {
    return new Promise<IpcResult<T>>((resolve) => {
      const before = this.held.get(key);
      const resolvers = [...(before?.resolvers ?? []), resolve as (r: IpcResult<unknown>) => void];
      // A replaced save leaves the order: the newer one goes where a new one goes, last.
      this.held.delete(key);
      this.held.set(key, { call: call as Call, resolvers });
      this.changed();
      this.schedule();
    });
  }

  /** Sends what waits now (the line to the server is back), and starts the pauses over. */
  retryNow(): void {
    if (this.held.size === 0) return;
    this.attempt = 0;
    this.cancelTimer();
    void this.flush();
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.timer !== null || this.flushing || this.held.size === 0) return;
    const delay = this.delays[Math.min(this.attempt, this.delays.length - 1)];
    this.timer = this.timers.set(() => {
      this.timer = null;
      void this.flush();
    }, delay);
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    let down = false;
    try {
      for (const [key, entry] of [...this.held]) {
        const result = await safeCall(entry.call);
        if (!result.ok && result.error.retry) {
          down = true;
          break;
        }
        // A newer save of the field may have replaced this one while it was on its way.
        if (this.held.get(key) === entry) this.held.delete(key);
        for (const resolve of entry.resolvers) resolve(result);
        entry.resolvers.length = 0;
      }
    } finally {
      this.attempt = down ? this.attempt + 1 : 0;
      this.flushing = false;
      this.changed();
      this.schedule();
    }
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

/** The window's one outbox. */
export const outbox = new Outbox();

/** How many saves wait for the server (re-renders when it changes). */
export function useWaitingSaves(): number {
  return useSyncExternalStore(
    outbox.subscribe,
    () => outbox.size,
    () => 0,
  );
}
