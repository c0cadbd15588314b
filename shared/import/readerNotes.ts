import { z } from 'zod';
import { NUMBER_REASONS_DA, shownDecimals } from '../numbers/danish';
import { DATE_REASONS_DA, formatDanishDate } from '../numbers/danishDate';
import { danishNumber, fill, NoteParamsSchema, type Msg, type NoteParams } from './notes';
import { placeText, type ReaderLang } from './places';

export { placeText, readerLangOf, type ReaderLang } from './places';

/**
 * What the file readers say (file level: detect, zip, xlsx, CSV; and the grid readers of
 * tables.ts), as keyed messages with both languages here in shared/, so that the renderer and
 * the CLI show the same text: Danish by default (`message` of an issue is the Danish text),
 * English where the user chose it. The comparison's notes live in notes.ts (English in the
 * renderer's en.json); these are the readers'.
 *
 * Parameters: numbers are formatted in the language's way, `date...` are ISO dates, `place...`
 * are places ("Ark 'Mål', celle E5") rendered by placeText, `term...` name a term of TERMS_DA
 * (a field, a format, a reason), and `subject` + `termField` make `what` ("B1, status").
 */
export const READER_DA = {
  // The file as a whole
  fileEmpty: 'Filen er tom (0 byte).',
  fileNoText: 'Filen indeholder ingen tekst.',
  fileNotFormat: 'Filen hedder .{{ext}} men er ikke {{termClaimed}}: indholdet er {{termActual}}.',
  fileOpenDocument: 'Filen er et OpenDocument-dokument (.ods/.odt). Gem den som .xlsx eller .docx og importér igen.',
  fileZipOther: 'Filen er et zip-arkiv, men hverken en Excel-projektmappe eller et Word-dokument.',
  fileXlsb: 'Filen er en binær Excel-projektmappe (.xlsb). Gem den som Excel-projektmappe (.xlsx) og importér igen.',
  fileOle:
    'Filen er adgangskodebeskyttet (krypteret) eller i det gamle Office-format (.xls/.doc). Fjern adgangskoden, eller gem den som .xlsx/.docx, og importér igen.',
  fileEncrypted: 'Filen er adgangskodebeskyttet (krypteret af Office). Åbn den, fjern adgangskoden (Filer > Info > Beskyt), gem den, og importér igen.',
  fileOldOffice: 'Filen er i det gamle Office-format ({{ext}}). Åbn den, gem den som {{newExt}}, og importér igen.',
  fileUnknownType: 'Ukendt filtype: hverken Excel, PDF, Word, CSV eller tekst.',
  fileNotUtf8: 'Filen er ikke UTF-8; læst som Windows-1252 (Vesteuropæisk). Kontrollér æ, ø og å.',
  fileTooLarge: 'Filen er for stor ({{sizeMb}} MB); grænsen er {{limitMb}} MB pr. fil.',
  fileNotAFile: '{{path}} er ikke en fil.',
  fileMissing: 'Filen {{path}} kan ikke åbnes: den findes ikke.',
  fileNoAccess: 'Filen {{path}} kan ikke åbnes: du har ikke adgang til den.',
  fileUnreadable: 'Filen {{path}} kan ikke åbnes ({{detail}}).',
  fileDamaged: 'Filen kan ikke læses som {{termFormat}}: den er beskadiget eller ikke gemt helt. Åbn den i programmet, der lavede den, gem den igen, og importér igen.',
  fileTooLargeToRead: 'Filen er for stor til at blive læst ({{termFormat}}, pakket ud eller i hukommelsen). Del den op i mindre filer, og importér igen.',
  fileTooManyItems:
    'Filen giver {{count}} punkter; Trafiklys viser højst {{limit}} punkter pr. fil i forhåndsvisningen, så hvert punkt kan kontrolleres, før noget gemmes. Del filen op, og importér delene hver for sig.',
  importTooManyItems:
    'Filen giver {{count}} punkter; sammen med de øvrige filer i importen bliver det over {{limit}} punkter, som er det højeste antal, én import kan gemme. Filen er ikke læst med; importér den for sig.',
  textNothingFound: 'Ingen kendte oplysninger fundet i teksten (faktaboks, måltabeller med koder A/B/C, budget, finansiering eller talmål i punktform).',
  // Zip packages (xlsx, docx)
  zipDamaged:
    'Filen er beskadiget eller ufuldstændig (fx afbrudt under kopiering eller download): zip-arkivets indholdsfortegnelse mangler eller er ødelagt. Hent eller gem filen igen, og importér igen.',
  zipEntryDamaged: 'Filen er beskadiget: delen {{part}} kan ikke pakkes ud (data ødelagt). Hent eller gem filen igen, og importér igen.',
  zipEncrypted: 'Filen er et adgangskodebeskyttet zip-arkiv. Fjern adgangskoden, gem filen, og importér igen.',
  zipUnsupported: 'Filen bruger en komprimering, som Trafiklys ikke kan læse (delen {{part}}). Åbn den, gem den igen som {{termFormat}}, og importér igen.',
  zipTooLargeUnpacked:
    'Filen fylder {{sizeMb}} MB, når den pakkes ud; grænsen er {{limitMb}} MB. Så meget indhold i en lille fil er tegn på en beskadiget fil eller en "zip-bombe"; den er ikke pakket ud.',
  zipSizeMismatch:
    'Filen er beskadiget eller manipuleret: delen {{part}} fylder mere, når den pakkes ud, end zip-arkivet angiver. Udpakningen er stoppet; intet er læst.',
  // Workbooks
  workbookEmpty: 'Projektmappen er tom: ingen af arkene indeholder data.',
  workbookNoTables:
    'Ingen kendte tabeller fundet i arkene {{sheets}}: forventede overskrifterne Kode og Status (mål), Totalt budget og Forbrug d.d. (budget og tid), Udsagn/Positive svar/Antal besvarelser (spørgeskema) eller Respondent (svar).',
  workbookEmptyTables: 'Projektmappen har ingen udfyldte rækker under overskrifterne i {{placeTables}}.',
  workbookSheetMissing: "Projektmappen er beskadiget: den nævner arket '{{sheet}}', men arket findes ikke i filen. Åbn den i Excel eller LibreOffice, gem den igen, og importér igen.",
  workbookUnusualLayout:
    "Projektmappen er gemt af et program, der lægger arket '{{sheet}}' på en måde, Trafiklys ikke kan læse. Åbn den i Excel eller LibreOffice, gem den som .xlsx, og importér igen.",
  workbookTooManyCells:
    'Projektmappen har {{count}} celler; Trafiklys læser højst {{limit}} celler pr. projektmappe. Slet de ark eller rækker, der ikke skal importeres (også tomme, formaterede celler tæller), og importér igen.',
  sheetTooManyRows:
    'Arket \'{{sheet}}\' har {{count}} udfyldte rækker; Trafiklys læser højst {{limit}} rækker pr. ark. Del arket op, eller slet de rækker, der ikke skal importeres.',
  sheetNoHeader:
    '{{placeTable}} ser ud til at indeholde mål (fx "{{text}}" i {{placeCell}}), men har ingen kendt overskriftsrække (fx Kode og Status); rækkerne er ikke læst. Giv tabellen overskrifterne fra skabelonen, og importér igen.',
  sheetHidden: 'Arket \'{{sheet}}\' er skjult i projektmappen; det er læst med. Kontrollér, at dets tal skal importeres.',
  sheetVeryHidden: 'Arket \'{{sheet}}\' er "meget skjult" i projektmappen (det kan ikke vises fra Excels menuer); det er læst med. Kontrollér, at dets tal skal importeres.',
  // CSV
  csvNoHeader: 'CSV-filen har ingen kendt overskriftsrække: forventede kolonnerne Kode og Status (mål) eller Respondent (spørgeskemasvar).',
  csvQuoteNotClosed: 'Et citationstegn (") åbnet i linje {{line}} lukkes aldrig.',
  csvTooManyRows:
    'CSV-filen har over {{limit}} rækker; Trafiklys læser højst {{limit}} rækker pr. fil. Del filen op, eller slet de rækker, der ikke skal importeres.',
  csvTooManyCells:
    'CSV-filen har over {{limit}} felter (også tomme felter mellem semikoloner tæller); Trafiklys læser højst {{limit}} felter pr. fil. Slet de kolonner eller rækker, der ikke skal importeres, og importér igen.',
  // Tables: headers and rows
  tableDuplicateHeader:
    'Kolonneoverskriften "{{header}}" står to gange ({{placeCells}}), så det er uklart, hvilken kolonne der gælder. Tabellen nedenfor ({{placeRows}}) er ikke læst. Ret eller slet den ene overskrift, og importér igen.',
  goalTableEmpty: 'Måltabellen i {{placeTable}} har ingen udfyldte rækker under overskriften.',
  progressTableEmpty: 'Tabellen over budget- og tidsforbrug i {{placeTable}} er tom.',
  answersEmpty: 'Spørgeskemasvarene i {{placeTable}} har ingen besvarelser under overskriften.',
  rowTotalsSkipped: 'Rækken "{{text}}" er en sum- eller gennemsnitsrække og er ikke læst som {{termWhat}}.',
  rowNoteSkipped: 'Rækken "{{text}}" er ikke læst: den har ingen {{termKey}} og ingen tal (en note eller overskrift).',
  rowTextSkipped: 'Rækken "{{text}}" er ikke læst: den har ingen tal (en note eller overskrift).',
  rowUnreadFigures: 'Rækken "{{text}}" er ikke læst: den har ingen {{termKey}}, og dens tal står uden for de kolonner, der læses (en sum eller en beregning).',
  rowsSkipped: '{{count}} rækker ({{placeRows}}) er ikke læst: noter, summer eller overskrifter uden {{termKey}}, fx "{{text}}".',
  rowFiguresNoCode: 'Rækken har tal, men ingen målkode.',
  rowFiguresNoStatement: 'Rækken har tal, men intet udsagn.',
  notAGoalCode: '"{{text}}" er ikke en målkode (A, B eller C efterfulgt af et nummer).',
  codeTooLong: 'Målkoden "{{text}}" er for lang; en kode har højst {{limit}} tegn.',
  codeInvisible: 'Målkoden indeholder usynlige tegn ({{chars}}); de er fjernet, og koden er læst som {{code}}.',
  codeUnusual: 'Målkoden "{{text}}" er skrevet med særlige tegn (fx fuld bredde); den er læst som {{code}}.',
  cellUnusual: '{{what}}: "{{text}}" er skrevet med særlige eller usynlige tegn; læst som "{{normalised}}".',
  levelMismatch: 'Niveau "{{level}}" passer ikke med koden {{code}}.',
  progressExtraRow:
    'Tabellen over budget- og tidsforbrug har mere end én række med tal; Trafiklys læser én ({{placeFirst}}), og det er uklart, hvilken der gælder. Slet de øvrige rækker, eller læg dem i hver sin fil.',
  // Cells
  cellInvalidNumber: '{{what}}: ugyldigt tal.',
  cellError: '{{what}}: cellen indeholder en fejl ({{error}}).',
  cellFormulaNoResult: '{{what}}: formlen har intet gemt resultat; åbn filen i Excel eller LibreOffice, gem den, og importér igen.',
  cellNotNumber: '{{what}}: "{{text}}" er ikke et tal.',
  cellBadNumber: '{{what}}: "{{text}}" er ikke et tal ({{termReason}}).',
  cellBadDate: '{{what}}: Kan ikke læse datoen "{{text}}": {{termReason}}',
  cellNotDate: '{{what}}: "{{text}}" er ikke en dato.',
  // Goals and statuses
  statusBlank: '{{code}}: status er tom; der gemmes ingen status (tidligere status gælder fortsat).',
  statusNotReported: '{{code}}: status er angivet som "{{text}}" (ikke opgjort); der gemmes ingen status, og målopnåelsen beregnes ikke (tidligere status gælder fortsat).',
  statusDateMissing: '{{code}}: dato mangler; udfyld den før status kan gemmes.',
  printedDiffers: '{{code}}: trykt målopnåelse {{printed}} % afviger fra beregnet {{computed}} %.',
  // Survey
  surveyBothRequired: '"{{statement}}": antal positive svar og antal besvarelser skal begge udfyldes.',
  surveyScaleInvalid: '"{{statement}}": skalaen skal være 3 eller 5.',
  surveyImpossible: '"{{statement}}": {{positive}} ud af {{n}} er ikke muligt.',
  answersNoStatements: 'Ingen udsagn (kolonner) ved siden af "Respondent".',
  answersNoScale: '"{{statement}}": skalaen mangler; angiv en række "Skala" med 3 eller 5 over "Respondent". Udsagnets svar ({{placeRows}}) er ikke læst.',
  answersOffScale: '"{{statement}}": svaret {{value}} ligger ikke på skalaen 1-{{scale}}; udsagnets svar ({{placeRows}}) er ikke læst.',
} as const satisfies Record<string, string>;

