import { z } from 'zod';
import { defineContract, type Contract, type ContractInput, type ContractOutput, type IpcResult } from './core';
import {
  AuditEntitySchema,
  AuditEntrySchema,
  BudgetLineSchema,
  SpendingYearSchema,
  EffectChainColumnSchema,
  EffectChainItemSchema,
  EvaluationFieldsSchema,
  EvaluationSchema,
  EvaluationTypeSchema,
  FinancingSourceSchema,
  GoalFieldsSchema,
  GoalSchema,
  ExpectedVersion,
  Id,
  ImplementationScoreSchema,
  IndicatorFieldsSchema,
  IndicatorSchema,
  IsoDate,
  Kr,
  LearningKindSchema,
  LearningPointSchema,
  LightDecisionSchema,
  LightKindSchema,
  LightSchema,
  LongText,
  MethodologyProfileSchema,
  ParameterSchema,
  ProjectFactsPatchSchema,
  ProjectFactsSchema,
  PortfolioFilterSchema,
  ProjectSchema,
  ScoreSchema,
  ShortText,
  SourceRefSchema,
  StatusReportSchema,
  SurveyIndicatorFieldsSchema,
  SurveyIndicatorSchema,
  FiniteNumber,
} from './schemas';
import type {
  EvaluationDetail,
  IndicatorSuggestionView,
  IndicatorUsage,
  PortfolioInfo,
  PortfolioOverview,
  PortfolioPage,
  ProjectDetail,
  ProjectName,
  ProjectSummary,
} from './views';
import { appContracts } from './appContracts';
import { exportContracts } from './exportContracts';
import { importContracts } from './importContracts';
import { roundContracts } from './roundContracts';
import { PORTFOLIO_PAGE_MAX, PORTFOLIO_SORT_KEYS } from '../portfolioPage';
import { searchContracts } from './searchContracts';
import { measureContracts } from './measureContracts';
import { recycleBinContracts } from './recycleBinContracts';
import { liveContracts } from './liveContracts';
import { serverContracts } from './serverContracts';

export * from './core';
export type * from './views';
export type { BusinessCaseView, CatalogueLoadResult } from './measureContracts';
export type { RecycleBinItem } from './recycleBinContracts';
export type { LiveEvent, LiveState, Viewer } from './liveContracts';

const Empty = z.object({}).strict();
const ProjectRef = z.object({ projectId: Id }).strict();
const EvaluationRef = z.object({ evaluationId: Id }).strict();
const IdRef = z.object({ id: Id }).strict();
const Done = z.object({ ok: z.literal(true) });

