import { migration001 } from './001_initial';
import { migration002 } from './002_indicators_and_round_deletion';
import { migration003 } from './003_texts_signoff';
import { migration004 } from './004_kept_figures';
import { migration005 } from './005_shares_comparisons_business_case';
import { migration006 } from './006_profile_versions_recycle_bin';
import { migration007 } from './007_sources_search';
import { migration008 } from './008_source_importer';
import { migration009 } from './009_spending_by_year';
import { migration010 } from './010_project_assignments';
import { migration011 } from './011_change_notifications';
import { migration012 } from './012_row_versions';
import { migration013 } from './013_figure_approvals';
import { migration014 } from './014_more_row_versions';
import type { Migration } from './types';

export type { Migration } from './types';

/** All migrations of this app version, in order. Append new ones; never reorder or edit. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010, migration011, migration012, migration013, migration014];

export const LATEST_VERSION: number = MIGRATIONS[MIGRATIONS.length - 1].version;