export type ReaderKey = keyof typeof READER_DA;
export const READER_KEYS = Object.keys(READER_DA) as ReaderKey[];

export const READER_EN: Record<ReaderKey, string> = {
  fileEmpty: 'The file is empty (0 bytes).',
  fileNoText: 'The file contains no text.',
  fileNotFormat: 'The file is named .{{ext}} but is not {{termClaimed}}: its content is {{termActual}}.',
  fileOpenDocument: 'The file is an OpenDocument file (.ods/.odt). Save it as .xlsx or .docx and import again.',
  fileZipOther: 'The file is a zip archive, but neither an Excel workbook (.xlsx) nor a Word file (.docx).',
  fileXlsb: 'The file is a binary Excel workbook (.xlsb). Save it as an Excel workbook (.xlsx) and import again.',
  fileOle: 'The file is password-protected (encrypted) or in the old Office format (.xls/.doc). Remove the password, or save it as .xlsx/.docx, and import again.',
  fileEncrypted: 'The file is password-protected (encrypted by Office). Open it, remove the password (File > Info > Protect), save it and import again.',
  fileOldOffice: 'The file is in the old Office format ({{ext}}). Open it, save it as {{newExt}} and import again.',
  fileUnknownType: 'Unknown file type: not Excel, PDF, Word, CSV or text.',
  fileNotUtf8: 'The file is not UTF-8; read as Windows-1252 (Western European). Check æ, ø and å.',
  fileTooLarge: 'The file is too large ({{sizeMb}} MB); the limit is {{limitMb}} MB per file.',
  fileNotAFile: '{{path}} is not a file.',
  fileMissing: 'The file {{path}} cannot be opened: it does not exist.',
  fileNoAccess: 'The file {{path}} cannot be opened: you do not have access to it.',
  fileUnreadable: 'The file {{path}} cannot be opened ({{detail}}).',
  fileDamaged: 'The file cannot be read as {{termFormat}}: it is damaged or was not saved completely. Open it in the program that made it, save it again and import again.',
  fileTooLargeToRead: 'The file is too large to be read ({{termFormat}}, unpacked or in memory). Split it into smaller files and import again.',
  fileTooManyItems:
    'The file gives {{count}} items; Trafiklys shows at most {{limit}} items per file in the preview, so that each item can be checked before anything is saved. Split the file and import the parts one at a time.',
  importTooManyItems:
    'The file gives {{count}} items; together with the other files of the import that is more than {{limit}} items, the most one import can save. The file was left out; import it on its own.',
  textNothingFound: 'No known information found in the text (fact box, goal tables with codes A/B/C, budget, financing or numeric goals in bullet points).',
  zipDamaged:
    'The file is damaged or incomplete (for example cut off while copying or downloading): the zip archive\'s table of contents is missing or broken. Download or save the file again and import again.',
  zipEntryDamaged: 'The file is damaged: the part {{part}} cannot be unpacked (data broken). Download or save the file again and import again.',
  zipEncrypted: 'The file is a password-protected zip archive. Remove the password, save the file and import again.',
  zipUnsupported: 'The file uses a compression Trafiklys cannot read (the part {{part}}). Open it, save it again as {{termFormat}} and import again.',
  zipTooLargeUnpacked:
    'The file takes up {{sizeMb}} MB when unpacked; the limit is {{limitMb}} MB. That much content in a small file is the sign of a damaged file or a "zip bomb"; it was not unpacked.',
  zipSizeMismatch: 'The file is damaged or tampered with: the part {{part}} is larger when unpacked than the zip archive says. Unpacking was stopped; nothing was read.',
  workbookEmpty: 'The workbook is empty: none of its sheets contains data.',
  workbookNoTables:
    'No known tables found in the sheets {{sheets}}: expected the headers Kode and Status (goals), Totalt budget and Forbrug d.d. (budget and time), Udsagn/Positive svar/Antal besvarelser (survey) or Respondent (answers).',
  workbookEmptyTables: 'The workbook has no filled-in rows below the headers in {{placeTables}}.',
  workbookSheetMissing: "The workbook is damaged: it names the sheet '{{sheet}}', but the sheet is not in the file. Open it in Excel or LibreOffice, save it again and import again.",
  workbookUnusualLayout:
    "The workbook was saved by a program that stores the sheet '{{sheet}}' in a way Trafiklys cannot read. Open it in Excel or LibreOffice, save it as .xlsx and import again.",
  workbookTooManyCells:
    'The workbook has {{count}} cells; Trafiklys reads at most {{limit}} cells per workbook. Delete the sheets or rows that are not to be imported (empty formatted cells count too) and import again.',
  sheetTooManyRows: "The sheet '{{sheet}}' has {{count}} filled-in rows; Trafiklys reads at most {{limit}} rows per sheet. Split the sheet, or delete the rows that are not to be imported.",
  sheetNoHeader:
    '{{placeTable}} seems to hold goals (e.g. "{{text}}" in {{placeCell}}), but has no known header row (such as Kode and Status); its rows were not read. Give the table the headers of the template and import again.',
  sheetHidden: "The sheet '{{sheet}}' is hidden in the workbook; it was read too. Check that its figures are meant to be imported.",
  sheetVeryHidden: "The sheet '{{sheet}}' is \"very hidden\" in the workbook (it cannot be shown from Excel's menus); it was read too. Check that its figures are meant to be imported.",
  csvNoHeader: 'The CSV file has no known header row: expected the columns Kode and Status (goals) or Respondent (survey answers).',
  csvQuoteNotClosed: 'A quotation mark (") opened on line {{line}} is never closed.',
  csvTooManyRows: 'The CSV file has more than {{limit}} rows; Trafiklys reads at most {{limit}} rows per file. Split the file, or delete the rows that are not to be imported.',
  csvTooManyCells:
    'The CSV file has more than {{limit}} fields (empty fields between semicolons count too); Trafiklys reads at most {{limit}} fields per file. Delete the columns or rows that are not to be imported and import again.',
  tableDuplicateHeader:
    'The column header "{{header}}" appears twice ({{placeCells}}), so it is unclear which column counts. The table below it ({{placeRows}}) was not read. Correct or delete one of the headers and import again.',
  goalTableEmpty: 'The goal table in {{placeTable}} has no filled-in rows below its header.',
  progressTableEmpty: 'The table of budget and time in {{placeTable}} is empty.',
  answersEmpty: 'The survey answers in {{placeTable}} have no responses below the header.',
  rowTotalsSkipped: 'The row "{{text}}" is a total or average and was not read as {{termWhat}}.',
  rowNoteSkipped: 'The row "{{text}}" was not read: it has no {{termKey}} and no figures (a note or a heading).',
  rowTextSkipped: 'The row "{{text}}" was not read: it has no figures (a note or a heading).',
  rowUnreadFigures: 'The row "{{text}}" was not read: it has no {{termKey}}, and its figures are outside the columns that are read (a total or a calculation).',
  rowsSkipped: '{{count}} rows ({{placeRows}}) were not read: notes, totals or headings with no {{termKey}}, e.g. "{{text}}".',
  rowFiguresNoCode: 'The row has figures but no goal code.',
  rowFiguresNoStatement: 'The row has figures but no statement.',
  notAGoalCode: '"{{text}}" is not a goal code (A, B or C followed by a number).',
  codeTooLong: 'The goal code "{{text}}" is too long; a code has at most {{limit}} characters.',
  codeInvisible: 'The goal code contains invisible characters ({{chars}}); they were removed and the code was read as {{code}}.',
  codeUnusual: 'The goal code "{{text}}" is written with unusual characters (such as full width); it was read as {{code}}.',
  cellUnusual: '{{what}}: "{{text}}" is written with unusual or invisible characters; read as "{{normalised}}".',
  levelMismatch: 'Level "{{level}}" does not match the code {{code}}.',
  progressExtraRow:
    'The table of budget and time has more than one row of figures; Trafiklys reads one ({{placeFirst}}), and it is unclear which one counts. Delete the other rows, or put each in a file of its own.',
  cellInvalidNumber: '{{what}}: not a valid number.',
  cellError: '{{what}}: the cell contains an error ({{error}}).',
  cellFormulaNoResult: '{{what}}: the formula has no saved result; open the file in Excel or LibreOffice, save it and import again.',
  cellNotNumber: '{{what}}: "{{text}}" is not a number.',
  cellBadNumber: '{{what}}: "{{text}}" is not a number ({{termReason}}).',
  cellBadDate: '{{what}}: cannot read the date "{{text}}": {{termReason}}',
  cellNotDate: '{{what}}: "{{text}}" is not a date.',
  statusBlank: '{{code}}: the status is empty; no status is saved (the earlier status still counts).',
  statusNotReported: '{{code}}: the status is given as "{{text}}" (not reported); no status is saved and no attainment is computed (the earlier status still counts).',
  statusDateMissing: '{{code}}: the date is missing; fill it in before the status can be saved.',
  printedDiffers: '{{code}}: printed attainment {{printed}}% differs from the computed {{computed}}%.',
  surveyBothRequired: '"{{statement}}": the number of positive answers and the number of responses must both be filled in.',
  surveyScaleInvalid: '"{{statement}}": the scale must be 3 or 5.',
  surveyImpossible: '"{{statement}}": {{positive}} out of {{n}} is not possible.',
  answersNoStatements: 'No statements (columns) next to "Respondent".',
  answersNoScale: '"{{statement}}": the scale is missing; add a row "Skala" with 3 or 5 above "Respondent". The statement\'s answers ({{placeRows}}) were not read.',
  answersOffScale: '"{{statement}}": the answer {{value}} is not on the scale 1-{{scale}}; the statement\'s answers ({{placeRows}}) were not read.',
};

