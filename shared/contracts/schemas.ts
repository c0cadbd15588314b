import { z } from 'zod';
import { DEFAULT_PROFILE } from '../methodology/profile';

/**
 * Zod schemas of the domain values that cross the IPC boundary. Inputs are validated in main
 * with these; the renderer uses the same schemas for inline validation.
 */

const isValidIsoDate = (s: string): boolean => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
};

export const IsoDate = z.string().refine(isValidIsoDate, { message: 'Ugyldig dato (forventet ÅÅÅÅ-MM-DD).' });
export const Id = z.number().int().positive();
/**
 * The `version` of a row as the renderer read it (0 = not saved yet): a save sends it back and
 * is refused with STALE_WRITE when someone else has saved the row since (issue 13).
 */
export const ExpectedVersion = z.number().int().min(0);
export const Kr = z.number().finite().refine((v) => Math.abs(v) < 1e13, { message: 'Beløbet er for stort.' });
export const FiniteNumber = z.number().finite();
export const ShortText = z.string().max(500);
export const LongText = z.string().max(20_000);

export const GoalLevelSchema = z.enum(['A', 'B', 'C']);
export const EvaluationTypeSchema = z.enum(['midterm', 'final']);
export const LightSchema = z.enum(['green', 'yellow', 'red']);
export const LightKindSchema = z.enum(['implementation', 'goals', 'effect']);
export const GoalDirectionSchema = z.enum(['higher', 'lower']);
export const EffectChainColumnSchema = z.enum(['activity', 'output', 'effect']);
export const ParameterSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]);
const { min: SCORE_MIN, max: SCORE_MAX } = DEFAULT_PROFILE.scoreRange;
const scoreMessage = `En score skal være et helt tal fra ${SCORE_MIN} til ${SCORE_MAX}.`;
/** A score is an integer in the profile's range (1-5); 0, 6, 3.5 or text are refused. */
export const ScoreSchema = z
  .number({ message: scoreMessage })
  .int({ message: scoreMessage })
  .min(SCORE_MIN, { message: scoreMessage })
  .max(SCORE_MAX, { message: scoreMessage });
export const LearningKindSchema = z.enum(['learning', 'recommendation']);
export const AuditEntitySchema = z.enum([
  'project',
  'goal',
  'indicator',
  'status',
  'score',
  'light',
  'evaluation',
  'budgetLine',
  'spendingYear',
  'financing',
  'survey',
  'learning',
  'effectChain',
  'businessCase',
  'settings',
]);

export const SourceRefSchema = z.object({ file: ShortText, location: ShortText });

export const ProjectFactsSchema = z.object({
  name: z.string().trim().min(1, { message: 'Projektet skal have et navn.' }).max(300),
  grantRecipient: ShortText,
  projectHolder: ShortText,
  caseOfficer: ShortText,
  fundingSource: ShortText,
  priorityAxis: ShortText,
  totalBudgetKr: Kr.nullable(),
  periodStart: IsoDate.nullable(),
  periodEnd: IsoDate.nullable(),
  partners: LongText,
  journalNumber: ShortText,
  description: LongText,
});

/** A patch of the fact box; the grant period must end after it starts (checked when both are given). */
export const ProjectFactsPatchSchema = ProjectFactsSchema.partial().refine(
  (p) => !(p.periodStart && p.periodEnd && p.periodEnd < p.periodStart),
  { message: 'Bevillingsperioden slutter før den starter.', path: ['periodEnd'] },
);

/** A row's version as the store returns it (issue 13); saves send it back as `expectedVersion`. */
const RowVersion = z.number().int().min(0).optional();

export const ProjectSchema = ProjectFactsSchema.extend({ id: Id, createdAt: z.string(), updatedAt: z.string(), version: RowVersion });

export const EffectChainItemSchema = z.object({
  id: Id,
  projectId: Id,
  column: EffectChainColumnSchema,
  position: z.number().int(),
  text: LongText,
  version: RowVersion,
});

