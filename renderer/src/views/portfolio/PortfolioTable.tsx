import { ActionIcon, Anchor, Box, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconArrowsSort, IconSortAscending, IconSortDescending, IconTrash } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LIGHT_KINDS } from '../../../../shared/domain';
import type { PortfolioPageRow, PortfolioSort, PortfolioSortKey } from '../../../../shared/portfolioPage';
import { useAfterFirstPaint } from '../../components/afterFirstPaint';
import { lightWords, LightWord } from '../../components/Light';
import { useFormatter } from '../../format';

/** Every row is this tall (two lines at most), so the scroll height is known without measuring. */
export const ROW_HEIGHT = 52;
/** Rows built beyond the scroller's fold on either side, once the first rows are painted. */
const OVERSCAN = 8;

/** Columns a user can hide; the name, the lights, the score, budget and time always show. */
export const OPTIONAL_COLUMNS = ['grantRecipient', 'caseOfficer', 'fundingSource', 'evaluation', 'output'] as const;
export type OptionalColumn = (typeof OPTIONAL_COLUMNS)[number];

interface Column {
  id: string;
  label: string;
  /** Pixels; the table is laid out fixed so that widths do not jump as rows come and go. */
  width: number;
  sortKey?: PortfolioSortKey;
  numeric?: boolean;
  cell: (row: PortfolioPageRow) => ReactNode;
}

function SortHeader({ column, sort, onSort }: { column: Column & { sortKey: PortfolioSortKey }; sort: PortfolioSort; onSort: (key: PortfolioSortKey) => void }) {
  const { t } = useTranslation();
  const active = sort.key === column.sortKey;
  const Icon = !active ? IconArrowsSort : sort.dir === 'asc' ? IconSortAscending : IconSortDescending;
  return (
    <Table.Th
      className="tl-sortable-th"
      aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
      style={{ textAlign: column.numeric ? 'right' : undefined, whiteSpace: 'nowrap' }}
    >
      <button type="button" onClick={() => onSort(column.sortKey)} title={t('portfolio.sortBy', { column: column.label })}>
        {column.label}
        {active ? <Icon size={14} aria-hidden /> : <IconArrowsSort size={12} aria-hidden className="tl-sort-idle" />}
      </button>
    </Table.Th>
  );
}

/** The row's hover text on its icon once tooltips are armed; the icon alone before (it names itself by aria-label). */
function RowTooltip({ armed, label, children }: { armed: boolean; label: string; children: ReactNode }) {
  return armed ? <Tooltip label={label}>{children}</Tooltip> : children;
}

const clip = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

/**
 * The portfolio's projects as a table that holds only the rows on screen (about 30 <tr>, at
 * 5 or 5,000 projects): @tanstack/react-virtual works out which rows are in view, spacer rows
 * above and below keep the scroll height, and rows not yet fetched show as loading.
 */