const prefixed = <P extends string, T extends Record<string, string>>(prefix: P, table: T) =>
  Object.fromEntries(Object.entries(table).map(([k, v]) => [`${prefix}${k}`, v])) as { [K in keyof T & string as `${P}${K}`]: T[K] };

/** Words a message names by key: fields ("B1, status"), formats, why a number or date is unreadable. */
export const TERMS_DA = {
  fieldTargetIn: 'mål i perioden',
  fieldTargetAfter: 'mål efter perioden',
  fieldStatus: 'status',
  fieldPrinted: 'trykt procent',
  fieldDate: 'dato',
  fieldBudgetTotal: 'Totalt budget',
  fieldBudgetSpent: 'Forbrug d.d.',
  fieldMonthsTotal: 'Måneder i alt',
  fieldMonthsElapsed: 'Måneder forløbet',
  fieldProgressDate: 'Dato',
  fieldPositive: 'Positive svar',
  fieldN: 'Antal besvarelser',
  fieldScale: 'Skala',
  formatXlsx: 'en Excel-projektmappe (.xlsx)',
  formatPdf: 'en PDF',
  formatDocx: 'et Word-dokument (.docx)',
  formatCsv: 'en CSV-fil',
  formatText: 'en tekstfil',
  formatZipOther: 'et zip-arkiv uden Excel- eller Word-indhold (beskadiget?)',
  formatBinary: 'binære data af en ukendt type',
  whatGoal: 'et mål',
  whatSurvey: 'et udsagn',
  whatRespondent: 'en besvarelse',
  whatProgress: 'budget- og tidsforbrug',
  keyCode: 'målkode',
  keyStatement: 'udsagn',
  keyRespondent: 'respondent',
  keyFigures: 'tal',
  ...prefixed('reason.', NUMBER_REASONS_DA),
  ...prefixed('date.', DATE_REASONS_DA),
} as const;
export type TermKey = keyof typeof TERMS_DA;

