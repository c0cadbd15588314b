import type { Migration } from './types';

/**
 * The files a project was imported from, kept with the portfolio, and the full-text index of
 * its texts (issue 15).
 *
 * - `source_files`: each file's bytes once, by SHA-256 of its content: importing the same report
 *   into two projects, or twice, stores it once.
 * - `project_sources`: which project a file was imported into, under which name, when, as what
 *   (format and content kind). Provenance notes ("Kilde: 003.pdf, side 6") name the file, so the
 *   name per project finds the bytes.
 *
 * The bytes live in the SQLite file, not in a folder beside it: the portfolio is one file that is
 * copied, mailed and backed up alone (the migration backup included), and the rows are written in
 * the import's own transaction, so a failed import keeps no file and a copied portfolio loses none.
 *
 * Search: `search_docs` holds one row per searchable text (a project's name, a goal, a score's
 * justification, a learning point, an audit entry, ...) with the place it belongs to, kept by
 * triggers on the tables it is taken from; `search_index` is an FTS5 index over it (external
 * content, so each text is stored once). `unicode61 remove_diacritics 0`: æ, ø and å are letters
 * of their own in Danish ("får" is not "far"); case is folded. The migration fills both from what
 * the file already holds. Deleted projects and rounds stay indexed (they can be restored); the
 * search leaves them out.
 *
 * Version 7 (wave 3: 004-006 belong to the other tasks of the wave).
 */
const SOURCES = `
CREATE TABLE source_files (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  sha256     TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
  size       INTEGER NOT NULL CHECK (size >= 0),
  content    BLOB NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE project_sources (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id  INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  source_id   INTEGER NOT NULL REFERENCES source_files(id),
  file_name   TEXT NOT NULL,
  format      TEXT NOT NULL,
  kind        TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  UNIQUE (project_id, source_id, file_name)
);
CREATE INDEX project_sources_name ON project_sources(project_id, file_name);
`;

/** One searchable text taken from a table: how its row maps to a document (SQL over `r.`). */
interface DocSpec {
  table: string;
  kind: string;
  ref: string;
  project: string;
  evaluation: string;
  field: string;
  body: string;
  /** Only rows where this holds are indexed. */
  when?: string;
  /** Rows are only ever inserted (the audit log). */
  insertOnly?: boolean;
}

const roundProject = '(SELECT project_id FROM evaluations WHERE id = r.evaluation_id)';
const PROJECT_TEXTS: [string, string][] = [
  ['name', 'name'],
  ['description', 'description'],
  ['grantRecipient', 'grant_recipient'],
  ['projectHolder', 'project_holder'],
  ['partners', 'partners'],
];

export const SEARCH_DOCS: DocSpec[] = [
  ...PROJECT_TEXTS.map(([field, col]) => ({ table: 'projects', kind: 'project', ref: `r.id || ':${field}'`, project: 'r.id', evaluation: 'NULL', field: `'${field}'`, body: `r.${col}` })),
  { table: 'goals', kind: 'goal', ref: 'r.id', project: 'r.project_id', evaluation: 'NULL', field: "'description'", body: "r.code || ' ' || r.description || ' ' || r.unit" },
  { table: 'effect_chain_items', kind: 'effect', ref: 'r.id', project: 'r.project_id', evaluation: 'NULL', field: 'r.chain_column', body: 'r.text' },
  { table: 'evaluations', kind: 'evaluation', ref: 'r.id', project: 'r.project_id', evaluation: 'r.id', field: "'overallStatus'", body: "r.evaluator || ' ' || r.overall_status" },
  { table: 'implementation_scores', kind: 'score', ref: "r.evaluation_id || ':' || r.parameter", project: roundProject, evaluation: 'r.evaluation_id', field: 'r.parameter', body: "r.headline || ' ' || r.text" },
  { table: 'light_decisions', kind: 'light', ref: "r.evaluation_id || ':' || r.kind", project: roundProject, evaluation: 'r.evaluation_id', field: 'r.kind', body: "r.reason || ' ' || r.text" },
  { table: 'learning_points', kind: 'learning', ref: 'r.id', project: roundProject, evaluation: 'r.evaluation_id', field: 'r.kind', body: "r.title || ' ' || r.text" },
  { table: 'evaluation_texts', kind: 'text', ref: "r.evaluation_id || ':' || r.text_key", project: roundProject, evaluation: 'r.evaluation_id', field: 'r.text_key', body: 'r.text' },
  {
    table: 'audit_log',
    kind: 'history',
    ref: 'r.id',
    project: 'r.project_id',
    evaluation: 'NULL',
    field: "r.entity || '.' || r.field",
    // What a text was before an edit or a delete: the current text is indexed where it lives.
    body: 'r.old_value',
    when: "r.old_value IS NOT NULL AND r.old_value <> ''",
    insertOnly: true,
  },
];

