import path from 'node:path';
import fc from 'fast-check';
import sqlite3 from 'sqlite3';
import { IMPLEMENTATION_PARAMETERS, LIGHT_KINDS, type GoalLevel, type Light } from '../../../shared/domain';
import { ServiceError } from '../../../shared/contracts/core';
import { createAppServices, type AppServices } from '../../../electron/services';
import { rollupOf } from '../../../electron/services/portfolioService';
import { generatePortfolio, syntheticProjects } from '../../../electron/generate/portfolio';
import { bulkLoadProjects } from '../../../electron/storage/bulkLoad';
import { openPortfolioStore } from '../../../electron/storage';
import { ConflictError, LockedError, NotFoundError } from '../../../electron/storage/store';
import { Db } from '../../../electron/storage/sqlite';
import { MIGRATIONS, migrate } from '../../../electron/storage/migrations/migrate';
import { loadPortfolioDocument } from '../../../electron/services/portfolioDocument';
import { PORTFOLIO_DOCUMENT_FORMAT, PORTFOLIO_DOCUMENT_VERSION } from '../../../shared/portfolioDocument';
import { runCli } from '../../../electron/cli/main';
import { makeTempDir } from './helpers';
import { describeEngines, freshLocation, itNotOnPostgres } from '../../helpers/engines';

/**
 * The portfolio's kept figures (migration 004) must always equal a fresh computation, whatever
 * is written and by which path. Random sequences of edits through the real services on a real
 * SQLite file, then `verifyFigures` (which recomputes from every row with the engine's own rule
 * for the status in force) must find nothing, and the roll-up from the kept figures must equal
 * the roll-up computed from all rows.
 */

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
});
afterEach(() => cleanup());

