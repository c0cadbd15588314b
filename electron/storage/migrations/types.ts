import type { SqlConn } from '../sqlite';

/**
 * One schema step. `up` runs inside the single migration transaction (foreign keys are off while
 * migrating, checked with `PRAGMA foreign_key_check` before commit), so it may rebuild tables.
 * Never edit a released migration: add a new numbered file instead.
 */
export interface Migration {
  version: number;
  name: string;
  up(db: SqlConn): Promise<void>;
  /**
   * PostgreSQL's variant, only where the SQL must differ beyond what the connection translates
   * (electron/storage/dialect.ts); without it `up` runs on PostgreSQL too.
   */
  upPostgres?(db: SqlConn): Promise<void>;
}
