import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

/**
 * pdfjs-dist for the in-app viewer, loaded on first use (its own chunk: the first screen does
 * not pay for it). The worker is a file of the renderer build served from 'self', which the CSP's
 * script-src allows; eval is off (no 'unsafe-eval' in the CSP) and the bytes come from main
 * (`sourceRead`), so pdfjs fetches nothing.
 */
pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

export type PdfDocument = pdfjs.PDFDocumentProxy;

export function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  return pdfjs.getDocument({ data: bytes, isEvalSupported: false, enableXfa: false, verbosity: 0 }).promise;
}

/** Draws page `n` into the canvas and its text into `textLayer` (selectable, read by screen readers). */
export async function renderPage(doc: PdfDocument, n: number, canvas: HTMLCanvasElement, textLayer: HTMLDivElement, scale: number): Promise<void> {
  const page = await doc.getPage(n);
  const viewport = page.getViewport({ scale });
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  canvas.style.width = `${Math.floor(viewport.width)}px`;
  canvas.style.height = `${Math.floor(viewport.height)}px`;
  await page.render({ canvas, viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined }).promise;
  textLayer.replaceChildren();
  textLayer.style.setProperty('--scale-factor', String(scale));
  textLayer.style.setProperty('--total-scale-factor', String(scale));
  await new pdfjs.TextLayer({ textContentSource: page.streamTextContent(), container: textLayer, viewport }).render();
}
