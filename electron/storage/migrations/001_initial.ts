import type { Migration } from './types';

/**
 * The initial schema. Amounts are integer øre (`*_ore`), dates ISO text, percents REAL on a
 * 0-100 scale. A missing number is NULL, never 0.
 */
const SQL = `
CREATE TABLE settings (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
);

CREATE TABLE projects (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  name             TEXT NOT NULL,
  grant_recipient  TEXT NOT NULL DEFAULT '',
  project_holder   TEXT NOT NULL DEFAULT '',
  case_officer     TEXT NOT NULL DEFAULT '',
  funding_source   TEXT NOT NULL DEFAULT '',
  priority_axis    TEXT NOT NULL DEFAULT '',
  total_budget_ore INTEGER NULL,
  period_start     TEXT NULL,
  period_end       TEXT NULL,
  partners         TEXT NOT NULL DEFAULT '',
  journal_number   TEXT NOT NULL DEFAULT '',
  description      TEXT NOT NULL DEFAULT '',
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  deleted_at       TEXT NULL
);
-- A name identifies a live project (imports match on it); deleted projects do not count.
CREATE UNIQUE INDEX projects_name_live ON projects(name) WHERE deleted_at IS NULL;

CREATE TABLE effect_chain_items (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id   INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  chain_column TEXT NOT NULL CHECK (chain_column IN ('activity', 'output', 'effect')),
  position     INTEGER NOT NULL DEFAULT 0,
  text         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX effect_chain_items_project ON effect_chain_items(project_id);

CREATE TABLE evaluations (
  id                        INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id                INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  type                      TEXT NOT NULL CHECK (type IN ('midterm', 'final')),
  date                      TEXT NOT NULL,
  evaluator                 TEXT NOT NULL DEFAULT '',
  budget_spent_ore          INTEGER NULL,
  budget_total_reported_ore INTEGER NULL,
  months_elapsed_reported   REAL NULL,
  months_total_reported     REAL NULL,
  progress_reported_by      TEXT NOT NULL DEFAULT '',
  progress_reported_at      TEXT NULL,
  overall_status            TEXT NOT NULL DEFAULT '',
  created_at                TEXT NOT NULL
);
CREATE INDEX evaluations_project ON evaluations(project_id);

CREATE TABLE goals (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id          INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  level               TEXT NOT NULL CHECK (level IN ('A', 'B', 'C')),
  code                TEXT NOT NULL,
  description         TEXT NOT NULL DEFAULT '',
  unit                TEXT NOT NULL DEFAULT '',
  target_in_period    REAL NULL,
  target_after_period REAL NULL,
  direction           TEXT NOT NULL DEFAULT 'higher' CHECK (direction IN ('higher', 'lower')),
  baseline            REAL NULL,
  position            INTEGER NOT NULL DEFAULT 0,
  UNIQUE (project_id, code)
);

CREATE TABLE status_reports (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  goal_id         INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
  value           REAL NULL,
  reported_at     TEXT NOT NULL,
  reported_by     TEXT NOT NULL DEFAULT '',
  source_file     TEXT NOT NULL DEFAULT '',
  source_location TEXT NOT NULL DEFAULT '',
  printed_percent REAL NULL,
  created_at      TEXT NOT NULL
);
CREATE INDEX status_reports_goal ON status_reports(goal_id, reported_at);

CREATE TABLE implementation_scores (
  evaluation_id INTEGER NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
  parameter     INTEGER NOT NULL CHECK (parameter BETWEEN 1 AND 6),
  score         INTEGER NULL CHECK (score IS NULL OR (score BETWEEN 1 AND 5 AND score = CAST(score AS INTEGER))),
  headline      TEXT NOT NULL DEFAULT '',
  text          TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (evaluation_id, parameter)
);

CREATE TABLE light_decisions (
  evaluation_id INTEGER NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
  kind          TEXT NOT NULL CHECK (kind IN ('implementation', 'goals', 'effect')),
  suggested     TEXT NULL CHECK (suggested IS NULL OR suggested IN ('green', 'yellow', 'red')),
  override      TEXT NULL CHECK (override IS NULL OR override IN ('green', 'yellow', 'red')),
  reason        TEXT NOT NULL DEFAULT '',
  text          TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (evaluation_id, kind)
);

CREATE TABLE survey_indicators (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  evaluation_id    INTEGER NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
  respondent_group TEXT NOT NULL DEFAULT '',
  statement        TEXT NOT NULL DEFAULT '',
  positive         INTEGER NOT NULL CHECK (positive >= 0),
  n                INTEGER NOT NULL CHECK (n >= 0),
  scale            INTEGER NOT NULL CHECK (scale IN (3, 5)),
  position         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX survey_indicators_evaluation ON survey_indicators(evaluation_id);

CREATE TABLE budget_lines (
  id                INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id        INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  cost_type         TEXT NOT NULL DEFAULT '',
  year              INTEGER NOT NULL,
  amount_ore        INTEGER NOT NULL,
  percent_of_direct REAL NULL,
  position          INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX budget_lines_project ON budget_lines(project_id);

CREATE TABLE financing_sources (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  name       TEXT NOT NULL DEFAULT '',
  amount_ore INTEGER NOT NULL,
  position   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX financing_sources_project ON financing_sources(project_id);

CREATE TABLE learning_points (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  evaluation_id INTEGER NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
  kind          TEXT NOT NULL CHECK (kind IN ('learning', 'recommendation')),
  title         TEXT NOT NULL DEFAULT '',
  text          TEXT NOT NULL DEFAULT '',
  position      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX learning_points_evaluation ON learning_points(evaluation_id);

-- No foreign keys: the log outlives what it describes (deleted goals, evaluations).
CREATE TABLE audit_log (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  at         TEXT NOT NULL,
  user       TEXT NOT NULL,
  project_id INTEGER NULL,
  entity     TEXT NOT NULL,
  entity_id  INTEGER NULL,
  field      TEXT NOT NULL,
  old_value  TEXT NULL,
  new_value  TEXT NULL
);
CREATE INDEX audit_log_project ON audit_log(project_id, id);
CREATE INDEX audit_log_entity ON audit_log(entity, id);
`;

export const migration001: Migration = {
  version: 1,
  name: 'initial',
  async up(db) {
    await db.exec(SQL);
  },
};
