import {
  ActionIcon,
  Anchor,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconArrowsSort, IconFileImport, IconFileSpreadsheet, IconPlus, IconSearch, IconSortAscending, IconSortDescending, IconTrash } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorSuggestionView, ProjectSummary } from '../../../shared/contracts';
import { ProjectFactsPatchSchema } from '../../../shared/contracts/schemas';
import { LIGHT_KINDS, LIGHTS, type EvaluationType, type Light, type LightKind } from '../../../shared/domain';
import type { PortfolioRollup } from '../../../shared/methodology/types';
import { filterSummaries, isFilterActive, type PortfolioFilter } from '../../../shared/portfolioFilter';
import { safeCall, useApi } from '../api';
import { useExport, useMenuCommand } from '../components/exporting';
import { LightLabel } from '../components/Light';
import { useErrorText, useNotifyError } from '../components/useSave';
import { useFormatter } from '../format';
import type { Route } from '../router';
import { ImportWizard } from './import/ImportWizard';
import { IndicatorSuggestions, PooledIndicators, PortfolioHeadline } from './PortfolioFigures';

type SortKey =
  | 'name'
  | 'grantRecipient'
  | 'caseOfficer'
  | 'fundingSource'
  | 'evaluation'
  | 'implementationLight'
  | 'goalsLight'
  | 'effectLight'
  | 'implementationScore'
  | 'output'
  | 'budget'
  | 'time';

const LIGHT_ORDER: Record<Light, number> = { green: 0, yellow: 1, red: 2 };

function sortValue(row: ProjectSummary, key: SortKey): string | number | null {
  switch (key) {
    case 'name':
    case 'grantRecipient':
    case 'caseOfficer':
    case 'fundingSource':
      return row[key] || null;
    case 'evaluation':
      return row.evaluationDate;
    case 'implementationLight':
      return row.lights.implementation ? LIGHT_ORDER[row.lights.implementation] : null;
    case 'goalsLight':
      return row.lights.goals ? LIGHT_ORDER[row.lights.goals] : null;
    case 'effectLight':
      return row.lights.effect ? LIGHT_ORDER[row.lights.effect] : null;
    case 'implementationScore':
      return row.implementation.score;
    case 'output':
      return row.goals.output.percent;
    case 'budget':
      return row.budget.percent;
    case 'time':
      return row.time.percent;
  }
}

/** Sorts with missing values last in both directions. */
export function sortRows(rows: ProjectSummary[], key: SortKey, dir: 'asc' | 'desc', locale: string): ProjectSummary[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  return [...rows].sort((a, b) => {
    const va = sortValue(a, key);
    const vb = sortValue(b, key);
    if (va === null && vb === null) return a.name.localeCompare(b.name);
    if (va === null) return 1;
    if (vb === null) return -1;
    const c = typeof va === 'number' && typeof vb === 'number' ? va - vb : collator.compare(String(va), String(vb));
    return dir === 'asc' ? c : -c;
  });
}

interface Filters {
  search: string;
  fundingSource: string | null;
  caseOfficer: string | null;
  evaluationType: EvaluationType | null;
  light: Light | null;
}

/** The screen's filter as the shared rule takes it (the export and the CLI use the same rule). */
function toPortfolioFilter(f: Filters): PortfolioFilter {
  return { search: f.search, fundingSource: f.fundingSource, caseOfficer: f.caseOfficer, evaluationType: f.evaluationType, light: f.light };
}