const SEARCH_DOCS_TABLE = `
CREATE TABLE search_docs (
  id            INTEGER PRIMARY KEY,
  kind          TEXT NOT NULL,
  ref           TEXT NOT NULL,
  project_id    INTEGER NOT NULL,
  evaluation_id INTEGER NULL,
  field         TEXT NOT NULL,
  body          TEXT NOT NULL,
  UNIQUE (kind, ref)
);
CREATE INDEX search_docs_project ON search_docs(project_id);
`;
/** SQLite's FTS5 index over search_docs; PostgreSQL searches search_docs itself (electron/storage/search.ts). */
const FTS_INDEX = `CREATE VIRTUAL TABLE search_index USING fts5(body, content = 'search_docs', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 0');
`;

const SEARCH = SEARCH_DOCS_TABLE + FTS_INDEX;

const INDEX_TRIGGERS = `
CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
  INSERT INTO search_index (rowid, body) VALUES (new.id, new.body);
END;
CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
  INSERT INTO search_index (search_index, rowid, body) VALUES ('delete', old.id, old.body);
END;
CREATE TRIGGER search_docs_au AFTER UPDATE ON search_docs BEGIN
  INSERT INTO search_index (search_index, rowid, body) VALUES ('delete', old.id, old.body);
  INSERT INTO search_index (rowid, body) VALUES (new.id, new.body);
END;
`;

const on = (expr: string, row: string) => expr.replace(/\br\./g, `${row}.`);

/** Inserts or updates the document of row `row` (`new` in a trigger; `r` over the table itself). */
function upsert(d: DocSpec, row: string, from = ''): string {
  return `INSERT INTO search_docs (kind, ref, project_id, evaluation_id, field, body)
    SELECT '${d.kind}', ${on(d.ref, row)}, ${on(d.project, row)}, ${on(d.evaluation, row)}, ${on(d.field, row)}, ${on(d.body, row)}${from}
    WHERE ${on(d.project, row)} IS NOT NULL${d.when ? ` AND ${on(d.when, row)}` : ''}
    ON CONFLICT (kind, ref) DO UPDATE SET body = excluded.body, field = excluded.field;`;
}

/** The triggers that keep `search_docs` in step with the tables, one set per table. */
function tableTriggers(docSpecs: readonly DocSpec[] = SEARCH_DOCS): string {
  const byTable = new Map<string, DocSpec[]>();
  for (const d of docSpecs) byTable.set(d.table, [...(byTable.get(d.table) ?? []), d]);
  const out: string[] = [];
  for (const [table, docs] of byTable) {
    out.push(`CREATE TRIGGER search_${table}_ai AFTER INSERT ON ${table} BEGIN\n${docs.map((d) => upsert(d, 'new')).join('\n')}\nEND;`);
    if (docs.every((d) => d.insertOnly)) continue;
    out.push(`CREATE TRIGGER search_${table}_au AFTER UPDATE ON ${table} BEGIN\n${docs.map((d) => upsert(d, 'new')).join('\n')}\nEND;`);
    // A project's documents include its history: all of them go with it.
    const remove = table === 'projects' ? 'DELETE FROM search_docs WHERE project_id = old.id;' : docs.map((d) => `DELETE FROM search_docs WHERE kind = '${d.kind}' AND ref = ${on(d.ref, 'old')};`).join('\n');
    out.push(`CREATE TRIGGER search_${table}_ad AFTER DELETE ON ${table} BEGIN\n${remove}\nEND;`);
  }
  return out.join('\n');
}

/** The documents of the rows already in the file. */
function fill(docSpecs: readonly DocSpec[] = SEARCH_DOCS): string {
  return docSpecs.map((d) => upsert(d, 'r', ` FROM ${d.table} r`)).join('\n');
}

export const migration007: Migration = {
  version: 7,
  name: 'sources kept and search index',
  async up(db) {
    await db.exec(SOURCES);
    await db.exec(SEARCH);
    await db.exec(fill());
    await db.exec("INSERT INTO search_index (search_index) VALUES ('rebuild');");
    await db.exec(INDEX_TRIGGERS);
    await db.exec(tableTriggers());
  },
  async upPostgres(db) {
    // `ref` is TEXT: PostgreSQL compares and stores an integer id there only as text.
    const docs = SEARCH_DOCS.map((d) => ({ ...d, ref: `CAST(${d.ref} AS TEXT)` }));
    await db.exec(SOURCES);
    await db.exec(SEARCH_DOCS_TABLE);
    await db.exec(fill(docs));
    await db.exec(tableTriggers(docs));
  },
};
