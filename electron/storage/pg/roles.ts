import pg from 'pg';
import { openPgDatabase } from './pgDb';
import { groupRoleName, PROJECT_OF, privilegesOf, TEAM_ROLES, type Privilege } from './roleMatrix';

export * from './roleMatrix';

const READ: Privilege[] = ['SELECT'];
const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/** A role name the server and a shell both take without quoting surprises. */
export function validRoleName(name: string): boolean {
  return /^[a-z_][a-z0-9_.-]{0,62}$/i.test(name);
}

export interface ServerInitResult {
  roles: string[];
  tables: number;
}

/**
 * `server init`: migrates the schema (as the connecting admin, who then owns it), creates the four
 * group roles if missing, revokes and grants per table from ROLE_MATRIX, makes the trigger
 * functions SECURITY DEFINER and (re)creates the row-level security policies. One transaction
 * for the grants and policies; running it again gives the same result.
 */
export async function serverInit(url: string, options: { prefix?: string } = {}): Promise<ServerInitResult> {
  const prefix = options.prefix ?? 'trafiklys_';
  if (!/^[a-z_][a-z0-9_]{0,40}$/.test(prefix)) throw new Error(`Ugyldigt rollepræfiks: ${prefix}`);
  const db = await openPgDatabase(url);
  await db.close();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = (
      await client.query<{ name: string }>(
        "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name",
      )
    ).rows.map((r) => r.name);
    const groups = TEAM_ROLES.map((r) => groupRoleName(r, prefix));
    await client.query('BEGIN');
    // Roles are cluster-wide: two databases initialised at once must not both create one.
    await client.query('SELECT pg_advisory_xact_lock(1414677068)');
    for (const group of groups) {
      const exists = (await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [group])).rowCount;
      if (!exists) await client.query(`CREATE ROLE ${ident(group)} NOLOGIN`);
    }
    const database = (await client.query<{ db: string }>('SELECT current_database() AS db')).rows[0].db;
    const sql: string[] = [];
    for (const group of groups) {
      sql.push(`GRANT CONNECT ON DATABASE ${ident(database)} TO ${ident(group)}`, `GRANT USAGE ON SCHEMA public TO ${ident(group)}`);
    }
    sql.push(`GRANT ${ident(groupRoleName('admin', prefix))} TO CURRENT_USER`);
    for (const table of tables) {
      sql.push(`REVOKE ALL ON ${ident(table)} FROM PUBLIC, ${groups.map(ident).join(', ')}`);
      for (const role of TEAM_ROLES) {
        const privileges = table === 'trafiklys_schema' ? READ : privilegesOf(role, table);
        sql.push(`GRANT ${privileges.join(', ')} ON ${ident(table)} TO ${ident(groupRoleName(role, prefix))}`);
      }
    }
    for (const role of TEAM_ROLES) {
      if (role !== 'manager') sql.push(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${ident(groupRoleName(role, prefix))}`);
    }
    // Derived rows (kept figures' revision, search index) are the triggers' work: they run as the owner.
    const fns = (
      await client.query<{ sig: string }>(
        `SELECT p.oid::regprocedure::text AS sig FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
          WHERE n.nspname = current_schema() AND p.prorettype = 'trigger'::regtype`,
      )
    ).rows.map((r) => r.sig);
    for (const fn of fns) sql.push(`ALTER FUNCTION ${fn} SECURITY DEFINER SET search_path = ${ident('public')}`);
    // Who may write a project's rows: an admin, or a user assigned to the project.
    const admin = groupRoleName('admin', prefix);
    sql.push(`CREATE OR REPLACE FUNCTION trafiklys_may_write(project BIGINT) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $f$
        SELECT pg_has_role(session_user, ${literal(admin)}, 'MEMBER')
            OR EXISTS (SELECT 1 FROM project_assignments a WHERE a.project_id = project AND a.user_name = session_user)
      $f$`);
    sql.push(`REVOKE ALL ON FUNCTION trafiklys_may_write(BIGINT) FROM PUBLIC`);
    for (const group of groups) sql.push(`GRANT EXECUTE ON FUNCTION trafiklys_may_write(BIGINT) TO ${ident(group)}`);
    // A case officer who creates a project (an import) is assigned to it.
    sql.push(`CREATE OR REPLACE FUNCTION trafiklys_assign_creator() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $f$
      BEGIN
        IF NOT pg_has_role(session_user, ${literal(admin)}, 'MEMBER') THEN
          INSERT INTO project_assignments (project_id, user_name, role) VALUES (NEW.id, session_user, 'case-officer') ON CONFLICT DO NOTHING;
        END IF;
        RETURN NEW;
      END $f$`);
    sql.push('DROP TRIGGER IF EXISTS projects_assign_creator ON projects');
    sql.push('CREATE TRIGGER projects_assign_creator AFTER INSERT ON projects FOR EACH ROW EXECUTE FUNCTION trafiklys_assign_creator()');
    for (const [table, project] of Object.entries(PROJECT_OF)) {
      if (!tables.includes(table)) continue;
      const t = ident(table);
      sql.push(`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`);
      for (const p of ['read', 'insert', 'update', 'delete']) sql.push(`DROP POLICY IF EXISTS trafiklys_${p} ON ${t}`);
      const may = `trafiklys_may_write(${project})`;
      sql.push(`CREATE POLICY trafiklys_read ON ${t} FOR SELECT USING (true)`);
      // A new project has no assignment yet: creating one is the table right's question (the trigger assigns it).
      sql.push(`CREATE POLICY trafiklys_insert ON ${t} FOR INSERT WITH CHECK (${table === 'projects' ? 'true' : may})`);
      sql.push(`CREATE POLICY trafiklys_update ON ${t} FOR UPDATE USING (${may}) WITH CHECK (${may})`);
      sql.push(`CREATE POLICY trafiklys_delete ON ${t} FOR DELETE USING (${may})`);
    }
    for (const statement of sql) await client.query(statement);
    await client.query('COMMIT');
    return { roles: groups, tables: tables.length };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
