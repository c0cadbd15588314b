import type { ImportBasis, ImportIssue, ImportItem } from './items';
import { attainmentOf, goalItemOver, goalSpecIndex } from './attainment';
import { danish, msg, type FigureField, type Msg, type NoteParams } from './notes';

/**
 * Every figure an import would store, checked before anything is written (issue 10, point 5):
 * finite, within a sane range per field, at least a minimum where a percent is computed from it,
 * and not negative unless the goal is lower-is-better with a baseline. Pure: the preview puts
 * the problems on their items, `applyImport` refuses them before its transaction begins, and the
 * wizard re-checks a corrected value with the same function.
 *
 * These are limits of what can be a real figure, not methodology thresholds (those are in the
 * profile): a target of 5e-324 is finite but gives an infinite percent.
 */
export const FIGURE_LIMITS = {
  /** Targets, statuses and baselines: counts, amounts and rates a goal can have. */
  goalValue: 1e12,
  /** The smallest target (and baseline-target distance) a percent is computed from; 0 = "no target". */
  minTarget: 0.01,
  /** Amounts in kr (budget lines, financing, totals, spending). */
  amountKr: 1e12,
  /** A total budget a budget percent is computed from. */
  minBudgetTotalKr: 1,
  /** Months of a grant period. */
  months: 1200,
  /** A period length a time percent is computed from. */
  minMonthsTotal: 0.1,
  /** A percent printed in a report. */
  printedPercent: 100_000,
  /** Indirect costs as a percent of the direct ones. */
  percentOfDirect: 1000,
  /** Respondents to one survey statement. */
  surveyN: 10_000_000,
  /** Dates: years a grant, a report or an evaluation can have. */
  yearMin: 1900,
  yearMax: 2200,
} as const;

/** Issue messages that validateItems makes (the renderer replaces main's by its own live check). */
export const FIGURE_KEYS: ReadonlySet<string> = new Set([
  'figureNotNumber',
  'figureTooLarge',
  'figureNegative',
  'figureNegativeGoal',
  'figureTargetTooSmall',
  'figureBaselineTooClose',
  'figurePercentNotFinite',
  'figureMustBePositive',
  'figureNotInteger',
  'figureSurveyPositive',
  'figureScoreRange',
  'figureOverrideReason',
  'figureDate',
  'figurePeriod',
]);

export const isFigureIssue = (issue: ImportIssue): boolean => issue.msg !== undefined && FIGURE_KEYS.has(issue.msg.key);

export function isRealDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return (
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d &&
    y >= FIGURE_LIMITS.yearMin &&
    y <= FIGURE_LIMITS.yearMax
  );
}

interface NumberRule {
  max: number;
  /** Inclusive minimum where a percent is computed from the figure. */
  min?: number;
  negativeOk?: boolean;
  integer?: boolean;
  /** The goal code, for the messages of goal figures. */
  code?: string;
}

