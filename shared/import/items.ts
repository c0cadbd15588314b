import { z } from 'zod';
import { MethodologyProfileSchema } from '../contracts/schemas';
import { MsgSchema } from './notes';
import { ReaderMsgSchema } from './readerNotes';

/**
 * What an import finds: items with their source location (METHODOLOGY.md section 9), problems
 * with their place, and the diff against the project. Pure data, shared by main (which reads
 * files and writes the store), the IPC contracts and the import wizard in the renderer.
 *
 * A preview is stateless: the renderer sends the (corrected, selected) items back to apply.
 */

const Text = z.string().max(20_000);
const Num = z.number().finite();
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Dato skal være ÅÅÅÅ-MM-DD.' });
/** A goal's code: its level's letter and a number of any length (B1, B1000), within the store's 20 characters. */
export const GOAL_CODE = /^[ABC]\d+$/;
export const GOAL_CODE_MAX = 20;
const GoalCode = z.string().max(GOAL_CODE_MAX).regex(GOAL_CODE, { message: 'Kode skal være A, B eller C efterfulgt af et nummer.' });

export const ImportSourceSchema = z.object({
  /** File name (basename) as the user chose it. */
  file: z.string().max(1000),
  /** "Ark 'Mål', celle D5", "side 3, linje 12", "linje 12", "afsnit 40". */
  location: z.string().max(1000),
});
export type ImportSource = z.infer<typeof ImportSourceSchema>;

/** Fact-box fields (FAKTA-BOKS) an import can fill in. */
export const FACT_FIELDS = [
  'name',
  'grantRecipient',
  'projectHolder',
  'caseOfficer',
  'fundingSource',
  'priorityAxis',
  'totalBudgetKr',
  'periodStart',
  'periodEnd',
  'journalNumber',
  'partners',
  'description',
] as const;

/** The fact-box fields as the report's FAKTA-BOKS names them (CLI output, messages). */
export const FACT_LABEL_DA: Record<(typeof FACT_FIELDS)[number], string> = {
  name: 'Projektnavn',
  grantRecipient: 'Tilskudsmodtager',
  projectHolder: 'Projektholder',
  caseOfficer: 'Sagsbehandler',
  fundingSource: 'Finansieringskilde',
  priorityAxis: 'Indsatsområde',
  totalBudgetKr: 'Samlet budget (kr.)',
  periodStart: 'Bevillingsperiode, start',
  periodEnd: 'Bevillingsperiode, slut',
  journalNumber: 'Journalnummer',
  partners: 'Partnere',
  description: 'Overordnet projektbeskrivelse',
};
export const FactFieldSchema = z.enum(FACT_FIELDS);
export type FactField = z.infer<typeof FactFieldSchema>;

const base = { id: z.string().min(1).max(100), source: ImportSourceSchema };

export const FactItemSchema = z.object({
  ...base,
  type: z.literal('fact'),
  field: FactFieldSchema,
  /** Text fields are strings; totalBudgetKr a number (kr); periodStart/End ISO dates. */
  value: z.union([Text, Num]).nullable(),
});

export const GoalItemSchema = z.object({
  ...base,
  type: z.literal('goal'),
  level: z.enum(['A', 'B', 'C']),
  code: GoalCode,
  description: Text,
  unit: z.string().max(200),
  targetInPeriod: Num.nullable(),
  targetAfterPeriod: Num.nullable(),
  /** True where the importer proposed code and level (prose goals of an application). */
  codeSuggested: z.boolean(),
  /**
   * Only where the file says so (the app's own evaluation workbook): otherwise a new goal is
   * higher-is-better without a baseline, and a stored goal keeps its own.
   */
  direction: z.enum(['higher', 'lower']).optional(),
  baseline: Num.nullable().optional(),
  /** A share goal ("30 af 124"): only where the file prints one; its target is a percent or a count. */
  measure: z.enum(['count', 'share']).optional(),
  shareTargetKind: z.enum(['percent', 'count']).optional(),
});

export const StatusItemSchema = z.object({
  ...base,
  type: z.literal('status'),
  code: GoalCode,
  /** Never null: a blank status cell gives a warning, not a "missing" report that would hide an earlier one. */
  value: Num,
  /** null = the source gives no date: the user must fill it in before it can be saved. */
  reportedAt: IsoDate.nullable(),
  reportedBy: z.string().max(200),
  printedPercent: Num.nullable(),
  /** status / target-in-period, rounded half up; informational (a share's: numerator / denominator). */
  computedPercent: Num.nullable(),
  /** A share's denominator ("af 124"); `value` is its numerator. */
  denominator: Num.nullable().optional(),
});

export const ProgressItemSchema = z.object({
  ...base,
  type: z.literal('progress'),
  budgetSpentKr: Num.nullable(),
  budgetTotalKr: Num.nullable(),
  monthsElapsed: Num.nullable(),
  monthsTotal: Num.nullable(),
  reportedAt: IsoDate.nullable(),
  reportedBy: z.string().max(200),
});

