import { LABELS_DA, NOTE_KEYS } from '../../shared/import/notes';
import da from '../../renderer/src/i18n/da.json';
import en from '../../renderer/src/i18n/en.json';
import { createFormatter, parseDate } from '../../renderer/src/format';

function keys(o: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('translations and formats', () => {
  it('has the same keys in Danish and English', () => {
    // The import notes' Danish texts live with the diff that makes them (shared/import/notes.ts).
    const danishNotes = NOTE_KEYS.map((k) => `import.notes.${k}`);
    const danishLabels = keys(LABELS_DA, 'import.labels.');
    expect(keys(en).sort()).toEqual([...keys(da), ...danishNotes, ...danishLabels].sort());
  });

  it('formats numbers, percents and dates per locale', () => {
    const d = createFormatter('da');
    const e = createFormatter('en');
    const sp = (s: string) => s.replace(/\u00A0/g, ' ');
    expect(d.number(19037)).toBe('19.037');
    expect(d.number(3.8, 1)).toBe('3,8');
    expect(sp(d.percent(85.546875))).toBe('86 %');
    expect(d.date('2022-12-02')).toBe('02.12.2022');
    expect(e.number(19037)).toBe('19,037');
    expect(e.number(3.8, 1)).toBe('3.8');
    expect(e.percent(86)).toBe('86%');
    expect(e.date('2022-12-02')).toBe('2 Dec 2022');
    expect(d.percent(null)).toBe('–');
    // A money figure shows the amount it stored: 5,50 kr. is not 6 kr.
    expect(d.kr(5.5)).toBe('5,50 kr.');
    expect(d.kr(7_019_053)).toBe('7.019.053 kr.');
    expect(e.kr(5.5)).toBe('DKK 5.50');
    expect(d.amountInput(4_100_000.05)).toBe('4.100.000,05');
    expect(d.longDate('2023-06-01')).toBe('1. juni 2023');
    expect(e.longDate('2023-06-01')).toBe('1 June 2023');
    expect(d.number(3.85, 1)).toBe('3,9');
  });

  it('reads numbers and dates as each language writes them', () => {
    const d = createFormatter('da');
    const e = createFormatter('en');
    expect(d.parseNumber('19.037')).toBe(19037);
    expect(d.parseNumber('3,8')).toBe(3.8);
    expect(d.parseNumber('')).toBe(null);
    expect(() => d.parseNumber('mange')).toThrow();
    expect(e.parseNumber('19,037')).toBe(19037);
    expect(e.parseNumber('3.8')).toBe(3.8);
    expect(() => e.parseNumber('3,8')).toThrow();
    // Amounts of kr as the PDF reader accepts them (issue 10, point 13).
    expect(d.parseAmount('20,0 mio.')).toBe(20_000_000);
    expect(d.parseAmount('1.000 kr.')).toBe(1000);
    expect(d.parseAmount('3.331,076 t.kr.')).toBe(3_331_076);
    expect(d.parseAmount('5,50')).toBe(5.5);
    expect(d.parseAmount('')).toBe(null);
    expect(() => d.parseAmount('mange penge')).toThrow();
    expect(e.parseAmount('20.0m')).toBe(20_000_000);
    expect(e.parseAmount('DKK 1,500')).toBe(1500);
    expect(e.parseAmount('5.50')).toBe(5.5);
    expect(parseDate('02.12.2022')).toBe('2022-12-02');
    expect(parseDate('2/12/2022')).toBe('2022-12-02');
    expect(parseDate('2022-12-02')).toBe('2022-12-02');
    expect(() => parseDate('31.02.2022')).toThrow();
    expect(parseDate('')).toBe(null);
  });
});
