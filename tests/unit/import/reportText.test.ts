import { recogniseReportText } from '../../../shared/import/reportText';
import { linesOfText } from '../../../shared/import/text';
import { expect003, expect004, expectMidterm } from './expectations';
import { FIXTURE_003, FIXTURE_004, FIXTURE_MIDTERM, hasSeeds, readFixture, readSeed, SEED_003, SEED_004, SEEDS_SKIP_NOTE } from './seeds';

describe("recogniseReportText on our fixtures in the seeds' layout", () => {
  it("reads every goal, the fact box, progress, score and survey of an evaluation report in 003's layout", () => {
    const r = recogniseReportText(linesOfText(readFixture(FIXTURE_003)), FIXTURE_003);
    expect(r.kind).toBe('evaluationReport');
    expect003(r.items, r.issues);
    const b4 = r.items.find((i) => i.type === 'goal' && i.code === 'B4')!;
    expect(b4.source).toEqual({ file: FIXTURE_003, location: 'linje 144–150' });
    const c2 = r.issues.find((i) => i.message.includes('C2'))!;
    expect(c2.location).toBe('linje 238');
  });

  it("reads the prose goals, budget lines in 1000 kr and financing of an application in 004's layout", () => {
    const r = recogniseReportText(linesOfText(readFixture(FIXTURE_004)), FIXTURE_004);
    expect(r.kind).toBe('application');
    expect004(r.items, r.issues);
    expect(r.issues.some((i) => i.message.includes('9 mål læst fra ansøgningens tekst som outputmål med foreslåede koder'))).toBe(true);
  });
});

describe('recogniseReportText on the seed texts as they are', () => {
  it.skipIf(!hasSeeds)(`reads every goal, the fact box, progress, score and survey of evaluation report 003${SEEDS_SKIP_NOTE}`, () => {
    const r = recogniseReportText(linesOfText(readSeed(SEED_003)), SEED_003);
    expect(r.kind).toBe('evaluationReport');
    expect003(r.items, r.issues);
    const b4 = r.items.find((i) => i.type === 'goal' && i.code === 'B4')!;
    expect(b4.source).toEqual({ file: SEED_003, location: 'linje 714–720' });
    const c2 = r.issues.find((i) => i.message.includes('C2'))!;
    expect(c2.location).toBe('linje 971');
  });

  it.skipIf(!hasSeeds)(`reads application 004's prose goals, budget lines in 1000 kr and financing${SEEDS_SKIP_NOTE}`, () => {
    const r = recogniseReportText(linesOfText(readSeed(SEED_004)), SEED_004);
    expect(r.kind).toBe('application');
    expect004(r.items, r.issues);
    expect(r.issues.some((i) => i.message.includes('9 mål læst fra ansøgningens tekst som outputmål med foreslåede koder'))).toBe(true);
  });
});

describe('recogniseReportText on small texts', () => {
  it('reports an unreadable figure in a goal table as an error with its place, never a guess', () => {
    const lines = linesOfText(['Figur 5 Status', 'B1: Antal deltagere 25.6 219 86 %', 'Note: indrapporteret af bevillingsmodtager 02.12.2022.'].join('\n'));
    const r = recogniseReportText(lines, 'r.txt');
    expect(r.items.filter((i) => i.type === 'status')).toEqual([]);
    expect(r.issues).toEqual([expect.objectContaining({ severity: 'error', file: 'r.txt', location: 'linje 2' })]);
    expect(r.issues[0].message).toContain('25.6');
  });

  it('flags a budget that does not equal its financing', () => {
    const text = [
      'Opgavetyper: Beløb i 1000kr.',
      '2019 2020',
      'Løn 100 100',
      'I alt 100 100',
      '8. Finansiering,',
      'Regneark kan vedlægges',
      'Kommunen 150.000 kr.',
      'I alt 150.000 kr.',
    ].join('\n');
    const r = recogniseReportText(linesOfText(text), 'b.txt');
    expect(r.issues.some((i) => i.severity === 'warning' && i.message.includes('svarer ikke til budgettet') && i.location === 'linje 8')).toBe(true);
  });

  it.each([
    ['\uF0A7', 'Wingdings'],
    ['\uF0B7', 'Symbol'],
    ['·', 'middle dot'],
    ['o', "Word's second level"],
    ['●', 'black circle'],
  ])('reads application goals behind a %s bullet (%s)', (glyph) => {
    const text = ['Ansøgningsskema', 'Effekter og output', `${glyph} Afholdelse af 24 netværksaktiviteter.`, `${glyph}\tOpstart af tre netværksgrupper.`, '5. Budget'].join('\n');
    const r = recogniseReportText(linesOfText(text), 'a.txt');
    expect(r.items.filter((i) => i.type === 'goal').map((i) => i.type === 'goal' && [i.targetInPeriod, i.description])).toEqual([
      [24, 'Afholdelse af 24 netværksaktiviteter.'],
      [3, 'Opstart af tre netværksgrupper.'],
    ]);
  });

  it('says so when an application yields no goals', () => {
    const none = recogniseReportText(linesOfText(['Ansøgningsskema', 'Projektets formål er at styrke regionen.'].join('\n')), 'a.txt');
    expect(none.issues).toContainEqual(expect.objectContaining({ severity: 'warning', message: expect.stringContaining('der er ikke læst nogen mål') }));
    const uncounted = recogniseReportText(linesOfText(['Ansøgningsskema', 'Effekter og output', '• Bedre samarbejde i regionen.'].join('\n')), 'a.txt');
    expect(uncounted.issues).toContainEqual(expect.objectContaining({ severity: 'warning', location: 'linje 2', message: expect.stringContaining('Ingen af afsnittets 1 punkter nævner et antal') }));
  });

  it('a goal table row without a status stores no status, only a warning', () => {
    const r = recogniseReportText(linesOfText(['B1: Antal deltagere', '256 –', 'Note: indrapporteret af bevillingsmodtager 02.12.2022.'].join('\n')), 'r.txt');
    expect(r.items.filter((i) => i.type === 'goal')).toEqual([expect.objectContaining({ code: 'B1', targetInPeriod: 256 })]);
    expect(r.items.filter((i) => i.type === 'status')).toEqual([]);
    expect(r.issues).toEqual([expect.objectContaining({ severity: 'warning', location: 'linje 2', message: expect.stringContaining('B1: ingen status i tabellen') })]);
  });

  it('keeps a status without a reporting date as undated, with a warning', () => {
    const r = recogniseReportText(linesOfText('A1: Noget 3 2 67 %'), 'x.txt');
    expect(r.items.find((i) => i.type === 'status')).toMatchObject({ value: 2, reportedAt: null });
    expect(r.issues.some((i) => i.message.includes('rapporteringsdato'))).toBe(true);
  });
});

