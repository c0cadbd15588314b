import { danish, danishDate, danishNumber, fill, type Msg, type NoteParams } from '../../shared/import/notes';

/**
 * Every line `import` prints, keyed, so that the CLI's language option can give it another
 * catalogue (the preview's notes come keyed from the diff already: `notes`). Parameters are
 * filled as in the preview's notes: numbers the Danish way, `date...` ISO dates as dates,
 * `percent...` as percents, a missing value as "–"; optional parts are keys of their own.
 */
export const IMPORT_CLI_DA = {
  needFiles: 'Angiv mindst én fil at importere.',
  badEvaluationType: '--evaluation-type skal være final eller midterm.',
  badDate: '{{option}}: {{reason}}.',
  needRound:
    'Projektet har ingen evalueringsrunde til budget- og tidstal, spørgeskema, scorer og trafiklys, og filerne siger ikke, hvilken runde de hører til: angiv {{missing}}. Intet er gemt.',
  project: 'Projekt: {{name}}',
  projectNew: 'Projekt: {{name}} (nyt)',
  projectUnnamed: 'Projekt: (nyt projekt uden navn)',
  file: 'Fil: {{file}} – {{kind}} ({{format}}), {{count}} punkter',
  factsHeader: 'Fakta:',
  fact: '  {{label}}: {{value}}  [{{change}}] ({{place}})',
  goalsHeader: 'Mål:',
  goal: '  {{code}} ({{level}}) mål {{target}}',
  goalAfter: ' / efter {{value}}',
  goalStatus: ', status {{value}} pr. {{date}}, trykt {{printed}}',
  goalStatusUndated: ', status {{value}} pr. (ingen dato), trykt {{printed}}',
  goalText: '      {{text}}',
  codeSuggested: ' (kode foreslået)',
  statusesHeader: 'Status:',
  status: '  {{code}}: {{value}} pr. {{date}}, trykt {{printed}}  [{{change}}] ({{place}})',
  effect: '      {{note}}',
  progress: 'Budget og tid: forbrug {{spent}} af {{total}} kr., {{elapsed}} af {{months}} måneder pr. {{date}}  [{{change}}] ({{place}})',
  scoreAverage: 'Gennemsnitlig implementeringsscore (trykt): {{value}} ({{place}})',
  budgetHeader: 'Budgetlinjer (kr.):',
  budgetLine: '  {{year}} {{costType}}: {{amount}}',
  budgetPercent: ' ({{value}} % af direkte)',
  financingHeader: 'Finansiering (kr.):',
  financing: '  {{name}}: {{amount}}  [{{change}}]',
  surveyHeader: 'Spørgeskema:',
  survey: '  {{statement}}: {{positive}} ud af {{n}} ({{scale}}-punkt)  [{{change}}]',
  roundHeader: 'Evalueringsrunde:',
  round: '  {{type}} pr. {{date}}',
  roundEvaluator: ', evaluator {{name}}',
  roundItem: '  {{label}}  [{{change}}] ({{place}})',
  unselectedHeader: 'Ændringer der kræver et valg (gemmes kun med --accept-changes eller når du vælger dem i appens import):',
  unselected: '  {{file}}, {{place}}: {{note}} ({{before}} -> {{after}})',
  issuesHeader: 'Fejl og advarsler:',
  error: '  FEJL: {{where}}: {{message}}',
  warning: '  Advarsel: {{where}}: {{message}}',
  leftOutHeader: 'Udeladt – importeres ikke ({{count}}):',
  leftOut: '  {{where}}: {{what}}: {{why}}',
  leftOutPlace: '  {{where}}: {{why}}',
  leftOutFile: '  {{where}}: hele filen: {{why}}',
  stoppedByErrors:
    'Intet er gemt: {{count}} fejl (se ovenfor). Ret dem i filerne, eller brug --skip-errors for at gemme resten uden det, der har fejl.',
  dryRun: 'Prøvekørsel (--dry-run): intet er gemt.',
  nothingNew: 'Intet nyt at gemme: alt i filerne findes allerede i projektet.',
  nothingLeft: 'Intet nyt at gemme ud over det udeladte.',
  saved: 'Gemt i én transaktion: {{created}} oprettet, {{updated}} opdateret, {{unchanged}} uændret.',
  savedLeftOut: 'Gemt i én transaktion: {{created}} oprettet, {{updated}} opdateret, {{unchanged}} uændret; {{count}} udeladt (se ovenfor).',
  folderEmpty: 'Mappen {{folder}} indeholder ingen filer at importere ({{extensions}}). Intet er gemt.',
  folderSkipped: 'Springes over (ikke en fil, importen læser): {{names}}',
  folderStart: 'Importerer {{total}} filer, hver fil i sin egen transaktion:',
  folderProgress: '{{n}} af {{total}} filer: {{file}}: {{outcome}}',
  folderProject: '{{name}}: {{outcome}}',
  folderNotSaved: 'IKKE GEMT: {{reason}}',
  folderStopped: '{{count}} fejl (se nedenfor); intet fra filen er gemt. Ret filen, eller brug --skip-errors for at gemme resten af den uden det, der har fejl.',
  folderReason: '    {{line}}',
  folderSummary: '{{total}} filer: {{saved}} importeret, {{failed}} ikke gemt.',
  folderFailedHeader: 'Ikke gemt ({{count}}); de andre filer er gemt hver for sig:',
  folderFailedFile: '  {{n}}. fil af {{total}}: {{file}}: {{reason}}',
  folderFailedSome: 'Ret filerne ovenfor og importér dem igen; det, der allerede er gemt, gemmes ikke to gange.',
  newRound: 'Ny evalueringsrunde: {{evaluationType}} pr. {{date}} ({{source}}).',
  roundFromOption: 'angivet med --evaluation-date',
  roundFromProgress: 'datoen for budget- og tidstallene i filen',
  changeTag: '  [{{change}}]',
  placeTag: ' ({{place}})',
  change_new: 'ny',
  change_changed: 'ændres',
  change_unchanged: 'uændret',
  change_blocked: 'mangler data',
  change_info: 'vises kun',
  notChosen: ', ikke valgt',
  level_A: 'aktivitet',
  level_B: 'output',
  level_C: 'effekt',
  type_final: 'Slutevaluering',
  type_midterm: 'Midtvejsevaluering',
  item_fact: '{{label}}',
  item_goal: 'mål {{code}}',
  item_status: 'status for {{code}}',
  item_progress: 'budget og tid',
  item_scoreAverage: 'gennemsnitlig score',
  item_budgetLine: 'budgetlinje {{costType}} {{year}}',
  item_financing: 'finansiering {{name}}',
  item_survey: 'spørgeskema "{{statement}}"',
  item_evaluation: 'evalueringsrunden',
  item_score: 'score for parameter {{parameter}}',
  item_light: 'trafiklys for {{kind}}',
  item_learning: 'læringspunkt "{{title}}"',
  item_effectChain: 'effektkæde "{{text}}"',
} as const;

export type ImportCliKey = keyof typeof IMPORT_CLI_DA;

export interface ImportCliText {
  (key: ImportCliKey, params?: NoteParams): string;
  /** The preview's keyed notes (the diff's Danish text where there are none). */
  notes(msgs: readonly Msg[] | null, fallback: string | null, separator?: string): string;
  number(n: number | null): string;
  date(iso: string | null): string;
}

/** The import command's text in one catalogue (Danish by default). */
export function importCliText(catalogue: Record<ImportCliKey, string> = IMPORT_CLI_DA): ImportCliText {
  const say = ((key: ImportCliKey, params?: NoteParams) => fill(catalogue[key], params, danishNumber, danishDate)) as ImportCliText;
  say.notes = (msgs, fallback, separator = ' ') => (msgs && msgs.length ? danish(msgs, separator) : (fallback ?? '–'));
  say.number = (n) => (n === null ? '–' : danishNumber(n));
  say.date = (iso) => (iso ? danishDate(iso) : '–');
  return say;
}
