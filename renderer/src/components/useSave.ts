import { notifications } from '@mantine/notifications';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcError, IpcResult } from '../../../shared/contracts';
import { safeCall } from '../api';

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

/** Translates an error answered by main; the server's own (Danish) message is kept as detail. */
export function useErrorText(): (error: IpcError) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (error: IpcError) => {
      const key = `errors.${error.code}`;
      const generic = i18n.exists(key) ? t(key) : t('errors.INTERNAL');
      // The server speaks Danish; in Danish its message is the most precise one.
      if (i18n.language === 'da') return error.message || generic;
      return error.message ? `${generic} (${error.message})` : generic;
    },
    [t, i18n],
  );
}

/**
 * Runs one save through the api: tracks its state and error, and reports whether it worked.
 * A failed save never throws; the caller keeps the user's input.
 */
export function useSave() {
  const [state, setState] = useState<SaveState>('idle');
  const [error, setError] = useState<IpcError | null>(null);
  const errorText = useErrorText();
  const seq = useRef(0);
  const run = useCallback(async <T,>(call: () => Promise<IpcResult<T>>): Promise<IpcResult<T>> => {
    const mine = ++seq.current;
    setState('saving');
    const result = await safeCall(call);
    if (mine === seq.current) {
      setState(result.ok ? 'saved' : 'error');
      setError(result.ok ? null : result.error);
    }
    return result;
  }, []);
  const reset = useCallback(() => {
    seq.current++;
    setState('idle');
    setError(null);
  }, []);
  return { state, error, errorMessage: error ? errorText(error) : null, run, reset };
}

/** Shows a failed action (one that has no field to show its error beside) as a notification. */
export function useNotifyError() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return useCallback(
    (error: IpcError) =>
      notifications.show({ color: 'red', title: t('errors.title'), message: errorText(error), autoClose: 8000 }),
    [t, errorText],
  );
}
