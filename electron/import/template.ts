import ExcelJS from 'exceljs';
import { writeFile, rename } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The status-report template (statusrapport.xlsx) a grant recipient fills in: goal statuses,
 * budget spent and time, survey results and raw survey answers, with an instructions sheet and
 * data validation on the cells. The importer finds its tables by header text, so a recipient
 * may reorder sheets, insert blank rows or save it from LibreOffice.
 *
 * Regenerate the committed file with `npx tsx electron/import/template.ts`.
 */

export const TEMPLATE_FILE = 'statusrapport.xlsx';
export const TEMPLATE_SHEETS = { guide: 'Vejledning', goals: 'Mål', progress: 'Budget og tid', survey: 'Spørgeskema', answers: 'Spørgeskemasvar' } as const;

/** First data row and how many rows carry validation. */
const FIRST = 5;
const ROWS = 200;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE7F0' } };
const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFBE6' } };

function header(ws: ExcelJS.Worksheet, row: number, titles: string[], widths: number[]): void {
  const r = ws.getRow(row);
  r.values = titles;
  r.font = { bold: true };
  r.alignment = { wrapText: true, vertical: 'middle' };
  r.height = 32;
  titles.forEach((_, i) => {
    r.getCell(i + 1).fill = HEADER_FILL;
    r.getCell(i + 1).border = { bottom: { style: 'thin' } };
  });
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: 'frozen', ySplit: row }];
}

function title(ws: ExcelJS.Worksheet, text: string, hint: string): void {
  ws.getCell('A1').value = text;
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value = hint;
  ws.getCell('A2').font = { italic: true, color: { argb: 'FF555555' } };
}

function validate(ws: ExcelJS.Worksheet, col: string, validation: ExcelJS.DataValidation): void {
  for (let r = FIRST; r < FIRST + ROWS; r++) {
    ws.getCell(`${col}${r}`).dataValidation = validation;
    ws.getCell(`${col}${r}`).fill = INPUT_FILL;
  }
}

const number = (prompt: string): ExcelJS.DataValidation => ({
  type: 'decimal',
  operator: 'greaterThanOrEqual',
  formulae: [0],
  allowBlank: true,
  showErrorMessage: true,
  errorTitle: 'Kun tal',
  error: 'Skriv et tal (0 eller derover) uden enhed, fx 19037 eller 3,8. Lad cellen stå tom, hvis tallet ikke kendes.',
  showInputMessage: true,
  promptTitle: 'Tal',
  prompt,
});
const date: ExcelJS.DataValidation = {
  type: 'date',
  operator: 'between',
  formulae: [new Date(Date.UTC(2000, 0, 1)), new Date(Date.UTC(2100, 11, 31))],
  allowBlank: true,
  showErrorMessage: true,
  errorTitle: 'Dato',
  error: 'Skriv en dato som DD.MM.ÅÅÅÅ, fx 02.12.2022.',
  showInputMessage: true,
  promptTitle: 'Dato',
  prompt: 'Datoen tallet er opgjort/indrapporteret, fx 02.12.2022.',
};
const whole = (prompt: string): ExcelJS.DataValidation => ({ ...number(prompt), type: 'whole', error: 'Skriv et helt tal (0 eller derover).' });

