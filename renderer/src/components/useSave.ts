import { notifications } from '@mantine/notifications';
import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcError, IpcResult } from '../../../shared/contracts';
import { safeCall } from '../api';
import { outbox } from './outbox';
import { danishClockOf } from '../../../shared/numbers/danishDate';

/** `retrying`: the server could not be reached; the save waits and is sent again by itself. */
export type SaveState = 'idle' | 'saving' | 'saved' | 'error' | 'retrying';

/** An error in the UI language: the message to show, and the server's (Danish) text as detail. */
export interface ErrorParts {
  message: string;
  /** The server's own message, when it is not already the message (English UI). */
  detail: string | null;
}

/**
 * Translates an error answered by main. The server speaks Danish: in Danish its message is the
 * most precise one and is shown as it is; in English the message of the error code is shown
 * (for VALIDATION with the fields it concerns) and the Danish text is kept as detail.
 */
export function useErrorParts(): (error: IpcError) => ErrorParts {
  const { t, i18n } = useTranslation();
  return useCallback(
    (error: IpcError) => {
      const key = `errors.${error.code}`;
      const known = i18n.exists(key);
      const generic = known ? t(key) : t('errors.INTERNAL');
      if (i18n.language === 'da') return { message: error.message || generic, detail: null };
      // Someone else saved first: who and when is all there is to say, in either language.
      if (error.code === 'STALE_WRITE' && error.stale?.changedBy && error.stale.changedAt)
        return { message: t('errors.STALE_WRITE_by', { name: error.stale.changedBy, time: danishClockOf(error.stale.changedAt) }), detail: null };
      const fields = error.code === 'VALIDATION' ? [...new Set((error.issues ?? []).map((i) => i.path).filter(Boolean))] : [];
      const message = fields.length ? t('errors.VALIDATION_fields', { count: fields.length, fields: fields.join(', ') }) : generic;
      const detail = error.message && error.message !== message ? error.message : null;
      return { message, detail };
    },
    [t, i18n],
  );
}

/** The error as one line: in English the translated message with the Danish text as detail. */
export function useErrorText(): (error: IpcError) => string {
  const { t } = useTranslation();
  const parts = useErrorParts();
  return useCallback(
    (error: IpcError) => {
      const p = parts(error);
      return p.detail ? `${p.message} ${t('errors.detail', { detail: p.detail })}` : p.message;
    },
    [parts, t],
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
  const { t } = useTranslation();
  const seq = useRef(0);
  // This field's place in the outbox: a newer save of it replaces a waiting older one.
  const key = useId();
  const run = useCallback(async <T,>(call: () => Promise<IpcResult<T>>): Promise<IpcResult<T>> => {
    const mine = ++seq.current;
    setState('saving');
    let result = await safeCall(call);
    if (!result.ok && result.error.retry) {
      // The server did not answer: the save waits in the outbox and goes again by itself; the
      // field keeps the user's input and says so meanwhile.
      if (mine === seq.current) {
        setState('retrying');
        setError(result.error);
      }
      result = await outbox.hold(key, call);
    }
    if (mine === seq.current) {
      setState(result.ok ? 'saved' : 'error');
      setError(result.ok ? null : result.error);
    }
    return result;
  }, [key]);
  const reset = useCallback(() => {
    seq.current++;
    setState('idle');
    setError(null);
  }, []);
  const errorMessage = !error ? null : state === 'retrying' ? t('errors.retrying') : errorText(error);
  return { state, error, errorMessage, run, reset };
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