export const TERMS_EN: Record<TermKey, string> = {
  fieldTargetIn: 'target in the period',
  fieldTargetAfter: 'target after the period',
  fieldStatus: 'status',
  fieldPrinted: 'printed percent',
  fieldDate: 'date',
  fieldBudgetTotal: 'Total budget',
  fieldBudgetSpent: 'Spent to date',
  fieldMonthsTotal: 'Months in total',
  fieldMonthsElapsed: 'Months elapsed',
  fieldProgressDate: 'Date',
  fieldPositive: 'Positive answers',
  fieldN: 'Number of responses',
  fieldScale: 'Scale',
  formatXlsx: 'an Excel workbook (.xlsx)',
  formatPdf: 'a PDF',
  formatDocx: 'a Word document (.docx)',
  formatCsv: 'a CSV file',
  formatText: 'a text file',
  formatZipOther: 'a zip archive without Excel or Word content (damaged?)',
  formatBinary: 'binary data of an unknown type',
  whatGoal: 'a goal',
  whatSurvey: 'a statement',
  whatRespondent: 'a response',
  whatProgress: 'budget and time',
  keyCode: 'goal code',
  keyStatement: 'statement',
  keyRespondent: 'respondent',
  keyFigures: 'figures',
  'reason.signSpace': 'a space between the sign and the number',
  'reason.twoCommas': 'more than one decimal comma',
  'reason.noDecimals': 'no digits after the decimal comma',
  'reason.badDecimals': 'the decimals after the comma are not only digits',
  'reason.badCharacters': 'contains characters that are not part of a number',
  'reason.englishDecimal': 'a point after 0 looks like an English decimal point',
  'reason.badDotGrouping': 'a point must be followed by exactly three digits (thousands separator); the decimal sign is a comma',
  'reason.noDigits': 'no digits',
  'reason.badSpaceGrouping': 'spaces must separate groups of exactly three digits',
  'reason.tooLarge': 'the number is too large',
  'reason.amountPercent': 'an amount cannot be a percentage',
  'reason.twoUnits': 'more than one unit (mio., t.kr. ...)',
  'reason.ambiguousComma': 'ambiguous: a comma before three digits can be a Danish decimal comma or an English thousands separator; write e.g. "1.250 kr." or "1,25 kr."',
  'reason.finerThanOre': 'finer than øre (at most two decimals in kr.)',
  'date.noSuchMonth': 'month {{month}} does not exist',
  'date.noSuchDay': 'day {{day}} does not exist in month {{month}}',
  'date.expectedIso': 'expected the format YYYY-MM-DD',
  'date.expectedDanish': 'expected the format DD.MM.YYYY',
};

