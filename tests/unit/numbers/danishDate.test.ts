import { DateParseError, formatDanishDate, parseDanishDate } from '../../../shared/numbers/danish';

describe('Danish dates', () => {
  it('parses DD.MM.YYYY, D.M.YYYY and ISO to ISO', () => {
    expect(parseDanishDate('02.12.2022')).toBe('2022-12-02');
    expect(parseDanishDate('2.12.2022')).toBe('2022-12-02');
    expect(parseDanishDate('1.1.2019')).toBe('2019-01-01');
    expect(parseDanishDate(' 31.12.2022 ')).toBe('2022-12-31');
    expect(parseDanishDate('2022-12-02')).toBe('2022-12-02');
    expect(parseDanishDate('29.02.2024')).toBe('2024-02-29');
  });

  it.each(['31.02.2022', '29.02.2023', '00.01.2022', '01.13.2022', '02.12.22', '2022-13-01', '02/12/2022', '', 'i går'])(
    'rejects %j',
    (text) => {
      expect(() => parseDanishDate(text)).toThrow(DateParseError);
      expect(() => parseDanishDate(text)).toThrow(`Kan ikke læse datoen "${text}"`);
    },
  );

  it('formats ISO as DD.MM.YYYY', () => {
    expect(formatDanishDate('2022-12-02')).toBe('02.12.2022');
    expect(formatDanishDate('2019-01-01T10:00:00Z')).toBe('01.01.2019');
    expect(() => formatDanishDate('02.12.2022')).toThrow(DateParseError);
  });

  it('round-trips', () => {
    expect(parseDanishDate(formatDanishDate('2020-02-29'))).toBe('2020-02-29');
  });
});
