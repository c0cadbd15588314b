import { performance } from 'node:perf_hooks';
import { createAppServices, type AppServices } from '../electron/services';
import { openPortfolioStore } from '../electron/storage';
import { ConflictError, StaleWriteError, StorageError } from '../electron/storage/store';
import { serverInit, serverUserAdd } from '../electron/storage/pg/roles';
import { seededRandom } from '../electron/generate/random';

/**
 * Issue 13's load test: N simulated users (each a login of its own with the roles evaluator and
 * case officer, its own services and connections, as N apps would be) work for a while on one
 * portfolio on a PostgreSQL server: they edit the same fields (a shared project's description
 * and a shared score, each save naming the version it read), edit fields of their own project,
 * import statuses (one transaction each) and read the portfolio's figures.
 *
 * What it counts:
 * - lost updates: on each shared row every save that went through must be based on a different
 *   version, the versions one after another, and the row must end at the last save's value and
 *   version. A save refused because another came first (StaleWriteError) is the design working.
 * - raw errors: anything thrown that is not one of the store's worded errors.
 * - write latency: every save, p50/p95/max.
 * Loopback servers only: it creates logins and writes thousands of rows.
 */

export interface TeamLoadOptions {
  /** An admin's URL of an empty database on a loopback server. */
  url: string;
  users?: number;
  seconds?: number;
  seed?: number;
  /** Prefix of the logins it makes (roles are cluster-wide). */
  prefix?: string;
  log?: (line: string) => void;
}

export interface TeamLoadResult {
  users: number;
  seconds: number;
  writes: number;
  /** Saves refused because the row had moved on (correctly). */
  conflicts: number;
  imports: number;
  reads: number;
  lostUpdates: number;
  rawErrors: string[];
  writeMs: { p50: number; p95: number; max: number };
}

interface Save {
  base: number;
  value: string;
}