/** Asks whether to export the projects the filter shows or the whole portfolio. */
function ExportChoiceModal({ shown, total, onChoose, onClose }: { shown: number; total: number; onChoose: (filtered: boolean) => void; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={t('export.portfolioChoiceTitle')}>
      <Stack gap="sm">
        <Text size="sm">{t('export.portfolioChoice', { shown, total })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button variant="light" onClick={() => onChoose(false)}>
            {t('export.portfolioAll', { total })}
          </Button>
          <Button onClick={() => onChoose(true)} data-autofocus>
            {t('export.portfolioShown', { shown })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function SortableTh({
  label,
  sortKey,
  sort,
  onSort,
  numeric,
}: {
  label: string;
  sortKey: SortKey;
  sort: { key: SortKey; dir: 'asc' | 'desc' };
  onSort: (key: SortKey) => void;
  numeric?: boolean;
}) {
  const { t } = useTranslation();
  const active = sort.key === sortKey;
  const Icon = !active ? IconArrowsSort : sort.dir === 'asc' ? IconSortAscending : IconSortDescending;
  return (
    <Table.Th
      className="tl-sortable-th"
      aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
      style={{ textAlign: numeric ? 'right' : undefined, whiteSpace: 'nowrap' }}
    >
      <button type="button" onClick={() => onSort(sortKey)} title={t('portfolio.sortBy', { column: label })}>
        {label}
        {active ? <Icon size={14} aria-hidden /> : <IconArrowsSort size={12} aria-hidden className="tl-sort-idle" />}
      </button>
    </Table.Th>
  );
}

function LightCounts({ rows }: { rows: ProjectSummary[] }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={3} spacing="sm" aria-label={t('portfolio.lightCounts')}>
      {LIGHT_KINDS.map((kind) => (
        <Card key={kind} withBorder padding="sm" data-testid={`counts-${kind}`}>
          <Text size="sm" fw={700} mb={4}>
            {t(`lightKind.${kind}`)}
          </Text>
          <Group gap="md">
            {[...LIGHTS, null].map((light) => {
              const n = rows.filter((r) => r.lights[kind] === light).length;
              if (light === null && n === 0) return null;
              return (
                <Group key={light ?? 'none'} gap={6} wrap="nowrap" data-testid={`count-${kind}-${light ?? 'none'}`}>
                  <LightLabel light={light} size="sm" />
                  <Text size="sm" fw={700}>
                    {n}
                  </Text>
                </Group>
              );
            })}
          </Group>
        </Card>
      ))}
    </SimpleGrid>
  );
}

function CreateProjectModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (projectId: number, evaluationId: number | null) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const fmt = useFormatter();
  const errorText = useErrorText();
  const [values, setValues] = useState({
    name: '',
    grantRecipient: '',
    caseOfficer: '',
    fundingSource: '',
    periodStart: '',
    periodEnd: '',
    evaluationType: 'midterm' as EvaluationType,
    evaluationDate: fmt.dateInput(new Date().toISOString().slice(0, 10)),
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof values) => (v: string) => setValues((s) => ({ ...s, [k]: v }));

  const submit = async () => {
    const next: Record<string, string> = {};
    const date = (key: 'periodStart' | 'periodEnd' | 'evaluationDate'): string | null => {
      try {
        return fmt.parseDate(values[key]);
      } catch {
        next[key] = t('validation.dateFormat', { format: fmt.datePlaceholder });
        return null;
      }
    };
    const facts = {
      name: values.name,
      grantRecipient: values.grantRecipient,
      caseOfficer: values.caseOfficer,
      fundingSource: values.fundingSource,
      periodStart: date('periodStart'),
      periodEnd: date('periodEnd'),
    };
    const evaluationDate = date('evaluationDate');
    if (!values.name.trim()) next.name = t('validation.nameRequired');
    if (facts.periodStart && facts.periodEnd && !ProjectFactsPatchSchema.safeParse({ periodStart: facts.periodStart, periodEnd: facts.periodEnd }).success)
      next.periodEnd = t('validation.periodEnd');
    setErrors(next);
    if (Object.keys(next).length) return;
    setBusy(true);
    const created = await safeCall(() => api.projectCreate({ facts: { ...facts, name: facts.name.trim() } }));
    if (!created.ok) {
      setBusy(false);
      setErrors({ form: errorText(created.error) });
      return;
    }
    let evaluationId: number | null = null;
    if (evaluationDate) {
      const evaluation = await safeCall(() =>
        api.evaluationCreate({ projectId: created.value.id, type: values.evaluationType, date: evaluationDate }),
      );
      if (evaluation.ok) evaluationId = evaluation.value.id;
    }
    setBusy(false);
    onCreated(created.value.id, evaluationId);
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('portfolio.createTitle')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <TextInput label={t('facts.name')} required data-autofocus value={values.name} onChange={(e) => set('name')(e.currentTarget.value)} error={errors.name} />
          <SimpleGrid cols={2}>
            <TextInput label={t('facts.grantRecipient')} value={values.grantRecipient} onChange={(e) => set('grantRecipient')(e.currentTarget.value)} />
            <TextInput label={t('facts.caseOfficer')} value={values.caseOfficer} onChange={(e) => set('caseOfficer')(e.currentTarget.value)} />
            <TextInput label={t('facts.fundingSource')} value={values.fundingSource} onChange={(e) => set('fundingSource')(e.currentTarget.value)} />
            <div />
            <TextInput placeholder={fmt.datePlaceholder} label={t('facts.periodStart')} value={values.periodStart} onChange={(e) => set('periodStart')(e.currentTarget.value)} error={errors.periodStart} />
            <TextInput placeholder={fmt.datePlaceholder} label={t('facts.periodEnd')} value={values.periodEnd} onChange={(e) => set('periodEnd')(e.currentTarget.value)} error={errors.periodEnd} />
            <Select
              label={t('evaluation.type')}
              data={[
                { value: 'midterm', label: t('evaluationType.midterm') },
                { value: 'final', label: t('evaluationType.final') },
              ]}
              value={values.evaluationType}
              allowDeselect={false}
              onChange={(v) => set('evaluationType')(v ?? 'midterm')}
            />
            <TextInput placeholder={fmt.datePlaceholder} label={t('evaluation.date')} value={values.evaluationDate} onChange={(e) => set('evaluationDate')(e.currentTarget.value)} error={errors.evaluationDate} />
          </SimpleGrid>
          {errors.form && (
            <Text c="red" size="sm" role="alert">
              {errors.form}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('portfolio.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function PortfolioView({ navigate }: { navigate: (route: Route) => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const fmt = useFormatter();
  const notifyError = useNotifyError();
  const [rows, setRows] = useState<ProjectSummary[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const errorText = useErrorText();
  const [filters, setFilters] = useState<Filters>({ search: '', fundingSource: null, caseOfficer: null, evaluationType: null, light: null });
  const [sort, setSort] = useState<{ key: SortKey; dir: 'asc' | 'desc' }>({ key: 'name', dir: 'asc' });
  const [creating, setCreating] = useState(false);
  const exporter = useExport();
  const { exportPortfolio } = exporter;
  const [choosingExport, setChoosingExport] = useState(false);
  const filterActive = isFilterActive(toPortfolioFilter(filters));
  // With a filter on, the user says whether the workbook holds what the screen shows or all.
  const runExportPortfolio = useCallback(() => {
    if (filterActive) setChoosingExport(true);
    else void exportPortfolio();
  }, [exportPortfolio, filterActive]);
  useMenuCommand('exportPortfolio', runExportPortfolio);
  const [rollup, setRollup] = useState<PortfolioRollup | null>(null);
  const [suggestions, setSuggestions] = useState<IndicatorSuggestionView[]>([]);
  const [importing, setImporting] = useState(false);
  const openImport = useCallback(() => setImporting(true), []);
  useMenuCommand('import', openImport);

  const load = useCallback(async () => {
    const result = await safeCall(() => api.portfolioSummaries({}));
    if (result.ok) {
      setRows(result.value);
      setLoadError(null);
    } else setLoadError(errorText(result.error));
  }, [api, errorText]);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  // The headline and pooled figures are over the projects the filter shows, computed in main.
  const [figuresVersion, setFiguresVersion] = useState(0);
  const reloadFigures = useCallback(() => setFiguresVersion((v) => v + 1), []);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void Promise.all([safeCall(() => api.portfolioOverview({ filter: toPortfolioFilter(filters) })), safeCall(() => api.indicatorSuggestions({}))]).then(([overview, proposed]) => {
        if (!live) return;
        if (overview.ok) setRollup(overview.value.rollup);
        else setLoadError(errorText(overview.error));
        if (proposed.ok) setSuggestions(proposed.value);
      });
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, filters, rows, figuresVersion, errorText]);

  const confirmSuggestion = async (suggestion: IndicatorSuggestionView) => {
    const r =
      suggestion.kind === 'existing'
        ? await safeCall(() => api.indicatorLink({ goalIds: suggestion.goalIds, indicatorId: suggestion.indicatorId }))
        : await safeCall(() => api.indicatorSave({ code: '', name: suggestion.name, unit: suggestion.unit, level: suggestion.level, linkGoalIds: suggestion.goalIds }));
    if (!r.ok) notifyError(r.error);
    else {
      notifications.show({ color: 'green', message: t('portfolio.suggestionConfirmed', { name: suggestion.indicatorName, count: suggestion.goalIds.length }) });
      reloadFigures();
    }
  };

  const options = useMemo(() => {
    const distinct = (k: 'fundingSource' | 'caseOfficer') => [...new Set((rows ?? []).map((r) => r[k]).filter(Boolean))].sort();
    return { fundingSource: distinct('fundingSource'), caseOfficer: distinct('caseOfficer') };
  }, [rows]);

  const visible = useMemo(
    () => sortRows(filterSummaries(rows ?? [], toPortfolioFilter(filters)), sort.key, sort.dir, i18n.language === 'en' ? 'en-GB' : 'da-DK'),
    [rows, filters, sort, i18n.language],
  );

  const onSort = (key: SortKey) => setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' }));

  const undoDelete = async (row: ProjectSummary, notificationId: string) => {
    const result = await safeCall(() => api.projectRestore({ projectId: row.projectId }));
    notifications.hide(notificationId);
    if (!result.ok) {
      notifyError(result.error);
      return;
    }
    notifications.show({ color: 'green', message: t('portfolio.restored', { name: row.name }) });
    await load();
  };

  const confirmDelete = (row: ProjectSummary) =>
    modals.openConfirmModal({
      title: t('portfolio.deleteTitle'),
      children: <Text size="sm">{t('portfolio.deleteConfirm', { name: row.name })}</Text>,
      labels: { confirm: t('common.delete'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        const result = await safeCall(() => api.projectDelete({ projectId: row.projectId }));
        if (!result.ok) {
          notifyError(result.error);
          return;
        }
        const id = `deleted-${row.projectId}-${Date.now()}`;
        notifications.show({
          id,
          color: 'gray',
          title: t('portfolio.deleted', { name: row.name }),
          autoClose: 15000,
          message: (
            <Button size="xs" variant="light" mt={4} onClick={() => void undoDelete(row, id)}>
              {t('common.undo')}
            </Button>
          ),
        });
        await load();
      },
    });

  const th = (label: string, key: SortKey, numeric?: boolean) => <SortableTh label={label} sortKey={key} sort={sort} onSort={onSort} numeric={numeric} />;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('portfolio.title')}</Title>
          <Text c="dimmed" size="sm">
            {rows ? t('portfolio.showing', { shown: visible.length, total: rows.length }) : t('common.loading')}
          </Text>
        </div>
        <Group gap="sm">
          <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={openImport}>
            {t('import.open')}
          </Button>
          <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} loading={exporter.busy} onClick={runExportPortfolio}>
            {t('export.portfolio')}
          </Button>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            {t('portfolio.create')}
          </Button>
        </Group>
      </Group>

      {loadError && (
        <Text c="red" role="alert">
          {loadError}
        </Text>
      )}
      {/* The filter first: the counts and figures below are over the projects it shows. */}
      <Paper withBorder p="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            label={t('portfolio.search')}
            placeholder={t('portfolio.searchPlaceholder')}
            leftSection={<IconSearch size={14} />}
            value={filters.search}
            onChange={(e) => {
              const search = e.currentTarget.value;
              setFilters((f) => ({ ...f, search }));
            }}
            w={260}
          />
          <Select label={t('facts.fundingSource')} data={options.fundingSource} value={filters.fundingSource} clearable placeholder={t('common.all')} onChange={(v) => setFilters((f) => ({ ...f, fundingSource: v }))} w={240} />
          <Select label={t('facts.caseOfficer')} data={options.caseOfficer} value={filters.caseOfficer} clearable placeholder={t('common.all')} onChange={(v) => setFilters((f) => ({ ...f, caseOfficer: v }))} w={180} />
          <Select
            label={t('evaluation.type')}
            data={[
              { value: 'midterm', label: t('evaluationType.midterm') },
              { value: 'final', label: t('evaluationType.final') },
            ]}
            value={filters.evaluationType}
            clearable
            placeholder={t('common.all')}
            onChange={(v) => setFilters((f) => ({ ...f, evaluationType: v as EvaluationType | null }))}
            w={170}
          />
          <Select
            label={t('portfolio.lightColour')}
            data={LIGHTS.map((l) => ({ value: l, label: t(`light.${l}`) }))}
            value={filters.light}
            clearable
            placeholder={t('common.all')}
            onChange={(v) => setFilters((f) => ({ ...f, light: v as Light | null }))}
            w={130}
          />
        </Group>
      </Paper>
      {rows && <LightCounts rows={visible} />}
      {rows && rollup && (
        <>
          <PortfolioHeadline rollup={rollup} />
          <PooledIndicators rollup={rollup} hasSuggestions={suggestions.length > 0} />
          <IndicatorSuggestions suggestions={suggestions} onConfirm={(sg) => void confirmSuggestion(sg)} />
        </>
      )}


      {!rows && !loadError ? (
        <Loader />
      ) : (
        <Table.ScrollContainer minWidth={980}>
          <Table striped highlightOnHover verticalSpacing="xs" horizontalSpacing={6} fz="sm" aria-label={t('portfolio.title')}>
            <Table.Thead>
              <Table.Tr>
                {th(t('facts.name'), 'name')}
                {th(t('facts.grantRecipient'), 'grantRecipient')}
                {th(t('facts.caseOfficer'), 'caseOfficer')}
                {th(t('facts.fundingSource'), 'fundingSource')}
                {th(t('portfolio.evaluation'), 'evaluation')}
                {th(t('lightKindShort.implementation'), 'implementationLight')}
                {th(t('lightKindShort.goals'), 'goalsLight')}
                {th(t('lightKindShort.effect'), 'effectLight')}
                {th(t('portfolio.score'), 'implementationScore', true)}
                {th(t('portfolio.output'), 'output', true)}
                {th(t('portfolio.budget'), 'budget', true)}
                {th(t('portfolio.time'), 'time', true)}
                <Table.Th>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {visible.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={13}>
                    <Text c="dimmed" ta="center" py="md">
                      {t('portfolio.empty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {visible.map((row) => (
                <Table.Tr key={row.projectId} data-testid={`project-row-${row.projectId}`}>
                  <Table.Td miw={150} maw={210}>
                    <Anchor href={`#/project/${row.projectId}/resume`} fw={600}>
                      {row.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td maw={140}>{row.grantRecipient || '–'}</Table.Td>
                  <Table.Td maw={120}>{row.caseOfficer || '–'}</Table.Td>
                  <Table.Td maw={190}>{row.fundingSource || '–'}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {row.evaluationType ? (
                      <>
                        {t(`evaluationTypeShort.${row.evaluationType}`)}
                        <Text size="xs" c="dimmed">
                          {fmt.date(row.evaluationDate)}
                        </Text>
                      </>
                    ) : (
                      '–'
                    )}
                  </Table.Td>
                  {(['implementation', 'goals', 'effect'] as LightKind[]).map((k) => (
                    <Table.Td key={k} style={{ whiteSpace: 'nowrap' }}>
                      {row.lights[k] ? (
                        <LightLabel light={row.lights[k]} size="sm" />
                      ) : (
                        <Text size="sm" c="dimmed" aria-label={t('light.none')} title={t('light.none')}>
                          –
                        </Text>
                      )}
                    </Table.Td>
                  ))}
                  <Table.Td ta="right">
                    {row.implementation.score === null ? '–' : fmt.number(row.implementation.score, 1)}
                    {row.implementation.scored < 6 && (
                      <Text size="xs" c="dimmed">
                        {row.implementation.scored}/6
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{fmt.percent(row.goals.output.percent)}</Table.Td>
                  <Table.Td ta="right">{fmt.percent(row.budget.percent)}</Table.Td>
                  <Table.Td ta="right">{fmt.percent(row.time.percent)}</Table.Td>
                  <Table.Td>
                    <Tooltip label={t('portfolio.delete', { name: row.name })}>
                      <ActionIcon variant="subtle" color="red" aria-label={t('portfolio.delete', { name: row.name })} onClick={() => confirmDelete(row)}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      {creating && (
      <CreateProjectModal
        opened
        onClose={() => setCreating(false)}
        onCreated={(projectId, evaluationId) => {
          setCreating(false);
          navigate({ name: 'project', projectId, tab: 'facts', evaluationId });
        }}
      />
      )}
      {choosingExport && (
        <ExportChoiceModal
          shown={visible.length}
          total={rows?.length ?? 0}
          onClose={() => setChoosingExport(false)}
          onChoose={(filtered) => {
            setChoosingExport(false);
            void exportPortfolio(filtered ? toPortfolioFilter(filters) : undefined);
          }}
        />
      )}
      {importing && (
        <ImportWizard
          opened
          onClose={() => setImporting(false)}
          onImported={() => void load()}
          onOpenProject={(projectId) => {
            setImporting(false);
            navigate({ name: 'project', projectId, tab: 'goals', evaluationId: null });
          }}
        />
      )}
    </Stack>
  );
}
