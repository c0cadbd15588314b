import { z } from 'zod';
import { EVALUATION_TEXT_KEYS, type EvaluationSignOff, type EvaluationTextKey, type EvaluationTexts, type FigureApproval } from '../domain';
import type { RoundComparison } from '../methodology/compare';
import { defineContract } from './core';
import { ExpectedVersion, Id, LongText } from './schemas';

export const EvaluationTextKeySchema = z.enum(EVALUATION_TEXT_KEYS as readonly EvaluationTextKey[] as [EvaluationTextKey, ...EvaluationTextKey[]]);

/** A reported figure: a status report, or a round's budget and time figures (issue 13). */
export const FigureRefSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('status'), id: Id }).strict(),
  z.object({ kind: z.literal('progress'), evaluationId: Id }).strict(),
]);

/** What an approval or a return did: the decision (who, when, comment) and how many figures. */
export interface FigureDecision {
  decision: FigureApproval;
  count: number;
}

/** A round as a whole: the evaluator's prose, sign-off, reopening, and two rounds compared. */
export const roundContracts = {
  evaluationTextSet: defineContract({
    channel: 'evaluation:textSet',
    input: z.object({ evaluationId: Id, key: EvaluationTextKeySchema, text: LongText, expectedVersion: ExpectedVersion.optional() }).strict(),
    output: z.custom<EvaluationTexts>(),
  }),
  /** Signs the round off: from then on every write that would change it is refused (LOCKED). */
  evaluationFinalize: defineContract({
    channel: 'evaluation:finalize',
    input: z.object({ evaluationId: Id }).strict(),
    output: z.custom<EvaluationSignOff>(),
  }),
  /** Back to draft; an empty reason is refused with REASON_REQUIRED. */
  evaluationReopen: defineContract({
    channel: 'evaluation:reopen',
    input: z.object({ evaluationId: Id, reason: LongText }).strict(),
    output: z.custom<EvaluationSignOff>(),
  }),
  /**
   * A case officer approves reported figures of the project (statuses, budget and time): the ones
   * named, or without `figures` every figure of the project still 'reported'. All or none; a figure
   * not reported, of another project or sealed by a final round refuses the call (CONFLICT, LOCKED).
   */
  figuresApprove: defineContract({
    channel: 'figures:approve',
    input: z.object({ projectId: Id, figures: z.array(FigureRefSchema).min(1).max(10_000).optional() }).strict(),
    output: z.custom<FigureDecision>(),
  }),
  /** Returns reported figures to the grant recipient with a comment (REASON_REQUIRED without one). */
  figuresReturn: defineContract({
    channel: 'figures:return',
    input: z.object({ projectId: Id, figures: z.array(FigureRefSchema).min(1).max(10_000), comment: LongText }).strict(),
    output: z.custom<FigureDecision>(),
  }),
  /** Two rounds of a project, the earlier as "then"; without ids the two latest. */
  evaluationCompare: defineContract({
    channel: 'evaluation:compare',
    input: z.object({ projectId: Id, earlierEvaluationId: Id.optional(), laterEvaluationId: Id.optional() }).strict(),
    output: z.custom<RoundComparison>(),
  }),
};
