import { useTranslation } from 'react-i18next';
import { NumberParseError, parseDanishNumber, parseTypedAmountOre } from '../../shared/numbers/danish';
import { roundHalfUp as roundMoney } from '../../shared/methodology/rounding';
import type { Language } from './i18n';

/** The Intl locale of each UI language. */
export const LOCALES: Record<Language, string> = { da: 'da-DK', en: 'en-GB' };

const MISSING = '\u2013';

/** Intl writes a hyphen before a negative number; what we show has the real minus sign "−". */
const minus = (text: string) => text.replace(/^-/, '\u2212');

/** Number, percent and date formatting for one language, with Intl. */
export interface Formatter {
  language: Language;
  /** 19.037 / 19,037; `decimals` fixed. */
  number(value: number | null | undefined, decimals?: number): string;
  /** 86 % / 86%; the value is on the 0-100 scale, shown as an integer unless `decimals`. */
  percent(value: number | null | undefined, decimals?: number): string;
  /** 7.019.053 kr. / DKK 7,019,053; øre shown where the amount has them (5,50 kr.). */
  kr(value: number | null | undefined): string;
  /** An amount as typed in a field: "7.019.053", "5,50" (no unit; øre where it has them). */
  amountInput(value: number | null | undefined): string;
  /** Reads an amount of kr as typed: "20,0 mio.", "1.000 kr.", "3.331 t.kr." / "20.0m"; '' -> null. */
  parseAmount(text: string): number | null;
  /** 02.12.2022 / 2 Dec 2022 */
  date(iso: string | null | undefined): string;
  /** 2. december 2022 / 2 December 2022: the month in words, to check a typed date. */
  longDate(iso: string | null | undefined): string;
  /** 02.12.2022 14:05 */
  dateTime(iso: string | null | undefined): string;
  /** Reads a number as the user types it in this language; throws with a readable reason. */
  parseNumber(text: string): number | null;
  /** A date as typed in a field: 02.12.2022 / 02/12/2022. */
  dateInput(iso: string | null | undefined): string;
  /** Reads a typed date (or ISO) to ISO; '' -> null; throws when it is not a real date. */
  parseDate(text: string): string | null;
  /** The format hint of date fields: dd.mm.åååå / dd/mm/yyyy. */
  datePlaceholder: string;
}

function roundHalfUp(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.sign(value) * Math.round(Math.abs(value) * f + Number.EPSILON * f) / f;
}

/** The value of `make`, made on the first call and kept. */
function lazily<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

export function createFormatter(language: Language): Formatter {
  const locale = LOCALES[language];
  const numberFormats = new Map<number, Intl.NumberFormat>();
  const nf = (decimals: number) => {
    let f = numberFormats.get(decimals);
    if (!f) {
      f = new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
      numberFormats.set(decimals, f);
    }
    return f;
  };
  const percentFormats = new Map<number, Intl.NumberFormat>();
  const pf = (decimals: number) => {
    let f = percentFormats.get(decimals);
    if (!f) {
      f = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: decimals, maximumFractionDigits: decimals });
      percentFormats.set(decimals, f);
    }
    return f;
  };
  // Each date format is built when first used: building one costs milliseconds, and the
  // portfolio's first screen needs at most the short date (issue 12, first paint).
  const dateFormat = lazily(() =>
    language === 'da'
      ? new Intl.DateTimeFormat('da-DK', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' })
      : new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
  );
  const longDateFormat = lazily(() => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }));
  const timeFormat = lazily(() => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }));
  // A moment's day in the user's time zone (dateFormat's is the stored date's, in UTC).
  const localDayFormat = lazily(() =>
    language === 'da'
      ? new Intl.DateTimeFormat('da-DK', { day: '2-digit', month: '2-digit', year: 'numeric' })
      : new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }),
  );
  // An amount is stored in øre: show the øre when there are any, never round 5,50 to 6.
  const krDecimals = (value: number) => (Number.isInteger(roundMoney(value, 2)) ? 0 : 2);
  const isoDate = (iso: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
    return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  };
  return {
    language,
    number: (value, decimals = 0) =>
      value === null || value === undefined || !Number.isFinite(value) ? MISSING : minus(nf(decimals).format(roundHalfUp(value, decimals))),
    percent: (value, decimals = 0) =>
      value === null || value === undefined || !Number.isFinite(value) ? MISSING : minus(pf(decimals).format(roundHalfUp(value, decimals) / 100)),
    kr: (value) => {
      if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
      const text = minus(nf(krDecimals(value)).format(roundHalfUp(value, 2)));
      return language === 'da' ? `${text} kr.` : `DKK ${text}`;
    },
    amountInput: (value) =>
      value === null || value === undefined || !Number.isFinite(value) ? '' : minus(nf(krDecimals(value)).format(roundHalfUp(value, 2))),
    parseAmount: (text) => {
      if (language !== 'da') return parseEnglishAmount(text);
      // Exact to the øre; ambiguous ("1,250") and finer-than-øre text is refused, never rounded.
      const ore = parseTypedAmountOre(text);
      return ore === null ? null : ore / 100;
    },
    date: (iso) => {
      const d = iso ? isoDate(iso) : null;
      return d ? dateFormat().format(d) : MISSING;
    },
    longDate: (iso) => {
      const d = iso ? isoDate(iso) : null;
      return d ? longDateFormat().format(d) : MISSING;
    },
    dateTime: (iso) => {
      if (!iso) return MISSING;
      const d = new Date(iso);
      if (Number.isNaN(d.getTime())) return iso;
      return `${localDayFormat().format(d)} ${timeFormat().format(d)}`;
    },
    parseNumber: (text) => (language === 'da' ? parseDanishNumber(text) : parseEnglishNumber(text)),
    dateInput: (iso) => {
      const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
      if (!m) return '';
      return language === 'da' ? `${m[3]}.${m[2]}.${m[1]}` : `${m[3]}/${m[2]}/${m[1]}`;
    },
    parseDate: (text) => parseDate(text),
    datePlaceholder: language === 'da' ? 'dd.mm.åååå' : 'dd/mm/yyyy',
  };
}

