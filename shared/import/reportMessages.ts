import type { ImportIssue } from './items';
import { danishNumber, fill, type NoteParams } from './notes';
import { formatDanishDate } from '../numbers/danishDate';

/**
 * What the report readers (PDF, Word, plain text: `reportText.ts`, `reportTables.ts`) say, as
 * keys with parameters. The Danish text is made here and only here, so that giving the
 * readers' issues keyed messages for the UI's other languages is a change to `reportIssue`
 * alone. Parameters follow the notes' rules (`notes.ts`): numbers are shown as Danish numbers,
 * `date...` parameters are ISO dates, `year` is a year, strings are shown as they are.
 */
export const REPORT_MESSAGES_DA = {
  // Fact box
  factBudgetUnreadable: 'Samlet budget: {{reason}}',
  factPeriodUnreadable: 'Bevillingsperiode "{{value}}" kan ikke læses; forventede "DD.MM.ÅÅÅÅ – DD.MM.ÅÅÅÅ".',
  factPeriodInvalid: 'Bevillingsperiode: {{reason}}',
  factUnknownLabel: 'Rækken "{{label}}" i faktaboksen er ikke et felt, Trafiklys kender; den er ikke læst.',
  scoreOutOfScale: 'Gennemsnitlig score {{value}} ligger uden for skalaen 1-5.',
  scoreUnreadable: 'Gennemsnitlig score: {{reason}}',
  // Goal tables
  goalTableNoDate: 'Ingen rapporteringsdato fundet under måltabellen; udfyld datoen før status kan gemmes.',
  goalNoFigures: 'Målet {{code}} har ingen tal (mål, status, procent) i tabellen.',
  goalFigureUnreadable: 'Målet {{code}}: {{reason}}',
  goalCellUnreadable: 'Målet {{code}}, {{column}}: {{reason}}',
  goalAmbiguousFigures:
    'Målet {{code}}: tabellen har {{columns}} talkolonner ({{names}}), men rækken har kun {{count}} tal ({{figures}}), så det kan ikke afgøres, hvilken kolonne de hører til, eller om {{first}} er en del af beskrivelsen. Skriv "–" i tomme celler, eller ret målet efter importen.',
  goalNumberStraddles:
    'Målet {{code}}: tallet "{{text}}" står mellem kolonnerne "{{left}}" og "{{right}}", så det kan ikke afgøres, hvilken af dem det hører til.',
  goalNumberOutside: 'Målet {{code}}: tallet "{{text}}" står til højre for den sidste kolonne ("{{left}}") under ingen overskrift, så det kan ikke afgøres, hvilken kolonne det hører til.',
  rowNumberStraddles: '{{label}}: tallet "{{text}}" står mellem kolonnerne "{{left}}" og "{{right}}", så det kan ikke afgøres, hvilken af dem det hører til.',
  rowNumberOutside: '{{label}}: tallet "{{text}}" står til højre for den sidste kolonne ("{{left}}") under ingen overskrift, så det kan ikke afgøres, hvilken kolonne det hører til.',
  goalCodeTooLong: 'Målkoden "{{code}}" har flere end tre cifre; Trafiklys kan gemme koder fra A1 til C999.',
  goalCodeNormalised: 'Målkoden "{{raw}}" er læst som {{code}} (usynlige tegn eller tegn i fuld bredde er fjernet).',
  goalRowNoCode: 'Rækken har tal, men ingen målkode.',
  goalRowSkipped: 'Rækken "{{label}}" har ingen målkode og ingen tal; den er ikke læst.',
  goalTotalsSkipped: 'Rækken "{{label}}" er en sumrække og ikke et mål; den er sprunget over.',
  goalDuplicateInFile: 'Målet {{code}} står to steder i filen med forskellige tal: {{location}} ({{figures}}) og {{otherLocation}} ({{otherFigures}}).',
  printedPercentDiffers: '{{code}}: trykt målopnåelse {{printed}} % afviger fra beregnet {{computed}} % ({{status}} / {{target}}).',
  printedShareDiffers: '{{code}}: trykt andel {{printed}} % afviger fra beregnet {{computed}} % ({{numerator}} af {{denominator}}).',
  statusMissing: '{{code}}: ingen status i tabellen; der gemmes ingen status (tidligere status gælder fortsat).',
  printedWithoutStatus: '{{code}}: tabellen har en procent ({{printed}} %), men ingen status; procenten bruges ikke.',
  noteDateInvalid: '{{reason}}',
  // Budget and time
  progressFigureUnreadable: '{{label}}: {{reason}}',
  progressNoDate: 'Budget- og tidsforbrug: ingen rapporteringsdato fundet.',
  progressDuplicateInFile: 'Budget- og tidsforbrug står to steder i filen med forskellige tal: {{location}} og {{otherLocation}}.',
  progressRowSkipped: 'Rækken "{{label}}" i tabellen over budget- og tidsforbrug er hverken budget- eller tidsforbrug; den er ikke læst.',
  // Survey
  surveyNoScale: 'Spørgeskematabel uden angivet skala (3- eller 5-punkt); 5-punkt antaget.',
  surveyNMismatch: '"{{positive}} ud af {{n}}" passer ikke med n={{nNote}} i noten{{noteAt}}.',
  surveyTooManyPositive: '"{{positive}} ud af {{n}}": flere positive end respondenter.',
  surveyRowSkipped: 'Rækken "{{label}}" i spørgeskematabellen har ikke formen "N ud af M"; den er ikke læst.',
  // Application: budget lines and financing
  budgetNoYears: 'Budgettabellen har ingen række med årstal; budgetlinjer er ikke læst.',
  budgetLineUnreadable: 'Budgetlinjen "{{label}}": {{reason}}',
  budgetLineMissing: 'Budgetlinjen "{{label}}": et beløb mangler.',
  budgetTotalMismatch: 'Budget {{year}}: "I alt" {{amount}} kr. er ikke summen af linjerne ({{sum}} kr.).',
  indirectMismatch: '{{costType}} {{year}}: {{amount}} kr. er ikke {{percent}} % af de direkte udgifter ({{expected}} kr.).',
  financingUnreadable: 'Finansieringskilden "{{name}}": {{reason}}',
  financingMissing: 'Finansieringskilden "{{name}}": beløbet mangler.',
  financingTotalMismatch: 'Finansiering "I alt" {{amount}} kr. er ikke summen af kilderne ({{sum}} kr.).',
  financingBudgetMismatch: 'Finansieringen ({{amount}} kr.) svarer ikke til budgettet ({{budget}} kr.).',
  financingNoName: 'Et finansieringsbeløb ({{amount}}) uden navn på kilden.',
  financingNone: 'Afsnittet om finansiering indeholder ingen beløb, der kan læses.',
  // Application: goals written as prose
  applicationNoGoalSection: 'Ansøgningen har intet afsnit "Effekter og output" eller "Mål for ...", så der er ikke læst nogen mål; tilføj dem i appen.',
  applicationNoBullets: 'Afsnittet om mål har ingen punkter (opstilling), så der er ikke læst nogen mål; tilføj dem i appen.',
  applicationNoCounts: 'Ingen af afsnittets {{count}} punkter nævner et antal, så der er ikke læst nogen mål; tilføj dem i appen.',
  applicationGoalsRead:
    '{{count}} mål læst fra ansøgningens tekst som outputmål med foreslåede koder (mål projektet allerede har, beholder deres kode); ret koden i forhåndsvisningen, hvis et mål er et aktivitets- (A) eller effektmål (C).',
} as const satisfies Record<string, string>;

export type ReportMessageKey = keyof typeof REPORT_MESSAGES_DA;

/**
 * An issue as the report readers make it. `goal` names the goal it is about: when a goal table
 * in a Word or PDF table and the text both hold the goal, the text's doubts about it give way.
 */
export interface ReportIssue extends ImportIssue {
  key: ReportMessageKey;
  goal?: string;
}

export function reportIssue(
  severity: ImportIssue['severity'],
  file: string,
  location: string,
  key: ReportMessageKey,
  params?: NoteParams,
  goal?: string,
): ReportIssue {
  const message = fill(REPORT_MESSAGES_DA[key], params, danishNumber, formatDanishDate);
  return goal === undefined ? { severity, file, location, message, key } : { severity, file, location, message, key, goal };
}

/** The issue as the import's contract carries it (the readers' own fields left behind). */
export function plainIssue({ severity, file, location, message }: ReportIssue): ImportIssue {
  return { severity, file, location, message };
}
