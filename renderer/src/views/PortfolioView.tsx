import { useLiveChanges } from '../live';
import { Button, Card, Checkbox, Group, Loader, Modal, Paper, Popover, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconColumns, IconFileImport, IconFileSpreadsheet, IconPlus } from '@tabler/icons-react';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorSuggestionView } from '../../../shared/contracts';
import { LIGHT_KINDS, LIGHTS } from '../../../shared/domain';
import { isFilterActive, type PortfolioFilter } from '../../../shared/portfolioFilter';
import type { LightCounts as LightCountsOf, PortfolioPageRow, PortfolioSort, PortfolioSortKey } from '../../../shared/portfolioPage';
import { safeCall, useApi } from '../api';
import { useExport, useMenuCommand } from '../components/exporting';
import { useReturnFocusOnUnmount } from '../components/focus';
import { LightLabel } from '../components/Light';
import { showUndoNotice } from '../components/undoNotice';
import { useErrorText, useNotifyError } from '../components/useSave';
import type { Route } from '../router';
import { IndicatorSuggestions, PooledIndicators, PortfolioHeadline } from './PortfolioFigures';
import { INITIAL_SORT } from './portfolio/firstPage';
import { PortfolioFilters } from './portfolio/PortfolioFilters';
import { OPTIONAL_COLUMNS, PortfolioTable, type OptionalColumn } from './portfolio/PortfolioTable';
import { usePortfolioPages } from './portfolio/usePortfolioPages';

// The import wizard (its readers and checks of workbooks) loads when first opened, so the
// portfolio's first screen does not parse it (issue 12, first paint).
const ImportWizard = lazy(() => import('./import/ImportWizard').then((m) => ({ default: m.ImportWizard })));
const CreateProjectModal = lazy(() => import('./portfolio/CreateProjectModal').then((m) => ({ default: m.CreateProjectModal })));