/** "Gennemsnitlig score ... 3,8": shown for comparison, not stored (scores are per parameter). */
export const ScoreAverageItemSchema = z.object({
  ...base,
  type: z.literal('scoreAverage'),
  value: Num,
});

export const BudgetLineItemSchema = z.object({
  ...base,
  type: z.literal('budgetLine'),
  costType: z.string().min(1).max(500),
  year: z.number().int().min(1900).max(2200),
  amountKr: Num,
  percentOfDirect: Num.nullable(),
});

export const FinancingItemSchema = z.object({
  ...base,
  type: z.literal('financing'),
  name: z.string().min(1).max(500),
  amountKr: Num,
});

export const SurveyItemSchema = z.object({
  ...base,
  type: z.literal('survey'),
  group: z.string().max(200),
  statement: Text,
  positive: z.number().int().min(0),
  n: z.number().int().min(0),
  scale: z.union([z.literal(3), z.literal(5)]),
});

/** The evaluation round a file belongs to (the app's own evaluation workbook): found by type and date, or created. */
export const EvaluationItemSchema = z.object({
  ...base,
  type: z.literal('evaluation'),
  evaluationType: z.enum(['midterm', 'final']),
  date: IsoDate,
  evaluator: z.string().max(200),
  /** Overordnet status; '' = the file has none (nothing is overwritten). */
  overallStatus: Text,
});

const Parameter = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]);

/** One implementation parameter's score with its headline and justification. */
export const ScoreItemSchema = z.object({
  ...base,
  type: z.literal('score'),
  parameter: Parameter,
  /** null = not scored; checked against the profile's score range before anything is written. */
  score: Num.nullable(),
  headline: Text,
  text: Text,
});

/** The evaluator's decision on one light: override (with its reason) and the short text. */
export const LightItemSchema = z.object({
  ...base,
  type: z.literal('light'),
  kind: z.enum(['implementation', 'goals', 'effect']),
  override: z.enum(['green', 'yellow', 'red']).nullable(),
  reason: Text,
  text: Text,
});

export const LearningItemSchema = z.object({
  ...base,
  type: z.literal('learning'),
  kind: z.enum(['learning', 'recommendation']),
  title: z.string().max(500),
  text: Text,
});

export const EffectChainItemSchema = z.object({
  ...base,
  type: z.literal('effectChain'),
  column: z.enum(['activity', 'output', 'effect']),
  text: Text.min(1),
});

export const ImportItemSchema = z.discriminatedUnion('type', [
  FactItemSchema,
  GoalItemSchema,
  StatusItemSchema,
  ProgressItemSchema,
  ScoreAverageItemSchema,
  BudgetLineItemSchema,
  FinancingItemSchema,
  SurveyItemSchema,
  EvaluationItemSchema,
  ScoreItemSchema,
  LightItemSchema,
  LearningItemSchema,
  EffectChainItemSchema,
]);
export type ImportItem = z.infer<typeof ImportItemSchema>;
export type FactItem = z.infer<typeof FactItemSchema>;
export type GoalItem = z.infer<typeof GoalItemSchema>;
export type StatusItem = z.infer<typeof StatusItemSchema>;
export type ProgressItem = z.infer<typeof ProgressItemSchema>;
export type ScoreAverageItem = z.infer<typeof ScoreAverageItemSchema>;
export type BudgetLineItem = z.infer<typeof BudgetLineItemSchema>;
export type FinancingItem = z.infer<typeof FinancingItemSchema>;
export type SurveyItem = z.infer<typeof SurveyItemSchema>;
export type EvaluationItem = z.infer<typeof EvaluationItemSchema>;
export type ScoreItem = z.infer<typeof ScoreItemSchema>;
export type LightItem = z.infer<typeof LightItemSchema>;
export type LearningItem = z.infer<typeof LearningItemSchema>;
export type EffectChainImportItem = z.infer<typeof EffectChainItemSchema>;
export type ImportItemType = ImportItem['type'];

/** An item as a recogniser produces it, before the file-wide id is given. */
export type FoundItem = ImportItem extends infer T ? (T extends ImportItem ? Omit<T, 'id'> : never) : never;

export const ImportIssueSchema = z.object({
  severity: z.enum(['error', 'warning']),
  file: z.string(),
  location: z.string(),
  message: z.string(),
  /** The item the issue is about, if any. */
  itemId: z.string().optional(),
  /** The message keyed, for the UI's other languages: the comparison's (notes.ts) or a file reader's (readerNotes.ts). */
  msg: z.union([MsgSchema, ReaderMsgSchema]).optional(),
});
export type ImportIssue = z.infer<typeof ImportIssueSchema>;

/** What the file is, found from its content (never its extension). */
export const FileFormatSchema = z.enum(['xlsx', 'pdf', 'docx', 'csv', 'text']);
export type FileFormat = z.infer<typeof FileFormatSchema>;

