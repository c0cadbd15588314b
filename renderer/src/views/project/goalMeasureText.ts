import type { TFunction } from 'i18next';
import type { Goal, StatusReport } from '../../../../shared/domain';
import { comparisonDifference } from '../../../../shared/methodology/comparison';
import { shareFigure } from '../../../../shared/methodology/shares';
import type { Formatter } from '../../format';

/**
 * The words a share status and an effect goal's comparison are shown in ("30 af 124 (24 %)",
 * "68 % mod 31 % (+37 procentpoint), kilde: Danmarks Statistik 2018"). The figures come from the
 * engine (shares.ts, comparison.ts); only the wording lives here.
 */

/** "30 af 124 (24 %)"; null when the status has no denominator (no share can be shown). */
export function shareText(t: TFunction, fmt: Formatter, numerator: number | null, denominator: number | null | undefined): string | null {
  const figure = shareFigure(numerator, denominator);
  if (!figure) return null;
  return t('measures.share', { numerator: fmt.number(figure.numerator), denominator: fmt.number(figure.denominator), percent: fmt.percent(figure.displayPercent) });
}

/**
 * The comparison sentence of an effect goal; `reached` is the share's percent or the status's
 * value (null = not yet reported, then only the comparison figure and its source are named).
 */
export function comparisonText(t: TFunction, fmt: Formatter, goal: Goal, reached: number | null): string | null {
  if (goal.comparisonValue === null || goal.comparisonValue === undefined) return null;
  const percentUnit = goal.measure === 'share' || /^\s*(%|pct\.?|procent)\s*$/i.test(goal.unit ?? '');
  const show = (v: number) => (percentUnit ? fmt.percent(v) : `${fmt.number(v, Number.isInteger(v) ? 0 : 1)}${goal.unit ? ` ${goal.unit}` : ''}`);
  const source = [goal.comparisonSource ?? '', goal.comparisonYear ? String(goal.comparisonYear) : ''].filter(Boolean).join(' ');
  const difference = comparisonDifference(reached, goal.comparisonValue);
  const rounded = difference === null ? null : Math.round(difference);
  const signed = rounded === null ? '' : `${rounded > 0 ? '+' : rounded < 0 ? '\u2212' : '±'}${fmt.number(Math.abs(rounded))}`;
  const key = reached === null ? 'measures.comparisonOnly' : percentUnit ? 'measures.comparisonPoints' : 'measures.comparisonUnits';
  return t(key, { reached: reached === null ? '' : show(reached), comparison: show(goal.comparisonValue), difference: signed, unit: goal.unit ?? '', source, label: goal.comparisonLabel ?? '' });
}

/** The figure a comparison is made with: a share's percent, or the status's value (null = not reported). */
export function comparisonReached(goal: Goal, status: Pick<StatusReport, 'value' | 'denominator'> | null): number | null {
  const value = status?.value ?? null;
  return goal.measure === 'share' ? (shareFigure(value, status?.denominator)?.percent ?? null) : value;
}
