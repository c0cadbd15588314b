import type { Migration } from './types';

/**
 * Others' changes appear without reloading (issue 13, team mode): on PostgreSQL every audited
 * change (every user's write goes through the audit log, whichever client made it) notifies the
 * channel `trafiklys_changes` with the project, the session's user, the entity and the writing
 * connection's application_name (a window tells its own writes from others' by it). PostgreSQL
 * delivers a notification when the writing transaction commits, never for one rolled back, and
 * sends identical payloads of one transaction once (an import of 1,000 statuses is one message).
 * A SQLite file has one user: nothing to tell, so the step is empty there.
 */
export const migration011: Migration = {
  version: 11,
  name: 'change notifications',
  async up() {
    // SQLite: one person, one process; nothing to notify.
  },
  async upPostgres(db) {
    await db.exec(`
CREATE FUNCTION trafiklys_notify_change() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  PERFORM pg_notify('trafiklys_changes', json_build_object('projectId', NEW.project_id, 'user', NEW."user", 'entity', NEW.entity, 'session', current_setting('application_name', true))::text);
  RETURN NULL;
END $f$;
CREATE TRIGGER audit_log_notify AFTER INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION trafiklys_notify_change();
`);
  },
};
