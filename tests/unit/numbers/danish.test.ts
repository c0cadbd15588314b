import fc from 'fast-check';
import {
  NumberParseError,
  formatDanishKr,
  formatDanishNumber,
  formatDanishPercent,
  parseDanishAmountKr,
  parseDanishNumber,
  parseDanishPercent,
} from '../../../shared/numbers/danish';

describe('parseDanishNumber', () => {
  it.each([
    ['19.037', 19037],
    ['1.234.567', 1234567],
    ['3,8', 3.8],
    ['2406,684', 2406.684],
    ['599,59368', 599.59368],
    ['1 383,1', 1383.1],
    ['1\u00A0383,1', 1383.1],
    ['1\u202F383,1', 1383.1],
    ['1 234 567', 1234567],
    ['7.019.053 kr.', 7019053],
    ['14.038.106 kr', 14038106],
    ['DKK 20,0', 20],
    ['86 %', 86],
    ['86%', 86],
    ['  42  ', 42],
    ['0', 0],
    ['0,5', 0.5],
    ['-5', -5],
    ['\u22125,5', -5.5],
    ['-1.234,5', -1234.5],
    ['+3', 3],
    ['1.234,56 kr.', 1234.56],
  ])('reads %j as %d', (text, expected) => {
    expect(parseDanishNumber(text)).toBe(expected);
  });

  it.each(['', '   ', ',00 kr.', ',00', '-,00', 'kr.', '\u2013', '-'])('reads %j as missing (null), never 0', (text) => {
    expect(parseDanishNumber(text)).toBeNull();
  });

  it.each([
    ['1.5', 'punktum skal efterfølges af præcis tre cifre'],
    ['12.34', 'punktum skal efterfølges af præcis tre cifre'],
    ['1.2345', 'punktum skal efterfølges af præcis tre cifre'],
    ['1.234.56', 'punktum skal efterfølges af præcis tre cifre'],
    ['0.123', 'engelsk decimaltegn'],
    ['1,234.5', 'decimalerne efter kommaet'],
    ['12a', 'tegn, der ikke er en del af et tal'],
    ['3,8,1', 'mere end ét decimalkomma'],
    ['5,', 'ingen cifre efter decimalkommaet'],
    ['12 34', 'grupper på præcis tre cifre'],
    ['1 234.567', 'tegn'],
    ['- 5', 'mellemrum mellem fortegn og tal'],
    ['--5', 'tegn'],
    ['(5)', 'tegn'],
    ['abc', 'tegn'],
    ['1e5', 'tegn'],
  ])('rejects %j', (text, reason) => {
    let error: unknown;
    try {
      parseDanishNumber(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NumberParseError);
    const err = error as NumberParseError;
    expect(err.text).toBe(text);
    expect(err.message).toBe(`Kan ikke læse tallet "${text}": ${err.reason}`);
    expect(err.reason).toContain(reason);
  });

  it('quotes the text in the message', () => {
    expect(() => parseDanishNumber('1.5')).toThrow(/^Kan ikke læse tallet "1\.5": /);
  });
});

describe('parseDanishAmountKr', () => {
  it.each([
    ['DKK 20,0 mio.', 20_000_000],
    ['20,0 mio. kr.', 20_000_000],
    ['20 mio', 20_000_000],
    ['1,5 mio.', 1_500_000],
    ['2 mia. kr.', 2_000_000_000],
    ['599,59368 t.kr.', 599_593.68],
    ['2406,684 tkr.', 2_406_684],
    ['436,8 (1000 kr)', 436_800],
    ['436,8 (1.000 kr.)', 436_800],
    ['7.019.053 kr.', 7_019_053],
    ['1000 kr', 1000],
    ['21000 kr', 21000],
    ['12,345 kr.', 12.35],
    ['12,344 kr.', 12.34],
    ['-500 kr.', -500],
  ])('reads %j as %d kr', (text, expected) => {
    expect(parseDanishAmountKr(text)).toBe(expected);
  });

  it('keeps missing figures missing', () => {
    expect(parseDanishAmountKr(',00 kr.')).toBeNull();
    expect(parseDanishAmountKr('')).toBeNull();
    expect(parseDanishAmountKr(',0 mio.')).toBeNull();
  });

  it('rejects percentages, double multipliers and unreadable figures', () => {
    expect(() => parseDanishAmountKr('20 %')).toThrow(NumberParseError);
    expect(() => parseDanishAmountKr('3 mio. mio.')).toThrow(/mere end én enhed/);
    expect(() => parseDanishAmountKr('1.5 mio.')).toThrow(NumberParseError);
    expect(() => parseDanishAmountKr('20 euro')).toThrow(NumberParseError);
  });
});

describe('parseDanishPercent', () => {
  it('reads "86 %", "86%", "86 pct." and decimals', () => {
    expect(parseDanishPercent('86 %')).toBe(86);
    expect(parseDanishPercent('86%')).toBe(86);
    expect(parseDanishPercent('86 pct.')).toBe(86);
    expect(parseDanishPercent('85,5 %')).toBe(85.5);
    expect(parseDanishPercent('124 %')).toBe(124);
    expect(parseDanishPercent('')).toBeNull();
  });

  it('does not accept an amount as a percent', () => {
    expect(() => parseDanishPercent('86 kr.')).toThrow(NumberParseError);
  });
});

describe('formatters', () => {
  it('formats numbers the Danish way', () => {
    expect(formatDanishNumber(19037)).toBe('19.037');
    expect(formatDanishNumber(7019053)).toBe('7.019.053');
    expect(formatDanishNumber(3.8, 1)).toBe('3,8');
    expect(formatDanishNumber(3.83333, 1)).toBe('3,8');
    expect(formatDanishNumber(2.55, 1)).toBe('2,6');
    expect(formatDanishNumber(85.546875)).toBe('86');
    expect(formatDanishNumber(5, 1)).toBe('5,0');
    expect(formatDanishNumber(0.05, 2)).toBe('0,05');
    expect(formatDanishNumber(-1234.5, 2)).toBe('\u22121.234,50');
    expect(formatDanishNumber(-0.001, 2)).toBe('0,00');
    expect(formatDanishNumber(999.9996, 3)).toBe('1.000,000');
    expect(formatDanishNumber(Number.MAX_SAFE_INTEGER)).toBe('9.007.199.254.740.991');
  });

  it('never throws: a value that is not a finite number is shown as missing, as on screen', () => {
    // Output paths (the CLI after a commit, the workbook) must not fail on a figure the import let through.
    for (const v of [Number.NaN, Infinity, -Infinity]) {
      expect(formatDanishNumber(v)).toBe('\u2013');
      expect(formatDanishPercent(v)).toBe('\u2013');
      expect(formatDanishKr(v, 2)).toBe('\u2013');
    }
  });

  it('formats percent, kr and missing values', () => {
    expect(formatDanishPercent(86)).toBe('86 %');
    expect(formatDanishPercent(85.546875)).toBe('86 %');
    expect(formatDanishPercent(124)).toBe('124 %');
    expect(formatDanishPercent(null)).toBe('\u2013');
    expect(formatDanishKr(7019053)).toBe('7.019.053 kr.');
    expect(formatDanishKr(599593.68, 2)).toBe('599.593,68 kr.');
    expect(formatDanishKr(null)).toBe('\u2013');
  });

  it('round-trips its own output through the parsers', () => {
    expect(parseDanishPercent(formatDanishPercent(86))).toBe(86);
    expect(parseDanishAmountKr(formatDanishKr(7019053))).toBe(7019053);
    expect(parseDanishNumber(formatDanishPercent(null))).toBeNull();
  });
});

describe('properties', () => {
  const anyText = fc.oneof(
    fc.string(),
    fc.string({ unit: fc.constantFrom(...'0123456789.,- %kr\u00A0\u2212mioDK'.split('')) }),
  );

  it('returns a number or null, or throws NumberParseError, for any string', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        try {
          const value = parseDanishNumber(text);
          return value === null || Number.isFinite(value);
        } catch (e) {
          return e instanceof NumberParseError;
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('the amount parser behaves the same way', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        try {
          const value = parseDanishAmountKr(text);
          return value === null || Number.isFinite(value);
        } catch (e) {
          return e instanceof NumberParseError;
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('parses back every safe integer it formats', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => parseDanishNumber(formatDanishNumber(n)) === n),
      { numRuns: 2000 },
    );
  });

  it('parses back numbers with 1-3 decimals, negatives included', () => {
    // 15 significant digits is what a double holds exactly, so the decimal survives the trip.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: -(10 ** 15) + 1, max: 10 ** 15 - 1 }), (decimals, scaled) => {
        const value = scaled / 10 ** decimals;
        expect(parseDanishNumber(formatDanishNumber(value, decimals))).toBe(value);
      }),
      { numRuns: 3000 },
    );
  });

  it('parses back amounts as kr with øre', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 13), max: 10 ** 13 }), (ore) => {
        const kr = ore / 100;
        expect(parseDanishAmountKr(formatDanishKr(kr, 2))).toBe(kr);
      }),
      { numRuns: 2000 },
    );
  });
});
