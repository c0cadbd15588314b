import type { z } from 'zod';
import type { roundContracts } from '../../shared/contracts/roundContracts';
import type { AppServices } from '../services';

type In<K extends keyof typeof roundContracts> = z.output<(typeof roundContracts)[K]['input']>;

/** Implementations of the round channels, for `implementations()` in handlers.ts. */
export function roundImplementations({ rounds }: AppServices) {
  return {
    evaluationTextSet: ({ evaluationId, key, text, expectedVersion }: In<'evaluationTextSet'>) => rounds.setText(evaluationId, key, text, { expectedVersion }),
    evaluationFinalize: ({ evaluationId }: In<'evaluationFinalize'>) => rounds.finalize(evaluationId),
    evaluationReopen: ({ evaluationId, reason }: In<'evaluationReopen'>) => rounds.reopen(evaluationId, reason),
    figuresApprove: ({ projectId, figures }: In<'figuresApprove'>) => rounds.approveFigures(projectId, figures),
    figuresReturn: ({ projectId, figures, comment }: In<'figuresReturn'>) => rounds.returnFigures(projectId, figures, comment),
    evaluationCompare: ({ projectId, earlierEvaluationId, laterEvaluationId }: In<'evaluationCompare'>) =>
      rounds.compare(projectId, earlierEvaluationId, laterEvaluationId),
  };
}
