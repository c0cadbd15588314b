import { ActionIcon, Alert, Button, Group, Loader, NumberInput, Stack, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconExternalLink } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PdfDocument } from './pdfjs';
import './pdfViewer.css';

const SCALE = 1.25;

export interface PdfViewerProps {
  fileName: string;
  /** The file's bytes, as main sent them (base64). */
  dataBase64: string;
  /** The page the provenance note names (1-based), or null: the first page. */
  page: number | null;
  /** Opens the file with the OS app instead (the existing route). */
  onOpenExternally: () => void;
}

function bytesOf(base64: string): Uint8Array {
  const text = atob(base64);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

/** A kept PDF in the app, at the page of its note, with page navigation (pdfjs-dist). */
export function PdfViewer({ fileName, dataBase64, page, onOpenExternally }: PdfViewerProps) {
  const { t } = useTranslation();
  const [doc, setDoc] = useState<PdfDocument | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [current, setCurrent] = useState(page ?? 1);
  const [rendered, setRendered] = useState<number | null>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const text = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    let opened: PdfDocument | null = null;
    void import('./pdfjs')
      .then(({ openPdf }) => openPdf(bytesOf(dataBase64)))
      .then((d) => {
        opened = d;
        if (!live) return void d.destroy();
        setDoc(d);
        setCurrent((c) => Math.min(Math.max(1, c), d.numPages));
      })
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
      void opened?.destroy();
    };
  }, [dataBase64]);

  useEffect(() => {
    if (!doc || !canvas.current || !text.current) return;
    let live = true;
    setRendered(null);
    void import('./pdfjs')
      .then(({ renderPage }) => renderPage(doc, current, canvas.current!, text.current!, SCALE))
      .then(() => live && setRendered(current))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [doc, current]);

  const pages = doc?.numPages ?? 0;
  const beyond = doc !== null && page !== null && page > pages;
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap">
        <Group gap="xs" aria-label={t('pdfViewer.navigation')} role="group">
          <ActionIcon variant="default" size="lg" aria-label={t('pdfViewer.previous')} disabled={!doc || current <= 1} onClick={() => setCurrent((c) => c - 1)}>
            <IconChevronLeft size={18} aria-hidden />
          </ActionIcon>
          <NumberInput
            aria-label={t('pdfViewer.pageInput')}
            w={80}
            min={1}
            max={Math.max(1, pages)}
            value={current}
            disabled={!doc}
            allowDecimal={false}
            clampBehavior="strict"
            onChange={(v) => typeof v === 'number' && v >= 1 && v <= pages && setCurrent(v)}
          />
          <ActionIcon variant="default" size="lg" aria-label={t('pdfViewer.next')} disabled={!doc || current >= pages} onClick={() => setCurrent((c) => c + 1)}>
            <IconChevronRight size={18} aria-hidden />
          </ActionIcon>
          <Text size="sm" aria-live="polite" data-testid="pdf-page-status">
            {doc ? t('pdfViewer.pageOf', { page: current, pages }) : t('pdfViewer.loading')}
          </Text>
        </Group>
        <Button variant="default" leftSection={<IconExternalLink size={16} aria-hidden />} onClick={onOpenExternally}>
          {t('pdfViewer.openExternally')}
        </Button>
      </Group>
      {page !== null && !beyond ? (
        <Text size="sm" c="dimmed">
          {t('pdfViewer.notePage', { page })}
        </Text>
      ) : null}
      {beyond ? (
        <Alert color="yellow" title={t('pdfViewer.beyondTitle')}>
          {t('pdfViewer.beyond', { page, pages, file: fileName })}
        </Alert>
      ) : null}
      {error ? (
        <Alert color="red" title={t('pdfViewer.failed', { file: fileName })}>
          {error}
        </Alert>
      ) : null}
      {!doc && !error ? <Loader size="sm" aria-label={t('pdfViewer.loading')} /> : null}
      <div style={{ overflow: 'auto', maxHeight: '70vh', background: 'var(--mantine-color-gray-1)', padding: 8 }}>
        <div className="pdf-page" data-page={rendered ?? undefined} style={{ width: 'fit-content' }}>
          <canvas ref={canvas} role="img" aria-label={t('pdfViewer.canvasLabel', { file: fileName, page: current })} />
          <div ref={text} className="textLayer" />
        </div>
      </div>
    </Stack>
  );
}
