import { Badge, Button, Card, Group, Paper, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IndicatorSuggestionView } from '../../../shared/contracts';
import { GOAL_LEVELS, type GoalLevel } from '../../../shared/domain';
import type { PooledIndicator, PortfolioRollup } from '../../../shared/methodology/types';
import { shownDecimals } from '../../../shared/numbers/danish';
import { useFormatter } from '../format';

/**
 * The portfolio's figures beside its table: per level the mean of the projects' own attainment
 * (the headline, with how many projects it is over), and pooled attainment per indicator (sum of
 * status / sum of targets of the goals linked to it). Goals of different indicators are never
 * added together, so there is no "pooled output attainment" of a whole level.
 */
export function PortfolioHeadline({ rollup }: { rollup: PortfolioRollup }) {
  const { t } = useTranslation();
  const fmt = useFormatter();
  return (
    <SimpleGrid cols={3} spacing="sm" aria-label={t('portfolio.headline')}>
      {GOAL_LEVELS.map((level) => {
        const h = rollup.headline[level];
        return (
          <Card key={level} withBorder padding="sm" data-testid={`headline-${level}`}>
            <Text size="sm" fw={700}>
              {t(`levelGoals.${level}`)}
            </Text>
            <Text size="xl" fw={800}>
              {fmt.percent(h.displayAverage)}
            </Text>
            <Text size="xs" c="dimmed">
              {t('portfolio.headlineOver', { projects: h.projects, count: h.projectsTotal })}
            </Text>
          </Card>
        );
      })}
    </SimpleGrid>
  );
}

function leftOutText(p: PooledIndicator, t: (k: string, o?: Record<string, unknown>) => string): string {
  const parts = (['notReported', 'missingValue', 'noTarget', 'lowerIsBetter'] as const)
    .filter((r) => p.leftOut[r] > 0)
    .map((r) => t(`portfolio.leftOut.${r}`, { count: p.leftOut[r] }));
  return parts.join(', ');
}

/** `hasSuggestions`: the suggestions below are on screen, so the empty text may point to them. */
export function PooledIndicators({ rollup, hasSuggestions }: { rollup: PortfolioRollup; hasSuggestions: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const figure = (v: number | null) => (v === null ? '–' : fmt.number(v, shownDecimals(v)));
  const unlinked = GOAL_LEVELS.reduce((n, l) => n + rollup.unlinkedGoals[l], 0);
  return (
    <Paper withBorder p="sm" data-testid="pooled-indicators">
      <Title order={3} size="h5">
        {t('portfolio.pooledTitle')}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('portfolio.pooledHelp')}
      </Text>
      {rollup.indicators.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t(hasSuggestions ? 'portfolio.noIndicatorsSeeSuggestions' : 'portfolio.noIndicators')}
        </Text>
      ) : (
        <Table fz="sm" verticalSpacing={4} aria-label={t('portfolio.pooledTitle')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('indicators.indicator')}</Table.Th>
              <Table.Th>{t('portfolio.level')}</Table.Th>
              <Table.Th ta="right">{t('portfolio.statusSum')}</Table.Th>
              <Table.Th ta="right">{t('portfolio.targetSum')}</Table.Th>
              <Table.Th ta="right">{t('portfolio.pooledPercent')}</Table.Th>
              <Table.Th ta="right">{t('portfolio.projects')}</Table.Th>
              <Table.Th ta="right">{t('portfolio.goals')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rollup.indicators.map((p) => {
              const left = leftOutText(p, t);
              return (
                <Table.Tr key={p.indicator.key} data-testid={`pooled-${p.indicator.key}`}>
                  <Table.Td>
                    {p.indicator.code ? `${p.indicator.code} ` : ''}
                    {p.indicator.name}
                    {p.indicator.unit && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        ({p.indicator.unit})
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`levelGoals.${p.indicator.level}`)}</Table.Td>
                  <Table.Td ta="right">{figure(p.statusSum)}</Table.Td>
                  <Table.Td ta="right">{figure(p.targetSum)}</Table.Td>
                  <Table.Td ta="right" fw={700}>
                    {fmt.percent(p.displayPercent)}
                  </Table.Td>
                  <Table.Td ta="right">{p.projects}</Table.Td>
                  <Table.Td ta="right">
                    {left ? (
                      <Tooltip label={t('portfolio.leftOutOf', { reasons: left })}>
                        <span tabIndex={0} aria-label={`${t('portfolio.goalsOf', { goals: p.goals, linked: p.linkedGoals })}; ${t('portfolio.leftOutOf', { reasons: left })}`}>
                          {t('portfolio.goalsOf', { goals: p.goals, linked: p.linkedGoals })}
                        </span>
                      </Tooltip>
                    ) : (
                      p.goals
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {unlinked > 0 && (
        <Text size="xs" c="dimmed" mt="xs" data-testid="unlinked-goals">
          {t('portfolio.unlinked', { count: unlinked })}
        </Text>
      )}
    </Paper>
  );
}

/** Goals worded alike in several projects: one click links them all to one indicator. */
/**
 * A suggestion's named goals joined, and how many more it links beyond them (a national
 * portfolio's suggestion can link tens of thousands; main names the first ones).
 */
export function namedGoals(
  s: IndicatorSuggestionView,
  name: (g: IndicatorSuggestionView['goals'][number]) => string,
  separator: string,
  more: (count: number) => string,
  skipGoalId?: number,
): string {
  const named = s.goals.filter((g) => g.goalId !== skipGoalId).map(name);
  const rest = s.goalIds.length - s.goals.length;
  return rest > 0 ? [...named, more(rest)].join(separator) : named.join(separator);
}

/** "… og 24.490 mål mere" in the language shown. */
export function useMoreGoals(): (count: number) => string {
  const { t } = useTranslation();
  const fmt = useFormatter();
  return (count) => t('suggestionList.more', { count, n: fmt.number(count) });
}

export function IndicatorSuggestions({ suggestions, onConfirm }: { suggestions: IndicatorSuggestionView[]; onConfirm: (s: IndicatorSuggestionView) => void }) {
  const { t } = useTranslation();
  const more = useMoreGoals();
  if (suggestions.length === 0) return null;
  return (
    <Paper withBorder p="sm" data-testid="indicator-suggestions">
      <Title order={3} size="h5">
        {t('portfolio.suggestionsTitle')}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('portfolio.suggestionsHelp')}
      </Text>
      <Stack gap="xs">
        {suggestions.map((s) => (
          <Group key={s.key} justify="space-between" wrap="nowrap" align="flex-start">
            {/* The goals' list may be long: it wraps, and the button keeps its width. */}
            <div style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
              <Group gap={6}>
                <Text size="sm" fw={600}>
                  {s.indicatorName}
                </Text>
                <Badge size="xs" variant="light">
                  {t(`level.${s.level as GoalLevel}`)}
                </Badge>
                {s.kind === 'existing' && (
                  <Badge size="xs" variant="outline">
                    {t('portfolio.existingIndicator')}
                  </Badge>
                )}
              </Group>
              <Text size="xs" c="dimmed">
                {namedGoals(s, (g) => `${g.projectName}: ${g.code}`, ' · ', more)}
              </Text>
            </div>
            <Button size="xs" variant="light" style={{ flexShrink: 0 }} onClick={() => onConfirm(s)} aria-label={t('portfolio.confirmSuggestion', { name: s.indicatorName })}>
              {t('portfolio.confirm')}
            </Button>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
