import type { SqlConn } from './sqlite';

/**
 * What differs between the engines a PortfolioStore runs on, and only that (the way Grafana's
 * migrator keeps `sqlite_dialect.go` and `postgres_dialect.go` beside one list of migrations,
 * ../shared/ARCHITECTURE.md section 8). The store's SQL and row mapping are written once, in
 * SQLite's spelling; on PostgreSQL the connection rewrites the few spellings that differ
 * (`postgresDialect.translate`: placeholders, INSERT OR IGNORE, COLLATE NOCASE, `IS ?`,
 * LIKE's case, the `user` column, the clock, column types and triggers in DDL). What cannot be
 * rewritten in place (the catalogue, the row order without a key, full-text search) is asked of
 * the dialect by the store.
 */
export interface Dialect {
  readonly name: 'sqlite' | 'postgres';
  /** Whether the schema has a table of that name. */
  tableExists(c: SqlConn, table: string): Promise<boolean>;
  /** The app's data tables (no engine tables), by name. */
  listTables(c: SqlConn): Promise<string[]>;
  /** A table's columns in order; `pk` is the column's position in the primary key (0: not in it). */
  tableColumns(c: SqlConn, table: string): Promise<{ name: string; pk: number }[]>;
  /** The tables a table's foreign keys point at (for copying in an order the keys accept). */
  referencedTables(c: SqlConn, table: string): Promise<string[]>;
  /** Makes the table's id generator continue after `last` (a copy keeps the source's ids, and ids are never reused). */
  continueIdsAfter(c: SqlConn, table: string, last: number): Promise<void>;
  /** What orders the rows of a table without a primary key. */
  readonly physicalRowOrder: string;
  /** Full-text search: the FTS5 index of migration 007, or a plain substring match. */
  readonly fullTextSearch: 'fts5' | 'substring';
  /** The highest id the table's id generator has handed out (AUTOINCREMENT's sqlite_sequence, a serial's sequence). */
  lastGeneratedId(c: SqlConn, table: string): Promise<number>;
  /** After rows were written with ids of their own (the bulk load): the id generator continues after them. */
  afterExplicitIds(c: SqlConn, tables: readonly string[]): Promise<void>;
  /** Whether rows may be sent as one JSON text per batch (SQLite's jsonb_each) rather than bound one by one. */
  readonly jsonBatches: boolean;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export const sqliteDialect: Dialect = {
  name: 'sqlite',
  async tableExists(c, table) {
    return (await c.get("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?", [table])) !== undefined;
  },
  async listTables(c) {
    const rows = await c.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name");
    return rows.map((r) => r.name);
  },
  async tableColumns(c, table) {
    return c.all<{ name: string; pk: number }>(`PRAGMA table_info(${quote(table)})`);
  },
  async referencedTables(c, table) {
    const rows = await c.all<{ table: string }>(`PRAGMA foreign_key_list(${quote(table)})`);
    return [...new Set(rows.map((r) => r.table))];
  },
  async continueIdsAfter(c, table, last) {
    if (last <= 0) return;
    const found = await c.get('SELECT seq FROM sqlite_sequence WHERE name = ?', [table]);
    if (found) await c.run('UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?', [last, table]);
    else await c.run('INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)', [table, last]);
  },
  physicalRowOrder: 'rowid',
  fullTextSearch: 'fts5',
  async lastGeneratedId(c, table) {
    return (await c.get<{ seq: number }>('SELECT seq FROM sqlite_sequence WHERE name = ?', [table]))?.seq ?? 0;
  },
  async afterExplicitIds() {
    // AUTOINCREMENT continues after the highest id by itself.
  },
  jsonBatches: true,
};

export const postgresDialect: Dialect & { translate(sql: string): string; translateDdl(sql: string): string } = {
  name: 'postgres',
  async tableExists(c, table) {
    return (await c.get('SELECT 1 AS found FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?', [table])) !== undefined;
  },
  async listTables(c) {
    const rows = await c.all<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'trafiklys_schema' ORDER BY table_name COLLATE \"C\"",
    );
    return rows.map((r) => r.name);
  },
  async tableColumns(c, table) {
    return c.all<{ name: string; pk: number }>(
      `SELECT a.attname AS name, coalesce(array_position(i.indkey::int2[], a.attnum) + 1, 0) AS pk
         FROM pg_attribute a
         LEFT JOIN pg_index i ON i.indrelid = a.attrelid AND i.indisprimary
        WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attnum`,
      [quote(table)],
    );
  },
  async referencedTables(c, table) {
    const rows = await c.all<{ name: string }>(
      `SELECT DISTINCT cl.relname AS name FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.confrelid
        WHERE co.contype = 'f' AND co.conrelid = to_regclass(?)`,
      [quote(table)],
    );
    return rows.map((r) => r.name);
  },
  async continueIdsAfter(c, table, last) {
    if (last <= 0) return;
    await c.get("SELECT setval(pg_get_serial_sequence(?, 'id'), ?) AS v", [quote(table), last]);
  },
  physicalRowOrder: 'ctid',
  fullTextSearch: 'substring',
  async lastGeneratedId(c, table) {
    const row = await c.get<{ seq: number | null }>('SELECT last_value AS seq FROM pg_sequences WHERE schemaname = current_schema() AND sequencename = ?', [`${table}_id_seq`]);
    return row?.seq ?? 0;
  },
  async afterExplicitIds(c, tables) {
    for (const table of tables) {
      // The table name is the app's own (a fixed list), never user input.
      await c.get(`SELECT setval(pg_get_serial_sequence(?, 'id'), (SELECT MAX(id) FROM ${quote(table)})) AS v FROM ${quote(table)} LIMIT 1`, [table]);
    }
  },
  jsonBatches: false,
  translate: translateForPostgres,
  translateDdl: ddlForPostgres,
};