export const ReaderMsgSchema = z.object({
  key: z.enum(READER_KEYS as [ReaderKey, ...ReaderKey[]]),
  params: NoteParamsSchema.optional(),
});
export type ReaderMsg = z.infer<typeof ReaderMsgSchema>;

/** A keyed message; parameters left undefined are dropped (the contract allows none). */
export function readerMsg(key: ReaderKey, params?: Record<string, string | number | null | undefined>): ReaderMsg {
  if (!params) return { key };
  const defined: NoteParams = {};
  for (const [name, value] of Object.entries(params)) if (value !== undefined) defined[name] = value;
  return { key, params: defined };
}

export const isReaderKey = (key: string): key is ReaderKey => Object.hasOwn(READER_DA, key);

/** Number and date formatting of one language; the renderer passes its own. */
export interface ReaderFormat {
  number: (n: number) => string;
  date: (iso: string) => string;
}

const englishNumbers = new Map<number, Intl.NumberFormat>();
const englishDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** Default formats: Danish as the rest of the import writes them; English as the English UI does (en-GB). */
export const READER_FORMATS: Record<ReaderLang, ReaderFormat> = {
  da: { number: danishNumber, date: formatDanishDate },
  en: {
    number: (n) => {
      const decimals = shownDecimals(n);
      let f = englishNumbers.get(decimals);
      if (!f) englishNumbers.set(decimals, (f = new Intl.NumberFormat('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })));
      return f.format(n);
    },
    date: (iso) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
      return m ? englishDate.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))) : iso;
    },
  },
};

