import type { Migration } from './types';

/**
 * The files a project was imported from, kept with the portfolio (issue 15).
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

export const migration007: Migration = {
  version: 7,
  name: 'sources kept and search index',
  async up(db) {
    await db.exec(SOURCES);
  },
};
