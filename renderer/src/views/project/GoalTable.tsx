import { LineChart } from '@mantine/charts';
import { ActionIcon, Alert, Button, Group, List, Loader, Modal, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput, Tooltip, VisuallyHidden } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconChartLine, IconPlus, IconTrash, IconClipboardPlus, IconLink, IconRuler2 } from '@tabler/icons-react';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorSuggestionView, IndicatorUsage, IpcError } from '../../../../shared/contracts';
import { GoalFieldsSchema } from '../../../../shared/contracts/schemas';
import type { Goal, GoalDirection, GoalLevel, StatusReport } from '../../../../shared/domain';
import { goalFigureProblems, type GoalFigureField } from '../../../../shared/methodology/goalFigures';
import { localToday, statusDateWarnings, type DateWarning } from '../../../../shared/methodology/reportDates';
import type { GoalResult, LevelResult } from '../../../../shared/methodology/types';
import { safeCall, useApi } from '../../api';
import { ChartFigure } from '../../components/ChartFigure';
import { useReturnFocusOnUnmount } from '../../components/focus';
import { EditableNumber, EditableSelect, EditableText } from '../../components/Editable';
import { LightLabel } from '../../components/Light';
import { useErrorText, useNotifyError } from '../../components/useSave';
import { LockProvider, useLock } from '../../components/lock';
import { useEngineText, useWarningText, WarningIcon, warningsFromMain } from '../../components/warnings';
import { useFormatter } from '../../format';
import { SourceNote } from '../../components/SourceNote';
import { showUndoNotice } from '../../components/undoNotice';
import { namedGoals, useMoreGoals } from '../PortfolioFigures';
import { ComparisonLine } from './GoalMeasure';
import { MeasureModal } from './MeasureDialog';
import { shareText } from './goalMeasureText';
import { numberReader } from '../../components/validation';
import { useVersionedSave } from '../../components/useVersionedSave';
import { ApprovalMark } from './Approval';

/** The status in force at the evaluation date: the latest report on or before it (null = no round: the latest). */
export function statusInForce(reports: StatusReport[], goalId: number, evaluationDate: string | null): StatusReport | null {
  const mine = reports
    .filter((r) => r.goalId === goalId && (evaluationDate === null || r.reportedAt <= evaluationDate))
    .sort((a, b) => (a.reportedAt === b.reportedAt ? a.id - b.id : a.reportedAt.localeCompare(b.reportedAt)));
  return mine[mine.length - 1] ?? null;
}

export interface GoalTableProps {
  projectId: number;
  level: GoalLevel;
  /** The project's goals of this level, in order. */
  goals: Goal[];
  /** The round's figures of the level; null without a round (goals are shown, no attainment or light). */
  result: LevelResult | null;
  statusReports: StatusReport[];
  /** The round's date; null without a round (the latest status is shown, a new one is dated today). */
  evaluationDate: string | null;
  /** The project's grant period: a status dated outside it is saved only when confirmed. */
  period: { start: string | null; end: string | null };
  /** The portfolio's indicators, and suggested links that touch this project's goals. */
  indicators: IndicatorUsage[];
  suggestions: IndicatorSuggestionView[];
  /** Called after every successful save, so the figures can be recomputed. */
  onChanged: () => Promise<void> | void;
  /** Whether the round's profile caps goals at 100 %: the capping note says what the other setting would do. */
  capAt100?: boolean;
}

/** The goal's figure as typed would be one the method refuses (negative without lower-is-better and a baseline). */
function negativeFigure(goal: Goal, field: GoalFigureField, value: number | null): boolean {
  const figures = { ...goal, ...(field === 'status' ? {} : { [field]: value }) };
  return goalFigureProblems(figures, field === 'status' ? [{ value, reportedAt: null }] : []).length > 0;
}

