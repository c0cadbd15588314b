import { z } from 'zod';
import { ServiceError } from './contracts/core';
import {
  EffectChainColumnSchema,
  EvaluationTypeSchema,
  FiniteNumber,
  GoalDirectionSchema,
  GoalLevelSchema,
  IsoDate,
  Kr,
  LearningKindSchema,
  LightKindSchema,
  LightSchema,
  LongText,
  ParameterSchema,
  ProjectFactsSchema,
  ScoreSchema,
  ShortText,
} from './contracts/schemas';

/**
 * The portable portfolio document ("trafiklys-portfolio", version 1): a self-contained JSON
 * description of projects with their fact box, effect chain, goals and status history, budget,
 * financing and evaluation rounds. The demo portfolio is one (resources/demo/portfolio.json);
 * export/import and round-trip tests use it too.
 *
 * Rules of the format:
 * - No ids: rows are identified by their place in the document. Array order is the display order
 *   (it becomes `position` when loaded).
 * - Every key is required and unknown keys are refused (strict objects), so a typo in a field
 *   name is an error and never a silently dropped figure.
 * - A number that can be missing is `null`, never 0 and never left out.
 * - Amounts are kr with at most two decimals (øre); dates are ISO `YYYY-MM-DD`.
 *
 * Pure zod: no Node APIs (shared/ runs everywhere).
 */

export const PORTFOLIO_DOCUMENT_FORMAT = 'trafiklys-portfolio' as const;
export const PORTFOLIO_DOCUMENT_VERSION = 1 as const;

/** kr with øre precision: at most two decimals. */
const DocKr = Kr.refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, {
  message: 'Beløbet må højst have to decimaler (øre).',
});

const DocSourceRefSchema = z.strictObject({ file: ShortText, location: ShortText });

export const DocProjectFactsSchema = z
  .strictObject({ ...ProjectFactsSchema.shape, totalBudgetKr: DocKr.nullable() })
  .refine((p) => !(p.periodStart && p.periodEnd && p.periodEnd < p.periodStart), {
    message: 'Bevillingsperioden slutter før den starter.',
    path: ['periodEnd'],
  });

export const DocEffectChainItemSchema = z.strictObject({
  column: EffectChainColumnSchema,
  text: LongText,
});

export const DocStatusSchema = z.strictObject({
  /** null = reported as missing (blank cell, lost digits), never 0. */
  value: FiniteNumber.nullable(),
  reportedAt: IsoDate,
  reportedBy: ShortText,
  source: DocSourceRefSchema,
  /** The percent printed in the source, if any (for the consistency check). */
  printedPercent: FiniteNumber.nullable(),
  /** Issue 14: a share's denominator ("af 124"; `value` is the numerator). Optional: absent on counts. */
  denominator: FiniteNumber.min(0).nullable().optional(),
});

/**
 * Issue 14: an effect goal's baseline or comparison group, with its source and year. Optional
 * keys (here and below) so that every version-1 document stays valid; absent = none.
 */
export const DocComparisonSchema = z.strictObject({
  value: FiniteNumber,
  label: ShortText,
  source: ShortText.min(1, { message: 'Angiv kilden til sammenligningstallet.' }),
  year: z.number().int().min(1900).max(2200).nullable(),
});

export const DocBusinessCaseSchema = z.strictObject({
  costPerParticipantKr: DocKr.nullable(),
  costSource: ShortText,
  savingPerCitizenYearKr: DocKr.nullable(),
  savingSource: ShortText,
  citizens: z.number().finite().min(0).nullable(),
  citizensSource: ShortText,
  years: z.number().finite().min(0).nullable(),
  yearsSource: ShortText,
  note: LongText,
});

export const DocGoalSchema = z.strictObject({
  level: GoalLevelSchema,
  code: z.string().trim().min(1, { message: 'Målet skal have en kode (fx B1).' }).max(20),
  description: LongText,
  unit: ShortText,
  targetInPeriod: FiniteNumber.nullable(),
  targetAfterPeriod: FiniteNumber.nullable(),
  direction: GoalDirectionSchema,
  baseline: FiniteNumber.nullable(),
  /** Status history, oldest first. */
  statuses: z.array(DocStatusSchema),
  /** Issue 14: a share ("30 af 124") with its target a percent or a count of the numerator. */
  share: z.strictObject({ targetKind: z.enum(['percent', 'count']), denominatorTarget: FiniteNumber.min(0).nullable() }).optional(),
  comparison: DocComparisonSchema.optional(),
});

export const DocBudgetLineSchema = z.strictObject({
  costType: ShortText,
  year: z.number().int().min(1900).max(2200),
  amountKr: DocKr,
  percentOfDirect: z.number().finite().min(0).max(100).nullable(),
});

export const DocFinancingSchema = z.strictObject({
  name: ShortText,
  amountKr: DocKr,
});

export const DocScoreSchema = z.strictObject({
  parameter: ParameterSchema,
  /** 1-5, or null while not yet scored. */
  score: ScoreSchema.nullable(),
  headline: LongText,
  text: LongText,
});

export const DocLightSchema = z
  .strictObject({
    kind: LightKindSchema,
    /** The evaluator's override; null = the suggestion stands. */
    override: LightSchema.nullable(),
    reason: LongText,
    text: LongText,
  })
  .refine((l) => l.override === null || l.reason.trim().length > 0, {
    message: 'Et tilsidesat trafiklys kræver en skriftlig begrundelse.',
    path: ['reason'],
  });

