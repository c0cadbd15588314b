import { roundHalfUp, shiftDecimal } from '../methodology/rounding';

/**
 * Numbers as Danish documents write them (METHODOLOGY.md section 8): "19.037", "3,8",
 * "1 383,1", "7.019.053 kr.", "20,0 mio.". A figure that can't be read unambiguously is an
 * error, never a guess; a figure whose digits were lost (",00 kr.") is missing, never 0.
 */

export { parseDanishDate, formatDanishDate, danishDateOf, DateParseError } from './danishDate';

/**
 * Why a text is not a number, keyed so that a message can be shown in another language
 * (shared/import/readerNotes.ts holds the English); the Danish reason is the error's `reason`.
 */
export const NUMBER_REASONS_DA = {
  signSpace: 'mellemrum mellem fortegn og tal',
  twoCommas: 'mere end ét decimalkomma',
  noDecimals: 'ingen cifre efter decimalkommaet',
  badDecimals: 'decimalerne efter kommaet er ikke kun cifre',
  badCharacters: 'indeholder tegn, der ikke er en del af et tal',
  englishDecimal: 'punktum efter 0 ligner et engelsk decimaltegn',
  badDotGrouping: 'punktum skal efterfølges af præcis tre cifre (tusindtalsseparator); decimaltegnet er komma',
  noDigits: 'ingen cifre',
  badSpaceGrouping: 'mellemrum skal adskille grupper på præcis tre cifre',
  tooLarge: 'tallet er for stort',
  amountPercent: 'et beløb kan ikke være en procentsats',
  twoUnits: 'mere end én enhed (mio., t.kr. ...)',
  ambiguousComma: 'tvetydigt: et komma før tre cifre kan være et dansk decimalkomma eller en engelsk tusindtalsseparator; skriv fx "1.250 kr." eller "1,25 kr."',
  finerThanOre: 'finere end øre (højst to decimaler i kr.)',
} as const;
export type NumberReason = keyof typeof NUMBER_REASONS_DA;

const isNumberReason = (reason: string): reason is NumberReason => Object.hasOwn(NUMBER_REASONS_DA, reason);

export class NumberParseError extends Error {
  readonly text: string;
  /** Danish, or the caller's own text. */
  readonly reason: string;
  /** The reason keyed; undefined where a caller gave its own text. */
  readonly code: NumberReason | undefined;

  constructor(text: string, reason: NumberReason | (string & {})) {
    const code = isNumberReason(reason) ? reason : undefined;
    const shown = code ? NUMBER_REASONS_DA[code] : reason;
    super(`Kan ikke læse tallet "${text}": ${shown}`);
    this.name = 'NumberParseError';
    this.text = text;
    this.reason = shown;
    this.code = code;
  }
}

/** Space, no-break space, narrow no-break space and thin space all group thousands in print. */
const GROUP_SPACE = '[ \\u00A0\\u202F\\u2009]';
const MINUS = /^[-\u2212]/;
/** Our own formatters write a lone dash for "no value"; reading it back must not invent a 0. */
const MISSING_DASHES = new Set(['-', '\u2013', '\u2014', '\u2212']);

const PLAIN_INTEGER = /^\d+$/;
const DOT_GROUPED = /^\d{1,3}(\.\d{3})+$/;
const SPACE_GROUPED = new RegExp(`^\\d{1,3}(${GROUP_SPACE}\\d{3})+$`);

/**
 * Reads the bare figure once units are gone: sign, integer part with optional grouping,
 * optional decimal comma. `original` is only used in error messages.
 */
function parseFigure(original: string, body: string): number | null {
  let rest = body.trim();
  if (rest === '' || MISSING_DASHES.has(rest)) return null;

  let negative = false;
  if (MINUS.test(rest)) {
    negative = true;
    rest = rest.slice(1);
  } else if (rest.startsWith('+')) {
    rest = rest.slice(1);
  }

  if (/^\s/.test(rest)) throw new NumberParseError(original, 'signSpace');

  // ",00 kr." is what is left when a PDF extraction drops the digits before the comma.
  if (/^,\d*$/.test(rest)) return null;

  const commaParts = rest.split(',');
  if (commaParts.length > 2) {
    throw new NumberParseError(original, 'twoCommas');
  }
  const [integerPart, decimalPart] = commaParts;

  if (decimalPart !== undefined && !/^\d+$/.test(decimalPart)) {
    throw new NumberParseError(
      original,
      decimalPart === '' ? 'noDecimals' : 'badDecimals',
    );
  }

  let digits: string;
  if (/[^\d. \u00A0\u202F\u2009]/.test(integerPart)) {
    throw new NumberParseError(original, 'badCharacters');
  } else if (PLAIN_INTEGER.test(integerPart)) {
    digits = integerPart;
  } else if (DOT_GROUPED.test(integerPart)) {
    // "0.123" is an English decimal, not a thousand-grouped zero.
    if (/^0+\./.test(integerPart)) {
      throw new NumberParseError(original, 'englishDecimal');
    }
    digits = integerPart.replace(/\./g, '');
  } else if (SPACE_GROUPED.test(integerPart)) {
    digits = integerPart.replace(new RegExp(GROUP_SPACE, 'g'), '');
  } else if (integerPart.includes('.')) {
    throw new NumberParseError(
      original,
      'badDotGrouping',
    );
  } else if (integerPart === '') {
    throw new NumberParseError(original, 'noDigits');
  } else {
    throw new NumberParseError(original, 'badSpaceGrouping');
  }

  const value = Number(decimalPart === undefined ? digits : `${digits}.${decimalPart}`);
  if (!Number.isFinite(value)) throw new NumberParseError(original, 'tooLarge');
  return negative && value !== 0 ? -value : value;
}

