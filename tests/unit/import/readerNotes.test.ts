import { NUMBER_REASONS_DA } from '../../../shared/numbers/danish';
import { DATE_REASONS_DA } from '../../../shared/numbers/danishDate';
import { issueLine, issueText, placeText, READER_DA, READER_EN, READER_KEYS, readerDanish, readerLangOf, readerMsg, readerText, TERMS_DA, TERMS_EN } from '../../../shared/import/readerNotes';

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe("the file readers' messages", () => {
  it('every Danish message and term has an English one with the same placeholders', () => {
    expect(Object.keys(READER_EN).sort()).toEqual([...READER_KEYS].sort());
    for (const key of READER_KEYS) expect(placeholders(READER_EN[key]), key).toEqual(placeholders(READER_DA[key]));
    expect(Object.keys(TERMS_EN).sort()).toEqual(Object.keys(TERMS_DA).sort());
    for (const key of Object.keys(TERMS_DA) as (keyof typeof TERMS_DA)[]) expect(placeholders(TERMS_EN[key]), key).toEqual(placeholders(TERMS_DA[key]));
    // The parse errors' reasons are terms too, so a new reason can't be left without English.
    for (const code of Object.keys(NUMBER_REASONS_DA)) expect(TERMS_EN).toHaveProperty([`reason.${code}`]);
    for (const code of Object.keys(DATE_REASONS_DA)) expect(TERMS_EN).toHaveProperty([`date.${code}`]);
  });

  it('renders a keyed message in Danish (as ImportIssue.message) and in English, with terms, numbers and places', () => {
    const m = readerMsg('cellBadNumber', { subject: 'B1', termField: 'fieldStatus', text: '1.5', termReason: 'reason.badDotGrouping' });
    expect(readerDanish(m)).toBe('B1, status: "1.5" er ikke et tal (punktum skal efterfølges af præcis tre cifre (tusindtalsseparator); decimaltegnet er komma).');
    expect(readerText(m, 'en')).toBe('B1, status: "1.5" is not a number (a point must be followed by exactly three digits (thousands separator); the decimal sign is a comma).');
    const big = readerMsg('sheetTooManyRows', { sheet: 'Mål', count: 150000, limit: 50000 });
    expect(readerDanish(big)).toContain('150.000 udfyldte rækker');
    expect(readerText(big, 'en')).toContain('150,000 filled-in rows');
    const dup = readerMsg('tableDuplicateHeader', { header: 'Status', placeCells: 'celle B1 og C1', placeRows: 'række 2-9' });
    expect(readerText(dup, 'en')).toContain('(cell B1 and C1)');
    expect(readerText(dup, 'en')).toContain('(row 2-9)');
    expect(readerText(readerMsg('cellBadDate', { what: 'B1, dato', text: '31.02.2022', termReason: 'date.noSuchDay', day: 31, month: 2 }), 'en')).toBe(
      'B1, dato: cannot read the date "31.02.2022": day 31 does not exist in month 2',
    );
  });

  it('issueText: a reader issue in the chosen language; a comparison note by its English template; plain Danish otherwise', () => {
    const m = readerMsg('statusBlank', { code: 'B2' });
    const issue = { message: readerDanish(m), msg: m };
    expect(issueText(issue, 'da')).toBe('B2: status er tom; der gemmes ingen status (tidligere status gælder fortsat).');
    expect(issueText(issue, 'en')).toBe('B2: the status is empty; no status is saved (the earlier status still counts).');
    expect(issueText({ message: 'Kun dansk' }, 'en')).toBe('Kun dansk');
    const located = { ...issue, file: 'status.xlsx', location: "Ark 'Mål', celle D6" };
    expect(issueLine(located, 'da')).toBe("status.xlsx, Ark 'Mål', celle D6: B2: status er tom; der gemmes ingen status (tidligere status gælder fortsat).");
    expect(issueLine(located, 'en')).toBe("status.xlsx, Sheet 'Mål', cell D6: B2: the status is empty; no status is saved (the earlier status still counts).");
    const note = { message: 'Målkoden B1 optræder to gange: a.csv (linje 3)', msg: { key: 'issueDuplicateCode' as never, params: { code: 'B1', location: 'a.csv (linje 3)' } } };
    expect(issueText(note, 'en', { notes: { issueDuplicateCode: 'The goal code {{code}} appears twice: {{location}}' } })).toBe('The goal code B1 appears twice: a.csv (line 3)');
  });

  it('placeText renders stored Danish places in English and leaves sheet and file names alone', () => {
    const cases: [string, string][] = [
      ["Ark 'Mål', celle E5", "Sheet 'Mål', cell E5"],
      ['side 1, linje 60', 'page 1, line 60'],
      ['linje 12, felt 3', 'line 12, field 3'],
      ['afsnit 40', 'paragraph 40'],
      ["Ark 'Mål', række 5", "Sheet 'Mål', row 5"],
      ["Ark 'Mål', række 7-9", "Sheet 'Mål', row 7-9"],
      ["Ark 'Mål', celle B1 og C1", "Sheet 'Mål', cell B1 and C1"],
      ["Kilde: statusrapport.xlsx, Ark 'Mål', celle D5", "Source: statusrapport.xlsx, Sheet 'Mål', cell D5"],
      ["Ark 'side 2 og linje 3', celle A1", "Sheet 'side 2 og linje 3', cell A1"],
      ["Ark 'Svar', celle B4 og 12 svar nedenfor", "Sheet 'Svar', cell B4 and 12 answers below"],
      ['Kilde: side 3 linje 4.pdf, side 1, linje 2', 'Source: side 3 linje 4.pdf, page 1, line 2'],
      ["ark 'Ark1', ark 'Ark2'", "sheet 'Ark1', sheet 'Ark2'"],
    ];
    for (const [da, en] of cases) {
      expect(placeText(da, 'en'), da).toBe(en);
      expect(placeText(da, 'da')).toBe(da);
    }
  });

  it("readerLangOf reads the CLI's --lang and LANG: English for en*, Danish otherwise", () => {
    expect(['en', 'EN', 'en_GB.UTF-8', 'en-US', 'en.UTF-8'].map(readerLangOf)).toEqual(['en', 'en', 'en', 'en', 'en']);
    expect(['da', 'da_DK.UTF-8', 'C', '', undefined, 'eng-bogus', 'de_DE'].map(readerLangOf)).toEqual(['da', 'da', 'da', 'da', 'da', 'da', 'da']);
  });
});
