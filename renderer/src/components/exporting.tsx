import { Button, Progress, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { safeCall, useApi } from '../api';
import type { PortfolioFilter } from '../../../shared/portfolioFilter';
import { useNotifyError } from './useSave';

/** Menu commands from Electron's menu, re-broadcast in the window so the view on screen can act. */
export const MENU_COMMAND_EVENT = 'trafiklys:menu-command';

/** A command for a view that is not on screen yet (e.g. File > Import on the methodology page). */
let pendingCommand: string | null = null;

/** Sends a menu command to the view on screen; `later` keeps it for the next view that handles it. */
export function sendMenuCommand(command: string, later = false): void {
  if (later) pendingCommand = command;
  else window.dispatchEvent(new CustomEvent(MENU_COMMAND_EVENT, { detail: command }));
}

export function useMenuCommand(command: string, run: () => void): void {
  useEffect(() => {
    const listener = (e: Event) => {
      if ((e as CustomEvent<string>).detail === command) run();
    };
    window.addEventListener(MENU_COMMAND_EVENT, listener);
    if (pendingCommand === command) {
      pendingCommand = null;
      run();
    }
    return () => window.removeEventListener(MENU_COMMAND_EVENT, listener);
  }, [command, run]);
}

/**
 * Shows a "working" notice with the progress main reports for `task` (Electron only; elsewhere it
 * stays a spinner), and returns a function that stops listening.
 */
function progressNotice(id: string, title: string, task: 'export' | 'import', progressText: (done: number, total: number) => string): () => void {
  notifications.show({ id, loading: true, title, message: '', autoClose: false, withCloseButton: false });
  const unsubscribe = window.appEvents?.onProgress?.((event) => {
    if (event.task !== task || event.total <= 0) return;
    const value = Math.max(0, Math.min(100, (event.done / event.total) * 100));
    notifications.update({
      id,
      loading: true,
      title,
      autoClose: false,
      withCloseButton: false,
      message: (
        <div data-testid="export-progress">
          <Text size="xs" mb={4}>
            {event.phase ? `${event.phase} · ` : ''}
            {progressText(event.done, event.total)}
          </Text>
          <Progress value={value} size="sm" aria-label={progressText(event.done, event.total)} />
        </div>
      ),
    });
  });
  return () => unsubscribe?.();
}

function safeName(name: string): string {
  return name.replace(/[\\/:*?"<>|]/g, '_').slice(0, 120);
}

/**
 * Exports a workbook: asks main where to save (the save dialog in Electron), writes it, and
 * offers to show the file. Nothing is written when the user cancels.
 */
export function useExport() {
  const { t } = useTranslation();
  const api = useApi();
  const notifyError = useNotifyError();
  const [busy, setBusy] = useState(false);

  const done = useCallback(
    (path: string, id: string, title = t('export.done')) => {
      notifications.update({
        id,
        loading: false,
        withCloseButton: true,
        color: 'green',
        title,
        autoClose: 10000,
        message: (
          <>
            <div style={{ wordBreak: 'break-all' }} data-testid="saved-path">{path}</div>
            <Button
              size="xs"
              variant="light"
              mt={4}
              onClick={async () => {
                const r = await safeCall(() => api.showInFolder({ path }));
                if (!r.ok) notifyError(r.error);
                notifications.hide(id);
              }}
            >
              {t('export.showInFolder')}
            </Button>
          </>
        ),
      });
    },
    [api, notifyError, t],
  );

  const exportEvaluation = useCallback(
    async (projectId: number, evaluationId: number | undefined, projectName: string) => {
      setBusy(true);
      try {
        const where = await safeCall(() => api.chooseSavePath({ kind: 'evaluation', defaultName: `${safeName(projectName)}.xlsx` }));
        if (!where.ok) return notifyError(where.error);
        if (!where.value.path) return;
        const outPath = where.value.path;
        const id = `export-${Date.now()}`;
        const stop = progressNotice(id, t('export.working'), 'export', (d, n) => t('export.progress', { done: d, total: n }));
        const r = await safeCall(() => api.exportEvaluation({ projectId, evaluationId, outPath }));
        stop();
        if (!r.ok) {
          notifications.hide(id);
          return notifyError(r.error);
        }
        done(r.value.path, id);
      } finally {
        setBusy(false);
      }
    },
    [api, done, notifyError, t],
  );

  /**
   * The written evaluation report (DOCX or PDF) of one round, in the language chosen; without a
   * round (`evaluationId` undefined on a project that has none) main writes the project status.
   */
  const exportReport = useCallback(
    async (projectId: number, evaluationId: number | undefined, projectName: string, format: 'docx' | 'pdf', lang: 'da' | 'en') => {
      setBusy(true);
      try {
        const statusOnly = evaluationId === undefined;
        const kind = format === 'docx' ? 'reportDocx' : 'reportPdf';
        const defaultName = `${safeName(projectName)} - ${t(statusOnly ? 'projectReport.file' : 'report.file')}.${format}`;
        const where = await safeCall(() => api.chooseSavePath({ kind, defaultName }));
        if (!where.ok) return notifyError(where.error);
        if (!where.value.path) return;
        const outPath = where.value.path;
        const id = `report-${Date.now()}`;
        const stop = progressNotice(id, t('export.working'), 'export', (d, n) => t('export.progress', { done: d, total: n }));
        const r = await safeCall(() => api.exportReport({ projectId, evaluationId, format, lang, outPath }));
        stop();
        if (!r.ok) {
          notifications.hide(id);
          return notifyError(r.error);
        }
        done(r.value.path, id, t(statusOnly ? 'projectReport.done' : 'report.done'));
      } finally {
        setBusy(false);
      }
    },
    [api, done, notifyError, t],
  );

  /** Exports the portfolio; with `filter`, only the projects it shows (as on screen). */
  const exportPortfolio = useCallback(async (filter?: PortfolioFilter) => {
    setBusy(true);
    try {
      const where = await safeCall(() => api.chooseSavePath({ kind: 'portfolio', defaultName: `${t('export.portfolioFile')}.xlsx` }));
      if (!where.ok) return notifyError(where.error);
      if (!where.value.path) return;
      const outPath = where.value.path;
      const id = `export-${Date.now()}`;
      const stop = progressNotice(id, t('export.working'), 'export', (d, n) => t('export.progress', { done: d, total: n }));
      const r = await safeCall(() => api.exportPortfolio(filter ? { outPath, filter } : { outPath }));
      stop();
      if (!r.ok) {
        notifications.hide(id);
        return notifyError(r.error);
      }
      done(r.value.path, id);
    } finally {
      setBusy(false);
    }
  }, [api, done, notifyError, t]);

  /** File > Save template: the status-report workbook a grant recipient fills in. */
  const saveTemplate = useCallback(async () => {
    setBusy(true);
    try {
      const where = await safeCall(() => api.chooseSavePath({ kind: 'template', defaultName: 'statusrapport.xlsx' }));
      if (!where.ok) return notifyError(where.error);
      if (!where.value.path) return;
      const outPath = where.value.path;
      const id = `template-${Date.now()}`;
      notifications.show({ id, loading: true, title: t('template.save'), message: '', autoClose: false });
      const r = await safeCall(() => api.importSaveTemplate({ outPath }));
      if (!r.ok) {
        notifications.hide(id);
        return notifyError(r.error);
      }
      done(r.value.path, id, t('template.saved'));
    } finally {
      setBusy(false);
    }
  }, [api, done, notifyError, t]);

  return { busy, exportEvaluation, exportReport, exportPortfolio, saveTemplate };
}