const LEVELS: GoalLevel[] = ['A', 'B', 'C'];
const LIGHTS: Light[] = ['green', 'yellow', 'red'];
const n = fc.nat({ max: 1000 });
const day = fc.integer({ min: 0, max: 5 * 365 }).map((d) => new Date(Date.UTC(2021, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
const figure = fc.option(fc.integer({ min: 0, max: 400 }), { nil: null });

const edit = fc.oneof(
  fc.record({ kind: fc.constant('read' as const) }),
  fc.record({ kind: fc.constant('addGoal' as const), project: n, level: fc.constantFrom(...LEVELS), target: figure }),
  fc.record({ kind: fc.constant('editGoal' as const), goal: n, target: figure }),
  fc.record({ kind: fc.constant('deleteGoal' as const), goal: n }),
  fc.record({ kind: fc.constant('addStatus' as const), goal: n, value: figure, date: day }),
  fc.record({ kind: fc.constant('score' as const), round: n, parameter: fc.constantFrom(...IMPLEMENTATION_PARAMETERS), score: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }) }),
  fc.record({ kind: fc.constant('light' as const), round: n, light: fc.constantFrom(...LIGHT_KINDS), override: fc.option(fc.constantFrom(...LIGHTS), { nil: null }) }),
  fc.record({ kind: fc.constant('budgetLine' as const), project: n, amount: fc.integer({ min: 1, max: 2_000_000 }), remove: fc.boolean() }),
  fc.record({ kind: fc.constant('round' as const), project: n, date: day, type: fc.constantFrom('midterm' as const, 'final' as const) }),
  fc.record({ kind: fc.constant('roundSpent' as const), round: n, spent: figure }),
  fc.record({ kind: fc.constant('deleteRound' as const), round: n }),
  fc.record({ kind: fc.constant('restoreRound' as const) }),
  fc.record({ kind: fc.constant('deleteProject' as const), project: n }),
  fc.record({ kind: fc.constant('restoreProject' as const) }),
  fc.record({ kind: fc.constant('editProject' as const), project: n, periodEnd: day }),
  fc.record({ kind: fc.constant('profile' as const), capAt100: fc.boolean() }),
  fc.record({ kind: fc.constant('link' as const), goal: n, indicator: n, unlink: fc.boolean() }),
  fc.record({ kind: fc.constant('deleteIndicator' as const), indicator: n }),
  fc.record({ kind: fc.constant('finalize' as const), round: n, reopen: fc.boolean() }),
  fc.record({ kind: fc.constant('bulkLoad' as const) }),
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

const pick = <T>(items: readonly T[], i: number): T | undefined => (items.length ? items[i % items.length] : undefined);

/** The refusals a user gets for an edit the rules don't allow; anything else fails the test. */
const expectedRefusal = (e: unknown) => e instanceof ServiceError || e instanceof LockedError || e instanceof NotFoundError || e instanceof ConflictError;

interface State {
  file: string;
  services: AppServices;
  deletedRounds: number[];
  deletedProjects: number[];
  loaded: number;
}

async function allRounds(s: AppServices) {
  const projects = await s.store.listProjects();
  return (await Promise.all(projects.map((p) => s.store.listEvaluations(p.id)))).flat();
}

async function apply(state: State, e: Edit): Promise<void> {
  const s = state.services;
  const p = s.portfolio;
  const projects = await s.store.listProjects();
  const goals = await s.store.listPortfolioGoals();
  switch (e.kind) {
    case 'read':
      await p.portfolioSummaries();
      return;
    case 'addGoal': {
      const project = pick(projects, e.project);
      if (project) await s.goals.createGoal(project.id, { level: e.level, code: `X${goals.length}-${e.project}`, targetInPeriod: e.target });
      return;
    }
    case 'editGoal': {
      const goal = pick(goals, e.goal);
      if (goal) await s.goals.updateGoal(goal.id, { targetInPeriod: e.target });
      return;
    }
    case 'deleteGoal': {
      const goal = pick(goals, e.goal);
      if (goal) await s.store.deleteGoal(goal.id);
      return;
    }
    case 'addStatus': {
      const goal = pick(goals, e.goal);
      if (goal) await s.goals.addStatus({ goalId: goal.id, value: e.value, reportedAt: e.date, reportedBy: 'test', acceptWarnings: true });
      return;
    }
    case 'score': {
      const round = pick(await allRounds(s), e.round);
      if (round) await p.setScore({ evaluationId: round.id, parameter: e.parameter, score: e.score });
      return;
    }
    case 'light': {
      const round = pick(await allRounds(s), e.round);
      if (round) await p.setLight({ evaluationId: round.id, kind: e.light, override: e.override, reason: e.override ? 'Vurderet af evaluator' : '' });
      return;
    }
    case 'budgetLine': {
      const project = pick(projects, e.project);
      if (!project) return;
      const lines = await s.store.listBudgetLines(project.id);
      if (e.remove && lines.length) await s.store.deleteBudgetLine(lines[e.amount % lines.length].id);
      else await s.store.saveBudgetLine({ projectId: project.id, costType: 'Løn', year: 2023, amountKr: e.amount, percentOfDirect: null, position: lines.length });
      return;
    }
    case 'round': {
      const project = pick(projects, e.project);
      if (project) await p.createEvaluation({ projectId: project.id, type: e.type, date: e.date, acceptWarnings: true });
      return;
    }
    case 'roundSpent': {
      const round = pick(await allRounds(s), e.round);
      if (round) await p.updateEvaluation(round.id, { budgetSpentKr: e.spent === null ? null : e.spent * 10_000 });
      return;
    }
    case 'deleteRound': {
      const round = pick(await allRounds(s), e.round);
      if (round) {
        await p.deleteEvaluation(round.id);
        state.deletedRounds.push(round.id);
      }
      return;
    }
    case 'restoreRound': {
      const id = state.deletedRounds.pop();
      if (id !== undefined) await p.restoreEvaluation(id);
      return;
    }
    case 'deleteProject': {
      const project = pick(projects, e.project);
      if (project) {
        await s.store.deleteProject(project.id);
        state.deletedProjects.push(project.id);
      }
      return;
    }
    case 'restoreProject': {
      const id = state.deletedProjects.pop();
      if (id !== undefined) await s.store.restoreProject(id);
      return;
    }
    case 'editProject': {
      const project = pick(projects, e.project);
      if (project) await p.updateProject(project.id, { periodEnd: e.periodEnd, periodStart: '2021-01-01' });
      return;
    }
    case 'profile':
      await p.setProfile({ ...(await s.store.getProfile()), capAt100: e.capAt100 });
      return;
    case 'link': {
      const goal = pick(goals, e.goal);
      if (!goal) return;
      if (e.unlink) {
        await s.indicators.link([goal.id], null);
        return;
      }
      const indicators = (await s.store.listIndicators()).filter((i) => i.level === goal.level);
      const indicator = pick(indicators, e.indicator);
      if (indicator) await s.indicators.link([goal.id], indicator.id);
      else await s.indicators.save({ code: '', name: `Indikator ${goal.level}${e.indicator}`, unit: 'stk.', level: goal.level, linkGoalIds: [goal.id] });
      return;
    }
    case 'deleteIndicator': {
      const indicator = pick(await s.store.listIndicators(), e.indicator);
      if (indicator) await s.indicators.remove(indicator.id);
      return;
    }
    case 'finalize': {
      const round = pick(await allRounds(s), e.round);
      if (!round) return;
      const final = (await s.store.getSignOff(round.id)).state === 'final';
      if (final && e.reopen) await s.rounds.reopen(round.id, 'Tal rettet');
      else if (!final) await s.rounds.finalize(round.id);
      return;
    }
    case 'bulkLoad':
      // Another connection writes whole projects, as `generate` and a portfolio document do.
      await bulkLoadProjects(state.file, syntheticProjects(7, 1, { goalsPerProject: 4, statusesPerGoal: 2 }, 100 + state.loaded++));
      return;
  }
}

async function expectKeptEqualsFresh(services: AppServices): Promise<void> {
  expect(await services.portfolio.verifyFigures()).toEqual([]);
  const overview = await services.portfolio.portfolioOverview();
  const fresh = await services.portfolio.loadPortfolio();
  expect(overview.rows).toEqual(fresh.map((f) => f.summary));
  expect(overview.rollup).toEqual(rollupOf(fresh, await services.store.listIndicators()));
}

describeEngines('kept figures', (engine) => {
  describe('kept portfolio figures (issue 12)', () => {
    /** A fresh portfolio location on the engine (`migrated`: at the latest version already). */
    const location = async (name: string, migrated = false) => {
      const fresh = await freshLocation(dir, name, migrated);
      onTestFinished(fresh.drop);
      return fresh.location;
    };
    const itSqlite = (reason: string) => itNotOnPostgres(engine, reason);
    itSqlite('generatePortfolio links indicators on a SQLite file (electron/generate/indicators.ts)')('equal a fresh computation after any sequence of edits through the services', async () => {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 12 }), async (edits) => {
          const fresh = await freshLocation(dir, `p${run++}.sqlite`, true);
          const file = fresh.location;
          await generatePortfolio(file, { projects: 3, goalsPerProject: 5, statusesPerGoal: 2, seed: run });
          const services = await createAppServices({ dbPath: file, user: 'evaluator1' });
          const state: State = { file, services, deletedRounds: [], deletedProjects: [], loaded: 0 };
          try {
            await services.portfolio.portfolioSummaries();
            for (const e of edits) {
              try {
                await apply(state, e);
              } catch (error) {
                if (!expectedRefusal(error)) throw error;
              }
            }
            await expectKeptEqualsFresh(services);
          } finally {
            await services.close();
            await fresh.drop();
          }
        }),
        { numRuns: engine.name === 'sqlite' ? 30 : 15 },
      );
    }, 120_000);

    itSqlite("SQLite's query plan")('reads the statuses in force with one index search per goal and no sort', async () => {
      const db = await Db.open(':memory:');
      try {
        await migrate(db);
        for (const sql of [
          `SELECT s.* FROM goals g JOIN status_reports s ON s.id = (SELECT s2.id FROM status_reports s2 WHERE s2.goal_id = g.id AND s2.reported_at <= ? ORDER BY s2.reported_at DESC, s2.id DESC LIMIT 1) WHERE g.project_id = ?`,
          `SELECT s.* FROM goals g JOIN status_reports s ON s.id = (SELECT s2.id FROM status_reports s2 WHERE s2.goal_id = g.id ORDER BY s2.reported_at DESC, s2.id DESC LIMIT 1) WHERE g.project_id = ?`,
        ]) {
          const plan = (await db.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, sql.includes('<= ?') ? ['2024-01-01', 1] : [1])).map((r) => r.detail);
          expect(plan).toContainEqual(expect.stringMatching(/^SEARCH s2 USING COVERING INDEX status_reports_goal \(goal_id=\?/));
          expect(plan.join('\n')).not.toMatch(/TEMP B-TREE|SCAN/);
        }
      } finally {
        await db.close();
      }
    });

    it('the store query picks the status in force as the engine does: latest date on or before the round, of equal dates the last stored', async () => {
      const services = await createAppServices({ dbPath: await location('rule.sqlite', true) });
      try {
        const project = await services.portfolio.createProject({ name: 'Regel' });
        const goal = await services.goals.createGoal(project.id, { level: 'A', code: 'A1', targetInPeriod: 10 });
        for (const [value, reportedAt] of [[1, '2023-01-01'], [2, '2023-06-30'], [3, '2023-06-30'], [4, '2023-07-01']] as const)
          await services.goals.addStatus({ goalId: goal.id, value, reportedAt, reportedBy: 'x', acceptWarnings: true });
        expect((await services.store.listStatusesInForce(project.id, '2023-06-30')).map((s) => s.value)).toEqual([3]);
        expect((await services.store.listStatusesInForce(project.id, '2023-06-29')).map((s) => s.value)).toEqual([1]);
        expect((await services.store.listStatusesInForce(project.id, '2022-12-31')).map((s) => s.value)).toEqual([]);
        expect((await services.store.listStatusesInForce(project.id, null)).map((s) => s.value)).toEqual([4]);
      } finally {
        await services.close();
      }
    });

    itSqlite('copies a SQLite file of version 3 column by column')('migration 004 gives every project of a version-3 file its figures, equal to a fresh computation', async () => {
      // Today's store writes today's columns, so the data is loaded into a current file and copied,
      // column by column, into a file of version 3's schema: a file as version 3 of the app left it.
      const current = path.join(dir, 'current.sqlite');
      const now = await openPortfolioStore(current);
      try {
        await loadPortfolioDocument(now, { format: PORTFOLIO_DOCUMENT_FORMAT, version: PORTFOLIO_DOCUMENT_VERSION, projects: [...syntheticProjects(3, 4, { goalsPerProject: 6, statusesPerGoal: 3 })] });
      } finally {
        await now.close();
      }
      const file = path.join(dir, 'v3.sqlite');
      await (await openPortfolioStore(file, { migrations: MIGRATIONS.slice(0, 3) })).close();
      await copyColumnsThatExist(current, file);
      expect(await rawAll(file, 'PRAGMA user_version')).toEqual([{ user_version: 3 }]);
      const services = await createAppServices({ dbPath: file });
      try {
        expect(await rawAll(file, 'SELECT count(*) AS n FROM project_figures')).toEqual([{ n: 4 }]);
        await expectKeptEqualsFresh(services);
        const rows = await rawAll(file, 'SELECT count(*) AS n FROM project_figures WHERE computed_revision = revision AND summary IS NOT NULL');
        expect(rows).toEqual([{ n: 4 }]);
      } finally {
        await services.close();
      }
    });

    itSqlite('generatePortfolio writes a SQLite file (electron/generate/indicators.ts)')('a portfolio open twice (two windows, or the app and the CLI) shows the other one\'s edit at its next read', async () => {
      const file = path.join(dir, 'two.sqlite');
      await generatePortfolio(file, { projects: 4, goalsPerProject: 5, statusesPerGoal: 2, seed: 3 });
      const first = await createAppServices({ dbPath: file, user: 'evaluator1' });
      const second = await createAppServices({ dbPath: file, user: 'evaluator2' });
      try {
        // The first one has read (and holds) every project's figures, pool included.
        const before = await first.portfolio.portfolioOverview();
        const target = before.rows[1];
        const goal = (await second.store.listGoals(target.projectId)).find((g) => g.level === 'B')!;
        // The second one renames the project and sets the output goal's target so low it is met 100 %.
        await second.portfolio.updateProject(target.projectId, { name: 'Omdøbt i det andet vindue' });
        await second.goals.updateGoal(goal.id, { targetInPeriod: 0.001 });
        // The second one shows its portfolio: the changed project's figures are computed and stored there.
        await second.portfolio.portfolioOverview();
        const after = await first.portfolio.portfolioOverview();
        const row = after.rows.find((r) => r.projectId === target.projectId)!;
        expect(row.name).toBe('Omdøbt i det andet vindue');
        expect(row).toEqual((await second.portfolio.loadPortfolio()).find((p) => p.project.id === target.projectId)!.summary);
        expect(row.goals.output).not.toEqual(target.goals.output);
        // The other projects are what they were; the shared figures can't be changed by a caller.
        expect(after.rows.filter((r) => r.projectId !== target.projectId)).toEqual(before.rows.filter((r) => r.projectId !== target.projectId));
        expect(() => {
          (after.rows[0].goals.activity as { percent: number | null }).percent = 1;
        }).toThrow(TypeError);
        await expectKeptEqualsFresh(first);
      } finally {
        await second.close();
        await first.close();
      }
    });

    itSqlite('generatePortfolio writes a SQLite file (electron/generate/indicators.ts)')('refreshKeptFigures (the folder import\'s last step) recomputes only the projects written since, keepFiguresOf a write\'s own project in its transaction; the kept figures equal a fresh computation', async () => {
      const file = path.join(dir, 'refresh.sqlite');
      await generatePortfolio(file, { projects: 4, goalsPerProject: 5, statusesPerGoal: 2, seed: 3 });
      const services = await createAppServices({ dbPath: file, user: 'evaluator1' });
      try {
        await services.portfolio.keptFigures();
        expect(await services.portfolio.refreshKeptFigures()).toBe(0);
        const written = (await services.store.listProjects()).slice(1, 3);
        for (const p of written) {
          const [g] = await services.store.listGoals(p.id);
          await services.store.addStatusReport({ goalId: g.id, value: 99, reportedAt: '2031-01-15', reportedBy: 'Bevillingsmodtager', source: { file: 'statusrapport.xlsx', location: "Ark 'Mål', celle E5" }, printedPercent: null });
        }
        const before = await services.store.listKeptRevisions();
        expect(before.filter((r) => r.computedRevision !== r.revision).map((r) => r.projectId)).toEqual(written.map((p) => p.id));
        expect(await services.portfolio.refreshKeptFigures()).toBe(2);
        expect((await services.store.listKeptRevisions()).every((r) => r.computedRevision === r.revision)).toBe(true);
        await expectKeptEqualsFresh(services);

        // keepFiguresOf: a write's own transaction keeps its project's figures (the import per file).
        const [p] = written;
        const [g] = await services.store.listGoals(p.id);
        await services.store.transaction(async (tx) => {
          await tx.addStatusReport({ goalId: g.id, value: 120, reportedAt: '2031-02-15', reportedBy: 'Bevillingsmodtager', source: { file: 'statusrapport-2.xlsx', location: "Ark 'Mål', celle E5" }, printedPercent: null });
          await services.portfolio.keepFiguresOf(tx, p.id);
        });
        expect((await services.store.listKeptRevisions()).every((r) => r.computedRevision === r.revision)).toBe(true);
        expect(await services.portfolio.refreshKeptFigures()).toBe(0);
        await expectKeptEqualsFresh(services);
      } finally {
        await services.close();
      }
    });

    itSqlite('generatePortfolio writes a SQLite file (electron/generate/indicators.ts)')('the figures read ahead as the window opens serve the first screen: one read, the same rows', async () => {
      const file = path.join(dir, 'ahead.sqlite');
      await generatePortfolio(file, { projects: 4, goalsPerProject: 5, statusesPerGoal: 2, seed: 5 });
      const services = await createAppServices({ dbPath: file });
      try {
        const store = services.store;
        // Reading figures that are not held takes a transaction (stale ones are stored in it).
        let transactions = 0;
        const transaction = store.transaction.bind(store);
        store.transaction = (fn) => {
          transactions++;
          return transaction(fn);
        };
        services.portfolio.warmUp();
        // The view's call arrives while the figures are being read: it waits, it does not read again.
        const overview = await services.portfolio.portfolioOverview();
        expect(transactions).toBe(1);
        expect(overview.total).toBe(4);
        expect(overview.rows).toEqual((await services.portfolio.loadPortfolio()).map((p) => p.summary));
      } finally {
        await services.close();
      }
    });

    itSqlite('the CLI opens SQLite files only (--db postgres:// is a later step of issue 13)')('cli verify finds a figure planted with raw SQL, names project and field, and exits 1', async () => {
      const file = path.join(dir, 'verify.sqlite');
      await generatePortfolio(file, { projects: 3, goalsPerProject: 5, statusesPerGoal: 2 });
      const run = async (...argv: string[]) => {
        const out: string[] = [];
        const err: string[] = [];
        const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }, {});
        return { code, out: out.join('\n'), err: err.join('\n') };
      };
      const ok = await run('verify', '--db', file);
      expect(ok).toMatchObject({ code: 0, out: 'De gemte tal for alle 3 projekter er de samme som en ny beregning.' });

      const [{ project_id: id, summary }] = await rawAll<{ project_id: number; summary: string }>(file, 'SELECT project_id, summary FROM project_figures ORDER BY project_id LIMIT 1');
      const planted = JSON.parse(summary) as { name: string; budget: { percent: number | null } };
      const was = planted.budget.percent;
      planted.budget.percent = 1234;
      await rawAll(file, `UPDATE project_figures SET summary = '${JSON.stringify(planted).replace(/'/g, "''")}' WHERE project_id = ${id}`);

      const da = await run('verify', '--db', file);
      expect(da.code).toBe(1);
      expect(da.out).toBe(
        `1 tal afviger fra en ny beregning (i 1 projekt):\n  "${planted.name}", summary.budget.percent: gemt 1.234, ny beregning ${was === null ? '–' : String(was)}`,
      );
      const en = await run('verify', '--db', file, '--lang', 'en');
      expect(en.code).toBe(1);
      expect(en.out).toContain(`1 figure differs from a fresh computation (in 1 project):\n  "${planted.name}", summary.budget.percent: kept 1.234, fresh`);
      // A write to the project makes its row stale: the next read recomputes it and all is well.
      await rawAll(file, `UPDATE projects SET description = description || '.' WHERE id = ${id}`);
      expect((await run('verify', '--db', file)).code).toBe(0);
    });
  });

  function rawAll<T = Record<string, unknown>>(file: string, sql: string): Promise<T[]> {
    return new Promise((resolve, reject) => {
      const db = new sqlite3.Database(file, (err) => {
        if (err) return reject(err);
        db.all(sql, (e, rows) => db.close((c) => (e || c ? reject(e ?? c) : resolve(rows as T[]))));
      });
    });
  }

  /** Copies every row of `from` into the tables and columns that `to` has (its older schema). */
  async function copyColumnsThatExist(from: string, to: string): Promise<void> {
    const tables = await rawAll<{ name: string }>(to, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'");
    const statements: string[] = ['PRAGMA foreign_keys = OFF', `ATTACH DATABASE '${from.replace(/'/g, "''")}' AS src`];
    for (const { name } of tables) {
      const cols = (await rawAll<{ name: string }>(to, `PRAGMA table_info("${name}")`)).map((c) => `"${c.name}"`).join(', ');
      statements.push(`DELETE FROM main."${name}"`, `INSERT INTO main."${name}" (${cols}) SELECT ${cols} FROM src."${name}"`);
    }
    await new Promise<void>((resolve, reject) => {
      const db = new sqlite3.Database(to, (err) => {
        if (err) return reject(err);
        db.exec(`${statements.join(';\n')};\nDETACH DATABASE src;`, (e) => db.close((c) => (e || c ? reject(e ?? c) : resolve())));
      });
    });
  }
});
