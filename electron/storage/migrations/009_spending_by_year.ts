import type { Migration } from './types';

/**
 * Spending by year (issue 15, "Budget as 004 writes it"): a round can record what was spent in
 * each year of the budget, beside the one figure spent to date (evaluations.budget_spent_ore), with
 * where the figure comes from. Money is integer øre, one row per round and year. A file of an older
 * version has no per-year spending: nothing is derived from the one figure, never guessed.
 */
export const migration009: Migration = {
  version: 9,
  name: 'spending by year',
  async up(db) {
    await db.exec(`
CREATE TABLE spending_years (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  evaluation_id INTEGER NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
  year          INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
  spent_ore     INTEGER NOT NULL CHECK (spent_ore >= 0),
  note          TEXT NOT NULL DEFAULT '',
  position      INTEGER NOT NULL DEFAULT 0,
  UNIQUE (evaluation_id, year)
);
CREATE INDEX spending_years_evaluation ON spending_years(evaluation_id);
`);
  },
};
