import { RadarChart } from '@mantine/charts';
import { Card, Group, Paper, Radio, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPLEMENTATION_PARAMETERS, type ImplementationParameter } from '../../../../shared/domain';
import { ScoreSchema } from '../../../../shared/contracts/schemas';
import { implementationResult, PARAMETER_NAMES, SCORE_MEANINGS, type ScoreValue } from '../../../../shared/methodology';
import { useApi } from '../../api';
import { ChartFigure } from '../../components/ChartFigure';
import { EditableText } from '../../components/Editable';
import { LightLabel } from '../../components/Light';
import { LockMark, useLock } from '../../components/lock';
import { useSave } from '../../components/useSave';
import { useVersionedSave, type VersionedSave } from '../../components/useVersionedSave';
import { EvaluationTextField } from './EvaluationText';
import { useFormatter } from '../../format';
import { useEvaluation, useProjectData } from './ProjectData';

const SCORES: ScoreValue[] = [1, 2, 3, 4, 5];

function ParameterCard({
  parameter,
  score,
  headline,
  text,
  onScore,
  versioned,
}: {
  parameter: ImplementationParameter;
  score: number | null;
  headline: string;
  text: string;
  onScore: (parameter: ImplementationParameter, score: number) => Promise<boolean>;
  /** The panel's saves of score rows, in order per row (radio, headline and text share one). */
  versioned: VersionedSave;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'da';
  const api = useApi();
  const { reload } = useProjectData();
  const detail = useEvaluation();
  // The score row's version as read (0 = not saved yet): a save over someone else's newer one is refused.
  const expectedVersion = detail.scores.find((s) => s.parameter === parameter)?.version ?? 0;
  const [error, setError] = useState<string | null>(null);
  const lockReason = useLock();
  const locked = lockReason !== null;
  const name = PARAMETER_NAMES[parameter][lang];

  return (
    <Card withBorder padding="md" data-testid={`parameter-${parameter}`}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={4} size="h5">
            {parameter}. {name}
          </Title>
          <Text fw={800} size="lg" aria-hidden>
            {score ?? '–'}
          </Text>
        </Group>
        <Radio.Group
          label={
            lockReason !== null ? (
              // Disabled radios alone don't say why; the padlock does.
              <Group gap={6} component="span">
                {t('implementation.score')}
                <LockMark reason={lockReason} />
              </Group>
            ) : (
              t('implementation.score')
            )
          }
          value={score === null ? null : String(score)}
          error={error}
          onChange={(v) => {
            const parsed = ScoreSchema.safeParse(Number(v));
            if (!parsed.success) {
              setError(t('validation.score'));
              return;
            }
            setError(null);
            void onScore(parameter, parsed.data);
          }}
        >
          <Stack gap={4} mt={4}>
            {[...SCORES].reverse().map((s) => (
              <Radio
                key={s}
                value={String(s)}
                label={`${s} – ${SCORE_MEANINGS[s][lang]}`}
                aria-label={`${name}: ${s} – ${SCORE_MEANINGS[s][lang]}`}
                size="xs"
                disabled={locked}
                // Locked, the chosen score must still read clearly among the faded others.
                styles={locked && score === s ? { label: { color: 'var(--mantine-color-text)', fontWeight: 700 } } : undefined}
              />
            ))}
          </Stack>
        </Radio.Group>
        <EditableText
          label={t('implementation.headline')}
          value={headline}
          multiline
          minRows={1}
          onSave={async (v) => {
            const r = await versioned(`score-${detail.evaluation.id}-${parameter}`, expectedVersion, (version) =>
              api.scoreSet({ evaluationId: detail.evaluation.id, parameter, headline: v, expectedVersion: version }),
            );
            if (r.ok) await reload();
            return r;
          }}
          onReload={reload}
        />
        <EditableText
          label={t('implementation.text')}
          value={text}
          multiline
          minRows={3}
          onSave={async (v) => {
            const r = await versioned(`score-${detail.evaluation.id}-${parameter}`, expectedVersion, (version) =>
              api.scoreSet({ evaluationId: detail.evaluation.id, parameter, text: v, expectedVersion: version }),
            );
            if (r.ok) await reload();
            return r;
          }}
          onReload={reload}
        />
      </Stack>
    </Card>
  );
}

/**
 * Implementering: six parameter cards (1-5 with the meanings of the method), a live average and
 * light computed with the same engine as main, and a radar chart of the six scores.
 */
export function ImplementationPanel() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'da';
  const api = useApi();
  const fmt = useFormatter();
  const { reload } = useProjectData();
  const detail = useEvaluation();
  const save = useSave();
  const versioned = useVersionedSave();
  // Scores chosen here show at once; a refused save puts the saved score back.
  const [pending, setPending] = useState<Partial<Record<ImplementationParameter, number>>>({});

  const saved = Object.fromEntries(detail.scores.map((s) => [s.parameter, s])) as Partial<
    Record<ImplementationParameter, (typeof detail.scores)[number]>
  >;
  const scoreOf = (p: ImplementationParameter) => pending[p] ?? saved[p]?.score ?? null;
  const live = implementationResult(
    IMPLEMENTATION_PARAMETERS.map((p) => ({ parameter: p, score: scoreOf(p) })),
    detail.profile,
  );

  const onScore = async (parameter: ImplementationParameter, score: number) => {
    setPending((s) => ({ ...s, [parameter]: score }));
    const expectedVersion = detail.scores.find((s) => s.parameter === parameter)?.version ?? 0;
    const result = await save.run(() =>
      versioned(`score-${detail.evaluation.id}-${parameter}`, expectedVersion, (version) =>
        api.scoreSet({ evaluationId: detail.evaluation.id, parameter, score, expectedVersion: version }),
      ),
    );
    if (result.ok) await reload();
    setPending((s) => {
      const next = { ...s };
      delete next[parameter];
      return next;
    });
    return result.ok;
  };

  const radarData = IMPLEMENTATION_PARAMETERS.map((p) => ({
    parameter: String(p),
    name: PARAMETER_NAMES[p][lang],
    // An unscored parameter is left out (null), never drawn as 0; the polygon joins the scored ones.
    score: scoreOf(p),
    // An invisible outline at 5 keeps the grid and the scale when nothing is scored yet.
    scale: 5,
  }));

  const scoresTableId = `${useId()}-scores`;
  const radarSummary = t('charts.radarSummary', {
    scores: IMPLEMENTATION_PARAMETERS.map((p) => {
      const s = scoreOf(p);
      return `${p}. ${PARAMETER_NAMES[p][lang]} ${s === null ? t('charts.notScored') : s}`;
    }).join(', '),
  });

  return (
    <Stack gap="md">
      <SimpleGrid cols={2} spacing="md">
        <Paper withBorder p="md" data-testid="implementation-summary">
          <Stack gap="xs">
            <Title order={3} size="h4">
              {t('implementation.title')}
            </Title>
            <Group gap="xl" align="center">
              <div>
                <Text size="xs" c="dimmed">
                  {t('implementation.average')}
                </Text>
                <Text fz={40} fw={800} lh={1} data-testid="implementation-average">
                  {live.rounded === null ? '–' : fmt.number(live.rounded, 1)}
                </Text>
              </div>
              <div>
                <Text size="xs" c="dimmed">
                  {t('implementation.light')}
                </Text>
                <div data-testid="implementation-light">
                  <LightLabel light={live.light} size="lg" />
                </div>
              </div>
            </Group>
            <Text size="sm" c={live.provisional ? 'orange.8' : 'dimmed'}>
              {live.provisional
                ? t('implementation.provisional', { scored: live.scored, total: live.required })
                : t('implementation.allScored', { total: live.required })}
            </Text>
            <Text size="xs" c="dimmed">
              {t('implementation.rule', {
                green: fmt.number(detail.profile.implementationBands.greenMin, 1),
                yellow: fmt.number(detail.profile.implementationBands.yellowMin, 1),
              })}
            </Text>
            <Table withRowBorders={false} verticalSpacing={2} fz="xs" mt="xs" data-testid="implementation-scores" id={scoresTableId}>
              <Table.Tbody>
                {IMPLEMENTATION_PARAMETERS.map((p) => (
                  <Table.Tr key={p}>
                    <Table.Td>
                      {p}. {PARAMETER_NAMES[p][lang]}
                    </Table.Td>
                    <Table.Td ta="right" fw={700}>
                      {scoreOf(p) ?? '–'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {save.errorMessage && (
              <Text c="red" size="sm" role="alert">
                {save.errorMessage}
              </Text>
            )}
          </Stack>
        </Paper>
        <Paper withBorder p="xs">
          {/* The scores are in the table beside it and in the figure's description; the chart itself takes no keyboard stops. */}
          <ChartFigure title={t('implementation.radar')} summary={radarSummary} describedBy={[scoresTableId]} testId="implementation-radar">
          <RadarChart
            h={300}
            data={radarData}
            dataKey="parameter"
            withPolarRadiusAxis
            accessibilityLayer={false}
            // The method's scale is 1-5: no 0 ring (a score of 1 is the centre, the lowest score).
            polarRadiusAxisProps={{ domain: [1, 5], ticks: [1, 2, 3, 4, 5], tickCount: 5, angle: 90, allowDataOverflow: false }}
            polarAngleAxisProps={{ tick: { fontSize: 13, fontWeight: 700 } }}
            radarProps={(series) =>
              series.name === 'scale' ? { strokeOpacity: 0, fillOpacity: 0, isAnimationActive: false, legendType: 'none' } : { connectNulls: true }
            }
            series={[
              { name: 'scale', color: 'gray.3', opacity: 0 },
              // With nothing scored there is no polygon to draw (an empty path is invalid SVG).
              ...(radarData.some((d) => d.score !== null) ? [{ name: 'score', label: t('implementation.score'), color: 'indigo.6', opacity: 0.3 }] : []),
            ]}
          />
          </ChartFigure>
        </Paper>
      </SimpleGrid>
      <Paper withBorder p="md">
        <EvaluationTextField textKey="implementation" />
      </Paper>
      <SimpleGrid cols={{ base: 2, xl: 3 }} spacing="md">
        {IMPLEMENTATION_PARAMETERS.map((p) => (
          <ParameterCard key={p} parameter={p} score={scoreOf(p)} headline={saved[p]?.headline ?? ''} text={saved[p]?.text ?? ''} onScore={onScore} versioned={versioned} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
