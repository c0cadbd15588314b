import { Alert, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconRestore, IconTrash, IconTrashX } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcError, RecycleBinItem } from '../../../shared/contracts';
import { RECYCLE_BIN_KEEP_DAYS } from '../../../shared/recycleBin';
import { safeCall, useApi } from '../api';
import { closeUndoNotice } from '../components/undoNotice';
import { useErrorText, useNotifyError } from '../components/useSave';
import { useFormatter } from '../format';

/**
 * The Papirkurv (issue 15, "nothing lost by a slip"): deleted projects and goals, kept for
 * RECYCLE_BIN_KEEP_DAYS days; each can be restored or deleted for good, and the bin emptied.
 */
export function RecycleBinView() {
  const { t } = useTranslation();
  const api = useApi();
  const fmt = useFormatter();
  const errorText = useErrorText();
  const notifyError = useNotifyError();
  const [entries, setEntries] = useState<RecycleBinItem[] | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const [version, setVersion] = useState(0);
  const load = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let live = true;
    void safeCall(() => api.recycleBinList({})).then((r) => {
      if (!live) return;
      if (r.ok) {
        setEntries(r.value);
        setError(null);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [api, version]);

  const keyOf = (e: RecycleBinItem) => `${e.kind}-${e.id}`;
  const what = (e: RecycleBinItem) => (e.kind === 'project' ? t('recycleBin.kindProject') : t('recycleBin.kindGoal'));

  const restore = async (entry: RecycleBinItem) => {
    setBusy(keyOf(entry));
    const r = await safeCall(() => api.recycleBinRestore({ kind: entry.kind, id: entry.id }));
    setBusy(null);
    if (!r.ok) {
      notifyError(r.error);
      // The entry may have gone meanwhile (its "Fortryd" was used): show the bin as it is.
      load();
      return;
    }
    // The "Fortryd" of the same delete would have nothing left to undo.
    closeUndoNotice(entry.kind, entry.id);
    notifications.show({ color: 'green', message: t('recycleBin.restored', { label: entry.label }) });
    load();
  };

  const purge = (entry: RecycleBinItem) =>
    modals.openConfirmModal({
      title: t('recycleBin.purgeTitle'),
      children: <Text size="sm">{t(entry.kind === 'project' ? 'recycleBin.purgeConfirmProject' : 'recycleBin.purgeConfirmGoal', { label: entry.label })}</Text>,
      labels: { confirm: t('recycleBin.purgeConfirmButton'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        const r = await safeCall(() => api.recycleBinPurge({ kind: entry.kind, id: entry.id }));
        if (!r.ok) {
          notifyError(r.error);
          load();
          return;
        }
        closeUndoNotice(entry.kind, entry.id);
        notifications.show({ color: 'gray', message: t('recycleBin.purged', { label: entry.label }) });
        load();
      },
    });

  const empty = () =>
    modals.openConfirmModal({
      title: t('recycleBin.emptyTitle'),
      children: <Text size="sm">{t('recycleBin.emptyConfirm', { count: entries?.length ?? 0 })}</Text>,
      labels: { confirm: t('recycleBin.emptyConfirmButton'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        const r = await safeCall(() => api.recycleBinEmpty({}));
        if (!r.ok) {
          notifyError(r.error);
          return;
        }
        for (const e of entries ?? []) closeUndoNotice(e.kind, e.id);
        notifications.show({ color: 'gray', message: t('recycleBin.emptied', { count: r.value.purged }) });
        load();
      },
    });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('recycleBin.title')}</Title>
          <Text c="dimmed" size="sm">
            {t('recycleBin.intro', { days: RECYCLE_BIN_KEEP_DAYS })}
          </Text>
        </div>
        <Button color="red" variant="light" leftSection={<IconTrashX size={16} aria-hidden />} disabled={!entries || entries.length === 0} onClick={empty}>
          {t('recycleBin.empty')}
        </Button>
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {errorText(error)}
        </Alert>
      )}
      {entries === null && !error ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : entries && entries.length === 0 ? (
        <Text data-testid="recycle-bin-empty">{t('recycleBin.nothing')}</Text>
      ) : entries ? (
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="xs" fz="sm" aria-label={t('recycleBin.tableLabel')} data-testid="recycle-bin-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('recycleBin.what')}</Table.Th>
                <Table.Th>{t('recycleBin.name')}</Table.Th>
                <Table.Th>{t('recycleBin.project')}</Table.Th>
                <Table.Th>{t('recycleBin.deletedAt')}</Table.Th>
                <Table.Th>{t('recycleBin.deletedBy')}</Table.Th>
                <Table.Th ta="right">{t('recycleBin.daysLeft')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((e) => {
                const blocked = e.kind === 'goal' && e.projectDeleted;
                return (
                  <Table.Tr key={keyOf(e)} data-testid={`recycle-bin-${keyOf(e)}`}>
                    <Table.Td>{what(e)}</Table.Td>
                    <Table.Td>{e.label}</Table.Td>
                    <Table.Td>
                      {e.kind === 'project' ? '–' : e.projectName || t('recycleBin.unknown')}
                      {blocked && (
                        <Text size="xs" c="dimmed" id={`recycle-bin-blocked-${keyOf(e)}`}>
                          {t('recycleBin.projectDeleted')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(e.deletedAt)}</Table.Td>
                    <Table.Td>{e.deletedBy || t('recycleBin.unknown')}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {t('recycleBin.days', { count: e.daysLeft })}
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="light"
                          leftSection={<IconRestore size={14} aria-hidden />}
                          loading={busy === keyOf(e)}
                          disabled={blocked}
                          aria-label={t('recycleBin.restoreLabel', { what: what(e), label: e.label })}
                          aria-describedby={blocked ? `recycle-bin-blocked-${keyOf(e)}` : undefined}
                          onClick={() => void restore(e)}
                        >
                          {t('recycleBin.restore')}
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          leftSection={<IconTrash size={14} aria-hidden />}
                          aria-label={t('recycleBin.purgeLabel', { what: what(e), label: e.label })}
                          onClick={() => purge(e)}
                        >
                          {t('recycleBin.purge')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}
