import type { Migration } from './types';

/**
 * Who works on which project (issue 13, team mode): one row per user, project and role. On
 * PostgreSQL `server init` (electron/storage/pg/roles.ts) enforces it with row-level security on
 * the per-project tables (a user may write only the rows of projects assigned to them, by the
 * database session's user); a SQLite file keeps the table but does not enforce it (one person).
 * Roles are the CLI's names: evaluator, case-officer, manager, admin.
 */
export const migration010: Migration = {
  version: 10,
  name: 'project assignments',
  async up(db) {
    await db.exec(`
CREATE TABLE project_assignments (
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  user_name  TEXT NOT NULL,
  role       TEXT NOT NULL CHECK (role IN ('evaluator', 'case-officer', 'manager', 'admin')),
  PRIMARY KEY (project_id, user_name, role)
);
CREATE INDEX project_assignments_user ON project_assignments(user_name);
`);
  },
};
