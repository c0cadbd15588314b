import { NumberParseError, parseDanishNumber } from '../numbers/danish';

/**
 * Small text helpers of the recognisers: lines with their place, wrapped lines joined back
 * (hyphenation undone), Danish number words.
 */

/** One line of extracted text and where it is ("side 3, linje 12", "linje 12", "afsnit 40"). */
export interface TextLine {
  text: string;
  location: string;
  /**
   * The line's pieces where the reader sees them apart (a PDF's text runs separated by wide
   * gaps, left to right, with their x extent in points): the cells of a table row.
   */
  cells?: TextCell[];
}

export interface TextCell {
  text: string;
  x0: number;
  x1: number;
  /** The cell's own place where it has one ("tabel 1, række 2, celle 2"); else the line's. */
  location?: string;
}

/** Lines of a plain text: "linje N" counts every line of the file (1-based). */
export function linesOfText(text: string): TextLine[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((t, i) => ({ text: t, location: `linje ${i + 1}` }));
}

const LOWER_START = /^[a-zæøåäöüé]/;
/** "arbejds- / og fritidsliv": a hyphen before a conjunction shortens a compound, it does not split a word. */
const CONJUNCTION_START = /^(og|eller|samt|til|som)\b/;

/**
 * Joins lines that a PDF wrapped: "re-" + "daktionsgruppe" -> "redaktionsgruppe", but
 * "branding- og" and "HR-" + "specialister" keep their hyphen (a word continues only when the
 * next line starts in lower case and the hyphen follows a lower-case letter).
 */
export function joinWrapped(parts: string[]): string {
  let out = '';
  for (const raw of parts) {
    const part = raw.replace(/\s+/g, ' ').trim();
    if (!part) continue;
    if (out === '') out = part;
    else if (/[a-zæøå]-$/.test(out) && LOWER_START.test(part) && !CONJUNCTION_START.test(part)) out = out.slice(0, -1) + part;
    else if (/[A-ZÆØÅ]-$/.test(out) && LOWER_START.test(part) && !CONJUNCTION_START.test(part)) out += part; // "HR-specialister"
    else out = `${out} ${part}`;
  }
  return out.trim();
}

const UNITS: Record<string, number> = {
  nul: 0,
  en: 1,
  et: 1,
  én: 1,
  ét: 1,
  to: 2,
  tre: 3,
  fire: 4,
  fem: 5,
  seks: 6,
  syv: 7,
  otte: 8,
  ni: 9,
  ti: 10,
  elleve: 11,
  tolv: 12,
  tretten: 13,
  fjorten: 14,
  femten: 15,
  seksten: 16,
  sytten: 17,
  atten: 18,
  nitten: 19,
};
const TENS: Record<string, number> = {
  tyve: 20,
  tredive: 30,
  fyrre: 40,
  fyrretyve: 40,
  halvtreds: 50,
  tres: 60,
  halvfjerds: 70,
  firs: 80,
  halvfems: 90,
};

/**
 * A Danish number word as a count: "tre" -> 3, "fireogtyve" -> 24, "hundrede" -> 100,
 * "to hundrede" is not a single word and is not read. Returns null for anything else.
 */
export function danishNumberWord(word: string): number | null {
  const w = word.toLowerCase().trim();
  if (w in UNITS) return UNITS[w];
  if (w in TENS) return TENS[w];
  if (w === 'hundrede' || w === 'hundred' || w === 'ethundrede') return 100;
  if (w === 'tusind' || w === 'ettusind') return 1000;
  const compound = /^(en|to|tre|fire|fem|seks|syv|otte|ni)og(tyve|tredive|fyrre|fyrretyve|halvtreds|tres|halvfjerds|firs|halvfems)$/.exec(w);
  if (compound) return UNITS[compound[1]] + TENS[compound[2]];
  return null;
}

/** Spells a count 0-99 the way danishNumberWord reads it (for round-trip tests). */
export function spellDanishNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) throw new RangeError(`${n} kan ikke staves`);
  const units = ['nul', 'en', 'to', 'tre', 'fire', 'fem', 'seks', 'syv', 'otte', 'ni', 'ti', 'elleve', 'tolv', 'tretten', 'fjorten', 'femten', 'seksten', 'sytten', 'atten', 'nitten'];
  const tens = ['', '', 'tyve', 'tredive', 'fyrre', 'halvtreds', 'tres', 'halvfjerds', 'firs', 'halvfems'];
  if (n < 20) return units[n];
  const t = Math.floor(n / 10);
  const u = n % 10;
  return u === 0 ? tens[t] : `${units[u]}og${tens[t]}`;
}

/** The result of reading one figure at a place: a number, missing (null) or an error message. */
export type FigureResult = { ok: true; value: number | null } | { ok: false; message: string };

/** parseDanishNumber as data: its own error becomes a message, anything else is rethrown. */
export function readFigure(text: string): FigureResult {
  try {
    return { ok: true, value: parseDanishNumber(text) };
  } catch (err) {
    if (err instanceof NumberParseError) return { ok: false, message: err.message };
    throw err;
  }
}

/** A token that is a figure as a table cell prints it: "19.037", "3,8", "2406,684", "–". */
export const FIGURE_TOKEN = /^(?:[-\u2212]?\d[\d.,]*|[-\u2013\u2014])$/;
