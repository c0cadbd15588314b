import type { Migration } from './types';

/**
 * Who imported a kept source (issue 15: the workbook and the report list a project's sources with
 * when and by whom). Sources kept before this version have no importer on record: NULL, shown as
 * "ikke registreret", never guessed from the audit log's nearby rows. The kept portfolio figures
 * (004) read no source, so no trigger is needed.
 */
export const migration008: Migration = {
  version: 8,
  name: 'source importer',
  async up(db) {
    await db.exec('ALTER TABLE project_sources ADD COLUMN imported_by TEXT NULL;');
  },
};