/** The problems of the figures of `items`, each an error on its item with its place. */
export function validateItems(items: readonly ImportItem[], basis: ImportBasis): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const specAfter = goalSpecIndex(items, basis);
  const storedSpec = goalSpecIndex([], basis);
  for (const item of items) {
    const problems: Msg[] = [];
    const add = (key: Parameters<typeof msg>[0], params: NoteParams) => problems.push(msg(key, params));
    const number = (field: FigureField, value: number | null | undefined, rule: NumberRule): boolean => {
      if (value === null || value === undefined) return true;
      if (typeof value !== 'number' || !Number.isFinite(value)) return add('figureNotNumber', { field }), false;
      if (value < 0 && !rule.negativeOk) return add(rule.code ? 'figureNegativeGoal' : 'figureNegative', { field, value, code: rule.code ?? null }), false;
      if (Math.abs(value) > rule.max) return add('figureTooLarge', { field, value, max: rule.max }), false;
      if (rule.min !== undefined && value < rule.min) return add('figureMustBePositive', { field, value, min: rule.min }), false;
      if (rule.integer && !Number.isInteger(value)) return add('figureNotInteger', { field, value }), false;
      return true;
    };
    const date = (field: FigureField, value: string | null | undefined) => {
      if (value && !isRealDate(value)) add('figureDate', { field, text: value });
    };
    const amount = (field: FigureField, value: number | null, min?: number) => number(field, value, { max: FIGURE_LIMITS.amountKr, min });

    switch (item.type) {
      case 'goal': {
        const spec = goalItemOver(item, storedSpec(item.code));
        const lowerOk = spec.direction === 'lower' && spec.baseline !== null;
        const rule = { max: FIGURE_LIMITS.goalValue, negativeOk: lowerOk, code: item.code };
        const targetOk = number('target', item.targetInPeriod, rule);
        number('targetAfter', item.targetAfterPeriod, rule);
        number('baseline', item.baseline, rule);
        const t = item.targetInPeriod;
        if (targetOk && t !== null && spec.direction === 'higher' && t !== 0 && Math.abs(t) < FIGURE_LIMITS.minTarget)
          add('figureTargetTooSmall', { code: item.code, value: t, min: FIGURE_LIMITS.minTarget });
        if (targetOk && t !== null && spec.direction === 'lower' && spec.baseline !== null && spec.baseline !== t && Math.abs(spec.baseline - t) < FIGURE_LIMITS.minTarget)
          add('figureBaselineTooClose', { code: item.code, value: t, baseline: spec.baseline, min: FIGURE_LIMITS.minTarget });
        break;
      }
      case 'status': {
        const spec = specAfter(item.code);
        const lowerOk = spec?.direction === 'lower' && spec.baseline !== null;
        const valueOk = number('status', item.value, { max: FIGURE_LIMITS.goalValue, negativeOk: lowerOk, code: item.code });
        number('printedPercent', item.printedPercent, { max: FIGURE_LIMITS.printedPercent, negativeOk: true });
        date('date', item.reportedAt);
        if (valueOk && spec) {
          const percent = attainmentOf(spec, item.value, basis);
          if (percent !== null && !Number.isFinite(percent)) add('figurePercentNotFinite', { code: item.code, value: item.value, target: spec.targetInPeriod });
        }
        break;
      }
      case 'progress':
        amount('budgetSpent', item.budgetSpentKr);
        amount('budgetTotal', item.budgetTotalKr, FIGURE_LIMITS.minBudgetTotalKr);
        number('monthsElapsed', item.monthsElapsed, { max: FIGURE_LIMITS.months });
        number('monthsTotal', item.monthsTotal, { max: FIGURE_LIMITS.months, min: FIGURE_LIMITS.minMonthsTotal });
        date('date', item.reportedAt);
        break;
      case 'fact':
        if (item.field === 'totalBudgetKr' && typeof item.value === 'number') amount('totalBudget', item.value, FIGURE_LIMITS.minBudgetTotalKr);
        if ((item.field === 'periodStart' || item.field === 'periodEnd') && typeof item.value === 'string') {
          date(item.field, item.value);
          const other = item.field === 'periodStart' ? 'periodEnd' : 'periodStart';
          const found = items.find((i) => i.type === 'fact' && i.field === other && typeof i.value === 'string');
          const otherValue = found && found.type === 'fact' ? (found.value as string) : basis.period[other === 'periodStart' ? 'start' : 'end'];
          const [start, end] = item.field === 'periodStart' ? [item.value, otherValue] : [otherValue, item.value];
          // Said once, on the end date.
          const onThis = item.field === 'periodEnd' || !found;
          if (onThis && start && end && isRealDate(start) && isRealDate(end) && end < start) add('figurePeriod', { dateStart: start, dateEnd: end });
        }
        break;
      case 'budgetLine':
        amount('amount', item.amountKr);
        number('percentOfDirect', item.percentOfDirect, { max: FIGURE_LIMITS.percentOfDirect });
        break;
      case 'financing':
        amount('amount', item.amountKr);
        break;
      case 'survey':
        number('surveyN', item.n, { max: FIGURE_LIMITS.surveyN, min: 1, integer: true });
        if (number('surveyPositive', item.positive, { max: FIGURE_LIMITS.surveyN, integer: true }) && item.positive > item.n)
          add('figureSurveyPositive', { positive: item.positive, n: item.n });
        break;
      case 'score': {
        const { min, max } = basis.profile.scoreRange;
        if (item.score !== null && (!Number.isInteger(item.score) || item.score < min || item.score > max))
          add('figureScoreRange', { parameter: item.parameter, value: Number.isFinite(item.score) ? item.score : null, min, max });
        break;
      }
      case 'light':
        if (item.override && !item.reason.trim()) add('figureOverrideReason', { kind: item.kind });
        break;
      case 'evaluation':
        date('evaluationDate', item.date);
        break;
      case 'scoreAverage':
      case 'learning':
      case 'effectChain':
        break;
    }
    for (const m of problems)
      issues.push({ severity: 'error', file: item.source.file, location: item.source.location, message: danish([m]), itemId: item.id, msg: m });
  }
  return issues;
}
