import { ActionIcon, Alert, Anchor, Breadcrumbs, Button, Checkbox, Group, List, Loader, Modal, Select, Stack, Tabs, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconFileImport, IconFileSpreadsheet, IconFileText, IconPlus, IconTrash } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Evaluation, EvaluationType } from '../../../../shared/domain';
import { localToday, roundDateWarnings, type DateWarning } from '../../../../shared/methodology/reportDates';
import { safeCall, useApi } from '../../api';
import { useExport, useMenuCommand } from '../../components/exporting';
import { ReportExportModal } from '../../components/ReportExport';
import { useErrorText, useNotifyError } from '../../components/useSave';
import { useEngineText, warningsFromMain } from '../../components/warnings';
import { useFormatter } from '../../format';
import { PROJECT_TABS, type ProjectTab, type Route } from '../../router';
import { ImportWizard } from '../import/ImportWizard';
import { BudgetTab } from './BudgetTab';
import { CompareTab } from './CompareTab';
import { EffectTab } from './EffectTab';
import { FactsTab } from './FactsTab';
import { GoalsTab } from './GoalsTab';
import { HistoryTab } from './HistoryTab';
import { ImplementationPanel } from './ImplementationPanel';
import { LearningTab } from './LearningTab';
import { ProjectDataContext, useLoadProject } from './ProjectData';
import { OpenElsewhere, useReloadOnOthersChanges } from '../../live';
import { RightsLock, useRefusalReason } from '../../rights';
import { MeasuresPanel } from './MeasuresPanel';
import { ResumeTab } from './ResumeTab';
import { RoundLock, SignOffBar } from './SignOff';

/** Tabs that show one evaluation round (the others belong to the project). */
const EVALUATION_TABS: ReadonlySet<ProjectTab> = new Set(['resume', 'implementation', 'goals', 'budget', 'effect', 'learning']);

function sortRounds(rounds: Evaluation[]): Evaluation[] {
  return [...rounds].sort((a, b) => (a.date === b.date ? a.id - b.id : a.date.localeCompare(b.date)));
}

