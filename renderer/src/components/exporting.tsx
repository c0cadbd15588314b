import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { safeCall, useApi } from '../api';
import { useNotifyError } from './useSave';

/** Menu commands from Electron's menu, re-broadcast in the window so the view on screen can act. */
export const MENU_COMMAND_EVENT = 'trafiklys:menu-command';

export function useMenuCommand(command: string, run: () => void): void {
  useEffect(() => {
    const listener = (e: Event) => {
      if ((e as CustomEvent<string>).detail === command) run();
    };
    window.addEventListener(MENU_COMMAND_EVENT, listener);
    return () => window.removeEventListener(MENU_COMMAND_EVENT, listener);
  }, [command, run]);
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
    (path: string) => {
      const id = `export-${Date.now()}`;
      notifications.show({
        id,
        color: 'green',
        title: t('export.done'),
        autoClose: 10000,
        message: (
          <>
            <div style={{ wordBreak: 'break-all' }}>{path}</div>
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
        const r = await safeCall(() => api.exportEvaluation({ projectId, evaluationId, outPath }));
        if (!r.ok) return notifyError(r.error);
        done(r.value.path);
      } finally {
        setBusy(false);
      }
    },
    [api, done, notifyError],
  );

  const exportPortfolio = useCallback(async () => {
    setBusy(true);
    try {
      const where = await safeCall(() => api.chooseSavePath({ kind: 'portfolio', defaultName: `${t('export.portfolioFile')}.xlsx` }));
      if (!where.ok) return notifyError(where.error);
      if (!where.value.path) return;
      const outPath = where.value.path;
      const r = await safeCall(() => api.exportPortfolio({ outPath }));
      if (!r.ok) return notifyError(r.error);
      done(r.value.path);
    } finally {
      setBusy(false);
    }
  }, [api, done, notifyError, t]);

  return { busy, exportEvaluation, exportPortfolio };
}
