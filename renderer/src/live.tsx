import { Alert, Badge, Button, Group, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveEvent, Viewer } from '../../shared/contracts';
import { safeCall, useApi } from './api';
import { outbox, useWaitingSaves } from './components/outbox';

/**
 * A team on one server (issue 13): others' changes reach the open views without reloading, an
 * open project shows who else has it open, and a lost line to the server is said at once. The
 * events come from main (Electron: the preload's onLive; the browser preview: its event stream);
 * where nothing pushes them (a SQLite file, a test without them) nothing happens.
 */

interface LiveContextValue {
  /** Per project id, how many batches of others' changes arrived; key 0 counts "everything". */
  changes: Map<number, number>;
  /** The last batch (who changed what), for a notice. */
  last: { projectIds: number[]; users: string[]; everything: boolean } | null;
  others: Viewer[];
  connected: boolean;
}

const EMPTY: LiveContextValue = { changes: new Map(), last: null, others: [], connected: true };
const LiveContext = createContext<LiveContextValue>(EMPTY);

export function LiveProvider({ children }: { children: ReactNode }) {
  const [value, setValue] = useState<LiveContextValue>(EMPTY);
  const { t } = useTranslation();
  useEffect(() => {
    return window.appEvents?.onLive?.((event: LiveEvent) => {
      if (event.kind === 'changes') {
        setValue((v) => {
          const changes = new Map(v.changes);
          for (const id of event.everything ? [0] : event.projectIds) changes.set(id, (changes.get(id) ?? 0) + 1);
          return { ...v, changes, last: event };
        });
      } else if (event.kind === 'presence') setValue((v) => ({ ...v, others: event.others }));
      else {
        setValue((v) => ({ ...v, connected: event.connected }));
        if (event.connected) {
          notifications.show({ color: 'green', message: t('live.back') });
          // What waited for the server goes now, not after the pause it was in.
          outbox.retryNow();
        }
      }
    });
  }, [t]);
  const waiting = useWaitingSaves();
  useEffect(() => {
    if (waiting === 0) return;
    // Closing the window now would lose what waits: the browser asks, Electron's main asks (will-prevent-unload).
    const ask = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [waiting]);
  return (
    <LiveContext.Provider value={value}>
      {(!value.connected || waiting > 0) && (
        // Under the app's header, over the page, wherever the user is: said at once, not hidden by scrolling.
        <Alert
          color="orange"
          variant="filled"
          title={value.connected ? t('live.waitingTitle') : t('live.lostTitle')}
          data-testid="live-lost"
          role="alert"
          style={{ position: 'fixed', top: 64, left: '50%', transform: 'translateX(-50%)', zIndex: 400, maxWidth: 560, width: 'calc(100% - 32px)' }}
        >
          {!value.connected && <Text size="sm">{t('live.lost')}</Text>}
          {waiting > 0 && (
            <Group gap="xs" mt={value.connected ? 0 : 4} wrap="nowrap" justify="space-between">
              <Text size="sm" data-testid="saves-waiting">
                {t('live.waiting', { count: waiting })}
              </Text>
              <Button size="compact-xs" variant="white" color="orange" style={{ flexShrink: 0 }} onClick={() => outbox.retryNow()}>
                {t('live.retryNow')}
              </Button>
            </Group>
          )}
        </Alert>
      )}
      {children}
    </LiveContext.Provider>
  );
}

/**
 * A number that grows each time others change `projectId` (or anything, with null: any
 * project); 0 until then. A view puts it among its effect's dependencies to load again.
 */
export function useLiveChanges(projectId: number | null): number {
  const { changes } = useContext(LiveContext);
  if (projectId === null) {
    let n = 0;
    for (const v of changes.values()) n += v;
    return n;
  }
  return (changes.get(projectId) ?? 0) + (changes.get(0) ?? 0);
}

/** Who made the latest change (login names), for the notice "Opdateret: NAME har ændret …". */
export function useLastChange(): LiveContextValue['last'] {
  return useContext(LiveContext).last;
}

/** Says to the others that this window shows `projectId`; answers who else has it open. */
export function usePresence(projectId: number): string[] {
  const api = useApi();
  const { others } = useContext(LiveContext);
  const [initial, setInitial] = useState<Viewer[]>([]);
  const [heard, setHeard] = useState(false);
  useEffect(() => {
    let gone = false;
    void safeCall(() => api.presenceSet({ projectId })).then((r) => {
      if (!gone && r.ok && Array.isArray(r.value?.others)) setInitial(r.value.others);
    });
    return () => {
      gone = true;
      void safeCall(() => api.presenceSet({ projectId: null }));
    };
  }, [api, projectId]);
  useEffect(() => {
    // Once an event arrived it is the truth; before, the answer of the announcement.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (others !== EMPTY.others) setHeard(true);
  }, [others]);
  const list = heard ? others : initial;
  return [...new Set(list.filter((v) => v.projectId === projectId).map((v) => v.user))].sort((a, b) => a.localeCompare(b, 'da'));
}

/** "Også åben hos: lars, mette" beside a project's title; nothing when no one else has it open. */
export function OpenElsewhere({ projectId }: { projectId: number }) {
  const { t } = useTranslation();
  const users = usePresence(projectId);
  if (users.length === 0) return null;
  return (
    <Group gap={4} data-testid="open-elsewhere">
      <Tooltip label={t('live.openElsewhereHint')}>
        <Badge variant="light" color="grape">
          {t('live.openElsewhere', { users: users.join(', ') })}
        </Badge>
      </Tooltip>
    </Group>
  );
}

/** Loads again when others change the project, and says who did (the user's own typing stays: fields keep what is not saved). */
export function useReloadOnOthersChanges(projectId: number, reload: () => Promise<void>): void {
  const { t } = useTranslation();
  const changed = useLiveChanges(projectId);
  const last = useLastChange();
  useEffect(() => {
    if (changed === 0) return;
    void reload();
    if (last) notifications.show({ color: 'blue', message: t('live.updated', { users: last.users.join(', ') || '?' }) });
    // Only a new batch of changes loads again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [changed]);
}
