import { Alert, Group, Loader, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcError } from '../../../../shared/contracts';
import type { Evaluation } from '../../../../shared/domain';
import { PARAMETER_NAMES } from '../../../../shared/methodology';
import type { GoalFigures, LightBasis, RoundComparison } from '../../../../shared/methodology/compare';
import { safeCall, useApi } from '../../api';
import { LightLabel } from '../../components/Light';
import { useErrorText } from '../../components/useSave';
import { useFormatter, type Formatter } from '../../format';
import { useProjectData } from './ProjectData';
import { useRoundLabel } from './SignOff';

function sortRounds(rounds: Evaluation[]): Evaluation[] {
  return [...rounds].sort((a, b) => (a.date === b.date ? a.id - b.id : a.date.localeCompare(b.date)));
}

/** Why a light is what it is, in the UI's language, from the structured basis the engine gave. */
export function lightWhy(t: TFunction, fmt: Formatter, basis: LightBasis | null): string {
  if (!basis) return '';
  const f = basis.figure;
  const figure =
    !f ? null
    : f.kind === 'score' ? (f.value === null ? null : t('compare.why.score', { value: fmt.number(f.value, 1) }))
    : f.percent === null ? null
    : t('compare.why.level', { level: t(`level.${f.level}`), percent: fmt.percent(f.percent) });
  if (basis.override) {
    const suggestion = basis.suggested
      ? figure
        ? t('compare.why.suggestion', { light: t(`light.${basis.suggested}`).toLowerCase(), figure })
        : t(`light.${basis.suggested}`).toLowerCase()
      : t('light.none').toLowerCase();
    return t('compare.why.overridden', { suggestion, reason: basis.reason });
  }
  const base = !figure ? '' : basis.suggested === null ? t('compare.why.none', { figure }) : t('compare.why.suggested', { figure });
  // A decision that confirms the suggestion keeps the evaluator's written reason.
  return basis.reason ? [base, t('compare.why.confirmed', { reason: basis.reason })].filter(Boolean).join(' ') : base;
}

function signed(fmt: Formatter, n: number | null): string {
  if (n === null) return '–';
  return n > 0 ? `+${fmt.number(n)}` : fmt.number(n);
}

/**
 * "Sammenlign runder": two rounds of the project side by side, by default the two latest. Goals
 * then and now (target, status, percent) with the change in points, the six scores, and the
 * three lights with why each is what it is.
 */