export function PortfolioTable({
  count,
  rowAt,
  ensureRange,
  sort,
  onSort,
  hidden,
  onDelete,
}: {
  count: number;
  rowAt: (index: number) => PortfolioPageRow | undefined;
  ensureRange: (start: number, end: number) => void;
  sort: PortfolioSort;
  onSort: (key: PortfolioSortKey) => void;
  hidden: ReadonlySet<OptionalColumn>;
  onDelete: (row: PortfolioPageRow) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const scroller = useRef<HTMLDivElement>(null);
  // The rows beyond the scroller's fold (overscan) and the rows' tooltips come once the first rows
  // are painted and the browser is idle: the first paint builds only the rows in view and one
  // more (issue 12, first paint). The table opens at the top, so row 0 is among the first rows.
  const afterFirstPaint = useAfterFirstPaint(count > 0 && rowAt(0) !== undefined);
  // initialRect: the scroller's height by its CSS (.tl-portfolio-scroller: min(70vh, 640px)), so
  // the first render already holds the rows on screen instead of a second render after measuring.
  // eslint-disable-next-line react-hooks/incompatible-library -- read afresh on every render, never memoized
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: afterFirstPaint ? OVERSCAN : 1, initialRect: { width: 0, height: Math.min(window.innerHeight * 0.7, 640) } });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (count > 0) ensureRange(first, last);
  }, [first, last, count, ensureRange]);
  // A new filter or sort starts at the top.
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [sort]);

  const dash = (v: string) => v || '–';
  const words = lightWords(t);
  const all: (Column & { optional?: OptionalColumn })[] = [
    {
      id: 'name',
      label: t('facts.name'),
      width: 230,
      sortKey: 'name',
      cell: (row) => (
        <>
          <Anchor href={`#/project/${row.projectId}/resume`} fw={600} size="sm" display="block" style={clip} title={row.name}>
            {row.name}
          </Anchor>
          {hidden.has('grantRecipient') && row.grantRecipient && (
            <Text size="xs" c="dimmed" style={clip} title={row.grantRecipient}>
              {row.grantRecipient}
            </Text>
          )}
        </>
      ),
    },
    { id: 'grantRecipient', optional: 'grantRecipient', label: t('facts.grantRecipient'), width: 150, sortKey: 'grantRecipient', cell: (row) => <Box style={clip} title={row.grantRecipient}>{dash(row.grantRecipient)}</Box> },
    { id: 'caseOfficer', optional: 'caseOfficer', label: t('facts.caseOfficer'), width: 130, sortKey: 'caseOfficer', cell: (row) => <Box style={clip} title={row.caseOfficer}>{dash(row.caseOfficer)}</Box> },
    { id: 'fundingSource', optional: 'fundingSource', label: t('facts.fundingSource'), width: 170, sortKey: 'fundingSource', cell: (row) => <Box style={clip} title={row.fundingSource}>{dash(row.fundingSource)}</Box> },
    {
      id: 'evaluation',
      optional: 'evaluation',
      label: t('portfolio.evaluation'),
      width: 105,
      sortKey: 'evaluation',
      cell: (row) =>
        row.evaluationType ? (
          <>
            {t(`evaluationTypeShort.${row.evaluationType}`)}
            <Text size="xs" c="dimmed">
              {fmt.date(row.evaluationDate)}
            </Text>
          </>
        ) : (
          '–'
        ),
    },
    ...LIGHT_KINDS.map((k) => ({
      id: `${k}Light`,
      label: t(`lightKindShort.${k}`),
      width: 105,
      sortKey: `${k}Light` as PortfolioSortKey,
      cell: (row: PortfolioPageRow) => <LightWord light={row.lights[k]} word={words[row.lights[k] ?? 'none']} size="sm" />,
    })),
    {
      id: 'score',
      label: t('portfolio.score'),
      width: 62,
      sortKey: 'implementationScore',
      numeric: true,
      cell: (row) => (
        <>
          {row.implementation.score === null ? '–' : fmt.number(row.implementation.score, 1)}
          {row.implementation.scored < 6 && (
            <Text size="xs" c="dimmed">
              {row.implementation.scored}/6
            </Text>
          )}
        </>
      ),
    },
    { id: 'output', optional: 'output', label: t('portfolio.output'), width: 70, sortKey: 'output', numeric: true, cell: (row) => fmt.percent(row.outputPercent) },
    { id: 'budget', label: t('portfolio.budget'), width: 70, sortKey: 'budget', numeric: true, cell: (row) => fmt.percent(row.budgetPercent) },
    { id: 'time', label: t('portfolio.time'), width: 62, sortKey: 'time', numeric: true, cell: (row) => fmt.percent(row.timePercent) },
  ];
  const columns = all.filter((c) => !c.optional || !hidden.has(c.optional));
  const span = columns.length + 1;
  const minWidth = columns.reduce((w, c) => w + c.width, 0) + 64;
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);

  return (
    <Box
      ref={scroller}
      data-testid="portfolio-scroller"
      tabIndex={0}
      role="region"
      aria-label={t('portfolio.tableRegion', { count })}
      className="tl-portfolio-scroller"
    >
      <Table
        striped
        highlightOnHover
        stickyHeader
        verticalSpacing={4}
        horizontalSpacing={6}
        fz="sm"
        aria-label={t('portfolio.title')}
        aria-rowcount={count + 1}
        style={{ tableLayout: 'fixed', minWidth }}
      >
        <colgroup>
          {columns.map((c) => (
            <col key={c.id} style={{ width: c.width }} />
          ))}
          <col style={{ width: 64 }} />
        </colgroup>
        <Table.Thead>
          <Table.Tr aria-rowindex={1}>
            {columns.map((c) => (c.sortKey ? <SortHeader key={c.id} column={{ ...c, sortKey: c.sortKey }} sort={sort} onSort={onSort} /> : <Table.Th key={c.id}>{c.label}</Table.Th>))}
            <Table.Th>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {before > 0 && (
            <tr aria-hidden style={{ height: before }}>
              <td colSpan={span} />
            </tr>
          )}
          {items.map((item) => {
            const row = rowAt(item.index);
            if (!row)
              return (
                <Table.Tr key={`loading-${item.index}`} aria-rowindex={item.index + 2} style={{ height: ROW_HEIGHT }}>
                  <Table.Td colSpan={span}>
                    <Text size="sm" c="dimmed">
                      {t('common.loading')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            // Each text once per row (i18next's interpolation is not free at 19 rows × 13 cells).
            const warnings = row.warningCount > 0 ? t('portfolio.warningCount', { count: row.warningCount }) : '';
            const deleteLabel = t('portfolio.delete', { name: row.name });
            return (
              <Table.Tr key={row.projectId} data-testid={`project-row-${row.projectId}`} aria-rowindex={item.index + 2} style={{ height: ROW_HEIGHT }}>
                {columns.map((c) => (
                  <Table.Td key={c.id} ta={c.numeric ? 'right' : undefined} style={{ whiteSpace: 'nowrap', overflow: 'hidden' }}>
                    {c.cell(row)}
                  </Table.Td>
                ))}
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {warnings && (
                    <RowTooltip armed={afterFirstPaint} label={warnings}>
                      <Box component="span" role="img" aria-label={warnings} c="orange.9" style={{ display: 'inline-flex', verticalAlign: 'middle', marginRight: 4 }}>
                        <IconAlertTriangle size={16} aria-hidden />
                      </Box>
                    </RowTooltip>
                  )}
                  <RowTooltip armed={afterFirstPaint} label={deleteLabel}>
                    <ActionIcon variant="subtle" color="red" aria-label={deleteLabel} onClick={() => onDelete(row)}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </RowTooltip>
                </Table.Td>
              </Table.Tr>
            );
          })}
          {after > 0 && (
            <tr aria-hidden style={{ height: after }}>
              <td colSpan={span} />
            </tr>
          )}
        </Table.Tbody>
      </Table>
    </Box>
  );
}