/** Applies `fn` to the parts of `sql` outside string literals and quoted names. */
function outsideQuotes(sql: string, fn: (part: string) => string): string {
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const q = sql.slice(i).search(/['"]/);
    if (q < 0) {
      out += fn(sql.slice(i));
      break;
    }
    out += fn(sql.slice(i, i + q));
    const quoteChar = sql[i + q];
    let j = i + q + 1;
    for (;;) {
      const k = sql.indexOf(quoteChar, j);
      if (k < 0) {
        j = sql.length;
        break;
      }
      if (sql[k + 1] === quoteChar) {
        j = k + 2;
        continue;
      }
      j = k + 1;
      break;
    }
    out += sql.slice(i + q, j);
    i = j;
  }
  return out;
}

/** SQLite's `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`: an ISO instant in UTC with milliseconds. */
const PG_NOW_ISO = `to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A DML statement of the store, as SQLite spells it, in PostgreSQL's spelling. */
function translateForPostgres(sql: string): string {
  let orIgnore = false;
  let out = sql.replace(/strftime\('%Y-%m-%dT%H:%M:%fZ', 'now'\)/g, PG_NOW_ISO);
  out = outsideQuotes(out, (part) =>
    part
      .replace(/\bINSERT OR IGNORE INTO\b/gi, () => {
        orIgnore = true;
        return 'INSERT INTO';
      })
      .replace(/([\w.]+) COLLATE NOCASE/gi, 'lower($1)')
      .replace(/\bIS \?/g, 'IS NOT DISTINCT FROM ?')
      .replace(/\bNOT LIKE\b/g, 'NOT ILIKE')
      .replace(/(?<!NOT )\bLIKE\b/g, 'ILIKE')
      // audit_log.user: a reserved word in PostgreSQL.
      .replace(/(?<=[(,.]\s*|SELECT\s+)user\b(?!\s*\()/g, '"user"'),
  );
  if (orIgnore) out = out.replace(/;?\s*$/, ' ON CONFLICT DO NOTHING');
  let n = 0;
  return outsideQuotes(out, (part) => part.replace(/\?/g, () => `$${++n}`));
}

/**
 * A migration's DDL as SQLite spells it, in PostgreSQL's: ids, INTEGER, REAL, BLOB, and each SQLite
 * trigger (`CREATE TRIGGER t AFTER X ON tbl [WHEN c] BEGIN ...; END;`) as a PL/pgSQL function
 * and a row trigger that calls it.
 */
function ddlForPostgres(sql: string): string {
  let out = outsideQuotes(sql, (part) =>
    part
      // SQLite's INTEGER holds 64 bits (amounts in øre pass 2^31): BIGINT, read back as a number.
      .replace(/\bINTEGER PRIMARY KEY AUTOINCREMENT\b/g, 'BIGSERIAL PRIMARY KEY')
      .replace(/\bINTEGER PRIMARY KEY(?=\s*(,|\n|\)))/g, 'BIGSERIAL PRIMARY KEY')
      .replace(/\bINTEGER\b(?!\))/g, 'BIGINT')
      .replace(/\bREAL\b/g, 'DOUBLE PRECISION')
      .replace(/\bBLOB\b/g, 'BYTEA')
      .replace(/(?<=[(,]\s*)user(?=\s+TEXT)/g, '"user"'),
  );
  out = out.replace(
    /CREATE TRIGGER (\w+) (BEFORE|AFTER) (INSERT|UPDATE|DELETE) ON (\w+)(?: WHEN ([\s\S]*?))? BEGIN\b([\s\S]*?)\bEND;/g,
    (_m, name: string, timing: string, event: string, table: string, when: string | undefined, body: string) => {
      const statements = translateForPostgres(body.trim());
      const guarded = when ? `IF ${translateForPostgres(when.trim())} THEN\n${statements}\nEND IF;` : statements;
      return (
        `CREATE FUNCTION ${name}_fn() RETURNS trigger LANGUAGE plpgsql AS $trg$\nBEGIN\n${guarded}\n` +
        `IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;\nRETURN NEW;\nEND\n$trg$;\n` +
        `CREATE TRIGGER ${name} ${timing} ${event} ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}_fn();`
      );
    },
  );
  return out;
}
