import type { Migration } from './types';

/**
 * The evaluator's prose per report section, and the sign-off of a round (issue 11).
 *
 * - `evaluation_texts`: one row per written text; a missing row is an unwritten text ('').
 *   The key is not a CHECK list so that a later version can add a section without rebuilding
 *   the table; the IPC contract and the store validate it.
 * - `evaluation_sign_offs`: a row means the round is final (locked). It keeps who finalised it
 *   and when, the methodology profile in force then (a later change of the portfolio's profile
 *   must not recolour a signed-off round), and `sealed`: the round's content and the figures it
 *   is computed from, as JSON, against which every later write is checked. Reopening deletes the
 *   row; the audit log keeps the history and the reason.
 *
 * Version 3: it comes after 002 (indicators and round deletion, issue 10).
 */
const SQL = `
CREATE TABLE evaluation_texts (
  evaluation_id INTEGER NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
  text_key      TEXT NOT NULL,
  text          TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (evaluation_id, text_key)
);

CREATE TABLE evaluation_sign_offs (
  evaluation_id INTEGER PRIMARY KEY REFERENCES evaluations(id) ON DELETE CASCADE,
  finalized_at  TEXT NOT NULL,
  finalized_by  TEXT NOT NULL,
  profile       TEXT NOT NULL,
  sealed        TEXT NOT NULL
);
`;

export const migration003: Migration = {
  version: 3,
  name: 'evaluation texts and sign-off',
  async up(db) {
    await db.exec(SQL);
  },
};
