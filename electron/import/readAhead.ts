import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ReaderMsg } from '../../shared/import/readerNotes';
import { cancelled, ImportFileError } from './errors';
import type { ParsedFile } from './parseFile';
import { prepareFile, type PreparedFile } from './prepare';

/** What readAheadWorker.ts is asked: one file to read and parse, or to leave one it was sent unread. */
export type ReadAheadAsk = { id: number; path: string } | { cancel: number };

/**
 * What it answers: that it has loaded its modules and can read; then per file the file, why it
 * can't be read (an ImportFileError's parts), or an unexpected failure.
 */
export type ReadAheadAnswer =
  | { ready: true }
  | { id: number; name: string; bytes: Uint8Array; parsed: ParsedFile }
  | { id: number; name: string; failed: { file: string; location: string; message: string; msg: ReaderMsg | undefined } }
  | { id: number; error: string };

interface Pending {
  path: string;
  resolve: (file: PreparedFile) => void;
  reject: (err: unknown) => void;
}

/** One worker thread and the files it has been sent. */
interface Lane {
  worker: Worker;
  /** It has said it is ready (its modules loaded). */
  loaded: boolean;
  pending: Map<number, Pending>;
}

/**
 * Files read and parsed in worker threads, ahead of the main thread's work: a folder import
 * (the CLI's `import FOLDER`) hands it the next files while it compares and writes the current
 * one, so reading workbooks (exceljs, all CPU) and storing the last one run side by side instead
 * of taking turns on one core. Reading a status workbook takes longer than storing it (profiles
 * of the bench's files), so while the main thread would wait for a file it reads one itself
 * (readOneHere: the last file handed out that no worker has begun). A worker touches no store; what it gives is exactly what prepareFile gives in this thread.
 * Where no worker can run (a bundled build has no readAheadWorker.ts beside it) or one stops, its
 * files are read here instead, as before.
 */
export class ReadAhead {
  private next = 0;
  private lanes: Lane[];

  private constructor(workers: Worker[]) {
    this.lanes = workers.map((worker) => ({ worker, loaded: false, pending: new Map() }));
    for (const lane of this.lanes) {
      lane.worker.on('message', (answer: ReadAheadAnswer) => this.settle(lane, answer));
      // A worker that fails or exits leaves its files to this thread: the user gets the same answer.
      lane.worker.on('error', () => this.stopLane(lane));
      lane.worker.on('exit', () => this.stopLane(lane));
      // It keeps the process alive only while a file is being read (close() ends it).
      lane.worker.unref();
    }
  }

  /** Workers: one core is the main thread's, the others read (at most 3); on two cores, one. */
  static open(workers = Math.max(1, Math.min(3, availableParallelism() - 1))): ReadAhead {
    const script = workerScript();
    const started: Worker[] = [];
    if (script) {
      try {
        for (let i = 0; i < workers; i++) started.push(new Worker(script, { eval: true }));
      } catch {
        // As many as could start (none: files are read in this thread).
      }
    }
    return new ReadAhead(started);
  }

  /** Whether files are read in worker threads (false: in this one). */
  get threaded(): boolean {
    return this.lanes.length > 0;
  }

  /**
   * Whether a worker has loaded what it reads with (exceljs alone takes most of a second): until
   * then a caller does better reading the file in hand itself than waiting for a worker.
   */
  get ready(): boolean {
    return this.lanes.some((l) => l.loaded);
  }

  /**
   * The file read and parsed; it is sent at once to the ready worker with the fewest files in
   * hand (each reads its files in the order sent).
   */
  prepare(path: string): Promise<PreparedFile> {
    const lane = this.lanes.reduce<Lane | null>((best, l) => {
      if (!best) return l;
      if (l.loaded !== best.loaded) return l.loaded ? l : best;
      return l.pending.size < best.pending.size ? l : best;
    }, null);
    if (!lane) return prepareFile({ path });
    const id = ++this.next;
    return new Promise<PreparedFile>((resolve, reject) => {
      lane.pending.set(id, { path, resolve, reject });
      lane.worker.ref();
      lane.worker.postMessage({ id, path } satisfies ReadAheadAsk);
    });
  }

  /** Whether `path` was handed to a worker and its answer has not come yet. */
  waitingOn(path: string): boolean {
    return this.lanes.some((l) => [...l.pending.values()].some((p) => p.path === path));
  }

  /**
   * Reads in this thread the last file handed to a worker that it has not begun (never the first
   * of a worker's files: that one it is reading), so that this thread reads instead of waiting.
   * The file's promise gets this thread's answer, the same as the worker's; the worker is told
   * to leave it (should it have begun it anyway, its answer is dropped). False when there is none.
   */
  readOneHere(): boolean {
    const lane = this.lanes.reduce<Lane | null>((best, l) => (l.pending.size > 1 && (!best || l.pending.size > best.pending.size) ? l : best), null);
    if (!lane) return false;
    const [id, taken] = [...lane.pending.entries()].at(-1)!;
    lane.pending.delete(id);
    lane.worker.postMessage({ cancel: id } satisfies ReadAheadAsk);
    prepareFile({ path: taken.path }).then(taken.resolve, taken.reject);
    return true;
  }

  /** Ends the workers; files still being read are not read (their promises fail as cancelled). */
  async close(): Promise<void> {
    const lanes = this.lanes;
    this.lanes = [];
    for (const lane of lanes) {
      const left = [...lane.pending.values()];
      lane.pending.clear();
      for (const p of left) p.reject(cancelled());
    }
    await Promise.all(lanes.map((l) => l.worker.terminate()));
  }

  private settle(lane: Lane, answer: ReadAheadAnswer): void {
    if ('ready' in answer) {
      lane.loaded = true;
      return;
    }
    const waiting = lane.pending.get(answer.id);
    if (!waiting) return;
    lane.pending.delete(answer.id);
    if (lane.pending.size === 0) lane.worker.unref();
    if ('error' in answer) waiting.reject(new Error(answer.error));
    else if ('failed' in answer) {
      const { file, location, message, msg } = answer.failed;
      waiting.resolve({ name: answer.name, failed: new ImportFileError(file, location, msg ?? message) });
    } else waiting.resolve({ name: answer.name, bytes: answer.bytes, parsed: answer.parsed });
  }

  /** A worker failed or exited by itself: the files it had are read in this thread. */
  private stopLane(lane: Lane): void {
    if (!this.lanes.includes(lane)) return;
    this.lanes = this.lanes.filter((l) => l !== lane);
    const left = [...lane.pending.values()];
    lane.pending.clear();
    for (const p of left) prepareFile({ path: p.path }).then(p.resolve, p.reject);
  }
}

/**
 * The worker's start: readAheadWorker.ts beside this file, through tsx's loader, as the CLI and
 * the tests run (from sources). A bundled build has no such file: null, no worker.
 */
function workerScript(): string | null {
  const file = join(__dirname, 'readAheadWorker.ts');
  if (!__filename.endsWith('.ts') || !existsSync(file)) return null;
  let tsx: string;
  try {
    tsx = createRequire(__filename).resolve('tsx/cjs/api');
  } catch {
    return null;
  }
  return `require(${JSON.stringify(tsx)}).require(${JSON.stringify(file)}, ${JSON.stringify(file)});`;
}
