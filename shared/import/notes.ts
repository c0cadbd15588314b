import { z } from 'zod';
import { formatDanishNumber, shownDecimals } from '../numbers/danish';
import { formatDanishDate } from '../numbers/danishDate';

/**
 * What the import preview says about an item, as keyed messages: the Danish text is made here
 * (and sent as `note`, `before`, `after`), and the renderer shows the same message in English
 * from its own catalogue (`import.notes.<key>` in en.json), with numbers and dates in the
 * user's format. Parameters named `date...` are ISO dates, `year` a year; other numbers are
 * formatted as numbers, strings are shown as they are.
 */
export const NOTES_DA = {
  // Goals
  goalSameAsEarlier: 'Samme mål som i {{file}} ({{location}}).',
  goalDuplicate: 'Dobbelt målkode {{code}}.',
  goalUnknownCode: 'Kode {{code}} findes ikke i projektet.',
  goalNew: 'Nyt mål {{code}}.',
  goalUnchanged: 'Målet {{code}} er som i projektet.',
  goalChanged: 'Målet {{code}} ændres.',
  goalRecognisedDiffers:
    'Målet er genkendt som {{code}} ud fra teksten (filen har ingen målkoder) og er formuleret anderledes; projektets mål bevares, medmindre du vælger punktet.',
  goalRecipientDiffers: 'Filen beskriver målet {{code}} anderledes end projektet; projektets mål bevares, medmindre du vælger punktet.',
  // Statuses
  statusGoalBlocked: 'Målet {{code}} kan ikke importeres (se målet), og derfor heller ikke dets status.',
  statusUnknownCode: 'Kode {{code}} findes ikke.',
  statusNoDate: 'Status for {{code}} har ingen rapporteringsdato; udfyld den for at gemme.',
  statusRepeated: 'Samme status optræder tidligere i importen.',
  statusStored: 'Status {{value}} pr. {{date}} er allerede gemt (fra {{file}}).',
  statusStoredManual: 'Status {{value}} pr. {{date}} er allerede gemt (indtastet i Trafiklys).',
  statusNew: 'Ny statusrapport for {{code}} (tilføjes; tidligere rapporter bevares).',
  statusSameDate: 'Der findes allerede en rapport pr. {{date}} med værdien {{value}}.',
  // What a status does to the attainment of the round it counts in (statusEffects)
  attainmentChanges: 'Målopnåelse {{percentBefore}} → {{percentAfter}}.',
  attainmentOlder: 'Ældre end status i kraft ({{value}} pr. {{date}}): gemmes som historik; målopnåelsen er uændret ({{percent}}).',
  attainmentSuperseded: 'En nyere status i importen ({{value}} pr. {{date}}) gælder: denne gemmes som historik; målopnåelsen bliver {{percent}}.',
  attainmentAfterRound:
    'Dateret efter evalueringsrunden pr. {{dateRound}}: gemmes som historik; målopnåelsen i runden er uændret ({{percent}}); fra en senere runde {{percentLater}}.',
  // Budget and time
  progressNewRound: 'Gemmes på en ny evalueringsrunde.',
  progressUnchanged: 'Budget- og tidsforbrug er som i evalueringen.',
  progressFills: 'Budget- og tidsforbrug udfyldes på evalueringsrunden pr. {{dateRound}}.',
  progressFillsAfterRound: 'Budget- og tidsforbrug udfyldes på evalueringsrunden pr. {{dateRound}} (rapporten er dateret {{date}}, efter runden).',
  progressAfterRound:
    'Rapporten er dateret {{date}}, efter evalueringsrunden pr. {{dateRound}}: runden beholder sine tal, medmindre du vælger punktet (eller starter en ny runde).',
  progressOlder: 'Rapporten er dateret {{date}}, men runden har tal pr. {{dateStored}}: de nyeste tal bevares, medmindre du vælger punktet.',
  progressUndated: 'Rapporten har ingen dato, men runden har tal pr. {{dateStored}}: de nyeste tal bevares, medmindre du vælger punktet.',
  progressOverwrites: 'Budget- og tidsforbrug på evalueringsrunden pr. {{dateRound}} overskrives.',
  // Other items
  scoreAverageInfo: 'Vises til sammenligning; implementeringsscoren gemmes pr. parameter og beregnes.',
  budgetLineNew: 'Ny budgetlinje.',
  budgetLineUnchanged: 'Budgetlinjen er som i projektet.',
  budgetLineChanged: 'Budgetlinjen overskrives.',
  financingNew: 'Ny finansieringskilde.',
  financingUnchanged: 'Finansieringskilden er som i projektet.',
  financingChanged: 'Beløbet overskrives.',
  surveyNew: 'Ny spørgeskemaindikator.',
  surveyNewRound: 'Ny spørgeskemaindikator på en ny evalueringsrunde.',
  surveyUnchanged: 'Indikatoren er som i evalueringen.',
  surveyChanged: 'Indikatoren overskrives.',
  factEmptyInSource: 'Feltet er tomt i kilden.',
  factNewProject: 'Udfyldes på det nye projekt.',
  factSameName: 'Projektnavnet er det samme.',
  factNameKept: 'Projektnavnet ændres ikke ved import (projektet hedder "{{name}}").',
  factUnchanged: 'Som i projektet.',
  factFills: 'Feltet er tomt i projektet og udfyldes.',
  factOverwrites: 'Feltet overskrives.',
  // The app's own evaluation workbook: the round, scores, lights, learning points, effect chain
  evaluationNew: 'Ny evalueringsrunde: {{evaluationType}} pr. {{date}}.',
  evaluationFound: 'Evalueringsrunden ({{evaluationType}} pr. {{date}}) findes i projektet.',
  evaluationChanged: 'Evaluator og overordnet status på evalueringsrunden pr. {{date}} overskrives.',
  roundItemNew: 'Gemmes på evalueringsrunden.',
  roundItemNewRound: 'Gemmes på den nye evalueringsrunde.',
  scoreUnchanged: 'Scoren er som i evalueringen.',
  scoreChanged: 'Scoren, konklusionen og begrundelsen overskrives.',
  lightUnchanged: 'Trafiklysbeslutningen er som i evalueringen.',
  lightChanged: 'Trafiklysbeslutningen overskrives.',
  learningUnchanged: 'Punktet er som i evalueringen.',
  learningChanged: 'Teksten overskrives.',
  effectChainNew: 'Nyt punkt i effektkæden.',
  effectChainUnchanged: 'Punktet findes i effektkæden.',
  // Figures that can't be stored as they are (validateItems): refused before anything is written
  itemInvalid: 'Kan ikke importeres, som det er: se fejlen.',
  figureNotNumber: '{{field}}: tallet kan ikke bruges (uendeligt eller ikke et tal).',
  figureTooLarge: '{{field}}: {{value}} er større end {{max}}, det højeste Trafiklys tager imod.',
  figureNegative: '{{field}}: {{value}} er negativt.',
  figureNegativeGoal: '{{field}} for {{code}}: {{value}} er negativt; negative mål og statusser kræver et mål, hvor lavere er bedre, med en baseline.',
  figureTargetTooSmall: 'Målsætningen for {{code}} er {{value}}: målopnåelsen kan ikke beregnes af så lille et mål (mindst {{min}}, eller 0 for intet mål).',
  figureBaselineTooClose: 'Baseline {{baseline}} og målsætning {{value}} for {{code}} ligger for tæt: målopnåelsen kan ikke beregnes (forskellen skal være mindst {{min}}).',
  figurePercentNotFinite: 'Målopnåelsen for {{code}} kan ikke beregnes (status {{value}} af målsætningen {{target}}).',
  figureMustBePositive: '{{field}}: {{value}} skal være mindst {{min}}, fordi en procent beregnes af det.',
  figureNotInteger: '{{field}}: {{value}} skal være et helt tal.',
  figureSurveyPositive: '{{positive}} positive svar er flere end de {{n}} besvarelser.',
  figureScoreRange: 'Scoren for parameter {{parameter}} er {{value}}: den skal være et helt tal fra {{min}} til {{max}}.',
  figureOverrideReason: 'Trafiklyset for {{kind}} er tilsidesat uden begrundelse; en tilsidesættelse kræver en skriftlig begrundelse.',
  figureDate: '{{field}}: "{{text}}" er ikke en gyldig dato.',
  figurePeriod: 'Bevillingsperioden slutter {{dateEnd}}, før den starter {{dateStart}}.',
  // Problems the comparison finds (issues)
  issueDuplicateCode: 'Målkoden {{code}} optræder to gange: {{file}} ({{location}}) og {{otherFile}} ({{otherLocation}}).',
  issueCodeNotInProject: 'Målkoden {{code}} matcher intet mål i projektet "{{project}}" (der har {{codes}}).',
  issueStatusCodeUnknown: 'Status for {{code}}: koden matcher intet mål i projektet.',
  issueStatusCodeNotInProject: 'Status for {{code}}: koden matcher intet mål i projektet (der har {{codes}}).',
  issueStatusesAfterRound_one: '1 status er dateret efter evalueringsrunden pr. {{dateRound}} og tæller ikke i den; start en ny evalueringsrunde for at se den.',
  issueStatusesAfterRound_other: '{{count}} statusser er dateret efter evalueringsrunden pr. {{dateRound}} og tæller ikke i den; start en ny evalueringsrunde for at se dem.',
  issueStatusDateGiven_one: '1 status uden dato i filen får datoen {{date}}, som er angivet ved importen.',
  issueStatusDateGiven_other: '{{count}} statusser uden dato i filen får datoen {{date}}, som er angivet ved importen.',
  // Values shown before -> after
  valueLevel: 'niveau {{level}}',
  valueTarget: 'mål {{value}}',
  valueTargetAfter: 'mål efter perioden {{value}}',
  valueDescription: 'beskrivelse "{{text}}"',
  valueNewGoal: '{{code}}: mål {{value}}',
  valueStatus: '{{value}} pr. {{date}}',
  valueProgress: 'budget {{spent}} af {{total}} kr., {{elapsed}} af {{months}} måneder',
  valueAmount: '{{amount}} kr.',
  valueBudgetLine: '{{costType}} {{year}}: {{amount}} kr.',
  valueFinancing: '{{name}}: {{amount}} kr.',
  valueSurvey: '{{positive}} ud af {{n}} ({{scale}}-punkt)',
  valueSurveyShort: '{{positive}} ud af {{n}}',
  valueText: '{{value}}',
  valueDate: '{{date}}',
  valueDirection: '{{direction}}',
  valueBaseline: 'baseline {{value}}',
  valueEvaluation: '{{evaluationType}} pr. {{date}}, evaluator {{text}}',
  valueOverallStatus: 'overordnet status "{{text}}"',
  valueScore: 'score {{value}}: "{{text}}"',
  valueLightSuggested: 'det foreslåede lys gælder; "{{text}}"',
  valueLightOverride: 'tilsidesat til {{light}} ("{{reason}}"); "{{text}}"',
  valueLearning: '"{{title}}": "{{text}}"',
} as const satisfies Record<string, string>;