/** What the content turned out to be. */
export const ContentKindSchema = z.enum([
  'statusReport', // our template statusrapport.xlsx
  'evaluationWorkbook', // the app's exported evaluation workbook
  'surveyAnswers', // raw answers per respondent
  'goalCsv', // CSV of goals and statuses
  'evaluationReport', // evaluation report (PDF/DOCX/text)
  'application', // grant application (PDF/DOCX/text)
  'unknown',
]);
export type ContentKind = z.infer<typeof ContentKindSchema>;

export const CONTENT_KIND_LABEL: Record<ContentKind, string> = {
  statusReport: 'Statusrapport (skabelon)',
  evaluationWorkbook: 'Evalueringsprojektmappe (eksporteret fra Trafiklys)',
  surveyAnswers: 'Spørgeskemabesvarelser',
  goalCsv: 'CSV med mål og status',
  evaluationReport: 'Evalueringsrapport',
  application: 'Ansøgning',
  unknown: 'Ukendt indhold',
};

export const ChangeSchema = z.enum(['new', 'changed', 'unchanged', 'blocked', 'info']);
export type Change = z.infer<typeof ChangeSchema>;

/** How one item compares with what the project holds. */
export const ItemDiffSchema = z.object({
  itemId: z.string(),
  change: ChangeSchema,
  /** Whether applying it overwrites a stored value (a changed fact, target, budget line ...). */
  overwrites: z.boolean(),
  /** Stored value, shown beside the new one for a change. */
  before: z.string().nullable(),
  after: z.string().nullable(),
  /** Why it is blocked or unchanged, or what applying it does. */
  note: z.string(),
  /**
   * Whether the preview selects it at first (and the CLI writes it): new, changed and blocked
   * items are, except changes that need an explicit choice (a status report rewording a goal of
   * the grant, budget and time from a report dated after the evaluation round).
   */
  selectedByDefault: z.boolean(),
  /** The same note, before and after as keyed messages, for the UI's other languages. */
  noteMsgs: z.array(MsgSchema),
  beforeMsgs: z.array(MsgSchema).nullable(),
  afterMsgs: z.array(MsgSchema).nullable(),
});
export type ItemDiff = z.infer<typeof ItemDiffSchema>;

/**
 * What the preview weighs statuses and figures against, so that the renderer can say what an
 * edited or (de)selected item will do with the same pure functions main uses
 * (`statusEffects`, `validateItems`): the project's goals and statuses, the evaluation round
 * and the methodology profile.
 */
export const ImportBasisSchema = z.object({
  profile: MethodologyProfileSchema,
  /** The round statuses count in; null = the project has none (the latest status counts). */
  round: z.object({ type: z.enum(['midterm', 'final']), date: IsoDate }).nullable(),
  goals: z.array(
    z.object({
      code: z.string(),
      level: z.enum(['A', 'B', 'C']),
      targetInPeriod: Num.nullable(),
      direction: z.enum(['higher', 'lower']),
      baseline: Num.nullable(),
    }),
  ),
  /** The stored statuses of those goals, in the order they were stored. */
  reports: z.array(z.object({ code: z.string(), value: Num.nullable(), reportedAt: IsoDate })),
  /** The stored grant period (a file's start or end is checked against the other). */
  period: z.object({ start: IsoDate.nullable(), end: IsoDate.nullable() }),
});
export type ImportBasis = z.infer<typeof ImportBasisSchema>;

export const FilePreviewSchema = z.object({
  file: z.string(),
  format: FileFormatSchema,
  kind: ContentKindSchema,
  kindLabel: z.string(),
  itemIds: z.array(z.string()),
  /** The content's SHA-256 (hex): apply names the file by it, and the import keeps the file. */
  sha256: z.string().optional(),
  size: z.number().int().optional(),
});
export type FilePreview = z.infer<typeof FilePreviewSchema>;

export const ImportPreviewSchema = z.object({
  files: z.array(FilePreviewSchema),
  items: z.array(ImportItemSchema),
  issues: z.array(ImportIssueSchema),
  diff: z.array(ItemDiffSchema),
  /** The project the diff is against; null = a new project would be created. */
  projectId: z.number().int().nullable(),
  projectName: z.string(),
  /** The evaluation round progress and survey items go to; null = a new one is created. */
  evaluationId: z.number().int().nullable(),
  /**
   * True when nothing has an error: everything found can be applied as it is. With errors,
   * the items without them can still be applied once the ones with errors are left out
   * (deselected in the wizard, `--skip-errors` in the CLI): see `leftOutOf`.
   */
  canApply: z.boolean(),
  basis: ImportBasisSchema,
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

export interface ImportProgress {
  /** 0-1 */
  fraction: number;
  file: string;
  message: string;
}

export interface ImportApplyResult {
  projectId: number;
  evaluationId: number | null;
  created: number;
  updated: number;
  unchanged: number;
  /** Per type, how many were written. */
  written: Partial<Record<ImportItemType, number>>;
}