export const DocSurveyIndicatorSchema = z
  .strictObject({
    group: ShortText,
    statement: LongText,
    positive: z.number().int().min(0),
    n: z.number().int().min(1, { message: 'n skal være mindst 1.' }),
    scale: z.union([z.literal(3), z.literal(5)]),
  })
  .refine((s) => s.positive <= s.n, { message: 'Antal positive svar kan ikke overstige n.', path: ['positive'] });

export const DocLearningPointSchema = z.strictObject({
  kind: LearningKindSchema,
  title: ShortText,
  text: LongText,
});

export const DocEvaluationSchema = z
  .strictObject({
    type: EvaluationTypeSchema,
    date: IsoDate,
    evaluator: ShortText,
    budgetSpentKr: DocKr.nullable(),
    budgetTotalReportedKr: DocKr.nullable(),
    monthsElapsedReported: z.number().finite().min(0).nullable(),
    monthsTotalReported: z.number().finite().min(0).nullable(),
    progressReportedBy: ShortText,
    progressReportedAt: IsoDate.nullable(),
    overallStatus: LongText,
    scores: z.array(DocScoreSchema).max(6),
    lights: z.array(DocLightSchema).max(3),
    survey: z.array(DocSurveyIndicatorSchema),
    learning: z.array(DocLearningPointSchema),
    /** Spending by year (issue 15); absent in documents written before it was kept. */
    spendingByYear: z
      .array(z.strictObject({ year: z.number().int().min(1900).max(2200), spentKr: DocKr.refine((v) => v >= 0, { message: 'Forbruget kan ikke være negativt.' }), note: ShortText }))
      .optional(),
  })
  .superRefine((e, ctx) => {
    duplicates((e.spendingByYear ?? []).map((s) => s.year)).forEach((i) =>
      ctx.addIssue({ code: 'custom', message: `Forbruget for ${e.spendingByYear![i].year} står to gange.`, path: ['spendingByYear', i, 'year'] }),
    );
    duplicates(e.scores.map((s) => s.parameter)).forEach((i) =>
      ctx.addIssue({ code: 'custom', message: `Parameter ${e.scores[i].parameter} er scoret to gange.`, path: ['scores', i, 'parameter'] }),
    );
    duplicates(e.lights.map((l) => l.kind)).forEach((i) =>
      ctx.addIssue({ code: 'custom', message: `Trafiklyset "${e.lights[i].kind}" står to gange.`, path: ['lights', i, 'kind'] }),
    );
  });

export const DocProjectSchema = z
  .strictObject({
    facts: DocProjectFactsSchema,
    effectChain: z.array(DocEffectChainItemSchema),
    goals: z.array(DocGoalSchema),
    budgetLines: z.array(DocBudgetLineSchema),
    financing: z.array(DocFinancingSchema),
    evaluations: z.array(DocEvaluationSchema),
    businessCase: DocBusinessCaseSchema.optional(),
  })
  .superRefine((p, ctx) => {
    duplicates(p.goals.map((g) => g.code.trim().toUpperCase())).forEach((i) =>
      ctx.addIssue({ code: 'custom', message: `Målkoden ${p.goals[i].code} findes allerede i projektet.`, path: ['goals', i, 'code'] }),
    );
  });

export const PortfolioDocumentSchema = z
  .strictObject({
    format: z.literal(PORTFOLIO_DOCUMENT_FORMAT),
    version: z.literal(PORTFOLIO_DOCUMENT_VERSION),
    projects: z.array(DocProjectSchema),
  })
  .superRefine((d, ctx) => {
    duplicates(d.projects.map((p) => p.facts.name.trim())).forEach((i) =>
      ctx.addIssue({
        code: 'custom',
        message: `Projektnavnet "${d.projects[i].facts.name}" står to gange i dokumentet.`,
        path: ['projects', i, 'facts', 'name'],
      }),
    );
  });

export type PortfolioDocument = z.infer<typeof PortfolioDocumentSchema>;
export type DocProject = PortfolioDocument['projects'][number];
export type DocGoal = DocProject['goals'][number];
export type DocEvaluation = DocProject['evaluations'][number];

/** Indexes of the entries that repeat an earlier one. */
function duplicates<T>(values: readonly T[]): number[] {
  const seen = new Set<T>();
  const out: number[] = [];
  values.forEach((v, i) => {
    if (seen.has(v)) out.push(i);
    else seen.add(v);
  });
  return out;
}

/** `["projects", 0, "goals", 3, "level"]` -> `projects[0].goals[3].level` */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += (out ? '.' : '') + String(key);
  }
  return out || '(dokumentet)';
}

/** A portfolio document that does not match the format. `issues` name the zod paths. */
export class PortfolioDocumentError extends ServiceError {
  constructor(
    readonly source: string,
    issues: { path: string; message: string }[],
  ) {
    const shown = issues.slice(0, 5).map((i) => `${i.path}: ${i.message}`);
    const more = issues.length > shown.length ? ` (og ${issues.length - shown.length} fejl mere)` : '';
    super('VALIDATION', `${source} er ikke et gyldigt Trafiklys-porteføljedokument: ${shown.join('; ')}${more}`, issues);
    this.name = 'PortfolioDocumentError';
  }
}

/**
 * Validates `input` as a portfolio document. Throws `PortfolioDocumentError` naming `source`
 * (a file name, or "porteføljedokumentet") and the path of every problem.
 */
export function parsePortfolioDocument(input: unknown, source = 'Porteføljedokumentet'): PortfolioDocument {
  const result = PortfolioDocumentSchema.safeParse(input);
  if (result.success) return result.data;
  throw new PortfolioDocumentError(
    source,
    result.error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message })),
  );
}
