import { isPostgresUrl, PgDb, redactUrl } from '../../storage/pg/pgDb';
import { serverInit, ServerRoleError, serverUserAdd, serverUserList, TEAM_ROLES, type TeamRole } from '../../storage/pg/roles';
import { CliError, requireString, type CliArgs, type CliCommand, type CliIO } from '../types';

/**
 * `server init | user add NAME | user list --db postgres://ADMIN@…` (issue 13): sets a PostgreSQL
 * server up for a team (the schema migrated, the group roles, GRANTs from the role matrix,
 * row-level security by project assignment) and makes logins that are members of the group roles.
 * The new user's password comes on standard input (`--password-stdin`), never on the command line.
 */
export const serverCommand: CliCommand = {
  name: 'server',
  summary: 'Sæt en PostgreSQL-server op til et team (skema, roller, rettigheder) og opret brugere med roller og projekter.',
  usage: [
    'server init --db postgres://ADMIN@HOST:PORT/DB',
    'server user add NAME --role evaluator|case-officer|manager|admin [--role …] [--project ID]… [--password-stdin] --db postgres://ADMIN@HOST:PORT/DB',
    'server user list [--json] --db postgres://ADMIN@HOST:PORT/DB',
  ].join('\n       '),
  options: {
    db: { type: 'string' },
    role: { type: 'string', multiple: true },
    project: { type: 'string', multiple: true },
    'password-stdin': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  allowPositionals: true,
  async run(args, io) {
    const t = args.t;
    const url = requireString(args, 'db');
    if (!isPostgresUrl(url)) throw new CliError(t.serverNeedsUrl, 2);
    const [what, sub, name, ...extra] = args.positionals;
    const action = what === 'init' && sub === undefined ? 'init' : what === 'user' && (sub === 'add' || sub === 'list') ? `user ${sub}` : null;
    if (!action || (action === 'user add' && (!name || extra.length > 0)) || (action === 'user list' && name !== undefined)) throw new CliError(t.serverUsage, 2);
    // Reach the server first through the store's own connection: an unreachable server, a refused
    // login or a missing database are named in words (DB_SERVER), not as a driver's error.
    await (await PgDb.open(url)).close();
    try {
      if (action === 'init') {
        const result = await serverInit(url);
        io.out(t.serverInitDone(redactUrl(url), result.roles.join(', '), result.tables));
        return 0;
      }
      if (action === 'user add') {
        const roles = rolesOf(args);
        const projects = ((args.values.project as string[] | undefined) ?? []).map((p) => {
          if (!/^\d+$/.test(p)) throw new CliError(t.serverBadProject(p), 2);
          return Number(p);
        });
        const password = args.values['password-stdin'] ? await readPassword(io, t.serverNoPassword) : null;
        await serverUserAdd(url, { name: name!, roles, projects, password });
        io.out(t.serverUserAdded(name!, roles.join(', '), projects.length, password !== null));
        return 0;
      }
      const users = await serverUserList(url);
      if (args.values.json) io.out(JSON.stringify(users, null, 2));
      else if (users.length === 0) io.out(t.serverNoUsers);
      else for (const u of users) io.out(t.serverUserLine(u.name, u.roles.join(', '), u.projects.map((p) => `${p.name} (${p.id}, ${p.role})`).join('; ')));
      return 0;
    } catch (error) {
      if (error instanceof ServerRoleError) throw new CliError(error.text(args.lang));
      throw error;
    }
  },
};

function rolesOf(args: CliArgs): TeamRole[] {
  const given = (args.values.role as string[] | undefined) ?? [];
  for (const r of given) if (!(TEAM_ROLES as readonly string[]).includes(r)) throw new CliError(args.t.serverBadRole(r), 2);
  return [...new Set(given)] as TeamRole[];
}

/** The first line of standard input (`echo "$PW" | npm run cli -- server user add …`). */
async function readPassword(io: CliIO, missing: string): Promise<string> {
  const text = io.readStdin ? await io.readStdin() : await processStdin();
  const line = text.split(/\r?\n/)[0];
  if (!line) throw new CliError(missing, 2);
  return line;
}

async function processStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
