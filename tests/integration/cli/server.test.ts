import { writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { runCli } from '../../../electron/cli/main';
import { createDemoPortfolio } from '../../../electron/services/demo';
import { resourcesDir } from '../../../electron/resources';
import { PG_SKIP_REASON, freshPgDatabase, testPgUrl } from '../../helpers/pgServer';
import { makeTempDir } from '../storage/helpers';

/**
 * `server init` and `server user add/list` on the command line (issue 13): an office's admin sets
 * the server up, adds users with roles and projects, and the server then refuses a manager's
 * import with the missing right named. On the test run's throwaway cluster (trust auth: the
 * password's effect on login is the server's pg_hba.conf, so the test checks it is stored).
 */

const run = async (argv: string[], stdin?: string) => {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t), ...(stdin === undefined ? {} : { readStdin: async () => stdin }) };
  const code = await runCli(argv, io, { LANG: 'da_DK.UTF-8' });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

const onServer = testPgUrl() ? describe : describe.skip;

onServer(`server init and user add/list on the command line${testPgUrl() ? '' : ` ${PG_SKIP_REASON}`}`, () => {
  let dir: string;
  let cleanup: () => void;
  let url = '';
  let drop: () => Promise<void> = async () => undefined;
  const tag = `${process.pid}${Date.now().toString(36)}`;
  const urlAs = (user: string) => {
    const u = new URL(url);
    u.username = user;
    return u.toString();
  };

  beforeAll(async () => {
    ({ dir, cleanup } = makeTempDir());
    const db = await freshPgDatabase('server_cli');
    url = db.url;
    drop = db.drop;
    const file = path.join(dir, 'demo.sqlite');
    await createDemoPortfolio(file, resourcesDir());
    expect((await run(['copy', '--from', file, '--to', url])).code).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await drop();
    cleanup();
  });

  it('init sets the server up (twice is fine); user add makes logins with roles, projects and a password from stdin; user list shows them', async () => {
    const init = await run(['server', 'init', '--db', url]);
    expect(init.err).toBe('');
    expect(init.code).toBe(0);
    expect(init.out).toMatch(/^Serveren postgres:\/\/postgres@127\.0\.0\.1:\d+\/t_server_cli_\w+ er sat op til Trafiklys: .*rollerne trafiklys_evaluator, trafiklys_case_officer, trafiklys_manager, trafiklys_admin findes/);
    expect((await run(['server', 'init', '--db', url])).code).toBe(0);

    const added = await run(['server', 'user', 'add', `anna${tag}`, '--role', 'evaluator', '--role', 'case-officer', '--project', '1', '--password-stdin', '--db', url], 'hemmelig-1\n');
    expect(added.err).toBe('');
    expect(added.out).toBe(`Brugeren anna${tag} er oprettet med rollerne evaluator, case-officer og tildelt 1 projekt.`);
    const manager = await run(['server', 'user', 'add', `mads${tag}`, '--role', 'manager', '--db', url]);
    expect(manager.out).toContain(`Brugeren mads${tag} er oprettet med rollen manager. Uden adgangskode:`);

    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const roles = await admin.query<{ name: string; password: boolean }>('SELECT rolname AS name, rolpassword IS NOT NULL AS password FROM pg_authid WHERE rolname = ANY($1) ORDER BY rolname', [[`anna${tag}`, `mads${tag}`]]);
      expect(roles.rows).toEqual([{ name: `anna${tag}`, password: true }, { name: `mads${tag}`, password: false }]);
    } finally {
      await admin.end();
    }

    const list = await run(['server', 'user', 'list', '--json', '--db', url]);
    const users = JSON.parse(list.out) as { name: string; roles: string[]; projects: { id: number; role: string }[] }[];
    expect(users.find((u) => u.name === `anna${tag}`)).toEqual({
      name: `anna${tag}`,
      roles: ['case-officer', 'evaluator'],
      projects: [
        { id: 1, name: 'Tiltrækning af talent (Headstart)', role: 'case-officer' },
        { id: 1, name: 'Tiltrækning af talent (Headstart)', role: 'evaluator' },
      ],
    });
    expect((await run(['server', 'user', 'list', '--db', url])).out).toContain(`mads${tag}: manager`);
  });

  it("the server refuses a manager's import with the right named, and a case officer's goes in; a non-admin cannot add users", async () => {
    const csv = path.join(dir, 'status.csv');
    writeFileSync(csv, 'Kode;Status;Dato\nB1;230;01.03.2023\n');
    const refused = await run(['import', csv, '--db', urlAs(`mads${tag}`), '--project', 'headstart']);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(new RegExp(`^Fejl: Du har ikke retten til at .* \\(sagsbehandler\\)\\. Du er logget ind som mads${tag}\\. Intet er gemt\\.`));
    const officer = await run(['import', csv, '--db', urlAs(`anna${tag}`), '--project', 'headstart']);
    expect(officer.err).toBe('');
    expect(officer.code).toBe(0);
    const notAdmin = await run(['server', 'user', 'add', `ny${tag}`, '--role', 'manager', '--db', urlAs(`anna${tag}`)]);
    expect(notAdmin.code).toBe(1);
    expect(notAdmin.err).toBe(`Fejl: Du (anna${tag}) er ikke administrator på serveren: kun en administrator med ret til at oprette roller kan tilføje brugere. Intet er ændret.`);
    // In English when the run is.
    const english = await run(['server', 'user', 'add', `ny${tag}`, '--role', 'manager', '--lang', 'en', '--db', urlAs(`anna${tag}`)]);
    expect(english.err).toBe(`Error: You (anna${tag}) are not an administrator on the server: only an administrator who may create roles can add users. Nothing was changed.`);
  });

  it('refuses a file, an unknown role, a bad project id, a taken name and a missing sub-command, with nothing changed', async () => {
    expect((await run(['server', 'init', '--db', path.join(dir, 'demo.sqlite')])).err).toBe('Fejl: server arbejder på en PostgreSQL-server: --db skal være postgres://ADMIN@VÆRT:PORT/DB.');
    const role = await run(['server', 'user', 'add', 'x', '--role', 'chef', '--db', url]);
    expect(role).toMatchObject({ code: 2, err: 'Fejl: Ukendt rolle "chef": brug evaluator, case-officer, manager eller admin.' });
    expect((await run(['server', 'user', 'add', 'x', '--role', 'manager', '--project', 'en', '--db', url])).err).toBe('Fejl: --project skal være et projekt-id (et helt tal), ikke "en".');
    expect((await run(['server', 'user', 'add', `mads${tag}`, '--role', 'manager', '--db', url])).err).toContain(`Brugernavnet "mads${tag}" er allerede taget`);
    expect((await run(['server', 'user', 'add', 'y', '--role', 'manager', '--project', '999', '--db', url])).err).toBe('Fejl: Projektet med id 999 findes ikke i porteføljen. Intet er ændret.');
    expect((await run(['server', 'user', 'add', 'z', '--role', 'manager', '--password-stdin', '--db', url], '')).err).toBe('Fejl: Der kom ingen adgangskode på standardinput (--password-stdin).');
    const missing = await run(['server', '--db', url]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('Brug "server init"');
    const list = JSON.parse((await run(['server', 'user', 'list', '--json', '--db', url])).out) as { name: string }[];
    expect(list.map((u) => u.name)).not.toContain('y');
    expect(list.map((u) => u.name)).not.toContain('z');
  });
});
