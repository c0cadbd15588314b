import { performance } from 'node:perf_hooks';
import { PORTFOLIO_DOCUMENT_FORMAT, PORTFOLIO_DOCUMENT_VERSION, type DocProject } from '../../shared/portfolioDocument';
import { DEFAULT_PROFILE, type MethodologyProfile } from '../../shared/methodology/profile';
import { loadPortfolioDocument } from '../services/portfolioDocument';
import { openPortfolioStore } from '../storage';
import { bulkLoadProjects, type BulkLoadCounts } from '../storage/bulkLoad';
import { linkSyntheticIndicators } from './indicators';
import { syntheticProject, type SyntheticShape } from './syntheticProject';

/**
 * A synthetic portfolio of any size (`npm run cli -- generate`, the bench, the export tests):
 * seeded, so the same seed gives the same portfolio, and project i is the same project at
 * every size.
 */

export interface GeneratePortfolioOptions extends SyntheticShape {
  projects: number;
  /** Default 1. */
  seed?: number;
  /** Thresholds that differ from the standard profile, stored in the portfolio. */
  profile?: Partial<MethodologyProfile>;
  /**
   * 'bulk' (default): one transaction through `bulkLoadProjects`, one audit row per project;
   * fast enough for a national portfolio. 'store': through the PortfolioStore API as an import
   * of a portfolio document does, with the full audit log; for small portfolios.
   */
  via?: 'bulk' | 'store';
  user?: string;
  now?: () => Date;
  onProgress?: (projectsDone: number, total: number) => void;
}

export interface GeneratedPortfolio {
  projectIds: number[];
  counts: BulkLoadCounts;
  ms: number;
}

export const DEFAULT_SEED = 1;
/** Author of the generated rows in the audit log. */
export const GENERATOR_USER = 'generator';

/** Projects `first`..`first + count - 1` of the portfolio with `seed`, built one at a time. */
export function* syntheticProjects(seed: number, count: number, shape: SyntheticShape = {}, first = 0): Generator<DocProject> {
  for (let i = first; i < first + count; i++) yield syntheticProject(seed, i, shape);
}

function countsOf(projects: DocProject[]): BulkLoadCounts {
  const sum = (pick: (p: DocProject) => number) => projects.reduce((n, p) => n + pick(p), 0);
  return {
    projects: projects.length,
    effectChainItems: sum((p) => p.effectChain.length),
    goals: sum((p) => p.goals.length),
    statusReports: sum((p) => p.goals.reduce((n, g) => n + g.statuses.length, 0)),
    evaluations: sum((p) => p.evaluations.length),
    scores: sum((p) => p.evaluations.reduce((n, e) => n + e.scores.length, 0)),
    lightDecisions: sum((p) => p.evaluations.reduce((n, e) => n + e.lights.length, 0)),
    surveyIndicators: sum((p) => p.evaluations.reduce((n, e) => n + e.survey.length, 0)),
    learningPoints: sum((p) => p.evaluations.reduce((n, e) => n + e.learning.length, 0)),
    budgetLines: sum((p) => p.budgetLines.length),
    financingSources: sum((p) => p.financing.length),
  };
}

/** Writes a synthetic portfolio into `dbPath` (created and migrated if needed). */
export async function generatePortfolio(dbPath: string, options: GeneratePortfolioOptions): Promise<GeneratedPortfolio> {
  const started = performance.now();
  const seed = options.seed ?? DEFAULT_SEED;
  const user = options.user ?? GENERATOR_USER;
  const shape: SyntheticShape = { goalsPerProject: options.goalsPerProject, statusesPerGoal: options.statusesPerGoal };
  const via = options.via ?? 'bulk';

  const linked = async (result: GeneratedPortfolio): Promise<GeneratedPortfolio> => {
    await linkSyntheticIndicators(dbPath, (options.now?.() ?? new Date()).toISOString());
    return { ...result, ms: performance.now() - started };
  };
  let stored: GeneratedPortfolio | null = null;
  if (options.profile || via === 'store') {
    const store = await openPortfolioStore(dbPath, { user, now: options.now });
    try {
      if (options.profile) await store.setProfile({ ...structuredClone(DEFAULT_PROFILE), ...options.profile });
      if (via === 'store') {
        const projects = [...syntheticProjects(seed, options.projects, shape)];
        const { projectIds } = await loadPortfolioDocument(store, { format: PORTFOLIO_DOCUMENT_FORMAT, version: PORTFOLIO_DOCUMENT_VERSION, projects });
        options.onProgress?.(projects.length, options.projects);
        stored = { projectIds, counts: countsOf(projects), ms: 0 };
      }
    } finally {
      await store.close();
    }
  }
  if (stored) return linked(stored);
  const { projectIds, counts } = await bulkLoadProjects(dbPath, syntheticProjects(seed, options.projects, shape), {
    user,
    now: options.now,
    source: `Den genererede portefølje (frø ${seed})`,
    onProgress: (done) => options.onProgress?.(done, options.projects),
  });
  return linked({ projectIds, counts, ms: 0 });
}
