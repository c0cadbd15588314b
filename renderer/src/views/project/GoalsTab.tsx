import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorSuggestionView, IndicatorUsage, IpcError } from '../../../../shared/contracts';
import { GOAL_LEVELS, type GoalLevel } from '../../../../shared/domain';
import { safeCall, useApi } from '../../api';
import { useNotifyError } from '../../components/useSave';
import { EvaluationTextField } from './EvaluationText';
import { GoalTable } from './GoalTable';
import { LightDecisionEditor } from './LightDecision';
import { CatalogueButton } from './CatalogueDialog';
import { useProjectData } from './ProjectData';
import { PendingApprovals } from './Approval';

export interface IndicatorLinks {
  indicators: IndicatorUsage[];
  suggestions: IndicatorSuggestionView[];
  reload: () => Promise<void>;
}

/** The portfolio's indicators and the suggested links that touch this project's goals. */
export function useIndicatorLinks(projectId: number, enabled = true): IndicatorLinks {
  const api = useApi();
  const notifyError = useNotifyError();
  const [state, setState] = useState<{ indicators: IndicatorUsage[]; suggestions: IndicatorSuggestionView[] }>({ indicators: [], suggestions: [] });
  const reload = useCallback(async () => {
    if (!enabled) return;
    const [indicators, suggestions] = await Promise.all([safeCall(() => api.indicatorList({})), safeCall(() => api.indicatorSuggestions({ projectId }))]);
    if (!indicators.ok || !suggestions.ok) {
      notifyError(!indicators.ok ? indicators.error : (suggestions as { ok: false; error: IpcError }).error);
      return;
    }
    setState({ indicators: indicators.value, suggestions: suggestions.value });
  }, [api, projectId, enabled, notifyError]);
  useEffect(() => {
    // Loading is the effect's job; the state update happens after the awaited calls.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void reload();
  }, [reload]);
  return { ...state, reload };
}

export function LevelGoals({ level, links }: { level: GoalLevel; links?: IndicatorLinks }) {
  const { project, reload, evaluation: detail } = useProjectData();
  const own = useIndicatorLinks(project.project.id, !links);
  const l = links ?? own;
  const onChanged = useCallback(async () => {
    await Promise.all([reload(), l.reload()]);
  }, [reload, l]);
  return (
    <GoalTable
      projectId={project.project.id}
      level={level}
      goals={project.goals.filter((g) => g.level === level).sort((a, b) => a.position - b.position || a.id - b.id)}
      // Goals belong to the project: without a round they are shown with their latest status,
      // and attainment and lights wait for a round (its type and date decide them).
      result={detail?.summary.levels[level] ?? null}
      statusReports={project.statusReports}
      evaluationDate={detail?.evaluation.date ?? null}
      period={{ start: project.project.periodStart, end: project.project.periodEnd }}
      indicators={l.indicators}
      suggestions={l.suggestions}
      onChanged={onChanged}
      capAt100={detail?.profile.capAt100}
    />
  );
}

export function GoalsTab({ onNewRound }: { onNewRound?: () => void } = {}) {
  const { t } = useTranslation();
  const { project, evaluation } = useProjectData();
  const links = useIndicatorLinks(project.project.id);
  return (
    <Stack gap="lg">
      {!evaluation && (
        <Alert color="blue" title={t('rounds.none')} data-testid="goals-no-round">
          <Text size="sm" mb={onNewRound ? 'sm' : 0}>
            {t('measureForms.noRoundHelp')}
          </Text>
          {onNewRound && (
            <Button size="xs" onClick={onNewRound}>
              {t('rounds.new')}
            </Button>
          )}
        </Alert>
      )}
      <PendingApprovals />
      <Group justify="flex-end">
        <CatalogueButton onLoaded={links.reload} />
      </Group>
      {GOAL_LEVELS.map((level) => (
        <Paper key={level} withBorder p="md">
          <Title order={3} size="h4" mb="sm">
            {t(`levelGoals.${level}`)}
          </Title>
          <LevelGoals level={level} links={links} />
          {level !== 'C' && evaluation && (
            <div style={{ marginTop: 'var(--mantine-spacing-md)' }}>
              <EvaluationTextField textKey={level === 'A' ? 'activityGoals' : 'outputGoals'} />
            </div>
          )}
        </Paper>
      ))}
      {evaluation && <LightDecisionEditor kind="goals" />}
    </Stack>
  );
}
