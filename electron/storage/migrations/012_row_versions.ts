import type { Migration } from './types';

/**
 * No lost update (issue 13, "Working at the same time"): every row a person edits by hand
 * carries a version, 1 when made and bumped by every update of the row. A save names the
 * version it was based on; the store refuses it (StaleWriteError) when the row has moved on
 * since, with `UPDATE ... WHERE version = ?` in the write's own transaction, so two sessions
 * on one PostgreSQL server cannot both win. Who changed it and when come from the audit log.
 * Rows that are only ever added (status reports, audit rows) need none.
 */
export const VERSIONED_TABLES = ['projects', 'goals', 'implementation_scores', 'light_decisions', 'evaluation_texts'] as const;

export const migration012: Migration = {
  version: 12,
  name: 'row versions',
  async up(db) {
    for (const table of VERSIONED_TABLES) await db.exec(`ALTER TABLE ${table} ADD COLUMN version INTEGER NOT NULL DEFAULT 1`);
  },
};
