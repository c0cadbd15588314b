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
  statusAfterRound: 'Dateret efter evalueringsrunden pr. {{dateRound}}, så den tæller først i en senere runde.',
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
  // Problems the comparison finds (issues)
  issueDuplicateCode: 'Målkoden {{code}} optræder to gange: {{file}} ({{location}}) og {{otherFile}} ({{otherLocation}}).',
  issueCodeNotInProject: 'Målkoden {{code}} matcher intet mål i projektet "{{project}}" (der har {{codes}}).',
  issueStatusCodeUnknown: 'Status for {{code}}: koden matcher intet mål i projektet.',
  issueStatusCodeNotInProject: 'Status for {{code}}: koden matcher intet mål i projektet (der har {{codes}}).',
  issueStatusesAfterRound_one: '1 status er dateret efter evalueringsrunden pr. {{dateRound}} og tæller ikke i den; start en ny evalueringsrunde for at se den.',
  issueStatusesAfterRound_other: '{{count}} statusser er dateret efter evalueringsrunden pr. {{dateRound}} og tæller ikke i den; start en ny evalueringsrunde for at se dem.',
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
} as const satisfies Record<string, string>;

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

/** How a parameter is shown, given the locale's number and date formatters. */
export function formatParam(name: string, value: string | number | null, number: (n: number) => string, date: (iso: string) => string): string {
  if (value === null || value === '') return '–';
  if (name === 'year') return String(value);
  if (typeof value === 'number') return number(value);
  if (name.startsWith('date') && /^\d{4}-\d{2}-\d{2}$/.test(value)) return date(value);
  return value;
}

/** Up to two decimals, as many as the number has: 19.037, 19.500.000,5. */
export const danishNumber = (n: number): string => formatDanishNumber(n, shownDecimals(n));

/** Fills a template's {{name}} placeholders. */
export function fill(template: string, params: NoteParams | undefined, number: (n: number) => string, date: (iso: string) => string): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => formatParam(name, params?.[name] ?? null, number, date));
}

/** The Danish text of messages: notes joined by a space, values by "; ". */
export function danish(msgs: readonly Msg[], separator = ' '): string {
  return msgs.map((m) => fill(NOTES_DA[m.key], m.params, danishNumber, formatDanishDate)).join(separator);
}