/** Builds the template workbook (in memory). */
export function buildStatusTemplate(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Trafiklys';
  wb.created = new Date(Date.UTC(2024, 0, 1));
  wb.modified = wb.created;

  const guide = wb.addWorksheet(TEMPLATE_SHEETS.guide);
  guide.getColumn(1).width = 110;
  const lines: [string, boolean?][] = [
    ['Statusrapport til Trafiklys', true],
    [''],
    ['Sådan udfylder du skabelonen', true],
    ['1. Skriv projektets navn i arket "Mål", celle B3, præcis som det står i bevillingen.'],
    ['2. Arket "Mål": én række pr. mål. Kode er A1, A2 ... (aktivitetsmål), B1 ... (outputmål) og C1 ... (effektmål), som i bevillingen.'],
    ['   Status er det opnåede antal på datoen i kolonnen Dato. Mål i perioden og Beskrivelse må gerne udfyldes; de skal svare til bevillingen.'],
    ['3. Arket "Budget og tid": totalt budget og forbrug til dato i kr. (ikke mio. eller 1000 kr.), og måneder i alt og forløbet.'],
    ['4. Arket "Spørgeskema": resultatet pr. udsagn: antal respondenter med et af de mest positive svar og antal besvarelser (n).'],
    ['   Skala 5: de to mest positive svar tæller (4 og 5). Skala 3: kun det mest positive (3).'],
    ['5. Eller arket "Spørgeskemasvar": de rå svar, én række pr. respondent og én kolonne pr. udsagn (1 = mest negativ). Trafiklys tæller selv op.'],
    [''],
    ['Tal', true],
    ['Skriv tal uden enhed: 19037 eller 19.037, decimaler med komma (3,8). Et tal, der ikke kendes, lades tomt - tomt betyder "mangler", aldrig 0.'],
    ['Datoer som DD.MM.ÅÅÅÅ (02.12.2022).'],
    [''],
    ['Hvad sker der ved import?', true],
    ['Trafiklys viser alt, hvad der er fundet, med ark og celle, og hvad der er nyt eller ændret, før noget gemmes.'],
    ['En status gemmes som en ny statusrapport med sin dato; tidligere rapporter bevares. Importeres den samme fil igen, ændres intet.'],
    ['Arkene må gerne flyttes rundt, og der må gerne være tomme rækker; kolonnerne findes ud fra overskrifterne, så ret ikke i dem.'],
  ];
  lines.forEach(([text, bold], i) => {
    const c = guide.getCell(`A${i + 1}`);
    c.value = text;
    if (bold) c.font = { bold: true, size: i === 0 ? 16 : 12 };
  });

  const goals = wb.addWorksheet(TEMPLATE_SHEETS.goals);
  title(goals, 'Målopnåelse: status pr. mål', 'Én række pr. mål. Se arket Vejledning.');
  goals.getCell('A3').value = 'Projekt';
  goals.getCell('A3').font = { bold: true };
  goals.getCell('B3').fill = INPUT_FILL;
  header(goals, 4, ['Kode', 'Beskrivelse', 'Mål i perioden', 'Mål efter perioden', 'Status', 'Dato', 'Rapporteret af'], [8, 60, 14, 14, 12, 13, 22]);
  validate(goals, 'A', {
    type: 'custom',
    formulae: [`OR(A${FIRST}="",AND(OR(LEFT(A${FIRST},1)="A",LEFT(A${FIRST},1)="B",LEFT(A${FIRST},1)="C"),ISNUMBER(VALUE(MID(A${FIRST},2,3)))))`],
    allowBlank: true,
    showErrorMessage: true,
    errorTitle: 'Målkode',
    error: 'Koden er A, B eller C efterfulgt af et nummer, fx A1, B4 eller C2.',
    showInputMessage: true,
    promptTitle: 'Målkode',
    prompt: 'A1 ... aktivitetsmål, B1 ... outputmål, C1 ... effektmål',
  });
  validate(goals, 'C', number('Målsætning i projektperioden (antal).'));
  validate(goals, 'D', number('Effektmål: målsætning efter projektperioden. Ellers tom.'));
  validate(goals, 'E', number('Opnået antal på datoen. Tom = ikke opgjort.'));
  validate(goals, 'F', date);
  for (let r = FIRST; r < FIRST + ROWS; r++) goals.getCell(`F${r}`).numFmt = 'dd.mm.yyyy';
  validate(goals, 'G', { type: 'textLength', operator: 'lessThanOrEqual', formulae: [200], allowBlank: true, showInputMessage: true, promptTitle: 'Rapporteret af', prompt: 'Fx Bevillingsmodtager.' });
  goals.getColumn(2).alignment = { wrapText: true, vertical: 'top' };

  const progress = wb.addWorksheet(TEMPLATE_SHEETS.progress);
  title(progress, 'Budget- og tidsforbrug', 'Beløb i kr.; måneder som hele tal.');
  header(progress, 4, ['Totalt budget (kr.)', 'Forbrug d.d. (kr.)', 'Måneder i alt', 'Måneder forløbet', 'Dato', 'Rapporteret af'], [20, 20, 15, 17, 13, 22]);
  validate(progress, 'A', number('Samlet budget i kr.'));
  validate(progress, 'B', number('Forbrugt til dato i kr.'));
  validate(progress, 'C', whole('Bevillingsperiodens længde i måneder.'));
  validate(progress, 'D', whole('Måneder forløbet på datoen.'));
  validate(progress, 'E', date);
  for (let r = FIRST; r < FIRST + ROWS; r++) progress.getCell(`E${r}`).numFmt = 'dd.mm.yyyy';

  const survey = wb.addWorksheet(TEMPLATE_SHEETS.survey);
  title(survey, 'Spørgeskema: resultater pr. udsagn', 'Positive svar = de to mest positive på en 5-punktsskala, det mest positive på en 3-punktsskala.');
  header(survey, 4, ['Gruppe', 'Udsagn', 'Positive svar', 'Antal besvarelser (n)', 'Skala'], [18, 70, 14, 20, 8]);
  validate(survey, 'C', whole('Antal respondenter med et positivt svar.'));
  validate(survey, 'D', whole('Antal respondenter, der har svaret (n).'));
  validate(survey, 'E', {
    type: 'list',
    formulae: ['"3,5"'],
    allowBlank: true,
    showErrorMessage: true,
    errorTitle: 'Skala',
    error: 'Skalaen er 3 eller 5.',
  });

  const answers = wb.addWorksheet(TEMPLATE_SHEETS.answers);
  answers.getCell('A1').value = 'Gruppe';
  answers.getCell('A2').value = 'Skala';
  answers.getCell('B2').value = 5;
  answers.getCell('B2').dataValidation = { type: 'list', formulae: ['"3,5"'], allowBlank: false, showErrorMessage: true, error: 'Skalaen er 3 eller 5.' };
  answers.getCell('A3').value = 'Én række pr. respondent, én kolonne pr. udsagn; svar 1 (mest negativ) til 5 (eller 3). Tomt = ikke besvaret.';
  answers.getCell('A3').font = { italic: true, color: { argb: 'FF555555' } };
  header(answers, 4, ['Respondent', 'Udsagn 1 (skriv udsagnet her)', 'Udsagn 2'], [12, 40, 40]);
  for (const col of ['B', 'C', 'D', 'E', 'F', 'G', 'H'])
    validate(answers, col, { type: 'whole', operator: 'between', formulae: [1, 5], allowBlank: true, showErrorMessage: true, error: 'Svar med et helt tal fra 1 til 5 (1 til 3 på en 3-punktsskala).' });
  return wb;
}

/** Writes the template to `resources/templates/statusrapport.xlsx` (or `dir`). */
export async function writeStatusTemplate(dir: string): Promise<string> {
  const path = join(dir, TEMPLATE_FILE);
  const tmp = `${path}.tmp`;
  await writeFile(tmp, Buffer.from(await buildStatusTemplate().xlsx.writeBuffer()));
  await rename(tmp, path);
  return path;
}

const isMain = process.argv[1] && /import[\\/]template\.(ts|js)$/.test(process.argv[1]);
if (isMain) {
  writeStatusTemplate(join(__dirname, '..', '..', 'resources', 'templates')).then(
    (p) => process.stdout.write(`${p}\n`),
    (err: unknown) => {
      process.stderr.write(`${String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
