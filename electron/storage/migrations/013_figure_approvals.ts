import type { Migration } from './types';

/**
 * Approval of reported figures (issue 13, as in Akvo RSR's results framework): a status and a
 * round's budget and time figures imported from a grant recipient's report are 'reported'
 * (indrapporteret) until a case officer approves them ('approved') or returns them with a comment
 * ('returned'); who and when are kept beside the state, and the audit log has each step.
 *
 * NULL state = not from a report: a figure a case officer entered by hand, or one kept before this
 * version (the migration leaves existing rows as they are: NULL, never guessed to be reported).
 * Such a figure needs no approval. The state, not a separate table, because every reader of a
 * status or a round (goal table, Resumé, workbook, report) already reads these rows, and on a
 * server the case officer's rights on status_reports and evaluations (roleMatrix.ts, with
 * row-level security by assignment) are the rights to approve.
 */
export const migration013: Migration = {
  version: 13,
  name: 'figure approvals',
  async up(db) {
    await db.exec(`
ALTER TABLE status_reports ADD COLUMN approval_state TEXT NULL CHECK (approval_state IS NULL OR approval_state IN ('reported', 'approved', 'returned'));
ALTER TABLE status_reports ADD COLUMN approval_by TEXT NOT NULL DEFAULT '';
ALTER TABLE status_reports ADD COLUMN approval_at TEXT NULL;
ALTER TABLE status_reports ADD COLUMN approval_comment TEXT NOT NULL DEFAULT '';
ALTER TABLE evaluations ADD COLUMN progress_approval_state TEXT NULL CHECK (progress_approval_state IS NULL OR progress_approval_state IN ('reported', 'approved', 'returned'));
ALTER TABLE evaluations ADD COLUMN progress_approval_by TEXT NOT NULL DEFAULT '';
ALTER TABLE evaluations ADD COLUMN progress_approval_at TEXT NULL;
ALTER TABLE evaluations ADD COLUMN progress_approval_comment TEXT NOT NULL DEFAULT '';
`);
  },
};
