import fc from 'fast-check';
import { countInProse } from '../../../shared/import/reportText';
import { danishNumberWord, joinWrapped, readFigure, spellDanishNumber } from '../../../shared/import/text';
import { detectDelimiter, parseCsv } from '../../../shared/import/csv';
import { formatDanishNumber } from '../../../shared/numbers/danish';

describe('Danish number words', () => {
  it.each([
    ['tre', 3],
    ['Tre', 3],
    ['atten', 18],
    ['fireogtyve', 24],
    ['halvtreds', 50],
    ['hundrede', 100],
    ['kampagner', null],
  ])('%s -> %s', (word, n) => expect(danishNumberWord(word)).toBe(n));

  it('spelling then reading gives the number back (0-99)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 99 }), (n) => danishNumberWord(spellDanishNumber(n)) === n));
  });
});

describe('counts in prose goals', () => {
  it.each([
    ['Afholdelse af 24 netværksaktiviteter.', 24],
    ['18 bosætningsmøder (subregionalt og tværregionalt).', 18],
    ['Opstart af tre netværksgrupper.', 3],
    ['Udarbejdelse af en kernefortælling for hele Region Midtjylland.', null],
    ['Tre kampagner (herunder minimum 150 jobåbninger).', 3],
    ['Projektet løber fra 2019 med 5 forløb', 5],
    ['Kortlægning af 1.200 virksomheder', 1200],
  ])('%s -> %s', (text, n) => expect(countInProse(text)).toBe(n));

  it('finds any count written as digits or as a word in a sentence', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 99 }), fc.boolean(), (n, word) => {
        const figure = word ? spellDanishNumber(n) : formatDanishNumber(n);
        return countInProse(`Afholdelse af ${figure} netværksmøder i perioden`) === n;
      }),
    );
  });
});

describe('wrapped lines', () => {
  it('joins hyphenated words and keeps real hyphens', () => {
    expect(joinWrapped(['Etablering af virksomhedsnetværk, re-', 'daktionsgruppe og Midtjyl-', 'land.'])).toBe('Etablering af virksomhedsnetværk, redaktionsgruppe og Midtjylland.');
    expect(joinWrapped(['det gode arbejds-', 'og fritidsliv'])).toBe('det gode arbejds- og fritidsliv');
    expect(joinWrapped(['HR-', 'specialister'])).toBe('HR-specialister');
  });
});

describe('readFigure (table cells)', () => {
  it('never throws on any text: a number, missing, or a message', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = readFigure(s);
        return r.ok ? r.value === null || Number.isFinite(r.value) : r.message.length > 0;
      }),
    );
  });

  it('reads back what formatDanishNumber wrote', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 3 }), (n, d) => {
        const value = n / 10 ** d;
        const r = readFigure(formatDanishNumber(value, d));
        return r.ok && r.value !== null && Math.abs(r.value - value) < 1e-9;
      }),
    );
  });
});

describe('CSV', () => {
  it('detects ; before , and reads quoted fields with line breaks and BOM', () => {
    const text = '\uFEFFKode;Beskrivelse;Status\nB1;"Antal ""deltagere""\nmed to linjer";219\nB4;x;19.037\n';
    expect(detectDelimiter(text)).toBe(';');
    expect(parseCsv(text)).toEqual([
      { fields: ['Kode', 'Beskrivelse', 'Status'], line: 1 },
      { fields: ['B1', 'Antal "deltagere"\nmed to linjer', '219'], line: 2 },
      { fields: ['B4', 'x', '19.037'], line: 4 },
    ]);
    expect(detectDelimiter('Kode,Status\nB1,"3,8"')).toBe(',');
    expect(parseCsv('Kode,Status\nB1,"3,8"')[1].fields).toEqual(['B1', '3,8']);
  });

  it('round-trips any table of fields', () => {
    const field = fc.string().filter((s) => !s.includes('\r'));
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const width = rows[0].length;
        const table = rows.map((r) => [...r, ...Array(width).fill('')].slice(0, width));
        const text = table.map((r) => r.map((f) => `"${f.replace(/"/g, '""')}"`).join(';')).join('\n');
        return JSON.stringify(parseCsv(text, ';').map((r) => r.fields)) === JSON.stringify(table);
      }),
    );
  });
});
