import type { Migration } from './types';

/**
 * No lost update for the rest of what a person edits by hand (issue 13, "each row carries a
 * version"): the effect chain, the survey's indicators, the learning points, the budget lines,
 * the financing and the spending by year, as migration 012 did for projects, goals, scores,
 * lights and texts. Each of their saves sends the whole row, so without a version a save based
 * on an old read would put back what someone else had changed in another field.
 */
export const MORE_VERSIONED_TABLES = ['effect_chain_items', 'survey_indicators', 'learning_points', 'budget_lines', 'financing_sources', 'spending_years'] as const;

export const migration014: Migration = {
  version: 14,
  name: 'more row versions',
  async up(db) {
    for (const table of MORE_VERSIONED_TABLES) await db.exec(`ALTER TABLE ${table} ADD COLUMN version INTEGER NOT NULL DEFAULT 1`);
  },
};
