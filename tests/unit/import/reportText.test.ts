import { recogniseReportText } from '../../../shared/import/reportText';
import { linesOfText } from '../../../shared/import/text';
import { expect003, expect004 } from './expectations';
import { FIXTURE_003, FIXTURE_004, hasSeeds, readFixture, readSeed, SEED_003, SEED_004, SEEDS_SKIP_NOTE } from './seeds';

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
