import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import type { EvaluationDetail, IpcError, ProjectDetail } from '../../../../shared/contracts';
import { safeCall, useApi } from '../../api';

export interface ProjectData {
  project: ProjectDetail;
  /** The evaluation round on screen; null when the project has none yet. */
  evaluation: EvaluationDetail | null;
  /** Reloads the project and the evaluation after a save (the engine's figures change). */
  reload: () => Promise<void>;
}

export const ProjectDataContext = createContext<ProjectData | null>(null);

export function useProjectData(): ProjectData {
  const data = useContext(ProjectDataContext);
  if (!data) throw new Error('ProjectDataContext is missing');
  return data;
}

export function useEvaluation(): EvaluationDetail {
  const data = useProjectData();
  if (!data.evaluation) throw new Error('No evaluation round');
  return data.evaluation;
}

type LoadState =
  | { status: 'loading' }
  | { status: 'error'; error: IpcError }
  | { status: 'ready'; project: ProjectDetail; evaluation: EvaluationDetail | null };

/** Loads a project and one of its evaluation rounds (the latest when none is asked for). */
export function useLoadProject(projectId: number, evaluationId: number | null) {
  const api = useApi();
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const load = useCallback(async () => {
    const project = await safeCall(() => api.projectGet({ projectId }));
    if (!project.ok) {
      setState({ status: 'error', error: project.error });
      return;
    }
    const rounds = [...project.value.evaluations].sort((a, b) => (a.date === b.date ? a.id - b.id : a.date.localeCompare(b.date)));
    const chosen = rounds.find((e) => e.id === evaluationId) ?? rounds[rounds.length - 1] ?? null;
    if (!chosen) {
      setState({ status: 'ready', project: project.value, evaluation: null });
      return;
    }
    const evaluation = await safeCall(() => api.evaluationGet({ evaluationId: chosen.id }));
    if (!evaluation.ok) {
      setState({ status: 'error', error: evaluation.error });
      return;
    }
    setState({ status: 'ready', project: project.value, evaluation: evaluation.value });
  }, [api, projectId, evaluationId]);
  useEffect(() => {
    // Loading is the effect's job; the state update happens after the awaited call.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);
  return { state, reload: load };
}
