import { Badge, Button, Group, Modal, Paper, Stack, Text, Textarea } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconLock, IconLockOpen } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationDetail } from '../../../../shared/contracts';
import type { Evaluation } from '../../../../shared/domain';
import { profileVersionLabel } from '../../../../shared/methodology/profileVersion';
import { safeCall, useApi } from '../../api';
import { useReturnFocusOnUnmount } from '../../components/focus';
import { LockProvider } from '../../components/lock';
import { useNotifyError, useSave } from '../../components/useSave';
import { useFormatter } from '../../format';
import { useProjectData } from './ProjectData';

/** "Slutevaluering 02.12.2022" */
export function useRoundLabel(): (e: Pick<Evaluation, 'type' | 'date'>) => string {
  const { t } = useTranslation();
  const fmt = useFormatter();
  return (e) => `${t(`evaluationType.${e.type}`)} ${fmt.date(e.date)}`;
}

/** Why the round on screen is locked, in the UI's language; null for a draft. */
export function useLockReason(detail: EvaluationDetail | null): string | null {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const label = useRoundLabel();
  if (!detail || detail.signOff.state !== 'final') return null;
  return t('signOff.lockedReason', {
    round: label(detail.evaluation),
    date: fmt.date(detail.signOff.finalizedAt),
    user: detail.signOff.finalizedBy,
  });
}

/** Makes the editable fields inside read-only (with the reason) while the round on screen is final. */
export function RoundLock({ children }: { children: ReactNode }) {
  const { evaluation } = useProjectData();
  // A team server's rights are a layer of their own (rights.tsx): they stay when the round is a draft.
  const reason = useLockReason(evaluation);
  return <LockProvider reason={reason}>{children}</LockProvider>;
}

function ReopenModal({ detail, onClose, onDone }: { detail: EvaluationDetail; onClose: () => void; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const api = useApi();
  const label = useRoundLabel();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const save = useSave();
  // Shown by mounting: the focus goes back to "Genåbn" when the dialog is cancelled.
  useReturnFocusOnUnmount();
  const submit = async () => {
    // Main refuses an empty reason too (REASON_REQUIRED); this only saves the round trip.
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    const result = await save.run(() => api.evaluationReopen({ evaluationId: detail.evaluation.id, reason }));
    if (result.ok) {
      notifications.show({ color: 'blue', message: t('signOff.reopened') });
      await onDone();
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('signOff.reopenTitle', { round: label(detail.evaluation) })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <Textarea
            label={t('signOff.reason')}
            description={t('signOff.reopenHelp')}
            withAsterisk
            autosize
            minRows={3}
            value={reason}
            data-autofocus
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setMissing(false);
            }}
            error={missing ? t('validation.required') : (save.errorMessage ?? undefined)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.state === 'saving'} leftSection={<IconLockOpen size={16} />}>
              {t('signOff.reopenConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * The round's state above its tabs: a draft with a button to finalise it (after a confirmation
 * that says what the lock covers), or final with who and when and a button to reopen it with a
 * written reason.
 */
export function SignOffBar() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const fmt = useFormatter();
  const label = useRoundLabel();
  const notifyError = useNotifyError();
  const { evaluation: detail, reload } = useProjectData();
  const [reopening, setReopening] = useState(false);
  if (!detail) return null;
  const final = detail.signOff.state === 'final';

  const finalize = () =>
    modals.openConfirmModal({
      title: t('signOff.finalizeTitle', { round: label(detail.evaluation) }),
      children: <Text size="sm">{t('signOff.finalizeConfirm')}</Text>,
      labels: { confirm: t('signOff.finalize'), cancel: t('common.cancel') },
      onConfirm: async () => {
        const r = await safeCall(() => api.evaluationFinalize({ evaluationId: detail.evaluation.id }));
        if (!r.ok) notifyError(r.error);
        else {
          notifications.show({ color: 'green', message: t('signOff.finalized') });
          await reload();
        }
      },
    });

  return (
    <Paper withBorder p="xs" px="sm" data-testid="sign-off" data-state={detail.signOff.state} bg={final ? 'gray.0' : undefined}>
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <Badge
            color={final ? 'dark' : 'yellow'}
            variant={final ? 'filled' : 'light'}
            leftSection={final ? <IconLock size={12} /> : undefined}
            styles={{ label: { textTransform: 'none' } }}
          >
            {t(`signOff.state.${detail.signOff.state}`)}
          </Badge>
          <Text size="sm">
            {final
              ? t('signOff.finalHelp', { date: fmt.date(detail.signOff.finalizedAt), user: detail.signOff.finalizedBy })
              : t('signOff.draftHelp')}{' '}
            <Text span size="sm" c="dimmed" data-testid="profile-version">
              {profileVersionLabel(detail.profileVersion, i18n.language === 'en' ? 'en' : 'da')}.
            </Text>
          </Text>
        </Group>
        {final ? (
          <Button size="xs" variant="default" leftSection={<IconLockOpen size={14} />} onClick={() => setReopening(true)}>
            {t('signOff.reopen')}
          </Button>
        ) : (
          <Button size="xs" variant="light" leftSection={<IconLock size={14} />} onClick={finalize}>
            {t('signOff.finalize')}
          </Button>
        )}
      </Group>
      {reopening && (
        <ReopenModal
          detail={detail}
          onClose={() => setReopening(false)}
          onDone={async () => {
            setReopening(false);
            await reload();
          }}
        />
      )}
    </Paper>
  );
}
