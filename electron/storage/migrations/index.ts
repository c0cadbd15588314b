import { migration001 } from './001_initial';
import { migration002 } from './002_indicators_and_round_deletion';
import { migration003 } from './003_texts_signoff';
import { migration004 } from './004_kept_figures';
import { migration005 } from './005_shares_comparisons_business_case';
import { migration006 } from './006_profile_versions_recycle_bin';
import { migration007 } from './007_sources_search';
import { migration011 } from './011_source_importer';
import type { Migration } from './types';

export type { Migration } from './types';

/**
 * Wave 4: 008-010 are other branches' migrations (put in at their merge, replacing the
 * placeholders); until then a no-op keeps the list numbered 1..n.
 */
const reserved = (version: number): Migration => ({ version, name: `reserved for another branch (${version})`, up: async () => undefined });

/** All migrations of this app version, in order. Append new ones; never reorder or edit. */
export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  reserved(8),
  reserved(9),
  reserved(10),
  migration011,
];

export const LATEST_VERSION: number = MIGRATIONS[MIGRATIONS.length - 1].version;