/** Strips one unit token at either end, repeatedly, case-insensitively. */
function stripUnits(text: string, units: RegExp[]): string {
  let rest = text.trim();
  for (let changed = true; changed; ) {
    changed = false;
    for (const unit of units) {
      const stripped = rest.replace(unit, '').trim();
      if (stripped !== rest) {
        rest = stripped;
        changed = true;
      }
    }
  }
  return rest;
}

const CURRENCY_UNITS = [/^dkk(?=[\s\d\-\u2212+,]|$)/i, /^kr\.?(?=[\s\d\-\u2212+,]|$)/i, /(?<=[\s\d]|^)dkk$/i, /(?<=[\s\d]|^)kr\.?$/i];
const PERCENT_UNITS = [/(?<=[\s\d]|^)(%|pct\.?|procent)$/i];

/**
 * Any number, with units "kr.", "kr", "DKK" and "%" stripped. Blank -> null (missing).
 * Throws NumberParseError when the text is not unambiguously a number.
 */
export function parseDanishNumber(text: string): number | null {
  const body = stripUnits(text, [...CURRENCY_UNITS, ...PERCENT_UNITS]);
  return parseFigure(text, body);
}

/** A percent as printed: "86 %", "86%", "86 pct.". Returns the 0-100 scale figure. */
export function parseDanishPercent(text: string): number | null {
  return parseFigure(text, stripUnits(text, PERCENT_UNITS));
}

const MULTIPLIERS: { pattern: RegExp; factor: number }[] = [
  // "(1000 kr)" / "i 1.000 kr." needs a space before it: "21000 kr" is an amount, not 2 x 1000.
  { pattern: /(?<=\s)\(?(i\s+)?1\.?000\s*kr\.?\)?$/i, factor: 1_000 },
  { pattern: /(?<=[\s\d]|^)\(?(i\s+)?(t\.\s?kr\.?|tkr\.?)\)?$/i, factor: 1_000 },
  { pattern: /(?<=[\s\d]|^)mio\.?$/i, factor: 1_000_000 },
  { pattern: /(?<=[\s\d]|^)mia\.?$/i, factor: 1_000_000_000 },
];

/** Peels multipliers and currency words off an amount: "DKK 20,0 mio." -> { factor 1e6, rest "20,0" }. */
function peelAmount(text: string): { factor: number; rest: string } {
  if (text.includes('%')) throw new NumberParseError(text, 'amountPercent');
  let rest = text.trim();
  let factor = 1;
  // Multipliers and currency words come in any order ("20,0 mio. kr.", "DKK 20,0 mio."), so
  // peel one token at a time until nothing changes.
  for (let changed = true; changed; ) {
    changed = false;
    for (const multiplier of MULTIPLIERS) {
      const stripped = rest.replace(multiplier.pattern, '').trim();
      if (stripped === rest || stripped === '') continue;
      if (factor !== 1) throw new NumberParseError(text, 'twoUnits');
      factor = multiplier.factor;
      rest = stripped;
      changed = true;
    }
    const stripped = stripUnits(rest, CURRENCY_UNITS);
    if (stripped !== rest) {
      rest = stripped;
      changed = true;
    }
  }
  return { factor, rest };
}

/**
 * An amount in kr, with "mio." (x 1.000.000), "mia." (x 1.000.000.000) and "t.kr." / "1000 kr"
 * (x 1.000) understood, rounded to øre: "DKK 20,0 mio." -> 20000000. For figures read from
 * documents; what a user types goes through the stricter parseTypedAmountOre.
 */
export function parseDanishAmountKr(text: string): number | null {
  const { factor, rest } = peelAmount(text);
  const value = parseFigure(text, rest);
  if (value === null) return null;
  return roundHalfUp(factor === 1 ? value : shiftDecimal(value, Math.log10(factor)), 2);
}

/**
 * An amount as a user types it, in whole øre, read exactly (digit by digit, no binary
 * arithmetic): "20,0 mio." -> 2000000000, "1.250 t.kr." -> 125000000, "20.000.000 kr.".
 * Refuses, rather than guesses, what a document reader would round:
 * - "1,250" (or "1,250 kr.") without a multiplier: a Danish decimal or an English thousands
 *   separator, so ambiguous;
 * - anything finer than øre ("5,555 t.kr." is fine, "1,234 kr." is not, "0,001 kr." neither);
 * - an amount beyond what a double holds in øre exactly.
 * Blank -> null.
 */
