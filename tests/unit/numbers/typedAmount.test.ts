import fc from 'fast-check';
import { NumberParseError, formatAmountOreIn, parseTypedAmountOre, type AmountUnit } from '../../../shared/numbers/danish';

describe('parseTypedAmountOre: amounts typed in kr., 1000 kr. or mio. kr.', () => {
  it.each([
    ['20,0 mio.', 2_000_000_000],
    ['20,0 mio. kr.', 2_000_000_000],
    ['DKK 20 mio', 2_000_000_000],
    ['1.250 t.kr.', 125_000_000],
    ['1.250 tkr.', 125_000_000],
    ['1250 (1000 kr)', 125_000_000],
    ['599,59368 t.kr.', 59_959_368],
    ['20.000.000 kr.', 2_000_000_000],
    ['20.000.000', 2_000_000_000],
    ['20 000 000 kr.', 2_000_000_000],
    ['5,50 kr.', 550],
    ['5,5', 550],
    ['1,25', 125],
    ['1234,567 t.kr.', 123_456_700],
    ['0,00005 t.kr.', 5],
    ['1,23456789 mio.', 123_456_789],
    ['2 mia. kr.', 200_000_000_000],
    ['-1.250 t.kr.', -125_000_000],
    ['\u22125,50 kr.', -550],
    ['5,500 t.kr.', 550_000],
    ['12,340 mio.', 1_234_000_000],
    ['1.000,00 kr.', 100_000],
    ['0', 0],
    ['0,500', 50],
    ['-0', 0],
  ])('reads %j as %d øre', (text, ore) => {
    expect(parseTypedAmountOre(text)).toBe(ore);
  });

  it('reads a blank field as no amount', () => {
    expect(parseTypedAmountOre('')).toBeNull();
    expect(parseTypedAmountOre('  ')).toBeNull();
  });

  it.each(['1,250', '1,250 kr.', '12,500', '999,999 kr.', '-1,250'])(
    'refuses %j: a Danish decimal or an English thousands separator',
    (text) => {
      expect(() => parseTypedAmountOre(text)).toThrow(NumberParseError);
      expect(() => parseTypedAmountOre(text)).toThrow(/tvetydigt/);
      expect(() => parseTypedAmountOre(text)).toThrow(new RegExp(`"${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`));
    },
  );

  it.each(['1,2345 kr.', '1234,567 kr.', '5,000001 t.kr.', '1,234567891 mio.', '1.000,001', '0,001 kr.'])(
    'refuses %j: finer than øre',
    (text) => {
      expect(() => parseTypedAmountOre(text)).toThrow(/finere end øre/);
    },
  );

  it('takes trailing zeros beyond øre as what they are: no øre lost', () => {
    expect(parseTypedAmountOre('1.234,5600 kr.')).toBe(123_456);
    expect(parseTypedAmountOre('1,2300000000 mio.')).toBe(123_000_000);
  });

  it.each([
    ['1.5 mio.', /engelsk|punktum/],
    ['20 %', /procentsats/],
    ['3 mio. mio.', /mere end én enhed/],
    ['20 euro', /tegn/],
    [',50 kr.', /ingen cifre/],
    ['1,2,3', /mere end ét decimalkomma/],
    ['99.999.999.999.999 kr.', /for stort/],
  ])('refuses %j with the reason', (text, reason) => {
    expect(() => parseTypedAmountOre(text)).toThrow(reason);
  });
});

describe('formatAmountOreIn', () => {
  it.each([
    [2_000_000_000, 'kr', '20.000.000 kr.'],
    [2_000_000_000, 'tkr', '20.000 t.kr.'],
    [2_000_000_000, 'mio', '20 mio. kr.'],
    [550, 'kr', '5,50 kr.'],
    [550, 'tkr', '0,0055 t.kr.'],
    [-125_000_000, 'tkr', '\u22121.250 t.kr.'],
    [59_959_368, 'tkr', '599,59368 t.kr.'],
    [0, 'mio', '0 mio. kr.'],
  ] as [number, AmountUnit, string][])('writes %d øre in %s as %j', (ore, unit, text) => {
    expect(formatAmountOreIn(ore, unit)).toBe(text);
  });
});

describe('typed amounts round-trip (property)', () => {
  const units: AmountUnit[] = ['kr', 'tkr', 'mio'];
  // Amounts with many trailing zeros, small ones, huge ones, negatives: the edge cases a plain
  // integer arbitrary rarely draws.
  const ore = fc.oneof(
    fc.integer({ min: -(10 ** 6), max: 10 ** 6 }),
    fc.maxSafeInteger(),
    fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
    fc.tuple(fc.integer({ min: -99_999, max: 99_999 }), fc.integer({ min: 0, max: 10 })).map(([m, e]) => m * 10 ** e),
    fc.constantFrom(0, 1, -1, 5, 10, 50, 100, 1000, 99_999, 100_000, 100_000_000, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER),
  );

  it('any amount in øre, formatted in each unit, reads back exactly', () => {
    fc.assert(
      fc.property(ore, fc.constantFrom(...units), (value, unit) => {
        expect(parseTypedAmountOre(formatAmountOreIn(value, unit))).toBe(value === 0 ? 0 : value);
      }),
      { numRuns: 50_000 },
    );
  });

  it('also without the "kr." after mio. and with the minus as a hyphen', () => {
    fc.assert(
      fc.property(ore, fc.constantFrom(...units), (value, unit) => {
        const text = formatAmountOreIn(value, unit).replace(' mio. kr.', ' mio.').replace('\u2212', '-');
        expect(parseTypedAmountOre(text)).toBe(value);
      }),
      { numRuns: 20_000 },
    );
  });

  it('never throws anything but a NumberParseError, never returns a non-integer', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789.,- kr.miot%\u2212'.split('')), maxLength: 20 }), (text) => {
        try {
          const value = parseTypedAmountOre(text);
          return value === null || Number.isSafeInteger(value);
        } catch (e) {
          return e instanceof NumberParseError;
        }
      }),
      { numRuns: 20_000 },
    );
  });
});
