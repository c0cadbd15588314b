import { Alert, Badge, Button, Group, Modal, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FigureApproval, FigureRef } from '../../../../shared/domain';
import { safeCall, useApi } from '../../api';
import { useReturnFocusOnUnmount } from '../../components/focus';
import { useRoundLock } from '../../components/lock';
import { useRefusalReason } from '../../rights';
import { useErrorText, useNotifyError } from '../../components/useSave';
import { useFormatter } from '../../format';
import { useProjectData } from './ProjectData';

/**
 * Approval of reported figures (issue 13): a figure imported from a grant recipient's report is
 * "Indrapporteret" until a case officer approves it or returns it with a comment. Main keeps the
 * state, refuses what may not be done (not reported, a final round) and audits each decision.
 */

/** "Godkendt af NAME dd.mm.åååå", "Returneret af NAME dd.mm.åååå: kommentar", "Indrapporteret". */
export function useApprovalText(): (approval: FigureApproval) => string {
  const { t } = useTranslation();
  const fmt = useFormatter();
  return (a) => {
    const date = a.at ? fmt.date(a.at.slice(0, 10)) : '';
    if (a.state === 'reported') return t('approval.reported');
    if (a.state === 'approved') return t('approval.approvedBy', { name: a.by || t('approval.unknown'), date });
    return t('approval.returnedBy', { name: a.by || t('approval.unknown'), date, comment: a.comment });
  };
}

function ReturnModal({ what, busy, error, onClose, onReturn }: { what: string; busy: boolean; error: string | null; onClose: () => void; onReturn: (comment: string) => void }) {
  useReturnFocusOnUnmount();
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <Modal opened onClose={onClose} title={t('approval.returnTitle', { what })}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!comment.trim()) return setMissing(true);
          onReturn(comment.trim());
        }}
      >
        <Stack gap="sm">
          <Textarea
            label={t('approval.comment')}
            description={t('approval.commentHelp')}
            value={comment}
            onChange={(e) => {
              setComment(e.currentTarget.value);
              setMissing(false);
            }}
            error={missing ? t('approval.commentRequired') : undefined}
            withAsterisk
            aria-required
            autosize
            minRows={3}
            data-autofocus
          />
          {error && (
            <Text c="red" size="sm" role="alert">
              {error}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="orange" loading={busy}>
              {t('approval.return')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * A figure's approval: the "Indrapporteret" badge with approve and return, or who approved or
 * returned it and when. Nothing for a figure not from a report (it needs no approval).
 */
export function ApprovalMark({
  approval,
  figure,
  what,
  testId,
  projectId,
  onChanged,
}: {
  approval: FigureApproval | null | undefined;
  figure: FigureRef;
  /** What the figure is, in the running text: "status for B1". */
  what: string;
  testId: string;
  projectId: number;
  /** After a decision: reload the project. */
  onChanged: () => Promise<void> | void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const notifyError = useNotifyError();
  const text = useApprovalText();
  // A final round's lock first; then the right to decide, its own and not the tab's: the case
  // officer's (a status's in status_reports, a round's budget and time in owned columns of the round).
  const refused = useRefusalReason(figure.kind === 'status' ? 'status_reports' : 'evaluation_progress', projectId);
  const locked = useRoundLock() ?? refused;
  const [busy, setBusy] = useState(false);
  const [returning, setReturning] = useState(false);
  const [returnError, setReturnError] = useState<string | null>(null);
  if (!approval) return null;

  const approve = async () => {
    setBusy(true);
    const r = await safeCall(() => api.figuresApprove({ projectId, figures: [figure] }));
    setBusy(false);
    if (!r.ok) return notifyError(r.error);
    await onChanged();
  };
  const sendBack = async (comment: string) => {
    setBusy(true);
    const r = await safeCall(() => api.figuresReturn({ projectId, figures: [figure], comment }));
    setBusy(false);
    if (!r.ok) return setReturnError(errorText(r.error));
    setReturning(false);
    notifications.show({ color: 'orange', message: t('approval.returned', { what }) });
    await onChanged();
  };

  if (approval.state === 'approved')
    return (
      <Text size="xs" c="green.8" data-testid={testId}>
        {text(approval)}
      </Text>
    );
  if (approval.state === 'returned')
    return (
      <Text size="xs" c="orange.8" data-testid={testId}>
        {text(approval)}
      </Text>
    );
  return (
    <Group gap={4} wrap="wrap" data-testid={testId}>
      <Tooltip label={t('approval.reportedHelp')} multiline w={280}>
        <Badge size="xs" color="orange" variant="light" tabIndex={0}>
          {t('approval.reported')}
        </Badge>
      </Tooltip>
      <Tooltip label={locked ?? t('approval.approveFor', { what })} multiline w={280}>
        <Button size="compact-xs" variant="subtle" color="green" loading={busy} disabled={locked !== null} aria-label={t('approval.approveFor', { what })} onClick={() => void approve()}>
          {t('approval.approve')}
        </Button>
      </Tooltip>
      <Tooltip label={locked ?? t('approval.returnFor', { what })} multiline w={280}>
        <Button size="compact-xs" variant="subtle" color="orange" disabled={locked !== null || busy} aria-label={t('approval.returnFor', { what })} onClick={() => setReturning(true)}>
          {t('approval.return')}
        </Button>
      </Tooltip>
      {returning && <ReturnModal what={what} busy={busy} error={returnError} onClose={() => setReturning(false)} onReturn={(c) => void sendBack(c)} />}
    </Group>
  );
}

/** "3 indrapporterede tal afventer godkendelse" with "Godkend alle" for the project's reported figures. */
export function PendingApprovals() {
  const { t } = useTranslation();
  const api = useApi();
  const { project, reload } = useProjectData();
  const notifyError = useNotifyError();
  const refusedStatuses = useRefusalReason('status_reports', project.project.id);
  const refusedProgress = useRefusalReason('evaluation_progress', project.project.id);
  const refused = refusedStatuses ?? refusedProgress;
  const locked = useRoundLock() ?? refused;
  const [busy, setBusy] = useState(false);
  const pending = project.statusReports.filter((s) => s.approval?.state === 'reported').length + project.evaluations.filter((e) => e.progressApproval?.state === 'reported').length;
  if (pending === 0) return null;
  const approveAll = async () => {
    setBusy(true);
    const r = await safeCall(() => api.figuresApprove({ projectId: project.project.id }));
    setBusy(false);
    if (!r.ok) return notifyError(r.error);
    notifications.show({ color: 'green', message: t('approval.approvedAll', { count: r.value.count }) });
    await reload();
  };
  return (
    <Alert color="orange" title={t('approval.pendingTitle', { count: pending })} data-testid="pending-approvals">
      <Text size="sm" mb="sm">
        {t('approval.pendingHelp')}
      </Text>
      <Tooltip label={locked ?? t('approval.approveAllHelp')} multiline w={300}>
        <Button size="xs" color="green" loading={busy} disabled={locked !== null} onClick={() => void approveAll()}>
          {t('approval.approveAll', { count: pending })}
        </Button>
      </Tooltip>
    </Alert>
  );
}
