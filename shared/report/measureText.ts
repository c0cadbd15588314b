import type { BusinessCase } from '../domain';
import {
  BUSINESS_CASE_FORMULAS,
  BUSINESS_CASE_INPUTS,
  BUSINESS_CASE_INPUT_LABELS,
  type BusinessCaseInput,
  type BusinessCaseResult,
  type BusinessCaseResultKey,
} from '../methodology/businessCase';
import type { GoalComparisonFigures, ShareGoalFigures } from '../methodology/measures';
import { formatDanishKr, formatDanishNumber, formatDanishPercent, shownDecimals } from '../numbers/danish';
import type { ReportLang } from './model';

/**
 * How the written report and the evaluation workbook state a project's shares, comparisons and
 * business case (issue 14), Danish and English, in one place. Every figure is the engine's
 * (shared/methodology/measures.ts, businessCase.ts); only the words live here. The app's screens
 * say the same with i18n (renderer/src/views/project/goalMeasureText.ts, section "measures").
 */

/** A project's shares, comparisons and business case at one date, as the engine computes them. */
export interface MeasureFigures {
  shares: ShareGoalFigures[];
  comparisons: GoalComparisonFigures[];
  businessCase: { businessCase: BusinessCase; result: BusinessCaseResult } | null;
}

export const BUSINESS_CASE_RESULT_KEYS: BusinessCaseResultKey[] = ['savingPerCitizenKr', 'totalSavingKr', 'paybackYears'];
export const BUSINESS_CASE_INPUT_KEYS: BusinessCaseInput[] = ['costPerParticipantKr', 'savingPerCitizenYearKr', 'citizens', 'years'];

/** Where each input's source is kept on a business case. */
export const BUSINESS_CASE_SOURCE_FIELD: Record<BusinessCaseInput, 'costSource' | 'savingSource' | 'citizensSource' | 'yearsSource'> = {
  costPerParticipantKr: 'costSource',
  savingPerCitizenYearKr: 'savingSource',
  citizens: 'citizensSource',
  years: 'yearsSource',
};

const da = {
  sheetTitle: 'Andele, sammenligninger og business case',
  heading: 'Andele, sammenligninger og business case',
  intro:
    'Andele vises med tæller og nævner og beregnes som tæller / nævner × 100. En sammenligning med en baseline eller en sammenligningsgruppe vises som forskellen i procentpoint (eller i målets enhed), med kilde og år.',
  sharesHeading: 'Andele (tæller af nævner)',
  sharesCaption: 'Mål, der er andele',
  noShares: 'Ingen af projektets mål er andele.',
  sharesNote: 'Andel = tæller / nævner × 100. Andele lægges sammen som summen af tællere / summen af nævnere, aldrig som et gennemsnit af procenter.',
  comparisonsHeading: 'Sammenligning med baseline eller sammenligningsgruppe',
  comparisonsCaption: 'Effektmål sammenlignet med en baseline eller en sammenligningsgruppe',
  noComparisons: 'Ingen af projektets mål har en sammenligning.',
  comparisonsNote: 'Forskel = opnået minus sammenligningstal; for procenter i procentpoint, aldrig som en relativ ændring.',
  businessCaseHeading: 'Business case',
  businessCaseInputsCaption: 'Business case: input og kilder',
  businessCaseResultsCaption: 'Business case: resultater og formler',
  noBusinessCase: 'Projektet har ingen business case.',
  columns: {
    code: 'Kode',
    goal: 'Mål',
    unit: 'Enhed',
    numerator: 'Tæller',
    denominator: 'Nævner',
    share: 'Andel',
    printed: 'Trykt procent i kilden',
    target: 'Målsætning',
    targetKind: 'Målsætningen er',
    remark: 'Bemærkning',
    reached: 'Opnået',
    comparison: 'Sammenligningstal',
    difference: 'Forskel',
    differenceUnit: 'Forskel i',
    label: 'Sammenlignes med',
    source: 'Kilde',
    year: 'År',
    input: 'Input',
    value: 'Værdi',
    result: 'Resultat',
    formula: 'Formel',
  },
  targetKind: { percent: 'en procent', count: 'et antal (tælleren)' } as Record<'percent' | 'count', string>,
  points: 'procentpoint',
  printedDiffers: 'Trykt procent afviger fra den beregnede andel',
  share: (numerator: string, denominator: string, percent: string) => `${numerator} af ${denominator} (${percent})`,
  comparisonPoints: (reached: string, comparison: string, difference: string, source: string) =>
    `${reached} mod ${comparison} (${difference} procentpoint), kilde: ${source}`,
  comparisonUnits: (reached: string, comparison: string, difference: string, unit: string, source: string) =>
    `${reached} mod ${comparison} (${difference} ${unit}), kilde: ${source}`,
  comparisonOnly: (comparison: string, source: string) => `Sammenlignes med ${comparison}, kilde: ${source}`,
  noSource: 'ingen kilde angivet',
  missing: (inputs: string) => `Kan ikke beregnes, mangler: ${inputs}`,
  noSaving: 'Ingen besparelse pr. år: ingen tilbagebetalingstid',
  resultLabel: {
    savingPerCitizenKr: 'Besparelse pr. borger (kr.)',
    totalSavingKr: 'Samlet besparelse (kr.)',
    paybackYears: 'Tilbagebetalingstid (år)',
  } as Record<BusinessCaseResultKey, string>,
  note: 'Note',
  comparedWith: (label: string) => `Sammenligningstallet gælder ${label}.`,
  goal: (code: string, description: string) => `${code}: ${description}`,
};

