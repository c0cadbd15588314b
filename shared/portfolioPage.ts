import { LIGHT_KINDS, LIGHTS, type EvaluationType, type Light, type LightKind } from './domain';
import type { ProjectSummary } from './contracts/views';
import { filterSummaries, type PortfolioFilter } from './portfolioFilter';

/**
 * The portfolio table's page: filtered, sorted and cut in main, so the renderer gets the rows it
 * shows and not the whole portfolio (issue 12: 5,000 projects are 5.5 MB of summaries).
 */

export const PORTFOLIO_SORT_KEYS = [
  'name',
  'grantRecipient',
  'caseOfficer',
  'fundingSource',
  'evaluation',
  'implementationLight',
  'goalsLight',
  'effectLight',
  'implementationScore',
  'output',
  'budget',
  'time',
] as const;
export type PortfolioSortKey = (typeof PORTFOLIO_SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';
export interface PortfolioSort {
  key: PortfolioSortKey;
  dir: SortDirection;
}

/** Most rows one page may hold: a screen is about 25, the renderer asks for 100 at a time. */
export const PORTFOLIO_PAGE_MAX = 200;

/** What one table row shows; the warnings' texts load when the project is opened. */
export interface PortfolioPageRow {
  projectId: number;
  name: string;
  grantRecipient: string;
  caseOfficer: string;
  fundingSource: string;
  evaluationType: EvaluationType | null;
  evaluationDate: string | null;
  implementation: { score: number | null; scored: number };
  lights: Record<LightKind, Light | null>;
  outputPercent: number | null;
  budgetPercent: number | null;
  timePercent: number | null;
  warningCount: number;
}

/** Per light kind, how many matching projects have each colour (and how many none). */
export type LightCounts = Record<LightKind, Record<Light | 'none', number>>;

/** The values the filter's dropdowns offer, over the whole portfolio. */
export interface PortfolioFacets {
  fundingSources: string[];
  caseOfficers: string[];
}

export interface PortfolioPageCut {
  rows: PortfolioPageRow[];
  offset: number;
  /** Projects the filter matches. */
  matching: number;
  lightCounts: LightCounts;
}

const LIGHT_ORDER: Record<Light, number> = { green: 0, yellow: 1, red: 2 };

function sortValue(row: ProjectSummary, key: PortfolioSortKey): string | number | null {
  switch (key) {
    case 'name':
    case 'grantRecipient':
    case 'caseOfficer':
    case 'fundingSource':
      return row[key] || null;
    case 'evaluation':
      return row.evaluationDate;
    case 'implementationLight':
      return row.lights.implementation ? LIGHT_ORDER[row.lights.implementation] : null;
    case 'goalsLight':
      return row.lights.goals ? LIGHT_ORDER[row.lights.goals] : null;
    case 'effectLight':
      return row.lights.effect ? LIGHT_ORDER[row.lights.effect] : null;
    case 'implementationScore':
      return row.implementation.score;
    case 'output':
      return row.goals.output.percent;
    case 'budget':
      return row.budget.percent;
    case 'time':
      return row.time.percent;
  }
}

export function collatorFor(language: 'da' | 'en'): Intl.Collator {
  return new Intl.Collator(language === 'en' ? 'en-GB' : 'da-DK', { sensitivity: 'base', numeric: true });
}

/**
 * Sorts with missing values last in both directions; ties by name, then id, so that pages cut
 * from two calls fit together.
 */
export function sortSummaries<T extends ProjectSummary>(rows: T[], sort: PortfolioSort, collator: Intl.Collator): T[] {
  const keyed = rows.map((row) => ({ row, value: sortValue(row, sort.key) }));
  const tie = (a: T, b: T) => collator.compare(a.name, b.name) || a.projectId - b.projectId;
  keyed.sort((a, b) => {
    const va = a.value;
    const vb = b.value;
    if (va === null && vb === null) return tie(a.row, b.row);
    if (va === null) return 1;
    if (vb === null) return -1;
    const c = typeof va === 'number' && typeof vb === 'number' ? va - vb : collator.compare(String(va), String(vb));
    return (sort.dir === 'asc' ? c : -c) || tie(a.row, b.row);
  });
  return keyed.map((k) => k.row);
}

export function toPageRow(s: ProjectSummary): PortfolioPageRow {
  return {
    projectId: s.projectId,
    name: s.name,
    grantRecipient: s.grantRecipient,
    caseOfficer: s.caseOfficer,
    fundingSource: s.fundingSource,
    evaluationType: s.evaluationType,
    evaluationDate: s.evaluationDate,
    implementation: { score: s.implementation.score, scored: s.implementation.scored },
    lights: { ...s.lights },
    outputPercent: s.goals.output.percent,
    budgetPercent: s.budget.percent,
    timePercent: s.time.percent,
    warningCount: s.warnings.length,
  };
}

export function lightCountsOf(rows: Pick<ProjectSummary, 'lights'>[]): LightCounts {
  const counts = Object.fromEntries(
    LIGHT_KINDS.map((k) => [k, Object.fromEntries([...LIGHTS, 'none'].map((l) => [l, 0]))]),
  ) as LightCounts;
  for (const r of rows) for (const k of LIGHT_KINDS) counts[k][r.lights[k] ?? 'none']++;
  return counts;
}

export function facetsOf(rows: Pick<ProjectSummary, 'fundingSource' | 'caseOfficer'>[], collator: Intl.Collator): PortfolioFacets {
  const distinct = (values: string[]) => [...new Set(values.filter(Boolean))].sort(collator.compare);
  return { fundingSources: distinct(rows.map((r) => r.fundingSource)), caseOfficers: distinct(rows.map((r) => r.caseOfficer)) };
}

/**
 * The filter (shared/portfolioFilter.ts, the export's and the CLI's rule too), then the sort,
 * then the slice [offset, offset + limit) as slim rows.
 */
export function cutPortfolioPage(
  summaries: ProjectSummary[],
  request: { filter: PortfolioFilter; sort: PortfolioSort; offset: number; limit: number },
  collator: Intl.Collator,
): PortfolioPageCut {
  const matching = filterSummaries(summaries, request.filter);
  const sorted = sortSummaries(matching, request.sort, collator);
  const limit = Math.min(Math.max(0, request.limit), PORTFOLIO_PAGE_MAX);
  const offset = Math.max(0, request.offset);
  return {
    rows: sorted.slice(offset, offset + limit).map(toPageRow),
    offset,
    matching: matching.length,
    lightCounts: lightCountsOf(matching),
  };
}