const isTermKey = (key: string): key is TermKey => Object.hasOwn(TERMS_DA, key);

/** The message in a language; Danish is what `ImportIssue.message` holds. */
export function readerText(m: ReaderMsg, lang: ReaderLang = 'da', format: ReaderFormat = READER_FORMATS[lang]): string {
  const terms = lang === 'en' ? TERMS_EN : TERMS_DA;
  const params: NoteParams = { ...m.params };
  for (const [name, value] of Object.entries(params)) {
    if (typeof value !== 'string') continue;
    if (name.startsWith('term') && isTermKey(value)) params[name] = fill(terms[value], m.params, format.number, format.date);
    else if (name.startsWith('place')) params[name] = placeText(value, lang);
  }
  if (params.what === undefined && (params.subject !== undefined || params.termField !== undefined)) {
    params.what = [params.subject, params.termField].filter((p) => p !== undefined && p !== null && p !== '').join(', ');
  }
  const template = lang === 'en' ? READER_EN[m.key] : READER_DA[m.key];
  return fill(template, params, format.number, format.date);
}

/** The Danish text, as the issue's `message` carries it. */
export const readerDanish = (m: ReaderMsg): string => readerText(m, 'da');

export const isReaderMsg = (m: Msg | ReaderMsg): m is ReaderMsg => isReaderKey(m.key);

