import { Paper, Stack, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorSuggestionView, IndicatorUsage, IpcError } from '../../../../shared/contracts';
import { GOAL_LEVELS, type GoalLevel } from '../../../../shared/domain';
import { safeCall, useApi } from '../../api';
import { useNotifyError } from '../../components/useSave';
import { EvaluationTextField } from './EvaluationText';
import { GoalTable } from './GoalTable';
import { LightDecisionEditor } from './LightDecision';
import { useEvaluation, useProjectData } from './ProjectData';

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
  const { project, reload } = useProjectData();
  const detail = useEvaluation();
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
      result={detail.summary.levels[level]}
      statusReports={project.statusReports}
      evaluationDate={detail.evaluation.date}
      period={{ start: project.project.periodStart, end: project.project.periodEnd }}
      indicators={l.indicators}
      suggestions={l.suggestions}
      onChanged={onChanged}
      capAt100={detail.profile.capAt100}
    />
  );
}

export function GoalsTab() {
  const { t } = useTranslation();
  const { project } = useProjectData();
  const links = useIndicatorLinks(project.project.id);
  return (
    <Stack gap="lg">
      {GOAL_LEVELS.map((level) => (
        <Paper key={level} withBorder p="md">
          <Title order={3} size="h4" mb="sm">
            {t(`levelGoals.${level}`)}
          </Title>
          <LevelGoals level={level} links={links} />
          {level !== 'C' && (
            <div style={{ marginTop: 'var(--mantine-spacing-md)' }}>
              <EvaluationTextField textKey={level === 'A' ? 'activityGoals' : 'outputGoals'} />
            </div>
          )}
        </Paper>
      ))}
      <LightDecisionEditor kind="goals" />
    </Stack>
  );
}
