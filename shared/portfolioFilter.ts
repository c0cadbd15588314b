import { LIGHT_KINDS, type EvaluationType, type Light, type LightKind } from './domain';
import type { ProjectSummary } from './contracts/views';

/** A light as the filter asks for it: a colour, or "intet lys" (not decided / not computable). */
export type LightChoice = Light | 'none';

/**
 * The portfolio's filter (METHODOLOGY.md section 11): one rule for the table on screen, the
 * portfolio export and the CLI, so an export holds exactly the projects the user was looking at.
 * Dates are ISO ("2022-12-02"); the screen and the CLI read Danish dates into them.
 */
export interface PortfolioFilter {
  /** Part of the name, grant recipient, case officer or funding source (case-insensitive). */
  search?: string;
  fundingSource?: string | null;
  caseOfficer?: string | null;
  evaluationType?: EvaluationType | null;
  /**
   * With `lightKind`: projects whose light of that kind is this colour (or has none). Without:
   * projects with at least one light of this colour (or at least one without a light).
   */
  light?: LightChoice | null;
  lightKind?: LightKind | null;
  /** Projects whose grant period overlaps [runningFrom, runningTo] (either end may be open). */
  runningFrom?: string | null;
  runningTo?: string | null;
  /** Projects whose latest evaluation round is dated in [evaluatedFrom, evaluatedTo]. */
  evaluatedFrom?: string | null;
  evaluatedTo?: string | null;
}

/** What the filter reads of a project: its summary and its grant period. */
export type FilterableSummary = Pick<
  ProjectSummary,
  'name' | 'grantRecipient' | 'caseOfficer' | 'fundingSource' | 'evaluationType' | 'evaluationDate' | 'lights' | 'period'
>;

export function isFilterActive(f: PortfolioFilter): boolean {
  return Boolean(
    f.search?.trim() || f.fundingSource || f.caseOfficer || f.evaluationType || f.light || f.runningFrom || f.runningTo || f.evaluatedFrom || f.evaluatedTo,
  );
}

function lightMatches(r: FilterableSummary, f: PortfolioFilter): boolean {
  if (!f.light) return true;
  const wanted = f.light === 'none' ? null : f.light;
  return f.lightKind ? r.lights[f.lightKind] === wanted : LIGHT_KINDS.some((k) => r.lights[k] === wanted);
}

/**
 * A project runs in the chosen period when its grant period overlaps it. A project without a
 * start or an end date is not shown under a period filter: its period is unknown, not guessed.
 */
function runningMatches(r: FilterableSummary, f: PortfolioFilter): boolean {
  if (!f.runningFrom && !f.runningTo) return true;
  const { start, end } = r.period;
  if (!start || !end) return false;
  return (!f.runningTo || start <= f.runningTo) && (!f.runningFrom || end >= f.runningFrom);
}

function evaluatedMatches(r: FilterableSummary, f: PortfolioFilter): boolean {
  if (!f.evaluatedFrom && !f.evaluatedTo) return true;
  const d = r.evaluationDate;
  if (!d) return false;
  return (!f.evaluatedFrom || d >= f.evaluatedFrom) && (!f.evaluatedTo || d <= f.evaluatedTo);
}

export function filterSummaries<T extends FilterableSummary>(rows: T[], f: PortfolioFilter): T[] {
  const q = (f.search ?? '').trim().toLocaleLowerCase();
  return rows.filter(
    (r) =>
      (!q || [r.name, r.grantRecipient, r.caseOfficer, r.fundingSource].some((v) => v.toLocaleLowerCase().includes(q))) &&
      (!f.fundingSource || r.fundingSource === f.fundingSource) &&
      (!f.caseOfficer || r.caseOfficer === f.caseOfficer) &&
      (!f.evaluationType || r.evaluationType === f.evaluationType) &&
      lightMatches(r, f) &&
      runningMatches(r, f) &&
      evaluatedMatches(r, f),
  );
}