function NewRoundModal({
  opened,
  onClose,
  projectId,
  previous,
  rounds,
  periodEnd,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  projectId: number;
  previous: Evaluation | null;
  /** The project's rounds and grant period end: a date after the period or before the latest round is confirmed first. */
  rounds: Evaluation[];
  periodEnd: string | null;
  onCreated: (evaluationId: number) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const warningText = useEngineText('dateWarning');
  const [warnings, setWarnings] = useState<{ date: string; list: DateWarning[] } | null>(null);
  const [type, setType] = useState<EvaluationType>(previous?.type === 'midterm' ? 'final' : 'midterm');
  const fmt = useFormatter();
  const [date, setDate] = useState(fmt.dateInput(localToday()));
  const [evaluator, setEvaluator] = useState(previous?.evaluator ?? '');
  const [copy, setCopy] = useState(!!previous);
  const [error, setError] = useState<string | null>(null);
  const [dateError, setDateError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    let iso: string | null = null;
    try {
      iso = fmt.parseDate(date);
    } catch {
      iso = null;
    }
    if (!iso) {
      setDateError(t('validation.dateFormat', { format: fmt.datePlaceholder }));
      return;
    }
    const isoDate = iso;
    setDateError(null);
    const confirmed = warnings?.date === isoDate;
    if (!confirmed) {
      const list = roundDateWarnings(isoDate, { periodEnd, previousRoundDates: rounds.map((r) => r.date) });
      if (list.length) {
        setWarnings({ date: isoDate, list });
        return;
      }
    }
    setBusy(true);
    const result = await safeCall(() =>
      api.evaluationCreate({
        projectId,
        type,
        date: isoDate,
        evaluator,
        copyFromEvaluationId: copy && previous ? previous.id : undefined,
        acceptWarnings: confirmed || undefined,
      }),
    );
    setBusy(false);
    if (!result.ok) {
      if (result.error.code === 'NEEDS_CONFIRMATION')
        setWarnings({ date: isoDate, list: warningsFromMain(result.error) });
      else setError(errorText(result.error));
      return;
    }
    onCreated(result.value.id);
  };
  const typed = (() => {
    try {
      return fmt.parseDate(date);
    } catch {
      return null;
    }
  })();
  // The warnings hold while the date they are about is the one in the field.
  const pending = warnings && warnings.date === typed ? warnings.list : null;

  return (
    <Modal opened={opened} onClose={onClose} title={t('rounds.newTitle')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <Select
            label={t('evaluation.type')}
            data={[
              { value: 'midterm', label: t('evaluationType.midterm') },
              { value: 'final', label: t('evaluationType.final') },
            ]}
            value={type}
            allowDeselect={false}
            onChange={(v) => setType((v as EvaluationType) ?? 'midterm')}
          />
          <TextInput
            placeholder={fmt.datePlaceholder}
            label={t('evaluation.date')}
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            error={dateError}
            // The typed date with the month in words, so "01.06.2023" can't be read as 6 January.
            description={typed ? fmt.longDate(typed) : undefined}
            withAsterisk
            aria-required
          />
          <TextInput label={t('evaluation.evaluator')} value={evaluator} onChange={(e) => setEvaluator(e.currentTarget.value)} />
          {previous && (
            <Checkbox
              label={t('rounds.copyFrom', { round: `${t(`evaluationType.${previous.type}`)} ${fmt.date(previous.date)}` })}
              description={t('rounds.copyDescription')}
              checked={copy}
              onChange={(e) => setCopy(e.currentTarget.checked)}
            />
          )}
          {pending && (
            <Alert color="orange" title={t('rounds.dateWarningTitle')} data-testid="round-date-warnings">
              <List size="sm" spacing={2}>
                {pending.map((w) => (
                  <List.Item key={w.code}>{warningText(w)}</List.Item>
                ))}
              </List>
              <Text size="sm" mt={4}>
                {t('rounds.dateWarningConfirm')}
              </Text>
            </Alert>
          )}
          {error && (
            <Text c="red" size="sm" role="alert">
              {error}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} color={pending ? 'orange' : undefined}>
              {pending ? t('rounds.createAnyway') : t('rounds.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}


/**
 * The table each tab mostly writes, for the lock of a team server's rights (issue 13): a role
 * without the right sees the tab's fields read-only with the reason. A tab that also holds a
 * field of another table (the facts' report text) follows its main table; the server decides.
 */
const TAB_TABLE: Partial<Record<ProjectTab, string>> = {
  resume: 'light_decisions',
  implementation: 'implementation_scores',
  goals: 'status_reports',
  budget: 'budget_lines',
  effect: 'light_decisions',
  learning: 'learning_points',
};

export function ProjectView({
  projectId,
  evaluationId,
  tab,
  navigate,
}: {
  projectId: number;
  evaluationId: number | null;
  tab: ProjectTab;
  navigate: (route: Route) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const fmt = useFormatter();
  const errorText = useErrorText();
  const notifyError = useNotifyError();
  const { state, reload } = useLoadProject(projectId, evaluationId);
  useReloadOnOthersChanges(projectId, reload);
  // On a team server: what this user's roles may not start here, with the reason.
  const importRefused = useRefusalReason('status_reports', projectId);
  const roundRefused = useRefusalReason('evaluations', projectId);
  const [newRound, setNewRound] = useState(false);
  const exporter = useExport();
  const ready = state.status === 'ready' ? state : null;
  const { exportEvaluation } = exporter;
  const runExport = useCallback(() => {
    // Without a round main writes the project workbook (goals, shares, business case; no lights).
    if (ready) void exportEvaluation(projectId, ready.evaluation?.evaluation.id, ready.project.project.name);
  }, [exportEvaluation, projectId, ready]);
  useMenuCommand('exportEvaluation', runExport);
  const [reporting, setReporting] = useState(false);
  // Without a round the same dialog makes the project status (no scores or lights), not a refusal.
  const openReport = useCallback(() => {
    if (ready) setReporting(true);
  }, [ready]);
  useMenuCommand('exportReport', openReport);
  const [importing, setImporting] = useState(false);
  const openImport = useCallback(() => setImporting(true), []);
  useMenuCommand('import', openImport);

  if (state.status === 'loading') return <Loader aria-label={t('common.loading')} />;
  if (state.status === 'error')
    return (
      <Alert color="red" title={t('errors.title')}>
        {errorText(state.error)}
        <div>
          <Anchor href="#/">{t('nav.backToPortfolio')}</Anchor>
        </div>
      </Alert>
    );

  const { project, evaluation } = state;
  const rounds = sortRounds(project.evaluations);
  const currentId = evaluation?.evaluation.id ?? null;
  const go = (next: Partial<{ tab: ProjectTab; evaluationId: number | null }>) =>
    navigate({ name: 'project', projectId, tab: next.tab ?? tab, evaluationId: next.evaluationId === undefined ? currentId : next.evaluationId });
  const roundLabel = (e: Evaluation) => `${t(`evaluationType.${e.type}`)} ${fmt.date(e.date)}`;

  /** Deletes the round on screen after a confirmation; the notice offers undo (the round is kept, softly deleted). */
  const confirmDeleteRound = (round: Evaluation) =>
    modals.openConfirmModal({
      title: t('rounds.deleteTitle'),
      children: <Text size="sm">{t('rounds.deleteConfirm', { round: roundLabel(round) })}</Text>,
      labels: { confirm: t('common.delete'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        const result = await safeCall(() => api.evaluationDelete({ evaluationId: round.id }));
        if (!result.ok) return notifyError(result.error);
        const id = `round-deleted-${round.id}-${Date.now()}`;
        const undo = async () => {
          const restored = await safeCall(() => api.evaluationRestore({ evaluationId: round.id }));
          notifications.hide(id);
          if (!restored.ok) return notifyError(restored.error);
          notifications.show({ color: 'green', message: t('rounds.restored', { round: roundLabel(round) }) });
          go({ evaluationId: round.id });
          await reload();
        };
        notifications.show({
          id,
          color: 'gray',
          title: t('rounds.deleted', { round: roundLabel(round) }),
          autoClose: 15000,
          message: (
            <Button size="xs" variant="light" mt={4} onClick={() => void undo()}>
              {t('common.undo')}
            </Button>
          ),
        });
        const rest = rounds.filter((r) => r.id !== round.id);
        go({ evaluationId: rest[rest.length - 1]?.id ?? null });
        await reload();
      },
    });

  return (
    <ProjectDataContext.Provider value={{ project, evaluation, reload }}>
      <Stack gap="sm">
        <Breadcrumbs>
          <Anchor href="#/">{t('nav.portfolio')}</Anchor>
          <Text size="sm">{project.project.name}</Text>
        </Breadcrumbs>
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <div>
            <Group gap="sm" align="center">
              <Title order={2} data-testid="project-title">
                {project.project.name}
              </Title>
              <OpenElsewhere projectId={projectId} />
            </Group>
            <Text c="dimmed" size="sm">
              {[project.project.grantRecipient, project.project.fundingSource].filter(Boolean).join(' · ')}
            </Text>
          </div>
          <Group gap="sm" align="flex-end">
            <Select
              label={t('rounds.label')}
              data={rounds.map((e) => ({ value: String(e.id), label: roundLabel(e) }))}
              value={currentId ? String(currentId) : null}
              placeholder={t('rounds.none')}
              allowDeselect={false}
              disabled={rounds.length === 0}
              onChange={(v) => v && go({ evaluationId: Number(v) })}
              w={290}
            />
            {evaluation && (
              <Tooltip label={t('rounds.delete', { round: roundLabel(evaluation.evaluation) })}>
                <ActionIcon variant="default" size={36} color="red" aria-label={t('rounds.delete', { round: roundLabel(evaluation.evaluation) })} onClick={() => confirmDeleteRound(evaluation.evaluation)}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
            )}
            <Tooltip label={importRefused} disabled={!importRefused} multiline w={320}>
              <Button
                variant="default"
                leftSection={<IconFileImport size={16} />}
                data-disabled={importRefused ? true : undefined}
                aria-disabled={importRefused ? true : undefined}
                aria-description={importRefused ?? undefined}
                onClick={() => {
                  if (!importRefused) openImport();
                }}
              >
                {t('import.button')}
              </Button>
            </Tooltip>
            {/*
              Marked busy rather than `loading` (which disables the button): a disabled button
              drops the keyboard focus to the page while the workbook is written.
            */}
            <Button
              variant="default"
              leftSection={exporter.busy ? <Loader size={14} color="currentColor" aria-hidden /> : <IconFileSpreadsheet size={16} />}
              data-disabled={exporter.busy || undefined}
              aria-disabled={exporter.busy || undefined}
              onClick={() => {
                if (!exporter.busy) void exporter.exportEvaluation(projectId, currentId ?? undefined, project.project.name);
              }}
            >
              {t('export.evaluation')}
            </Button>
            <Button variant="default" leftSection={<IconFileText size={16} />} onClick={openReport}>
              {currentId ? t('report.button') : t('projectReport.button')}
            </Button>
            <Tooltip label={roundRefused} disabled={!roundRefused} multiline w={320}>
              <Button
                variant="light"
                leftSection={<IconPlus size={16} />}
                data-disabled={roundRefused ? true : undefined}
                aria-disabled={roundRefused ? true : undefined}
                aria-description={roundRefused ?? undefined}
                onClick={() => {
                  if (!roundRefused) setNewRound(true);
                }}
              >
                {rounds.length ? t('rounds.newFromPrevious') : t('rounds.new')}
              </Button>
            </Tooltip>
          </Group>
        </Group>

        {evaluation && <SignOffBar />}

        <Tabs key={currentId ?? 'none'} value={tab} onChange={(v) => v && go({ tab: v as ProjectTab })} keepMounted={false}>
          <Tabs.List>
            {PROJECT_TABS.map((k) => (
              <Tabs.Tab key={k} value={k}>
                {t(`tabs.${k}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {PROJECT_TABS.map((k) => (
            <Tabs.Panel key={k} value={k} pt="md">
              {k === 'goals' && !evaluation ? (
                // Goals belong to the project: shown (and edited) without a round.
                <RightsLock table="status_reports" projectId={projectId}>
                  <GoalsTab onNewRound={() => setNewRound(true)} />
                </RightsLock>
              ) : EVALUATION_TABS.has(k) && !evaluation ? (
                <Stack gap="md">
                  <Alert color="blue" title={t('rounds.none')}>
                    <Text size="sm" mb="sm">
                      {t('rounds.noneHelp')}
                    </Text>
                    <Button size="xs" onClick={() => setNewRound(true)}>
                      {t('rounds.new')}
                    </Button>
                  </Alert>
                  {/* The Resumé states the shares, comparisons and business case without a round too (latest statuses). */}
                  {k === 'resume' && (
                    <RightsLock table="goals" projectId={projectId}>
                      <MeasuresPanel />
                    </RightsLock>
                  )}
                </Stack>
              ) : EVALUATION_TABS.has(k) ? (
                // A final round's fields are read-only, with the reason (main refuses the writes too).
                <RoundLock>
                  <RightsLock table={TAB_TABLE[k] ?? 'implementation_scores'} projectId={projectId}>
                  {k === 'resume' ? (
                    <ResumeTab />
                  ) : k === 'implementation' ? (
                    <ImplementationPanel />
                  ) : k === 'goals' ? (
                    <GoalsTab />
                  ) : k === 'budget' ? (
                    <BudgetTab />
                  ) : k === 'effect' ? (
                    <EffectTab />
                  ) : (
                    <LearningTab />
                  )}
                  </RightsLock>
                </RoundLock>
              ) : k === 'facts' ? (
                <RightsLock table="projects" projectId={projectId}>
                  <FactsTab />
                </RightsLock>
              ) : k === 'compare' ? (
                <CompareTab />
              ) : (
                <HistoryTab />
              )}
            </Tabs.Panel>
          ))}
        </Tabs>
      </Stack>
      {importing && (
        <ImportWizard
          opened
          onClose={() => setImporting(false)}
          project={{ id: projectId, name: project.project.name, evaluationId: currentId }}
          onImported={(result) => {
            if (result.projectId === projectId && currentId === null && result.evaluationId !== null) go({ evaluationId: result.evaluationId });
            void reload();
          }}
          onOpenProject={(id) => {
            setImporting(false);
            navigate({ name: 'project', projectId: id, tab: 'goals', evaluationId: null });
          }}
        />
      )}
      {reporting && (
        <ReportExportModal
          opened
          onClose={() => setReporting(false)}
          roundLabel={evaluation ? roundLabel(evaluation.evaluation) : ''}
          statusOnly={currentId === null}
          busy={exporter.busy}
          onExport={(format, lang) => {
            setReporting(false);
            void exporter.exportReport(projectId, currentId ?? undefined, project.project.name, format, lang);
          }}
        />
      )}
      {newRound && (
        <NewRoundModal
          opened
          onClose={() => setNewRound(false)}
          projectId={projectId}
          previous={rounds.find((r) => r.id === currentId) ?? rounds[rounds.length - 1] ?? null}
          rounds={rounds}
          periodEnd={project.project.periodEnd}
          onCreated={(id) => {
            setNewRound(false);
            go({ evaluationId: id, tab: 'resume' });
            void reload();
          }}
        />
      )}
    </ProjectDataContext.Provider>
  );
}