/**
 * Parameters whose value is a key (a field, a light, an evaluation type ...): shown as its label
 * in the UI's language (Danish here, `import.labels.<param>.<value>` in en.json).
 */
export const LABELS_DA = {
  field: {
    target: 'Målsætning i projektperioden',
    targetAfter: 'Målsætning efter projektperioden',
    baseline: 'Baseline',
    status: 'Status',
    printedPercent: 'Trykt procent',
    budgetSpent: 'Forbrug d.d.',
    budgetTotal: 'Totalt budget',
    monthsElapsed: 'Forløbne måneder',
    monthsTotal: 'Måneder i alt',
    totalBudget: 'Samlet budget (kr.)',
    amount: 'Beløb (kr.)',
    percentOfDirect: 'Andel af direkte udgifter',
    surveyN: 'Antal besvarelser',
    surveyPositive: 'Positive svar',
    date: 'Dato',
    periodStart: 'Bevillingsperiode, start',
    periodEnd: 'Bevillingsperiode, slut',
    evaluationDate: 'Evalueringsdato',
  },
  evaluationType: { final: 'slutevaluering', midterm: 'midtvejsevaluering' },
  light: { green: 'grøn', yellow: 'gul', red: 'rød' },
  kind: { implementation: 'implementering', goals: 'målopnåelse', effect: 'effektvurdering' },
  direction: { higher: 'højere er bedre', lower: 'lavere er bedre' },
} as const;
export type LabelParam = keyof typeof LABELS_DA;
export type FigureField = keyof typeof LABELS_DA.field;
const isLabelParam = (name: string): name is LabelParam => Object.prototype.hasOwnProperty.call(LABELS_DA, name);

