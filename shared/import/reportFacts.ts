import type { FactField } from './items';
import type { ReportMessageKey } from './reportMessages';
import type { NoteParams } from './notes';
import { NumberParseError, parseDanishAmountKr, parseDanishDate } from '../numbers/danish';
import { roundHalfUp, shiftDecimal } from '../methodology/rounding';

/**
 * What a report's fact box, notes and unit labels say, read the same way whether the text
 * recogniser finds them on a line ("Samlet budget: DKK 20,0 mio.") or the table recogniser in
 * a Word or PDF table (a label cell and a value cell).
 */

type Complain = (key: ReportMessageKey, params?: NoteParams) => void;

const FACT_LABELS: [RegExp, FactField][] = [
  [/^(?:Tilskudsmodtager|Bevillingsmodtager)$/i, 'grantRecipient'],
  [/^Projektholder$/i, 'projectHolder'],
  [/^Sagsbehandler$/i, 'caseOfficer'],
  [/^Finansieringskilde$/i, 'fundingSource'],
  [/^Indsatsområde$/i, 'priorityAxis'],
  [/^(?:Projektnavn|Projekttitel)$/i, 'name'],
];

/** A fact-box label as it may be written: "Samlet budget", "Samlet budget:", "Bevillings-periode". */
export function factLabel(raw: string): string {
  return raw.replace(/\u00AD/g, '').replace(/\s+/g, ' ').replace(/\s*:\s*$/, '').trim();
}

/** Whether a label is one the fact box can hold. */
export function isFactLabel(raw: string): boolean {
  const label = factLabel(raw);
  return FACT_LABELS.some(([p]) => p.test(label)) || /^Samlet budget$/i.test(label) || /^Bevillingsperiode$/i.test(label);
}

/**
 * The facts of one labelled value: one fact, two for a period, none (with a complaint) when the
 * value can't be read, null when the label is not a fact-box label.
 */
export function factsOf(rawLabel: string, rawValue: string, complain: Complain): { field: FactField; value: string | number | null }[] | null {
  const label = factLabel(rawLabel);
  const value = rawValue.replace(/\s+/g, ' ').trim();
  for (const [pattern, field] of FACT_LABELS) if (pattern.test(label)) return [{ field, value }];
  if (/^Samlet budget$/i.test(label)) {
    try {
      return [{ field: 'totalBudgetKr', value: parseDanishAmountKr(value.replace(/\.$/, '')) }];
    } catch (err) {
      if (!(err instanceof NumberParseError)) throw err;
      complain('factBudgetUnreadable', { reason: err.message });
      return [];
    }
  }
  if (/^Bevillingsperiode$/i.test(label)) {
    const m = /^(\d{1,2}\.\d{1,2}\.\d{4})\s*[–—-]\s*(\d{1,2}\.\d{1,2}\.\d{4})\.?$/.exec(value);
    if (!m) {
      complain('factPeriodUnreadable', { value });
      return [];
    }
    try {
      return [
        { field: 'periodStart', value: parseDanishDate(m[1]) },
        { field: 'periodEnd', value: parseDanishDate(m[2]) },
      ];
    } catch (err) {
      complain('factPeriodInvalid', { reason: err instanceof Error ? err.message : String(err) });
      return [];
    }
  }
  return null;
}

/** "Label: value" on one line, the way a fact box is written as text. */
export const LABELLED = /^([A-Za-zÆØÅæøå ]{4,30}?)\s*:\s*(.+)$/;

/** "Gennemsnitlig score (skala: 0-5) 3,8" -> 3.8; null when the text is not the score line. */
export function scoreAverageOf(text: string, complain: Complain): number | null {
  const m = /Gennemsnitlig\s+(?:implementerings)?score\b(.*)$/i.exec(text);
  if (!m) return null;
  const rest = m[1].replace(/\([^)]*\)/g, ' ').trim();
  const figure = /^[:\s]*(\d+(?:,\d+)?)(?![\d.,])/.exec(rest);
  if (!figure) return null;
  const value = Number(figure[1].replace(',', '.'));
  if (value < 1 || value > 5) complain('scoreOutOfScale', { value: figure[1] });
  return value;
}

const DATE = /\b(\d{1,2}\.\d{1,2}\.\d{4})\b/;

/** The date and reporter of a "Note: ... indrapporteret ... af bevillingsmodtager 02.12.2022." */
export function reportNoteOf(text: string, complain: Complain): { date: string | null; by: string } {
  const byMatch = /indrapporteret[^.]*?\baf\s+(bevillingsmodtager|tilskudsmodtager|projektholder|projektet)/i.exec(text);
  const by = byMatch ? byMatch[1][0].toUpperCase() + byMatch[1].slice(1).toLowerCase() : '';
  const d = DATE.exec(text);
  if (!d) return { date: null, by };
  try {
    return { date: parseDanishDate(d[1]), by };
  } catch (err) {
    complain('noteDateInvalid', { reason: err instanceof Error ? err.message : String(err) });
    return { date: null, by };
  }
}

/** The factor a unit label names: "(mio. DKK)" -> 1.000.000, "Beløb i 1000kr." -> 1.000. */
export function unitFactor(unit: string): number {
  if (/mia/i.test(unit)) return 1_000_000_000;
  if (/mio/i.test(unit)) return 1_000_000;
  if (/1\.?000|t\.?\s?kr|tkr/i.test(unit)) return 1_000;
  return 1;
}

/** A figure in a unit, as kr rounded to øre (decimal shift, so 436,8 x 1000 is 436800 exactly). */
export const toKr = (value: number, factor: number) => roundHalfUp(shiftDecimal(value, Math.round(Math.log10(factor))), 2);

/** "virksomhederne" -> "virksomheder": the respondent group of a survey table's header. */
export function singularGroup(word: string): string {
  const w = word.trim().toLowerCase();
  if (w.endsWith('erne')) return w.slice(0, -2);
  if (w.endsWith('ene')) return w.slice(0, -1);
  return w;
}

/** A survey table's header: "Andel af virksomhederne, der angiver at…" -> "virksomheder". */
export function surveyGroupOf(text: string): string | null {
  const header = /^Andel af ([^\s,]+),? der angiver at/i.exec(text.replace(/\s+/g, ' ').trim());
  return header ? singularGroup(header[1]) : null;
}

/** The note under a survey table: "... 5-punktsskala. (n=9)". */
export function surveyNoteOf(text: string): { scale: 3 | 5 | null; n: number | null } | null {
  if (!/^Kolonnen til højre/i.test(text.trim())) return null;
  const n = /\(n\s*=\s*(\d+)\)/i.exec(text);
  return { scale: /5-punkt/i.test(text) ? 5 : /3-punkt/i.test(text) ? 3 : null, n: n ? Number(n[1]) : null };
}

/** "9 ud af 9" at the end of a text: the statement before it and the counts. */
export function surveyRowOf(text: string): { statement: string; positive: number; n: number } | null {
  const m = /^(.*?)\s*(\d+) ud af (\d+)$/s.exec(text.replace(/\s+/g, ' ').trim());
  return m ? { statement: m[1], positive: Number(m[2]), n: Number(m[3]) } : null;
}
