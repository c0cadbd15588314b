import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ReaderMsg } from '../../shared/import/readerNotes';
import { cancelled, ImportFileError } from './errors';
import type { ParsedFile } from './parseFile';
import { prepareFile, type PreparedFile } from './prepare';

/** What readAheadWorker.ts is asked: one file to read and parse. */
export interface ReadAheadAsk {
  id: number;
  path: string;
}

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

/**
 * Files read and parsed in a worker thread, ahead of the main thread's work: a folder import
 * (the CLI's `import FOLDER`) hands it the next files while it compares and writes the current
 * one, so reading a workbook (exceljs, all CPU) and storing the last one run on two cores
 * instead of taking turns on one. The worker touches no store; what it gives is exactly what
 * prepareFile gives in this thread. Where no worker can run (a bundled build has no
 * readAheadWorker.ts beside it) or it stops, files are read here instead, as before.
 */
export class ReadAhead {
  private next = 0;
  private readonly pending = new Map<number, Pending>();
  private loaded = false;

  private constructor(private worker: Worker | null) {
    if (!worker) return;
    worker.on('message', (answer: ReadAheadAnswer) => this.settle(answer));
    // A worker that fails or exits leaves its files to this thread: the user gets the same answer.
    worker.on('error', () => this.stopWorker());
    worker.on('exit', () => this.stopWorker());
    // It keeps the process alive only while a file is being read (close() ends it).
    worker.unref();
  }

  static open(): ReadAhead {
    const script = workerScript();
    if (!script) return new ReadAhead(null);
    try {
      return new ReadAhead(new Worker(script, { eval: true }));
    } catch {
      return new ReadAhead(null);
    }
  }

  /** Whether files are read in a worker thread (false: in this one). */
  get threaded(): boolean {
    return this.worker !== null;
  }

  /**
   * Whether the worker has loaded what it reads with (exceljs alone takes most of a second): until
   * then a caller does better reading the file in hand itself than waiting for the worker.
   */
  get ready(): boolean {
    return this.worker !== null && this.loaded;
  }

  /** The file read and parsed; it is sent to the worker at once and read in the order sent. */
  prepare(path: string): Promise<PreparedFile> {
    const worker = this.worker;
    if (!worker) return prepareFile({ path });
    const id = ++this.next;
    return new Promise<PreparedFile>((resolve, reject) => {
      this.pending.set(id, { path, resolve, reject });
      worker.ref();
      worker.postMessage({ id, path } satisfies ReadAheadAsk);
    });
  }

  /** Ends the worker; files still being read are not read (their promises fail as cancelled). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    const left = [...this.pending.values()];
    this.pending.clear();
    for (const p of left) p.reject(cancelled());
    await worker?.terminate();
  }

  private settle(answer: ReadAheadAnswer): void {
    if ('ready' in answer) {
      this.loaded = true;
      return;
    }
    const waiting = this.pending.get(answer.id);
    if (!waiting) return;
    this.pending.delete(answer.id);
    if (this.pending.size === 0) this.worker?.unref();
    if ('error' in answer) waiting.reject(new Error(answer.error));
    else if ('failed' in answer) {
      const { file, location, message, msg } = answer.failed;
      waiting.resolve({ name: answer.name, failed: new ImportFileError(file, location, msg ?? message) });
    } else waiting.resolve({ name: answer.name, bytes: answer.bytes, parsed: answer.parsed });
  }

  /** The worker failed or exited by itself: the files it had are read in this thread. */
  private stopWorker(): void {
    if (!this.worker) return;
    this.worker = null;
    const left = [...this.pending.values()];
    this.pending.clear();
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
