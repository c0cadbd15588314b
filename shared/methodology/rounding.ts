/**
 * Half-up rounding as the reports do it by hand (85.55 -> 86, 2.55 -> 2.6, 23/6 -> 3.8).
 * Halves round away from zero, like a spreadsheet's ROUND, so -2.5 -> -3.
 */

/** Beyond this, a double has no reliable fraction left to round. */
const MAX_EXACT_FRACTION = 1e15;

/**
 * Moves the decimal point through the number's shortest string form instead of multiplying:
 * 2.55 * 10 is 25.499999999999996 in binary, but "2.55e1" is exactly 25.5.
 */
export function shiftDecimal(value: number, places: number): number {
  const [mantissa, exponent = '0'] = String(value).split('e');
  return Number(`${mantissa}e${Number(exponent) + places}`);
}

export function roundHalfUp(value: number, decimals = 0): number {
  if (!Number.isFinite(value) || value === 0) return value === 0 ? 0 : value;
  const sign = value < 0 ? -1 : 1;
  const shifted = shiftDecimal(Math.abs(value), decimals);
  if (Number.isInteger(shifted)) return value;
  // Arithmetic like (85.5 + 96.7 + 100) / 3 leaves noise in the 16th-17th significant digit
  // (x.4999999999999999 for a true x.5); 15 digits is what a double guarantees, so cutting there
  // restores the decimal the computation meant before deciding the half.
  const cleaned = shifted < MAX_EXACT_FRACTION ? Number(shifted.toPrecision(15)) : shifted;
  const rounded = sign * shiftDecimal(Math.round(cleaned), -decimals);
  return rounded === 0 ? 0 : rounded;
}
