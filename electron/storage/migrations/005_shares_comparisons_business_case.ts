import type { Migration } from './types';

/**
 * Issue 14: shares, comparisons, a common-indicator catalogue and a business case.
 *
 * - `goals.measure`: 'count' (every earlier goal) or 'share' ("30 af 124"); a share's
 *   `target_in_period` is a percent or a count of the numerator (`share_target_kind`), and
 *   `denominator_target` its denominator's own target. `status_reports.denominator` is a share's
 *   reported denominator (`value` stays its numerator, so every count rule keeps working).
 * - `goals.comparison_*`: an effect goal's baseline or comparison group ("31 %, alle
 *   internationale dimittender, Danmarks Statistik 2018"). Lower-is-better goals keep `baseline`.
 * - `indicators.common`: 1 for an indicator of a loaded common catalogue (EU common indicators),
 *   0 for the portfolio's own.
 * - `business_cases`: one per project; amounts in øre like every amount. Results are computed.
 *
 * The kept figures (004) depend on the new goal and status columns, which 004's whole-row
 * triggers on goals and status_reports already cover, and on business_cases, whose triggers
 * are below.
 */
const SQL = `
ALTER TABLE goals ADD COLUMN measure TEXT NOT NULL DEFAULT 'count' CHECK (measure IN ('count', 'share'));
ALTER TABLE goals ADD COLUMN share_target_kind TEXT NOT NULL DEFAULT 'percent' CHECK (share_target_kind IN ('percent', 'count'));
ALTER TABLE goals ADD COLUMN denominator_target REAL NULL;
ALTER TABLE goals ADD COLUMN comparison_value REAL NULL;
ALTER TABLE goals ADD COLUMN comparison_label TEXT NOT NULL DEFAULT '';
ALTER TABLE goals ADD COLUMN comparison_source TEXT NOT NULL DEFAULT '';
ALTER TABLE goals ADD COLUMN comparison_year INTEGER NULL;

ALTER TABLE status_reports ADD COLUMN denominator REAL NULL;

ALTER TABLE indicators ADD COLUMN common INTEGER NOT NULL DEFAULT 0 CHECK (common IN (0, 1));

CREATE TABLE business_cases (
  project_id                  INTEGER PRIMARY KEY REFERENCES projects(id) ON DELETE CASCADE,
  cost_per_participant_ore    INTEGER NULL,
  cost_source                 TEXT NOT NULL DEFAULT '',
  saving_per_citizen_year_ore INTEGER NULL,
  saving_source               TEXT NOT NULL DEFAULT '',
  citizens                    REAL NULL,
  citizens_source             TEXT NOT NULL DEFAULT '',
  years                       REAL NULL,
  years_source                TEXT NOT NULL DEFAULT '',
  note                        TEXT NOT NULL DEFAULT ''
);

CREATE TRIGGER business_cases_figures_insert AFTER INSERT ON business_cases BEGIN
  UPDATE project_figures SET revision = revision + 1 WHERE project_id = NEW.project_id;
END;
CREATE TRIGGER business_cases_figures_update AFTER UPDATE ON business_cases BEGIN
  UPDATE project_figures SET revision = revision + 1 WHERE project_id IN (OLD.project_id, NEW.project_id);
END;
CREATE TRIGGER business_cases_figures_delete AFTER DELETE ON business_cases BEGIN
  UPDATE project_figures SET revision = revision + 1 WHERE project_id = OLD.project_id;
END;
`;

export const migration005: Migration = {
  version: 5,
  name: 'shares, comparisons, common indicators, business case',
  async up(db) {
    await db.exec(SQL);
  },
};