export type MeasureLabels = typeof da;

const en: MeasureLabels = {
  sheetTitle: 'Shares, comparisons and business case',
  heading: 'Shares, comparisons and business case',
  intro:
    'Shares are shown with their numerator and denominator and computed as numerator / denominator × 100. A comparison with a baseline or a comparison group is shown as the difference in percentage points (or in the goal’s unit), with its source and year.',
  sharesHeading: 'Shares (numerator of denominator)',
  sharesCaption: 'Goals that are shares',
  noShares: 'None of the project’s goals is a share.',
  sharesNote: 'Share = numerator / denominator × 100. Shares are pooled as the sum of numerators / the sum of denominators, never as a mean of percents.',
  comparisonsHeading: 'Comparison with a baseline or comparison group',
  comparisonsCaption: 'Effect goals compared with a baseline or a comparison group',
  noComparisons: 'None of the project’s goals has a comparison.',
  comparisonsNote: 'Difference = reached minus the comparison figure; for percents in percentage points, never a relative change.',
  businessCaseHeading: 'Business case',
  businessCaseInputsCaption: 'Business case: inputs and sources',
  businessCaseResultsCaption: 'Business case: results and formulas',
  noBusinessCase: 'The project has no business case.',
  columns: {
    code: 'Code',
    goal: 'Goal',
    unit: 'Unit',
    numerator: 'Numerator',
    denominator: 'Denominator',
    share: 'Share',
    printed: 'Percent printed in the source',
    target: 'Target',
    targetKind: 'The target is',
    remark: 'Remark',
    reached: 'Reached',
    comparison: 'Comparison figure',
    difference: 'Difference',
    differenceUnit: 'Difference in',
    label: 'Compared with',
    source: 'Source',
    year: 'Year',
    input: 'Input',
    value: 'Value',
    result: 'Result',
    formula: 'Formula',
  },
  targetKind: { percent: 'a percent', count: 'a count (the numerator)' },
  points: 'percentage points',
  printedDiffers: 'The printed percent differs from the computed share',
  share: (numerator, denominator, percent) => `${numerator} of ${denominator} (${percent})`,
  comparisonPoints: (reached, comparison, difference, source) => `${reached} against ${comparison} (${difference} percentage points), source: ${source}`,
  comparisonUnits: (reached, comparison, difference, unit, source) => `${reached} against ${comparison} (${difference} ${unit}), source: ${source}`,
  comparisonOnly: (comparison, source) => `Compared with ${comparison}, source: ${source}`,
  noSource: 'no source given',
  missing: (inputs) => `Cannot be computed, missing: ${inputs}`,
  noSaving: 'No saving per year: no payback',
  resultLabel: {
    savingPerCitizenKr: 'Saving per citizen (DKK)',
    totalSavingKr: 'Total saving (DKK)',
    paybackYears: 'Payback (years)',
  },
  note: 'Note',
  comparedWith: (label) => `The comparison figure is for ${label}.`,
  goal: (code, description) => `${code}: ${description}`,
};