/** Asks whether to export the projects the filter shows or the whole portfolio. */
function ExportChoiceModal({ shown, total, onChoose, onClose }: { shown: number; total: number; onChoose: (filtered: boolean) => void; onClose: () => void }) {
  const { t } = useTranslation();
  // Shown by mounting: the focus goes back to the export button when the dialog closes.
  useReturnFocusOnUnmount();
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

function LightCounts({ counts }: { counts: LightCountsOf }) {
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
              const n = counts[kind][light ?? 'none'];
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

/** An empty portfolio says where to start, not that a filter matched nothing. */
function EmptyPortfolio({ onCreate, onImport, onDemo, demoBusy }: { onCreate: () => void; onImport: () => void; onDemo: () => void; demoBusy: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xl" data-testid="portfolio-empty">
      <Stack gap="sm" align="flex-start">
        <Title order={3}>{t('portfolio.emptyTitle')}</Title>
        <Text>{t('portfolio.emptyHelp')}</Text>
        <Group gap="sm">
          <Button leftSection={<IconPlus size={16} />} onClick={onCreate}>
            {t('portfolio.create')}
          </Button>
          <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={onImport}>
            {t('import.open')}
          </Button>
          <Button variant="default" onClick={onDemo} loading={demoBusy}>
            {t('portfolio.openDemo')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Shows or hides the table's optional columns (at 1024 px the table needs room for the figures). */
function ColumnChooser({ hidden, onChange }: { hidden: ReadonlySet<OptionalColumn>; onChange: (next: Set<OptionalColumn>) => void }) {
  const { t } = useTranslation();
  return (
    <Popover position="bottom-end" withArrow shadow="md">
      <Popover.Target>
        <Button variant="default" size="xs" leftSection={<IconColumns size={14} />}>
          {t('portfolio.columns')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" role="group" aria-label={t('portfolio.columns')}>
          {OPTIONAL_COLUMNS.map((c) => (
            <Checkbox
              key={c}
              label={t(COLUMN_LABEL[c])}
              checked={!hidden.has(c)}
              onChange={(e) => {
                const next = new Set(hidden);
                if (e.currentTarget.checked) next.delete(c);
                else next.add(c);
                onChange(next);
              }}
            />
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

const COLUMN_LABEL: Record<OptionalColumn, string> = {
  grantRecipient: 'facts.grantRecipient',
  caseOfficer: 'facts.caseOfficer',
  fundingSource: 'facts.fundingSource',
  evaluation: 'portfolio.evaluation',
  output: 'portfolio.output',
};

/**
 * The text columns step aside as the window narrows (the user can bring them back), so that
 * score, lights, budget and time stay on screen; below 1200 px the grant recipient moves under the name.
 */
const MEDIUM = '(max-width: 1439px)';
const NARROW = '(max-width: 1199px)';
const MEDIUM_HIDDEN: OptionalColumn[] = ['caseOfficer', 'fundingSource'];
const NARROW_HIDDEN: OptionalColumn[] = ['grantRecipient', 'caseOfficer', 'fundingSource'];

export function PortfolioView({ navigate }: { navigate: (route: Route) => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const notifyError = useNotifyError();
  const errorText = useErrorText();
  const language = i18n.language === 'en' ? 'en' : 'da';
  const [filter, setFilter] = useState<PortfolioFilter>({});
  // Typing in the search field asks main once the user pauses, not per keystroke.
  // A filter equal to the one asked keeps its identity, so opening the view asks main once, not twice.
  const [query, setQuery] = useState<PortfolioFilter>(filter);
  useEffect(() => {
    const timer = setTimeout(() => setQuery((asked) => (JSON.stringify(asked) === JSON.stringify(filter) ? asked : filter)), 200);
    return () => clearTimeout(timer);
  }, [filter]);
  const [sort, setSort] = useState<PortfolioSort>(INITIAL_SORT);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  // On a team server, others' changes ask for the page again (the rows on screen stay until then).
  const pageVersion = version + useLiveChanges(null);
  const { head, facets, rowAt, ensureRange, error } = usePortfolioPages(query, sort, language, pageVersion);
  const [creating, setCreating] = useState(false);
  const exporter = useExport();
  const { exportPortfolio } = exporter;
  const [choosingExport, setChoosingExport] = useState(false);
  const filterActive = isFilterActive(query);
  // With a filter on, the user says whether the workbook holds what the screen shows or all.
  const runExportPortfolio = useCallback(() => {
    if (filterActive) setChoosingExport(true);
    else void exportPortfolio();
  }, [exportPortfolio, filterActive]);
  useMenuCommand('exportPortfolio', runExportPortfolio);
  const [suggestions, setSuggestions] = useState<IndicatorSuggestionView[]>([]);
  const [importing, setImporting] = useState(false);
  const openImport = useCallback(() => setImporting(true), []);
  useMenuCommand('import', openImport);
  const medium = useMediaQuery(MEDIUM, window.matchMedia(MEDIUM).matches);
  const narrow = useMediaQuery(NARROW, window.matchMedia(NARROW).matches);
  const [chosenHidden, setChosenHidden] = useState<Set<OptionalColumn> | null>(null);
  const hidden = useMemo(() => chosenHidden ?? new Set<OptionalColumn>(narrow ? NARROW_HIDDEN : medium ? MEDIUM_HIDDEN : []), [chosenHidden, narrow, medium]);
  const [demoBusy, setDemoBusy] = useState(false);

  // The suggestions are asked for once the first page is in: they read every goal of the
  // portfolio, and the table comes first.
  const firstPageIn = head !== null;
  useEffect(() => {
    if (!firstPageIn) return;
    let live = true;
    void safeCall(() => api.indicatorSuggestions({})).then((proposed) => {
      if (live && proposed.ok) setSuggestions(proposed.value);
    });
    return () => {
      live = false;
    };
  }, [api, pageVersion, firstPageIn]);

  const confirmSuggestion = async (suggestion: IndicatorSuggestionView) => {
    const r =
      suggestion.kind === 'existing'
        ? await safeCall(() => api.indicatorLink({ goalIds: suggestion.goalIds, indicatorId: suggestion.indicatorId }))
        : await safeCall(() => api.indicatorSave({ code: '', name: suggestion.name, unit: suggestion.unit, level: suggestion.level, linkGoalIds: suggestion.goalIds }));
    if (!r.ok) notifyError(r.error);
    else {
      notifications.show({ color: 'green', message: t('portfolio.suggestionConfirmed', { name: suggestion.indicatorName, count: suggestion.goalIds.length }) });
      reload();
    }
  };

  const openDemo = async () => {
    setDemoBusy(true);
    const r = await safeCall(() => api.portfolioLoadDemo({}));
    setDemoBusy(false);
    if (!r.ok) notifyError(r.error);
    else reload();
  };

  const onSort = useCallback((key: PortfolioSortKey) => setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' })), []);

  const undoDelete = async (row: PortfolioPageRow) => {
    const result = await safeCall(() => api.projectRestore({ projectId: row.projectId }));
    if (!result.ok) {
      notifyError(result.error);
      return;
    }
    notifications.show({ color: 'green', message: t('portfolio.restored', { name: row.name }) });
    reload();
  };

  const confirmDelete = useCallback(
    (row: PortfolioPageRow) =>
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
          showUndoNotice({ kind: 'project', id: row.projectId, title: t('portfolio.deleted', { name: row.name }), undoLabel: t('common.undo'), onUndo: () => undoDelete(row) });
          reload();
        },
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, t, notifyError, reload],
  );

  const empty = head !== null && head.total === 0;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('portfolio.title')}</Title>
          <Text c="dimmed" size="sm" data-testid="portfolio-showing">
            {head ? t('portfolio.showing', { shown: head.matching, total: head.total }) : t('common.loading')}
          </Text>
        </div>
        <Group gap="sm">
          <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={openImport}>
            {t('import.open')}
          </Button>
          {/* Busy rather than `loading` (which disables it and drops the focus returned from the export choice). */}
          <Button
            variant="default"
            leftSection={exporter.busy ? <Loader size={14} color="currentColor" aria-hidden /> : <IconFileSpreadsheet size={16} />}
            data-disabled={exporter.busy || undefined}
            aria-disabled={exporter.busy || undefined}
            onClick={() => {
              if (!exporter.busy) runExportPortfolio();
            }}
          >
            {t('export.portfolio')}
          </Button>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            {t('portfolio.create')}
          </Button>
        </Group>
      </Group>

      {error && (
        <Text c="red" role="alert">
          {errorText(error)}
        </Text>
      )}
      {empty ? (
        <EmptyPortfolio onCreate={() => setCreating(true)} onImport={openImport} onDemo={() => void openDemo()} demoBusy={demoBusy} />
      ) : (
        <>
          {/* The filter first: the counts and figures below are over the projects it shows. */}
          <PortfolioFilters filter={filter} facets={facets} onChange={(patch) => setFilter((f) => ({ ...f, ...patch }))} />
          {head && <LightCounts counts={head.lightCounts} />}
          {head?.rollup && (
            <>
              <PortfolioHeadline rollup={head.rollup} />
              <PooledIndicators rollup={head.rollup} hasSuggestions={suggestions.length > 0} />
              <IndicatorSuggestions suggestions={suggestions} onConfirm={(sg) => void confirmSuggestion(sg)} />
            </>
          )}
          <Group justify="flex-end">
            <ColumnChooser hidden={hidden} onChange={setChosenHidden} />
          </Group>
          {!head && !error ? (
            <Loader />
          ) : head && head.matching === 0 ? (
            <Paper withBorder p="md">
              <Text c="dimmed" ta="center">
                {t('portfolio.empty')}
              </Text>
            </Paper>
          ) : (
            head && <PortfolioTable count={head.matching} rowAt={rowAt} ensureRange={ensureRange} sort={sort} onSort={onSort} hidden={hidden} onDelete={confirmDelete} />
          )}
        </>
      )}

      {creating && (
        <Suspense fallback={null}>
          <CreateProjectModal
            opened
            onClose={() => setCreating(false)}
            onCreated={(projectId, evaluationId) => {
              setCreating(false);
              navigate({ name: 'project', projectId, tab: 'facts', evaluationId });
            }}
          />
        </Suspense>
      )}
      {choosingExport && head && (
        <ExportChoiceModal
          shown={head.matching}
          total={head.total}
          onClose={() => setChoosingExport(false)}
          onChoose={(filtered) => {
            setChoosingExport(false);
            void exportPortfolio(filtered ? query : undefined);
          }}
        />
      )}
      {importing && (
        <Suspense fallback={null}>
          <ImportWizard
            opened
            onClose={() => setImporting(false)}
            onImported={reload}
            onOpenProject={(projectId) => {
              setImporting(false);
              navigate({ name: 'project', projectId, tab: 'goals', evaluationId: null });
            }}
          />
        </Suspense>
      )}
    </Stack>
  );
}
