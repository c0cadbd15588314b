import { BarChart } from '@mantine/charts';
import { ActionIcon, Alert, Badge, Button, Paper, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { BudgetLine, Evaluation, FinancingSource, SpendingYear } from '../../../../shared/domain';
import { spendingByYear } from '../../../../shared/methodology/spendingByYear';
import { safeCall, useApi } from '../../api';
import { ChartFigure } from '../../components/ChartFigure';
import { EditableDate, EditableNumber, EditableText } from '../../components/Editable';
import { useLock } from '../../components/lock';
import { useNotifyError } from '../../components/useSave';
import { EvaluationTextField } from './EvaluationText';
import { useFormatter } from '../../format';
import { useEvaluation, useProjectData } from './ProjectData';
import { ApprovalMark } from './Approval';
import { useRowSave } from '../../components/useVersionedSave';

type EvaluationPatch = Partial<Omit<Evaluation, 'id' | 'projectId' | 'createdAt'>>;

function ReportedAtField() {
  const { t } = useTranslation();
  const api = useApi();
  const { reload } = useProjectData();
  const { evaluation } = useEvaluation();
  return (
    <EditableDate
      label={t('budget.progressReportedAt')}
      value={evaluation.progressReportedAt}
      onSave={async (progressReportedAt) => {
        const r = await api.evaluationUpdate({ evaluationId: evaluation.id, patch: { progressReportedAt } });
        if (r.ok) await reload();
        return r;
      }}
    />
  );
}

function Progress() {
  const { t } = useTranslation();
  const api = useApi();
  const fmt = useFormatter();
  const { reload } = useProjectData();
  const detail = useEvaluation();
  const { evaluation, summary, profile } = detail;
  const p = summary.progress;
  const saveEval = async (patch: EvaluationPatch) => {
    const r = await api.evaluationUpdate({ evaluationId: evaluation.id, patch });
    if (r.ok) await reload();
    return r;
  };
  const nonNegative = (v: number | null) => (v !== null && v < 0 ? t('validation.nonNegative') : null);
  const data = [
    {
      label: t('budget.consumption'),
      budget: p.budget.displayPercent,
      time: p.time.displayPercent,
    },
  ];
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        {t('budget.progress')}
      </Title>
      <SimpleGrid cols={2} spacing="lg">
        <Stack gap="xs">
          <Table withRowBorders={false} verticalSpacing={4} data-testid="progress-figures">
            <Table.Tbody>
              <Table.Tr>
                <Table.Td>{t('budget.budgetConsumption')}</Table.Td>
                <Table.Td ta="right" fw={700}>
                  {fmt.percent(p.budget.displayPercent)}
                </Table.Td>
                <Table.Td c="dimmed" fz="sm">
                  {fmt.kr(p.budget.spentKr)} / {fmt.kr(p.budget.totalKr)}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td>{t('budget.timeConsumption')}</Table.Td>
                <Table.Td ta="right" fw={700}>
                  {fmt.percent(p.time.displayPercent)}
                </Table.Td>
                <Table.Td c="dimmed" fz="sm">
                  {fmt.number(p.time.elapsedMonths, p.time.elapsedMonths !== null && !Number.isInteger(p.time.elapsedMonths) ? 1 : 0)} /{' '}
                  {fmt.number(p.time.totalMonths, p.time.totalMonths !== null && !Number.isInteger(p.time.totalMonths) ? 1 : 0)}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td>{t('budget.burnRatio')}</Table.Td>
                <Table.Td ta="right" fw={700} data-testid="burn-ratio">
                  {fmt.number(p.burnRatio, 2)}
                </Table.Td>
                <Table.Td>
                  {p.burnFlag && (
                    <Badge
                      variant="light"
                      color={p.burnFlag === 'ok' ? 'green' : 'orange'}
                      leftSection={p.burnFlag === 'ok' ? <IconCheck size={12} /> : <IconAlertTriangle size={12} />}
                      styles={{ label: { textTransform: 'none' } }}
                    >
                      {t(`budget.burnFlag.${p.burnFlag}`)}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          {p.time.computedPercent !== null && (
            <Text size="xs" c={p.time.reportedDiffers ? 'orange.8' : 'dimmed'}>
              {t('budget.computed', {
                elapsed: fmt.number(p.time.computedElapsedMonths, 1),
                total: fmt.number(p.time.computedTotalMonths, 0),
                percent: fmt.percent(p.time.computedPercent),
              })}
              {p.time.reportedDiffers ? ` ${t('budget.reportedDiffers')}` : ''}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {t('budget.burnHelp', { under: fmt.number(profile.burnRatio.under, 1), over: fmt.number(profile.burnRatio.over, 1) })}
          </Text>
        </Stack>
        <ChartFigure
          title={t('charts.budgetTitle')}
          summary={t('charts.budgetSummary', {
            budget: p.budget.displayPercent === null ? t('charts.notReported') : fmt.percent(p.budget.displayPercent),
            time: p.time.displayPercent === null ? t('charts.notReported') : fmt.percent(p.time.displayPercent),
          })}
          testId="budget-chart"
        >
          <BarChart
            h={200}
            data={data}
            dataKey="label"
            withLegend
            withBarValueLabel
            valueFormatter={(v) => fmt.percent(v)}
            yAxisProps={{ domain: [0, Math.max(100, data[0].budget ?? 0, data[0].time ?? 0)] }}
            series={[
              { name: 'budget', label: t('budget.budgetConsumption'), color: 'indigo.6' },
              { name: 'time', label: t('budget.timeConsumption'), color: 'teal.6' },
            ]}
          />
        </ChartFigure>
      </SimpleGrid>
      <div style={{ marginTop: 'var(--mantine-spacing-sm)' }}>
        <ApprovalMark
          approval={evaluation.progressApproval}
          figure={{ kind: 'progress', evaluationId: evaluation.id }}
          what={t('approval.progressWhat')}
          testId="progress-approval"
          projectId={evaluation.projectId}
          onChanged={reload}
        />
      </div>
      <SimpleGrid cols={3} spacing="sm" mt="md">
        <EditableNumber label={t('budget.spent')} value={evaluation.budgetSpentKr} money validate={nonNegative} onSave={(budgetSpentKr) => saveEval({ budgetSpentKr })} />
        <EditableNumber label={t('budget.totalReported')} value={evaluation.budgetTotalReportedKr} money validate={nonNegative} onSave={(budgetTotalReportedKr) => saveEval({ budgetTotalReportedKr })} />
        <EditableText label={t('budget.progressReportedBy')} value={evaluation.progressReportedBy} onSave={(progressReportedBy) => saveEval({ progressReportedBy })} />
        <EditableNumber label={t('budget.monthsElapsed')} value={evaluation.monthsElapsedReported} validate={nonNegative} onSave={(monthsElapsedReported) => saveEval({ monthsElapsedReported })} />
        <EditableNumber label={t('budget.monthsTotal')} value={evaluation.monthsTotalReported} validate={nonNegative} onSave={(monthsTotalReported) => saveEval({ monthsTotalReported })} />
        <ReportedAtField />
      </SimpleGrid>
      <div style={{ marginTop: 'var(--mantine-spacing-md)' }}>
        <EvaluationTextField textKey="progress" />
      </div>
    </Paper>
  );
}

/**
 * Spending by year (issue 15): what the round records as spent in each year, beside the budget of
 * the year. The round's budget consumption stays computed from its one spent-to-date figure; the
 * years are compared with it and a difference is shown, never written over it.
 */
export function SpendingByYearPanel() {
  const { t } = useTranslation();
  const api = useApi();
  const fmt = useFormatter();
  const notifyError = useNotifyError();
  const { project, reload } = useProjectData();
  const { evaluation, spendingByYear: recorded, summary } = useEvaluation();
  const locked = useLock() !== null;
  const view = spendingByYear({
    budgetYears: summary.budget.years,
    spending: recorded,
    reportedSpentKr: evaluation.budgetSpentKr,
    roundBudgetKr: summary.progress.budget.totalKr,
  });
  const rowSave = useRowSave<SpendingYear>();
  const save = async (item: SpendingYear, patch: Partial<Pick<SpendingYear, 'year' | 'spentKr' | 'note'>>) => {
    const r = await rowSave(item, patch, (next, expectedVersion) =>
      api.spendingYearSave({ evaluationId: evaluation.id, id: item.id, year: next.year, spentKr: next.spentKr, note: next.note, expectedVersion }),
    );
    if (r.ok) await reload();
    return r;
  };
  const taken = new Set(recorded.map((s) => s.year));
  const firstYear = Number((project.project.periodStart ?? evaluation.date).slice(0, 4));
  const nextYear =
    summary.budget.years.map((y) => y.year).find((y) => !taken.has(y)) ?? (recorded.length ? Math.max(...recorded.map((s) => s.year)) + 1 : firstYear);
  const c = view.check;
  const yearValid = (item: SpendingYear) => (v: number | null) =>
    v === null || !Number.isInteger(v) || v < 1900 || v > 2200
      ? t('validation.year')
      : v !== item.year && taken.has(v)
        ? t('spendingByYear.duplicateYear', { year: v })
        : null;
  return (
    <Paper withBorder p="md" data-testid="spending-by-year">
      <Title order={3} size="h4" mb="sm">
        {t('spendingByYear.title')}
      </Title>
      <Table verticalSpacing={4} fz="sm" aria-label={t('spendingByYear.recorded')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={100}>{t('spendingByYear.year')}</Table.Th>
            <Table.Th w={170}>{t('spendingByYear.spentKr')}</Table.Th>
            <Table.Th>{t('spendingByYear.note')}</Table.Th>
            <Table.Th w={50}>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {recorded.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>
                <EditableNumber
                  label={null}
                  ariaLabel={`${t('spendingByYear.year')} ${item.year}`}
                  size="xs"
                  value={item.year}
                  decimals={0}
                  grouping={false}
                  nullable={false}
                  validate={yearValid(item)}
                  onSave={(year) => save(item, { year: year ?? item.year })}
                />
              </Table.Td>
              <Table.Td>
                <EditableNumber
                  label={null}
                  ariaLabel={`${t('spendingByYear.spentKr')} ${item.year}`}
                  size="xs"
                  value={item.spentKr}
                  money
                  nullable={false}
                  validate={(v) => (v !== null && v < 0 ? t('validation.nonNegative') : null)}
                  onSave={(spentKr) => save(item, { spentKr: spentKr ?? 0 })}
                />
              </Table.Td>
              <Table.Td>
                <EditableText label={null} ariaLabel={`${t('spendingByYear.note')} ${item.year}`} size="xs" value={item.note} onSave={(note) => save(item, { note })} onReload={reload} />
              </Table.Td>
              <Table.Td>
                <ActionIcon
                  disabled={locked}
                  variant="subtle"
                  color="red"
                  aria-label={t('spendingByYear.delete', { year: item.year })}
                  onClick={async () => {
                    const r = await safeCall(() => api.spendingYearDelete({ id: item.id }));
                    if (!r.ok) notifyError(r.error);
                    else await reload();
                  }}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Button
        disabled={locked}
        mt="xs"
        size="xs"
        variant="light"
        leftSection={<IconPlus size={14} />}
        onClick={async () => {
          const r = await safeCall(() => api.spendingYearSave({ evaluationId: evaluation.id, year: nextYear, spentKr: 0, note: '' }));
          if (!r.ok) notifyError(r.error);
          else await reload();
        }}
      >
        {t('spendingByYear.add')}
      </Button>
      {view.rows.length > 0 && (
        <Table fz="sm" verticalSpacing={2} mt="md" data-testid="spending-by-year-table" aria-label={t('spendingByYear.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('spendingByYear.year')}</Table.Th>
              <Table.Th ta="right">{t('spendingByYear.budget')}</Table.Th>
              <Table.Th ta="right">{t('spendingByYear.spent')}</Table.Th>
              <Table.Th ta="right">{t('spendingByYear.remaining')}</Table.Th>
              <Table.Th ta="right">{t('spendingByYear.consumption')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.rows.map((r) => (
              <Table.Tr key={r.year}>
                <Table.Td>{r.year}</Table.Td>
                <Table.Td ta="right">{fmt.kr(r.budgetKr)}</Table.Td>
                <Table.Td ta="right">{fmt.kr(r.spentKr)}</Table.Td>
                <Table.Td ta="right">{fmt.kr(r.remainingKr)}</Table.Td>
                <Table.Td ta="right">{fmt.percent(r.percent)}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr fw={700} data-testid="spending-total">
              <Table.Td>{t('spendingByYear.total')}</Table.Td>
              <Table.Td ta="right">{fmt.kr(view.total.budgetKr)}</Table.Td>
              <Table.Td ta="right">{recorded.length ? fmt.kr(view.total.spentKr) : fmt.kr(null)}</Table.Td>
              <Table.Td ta="right">{recorded.length ? fmt.kr(view.total.remainingKr) : fmt.kr(null)}</Table.Td>
              <Table.Td ta="right">{recorded.length ? fmt.percent(view.total.percent) : fmt.percent(null)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      )}
      <Stack gap={4} mt="xs">
        {view.total.budgetKr !== null && (
          <Text size="xs" c="dimmed">
            {t('spendingByYear.totalUses', { budget: fmt.kr(view.total.budgetKr) })}
          </Text>
        )}
        {c === null ? (
          <Text size="sm" data-testid="spending-check">
            {t('spendingByYear.none', { spent: fmt.kr(evaluation.budgetSpentKr) })}
          </Text>
        ) : c.state === 'matches' ? (
          <Text size="sm" data-testid="spending-check" data-state="matches">
            {t('spendingByYear.matches', { sum: fmt.kr(c.sumKr), reported: fmt.kr(c.reportedKr) })} ✓
          </Text>
        ) : (
          <Alert color="orange" icon={<IconAlertTriangle />} p="xs" data-testid="spending-check" data-state={c.state}>
            <Text size="sm">
              {c.state === 'differs'
                ? t('spendingByYear.differs', { sum: fmt.kr(c.sumKr), reported: fmt.kr(c.reportedKr), difference: fmt.kr(c.differenceKr) })
                : t('spendingByYear.noReported', { sum: fmt.kr(c.sumKr) })}
            </Text>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function BudgetLines() {
  const { t } = useTranslation();
  const api = useApi();
  const fmt = useFormatter();
  const notifyError = useNotifyError();
  const { project, reload } = useProjectData();
  const { summary } = useEvaluation();
  const projectId = project.project.id;
  const locked = useLock() !== null;
  const lines = [...project.budgetLines].sort((a, b) => a.position - b.position || a.id - b.id);
  const rowSave = useRowSave<BudgetLine>();
  const saveLine = async (line: BudgetLine, patch: Partial<BudgetLine>) => {
    const r = await rowSave(line, patch, (next, expectedVersion) =>
      api.budgetLineSave({
        projectId,
        id: line.id,
        costType: next.costType,
        year: next.year,
        amountKr: next.amountKr,
        percentOfDirect: next.percentOfDirect,
        expectedVersion,
      }),
    );
    if (r.ok) await reload();
    return r;
  };
  const defaultYear = Number((project.project.periodStart ?? new Date().toISOString()).slice(0, 4));
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        {t('budget.lines')}
      </Title>
      <Table verticalSpacing={4} fz="sm" aria-label={t('budget.lines')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('budget.costType')}</Table.Th>
            <Table.Th w={100}>{t('budget.year')}</Table.Th>
            <Table.Th w={170}>{t('budget.amount')}</Table.Th>
            <Table.Th w={120}>{t('budget.percentOfDirect')}</Table.Th>
            <Table.Th w={50}>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line) => (
            <Table.Tr key={line.id}>
              <Table.Td>
                <EditableText label={null} ariaLabel={`${t('budget.costType')} ${line.year}`} size="xs" value={line.costType} validate={(v) => (v.trim() ? null : t('validation.required'))} onSave={(costType) => saveLine(line, { costType })} onReload={reload} />
              </Table.Td>
              <Table.Td>
                <EditableNumber
                  label={null}
                  ariaLabel={`${line.costType} ${t('budget.year')}`}
                  size="xs"
                  value={line.year}
                  decimals={0}
                  grouping={false}
                  nullable={false}
                  validate={(v) => (v === null || !Number.isInteger(v) || v < 1900 || v > 2200 ? t('validation.year') : null)}
                  onSave={(year) => saveLine(line, { year: year ?? line.year })}
                />
              </Table.Td>
              <Table.Td>
                {line.percentOfDirect === null ? (
                  <EditableNumber label={null} ariaLabel={`${line.costType} ${line.year} ${t('budget.amount')}`} size="xs" value={line.amountKr} money nullable={false} onSave={(amountKr) => saveLine(line, { amountKr: amountKr ?? 0 })} />
                ) : (
                  // Kept as its percent: the amount follows the direct costs of the year (computed in main).
                  <Text size="xs" ta="right" data-testid="indirect-amount">
                    {t('budgetRules.indirectAmount', {
                      percent: fmt.percent(line.percentOfDirect, Number.isInteger(line.percentOfDirect) ? 0 : 2),
                      amount: fmt.kr(line.amountKr),
                    })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <EditableNumber
                  label={null}
                  ariaLabel={`${line.costType} ${line.year} ${t('budget.percentOfDirect')}`}
                  size="xs"
                  value={line.percentOfDirect}
                  validate={(v) => (v !== null && (v < 0 || v > 100) ? t('validation.percent') : null)}
                  onSave={(percentOfDirect) => saveLine(line, { percentOfDirect })}
                />
              </Table.Td>
              <Table.Td>
                <ActionIcon
                  disabled={locked}
                  variant="subtle"
                  color="red"
                  aria-label={`${t('budget.deleteLine')}: ${line.costType} ${line.year}`}
                  onClick={async () => {
                    const r = await safeCall(() => api.budgetLineDelete({ id: line.id }));
                    if (!r.ok) notifyError(r.error);
                    else await reload();
                  }}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Button
        disabled={locked}
        mt="xs"
        size="xs"
        variant="light"
        leftSection={<IconPlus size={14} />}
        onClick={async () => {
          const r = await safeCall(() => api.budgetLineSave({ projectId, costType: t('budget.newCostType'), year: defaultYear, amountKr: 0 }));
          if (!r.ok) notifyError(r.error);
          else await reload();
        }}
      >
        {t('budget.addLine')}
      </Button>
      {summary.budget.years.length > 0 && (
        <>
          <Title order={4} size="h5" mt="md" mb="xs">
            {t('budget.byYear')}
          </Title>
          <Table fz="sm" verticalSpacing={2} data-testid="budget-by-year">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('budget.year')}</Table.Th>
                <Table.Th ta="right">{t('budget.direct')}</Table.Th>
                <Table.Th ta="right">{t('budget.indirect')}</Table.Th>
                <Table.Th ta="right">{t('budget.total')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {summary.budget.years.map((y) => (
                <Table.Tr key={y.year}>
                  <Table.Td>{y.year}</Table.Td>
                  <Table.Td ta="right">{fmt.amountInput(y.directKr)}</Table.Td>
                  <Table.Td ta="right">{fmt.amountInput(y.indirectKr)}</Table.Td>
                  <Table.Td ta="right">{fmt.amountInput(y.totalKr)}</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr fw={700}>
                <Table.Td>{t('budget.total')}</Table.Td>
                <Table.Td ta="right">{fmt.amountInput(summary.budget.years.reduce((s, y) => s + y.directKr, 0))}</Table.Td>
                <Table.Td ta="right">{fmt.amountInput(summary.budget.years.reduce((s, y) => s + y.indirectKr, 0))}</Table.Td>
                <Table.Td ta="right">{fmt.amountInput(summary.budget.totalKr)}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </>
      )}
    </Paper>
  );
}

function Financing() {
  const { t } = useTranslation();
  const api = useApi();
  const fmt = useFormatter();
  const notifyError = useNotifyError();
  const { project, reload } = useProjectData();
  const { summary } = useEvaluation();
  const projectId = project.project.id;
  const locked = useLock() !== null;
  const items = [...project.financing].sort((a, b) => a.position - b.position || a.id - b.id);
  const rowSave = useRowSave<FinancingSource>();
  const saveItem = async (item: FinancingSource, patch: Partial<FinancingSource>) => {
    const r = await rowSave(item, patch, (next, expectedVersion) => api.financingSave({ projectId, id: item.id, name: next.name, amountKr: next.amountKr, expectedVersion }));
    if (r.ok) await reload();
    return r;
  };
  const b = summary.budget;
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        {t('budget.financing')}
      </Title>
      <Table verticalSpacing={4} fz="sm" aria-label={t('budget.financing')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('budget.source')}</Table.Th>
            <Table.Th w={170}>{t('budget.amount')}</Table.Th>
            <Table.Th w={50}>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>
                <EditableText label={null} ariaLabel={t('budget.source')} size="xs" value={item.name} validate={(v) => (v.trim() ? null : t('validation.required'))} onSave={(name) => saveItem(item, { name })} onReload={reload} />
              </Table.Td>
              <Table.Td>
                <EditableNumber label={null} ariaLabel={`${item.name} ${t('budget.amount')}`} size="xs" value={item.amountKr} money nullable={false} onSave={(amountKr) => saveItem(item, { amountKr: amountKr ?? 0 })} />
              </Table.Td>
              <Table.Td>
                <ActionIcon
                  disabled={locked}
                  variant="subtle"
                  color="red"
                  aria-label={`${t('budget.deleteSource')}: ${item.name}`}
                  onClick={async () => {
                    const r = await safeCall(() => api.financingDelete({ id: item.id }));
                    if (!r.ok) notifyError(r.error);
                    else await reload();
                  }}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
          {items.length > 0 && (
            <Table.Tr fw={700}>
              <Table.Td>{t('budget.total')}</Table.Td>
              <Table.Td ta="right">{fmt.amountInput(b.financingTotalKr)}</Table.Td>
              <Table.Td />
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      <Button
        disabled={locked}
        mt="xs"
        size="xs"
        variant="light"
        leftSection={<IconPlus size={14} />}
        onClick={async () => {
          const r = await safeCall(() => api.financingSave({ projectId, name: t('budget.newSource'), amountKr: 0 }));
          if (!r.ok) notifyError(r.error);
          else await reload();
        }}
      >
        {t('budget.addSource')}
      </Button>
    </Paper>
  );
}

/** The sum of the budget lines against the project's total budget (fact box), when both exist. */
function ProjectTotalCheck() {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const { summary } = useEvaluation();
  const b = summary.budget;
  const c = b.projectTotal;
  if (!c) return null;
  return (
    <Text size="sm" c={c.ok ? undefined : 'orange.9'} data-testid="budget-project-total">
      {c.ok
        ? t('budgetRules.linesMatchTotal', { budget: fmt.kr(b.totalKr), project: fmt.kr(c.projectTotalKr) })
        : t('budgetRules.linesDifferFromTotal', { budget: fmt.kr(b.totalKr), project: fmt.kr(c.projectTotalKr), difference: fmt.kr(c.differenceKr) })}{' '}
      {c.ok ? '✓' : '⚠'}
    </Text>
  );
}

function BudgetCheck() {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const { project } = useProjectData();
  const { summary } = useEvaluation();
  const b = summary.budget;
  const indirectBad = b.indirectChecks.filter((c) => !c.ok);
  if (project.budgetLines.length === 0 || project.financing.length === 0)
    return (
      <Alert
        color={b.projectTotal && !b.projectTotal.ok ? 'orange' : 'gray'}
        icon={b.projectTotal && !b.projectTotal.ok ? <IconAlertTriangle /> : undefined}
        title={t('budget.check')}
        data-testid="budget-check"
      >
        <ProjectTotalCheck />
        <Text size="sm">{t('budget.noCheck')}</Text>
      </Alert>
    );
  const allOk = b.balanced && indirectBad.length === 0 && (b.projectTotal?.ok ?? true);
  return (
    <Alert
      data-testid="budget-check"
      color={allOk ? 'green' : 'orange'}
      icon={allOk ? <IconCheck /> : <IconAlertTriangle />}
      title={t('budget.check')}
    >
      <Text size="sm">
        {b.balanced
          ? t('budget.balanced', { budget: fmt.kr(b.totalKr), financing: fmt.kr(b.financingTotalKr) })
          : t('budget.unbalanced', { budget: fmt.kr(b.totalKr), financing: fmt.kr(b.financingTotalKr), difference: fmt.kr(b.differenceKr) })}
      </Text>
      <ProjectTotalCheck />
      {b.indirectChecks.map((c, i) => (
        <Text key={i} size="sm" c={c.ok ? undefined : 'orange.9'}>
          {t('budget.indirectCheck', {
            year: c.year,
            costType: c.costType,
            actual: fmt.kr(c.actualKr),
            percent: fmt.percent(c.claimedPercent, Number.isInteger(c.claimedPercent) ? 0 : 2),
            direct: fmt.kr(c.directKr),
            expected: fmt.kr(c.expectedKr),
          })}{' '}
          {c.ok ? '✓' : '⚠'}
        </Text>
      ))}
    </Alert>
  );
}

export function BudgetTab() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Progress />
      <SpendingByYearPanel />
      <BudgetCheck />
      <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="md">
        <BudgetLines />
        <Financing />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('budget.unit')}
      </Text>
    </Stack>
  );
}