describe('a goal row with a target and no status (issue 10, point 1) in a text', () => {
  const midterm = () => readFixture(FIXTURE_MIDTERM);
  const read = (text: string) => recogniseReportText(linesOfText(text), FIXTURE_MIDTERM);

  it('reads the target, stores no status and no percent, warns at its line, and skips the totals row', () => {
    const r = read(midterm());
    const { b2, totals } = expectMidterm(r.items, r.issues);
    expect(b2.location).toBe('linje 42');
    expect(totals.location).toBe('linje 46');
    expect(r.items.find((i) => i.type === 'goal' && i.code === 'B2')!.source.location).toBe('linje 42');
  });

  it.each(['– –', '— —', 'n/a n/a', 'ikke opgjort ikke opgjort', '* *', '- –'])('reads "22 %s" the same way', (marks) => {
    const r = read(midterm().replace('i forløb 22 - -', `i forløb 22 ${marks}`));
    expect(expectMidterm(r.items, r.issues).b2.location).toBe('linje 42');
  });

  it('says it cannot tell where "22" belongs when the blank cells left no trace, with its place, and reads the other rows', () => {
    const r = read(midterm().replace('i forløb 22 - -', 'i forløb 22'));
    const errors = r.issues.filter((i) => i.severity === 'error');
    expect(errors).toEqual([
      expect.objectContaining({
        location: 'linje 42',
        message:
          'Målet B2: tabellen har 3 talkolonner (mål i perioden, status, procent), men rækken har kun 1 tal (22), så det kan ikke afgøres, hvilken kolonne de hører til, eller om 22 er en del af beskrivelsen. Skriv "–" i tomme celler, eller ret målet efter importen.',
      }),
    ]);
    expect(r.items.filter((i) => i.type === 'goal').map((g) => g.type === 'goal' && g.code)).toEqual(['B1', 'B3', 'C1']);
  });

  it('takes the number of figure columns from the header: figures beyond them end the description', () => {
    const text = ['Figur 2 Outputmål', 'Mål Status', 'B1: Kurser på niveau 2 12 9', 'B2: Hold med 15 deltagere 4 –', 'Note: indrapporteret af projektholder 01.03.2024.'].join('\n');
    const r = read(text);
    expect(r.items.filter((i) => i.type === 'goal').map((g) => g.type === 'goal' && [g.code, g.description, g.targetInPeriod])).toEqual([
      ['B1', 'Kurser på niveau 2', 12],
      ['B2', 'Hold med 15 deltagere', 4],
    ]);
    expect(r.items.filter((i) => i.type === 'status').map((s) => s.type === 'status' && [s.code, s.value, s.printedPercent, s.computedPercent])).toEqual([['B1', 9, null, 75]]);
    expect(r.issues.map((i) => [i.severity, i.location])).toEqual([['warning', 'linje 4']]);
  });

  it('a percent with too few figures before it is ambiguous, not guessed', () => {
    const r = read(['B1: Antal i forløb 22 75 %', 'Note: indrapporteret af projektholder 01.03.2024.'].join('\n'));
    expect(r.items).toEqual([]);
    expect(r.issues).toEqual([expect.objectContaining({ severity: 'error', location: 'linje 1', message: expect.stringContaining('rækken har kun 2 tal (22 75 %)') })]);
  });

  it('a code of more than three digits is an error with its place, not a silent skip', () => {
    const r = read(['B1000: Antal deltagere 10 5 50 %', 'B2: Antal virksomheder 4 4 100 %'].join('\n'));
    expect(r.issues).toContainEqual(expect.objectContaining({ severity: 'error', location: 'linje 1', message: expect.stringContaining('"B1000" har flere end tre cifre') }));
    expect(r.items.filter((i) => i.type === 'goal').map((g) => g.type === 'goal' && g.code)).toEqual(['B2']);
  });

  it("the printed percent is checked against the engine's", () => {
    const r = read(['B1: Antal deltagere 200 150 80 %', 'B2: Antal virksomheder 3 2 67 %'].join('\n'));
    expect(r.issues.filter((i) => i.message.includes('afviger'))).toEqual([
      expect.objectContaining({ location: 'linje 1', message: 'B1: trykt målopnåelse 80 % afviger fra beregnet 75 % (150 / 200).' }),
    ]);
  });
});
