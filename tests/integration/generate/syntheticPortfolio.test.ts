import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { generatePortfolio } from '../../../electron/generate/portfolio';
import { syntheticProject } from '../../../electron/generate/syntheticProject';
import { dumpPortfolioDocument } from '../../../electron/services/portfolioDocument';
import { createAppServices, type AppServices } from '../../../electron/services';
import { LIGHT_KINDS, LIGHTS } from '../../../shared/domain';
import { DocProjectSchema } from '../../../shared/portfolioDocument';
import type { EvaluationDetail } from '../../../shared/contracts/views';

const dir = mkdtempSync(join(tmpdir(), 'trafiklys-generate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PROJECTS = 40;

async function digest(file: string): Promise<string> {
  const services = await createAppServices({ dbPath: file });
  try {
    return await services.store.dataDigest();
  } finally {
    await services.close();
  }
}

function count(file: string, sql: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (err) => {
      if (err) return reject(err);
      db.get(sql, (e, row: { n: number }) => db.close(() => (e ? reject(e) : resolve(row.n))));
    });
  });
}

describe('the synthetic portfolio', () => {
  const file = join(dir, 'portfolio.sqlite');
  let services: AppServices;
  let details: EvaluationDetail[];
  const now = () => new Date(Date.UTC(2024, 0, 1));

  beforeAll(async () => {
    await generatePortfolio(file, { projects: PROJECTS, seed: 5, now });
    services = await createAppServices({ dbPath: file });
    details = [];
    for (const p of await services.store.listProjects())
      for (const e of await services.store.listEvaluations(p.id)) details.push(await services.portfolio.evaluationDetail(e.id));
  });
  afterAll(async () => {
    await services?.close();
  });

  it('is the same portfolio for the same seed, another for another seed', async () => {
    const again = join(dir, 'again.sqlite');
    const other = join(dir, 'other.sqlite');
    await generatePortfolio(again, { projects: PROJECTS, seed: 5, now });
    await generatePortfolio(other, { projects: PROJECTS, seed: 6, now });
    expect(await digest(again)).toBe(await digest(file));
    expect(await digest(other)).not.toBe(await digest(file));
  });

  it('has the same first projects at every size (so sizes can be compared)', async () => {
    const small = join(dir, 'small.sqlite');
    await generatePortfolio(small, { projects: 4, seed: 5, now });
    const smallServices = await createAppServices({ dbPath: small });
    try {
      const [a, b] = [await dumpPortfolioDocument(smallServices.store), await dumpPortfolioDocument(services.store)];
      expect(a.projects).toEqual(b.projects.slice(0, 4));
    } finally {
      await smallServices.close();
    }
  });

  it('has the promised shape: 30 goals of 10 statuses per project, six scores and three lights per round', async () => {
    expect(await count(file, 'SELECT COUNT(*) n FROM projects')).toBe(PROJECTS);
    expect(await count(file, 'SELECT COUNT(*) n FROM goals')).toBe(PROJECTS * 30);
    expect(await count(file, 'SELECT COUNT(*) n FROM status_reports')).toBe(PROJECTS * 300);
    const rounds = await count(file, 'SELECT COUNT(*) n FROM evaluations');
    expect(rounds).toBeGreaterThan(PROJECTS);
    expect(rounds).toBeLessThan(PROJECTS * 2);
    expect(await count(file, 'SELECT COUNT(*) n FROM implementation_scores')).toBe(rounds * 6);
    expect(await count(file, 'SELECT COUNT(*) n FROM light_decisions')).toBe(rounds * 3);
    expect(await count(file, "SELECT COUNT(DISTINCT level) n FROM goals")).toBe(3);
    expect(await count(file, "SELECT COUNT(*) n FROM light_decisions WHERE override IS NOT NULL AND reason <> ''")).toBeGreaterThan(0);
    expect(await count(file, "SELECT COUNT(*) n FROM light_decisions WHERE override IS NOT NULL AND reason = ''")).toBe(0);
    // Budget lines per cost type and year, with an indirect line per year, and financing.
    expect(await count(file, 'SELECT COUNT(DISTINCT cost_type) n FROM budget_lines')).toBeGreaterThan(3);
    expect(await count(file, "SELECT COUNT(*) n FROM (SELECT project_id, year FROM budget_lines GROUP BY project_id, year HAVING SUM(percent_of_direct IS NOT NULL) <> 1)")).toBe(0);
    expect(await count(file, 'SELECT COUNT(DISTINCT project_id) n FROM financing_sources')).toBeGreaterThan(PROJECTS / 2);
    expect(await count(file, "SELECT COUNT(*) n FROM goals WHERE direction = 'lower'")).toBeGreaterThan(0);
    const afterRound = 'SELECT COUNT(*) n FROM status_reports s JOIN goals g ON g.id = s.goal_id WHERE s.reported_at > (SELECT MAX(date) FROM evaluations e WHERE e.project_id = g.project_id)';
    expect(await count(file, afterRound)).toBeGreaterThan(0);
    expect(await count(file, 'SELECT COUNT(*) n FROM status_reports WHERE value IS NULL')).toBeGreaterThan(0);
    // One audit row per project stands for everything written with it.
    expect(await count(file, "SELECT COUNT(*) n FROM audit_log WHERE field = 'generated'")).toBe(PROJECTS);
  });

  it('gives green, yellow and red for every light kind, in the portfolio summaries', async () => {
    const summaries = await services.portfolio.portfolioSummaries();
    expect(summaries).toHaveLength(PROJECTS);
    for (const kind of LIGHT_KINDS)
      for (const light of LIGHTS) expect(summaries.filter((s) => s.lights[kind] === light).length, `${kind} ${light}`).toBeGreaterThan(0);
    for (const level of ['activity', 'output', 'effect'] as const)
      for (const light of LIGHTS) expect(summaries.filter((s) => s.goals[level].light === light).length, `${level} ${light}`).toBeGreaterThan(0);
  });

  it('passes the engine with every awkward case present: missing figures, no targets, lower-is-better, over 100 %, reports after the round', () => {
    const goals = details.flatMap((d) => Object.values(d.summary.levels).flatMap((l) => l.goals));
    for (const state of ['ok', 'noTarget', 'notReported', 'missingValue', 'noBaseline'] as const)
      expect(goals.filter((g) => g.state === state).length, state).toBeGreaterThan(0);
    expect(goals.filter((g) => (g.percent ?? 0) > 100).length).toBeGreaterThan(0);
    const codes = new Set(details.flatMap((d) => d.summary.warnings.map((w) => w.code)));
    for (const code of ['printedPercentDiffers', 'provisionalImplementation', 'indirectCostMismatch', 'budgetFinancingMismatch', 'budgetLinesTotalDiffers', 'burnUnder', 'burnOver', 'timeReportedDiffers', 'budgetReportedDiffers'])
      expect(codes, code).toContain(code);
    expect(codes).not.toContain('overrideWithoutReason');
    // A generated budget sums to the project's total to the øre, unless its indirect line was made wrong on purpose.
    const linesDiffer = details.filter((d) => d.summary.warnings.some((w) => w.code === 'budgetLinesTotalDiffers'));
    expect(linesDiffer.filter((d) => !d.summary.warnings.some((w) => w.code === 'indirectCostMismatch'))).toEqual([]);
    expect(details.some((d) => d.evaluation.type === 'midterm') && details.some((d) => d.evaluation.type === 'final')).toBe(true);
  });

  it('is valid portfolio-document data, project by project', () => {
    for (let i = 0; i < PROJECTS; i++) expect(DocProjectSchema.safeParse(syntheticProject(5, i)).success).toBe(true);
  });
});
