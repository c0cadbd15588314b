import { parentPort } from 'node:worker_threads';
import { prepareFile } from './prepare';
import type { ReadAheadAnswer, ReadAheadAsk } from './readAhead';

/**
 * The worker thread of readAhead.ts: reads and parses the files it is sent, one at a time, in
 * the order sent, and answers each with what prepareFile gave (a failed file as its error's
 * parts, since an Error's class does not cross threads). It says when it is ready: its modules loaded.
 */
const port = parentPort;
if (!port) throw new Error('readAheadWorker.ts runs as a worker thread (readAhead.ts starts it).');

let queue: Promise<void> = Promise.resolve();
/** Files the main thread took back (it reads them itself) before this worker began them. */
const cancelled = new Set<number>();
port.on('message', (ask: ReadAheadAsk) => {
  if ('cancel' in ask) {
    cancelled.add(ask.cancel);
    return;
  }
  queue = queue.then(async () => {
    if (cancelled.delete(ask.id)) return;
    let answer: ReadAheadAnswer;
    try {
      const prepared = await prepareFile({ path: ask.path });
      answer =
        'failed' in prepared
          ? { id: ask.id, name: prepared.name, failed: { file: prepared.failed.file, location: prepared.failed.location, message: prepared.failed.message, msg: prepared.failed.msg } }
          : { id: ask.id, name: prepared.name, bytes: prepared.bytes, parsed: prepared.parsed };
    } catch (err) {
      answer = { id: ask.id, error: err instanceof Error ? err.message : String(err) };
    }
    port.postMessage(answer);
  });
});
port.postMessage({ ready: true } satisfies ReadAheadAnswer);