export function CompareTab() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'da';
  const api = useApi();
  const fmt = useFormatter();
  const errorText = useErrorText();
  const label = useRoundLabel();
  const { project } = useProjectData();
  const rounds = sortRounds(project.evaluations);
  const projectId = project.project.id;
  const [earlierId, setEarlierId] = useState<number | null>(rounds.at(-2)?.id ?? null);
  const [laterId, setLaterId] = useState<number | null>(rounds.at(-1)?.id ?? null);
  const [result, setResult] = useState<{ key: string; comparison?: RoundComparison; error?: IpcError } | null>(null);
  const key = `${earlierId}-${laterId}`;

  useEffect(() => {
    if (earlierId === null || laterId === null || earlierId === laterId) return;
    let cancelled = false;
    void safeCall(() => api.evaluationCompare({ projectId, earlierEvaluationId: earlierId, laterEvaluationId: laterId })).then((r) => {
      if (!cancelled) setResult(r.ok ? { key: `${earlierId}-${laterId}`, comparison: r.value } : { key: `${earlierId}-${laterId}`, error: r.error });
    });
    return () => {
      cancelled = true;
    };
  }, [api, projectId, earlierId, laterId]);

  if (rounds.length < 2)
    return (
      <Alert color="blue" title={t('compare.title')}>
        {t('compare.needTwo')}
      </Alert>
    );

  const options = rounds.map((r) => ({ value: String(r.id), label: label(r) }));
  const current = result?.key === key ? result : null;
  const comparison = current?.comparison;
  const byId = new Map(rounds.map((r) => [r.id, r]));
  const thenLabel = comparison ? label(byId.get(comparison.earlierEvaluationId)!) : '';
  const nowLabel = comparison ? label(byId.get(comparison.laterEvaluationId)!) : '';
  const figures = (g: GoalFigures | null) =>
    g === null
      ? [<Table.Td key="x" colSpan={3} c="dimmed" fz="xs">{t('compare.notInRound')}</Table.Td>]
      : [
          <Table.Td key="target" ta="right">{fmt.number(g.target, g.target !== null && !Number.isInteger(g.target) ? 2 : 0)}</Table.Td>,
          <Table.Td key="status" ta="right">{fmt.number(g.status, g.status !== null && !Number.isInteger(g.status) ? 2 : 0)}</Table.Td>,
          <Table.Td key="percent" ta="right" fw={700}>{fmt.percent(g.percent)}</Table.Td>,
        ];

  return (
    <Stack gap="md" data-testid="compare">
      <Group align="flex-end">
        <Select
          label={t('compare.earlier')}
          data={options}
          value={earlierId ? String(earlierId) : null}
          allowDeselect={false}
          onChange={(v) => v && setEarlierId(Number(v))}
          w={290}
        />
        <Select
          label={t('compare.later')}
          data={options}
          value={laterId ? String(laterId) : null}
          allowDeselect={false}
          onChange={(v) => v && setLaterId(Number(v))}
          w={290}
        />
      </Group>
      {earlierId === laterId ? (
        <Text c="dimmed">{t('compare.needTwo')}</Text>
      ) : current?.error ? (
        <Alert color="red" title={t('errors.title')} role="alert">
          {errorText(current.error)}
        </Alert>
      ) : !comparison ? (
        <Loader aria-label={t('common.loading')} />
      ) : (
        <>
          <Paper withBorder p="md">
            <Title order={3} size="h4" mb="sm">
              {t('compare.lights')}
            </Title>
            <Table layout="fixed" verticalSpacing={6} fz="sm" aria-label={t('compare.lights')} data-testid="compare-lights">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={170}>{t('compare.light')}</Table.Th>
                  <Table.Th w="calc(50% - 85px)">{thenLabel}</Table.Th>
                  <Table.Th w="calc(50% - 85px)">{nowLabel}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {comparison.lights.map((l) => (
                  <Table.Tr key={l.kind} data-testid={`compare-light-${l.kind}`} style={{ verticalAlign: 'top' }}>
                    <Table.Td fw={600}>{t(`lightKind.${l.kind}`)}</Table.Td>
                    <Table.Td>
                      <LightLabel light={l.then} />
                      <Text size="xs" c="dimmed">{lightWhy(t, fmt, l.thenBasis)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <LightLabel light={l.now} />
                      <Text size="xs" c="dimmed" data-testid={`compare-why-${l.kind}`}>{lightWhy(t, fmt, l.nowBasis)}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>

          <Paper withBorder p="md">
            <Title order={3} size="h4" mb="sm">
              {t('compare.goals')}
            </Title>
            {comparison.goals.length === 0 ? (
              <Text c="dimmed">{t('compare.noGoals')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={900}>
                <Table verticalSpacing={4} fz="sm" aria-label={t('compare.goals')} data-testid="compare-goals">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th rowSpan={2} w={60}>{t('compare.code')}</Table.Th>
                      <Table.Th rowSpan={2}>{t('goals.description')}</Table.Th>
                      <Table.Th colSpan={3} ta="center">{thenLabel}</Table.Th>
                      <Table.Th colSpan={3} ta="center">{nowLabel}</Table.Th>
                      <Table.Th rowSpan={2} ta="right" w={110}>{t('compare.change')}</Table.Th>
                    </Table.Tr>
                    <Table.Tr>
                      {[0, 1].flatMap((i) => [
                        <Table.Th key={`t${i}`} ta="right">{t('compare.target')}</Table.Th>,
                        <Table.Th key={`s${i}`} ta="right">{t('compare.status')}</Table.Th>,
                        <Table.Th key={`p${i}`} ta="right">{t('compare.percent')}</Table.Th>,
                      ])}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {comparison.goals.map((g) => (
                      <Table.Tr key={g.code} data-testid={`compare-goal-${g.code}`}>
                        <Table.Td fw={600}>{g.code}</Table.Td>
                        <Table.Td>
                          <Text size="sm" lineClamp={2}>{g.description}</Text>
                        </Table.Td>
                        {figures(g.then)}
                        {figures(g.now)}
                        <Table.Td ta="right" fw={700} data-testid={`compare-change-${g.code}`}>
                          {signed(fmt, g.changePoints)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Paper>

          <Paper withBorder p="md">
            <Title order={3} size="h4" mb="sm">
              {t('compare.parameters')}
            </Title>
            <Table verticalSpacing={4} fz="sm" aria-label={t('compare.parameters')} data-testid="compare-parameters" maw={760}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('compare.parameter')}</Table.Th>
                  <Table.Th ta="right">{thenLabel}</Table.Th>
                  <Table.Th ta="right">{nowLabel}</Table.Th>
                  <Table.Th ta="right">{t('compare.changeScore')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {comparison.parameters.map((p) => (
                  <Table.Tr key={p.parameter}>
                    <Table.Td>
                      {p.parameter}. {PARAMETER_NAMES[p.parameter][lang]}
                    </Table.Td>
                    <Table.Td ta="right">{p.then ?? '–'}</Table.Td>
                    <Table.Td ta="right">{p.now ?? '–'}</Table.Td>
                    <Table.Td ta="right">{signed(fmt, p.then !== null && p.now !== null ? p.now - p.then : null)}</Table.Td>
                  </Table.Tr>
                ))}
                <Table.Tr fw={700} data-testid="compare-average">
                  <Table.Td>{t('compare.average')}</Table.Td>
                  <Table.Td ta="right">{fmt.number(comparison.implementation.then, 1)}</Table.Td>
                  <Table.Td ta="right">{fmt.number(comparison.implementation.now, 1)}</Table.Td>
                  <Table.Td ta="right">
                    {comparison.implementation.then !== null && comparison.implementation.now !== null
                      ? (() => {
                          const d = Math.round((comparison.implementation.now - comparison.implementation.then) * 10) / 10;
                          return d > 0 ? `+${fmt.number(d, 1)}` : fmt.number(d, 1);
                        })()
                      : '–'}
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Paper>
        </>
      )}
    </Stack>
  );
}
