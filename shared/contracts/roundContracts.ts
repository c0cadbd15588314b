import { z } from 'zod';
import { EVALUATION_TEXT_KEYS, type EvaluationSignOff, type EvaluationTextKey, type EvaluationTexts } from '../domain';
import type { RoundComparison } from '../methodology/compare';
import { defineContract } from './core';
import { ExpectedVersion, Id, LongText } from './schemas';

export const EvaluationTextKeySchema = z.enum(EVALUATION_TEXT_KEYS as readonly EvaluationTextKey[] as [EvaluationTextKey, ...EvaluationTextKey[]]);

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
  /** Two rounds of a project, the earlier as "then"; without ids the two latest. */
  evaluationCompare: defineContract({
    channel: 'evaluation:compare',
    input: z.object({ projectId: Id, earlierEvaluationId: Id.optional(), laterEvaluationId: Id.optional() }).strict(),
    output: z.custom<RoundComparison>(),
  }),
};