/** The Danish label of a labelled parameter's value (the value itself where there is none). */
export function labelDa(param: string, value: string): string {
  if (!isLabelParam(param)) return value;
  return (LABELS_DA[param] as Record<string, string>)[value] ?? value;
}

export type NoteKey = keyof typeof NOTES_DA;
export const NOTE_KEYS = Object.keys(NOTES_DA) as NoteKey[];

export const NoteParamsSchema = z.record(z.string().max(60), z.union([z.string().max(20_000), z.number(), z.null()]));
export type NoteParams = z.infer<typeof NoteParamsSchema>;

export const MsgSchema = z.object({
  key: z.enum(NOTE_KEYS as [NoteKey, ...NoteKey[]]),
  params: NoteParamsSchema.optional(),
});
export type Msg = z.infer<typeof MsgSchema>;

export const msg = (key: NoteKey, params?: NoteParams): Msg => (params ? { key, params } : { key });

/** Optional formatters of a locale beyond numbers and dates. */
export interface FillExtras {
  /** A percent on the 0-100 scale: "86 %" (default: the number and " %"). */
  percent?: (n: number) => string;
  /** The label of a labelled parameter's value (default: the Danish label). */
  label?: (param: LabelParam, value: string) => string;
}

/**
 * How a parameter is shown, given the locale's formatters: `year` as it is, `percent...` as a
 * percent, `date...` ISO dates as dates, labelled parameters (LABELS_DA) as their label.
 */