type Words = {
  type: Record<EvaluationType, string>;
  light: Record<LightChoice, string>;
  kind: Record<LightKind, string>;
  search: (q: string) => string;
  fundingSource: string;
  caseOfficer: string;
  evaluationType: string;
  anyLight: (light: string) => string;
  kindLight: (kind: string, light: string) => string;
  running: string;
  evaluated: string;
  range: (from: string | null, to: string | null) => string;
  date: (iso: string) => string;
};

const isoParts = (iso: string) => iso.split('-');

const DA: Words = {
  type: { midterm: 'midtvejsevaluering', final: 'slutevaluering' },
  light: { green: 'grøn', yellow: 'gul', red: 'rød', none: 'intet lys' },
  kind: { implementation: 'implementering', goals: 'målopnåelse', effect: 'effekt' },
  search: (q) => `søgning "${q}"`,
  fundingSource: 'finansieringskilde',
  caseOfficer: 'sagsbehandler',
  evaluationType: 'evalueringstype',
  anyLight: (l) => (l === 'intet lys' ? 'mindst ét trafiklys uden lys' : `mindst ét trafiklys ${l}`),
  kindLight: (k, l) => `trafiklys for ${k}: ${l}`,
  running: 'løber i perioden',
  evaluated: 'evalueret',
  range: (from, to) => (from && to ? `${from}–${to}` : from ? `fra ${from}` : `til ${to}`),
  date: (iso) => {
    const [y, m, d] = isoParts(iso);
    return `${d}.${m}.${y}`;
  },
};

const EN: Words = {
  type: { midterm: 'midterm evaluation', final: 'final evaluation' },
  light: { green: 'green', yellow: 'yellow', red: 'red', none: 'no light' },
  kind: { implementation: 'implementation', goals: 'goal attainment', effect: 'effect' },
  search: (q) => `search "${q}"`,
  fundingSource: 'funding source',
  caseOfficer: 'case officer',
  evaluationType: 'evaluation type',
  anyLight: (l) => (l === 'no light' ? 'at least one light missing' : `at least one light ${l}`),
  kindLight: (k, l) => `${k} light: ${l}`,
  running: 'running in the period',
  evaluated: 'evaluated',
  range: (from, to) => (from && to ? `${from}–${to}` : from ? `from ${from}` : `until ${to}`),
  date: (iso) => {
    const [y, m, d] = isoParts(iso);
    return `${d}/${m}/${y}`;
  },
};

/** "søgning "talent"; finansieringskilde Socialfonden (ESF); trafiklys gul", or '' without a filter. */
export function describeFilter(f: PortfolioFilter, language: 'da' | 'en'): string {
  const w = language === 'en' ? EN : DA;
  const parts: string[] = [];
  const date = (iso: string | null | undefined) => (iso ? w.date(iso) : null);
  if (f.search?.trim()) parts.push(w.search(f.search.trim()));
  if (f.fundingSource) parts.push(`${w.fundingSource} ${f.fundingSource}`);
  if (f.caseOfficer) parts.push(`${w.caseOfficer} ${f.caseOfficer}`);
  if (f.evaluationType) parts.push(`${w.evaluationType} ${w.type[f.evaluationType]}`);
  if (f.light) parts.push(f.lightKind ? w.kindLight(w.kind[f.lightKind], w.light[f.light]) : w.anyLight(w.light[f.light]));
  if (f.runningFrom || f.runningTo) parts.push(`${w.running} ${w.range(date(f.runningFrom), date(f.runningTo))}`);
  if (f.evaluatedFrom || f.evaluatedTo) parts.push(`${w.evaluated} ${w.range(date(f.evaluatedFrom), date(f.evaluatedTo))}`);
  return parts.join('; ');
}

export function describeFilterDa(f: PortfolioFilter): string {
  return describeFilter(f, 'da');
}