export const GoalFieldsSchema = z.object({
  level: GoalLevelSchema,
  code: z
    .string()
    .trim()
    .min(1, { message: 'Målet skal have en kode (fx B1).' })
    .max(20),
  description: LongText,
  unit: ShortText,
  targetInPeriod: FiniteNumber.nullable(),
  targetAfterPeriod: FiniteNumber.nullable(),
  direction: GoalDirectionSchema,
  baseline: FiniteNumber.nullable(),
  position: z.number().int(),
  indicatorId: Id.nullable(),
  // Issue 14: a share ("30 af 124") and an effect goal's comparison. Optional: absent is a count
  // goal without a comparison.
  measure: z.enum(['count', 'share']).optional(),
  shareTargetKind: z.enum(['percent', 'count']).optional(),
  denominatorTarget: FiniteNumber.min(0).nullable().optional(),
  comparisonValue: FiniteNumber.nullable().optional(),
  comparisonLabel: ShortText.optional(),
  comparisonSource: ShortText.optional(),
  comparisonYear: z.number().int().min(1900).max(2200).nullable().optional(),
});
export const GoalSchema = GoalFieldsSchema.extend({ id: Id, projectId: Id, version: RowVersion });

export const IndicatorFieldsSchema = z.object({
  code: z.string().trim().max(40),
  name: z.string().trim().min(1, { message: 'Indikatoren skal have et navn.' }).max(300),
  unit: z.string().trim().max(100),
  level: GoalLevelSchema,
  common: z.boolean().optional(),
});
export const IndicatorSchema = IndicatorFieldsSchema.extend({ id: Id, createdAt: z.string() });

export const StatusReportSchema = z.object({
  id: Id,
  goalId: Id,
  value: FiniteNumber.nullable(),
  reportedAt: IsoDate,
  reportedBy: ShortText,
  source: SourceRefSchema,
  printedPercent: FiniteNumber.nullable(),
  denominator: FiniteNumber.nullable().optional(),
  createdAt: z.string(),
});

export const EvaluationFieldsSchema = z.object({
  type: EvaluationTypeSchema,
  date: IsoDate,
  evaluator: ShortText,
  budgetSpentKr: Kr.nullable(),
  budgetTotalReportedKr: Kr.nullable(),
  monthsElapsedReported: z.number().finite().min(0).nullable(),
  monthsTotalReported: z.number().finite().min(0).nullable(),
  progressReportedBy: ShortText,
  progressReportedAt: IsoDate.nullable(),
  overallStatus: LongText,
});
export const EvaluationSchema = EvaluationFieldsSchema.extend({ id: Id, projectId: Id, createdAt: z.string() });

export const ImplementationScoreSchema = z.object({
  evaluationId: Id,
  parameter: ParameterSchema,
  score: ScoreSchema.nullable(),
  headline: LongText,
  text: LongText,
  version: RowVersion,
});

export const LightDecisionSchema = z.object({
  evaluationId: Id,
  kind: LightKindSchema,
  suggested: LightSchema.nullable(),
  override: LightSchema.nullable(),
  reason: LongText,
  text: LongText,
  version: RowVersion,
});

export const SurveyIndicatorFieldsSchema = z
  .object({
    group: ShortText,
    statement: LongText,
    positive: z.number().int().min(0),
    n: z.number().int().min(1, { message: 'n skal være mindst 1.' }),
    scale: z.union([z.literal(3), z.literal(5)]),
    position: z.number().int(),
  })
  .refine((s) => s.positive <= s.n, { message: 'Antal positive svar kan ikke overstige n.', path: ['positive'] });
export const SurveyIndicatorSchema = z.object({
  id: Id,
  evaluationId: Id,
  group: ShortText,
  statement: LongText,
  positive: z.number().int().min(0),
  n: z.number().int().min(1),
  scale: z.union([z.literal(3), z.literal(5)]),
  position: z.number().int(),
  version: RowVersion,
});

export const BudgetLineSchema = z.object({
  id: Id,
  projectId: Id,
  costType: ShortText,
  year: z.number().int().min(1900).max(2200),
  amountKr: Kr,
  percentOfDirect: z.number().finite().min(0).max(100).nullable(),
  position: z.number().int(),
  version: RowVersion,
});

