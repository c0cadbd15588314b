import { Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { GOAL_LEVELS, type GoalLevel } from '../../../../shared/domain';
import { EvaluationTextField } from './EvaluationText';
import { GoalTable } from './GoalTable';
import { LightDecisionEditor } from './LightDecision';
import { useEvaluation, useProjectData } from './ProjectData';

export function LevelGoals({ level }: { level: GoalLevel }) {
  const { project, reload } = useProjectData();
  const detail = useEvaluation();
  return (
    <GoalTable
      projectId={project.project.id}
      level={level}
      goals={project.goals.filter((g) => g.level === level).sort((a, b) => a.position - b.position || a.id - b.id)}
      result={detail.summary.levels[level]}
      statusReports={project.statusReports}
      evaluationDate={detail.evaluation.date}
      onChanged={reload}
    />
  );
}

export function GoalsTab() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      {GOAL_LEVELS.map((level) => (
        <Paper key={level} withBorder p="md">
          <Title order={3} size="h4" mb="sm">
            {t(`levelGoals.${level}`)}
          </Title>
          <LevelGoals level={level} />
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