/** "02.12.2022", "2/12/2022", "02-12-2022" or ISO "2022-12-02" -> ISO; '' -> null. Day first always. */
export function parseDate(text: string): string | null {
  const t = text.trim();
  if (t === '') return null;
  let y: number, mo: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const dmy = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(t);
  if (iso) [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dmy) [d, mo, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  else throw new Error(`not a date: ${text}`);
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) throw new Error(`not a date: ${text}`);
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** "19,037", "3.8", "-12", "1 000": comma groups thousands, dot marks decimals. */
export function parseEnglishNumber(text: string): number | null {
  const t = text
    .trim()
    .replace(/^(dkk|kr\.?)\s*/i, '')
    .replace(/\s*(%|dkk|kr\.?)$/i, '')
    .replace(/(\d)[ \u00A0\u202F](?=\d{3}(?!\d))/g, '$1');
  if (t === '' || t === '-' || t === '\u2013') return null;
  const m = /^([-+\u2212]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(t);
  if (!m) throw new NumberParseError(text, 'not a number (use digits, "." for decimals)');
  const value = Number(`${m[2].replace(/,/g, '')}${m[3] ? `.${m[3]}` : ''}`);
  return m[1] === '-' || m[1] === '\u2212' ? -value : value;
}

const ENGLISH_MULTIPLIERS: [RegExp, number][] = [
  [/\s*(bn|billion)\.?$/i, 1_000_000_000],
  [/\s*(m|mn|million|mio\.?)$/i, 1_000_000],
  [/\s*(k|thousand|t\.?kr\.?|tkr\.?)$/i, 1_000],
];

/** "20.0m", "DKK 1.5 million", "3,331k" -> kr, rounded to øre; a bare number as it is. */
export function parseEnglishAmount(text: string): number | null {
  let rest = text.trim().replace(/^(dkk|kr\.?)\s*/i, '').replace(/\s*(dkk|kr\.?)$/i, '');
  let factor = 1;
  for (const [pattern, f] of ENGLISH_MULTIPLIERS) {
    if (pattern.test(rest) && rest.replace(pattern, '') !== '') {
      rest = rest.replace(pattern, '');
      factor = f;
      break;
    }
  }
  const value = parseEnglishNumber(rest);
  if (value === null) return null;
  return roundMoney(value * factor, 2);
}

const formatters = new Map<Language, Formatter>();

/**
 * The one formatter of a language for the whole renderer. A formatter holds nothing but Intl
 * formats (and caches of them), which are costly to build: one per component that formats
 * (every date field, every table) cost tens of milliseconds on the portfolio's first screen.
 */
export function formatterFor(language: Language): Formatter {
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = createFormatter(language);
    formatters.set(language, formatter);
  }
  return formatter;
}

/** The formatter of the current UI language. */
export function useFormatter(): Formatter {
  const { i18n } = useTranslation();
  return formatterFor(i18n.language === 'en' ? 'en' : 'da');
}
