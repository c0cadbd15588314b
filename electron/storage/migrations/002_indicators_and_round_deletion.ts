import type { Migration } from './types';

/**
 * Issue 10, points 10 and 12.
 *
 * - `indicators`: what a goal measures, so that the portfolio pools only goals of the same
 *   indicator (METHODOLOGY.md section 11). A goal links to at most one (`goals.indicator_id`);
 *   unlinked goals are never pooled. `code` is a code list's code ("EECO01") or the portfolio's
 *   own, '' when none; a catalogue of common indicators (issue 14) adds rows here with its codes.
 *   Deleting an indicator unlinks its goals, never deletes them.
 * - `evaluations.deleted_at`: an evaluation round is deleted softly, like a project, so that the
 *   deletion can be undone with everything the round holds.
 */
const SQL = `
CREATE TABLE indicators (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  code       TEXT NOT NULL DEFAULT '',
  name       TEXT NOT NULL,
  unit       TEXT NOT NULL DEFAULT '',
  level      TEXT NOT NULL CHECK (level IN ('A', 'B', 'C')),
  created_at TEXT NOT NULL
);
-- A code names one indicator; indicators without a code are told apart by name.
CREATE UNIQUE INDEX indicators_code ON indicators(code) WHERE code <> '';

ALTER TABLE goals ADD COLUMN indicator_id INTEGER NULL REFERENCES indicators(id) ON DELETE SET NULL;
CREATE INDEX goals_indicator ON goals(indicator_id);

ALTER TABLE evaluations ADD COLUMN deleted_at TEXT NULL;
`;

export const migration002: Migration = {
  version: 2,
  name: 'indicators_and_round_deletion',
  async up(db) {
    await db.exec(SQL);
  },
};