function StatusModal({
  goal,
  evaluationDate,
  period,
  onClose,
  onSaved,
}: {
  goal: Goal;
  evaluationDate: string | null;
  period: GoalTableProps['period'];
  onClose: () => void;
  onSaved: () => void;
}) {
  useReturnFocusOnUnmount();
  const { t } = useTranslation();
  const api = useApi();
  const fmt = useFormatter();
  const errorText = useErrorText();
  const warningText = useEngineText('dateWarning');
  /** Warnings the user has been shown for this date; a second save confirms them. */
  const [warnings, setWarnings] = useState<{ date: string; list: DateWarning[] } | null>(null);
  const share = goal.measure === 'share';
  const [v, setV] = useState({ value: '', denominator: '', reportedAt: fmt.dateInput(evaluationDate ?? localToday()), reportedBy: '', file: '', location: '', printed: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement>) => {
    const value = e.currentTarget.value;
    setV((s) => ({ ...s, [k]: value }));
  };

  const submit = async () => {
    const next: Record<string, string> = {};
    const num = numberReader(t, fmt, next, [19037, 3.8]);
    const value = num(v.value, 'value');
    const printed = num(v.printed, 'printed');
    // A share's status is its two counts ("30 af 124"); the percent is computed from them.
    const denominator = share ? num(v.denominator, 'denominator') : null;
    if (share && value !== null && !next.denominator) {
      if (denominator === null) next.denominator = t('measureForms.denominatorRequired');
      else if (denominator <= 0) next.denominator = t('measureForms.denominatorPositive');
      else if (value > denominator) next.value = t('measureForms.numeratorOverDenominator');
    }
    let reportedAt: string | null = null;
    try {
      reportedAt = fmt.parseDate(v.reportedAt);
    } catch {
      reportedAt = null;
    }
    if (!reportedAt) next.reportedAt = t('validation.dateFormat', { format: fmt.datePlaceholder });
    if (value !== null && !next.value && negativeFigure(goal, 'status', value)) next.value = t('validation.negativeFigure');
    setErrors(next);
    if (Object.keys(next).length || !reportedAt) return;
    const date = reportedAt;
    // A date in the future or outside the grant period: say so, and save on a second click.
    const confirmed = warnings?.date === date;
    if (!confirmed) {
      const list = statusDateWarnings(date, { today: localToday(), periodStart: period.start, periodEnd: period.end });
      if (list.length) {
        setWarnings({ date, list });
        return;
      }
    }
    setBusy(true);
    const result = await safeCall(() =>
      api.statusAdd({
        goalId: goal.id,
        value,
        reportedAt: date,
        reportedBy: v.reportedBy,
        source: { file: v.file, location: v.location },
        printedPercent: printed,
        ...(share ? { denominator } : {}),
        acceptWarnings: confirmed || undefined,
      }),
    );
    setBusy(false);
    if (!result.ok) {
      if (result.error.code === 'NEEDS_CONFIRMATION') setWarnings({ date, list: warningsFromMain(result.error) });
      else setErrors({ form: errorText(result.error) });
      return;
    }
    onSaved();
  };
  // The warnings hold while the date they are about is the one in the field.
  const pendingWarnings = warnings && typedDate(fmt, v.reportedAt) === warnings.date ? warnings.list : null;

  return (
    <Modal opened onClose={onClose} title={t('goals.statusTitle', { code: goal.code })}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          {share ? (
            <SimpleGrid cols={2}>
              <TextInput label={`${t('measureForms.numerator')}${goal.unit ? ` (${goal.unit})` : ''}`} description={t('measureForms.numeratorHelp')} value={v.value} onChange={set('value')} error={errors.value} data-autofocus inputMode="decimal" />
              <TextInput label={t('measureForms.denominator')} description={t('measureForms.denominatorHelp')} value={v.denominator} onChange={set('denominator')} error={errors.denominator} inputMode="decimal" withAsterisk aria-required />
            </SimpleGrid>
          ) : (
            <TextInput label={`${t('goals.value')}${goal.unit ? ` (${goal.unit})` : ''}`} description={t('goals.valueHelp')} value={v.value} onChange={set('value')} error={errors.value} data-autofocus inputMode="decimal" />
          )}
          <SimpleGrid cols={2}>
            <TextInput placeholder={fmt.datePlaceholder} label={t('goals.reportedAt')} value={v.reportedAt} onChange={set('reportedAt')} error={errors.reportedAt} withAsterisk aria-required />
            <TextInput label={t('goals.reportedBy')} value={v.reportedBy} onChange={set('reportedBy')} />
            <TextInput label={t('goals.sourceFile')} value={v.file} onChange={set('file')} />
            <TextInput label={t('goals.sourceLocation')} value={v.location} onChange={set('location')} />
          </SimpleGrid>
          <TextInput label={t('goals.printedPercent')} value={v.printed} onChange={set('printed')} error={errors.printed} inputMode="decimal" w={200} />
          {pendingWarnings && (
            <Alert color="orange" title={t('goals.dateWarningTitle')} data-testid="status-date-warnings">
              <List size="sm" spacing={2}>
                {pendingWarnings.map((w) => (
                  <List.Item key={w.code}>{warningText(w)}</List.Item>
                ))}
              </List>
              <Text size="sm" mt={4}>
                {t('goals.dateWarningConfirm')}
              </Text>
            </Alert>
          )}
          {errors.form && (
            <Text c="red" size="sm" role="alert">
              {errors.form}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} color={pendingWarnings ? 'orange' : undefined}>
              {pendingWarnings ? t('common.saveAnyway') : t('goals.addStatus')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function typedDate(fmt: ReturnType<typeof useFormatter>, text: string): string | null {
  try {
    return fmt.parseDate(text);
  } catch {
    return null;
  }
}

/** "3 mål i 2 projekter", "1 mål i 1 projekt". */
const usageText = (t: (k: string, o?: Record<string, unknown>) => string, i: Pick<IndicatorUsage, 'goals' | 'projects'>) =>
  t('indicators.usage', { goals: t('indicators.goalCount', { count: i.goals }), projects: t('indicators.projectCount', { count: i.projects }) });

const indicatorLabel = (i: Pick<IndicatorUsage, 'code' | 'name' | 'unit'>) => `${i.code ? `${i.code} ` : ''}${i.name}${i.unit ? ` (${i.unit})` : ''}`;

/**
 * Links a goal to an indicator of its level, so the portfolio pools it with the other projects'
 * goals of that indicator: an existing one, or a new one named after the goal.
 */
function IndicatorModal({ goal, onClose, onSaved }: { goal: Goal; onClose: () => void; onSaved: () => void }) {
  useReturnFocusOnUnmount();
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);
  // The list as it is now (another project may just have added one), read when the dialog opens.
  const [candidates, setCandidates] = useState<IndicatorUsage[] | null>(null);
  const [mode, setMode] = useState<'existing' | 'new'>('existing');
  const [chosen, setChosen] = useState<string | null>(goal.indicatorId ? String(goal.indicatorId) : null);
  useEffect(() => {
    let live = true;
    void safeCall(() => api.indicatorList({})).then((r) => {
      if (!live) return;
      if (!r.ok) return setError(errorText(r.error));
      const mine = r.value.filter((i) => i.level === goal.level);
      setCandidates(mine);
      if (mine.length === 0) setMode('new');
      setChosen((c) => c ?? (mine[0] ? String(mine[0].id) : null));
    });
    return () => {
      live = false;
    };
  }, [api, goal.level, errorText]);
  const [fields, setFields] = useState({ name: goal.description.trim(), unit: goal.unit.trim(), code: '' });
  const [busy, setBusy] = useState(false);

  const run = async (call: () => Promise<{ ok: boolean; error?: IpcError }>) => {
    setBusy(true);
    const r = await call();
    setBusy(false);
    if (!r.ok) setError(errorText(r.error!));
    else onSaved();
  };
  const submit = () => {
    if (mode === 'existing') {
      if (!chosen) return setError(t('indicators.chooseOne'));
      return run(() => safeCall(() => api.indicatorLink({ goalIds: [goal.id], indicatorId: Number(chosen) })));
    }
    if (!fields.name.trim()) return setError(t('indicators.nameRequired'));
    return run(() => safeCall(() => api.indicatorSave({ code: fields.code, name: fields.name, unit: fields.unit, level: goal.level, linkGoalIds: [goal.id] })));
  };

  return (
    <Modal opened onClose={onClose} title={t('indicators.linkTitle', { code: goal.code })} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('indicators.linkHelp')}
          </Text>
          <SegmentedControl
            value={mode}
            onChange={(v) => setMode(v as 'existing' | 'new')}
            data={[
              { value: 'existing', label: t('indicators.existing'), disabled: !candidates?.length },
              { value: 'new', label: t('indicators.new') },
            ]}
          />
          {candidates === null && !error ? (
            <Loader size="sm" aria-label={t('common.loading')} />
          ) : mode === 'existing' ? (
            <Select
              label={t('indicators.indicator')}
              data={(candidates ?? []).map((i) => ({ value: String(i.id), label: `${indicatorLabel(i)}${i.common ? ` · ${t('catalogue.common')}` : ''} · ${usageText(t, i)}` }))}
              value={chosen}
              onChange={setChosen}
              allowDeselect={false}
              searchable
              // Not autofocused: a searchable select opens its list on focus, over the buttons.
            />
          ) : (
            <SimpleGrid cols={2}>
              <TextInput label={t('indicators.name')} value={fields.name} onChange={(e) => setFields({ ...fields, name: e.currentTarget.value })} withAsterisk aria-required data-autofocus />
              <TextInput label={t('indicators.unit')} value={fields.unit} onChange={(e) => setFields({ ...fields, unit: e.currentTarget.value })} />
              <TextInput label={t('indicators.code')} description={t('indicators.codeHelp')} value={fields.code} onChange={(e) => setFields({ ...fields, code: e.currentTarget.value })} />
            </SimpleGrid>
          )}
          {error && (
            <Text c="red" size="sm" role="alert">
              {error}
            </Text>
          )}
          <Group justify="space-between">
            <div>
              {goal.indicatorId !== null && (
                <Button variant="subtle" color="red" loading={busy} onClick={() => void run(() => safeCall(() => api.indicatorLink({ goalIds: [goal.id], indicatorId: null })))}>
                  {t('indicators.unlink')}
                </Button>
              )}
            </div>
            <Group>
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={busy} disabled={candidates === null}>
                {t('indicators.link')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The indicator a goal is linked to, or the link suggested for it, with the action to change it. */
function IndicatorCell({
  goal,
  indicators,
  suggestion,
  onLink,
  onConfirm,
}: {
  goal: Goal;
  indicators: IndicatorUsage[];
  suggestion: IndicatorSuggestionView | undefined;
  onLink: (e: React.MouseEvent<HTMLElement>) => void;
  onConfirm: (s: IndicatorSuggestionView) => void;
}) {
  const { t } = useTranslation();
  const more = useMoreGoals();
  const linked = goal.indicatorId === null ? null : indicators.find((i) => i.id === goal.indicatorId);
  if (linked)
    return (
      <Group gap={4} wrap="nowrap" align="flex-start" data-testid={`goal-indicator-${goal.code}`}>
        <Text size="xs" style={{ flex: 1 }}>
          {indicatorLabel(linked)}
          <Text span size="xs" c="dimmed" display="block">
            {usageText(t, linked)}
          </Text>
        </Text>
        <Tooltip label={t('indicators.changeFor', { code: goal.code })}>
          <ActionIcon variant="subtle" size="sm" aria-label={t('indicators.changeFor', { code: goal.code })} onClick={onLink}>
            <IconLink size={14} />
          </ActionIcon>
        </Tooltip>
      </Group>
    );
  const others = suggestion ? namedGoals(suggestion, (g) => `${g.projectName}: ${g.code} ${g.description}`, '\n', more, goal.id) : '';
  return (
    <Stack gap={2} data-testid={`goal-indicator-${goal.code}`}>
      <Text size="xs" c="dimmed">
        {t('indicators.notLinked')}
      </Text>
      {suggestion && (
        <Tooltip label={<span className="tl-pre">{others}</span>} multiline maw={420}>
          <Button size="compact-xs" variant="light" aria-label={t('indicators.confirmFor', { code: goal.code, name: suggestion.indicatorName, projects: suggestion.projects })} onClick={() => onConfirm(suggestion)}>
            {t('indicators.suggested', { name: suggestion.indicatorName, projects: suggestion.projects })}
          </Button>
        </Tooltip>
      )}
      <Button size="compact-xs" variant="subtle" justify="flex-start" px={0} aria-label={t('indicators.linkFor', { code: goal.code })} onClick={onLink}>
        {t('indicators.linkShort')}
      </Button>
    </Stack>
  );
}

function HistoryModal({ goal, reports, onClose }: { goal: Goal; reports: StatusReport[]; onClose: () => void }) {
  useReturnFocusOnUnmount();
  const { t } = useTranslation();
  const fmt = useFormatter();
  const mine = reports
    .filter((r) => r.goalId === goal.id)
    .sort((a, b) => (a.reportedAt === b.reportedAt ? a.id - b.id : a.reportedAt.localeCompare(b.reportedAt)));
  const data = mine.map((r) => ({ date: fmt.date(r.reportedAt), status: r.value, target: goal.targetInPeriod }));
  const figure = (v: number) => fmt.number(v, Number.isInteger(v) ? 0 : 2);
  const tableId = `${useId()}-history`;
  const historySummary = [
    t('charts.historySummary', {
      count: mine.length,
      code: goal.code,
      points: mine.map((r) => `${fmt.date(r.reportedAt)} ${r.value === null ? t('charts.missingValue') : figure(r.value)}`).join(', '),
    }),
    goal.targetInPeriod !== null ? t('charts.historyTarget', { target: figure(goal.targetInPeriod) }) : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <Modal opened onClose={onClose} title={t('goals.historyFor', { code: goal.code })} size="xl">
      {mine.length === 0 ? (
        <Text c="dimmed">{t('goals.noHistory')}</Text>
      ) : (
        <Stack>
          <ChartFigure title={t('charts.historyTitle', { code: goal.code })} summary={historySummary} describedBy={[tableId]} testId="history-chart">
          <LineChart
            h={240}
            data={data}
            dataKey="date"
            connectNulls={false}
            withLegend
            valueFormatter={(value) => fmt.number(value, Number.isInteger(value) ? 0 : 1)}
            series={[
              { name: 'status', label: t('goals.status'), color: 'indigo.6' },
              ...(goal.targetInPeriod !== null ? [{ name: 'target', label: t('goals.target'), color: 'gray.6', strokeDasharray: '5 5' }] : []),
            ]}
          />
          </ChartFigure>
          <Table fz="sm" id={tableId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('goals.reportedAt')}</Table.Th>
                <Table.Th ta="right">{t('goals.value')}</Table.Th>
                <Table.Th>{t('goals.reportedBy')}</Table.Th>
                <Table.Th>{t('goals.source')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {mine.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{fmt.date(r.reportedAt)}</Table.Td>
                  <Table.Td ta="right">{r.value === null ? t('goals.missingValue') : fmt.number(r.value, Number.isInteger(r.value) ? 0 : 2)}</Table.Td>
                  <Table.Td>{r.reportedBy || '–'}</Table.Td>
                  <Table.Td>
                    <SourceNote projectId={goal.projectId} source={r.source} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Modal>
  );
}

function percentCell(result: GoalResult | undefined, t: (k: string) => string, fmt: ReturnType<typeof useFormatter>) {
  if (!result) return '–';
  if (result.state !== 'ok') return <Text size="xs" c="dimmed">{t(`goals.${result.state}`)}</Text>;
  return <Text fw={700} size="sm">{fmt.percent(result.displayPercent)}</Text>;
}

/**
 * One level's goal table, editable in place: each field saves when it loses focus; text in a
 * number field is an inline error and nothing is sent.
 */
export function GoalTable({ projectId, level, goals, result, statusReports, evaluationDate, period, indicators, suggestions, onChanged, capAt100 = false }: GoalTableProps) {
  const { t } = useTranslation();
  const api = useApi();
  const fmt = useFormatter();
  const notifyError = useNotifyError();
  const warningText = useWarningText();
  const [statusFor, setStatusFor] = useState<Goal | null>(null);
  const locked = useLock() !== null;
  const [historyFor, setHistoryFor] = useState<Goal | null>(null);
  const [linkFor, setLinkFor] = useState<Goal | null>(null);
  const [measureFor, setMeasureFor] = useState<Goal | null>(null);
  /** The button that opened a dialog gets the focus back when it closes. */
  const [opener, setOpener] = useState<HTMLElement | null>(null);
  const opening =
    <T,>(show: (x: T) => void, x: T) =>
    (e: React.MouseEvent<HTMLElement>) => {
      setOpener(e.currentTarget);
      show(x);
    };
  const closing = (hide: () => void) => () => {
    hide();
    setTimeout(() => opener?.isConnected && opener.focus(), 0);
  };
  const suggestionFor = (goal: Goal) => suggestions.find((s) => s.goalIds.includes(goal.id));

  /** Confirming a suggestion links every goal in it at once (the other projects' goals too). */
  const confirmSuggestion = async (s: IndicatorSuggestionView) => {
    const r =
      s.kind === 'existing'
        ? await safeCall(() => api.indicatorLink({ goalIds: s.goalIds, indicatorId: s.indicatorId }))
        : await safeCall(() => api.indicatorSave({ code: '', name: s.name, unit: s.unit, level: s.level, linkGoalIds: s.goalIds }));
    if (!r.ok) notifyError(r.error);
    else await onChanged();
  };
  const negative = (goal: Goal, field: GoalFigureField) => (v: number | null) => (negativeFigure(goal, field, v) ? t('validation.negativeFigure') : null);
  const byCode = new Map((result?.goals ?? []).map((g) => [g.code, g]));
  const versioned = useVersionedSave();

  const update = async (goal: Goal, patch: Partial<Omit<Goal, 'id' | 'projectId'>>) => {
    // The goal as read (its version): a save over someone else's newer one is refused (STALE_WRITE).
    const r = await safeCall(() => versioned(`goal-${goal.id}`, goal.version, (expectedVersion) => api.goalUpdate({ goalId: goal.id, patch, expectedVersion })));
    if (r.ok) await onChanged();
    return r;
  };

  const addGoal = async () => {
    const used = new Set(goals.map((g) => g.code));
    let n = goals.length + 1;
    while (used.has(`${level}${n}`)) n++;
    const r = await safeCall(() => api.goalCreate({ projectId, goal: { level, code: `${level}${n}` } }));
    if (!r.ok) notifyError(r.error);
    else await onChanged();
  };

  const deleteGoal = (goal: Goal) =>
    modals.openConfirmModal({
      title: t('goals.deleteGoal', { code: goal.code }),
      children: <Text size="sm">{t('goals.deleteConfirm', { code: goal.code })}</Text>,
      labels: { confirm: t('common.delete'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        const r = await safeCall(() => api.goalDelete({ goalId: goal.id }));
        if (!r.ok) {
          notifyError(r.error);
          return;
        }
        const { binId } = r.value;
        showUndoNotice({
          kind: 'goal',
          id: binId,
          title: t('recycleBin.goalDeleted', { code: goal.code }),
          undoLabel: t('common.undo'),
          onUndo: async () => {
            const restored = await safeCall(() => api.recycleBinRestore({ kind: 'goal', id: binId }));
            if (!restored.ok) {
              notifyError(restored.error);
              return;
            }
            notifications.show({ color: 'green', message: t('recycleBin.goalRestored', { code: goal.code }) });
            await onChanged();
          },
        });
        await onChanged();
      },
    });

  const codeValidate = (v: string) => {
    const parsed = GoalFieldsSchema.shape.code.safeParse(v);
    return parsed.success ? null : t('validation.codeRequired');
  };

  return (
    <Stack gap="xs" data-testid={`goal-table-${level}`}>
      <Table.ScrollContainer minWidth={1100}>
        <Table layout="fixed" verticalSpacing={4} horizontalSpacing={6} fz="sm" aria-label={t(`levelGoals.${level}`)}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={72}>{t('goals.code')}</Table.Th>
              <Table.Th>{t('goals.description')}</Table.Th>
              <Table.Th w={180}>{t('goals.unitAndIndicator')}</Table.Th>
              <Table.Th w={110}>{t('goals.targetInPeriod')}</Table.Th>
              {level === 'C' && <Table.Th w={110}>{t('goals.targetAfterPeriod')}</Table.Th>}
              <Table.Th w={150}>{t('goals.direction')}</Table.Th>
              <Table.Th w={170}>{t('goals.status')}</Table.Th>
              <Table.Th w={90} ta="right">
                {t('goals.percent')}
              </Table.Th>
              <Table.Th w={140}>
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {goals.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={level === 'C' ? 9 : 8}>
                  <Text c="dimmed" size="sm">
                    {t('goals.noGoals')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {goals.map((goal) => {
              const status = statusInForce(statusReports, goal.id, evaluationDate);
              const res = byCode.get(goal.code);
              const reasons = (res?.warnings ?? []).map(warningText);
              return (
                <Table.Tr key={goal.id} data-testid={`goal-${goal.code}`} style={{ verticalAlign: 'top' }}>
                  <Table.Td>
                    <EditableText label={null} ariaLabel={`${t('goals.code')} ${goal.code}`} value={goal.code} size="xs" validate={codeValidate} onSave={(code) => update(goal, { code: code.trim() })} onReload={onChanged} />
                  </Table.Td>
                  <Table.Td>
                    {/* Wording, no figure: main lets it change in a final round (electron/storage/seal.ts), so it stays editable here. */}
                    <LockProvider reason={null}>
                      <EditableText label={null} ariaLabel={`${goal.code} ${t('goals.description')}`} value={goal.description} size="xs" multiline minRows={1} maxRows={5} onSave={(description) => update(goal, { description })} onReload={onChanged} />
                    </LockProvider>
                  </Table.Td>
                  <Table.Td>
                    {/* What the goal counts, and the indicator it is pooled under across projects. */}
                    <Stack gap={4}>
                      <LockProvider reason={null}>
                        <EditableText label={null} ariaLabel={`${goal.code} ${t('goals.unit')}`} value={goal.unit} size="xs" onSave={(unit) => update(goal, { unit })} onReload={onChanged} />
                      </LockProvider>
                      <IndicatorCell goal={goal} indicators={indicators} suggestion={suggestionFor(goal)} onLink={opening(setLinkFor, goal)} onConfirm={(sg) => void confirmSuggestion(sg)} />
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <EditableNumber label={null} ariaLabel={`${goal.code} ${t('goals.targetInPeriod')}`} value={goal.targetInPeriod} size="xs" validate={negative(goal, 'targetInPeriod')} onSave={(targetInPeriod) => update(goal, { targetInPeriod })} />
                  </Table.Td>
                  {level === 'C' && (
                    <Table.Td>
                      <EditableNumber label={null} ariaLabel={`${goal.code} ${t('goals.targetAfterPeriod')}`} value={goal.targetAfterPeriod} size="xs" validate={negative(goal, 'targetAfterPeriod')} onSave={(targetAfterPeriod) => update(goal, { targetAfterPeriod })} />
                    </Table.Td>
                  )}
                  <Table.Td>
                    <Stack gap={4}>
                      <EditableSelect
                        label={null}
                        ariaLabel={`${goal.code} ${t('goals.direction')}`}
                        size="xs"
                        value={goal.direction}
                        data={[
                          { value: 'higher', label: t('goals.higher') },
                          { value: 'lower', label: t('goals.lower') },
                        ]}
                        onSave={(direction) => update(goal, { direction: (direction ?? 'higher') as GoalDirection })}
                      />
                      {goal.direction === 'lower' && (
                        <EditableNumber label={null} ariaLabel={`${goal.code} ${t('goals.baseline')}`} placeholder={t('goals.baseline')} value={goal.baseline} size="xs" onSave={(baseline) => update(goal, { baseline })} />
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    {status ? (
                      <div>
                        <Text size="sm" fw={600} data-testid={`goal-status-${goal.code}`}>
                          {status.value === null
                            ? t('goals.missingValue')
                            : (goal.measure === 'share' && shareText(t, fmt, status.value, status.denominator)) ||
                              `${fmt.number(status.value, Number.isInteger(status.value) ? 0 : 2)}${goal.unit ? ` ${goal.unit}` : ''}`}
                        </Text>
                        <ComparisonLine goal={goal} value={status.value} denominator={status.denominator} />
                        <Text size="xs" c="dimmed">
                          {fmt.date(status.reportedAt)}
                          {status.reportedBy ? ` · ${status.reportedBy}` : ''}
                        </Text>
                        <Text size="xs" c="dimmed" lineClamp={2}>
                          <SourceNote projectId={goal.projectId} source={status.source} size="xs" dimmed />
                        </Text>
                        <ApprovalMark
                          approval={status.approval}
                          figure={{ kind: 'status', id: status.id }}
                          what={t('approval.statusWhat', { code: goal.code })}
                          testId={`goal-approval-${goal.code}`}
                          projectId={projectId}
                          onChanged={onChanged}
                        />
                      </div>
                    ) : (
                      <Text size="xs" c="dimmed">
                        {t('goals.notReported')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right" data-testid={`goal-percent-${goal.code}`}>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <WarningIcon reasons={reasons} />
                      {percentCell(res, t, fmt)}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={2} wrap="nowrap">
                      <Tooltip label={`${t('goals.addStatus')} (${goal.code})`}>
                        <ActionIcon variant="subtle" disabled={locked} aria-label={`${t('goals.addStatus')} ${goal.code}`} onClick={opening(setStatusFor, goal)}>
                          <IconClipboardPlus size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t('goals.historyFor', { code: goal.code })}>
                        <ActionIcon variant="subtle" aria-label={t('goals.historyFor', { code: goal.code })} onClick={opening(setHistoryFor, goal)}>
                          <IconChartLine size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t('measureForms.open', { code: goal.code })}>
                        <ActionIcon variant="subtle" disabled={locked} aria-label={t('measureForms.open', { code: goal.code })} onClick={opening(setMeasureFor, goal)}>
                          <IconRuler2 size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t('goals.deleteGoal', { code: goal.code })}>
                        <ActionIcon variant="subtle" color="red" disabled={locked} aria-label={t('goals.deleteGoal', { code: goal.code })} onClick={() => deleteGoal(goal)}>
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between" align="center" wrap="wrap">
        <Button size="xs" variant="light" disabled={locked} leftSection={<IconPlus size={14} />} onClick={() => void addGoal()}>
          {t('goals.addGoal')}
        </Button>
        {result === null ? (
          <Text size="sm" c="dimmed" data-testid={`level-average-${level}`}>
            {t('measureForms.noRound')}
          </Text>
        ) : (
        <Group gap="md" data-testid={`level-average-${level}`}>
          <Text size="sm">
            {t('goals.average')}: <b>{fmt.percent(result.displayAverage)}</b>
          </Text>
          <LightLabel light={result.light} />
          <Text size="sm" c="dimmed">
            {t('goals.reported', { reported: result.reported, total: result.total })}
          </Text>
        </Group>
        )}
      </Group>
      {result?.cappingChangesLight && (
        <Text size="xs" c="orange.8" data-testid={`capping-${level}`}>
          {t(capAt100 ? 'goals.cappingWithout' : 'goals.cappingWith', {
            from: result.light ? t(`light.${result.light}`).toLowerCase() : t('light.none').toLowerCase(),
            to: result.alternativeLight ? t(`light.${result.alternativeLight}`).toLowerCase() : t('light.none').toLowerCase(),
          })}
        </Text>
      )}
      {statusFor && (
        <StatusModal
          goal={statusFor}
          evaluationDate={evaluationDate}
          period={period}
          onClose={closing(() => setStatusFor(null))}
          onSaved={() => {
            closing(() => setStatusFor(null))();
            void onChanged();
          }}
        />
      )}
      {historyFor && <HistoryModal goal={historyFor} reports={statusReports} onClose={closing(() => setHistoryFor(null))} />}
      {linkFor && (
        <IndicatorModal
          goal={linkFor}
          onClose={closing(() => setLinkFor(null))}
          onSaved={() => {
            closing(() => setLinkFor(null))();
            void onChanged();
          }}
        />
      )}
      {measureFor && (
        <MeasureModal
          goal={measureFor}
          onClose={closing(() => setMeasureFor(null))}
          onSaved={() => {
            closing(() => setMeasureFor(null))();
            void onChanged();
          }}
        />
      )}
    </Stack>
  );
}
