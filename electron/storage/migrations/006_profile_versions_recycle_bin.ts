import { DEFAULT_PROFILE } from '../../../shared/methodology/profile';
import type { Migration } from './types';

/**
 * Issue 15: methodology profile versions and the recycle bin.
 *
 * - `profile_versions`: every methodology profile the portfolio has had, numbered 1, 2, 3, ...,
 *   with when and by whom it was made. The highest version is the one in force; it replaces the
 *   `methodologyProfile` setting (moved here as version 1, or the standard profile when the file
 *   never had one), so that there is one place that holds the profile.
 * - `evaluation_sign_offs.profile_version`: the version a final round was scored with. Rounds
 *   signed off before versions existed get 1 when their stored profile is the one in force (the
 *   usual case: older versions of the app could not change it); otherwise NULL, and the round
 *   keeps the profile JSON it already stores (shown as "from before profile versions").
 * - `recycle_bin`: deleted goals with their status history as JSON (the goal rows themselves are
 *   deleted, so no query of goals has to learn to skip them); projects are already deleted softly
 *   (`projects.deleted_at`) and the bin lists them from there.
 * - The kept portfolio figures (004) depend on the profile in force: a new, changed or removed
 *   version marks every project's figures stale, as the setting's triggers did before.
 */
const SQL = `
CREATE TABLE profile_versions (
  version    INTEGER PRIMARY KEY,
  profile    TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL DEFAULT ''
);

ALTER TABLE evaluation_sign_offs ADD COLUMN profile_version INTEGER NULL REFERENCES profile_versions(version);

CREATE TABLE recycle_bin (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  kind       TEXT NOT NULL CHECK (kind IN ('goal')),
  project_id INTEGER NOT NULL,
  label      TEXT NOT NULL,
  content    TEXT NOT NULL,
  deleted_at TEXT NOT NULL,
  deleted_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX recycle_bin_deleted ON recycle_bin(deleted_at);

CREATE TRIGGER profile_versions_figures_insert AFTER INSERT ON profile_versions BEGIN
  UPDATE project_figures SET revision = revision + 1;
END;
CREATE TRIGGER profile_versions_figures_update AFTER UPDATE ON profile_versions BEGIN
  UPDATE project_figures SET revision = revision + 1;
END;
CREATE TRIGGER profile_versions_figures_delete AFTER DELETE ON profile_versions BEGIN
  UPDATE project_figures SET revision = revision + 1;
END;
`;

/** The profile JSON as the engine reads it: settings a stored profile lacks take their defaults. */
function normalised(json: string): string | null {
  try {
    return JSON.stringify({ ...structuredClone(DEFAULT_PROFILE), ...(JSON.parse(json) as object) });
  } catch {
    return null;
  }
}

export const migration006: Migration = {
  version: 6,
  name: 'profile versions and recycle bin',
  async up(db) {
    await db.exec(SQL);
    const setting = await db.get<{ value: string }>("SELECT value FROM settings WHERE key = 'methodologyProfile'");
    const current = setting ? setting.value : JSON.stringify(DEFAULT_PROFILE);
    await db.run("INSERT INTO profile_versions (version, profile, created_at, created_by) VALUES (1, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), '')", [
      current,
    ]);
    await db.run("DELETE FROM settings WHERE key = 'methodologyProfile'");
    const currentNormalised = normalised(current);
    const signOffs = await db.all<{ evaluation_id: number; profile: string }>('SELECT evaluation_id, profile FROM evaluation_sign_offs');
    for (const s of signOffs) {
      if (currentNormalised !== null && normalised(s.profile) === currentNormalised)
        await db.run('UPDATE evaluation_sign_offs SET profile_version = 1 WHERE evaluation_id = ?', [s.evaluation_id]);
    }
  },
};
