import pg from 'pg';
import { openPgDatabase } from './pgDb';
import { columnsDenied, groupRoleName, PROJECT_OF, privilegesOf, TEAM_ROLES, type Privilege, type TeamRole } from './roleMatrix';

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
    const columns = new Map<string, string[]>();
    for (const r of (
      await client.query<{ t: string; c: string }>(
        'SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position',
      )
    ).rows)
      columns.set(r.t, [...(columns.get(r.t) ?? []), r.c]);
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
        const denied = table === 'trafiklys_schema' ? [] : columnsDenied(role, table);
        const group = ident(groupRoleName(role, prefix));
        if (denied.length === 0) {
          sql.push(`GRANT ${privileges.join(', ')} ON ${ident(table)} TO ${group}`);
          continue;
        }
        // UPDATE of the other columns only: the owned ones (the round's budget and time) are refused by the server.
        sql.push(`GRANT ${privileges.filter((p) => p !== 'UPDATE').join(', ')} ON ${ident(table)} TO ${group}`);
        const allowed = (columns.get(table) ?? []).filter((c) => !denied.includes(c));
        if (allowed.length) sql.push(`GRANT UPDATE (${allowed.map(ident).join(', ')}) ON ${ident(table)} TO ${group}`);
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
      // A policy's USING would let an UPDATE or DELETE of another project's row touch no row and
      // succeed in silence (the store would then report a save that did not happen). So every row
      // is reachable, the new row must be the user's (WITH CHECK), and the old row's project is
      // checked by a trigger that refuses as the server's own row-level security does (42501).
      sql.push(`CREATE POLICY trafiklys_update ON ${t} FOR UPDATE USING (true) WITH CHECK (${may})`);
      sql.push(`CREATE POLICY trafiklys_delete ON ${t} FOR DELETE USING (true)`);
      const fn = ident(`trafiklys_guard_${table}`);
      sql.push(`CREATE OR REPLACE FUNCTION ${fn}() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $f$
        BEGIN
          IF NOT trafiklys_may_write(${oldRowProject(project)}) THEN
            RAISE EXCEPTION 'row-level security for table "${table}": the project is not assigned to %', session_user USING ERRCODE = '42501';
          END IF;
          RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END $f$`);
      sql.push(`DROP TRIGGER IF EXISTS trafiklys_guard ON ${t}`);
      sql.push(`CREATE TRIGGER trafiklys_guard BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
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

/**
 * PROJECT_OF's expression of a row's project, for the row before the change (OLD) in a trigger:
 * its own columns (`id`, `project_id`, `evaluation_id`, `goal_id`) become OLD's.
 */
export function oldRowProject(expression: string): string {
  if (/^\w+$/.test(expression)) return `OLD.${expression}`;
  return expression.replace(/= (\w+)\)$/, '= OLD.$1)');
}

/** A refusal of `server user add/list`, in Danish (the message) and English; the CLI prints the run's language. */
export class ServerRoleError extends Error {
  constructor(
    message: string,
    readonly english: string,
  ) {
    super(message);
    this.name = 'ServerRoleError';
  }

  text(lang: 'da' | 'en'): string {
    return lang === 'en' ? this.english : this.message;
  }
}

export interface UserToAdd {
  name: string;
  roles: TeamRole[];
  projects: number[];
  /** The login's password; null: a login without one (trust or certificate auth). Never printed. */
  password: string | null;
  prefix?: string;
}

/**
 * `server user add`: a LOGIN role, member of the group roles, with its projects assigned (one
 * assignment per project and role, evaluator and case officer only: a manager reads all, an admin
 * writes all). Refused, with nothing changed, when the connecting user is not an admin (not a
 * member of the admin group and not allowed to create roles), the name is taken, or a project
 * does not exist.
 */
export async function serverUserAdd(url: string, user: UserToAdd): Promise<void> {
  const prefix = user.prefix ?? 'trafiklys_';
  if (!validRoleName(user.name)) throw new ServerRoleError(`Ugyldigt brugernavn "${user.name}": brug bogstaver, tal, _ . og - (højst 63 tegn).`, `Invalid user name "${user.name}": use letters, digits, _ . and - (at most 63 characters).`);
  if (user.roles.length === 0) throw new ServerRoleError('Angiv mindst én rolle med --role (evaluator, case-officer, manager eller admin).', 'Give at least one role with --role (evaluator, case-officer, manager or admin).');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const me = await client.query<{ name: string; createrole: boolean; admin: boolean; inited: boolean }>(
      `SELECT session_user AS name, r.rolcreaterole OR r.rolsuper AS createrole,
              coalesce(pg_has_role(session_user, $1, 'MEMBER'), false) AS admin,
              to_regclass('project_assignments') IS NOT NULL AS inited
         FROM pg_roles r WHERE r.rolname = session_user`,
      [groupRoleName('admin', prefix)],
    ).catch(() => null);
    const row = me?.rows[0];
    if (!row || !row.inited) throw new ServerRoleError('Serveren er ikke sat op til Trafiklys: kør først "server init" som administrator.', 'The server is not set up for Trafiklys: run "server init" as an administrator first.');
    if (!row.admin || !row.createrole)
      throw new ServerRoleError(
        `Du (${row.name}) er ikke administrator på serveren: kun en administrator med ret til at oprette roller kan tilføje brugere. Intet er ændret.`,
        `You (${row.name}) are not an administrator on the server: only an administrator who may create roles can add users. Nothing was changed.`,
      );
    if ((await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [user.name])).rowCount)
      throw new ServerRoleError(`Brugernavnet "${user.name}" er allerede taget på serveren. Vælg et andet navn. Intet er ændret.`, `The user name "${user.name}" is already taken on the server. Choose another name. Nothing was changed.`);
    await client.query('BEGIN');
    for (const id of user.projects) {
      if (!(await client.query('SELECT 1 FROM projects WHERE id = $1', [id])).rowCount)
        throw new ServerRoleError(`Projektet med id ${id} findes ikke i porteføljen. Intet er ændret.`, `There is no project with id ${id} in the portfolio. Nothing was changed.`);
    }
    const password = user.password === null ? '' : ` PASSWORD ${literal(user.password)}`;
    await client.query(`CREATE ROLE ${ident(user.name)} LOGIN${password} IN ROLE ${user.roles.map((r) => ident(groupRoleName(r, prefix))).join(', ')}`);
    for (const id of user.projects) {
      for (const role of user.roles.filter((r) => r === 'evaluator' || r === 'case-officer')) {
        await client.query('INSERT INTO project_assignments (project_id, user_name, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [id, user.name, role]);
      }
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

export interface ServerUser {
  name: string;
  roles: TeamRole[];
  projects: { id: number; name: string; role: string }[];
}

/** `server user list`: the logins that hold a Trafiklys group role, with their assignments. */
export async function serverUserList(url: string, options: { prefix?: string } = {}): Promise<ServerUser[]> {
  const prefix = options.prefix ?? 'trafiklys_';
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const groups = new Map(TEAM_ROLES.map((r) => [groupRoleName(r, prefix), r]));
    const members = await client.query<{ name: string; grp: string }>(
      `SELECT u.rolname AS name, g.rolname AS grp FROM pg_auth_members m
         JOIN pg_roles u ON u.oid = m.member JOIN pg_roles g ON g.oid = m.roleid
        WHERE g.rolname = ANY($1) AND u.rolcanlogin ORDER BY u.rolname, g.rolname`,
      [[...groups.keys()]],
    );
    const assignments = await client.query<{ user_name: string; id: number; name: string; role: string }>(
      'SELECT a.user_name, p.id::int AS id, p.name, a.role FROM project_assignments a JOIN projects p ON p.id = a.project_id ORDER BY a.user_name, p.name, a.role',
    );
    const users = new Map<string, ServerUser>();
    for (const m of members.rows) {
      const u = users.get(m.name) ?? { name: m.name, roles: [], projects: [] };
      u.roles.push(groups.get(m.grp)!);
      users.set(m.name, u);
    }
    for (const a of assignments.rows) users.get(a.user_name)?.projects.push({ id: a.id, name: a.name, role: a.role });
    return [...users.values()];
  } finally {
    await client.end();
  }
}
