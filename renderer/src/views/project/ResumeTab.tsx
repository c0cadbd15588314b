import { Card, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { GOAL_LEVELS, type LightKind } from '../../../../shared/domain';
import { EFFECT_LIGHT_MEANINGS, GOAL_BAND_MEANINGS } from '../../../../shared/methodology';
import { useApi } from '../../api';
import { EditableText } from '../../components/Editable';
import { LightLabel } from '../../components/Light';
import { useEngineText, WarningList } from '../../components/warnings';
import { useFormatter } from '../../format';
import { MeasuresPanel } from './MeasuresPanel';
import { useEvaluation, useProjectData } from './ProjectData';
import { statusInForce } from './GoalTable';
import { awaitsApproval } from '../../../../shared/approval';
import { RightsLock } from '../../rights';

function LightCard({ kind }: { kind: LightKind }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const fmt = useFormatter();
  const { reload } = useProjectData();
  const detail = useEvaluation();
  const { summary } = detail;
  const outcome = summary.lights[kind];
  const decision = detail.lights.find((l) => l.kind === kind);
  const lang = i18n.language === 'en' ? 'en' : 'da';
  const explain = useEngineText('explanation');

  let figure: string | null = null;
  let meaning: string | null = null;
  if (kind === 'implementation') {
    const impl = summary.implementation;
    figure = impl.rounded === null ? '–' : fmt.number(impl.rounded, 1);
    meaning = impl.provisional ? t('implementation.provisional', { scored: impl.scored, total: impl.required }) : t('resume.averageScore');
  } else if (kind === 'goals') {
    const level = outcome.basis?.level ?? 'B';
    const lr = summary.levels[level];
    figure = fmt.percent(lr.displayAverage);
    meaning = lr.band ? GOAL_BAND_MEANINGS[lr.band.meaning][lang] : t('goals.noAverage');
  } else if (outcome.final) {
    meaning = EFFECT_LIGHT_MEANINGS[outcome.final][lang];
  }

  return (
    <Card withBorder padding="md" data-testid={`resume-light-${kind}`}>
      <Stack gap="xs">
        <Text fw={700}>{t(`lightKind.${kind}`)}</Text>
        <Group justify="space-between" align="center">
          <LightLabel light={outcome.final} size="lg" />
          {figure && (
            <Text size="xl" fw={800} data-testid={`resume-figure-${kind}`}>
              {figure}
            </Text>
          )}
        </Group>
        {meaning && (
          <Text size="sm" c="dimmed">
            {meaning}
          </Text>
        )}
        {outcome.explanation && (
          <Text size="xs" c="blue.9" data-testid={`resume-explanation-${kind}`}>
            {explain(outcome.explanation)}
          </Text>
        )}
        {outcome.overridden && (
          <Text size="xs">
            {t('decision.overriddenFrom', { light: outcome.suggested ? t(`light.${outcome.suggested}`) : t('light.none') })}
          </Text>
        )}
        <EditableText
          label={t('resume.shortText')}
          value={decision?.text ?? ''}
          multiline
          minRows={3}
          maxRows={7}
          onSave={async (text) => {
            const r = await api.lightSet({ evaluationId: detail.evaluation.id, kind, text, expectedVersion: decision?.version ?? 0 });
            if (r.ok) await reload();
            return r;
          }}
          onReload={reload}
        />
      </Stack>
    </Card>
  );
}

export function ResumeTab() {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const api = useApi();
  const { reload, project } = useProjectData();
  const detail = useEvaluation();
  const { summary, evaluation } = detail;
  const prog = summary.progress;
  // Issue 13: the statuses in force for the round that no case officer has approved yet, per level.
  const unapproved = (level: string) =>
    project.goals.filter((g) => g.level === level && awaitsApproval(statusInForce(project.statusReports, g.id, evaluation.date)?.approval)).length;
  const progressUnapproved = awaitsApproval(evaluation.progressApproval);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={3}>
          {t('resume.title')}: {t(`evaluationType.${evaluation.type}`)} {fmt.date(evaluation.date)}
        </Title>
        {evaluation.evaluator && (
          <Text size="sm" c="dimmed">
            {t('evaluation.evaluator')}: {evaluation.evaluator}
          </Text>
        )}
      </Group>
      <SimpleGrid cols={3} spacing="md">
        <LightCard kind="implementation" />
        <LightCard kind="goals" />
        <LightCard kind="effect" />
      </SimpleGrid>

      <SimpleGrid cols={2} spacing="md">
        <Paper withBorder p="md">
          <Title order={4} mb="xs">
            {t('resume.keyFigures')}
          </Title>
          <Table withRowBorders={false} verticalSpacing={4} data-testid="key-figures">
            <Table.Tbody>
              {GOAL_LEVELS.map((level) => {
                const lr = summary.levels[level];
                return (
                  <Table.Tr key={level}>
                    <Table.Td>{t(`levelGoals.${level}`)}</Table.Td>
                    <Table.Td ta="right" fw={700}>
                      {fmt.percent(lr.displayAverage)}
                    </Table.Td>
                    <Table.Td>
                      <LightLabel light={lr.light} size="xs" />
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" c="dimmed">
                        {t('goals.reported', { reported: lr.reported, total: lr.total })}
                      </Text>
                      {unapproved(level) > 0 && (
                        <Text size="xs" c="orange.8" data-testid={`resume-unapproved-${level}`}>
                          {t('approval.unapprovedCount', { count: unapproved(level) })}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
              <Table.Tr>
                <Table.Td>{t('budget.budgetConsumption')}</Table.Td>
                <Table.Td ta="right" fw={700}>
                  {fmt.percent(prog.budget.displayPercent)}
                </Table.Td>
                <Table.Td colSpan={2}>
                  {progressUnapproved && (
                    <Text size="xs" c="orange.8" data-testid="resume-unapproved-progress">
                      {t('approval.unapproved')}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td>{t('budget.timeConsumption')}</Table.Td>
                <Table.Td ta="right" fw={700}>
                  {fmt.percent(prog.time.displayPercent)}
                </Table.Td>
                <Table.Td colSpan={2} />
              </Table.Tr>
              <Table.Tr>
                <Table.Td>{t('budget.burnRatio')}</Table.Td>
                <Table.Td ta="right" fw={700}>
                  {fmt.number(prog.burnRatio, 2)}
                </Table.Td>
                <Table.Td colSpan={2}>
                  {prog.burnFlag && (
                    <Text size="xs" c={prog.burnFlag === 'ok' ? 'dimmed' : 'orange.8'}>
                      {t(`budget.burnFlag.${prog.burnFlag}`)}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td>{t('resume.gap')}</Table.Td>
                <Table.Td ta="right" fw={700}>
                  {summary.gapOutputVsTime === null ? '–' : `${summary.gapOutputVsTime > 0 ? '+' : ''}${fmt.number(summary.gapOutputVsTime)}`}
                </Table.Td>
                <Table.Td colSpan={2}>
                  <Text size="xs" c="dimmed">
                    {t('resume.gapHelp')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Paper>
        <Stack gap="sm">
          <Title order={4}>{t('warnings.heading')}</Title>
          <WarningList warnings={summary.warnings} />
        </Stack>
      </SimpleGrid>

      {/* Shares and comparisons are the goals' (the case officer's), in the evaluator's tab. */}
      <RightsLock table="goals" projectId={project.project.id}>
        <MeasuresPanel />
      </RightsLock>

      <Paper withBorder p="md">
        <EditableText
          label={<Title order={4}>{t('resume.overallStatus')}</Title>}
          value={evaluation.overallStatus}
          multiline
          minRows={4}
          onSave={async (overallStatus) => {
            const r = await api.evaluationUpdate({ evaluationId: evaluation.id, patch: { overallStatus } });
            if (r.ok) await reload();
            return r;
          }}
        />
      </Paper>
    </Stack>
  );
}