export function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host))
    throw new Error(`Belastningstesten kører kun mod en server på denne maskine (127.0.0.1), ikke ${host}.`);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export async function runTeamLoad(options: TeamLoadOptions): Promise<TeamLoadResult> {
  assertLoopback(options.url);
  const users = options.users ?? 20;
  const seconds = options.seconds ?? 60;
  const prefix = options.prefix ?? 'tl_';
  const log = options.log ?? (() => undefined);
  const rng = seededRandom(options.seed ?? 13);
  const random = () => rng.next();

  // The portfolio: one shared project with a round, one project per user with goals.
  await serverInit(options.url);
  const setup = await openPortfolioStore(options.url);
  const own: { projectId: number; goalIds: number[] }[] = [];
  let shared = 0;
  let evaluationId = 0;
  try {
    shared = (await setup.createProject({ ...facts('Fælles projekt') })).id;
    evaluationId = (
      await setup.createEvaluation({ projectId: shared, type: 'midterm', date: '2024-06-30', evaluator: 'Team', budgetSpentKr: null, budgetTotalReportedKr: null, monthsElapsedReported: null, monthsTotalReported: null, progressReportedBy: '', progressReportedAt: null, overallStatus: '' })
    ).id;
    for (let u = 0; u < users; u++) {
      const p = await setup.createProject(facts(`Projekt ${u + 1}`));
      const goalIds: number[] = [];
      for (let g = 0; g < 3; g++)
        goalIds.push((
            await setup.createGoal({ projectId: p.id, level: 'B', code: `B${g + 1}`, description: `Mål ${g + 1}`, unit: 'deltagere', targetInPeriod: 100, targetAfterPeriod: null, direction: 'higher', baseline: null, position: g })
          ).id);
      own.push({ projectId: p.id, goalIds });
    }
  } finally {
    await setup.close();
  }
  const login = (u: number) => `${prefix}${u + 1}`;
  for (let u = 0; u < users; u++) await serverUserAdd(options.url, { name: login(u), roles: ['evaluator', 'case-officer'], projects: [shared, own[u].projectId], password: null });
  log(`${users} brugere, ${seconds} s, på ${new URL(options.url).host}`);

  const sessions: AppServices[] = [];
  for (let u = 0; u < users; u++) {
    const as = new URL(options.url);
    as.username = login(u);
    sessions.push(await createAppServices({ dbPath: as.toString() }));
  }

  const descriptionSaves: Save[] = [];
  const scoreSaves: Save[] = [];
  const writeMs: number[] = [];
  const rawErrors: string[] = [];
  let conflicts = 0;
  let imports = 0;
  let reads = 0;
  const end = Date.now() + seconds * 1000;

  const timed = async <T>(fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      writeMs.push(performance.now() - t0);
    }
  };

  async function user(u: number): Promise<void> {
    const { store, portfolio } = sessions[u];
    let n = 0;
    while (Date.now() < end) {
      n++;
      const r = random();
      const value = `${login(u)} #${n}`;
      try {
        if (r < 0.3) {
          const read = await store.getProject(shared);
          const base = read?.version ?? 0;
          await timed(() => store.updateProject(shared, { description: value }, { expectedVersion: base }));
          descriptionSaves.push({ base, value });
        } else if (r < 0.5) {
          const read = await store.getScore(evaluationId, 1);
          const base = read?.version ?? 0;
          await timed(() => store.setScore({ evaluationId, parameter: 1, score: 1 + (n % 5), headline: value, text: '' }, { expectedVersion: base }));
          scoreSaves.push({ base, value });
        } else if (r < 0.7) {
          const goalId = own[u].goalIds[n % 3];
          const read = await store.getGoal(goalId);
          await timed(() => store.updateGoal(goalId, { description: value }, { expectedVersion: read?.version ?? 0 }));
        } else if (r < 0.8) {
          await timed(() =>
            store.transaction(async (tx) => {
              for (const goalId of own[u].goalIds)
                await tx.addStatusReport({ goalId, value: n, reportedAt: '2024-05-01', reportedBy: 'Bevillingsmodtager', source: { file: `status-${u}-${n}.xlsx`, location: "Ark 'Mål'" }, printedPercent: null });
            }),
          );
          imports++;
        } else {
          await portfolio.portfolioSummaries();
          reads++;
        }
      } catch (error) {
        if (error instanceof StaleWriteError) conflicts++;
        else rawErrors.push(error instanceof StorageError || error instanceof ConflictError ? `${login(u)}: ${(error as Error).message}` : `${login(u)}: RAW ${String(error)}`);
      }
    }
  }

  try {
    await Promise.all(sessions.map((_, u) => user(u)));
  } finally {
    for (const s of sessions) await s.close();
  }

  // Lost updates: per shared row, the saves that went through must each be based on another
  // version, one after another, and the row must hold the last one.
  const check = await openPortfolioStore(options.url);
  let lostUpdates = 0;
  try {
    const project = await check.getProject(shared);
    const score = await check.getScore(evaluationId, 1);
    lostUpdates += lost(descriptionSaves, project?.version ?? 0, project?.description ?? '');
    lostUpdates += lost(scoreSaves, score?.version ?? 0, score?.headline ?? '');
  } finally {
    await check.close();
  }
  const sorted = [...writeMs].sort((a, b) => a - b);
  return {
    users,
    seconds,
    writes: writeMs.length,
    conflicts,
    imports,
    reads,
    lostUpdates,
    rawErrors,
    writeMs: { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] ?? 0 },
  };
}

/** How many saves of one row are lost: based on a version another save was based on too, or not in the row at the end. */
function lost(saves: Save[], finalVersion: number, finalValue: string): number {
  if (saves.length === 0) return 0;
  const bases = saves.map((s) => s.base).sort((a, b) => a - b);
  let lostCount = 0;
  for (let i = 1; i < bases.length; i++) if (bases[i] === bases[i - 1]) lostCount++;
  const last = saves.reduce((a, b) => (b.base > a.base ? b : a));
  // Each save moves the version one on from the one it read.
  if (finalVersion !== last.base + 1 || finalValue !== last.value) lostCount++;
  return lostCount;
}

function facts(name: string) {
  return {
    name,
    grantRecipient: 'Erhvervshus Midtjylland',
    projectHolder: 'Aarhus Kommune',
    caseOfficer: 'Team',
    fundingSource: 'Socialfonden (ESF)',
    priorityAxis: '',
    totalBudgetKr: 1_000_000,
    periodStart: '2023-01-01',
    periodEnd: '2025-12-31',
    partners: '',
    journalNumber: '',
    description: '',
  };
}