export const SpendingYearSchema = z.object({
  id: Id,
  evaluationId: Id,
  year: z.number().int().min(1900).max(2200),
  spentKr: Kr,
  note: ShortText,
  position: z.number().int(),
  version: RowVersion,
});

export const FinancingSourceSchema = z.object({
  id: Id,
  projectId: Id,
  name: ShortText,
  amountKr: Kr,
  position: z.number().int(),
  version: RowVersion,
});

export const LearningPointSchema = z.object({
  id: Id,
  evaluationId: Id,
  kind: LearningKindSchema,
  title: ShortText,
  text: LongText,
  position: z.number().int(),
  version: RowVersion,
});

export const AuditEntrySchema = z.object({
  id: Id,
  at: z.string(),
  user: z.string(),
  projectId: Id.nullable(),
  entity: AuditEntitySchema,
  entityId: z.number().int().nullable(),
  field: z.string(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
});

const GoalBandSchema = z.object({
  min: z.number().int().min(0).max(1000),
  light: LightSchema,
  meaning: z.enum(['asDesired', 'slightlyBelow', 'somewhatBelow', 'farBelow', 'nonExistent']),
});
/**
 * A band covers the integer percents from its min up to one below the next band's min, so bands
 * listed highest first can neither overlap nor leave a gap as long as every min is below the one
 * before it and the last starts at 0. The messages say which bands, in the words of the legend.
 */
const BandsSchema = z
  .array(GoalBandSchema)
  .min(1)
  .superRefine((bands, ctx) => {
    for (let i = 1; i < bands.length; i++) {
      if (bands[i].min >= bands[i - 1].min)
        ctx.addIssue({
          code: 'custom',
          path: [i, 'min'],
          message: `bånd ${i + 1} starter ved ${bands[i].min} % og overlapper bånd ${i} (fra ${bands[i - 1].min} %); det skal starte under ${bands[i - 1].min} %`,
        });
    }
    const last = bands[bands.length - 1];
    if (last && last.min !== 0)
      ctx.addIssue({
        code: 'custom',
        path: [bands.length - 1, 'min'],
        message: `intet bånd dækker 0-${last.min - 1} %: det laveste bånd (bånd ${bands.length}) skal starte ved 0 %`,
      });
  });

export const MethodologyProfileSchema = z.object({
  id: ShortText,
  name: ShortText,
  goalBands: z.object({ final: BandsSchema, midterm: BandsSchema }),
  implementationBands: z
    .object({ greenMin: z.number().min(1).max(5), yellowMin: z.number().min(1).max(5) })
    .refine((b) => b.yellowMin <= b.greenMin, { message: 'Gul skal starte under grøn.' }),
  implementationParameterCount: z.number().int().min(1).max(6),
  scoreRange: z
    .object({ min: z.number().int(), max: z.number().int() })
    .refine((r) => r.min < r.max, { message: 'Laveste score skal være under højeste.' }),
  capAt100: z.boolean(),
  burnRatio: z
    .object({ under: z.number().positive(), over: z.number().positive() })
    .refine((b) => b.under < b.over, { message: 'Undergrænsen skal være under overgrænsen.' }),
  consistencyTolerancePoints: z.number().min(0),
  effectYellowMin: z.number().min(0).max(100),
  budgetToleranceKr: z.number().min(0),
});

/** The portfolio's filter (shared/portfolioFilter.ts): what the table shows is what is exported. */
export const PortfolioFilterSchema = z
  .object({
    search: ShortText.optional(),
    fundingSource: ShortText.nullable().optional(),
    caseOfficer: ShortText.nullable().optional(),
    evaluationType: EvaluationTypeSchema.nullable().optional(),
    light: z.union([LightSchema, z.literal('none')]).nullable().optional(),
    lightKind: LightKindSchema.nullable().optional(),
    runningFrom: IsoDate.nullable().optional(),
    runningTo: IsoDate.nullable().optional(),
    evaluatedFrom: IsoDate.nullable().optional(),
    evaluatedTo: IsoDate.nullable().optional(),
  })
  .strict();