/**
 * An import issue's text in a language, for the renderer and the CLI: a reader's message from
 * this catalogue; a comparison note (notes.ts) from `notes`, the English templates by key (the
 * renderer's `import.notes`); otherwise the Danish text it carries.
 */
export function issueText(
  issue: { message: string; msg?: Msg | ReaderMsg },
  lang: ReaderLang,
  options: { format?: ReaderFormat; notes?: Partial<Record<string, string>> } = {},
): string {
  const m = issue.msg;
  const format = options.format ?? READER_FORMATS[lang];
  if (!m) return issue.message;
  if (isReaderMsg(m)) return readerText(m, lang, format);
  if (lang === 'da') return issue.message;
  const template = options.notes?.[m.key];
  if (!template) return issue.message;
  // Places inside a note ("Målkoden B1 optræder to gange: a.csv (linje 3) ...") follow the language too.
  const params: NoteParams = { ...m.params };
  for (const [name, value] of Object.entries(params)) if (/location$/i.test(name) && typeof value === 'string') params[name] = placeText(value, lang);
  return fill(template, params, format.number, format.date);
}

/** An issue as one line of text ("status.xlsx, Ark 'Mål', celle E5: ..."), for the CLI: file, place and message in `lang`. */
export function issueLine(
  issue: { file: string; location: string; message: string; msg?: Msg | ReaderMsg },
  lang: ReaderLang,
  options: { format?: ReaderFormat; notes?: Partial<Record<string, string>> } = {},
): string {
  return `${issue.file}${issue.location ? `, ${placeText(issue.location, lang)}` : ''}: ${issueText(issue, lang, options)}`;
}