export function parseTypedAmountOre(text: string): number | null {
  const { factor, rest } = peelAmount(text);
  // Validates the form (grouping, commas, sign) with the document reader's own rules.
  if (parseFigure(text, rest) === null) {
    if (/^[-\u2212+]?,/.test(rest.trim())) throw new NumberParseError(text, 'noDigits');
    return null;
  }
  let body = rest.trim();
  const negative = MINUS.test(body);
  if (negative || body.startsWith('+')) body = body.slice(1);
  const [integerPart, decimalPart = ''] = body.split(',');
  if (factor === 1 && /^\d{3}$/.test(decimalPart) && /^[1-9]\d{0,2}$/.test(integerPart)) {
    throw new NumberParseError(text, 'ambiguousComma');
  }
  const places = Math.round(Math.log10(factor)) + 2; // from the typed unit to øre
  // parseFigure let through only digits, grouping dots and grouping spaces.
  const integerDigits = integerPart.replace(/\D/g, '');
  const extra = decimalPart.slice(places);
  if (/[1-9]/.test(extra)) throw new NumberParseError(text, 'finerThanOre');
  const ore = BigInt(integerDigits + decimalPart.slice(0, places).padEnd(places, '0'));
  if (ore > BigInt(Number.MAX_SAFE_INTEGER)) throw new NumberParseError(text, 'tooLarge');
  const value = Number(ore);
  return negative && value !== 0 ? -value : value;
}

/** The units an amount can be written in: kr., 1000 kr. (t.kr.) or mio. kr. */
export type AmountUnit = 'kr' | 'tkr' | 'mio';
const UNIT_PLACES: Record<AmountUnit, number> = { kr: 2, tkr: 5, mio: 8 };
const UNIT_SUFFIX: Record<AmountUnit, string> = { kr: 'kr.', tkr: 't.kr.', mio: 'mio. kr.' };

/**
 * An amount in øre written exactly in a unit, the decimals it needs and no more:
 * 2000000000 øre -> "20.000.000 kr.", "20.000 t.kr.", "20 mio. kr."; 550 -> "5,50 kr."
 * (øre always two digits in kr.), "0,0055 t.kr.". Exact for every safe integer of øre.
 */
export function formatAmountOreIn(ore: number, unit: AmountUnit): string {
  if (!Number.isSafeInteger(ore)) return MISSING_TEXT;
  const places = UNIT_PLACES[unit];
  const digits = BigInt(Math.abs(ore)).toString().padStart(places + 1, '0');
  const integerDigits = digits.slice(0, -places);
  let decimals = digits.slice(-places);
  decimals = unit === 'kr' ? (/^0+$/.test(decimals) ? '' : decimals) : decimals.replace(/0+$/, '');
  const sign = ore < 0 ? '\u2212' : '';
  return `${sign}${groupThousands(integerDigits)}${decimals ? `,${decimals}` : ''} ${UNIT_SUFFIX[unit]}`;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** The decimals a number has, at most `max`: 19037 -> 0, 19500000.5 -> 1, 0.123456 -> max. */
export function shownDecimals(value: number, max = 2): number {
  return Math.min(max, (String(value).split('.')[1] ?? '').length);
}

/**
 * "19.037", "3,8", "-1.234,50": dot groups thousands, comma marks decimals, half-up rounding.
 * Total: imports refuse non-finite figures before anything is stored, but a formatter runs in
 * output paths (after a commit, in a workbook, on screen), where throwing would report a saved
 * import as failed; a value that is not a number is shown as missing ("–"), as the renderer does.
 */
export function formatDanishNumber(value: number, decimals = 0): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return MISSING_TEXT;
  const rounded = roundHalfUp(value, decimals);
  const scaled = Math.round(shiftDecimal(Math.abs(rounded), decimals));
  const allDigits = BigInt(scaled).toString().padStart(decimals + 1, '0');
  const integerDigits = decimals > 0 ? allDigits.slice(0, -decimals) : allDigits;
  const decimalDigits = decimals > 0 ? allDigits.slice(-decimals) : '';
  // The real minus sign (U+2212), as Danish typography writes it; the readers accept both.
  const sign = rounded < 0 && scaled !== 0 ? '\u2212' : '';
  return `${sign}${groupThousands(integerDigits)}${decimalDigits ? `,${decimalDigits}` : ''}`;
}

/** Shown for a figure that is missing, in every formatter. */
export const MISSING_TEXT = '\u2013';

/** "86 %"; null (not computable) -> "–". */
export function formatDanishPercent(value: number | null, decimals = 0): string {
  return value === null || !Number.isFinite(value) ? MISSING_TEXT : `${formatDanishNumber(value, decimals)} %`;
}

/** "7.019.053 kr."; null -> "–". */
export function formatDanishKr(value: number | null, decimals = 0): string {
  return value === null || !Number.isFinite(value) ? MISSING_TEXT : `${formatDanishNumber(value, decimals)} kr.`;
}