export const contracts = {
  portfolioInfo: defineContract({
    channel: 'portfolio:info',
    input: Empty,
    output: z.custom<PortfolioInfo>(),
  }),
  portfolioSummaries: defineContract({
    channel: 'portfolio:summaries',
    input: Empty,
    output: z.custom<ProjectSummary[]>(),
  }),
  /** The portfolio view: the rows the filter shows, the headline and pooled figures per indicator. */
  portfolioOverview: defineContract({
    channel: 'portfolio:overview',
    input: z.object({ filter: PortfolioFilterSchema.optional() }).strict(),
    output: z.custom<PortfolioOverview>(),
  }),
  /** The portfolio table: one page of slim rows, sorted and filtered in main (issue 12). */
  portfolioPage: defineContract({
    channel: 'portfolio:page',
    input: z
      .object({
        filter: PortfolioFilterSchema.optional(),
        sort: z.object({ key: z.enum(PORTFOLIO_SORT_KEYS), dir: z.enum(['asc', 'desc']) }).strict(),
        offset: z.number().int().min(0),
        limit: z.number().int().min(1).max(PORTFOLIO_PAGE_MAX),
        /** The collation names sort by (Danish: æ, ø, å after z). */
        language: z.enum(['da', 'en']).optional(),
        /** Also the headline and pooled figures over the matching projects. */
        figures: z.boolean().optional(),
        /** Also the dropdowns' values (funding sources, case officers) over the whole portfolio. */
        facets: z.boolean().optional(),
      })
      .strict(),
    output: z.custom<PortfolioPage>(),
  }),
  /** Every live project's id and name, for pickers (no figures computed). */
  projectNames: defineContract({
    channel: 'portfolio:projectNames',
    input: Empty,
    output: z.custom<ProjectName[]>(),
  }),
  /** Fills an empty portfolio with the demo's projects (the empty portfolio's "open the demo"). */
  portfolioLoadDemo: defineContract({
    channel: 'portfolio:loadDemo',
    input: Empty,
    output: z.object({ projectIds: z.array(Id) }),
  }),
  profileSet: defineContract({
    channel: 'profile:set',
    input: z.object({ profile: MethodologyProfileSchema }).strict(),
    output: MethodologyProfileSchema,
  }),

  projectGet: defineContract({ channel: 'project:get', input: ProjectRef, output: z.custom<ProjectDetail>() }),
  projectCreate: defineContract({
    channel: 'project:create',
    input: z.object({ facts: ProjectFactsSchema.partial().extend({ name: ProjectFactsSchema.shape.name }) }).strict(),
    output: ProjectSchema,
  }),
  projectUpdate: defineContract({
    channel: 'project:update',
    input: z.object({ projectId: Id, patch: ProjectFactsPatchSchema, expectedVersion: ExpectedVersion.optional() }).strict(),
    output: ProjectSchema,
  }),
  projectDelete: defineContract({ channel: 'project:delete', input: ProjectRef, output: Done }),
  projectRestore: defineContract({ channel: 'project:restore', input: ProjectRef, output: ProjectSchema }),
  projectSummary: defineContract({
    channel: 'project:summary',
    input: z.object({ projectId: Id, evaluationId: Id.optional() }).strict(),
    output: z.custom<ProjectSummary>(),
  }),

  effectChainSave: defineContract({
    channel: 'effectChain:save',
    input: z
      .object({ projectId: Id, id: Id.optional(), column: EffectChainColumnSchema, text: LongText, position: z.number().int().optional(), expectedVersion: ExpectedVersion.optional() })
      .strict(),
    output: EffectChainItemSchema,
  }),
  effectChainDelete: defineContract({ channel: 'effectChain:delete', input: IdRef, output: Done }),

  goalCreate: defineContract({
    channel: 'goal:create',
    input: z
      .object({ projectId: Id, goal: GoalFieldsSchema.partial().extend({ level: GoalFieldsSchema.shape.level, code: GoalFieldsSchema.shape.code }) })
      .strict(),
    output: GoalSchema,
  }),
  goalUpdate: defineContract({
    channel: 'goal:update',
    input: z.object({ goalId: Id, patch: GoalFieldsSchema.partial(), expectedVersion: ExpectedVersion.optional() }).strict(),
    output: GoalSchema,
  }),
  /** The goal goes to the recycle bin with its statuses; `binId` undoes it (recycleBinRestore). */
  goalDelete: defineContract({
    channel: 'goal:delete',
    input: z.object({ goalId: Id }).strict(),
    output: z.object({ ok: z.literal(true), binId: Id }),
  }),
  statusAdd: defineContract({
    channel: 'status:add',
    input: z
      .object({
        goalId: Id,
        value: FiniteNumber.nullable(),
        reportedAt: IsoDate,
        reportedBy: ShortText,
        source: SourceRefSchema.optional(),
        printedPercent: FiniteNumber.nullable().optional(),
        /** A share goal's denominator ("af 124"); `value` is its numerator. */
        denominator: FiniteNumber.min(0).nullable().optional(),
        /** A date in the future or outside the grant period is saved only with this (NEEDS_CONFIRMATION otherwise). */
        acceptWarnings: z.boolean().optional(),
      })
      .strict(),
    output: StatusReportSchema,
  }),

  indicatorList: defineContract({ channel: 'indicator:list', input: Empty, output: z.custom<IndicatorUsage[]>() }),
  indicatorSave: defineContract({
    channel: 'indicator:save',
    input: IndicatorFieldsSchema.extend({
      id: Id.optional(),
      /** Goals to link to the indicator in the same transaction (confirming a suggestion). */
      linkGoalIds: z.array(Id).max(10_000).optional(),
    }).strict(),
    output: z.object({ indicator: IndicatorSchema, goals: z.array(GoalSchema) }),
  }),
  indicatorDelete: defineContract({ channel: 'indicator:delete', input: IdRef, output: Done }),
  /** Links goals to an indicator (null: unlinks them), all or nothing. */
  indicatorLink: defineContract({
    channel: 'indicator:link',
    input: z.object({ goalIds: z.array(Id).min(1).max(10_000), indicatorId: Id.nullable() }).strict(),
    output: z.array(GoalSchema),
  }),
  indicatorSuggestions: defineContract({
    channel: 'indicator:suggestions',
    input: z.object({ projectId: Id.optional() }).strict(),
    output: z.custom<IndicatorSuggestionView[]>(),
  }),

  evaluationGet: defineContract({ channel: 'evaluation:get', input: EvaluationRef, output: z.custom<EvaluationDetail>() }),
  evaluationCreate: defineContract({
    channel: 'evaluation:create',
    input: z
      .object({
        projectId: Id,
        type: EvaluationTypeSchema,
        date: IsoDate,
        evaluator: ShortText.optional(),
        /** Start the new round from a previous one: copies scores, lights, texts, survey indicators and learning points. */
        copyFromEvaluationId: Id.optional(),
        /** A date after the grant period or before the latest round needs this (NEEDS_CONFIRMATION otherwise). */
        acceptWarnings: z.boolean().optional(),
      })
      .strict(),
    output: EvaluationSchema,
  }),
  evaluationUpdate: defineContract({
    channel: 'evaluation:update',
    input: z.object({ evaluationId: Id, patch: EvaluationFieldsSchema.partial() }).strict(),
    output: EvaluationSchema,
  }),
  /** Soft: `evaluationRestore` brings the round back with everything it holds (undo). */
  evaluationDelete: defineContract({ channel: 'evaluation:delete', input: EvaluationRef, output: Done }),
  evaluationRestore: defineContract({ channel: 'evaluation:restore', input: EvaluationRef, output: EvaluationSchema }),

  scoreSet: defineContract({
    channel: 'score:set',
    input: z
      .object({
        evaluationId: Id,
        parameter: ParameterSchema,
        score: ScoreSchema.nullable().optional(),
        headline: LongText.optional(),
        text: LongText.optional(),
        expectedVersion: ExpectedVersion.optional(),
      })
      .strict(),
    output: ImplementationScoreSchema,
  }),
  lightSet: defineContract({
    channel: 'light:set',
    input: z
      .object({
        evaluationId: Id,
        kind: LightKindSchema,
        override: LightSchema.nullable().optional(),
        reason: LongText.optional(),
        text: LongText.optional(),
        expectedVersion: ExpectedVersion.optional(),
      })
      .strict(),
    output: LightDecisionSchema,
  }),

  surveySave: defineContract({
    channel: 'survey:save',
    input: z.object({ evaluationId: Id, id: Id.optional(), item: SurveyIndicatorFieldsSchema, expectedVersion: ExpectedVersion.optional() }).strict(),
    output: SurveyIndicatorSchema,
  }),
  surveyDelete: defineContract({ channel: 'survey:delete', input: IdRef, output: Done }),
  learningSave: defineContract({
    channel: 'learning:save',
    input: z
      .object({
        evaluationId: Id,
        id: Id.optional(),
        kind: LearningKindSchema,
        title: ShortText,
        text: LongText,
        position: z.number().int().optional(),
        expectedVersion: ExpectedVersion.optional(),
      })
      .strict(),
    output: LearningPointSchema,
  }),
  learningDelete: defineContract({ channel: 'learning:delete', input: IdRef, output: Done }),

  budgetLineSave: defineContract({
    channel: 'budgetLine:save',
    input: z
      .object({
        projectId: Id,
        id: Id.optional(),
        costType: ShortText.min(1, { message: 'Angiv en udgiftstype.' }),
        year: z.number().int().min(1900).max(2200),
        amountKr: Kr,
        percentOfDirect: z.number().finite().min(0).max(100).nullable().optional(),
        position: z.number().int().optional(),
        expectedVersion: ExpectedVersion.optional(),
      })
      .strict(),
    output: BudgetLineSchema,
  }),
  budgetLineDelete: defineContract({ channel: 'budgetLine:delete', input: IdRef, output: Done }),
  /** What a round records as spent in one year (issue 15); one row per round and year. */
  spendingYearSave: defineContract({
    channel: 'spendingYear:save',
    input: z
      .object({
        evaluationId: Id,
        id: Id.optional(),
        year: z.number({ message: 'Angiv året som et helt tal.' }).int({ message: 'Angiv året som et helt tal.' }).min(1900, { message: 'Året skal ligge mellem 1900 og 2200.' }).max(2200, { message: 'Året skal ligge mellem 1900 og 2200.' }),
        spentKr: Kr.refine((v) => v >= 0, { message: 'Forbruget kan ikke være negativt.' }),
        note: ShortText.optional(),
        expectedVersion: ExpectedVersion.optional(),
      })
      .strict(),
    output: SpendingYearSchema,
  }),
  spendingYearDelete: defineContract({ channel: 'spendingYear:delete', input: IdRef, output: Done }),
  financingSave: defineContract({
    channel: 'financing:save',
    input: z
      .object({
        projectId: Id,
        id: Id.optional(),
        name: ShortText.min(1, { message: 'Angiv finansieringskilden.' }),
        amountKr: Kr,
        position: z.number().int().optional(),
        expectedVersion: ExpectedVersion.optional(),
      })
      .strict(),
    output: FinancingSourceSchema,
  }),
  financingDelete: defineContract({ channel: 'financing:delete', input: IdRef, output: Done }),

  auditList: defineContract({
    channel: 'audit:list',
    input: z
      .object({
        projectId: Id.optional(),
        entity: AuditEntitySchema.optional(),
        text: ShortText.optional(),
        limit: z.number().int().min(1).max(5000).optional(),
        offset: z.number().int().min(0).optional(),
      })
      .strict(),
    output: z.array(AuditEntrySchema),
  }),
  ...roundContracts,
  ...exportContracts,
  ...importContracts,
  ...appContracts,
  ...searchContracts,
  ...measureContracts,
  ...recycleBinContracts,
  ...liveContracts,
  ...serverContracts,
} satisfies Record<string, Contract>;

export type Contracts = typeof contracts;
export type ContractName = keyof Contracts;

/** The client the preload exposes to the renderer as `api`: one async function per contract. */
export type ApiClient = {
  [K in ContractName]: (input: ContractInput<Contracts[K]>) => Promise<IpcResult<ContractOutput<Contracts[K]>>>;
};

/** Channel names, the preload's allow-list. */
export const CHANNELS: Record<ContractName, string> = Object.fromEntries(
  Object.entries(contracts).map(([name, c]) => [name, c.channel]),
) as Record<ContractName, string>;
