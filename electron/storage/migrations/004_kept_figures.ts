import type { Migration } from './types';

/**
 * The portfolio's figures kept per project (issue 12), so that opening a portfolio of 5,000
 * projects reads 5,000 rows instead of every goal and status report.
 *
 * `project_figures` holds, per project, the figures of its latest round as the portfolio view
 * shows them (`summary`, a ProjectSummary as JSON) and what the project adds to the pooled
 * figures (`pool`, JSON: level averages and the goals linked to an indicator with the status in
 * force). `revision` is bumped by the triggers below on every write to a table the figures are
 * computed from; `computed_revision` is the revision the figures were computed at. A row whose
 * two differ is stale and is recomputed on the next read, in the transaction that reads it.
 *
 * Why triggers and not the store's write methods: every path that writes (the store, the bulk
 * load, imports, restore/undo, the demo, a later raw-SQL repair) passes the triggers, so none can
 * forget to mark the figures stale. Why a revision and not the figures written in the writing
 * transaction: a bulk load of 1.5 million status rows would recompute each project thousands of
 * times; a revision costs one indexed UPDATE per written row and the figures are computed once.
 *
 * What the figures depend on: the project's facts (name, recipient, period, budget), goals
 * (incl. the indicator link), status reports, rounds (which is latest, its dates and reported
 * budget/time, deletion), scores, light decisions, budget lines, financing, the sign-off (a final
 * round is computed with its sealed profile) and the portfolio's methodology profile (global:
 * every project). Indicator names are looked up when the pool is read, so renaming one needs no
 * recompute; deleting one unlinks goals (ON DELETE SET NULL), which the BEFORE DELETE trigger
 * covers whether or not SQLite fires the goals' triggers for that action.
 *
 * No new index for the status in force per goal (latest `reported_at` on or before the round's
 * date, of equal dates the highest id): 001's `status_reports_goal(goal_id, reported_at)` ends
 * in the rowid (= id), so it already gives that order; EXPLAIN QUERY PLAN shows one covering-index
 * search per goal and no sort (tests/integration/storage/figuresCache.test.ts checks it). A second
 * index on the same columns would cost every status insert and 1.5 million entries at 5,000
 * projects for nothing.
 *
 * Existing files: a row per project is created stale, so the first read of the portfolio (in
 * one transaction) fills them all; see PortfolioService.keptFigures.
 */
const bump = (projectExpr: string) => `UPDATE project_figures SET revision = revision + 1 WHERE project_id = ${projectExpr};`;
const ofGoal = (goal: string) => `(SELECT project_id FROM goals WHERE id = ${goal})`;
const ofEvaluation = (evaluation: string) => `(SELECT project_id FROM evaluations WHERE id = ${evaluation})`;

function triggers(table: string, project: (row: 'NEW' | 'OLD') => string): string {
  return `
CREATE TRIGGER ${table}_figures_insert AFTER INSERT ON ${table} BEGIN ${bump(project('NEW'))} END;
CREATE TRIGGER ${table}_figures_update AFTER UPDATE ON ${table} BEGIN ${bump(project('OLD'))} ${bump(project('NEW'))} END;
CREATE TRIGGER ${table}_figures_delete AFTER DELETE ON ${table} BEGIN ${bump(project('OLD'))} END;`;
}

const SQL = `
CREATE TABLE project_figures (
  project_id        INTEGER PRIMARY KEY REFERENCES projects(id) ON DELETE CASCADE,
  revision          INTEGER NOT NULL DEFAULT 1,
  computed_revision INTEGER NULL,
  summary           TEXT NULL,
  pool              TEXT NULL
);
INSERT INTO project_figures (project_id) SELECT id FROM projects;

CREATE TRIGGER projects_figures_insert AFTER INSERT ON projects BEGIN
  INSERT INTO project_figures (project_id) VALUES (NEW.id)
    ON CONFLICT (project_id) DO UPDATE SET revision = revision + 1;
END;
CREATE TRIGGER projects_figures_update AFTER UPDATE ON projects BEGIN ${bump('NEW.id')} END;
${triggers('goals', (r) => `${r}.project_id`)}
${triggers('status_reports', (r) => ofGoal(`${r}.goal_id`))}
${triggers('evaluations', (r) => `${r}.project_id`)}
${triggers('implementation_scores', (r) => ofEvaluation(`${r}.evaluation_id`))}
${triggers('light_decisions', (r) => ofEvaluation(`${r}.evaluation_id`))}
${triggers('evaluation_sign_offs', (r) => ofEvaluation(`${r}.evaluation_id`))}
${triggers('budget_lines', (r) => `${r}.project_id`)}
${triggers('financing_sources', (r) => `${r}.project_id`)}

CREATE TRIGGER indicators_figures_delete BEFORE DELETE ON indicators BEGIN
  UPDATE project_figures SET revision = revision + 1
   WHERE project_id IN (SELECT project_id FROM goals WHERE indicator_id = OLD.id);
END;

CREATE TRIGGER settings_figures_insert AFTER INSERT ON settings WHEN NEW.key = 'methodologyProfile' BEGIN
  UPDATE project_figures SET revision = revision + 1;
END;
CREATE TRIGGER settings_figures_update AFTER UPDATE ON settings WHEN NEW.key = 'methodologyProfile' OR OLD.key = 'methodologyProfile' BEGIN
  UPDATE project_figures SET revision = revision + 1;
END;
CREATE TRIGGER settings_figures_delete AFTER DELETE ON settings WHEN OLD.key = 'methodologyProfile' BEGIN
  UPDATE project_figures SET revision = revision + 1;
END;
`;

/**
 * PostgreSQL: in an upsert both the table's row and `excluded` are in scope, so the revision
 * being bumped must be named with its table; the rest is the connection's translation.
 */
const SQL_POSTGRES = SQL.replace('DO UPDATE SET revision = revision + 1;', 'DO UPDATE SET revision = project_figures.revision + 1;');

export const migration004: Migration = {
  version: 4,
  name: 'kept portfolio figures',
  async up(db) {
    await db.exec(SQL);
  },
  async upPostgres(db) {
    if (SQL_POSTGRES === SQL) throw new Error('Migration 004: the PostgreSQL variant no longer matches the SQL it rewrites.');
    await db.exec(SQL_POSTGRES);
  },
};
