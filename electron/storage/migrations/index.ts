import { migration001 } from './001_initial';
import { migration002 } from './002_indicators_and_round_deletion';
import { migration003 } from './003_texts_signoff';
import { migration005 } from './005_shares_comparisons_business_case';
import type { Migration } from './types';

export type { Migration } from './types';

/**
 * Version 4 is H8's figures cache, written on another branch at the same time as 005. Until the
 * branches are merged this placeholder keeps the list numbered 1..n; at merge it is replaced by
 * H8's migration004 (005 does not depend on 004's tables, so either order of files works).
 */
const migration004Placeholder: Migration = {
  version: 4,
  name: 'reserved for the figures cache (H8)',
  async up() {},
};

/** All migrations of this app version, in order. Append new ones; never reorder or edit. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004Placeholder, migration005];

export const LATEST_VERSION: number = MIGRATIONS[MIGRATIONS.length - 1].version;
