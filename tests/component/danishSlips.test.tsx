import da from '../../renderer/src/i18n/da.json';
import en from '../../renderer/src/i18n/en.json';
import { createFormatter } from '../../renderer/src/format';
import { formatDanishNumber } from '../../shared/numbers/danish';

/** Issue 15, "Language and charts": the Danish slips of a read-through stay fixed. */

function entries(o: Record<string, unknown>, prefix = ''): [string, string][] {
  return Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? entries(v as Record<string, unknown>, `${prefix}${k}.`) : [[`${prefix}${k}`, String(v)] as [string, string]]));
}
const get = (o: Record<string, unknown>, key: string) => entries(o).find(([k]) => k === key)?.[1];

describe('Danish slips', () => {
  it('writes negative numbers with the real minus sign (U+2212), never a hyphen before a digit, and reads them back', () => {
    for (const lang of ['da', 'en'] as const) {
      const f = createFormatter(lang);
      const shown = [f.number(-1234), f.number(-3.5, 1), f.percent(-12), f.kr(-1500), f.kr(-5.5), f.amountInput(-250_000), f.amountInput(-5.5)];
      for (const text of shown) {
        expect(text, `${lang}: ${text}`).not.toMatch(/-\s*\d/);
        expect(text, `${lang}: ${text}`).toMatch(/\u2212/);
      }
      // What the amount field shows is what it accepts again.
      expect(f.parseAmount(f.amountInput(-250_000))).toBe(-250_000);
    }
    expect(formatDanishNumber(-1234.5, 2)).toBe('\u22121.234,50');
  });

  it('has no known slip in the Danish texts', () => {
    const all = entries(da);
    for (const [key, text] of all) {
      expect(text, key).not.toMatch(/\bmulig (under|over)forbrug/);
      expect(text, key).not.toMatch(/Beregnet af /);
    }
  });

  it('ends every text of more than one sentence with a full stop (or other end mark), so the next sentence shown after it starts cleanly', () => {
    for (const [name, texts] of [['da', da], ['en', en]] as const) {
      for (const [key, text] of entries(texts)) {
        if (/[a-zæøå0-9)]{3}[.!?] +[A-ZÆØÅ]/.test(text)) expect(text.trim(), `${name}: ${key}`).toMatch(/([.!?:…)»”]|\}\})$/);
      }
    }
  });

  it('ends the texts the app follows with another sentence with a full stop', () => {
    // BudgetTab shows "budget.computed" and then "budget.reportedDiffers" in one line.
    for (const texts of [da, en]) {
      expect(get(texts, 'budget.computed')).toMatch(/\.$/);
      expect(get(texts, 'budget.reportedDiffers')).toMatch(/\.$/);
    }
    expect(get(da, 'budget.computed')).toBe('Beregnet ud fra bevillingsperioden: {{elapsed}} af {{total}} måneder ({{percent}}).');
  });
});
