import type { ImportIssue } from '../../shared/import/items';
import type { Lang } from '../storage/messages';

export type { Lang };

/**
 * The CLI's own words in Danish (the default) and English: help, argument errors, the labels of
 * `summary`, errors of opening files. `en` has the type of `da`, so a text missing in one language
 * does not compile; the parity test checks the same at run time with sample parameters.
 */
const da = {
  errorPrefix: 'Fejl',
  helpTitle: 'Trafiklys – kommandolinje',
  helpUsage: 'Brug: npm run cli -- <kommando> [tilvalg]',
  helpCommands: 'Kommandoer:',
  helpMore: 'Tilføj --help efter en kommando for dens hjælp.',
  helpLang: 'Sprog: dansk som standard; engelsk med --lang en eller LANG=en_* (da_* og intet LANG giver dansk).',
  usage: (line: string) => `Brug: npm run cli -- ${line}`,
  unknownCommand: (name: string) => `Ukendt kommando "${name}".`,
  unknownOption: 'Ukendt tilvalg',
  invalidOptionValue: 'Ugyldig værdi til et tilvalg',
  unexpectedPositional: 'Uventet argument',
  badLang: (value: string) => `--lang skal være da eller en, ikke "${value}".`,
  missingOption: (name: string) => `Mangler --${name}. Se --help.`,
  commandSummary: {
    demo: 'Opret demoporteføljen (Headstart og work-live-stay) i en ny databasefil.',
    summary: 'Vis de beregnede tal for hvert projekt (eller ét) og porteføljens målopnåelse pr. niveau og pr. indikator, som tabel eller JSON.',
    export: 'Eksportér et projekts evaluering eller porteføljeoversigten som Excel-projektmappe (.xlsx) med formler.',
    import: 'Læs statusrapporter, evalueringsrapporter, ansøgninger, CSV, spørgeskemasvar og Trafiklys-projektmapper; vis fundet og gem det (én transaktion).',
    report: 'Skriv evalueringsrapporten for en runde som Word-dokument (.docx) eller PDF.',
    generate: 'Opret en syntetisk portefølje af N projekter i en ny databasefil (til test og målinger).',
    verify: 'Beregn hvert projekts tal forfra og vis dem, der afviger fra de gemte tal, som porteføljeoversigten viser.',
    copy: 'Kopiér hele porteføljen mellem en SQLite-fil og en PostgreSQL-server (begge veje) i én transaktion, og kontrollér at alle tal er ens bagefter.',
    server: 'Sæt en PostgreSQL-server op til et team (skema, roller, rettigheder) og opret brugere med roller og projekter.',
  } as Record<string, string>,
  projectOption: '--project tager en entydig del af navnet (store og små bogstaver er ligegyldige) eller projektets id.',

  dbMissing: (path: string) => `Databasefilen ${path} findes ikke.`,
  dbNotAFile: (path: string) => `${path} er ikke en fil.`,
  dbEmpty: (path: string) => `${path} er tom og er ikke en Trafiklys-database.`,
  passwordInUrl: (url: string) => `Advarsel: adgangskoden står i adressen (${url}) og dermed i kommandolinjens historik. Sæt PGPASSWORD, eller skriv den i ~/.pgpass, og udelad den i adressen.`,
  fileOnly: (command: string) => `${command} skriver en ny porteføljefil, ikke på en server. Opret filen, og flyt den over med: npm run cli -- copy --from FIL --to postgres://…`,

  noProjects: 'Porteføljen har ingen projekter.',
  projectNotFound: (query: string, names: string[]) =>
    `Intet projekt matcher "${query}".` + (names.length ? ` Projekterne er: ${names.map((n) => `"${n}"`).join(', ')}.` : ''),
  projectAmbiguous: (query: string, candidates: string[]) =>
    `"${query}" passer på ${candidates.length} projekter; skriv mere af navnet eller brug id'et:\n${candidates.map((c) => `  ${c}`).join('\n')}`,

  demoExists: (path: string) => `${path} findes allerede; demoen oprettes kun i en ny fil.`,
  demoCreated: (path: string, count: number) => `Demoporteføljen er oprettet i ${path} (${count} projekter).`,

  exportEither: 'Angiv enten --project NAVN eller --portfolio. Se --help.',
  exportXlsx: (path: string) => `Outputfilen skal ende på .xlsx: ${path}`,
  badEvaluationId: (value: string) => `Ugyldigt evaluerings-id "${value}".`,
  portfolioSaved: (path: string) => `Porteføljeoversigten er gemt i ${path}.`,
  evaluationSaved: (name: string, path: string) => `Evalueringen af "${name}" er gemt i ${path}.`,

  importNeedsFiles: 'Angiv mindst én fil at importere.',
  importBadType: '--evaluation-type skal være final eller midterm.',
  issueError: 'FEJL',
  issueWarning: 'Advarsel',

  summaryHeader: ['Projekt', 'Evaluering', 'Implementering', 'Aktivitet', 'Output', 'Effekt', 'Budget', 'Tid', 'Advarsler'],
  summaryWarnings: 'Advarsler:',
  light: { green: 'grøn', yellow: 'gul', red: 'rød' },
  evaluationType: { midterm: 'midtvejs', final: 'slut' },
  scoredOf: (scored: number) => `(${scored} af 6 scoret)`,

  verifyOk: (projects: number) => `De gemte tal for alle ${projects} projekter er de samme som en ny beregning.`,
  copyProgress: (done: number, total: number, table: string) => `Kopierer … ${done} af ${total} rækker (${table})`,
  copyDone: (projects: number, rows: number, from: string, to: string) => `${projects} projekter (${rows} rækker) kopieret fra ${from} til ${to}; alle tal ens, og data er de samme (dataaftryk).`,
  copyDiffers: (to: string, lines: string[]) =>
    `Kopien i ${to} afviger fra kilden:\n${lines.join('\n')}\nKopien kan ikke bruges: slet den (en fil er allerede fjernet; en serverdatabase: dropdb og opret den igen) og meld fejlen.`,
  copyDigest: 'Data (dataaftrykket af alle brugerdata) er ikke de samme.',
  copyFigure: (name: string) => `Tallene for ${name} er ikke de samme.`,
  serverUsage: 'Brug "server init", "server user add NAVN --role ROLLE [--project ID]… [--password-stdin]" eller "server user list" med --db postgres://ADMIN@VÆRT:PORT/DB.',
  serverNeedsUrl: 'server arbejder på en PostgreSQL-server: --db skal være postgres://ADMIN@VÆRT:PORT/DB.',
  serverBadRole: (value: string) => `Ukendt rolle "${value}": brug evaluator, case-officer, manager eller admin.`,
  serverBadProject: (value: string) => `--project skal være et projekt-id (et helt tal), ikke "${value}".`,
  serverInitDone: (where: string, roles: string, tables: number) =>
    `Serveren ${where} er sat op til Trafiklys: skemaet er på nyeste version, rollerne ${roles} findes, og rettighederne til ${tables} tabeller og rækkesikkerheden efter tildeling er sat.`,
  serverUserAdded: (name: string, roles: string, projects: number, password: boolean) =>
    `Brugeren ${name} er oprettet med ${roles.includes(',') ? 'rollerne' : 'rollen'} ${roles}${projects > 0 ? ` og tildelt ${projects} ${projects === 1 ? 'projekt' : 'projekter'}` : ''}.${password ? '' : ' Uden adgangskode: brugeren kan kun logge ind, hvis serveren tillader det (pg_hba.conf); giv en med --password-stdin.'}`,
  serverNoPassword: 'Der kom ingen adgangskode på standardinput (--password-stdin).',
  serverNoUsers: 'Ingen brugere har en Trafiklys-rolle på serveren endnu.',
  serverUserLine: (name: string, roles: string, projects: string) => `${name}: ${roles}${projects ? `; projekter: ${projects}` : '; ingen tildelte projekter'}`,
  verifyFailed: (differences: number, projects: number) =>
    `${differences} tal afviger fra en ny beregning (i ${projects} ${projects === 1 ? 'projekt' : 'projekter'}):`,
  verifyLine: (project: string, field: string, kept: string, fresh: string) => `  "${project}", ${field}: gemt ${kept}, ny beregning ${fresh}`,
  verifyNoRow: 'ingen gemte tal',
};