export function formatParam(
  name: string,
  value: string | number | null,
  number: (n: number) => string,
  date: (iso: string) => string,
  extras: FillExtras = {},
): string {
  if (value === null || value === '') return '–';
  if (name === 'year') return String(value);
  if (typeof value === 'number') {
    if (name.startsWith('percent')) return extras.percent ? extras.percent(value) : `${number(value)} %`;
    return number(value);
  }
  if (name.startsWith('date') && /^\d{4}-\d{2}-\d{2}$/.test(value)) return date(value);
  if (isLabelParam(name)) return extras.label ? extras.label(name, value) : labelDa(name, value);
  return value;
}

/** Up to two decimals, as many as the number has: 19.037, 19.500.000,5. */
export const danishNumber = (n: number): string => formatDanishNumber(n, shownDecimals(n));

/** Fills a template's {{name}} placeholders. */
export function fill(
  template: string,
  params: NoteParams | undefined,
  number: (n: number) => string,
  date: (iso: string) => string,
  extras: FillExtras = {},
): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => formatParam(name, params?.[name] ?? null, number, date, extras));
}

/**
 * An ISO date as 02.12.2022; anything else as it is. Messages are made in output paths (and
 * about figures that may be wrong, such as 2022-02-31), where a formatter must not throw.
 */
export function danishDate(iso: string): string {
  try {
    return formatDanishDate(iso);
  } catch {
    return iso;
  }
}

/** The Danish text of messages: notes joined by a space, values by "; ". */
export function danish(msgs: readonly Msg[], separator = ' '): string {
  return msgs.map((m) => fill(NOTES_DA[m.key], m.params, danishNumber, danishDate)).join(separator);
}