export function measureLabels(lang: ReportLang): MeasureLabels {
  return lang === 'en' ? en : da;
}

/** "30 af 124 (24 %)"; null without a share (no denominator or no status). */
export function shareStatement(s: ShareGoalFigures, lang: ReportLang): string | null {
  if (s.numerator === null || s.denominator === null || s.displayPercent === null) return null;
  return measureLabels(lang).share(formatDanishNumber(s.numerator), formatDanishNumber(s.denominator), formatDanishPercent(s.displayPercent));
}

/** "+37", "−2", "±0": a difference rounded to whole points (or units), signed. */
export function signedDifference(difference: number): string {
  const rounded = Math.round(difference);
  return `${rounded > 0 ? '+' : rounded < 0 ? '\u2212' : '±'}${formatDanishNumber(Math.abs(rounded))}`;
}

/** "Danmarks Statistik 2018" */
export function comparisonSource(c: GoalComparisonFigures, lang: ReportLang): string {
  return [c.source.trim(), c.year ? String(c.year) : ''].filter(Boolean).join(' ') || measureLabels(lang).noSource;
}

/** "68 % mod 31 % (+37 procentpoint), kilde: Danmarks Statistik 2018" */
export function comparisonStatement(c: GoalComparisonFigures, lang: ReportLang): string {
  const L = measureLabels(lang);
  const show = (v: number) => (c.points ? formatDanishPercent(v) : `${formatDanishNumber(v, Number.isInteger(v) ? 0 : 1)}${c.unit ? ` ${c.unit}` : ''}`);
  const source = comparisonSource(c, lang);
  if (c.reached === null || c.difference === null) return L.comparisonOnly(show(c.comparison), source);
  return c.points
    ? L.comparisonPoints(show(c.reached), show(c.comparison), signedDifference(c.difference), source)
    : L.comparisonUnits(show(c.reached), show(c.comparison), signedDifference(c.difference), c.unit, source);
}

/** An input's label in the report's language: "Udgift pr. deltager (kr.)". */
export function businessCaseInputLabel(key: BusinessCaseInput, lang: ReportLang): string {
  return BUSINESS_CASE_INPUT_LABELS[key][lang];
}

export function businessCaseFormula(key: BusinessCaseResultKey, lang: ReportLang): string {
  return BUSINESS_CASE_FORMULAS[key][lang];
}

/** Why a result is empty ("Kan ikke beregnes, mangler: Antal borgere"); '' when it is computed. */
export function businessCaseRemark(result: BusinessCaseResult, key: BusinessCaseResultKey, lang: ReportLang): string {
  if (result[key] !== null) return '';
  const L = measureLabels(lang);
  const missing = result.missing[key];
  if (missing.length > 0) return L.missing(missing.map((k) => businessCaseInputLabel(k, lang)).join(', '));
  return key === 'paybackYears' ? L.noSaving : '';
}

/** An input's value as printed: kr. with their øre where they have them, counts and years as numbers. */
export function businessCaseInputText(key: BusinessCaseInput, value: number | null): string {
  if (value === null) return '\u2013';
  if (key === 'costPerParticipantKr' || key === 'savingPerCitizenYearKr') return formatDanishKr(value, Number.isInteger(value) ? 0 : 2);
  return formatDanishNumber(value, shownDecimals(value, 2));
}

/** A result as printed: kr. whole (øre where there are some), payback with 2 decimals. */
export function businessCaseResultText(key: BusinessCaseResultKey, value: number | null): string {
  if (value === null) return '\u2013';
  if (key === 'paybackYears') return formatDanishNumber(value, 2);
  return formatDanishKr(value, Number.isInteger(Math.round(value * 100) / 100) ? 0 : 2);
}

/** The inputs a result reads (re-exported for the workbook's formulas). */
export { BUSINESS_CASE_INPUTS };