export type CliMessages = typeof da;

const en: CliMessages = {
  errorPrefix: 'Error',
  helpTitle: 'Trafiklys – command line',
  helpUsage: 'Usage: npm run cli -- <command> [options]',
  helpCommands: 'Commands:',
  helpMore: 'Add --help after a command for its help.',
  helpLang: 'Language: Danish by default; English with --lang en or LANG=en_* (da_* and no LANG give Danish).',
  usage: (line) => `Usage: npm run cli -- ${line}`,
  unknownCommand: (name) => `Unknown command "${name}".`,
  unknownOption: 'Unknown option',
  invalidOptionValue: 'Invalid value for an option',
  unexpectedPositional: 'Unexpected argument',
  badLang: (value) => `--lang must be da or en, not "${value}".`,
  missingOption: (name) => `Missing --${name}. See --help.`,
  commandSummary: {
    demo: 'Create the demo portfolio (Headstart and work-live-stay) in a new database file.',
    summary: "Show the computed figures of every project (or one) and the portfolio's attainment per level and per indicator, as a table or JSON.",
    export: "Export a project's evaluation or the portfolio overview as an Excel workbook (.xlsx) with formulas.",
    import: 'Read status reports, evaluation reports, applications, CSV, survey answers and Trafiklys workbooks; show what was found and save it (one transaction).',
    report: 'Write the evaluation report of a round as a Word document (.docx) or PDF.',
    generate: 'Create a synthetic portfolio of N projects in a new database file (for tests and measurements).',
    verify: "Recompute every project's figures afresh and list those that differ from the kept figures the portfolio overview shows.",
    copy: 'Copy the whole portfolio between an SQLite file and a PostgreSQL server (either way) in one transaction, and check that every figure is the same afterwards.',
    server: 'Set up a PostgreSQL server for a team (schema, roles, rights) and create users with roles and projects.',
  },
  projectOption: "--project takes a unique part of the name (case does not matter) or the project's id.",

  dbMissing: (path) => `The database file ${path} does not exist.`,
  dbNotAFile: (path) => `${path} is not a file.`,
  dbEmpty: (path) => `${path} is empty and is not a Trafiklys database.`,
  passwordInUrl: (url) => `Warning: the password is in the address (${url}) and so in the shell's history. Set PGPASSWORD or put it in ~/.pgpass, and leave it out of the address.`,
  fileOnly: (command) => `${command} writes a new portfolio file, not onto a server. Create the file and move it over with: npm run cli -- copy --from FILE --to postgres://…`,

  noProjects: 'The portfolio has no projects.',
  projectNotFound: (query, names) =>
    `No project matches "${query}".` + (names.length ? ` The projects are: ${names.map((n) => `"${n}"`).join(', ')}.` : ''),
  projectAmbiguous: (query, candidates) =>
    `"${query}" matches ${candidates.length} projects; type more of the name or use the id:\n${candidates.map((c) => `  ${c}`).join('\n')}`,

  demoExists: (path) => `${path} already exists; the demo is only created in a new file.`,
  demoCreated: (path, count) => `The demo portfolio was created in ${path} (${count} projects).`,

  exportEither: 'Give either --project NAME or --portfolio. See --help.',
  exportXlsx: (path) => `The output file must end in .xlsx: ${path}`,
  badEvaluationId: (value) => `Invalid evaluation id "${value}".`,
  portfolioSaved: (path) => `The portfolio overview was saved in ${path}.`,
  evaluationSaved: (name, path) => `The evaluation of "${name}" was saved in ${path}.`,

  importNeedsFiles: 'Give at least one file to import.',
  importBadType: '--evaluation-type must be final or midterm.',
  issueError: 'ERROR',
  issueWarning: 'Warning',

  summaryHeader: ['Project', 'Evaluation', 'Implementation', 'Activity', 'Output', 'Effect', 'Budget', 'Time', 'Warnings'],
  summaryWarnings: 'Warnings:',
  light: { green: 'green', yellow: 'yellow', red: 'red' },
  evaluationType: { midterm: 'midterm', final: 'final' },
  scoredOf: (scored) => `(${scored} of 6 scored)`,

  verifyOk: (projects) => `The kept figures of all ${projects} projects are the same as a fresh computation.`,
  copyProgress: (done, total, table) => `Copying … ${done} of ${total} rows (${table})`,
  copyDone: (projects, rows, from, to) => `${projects} projects (${rows} rows) copied from ${from} to ${to}; every figure the same, and the data the same (data digest).`,
  copyDiffers: (to, lines) =>
    `The copy in ${to} differs from the source:\n${lines.join('\n')}\nThe copy cannot be used: delete it (a file has been removed already; a server database: dropdb and create it again) and report the error.`,
  copyDigest: 'The data (the digest of all user data) are not the same.',
  copyFigure: (name) => `The figures of ${name} are not the same.`,
  serverUsage: 'Use "server init", "server user add NAME --role ROLE [--project ID]… [--password-stdin]" or "server user list" with --db postgres://ADMIN@HOST:PORT/DB.',
  serverNeedsUrl: 'server works on a PostgreSQL server: --db must be postgres://ADMIN@HOST:PORT/DB.',
  serverBadRole: (value) => `Unknown role "${value}": use evaluator, case-officer, manager or admin.`,
  serverBadProject: (value) => `--project must be a project id (a whole number), not "${value}".`,
  serverInitDone: (where, roles, tables) =>
    `The server ${where} is set up for Trafiklys: the schema is at the latest version, the roles ${roles} exist, and the rights on ${tables} tables and the row-level security by assignment are set.`,
  serverUserAdded: (name, roles, projects, password) =>
    `The user ${name} is created with the ${roles.includes(',') ? 'roles' : 'role'} ${roles}${projects > 0 ? ` and assigned ${projects} ${projects === 1 ? 'project' : 'projects'}` : ''}.${password ? '' : ' Without a password: the user can only log in if the server allows it (pg_hba.conf); give one with --password-stdin.'}`,
  serverNoPassword: 'No password arrived on standard input (--password-stdin).',
  serverNoUsers: 'No user holds a Trafiklys role on the server yet.',
  serverUserLine: (name, roles, projects) => `${name}: ${roles}${projects ? `; projects: ${projects}` : '; no projects assigned'}`,
  verifyFailed: (differences, projects) =>
    `${differences} ${differences === 1 ? 'figure differs' : 'figures differ'} from a fresh computation (in ${projects} ${projects === 1 ? 'project' : 'projects'}):`,
  verifyLine: (project, field, kept, fresh) => `  "${project}", ${field}: kept ${kept}, fresh ${fresh}`,
  verifyNoRow: 'no kept figures',
};

export const CLI_MESSAGES: Record<Lang, CliMessages> = { da, en };

/**
 * The language of this run: `--lang` wins; else the locale (LC_ALL, LC_MESSAGES, LANG, the first
 * that is set): English for en_*, Danish for everything else, unset included.
 */
export function languageFromEnv(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en([_.@-]|$)/i.test(locale) ? 'en' : 'da';
}

/**
 * Where the import command prints a reader's issue. Today the readers' messages are Danish
 * text; when shared/import renders an ImportIssue in a language (keyed messages), call that
 * renderer here with `lang` and every import issue follows the CLI's language.
 */
export function importIssueText(issue: ImportIssue, _lang: Lang): string {
  return issue.message;
}
