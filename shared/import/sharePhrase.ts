import { roundHalfUp } from '../methodology/rounding';
import { shareFigure } from '../methodology/shares';
import { readFigure } from './text';

/**
 * A share as reports print it (seed 002 "30 ... 24% i selvforsørgelse (af alle boligplacerede)",
 * issue 14 "30 af 124 (24 %)"): numerator "af" / "ud af" denominator, optionally the printed
 * percent in parentheses. The percent is computed from the two counts; a printed one is only
 * compared with it (METHODOLOGY.md section 2's tolerance), never used.
 */
export interface SharePhrase {
  numerator: number;
  denominator: number;
  printedPercent: number | null;
  /** numerator / denominator x 100, rounded half up as displayed. */
  computedPercent: number;
  /** The printed percent differs from the computed one by more than the tolerance. */
  printedDiffers: boolean;
  /** Where the phrase starts in the text, and the text before it. */
  index: number;
  before: string;
}

export type SharePhraseResult = { ok: true; share: SharePhrase } | { ok: false; message: string } | null;

const NUMBER = String.raw`\d{1,3}(?:\.\d{3})+|\d+`;
const SHARE_AT_END = new RegExp(
  String.raw`(?:^|\s)(${NUMBER})\s+(?:ud\s+)?af\s+(${NUMBER})(?:\s*\(\s*(\d+(?:,\d+)?)\s*(?:%|pct\.?|procent)\s*\))?\s*$`,
  'i',
);

/**
 * The share phrase at the end of `text`, or null when there is none. An error (a denominator of
 * 0, a numerator above its denominator) is a message for the caller to give with its place.
 */
export function readSharePhrase(text: string, tolerancePoints = 1): SharePhraseResult {
  const m = SHARE_AT_END.exec(text.replace(/\s+/g, ' ').trim());
  if (!m) return null;
  const numerator = readFigure(m[1]);
  const denominator = readFigure(m[2]);
  if (!numerator.ok) return { ok: false, message: numerator.message };
  if (!denominator.ok) return { ok: false, message: denominator.message };
  const n = numerator.value!;
  const d = denominator.value!;
  if (d === 0) return { ok: false, message: `"${m[1]} af ${m[2]}": en andel af 0 kan ikke beregnes.` };
  if (n > d) return { ok: false, message: `"${m[1]} af ${m[2]}": tælleren er større end nævneren.` };
  const printed = m[3] === undefined ? null : Number(m[3].replace(',', '.'));
  const computed = shareFigure(n, d)!.percent;
  const index = m.index + (m[0].startsWith(' ') ? 1 : 0);
  return {
    ok: true,
    share: {
      numerator: n,
      denominator: d,
      printedPercent: printed,
      computedPercent: roundHalfUp(computed),
      printedDiffers: printed !== null && Math.abs(printed - roundHalfUp(computed)) > tolerancePoints,
      index,
      before: text.replace(/\s+/g, ' ').trim().slice(0, index).trim(),
    },
  };
}
