import type { GoalLevel } from '../domain';
import { NumberParseError, parseDanishNumber, parseDanishPercent } from '../numbers/danish';
import type { FigureResult } from './text';

/**
 * The columns of a report's goal table (003's figures 3, 5 and 8) as their headers name them,
 * and the cells under them: shared by the text recogniser (a table's lines run together) and
 * the table recogniser (Word tables, PDF tables found from the x positions of their text).
 */

export type GoalColumn = 'targetIn' | 'targetAfter' | 'status' | 'percent';

/** How the messages name a column. */
export const GOAL_COLUMN_DA: Record<GoalColumn, string> = {
  targetIn: 'mål i perioden',
  targetAfter: 'mål efter perioden',
  status: 'status',
  percent: 'procent',
};

/** 003's layouts when no header can be read: A and B print target, status, percent; C also the target after. */
export const DEFAULT_GOAL_COLUMNS: Record<GoalLevel, GoalColumn[]> = {
  A: ['targetIn', 'status', 'percent'],
  B: ['targetIn', 'status', 'percent'],
  C: ['targetIn', 'targetAfter', 'status', 'percent'],
};

/** A header cell's text as one lower-case line: "Målsæt-\nning i\nprojekt-\nperioden" -> "målsætning i projektperioden". */
export function headerText(raw: string): string {
  const lines = raw.replace(/\u00AD/g, '').split(/\n/).map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
  let out = '';
  for (const l of lines) out = out === '' ? l : /\p{Ll}-$/u.test(out) && /^\p{Ll}/u.test(l) && !/^(og|eller)\b/.test(l) ? out.slice(0, -1) + l : `${out} ${l}`;
  return out.toLowerCase();
}

/** What one header cell is: a figure column, the code or the description column, or nothing known. */
export function goalHeaderRole(raw: string): GoalColumn | 'code' | 'label' | null {
  const h = headerText(raw);
  if (/^(mål)?kode$/.test(h)) return 'code';
  if (/^((aktivitets|output|effekt|resultat)mål|beskrivelse|indikator|mål(beskrivelse|tekst))/.test(h)) return 'label';
  if (/^(mål|målsætning|måltal)\s+efter(?!\p{L})/u.test(h)) return 'targetAfter';
  if (/^status(?!\p{L})/u.test(h)) return 'status';
  if (/målopnåelse|^procent/.test(h)) return 'percent';
  if (/^(mål|målsætning|måltal)(?!\p{L})/u.test(h)) return 'targetIn';
  return null;
}

const HEADER_WORDS = /(?<!\p{L})(?:(?:mål|målsætning|måltal)\s+efter(?!\p{L})|(målsætning|måltal|mål)(?!\p{L})|status(?!\p{L})|(?:målopnåelse|procent\p{L}*)(?!\p{L}))/giu;

/**
 * The figure columns a header names, left to right, when the header is text run together
 * ("Målsætning Status på evalueringstidspunktet Procentvis målopnåelse"). Each column once.
 */
export function goalHeaderColumns(text: string): GoalColumn[] {
  const out: GoalColumn[] = [];
  for (const m of headerText(text).matchAll(HEADER_WORDS)) {
    const word = m[0];
    const column: GoalColumn = /\sefter$/.test(word) ? 'targetAfter' : word === 'status' ? 'status' : m[1] ? 'targetIn' : 'percent';
    if (!out.includes(column)) out.push(column);
  }
  return out;
}

/** A header that can be read: a status and at least one target. */
export const usableGoalHeader = (columns: readonly string[]) => columns.includes('status') && (columns.includes('targetIn') || columns.includes('targetAfter'));

/** What a report writes where a figure was not reported: a dash, "n/a", "ikke opgjort", "*". */
export const NOT_REPORTED = /^(?:[-\u2010-\u2015\u2212]|n\/a|n\.a\.?|i\/a|ikke (?:opgjort|oplyst|rapporteret|relevant)|\*)$/i;

/** A printed percent as a table prints it: "86 %", "86%", "86 pct.". */
export const PERCENT_TOKEN = /^\d[\d.,]*\s?(?:%|pct\.?)$/i;

/** One cell of a goal table: blank or not reported -> null; otherwise the number, or why it can't be read. */
export function readGoalCell(text: string, column: GoalColumn): FigureResult {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t === '' || NOT_REPORTED.test(t)) return { ok: true, value: null };
  try {
    return { ok: true, value: column === 'percent' ? parseDanishPercent(t) : parseDanishNumber(t) };
  } catch (err) {
    if (err instanceof NumberParseError) return { ok: false, message: err.message };
    throw err;
  }
}

/** A totals row: "I alt", "Gennemsnit", "Total", "Samlet", "Sum". */
export const TOTALS_ROW = /^(?:i alt|gennemsnit|total|samlet|sum)(?!\p{L})/iu;

/** Characters a copy from the web or another program hides in a code: zero-width spaces and joiners, BOM. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/**
 * The goal code at the start of a text: "B1: Antal deltagere", "B1 Antal", "Ｂ１" (full width).
 * `normalised` says that invisible or full-width characters were read through.
 */
export function goalCodeAtStart(raw: string): { code: string; level: GoalLevel; digits: string; rest: string; normalised: boolean; raw: string } | null {
  const head = /^\s*(\S{1,12})/.exec(raw);
  if (!head) return null;
  const cleaned = head[1].replace(INVISIBLE, '').normalize('NFKC');
  const text = cleaned + raw.slice(head[0].length);
  const m = /^([ABC])\s?(\d+)(?:\s*[:.)]\s*|\s+|$)([\s\S]*)$/.exec(text.trimStart());
  if (!m) return null;
  return {
    code: `${m[1]}${Number(m[2])}`,
    level: m[1] as GoalLevel,
    digits: m[2],
    rest: m[3],
    normalised: cleaned !== head[1],
    raw: head[1],
  };
}
