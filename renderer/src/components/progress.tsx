import { Group, Loader, Progress, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface TaskProgress {
  phase: string;
  done: number;
  total: number;
}

/**
 * Progress events of one long task ('import' / 'export') while `active`. Only Electron sends
 * them (window.appEvents.onProgress); elsewhere the value stays null and a loader is shown.
 */
export function useTaskProgress(task: 'import' | 'export', active: boolean): TaskProgress | null {
  const [progress, setProgress] = useState<TaskProgress | null>(null);
  const [wasActive, setWasActive] = useState(active);
  if (wasActive !== active) {
    setWasActive(active);
    if (active) setProgress(null);
  }
  useEffect(() => {
    if (!active) return;
    return window.appEvents?.onProgress?.((event) => {
      if (event.task === task) setProgress({ phase: event.phase, done: event.done, total: event.total });
    });
  }, [task, active]);
  return active ? progress : null;
}

/** A progress bar when progress events arrive, a loader otherwise. */
export function TaskProgressBar({ progress, label }: { progress: TaskProgress | null; label: string }) {
  const { t } = useTranslation();
  if (!progress || progress.total <= 0)
    return (
      <Group gap="xs" wrap="nowrap" role="status">
        <Loader size="sm" />
        <Text size="sm">{label}</Text>
      </Group>
    );
  const value = Math.max(0, Math.min(100, (progress.done / progress.total) * 100));
  return (
    <div role="status">
      <Text size="sm" mb={4}>
        {label} {progress.phase ? `· ${progress.phase}` : ''}
      </Text>
      <Progress value={value} animated aria-label={t('common.progress', { percent: Math.round(value) })} />
    </div>
  );
}
