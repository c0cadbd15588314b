import pg from 'pg';
import type { Evaluation } from '../../shared/domain';
import { openPortfolioStore, PermissionError, type PortfolioStore } from '../../electron/storage';
import {
  groupRoleName,
  privilegesOf,
  serverInit,
  serverUserAdd,
  serverUserList,
  TEAM_ROLES,
  type Privilege,
  type TeamRole,
} from '../../electron/storage/pg/roles';
import { PG_SKIP_REASON, freshPgDatabase, testPgUrl } from '../helpers/pgServer';
import { facts, goal } from './storage/helpers';

/**
 * Issue 13, "enforced by the server": the server refuses what a role may not do, whatever the
 * client sends. Roles are cluster-wide: this file names its group roles and logins with its own
 * prefix, so other test files on the same cluster do not clash.
 */

const available = testPgUrl() !== null;
const suite = available ? describe : describe.skip;

function evaluationInput(projectId: number): Omit<Evaluation, 'id' | 'createdAt'> {
  return {
    projectId,
    type: 'midterm',
    date: '2023-06-30',
    evaluator: 'Lars Holm',
    budgetSpentKr: 4_100_000,
    budgetTotalReportedKr: null,
    monthsElapsedReported: 18,
    monthsTotalReported: null,
    progressReportedBy: 'Bevillingsmodtager',
    progressReportedAt: null,
    overallStatus: '',
  };
}

suite(`team roles enforced by PostgreSQL${available ? '' : ` ${PG_SKIP_REASON}`}`, () => {
  const prefix = `tr${process.pid}${Date.now().toString(36)}_`;
  const login = (role: string) => `${prefix}${role.replace('-', '_')}_user`;
  let adminUrl = '';
  let drop: () => Promise<void> = async () => undefined;
  let projectY = 0;
  let evaluationX = 0;
  let evaluationY = 0;
  const urlAs = (user: string) => {
    const u = new URL(adminUrl);
    u.username = user;
    return u.toString();
  };
  const clientAs = async (user: string) => {
    const c = new pg.Client({ connectionString: urlAs(user) });
    await c.connect();
    return c;
  };

  beforeAll(async () => {
    const db = await freshPgDatabase('roles');
    adminUrl = db.url;
    drop = db.drop;
    await serverInit(adminUrl, { prefix });
    // Running init twice is fine.
    await serverInit(adminUrl, { prefix });
    const admin = await openPortfolioStore(adminUrl);
    try {
      const x = await admin.createProject(facts({ name: 'Projekt X' }));
      const y = await admin.createProject(facts({ name: 'Projekt Y' }));
      projectY = y.id;
      await admin.createGoal(goal(x.id));
      await admin.createGoal(goal(y.id));
      evaluationX = (await admin.createEvaluation(evaluationInput(x.id))).id;
      evaluationY = (await admin.createEvaluation(evaluationInput(y.id))).id;
    } finally {
      await admin.close();
    }
    // An evaluator and a case officer of project Y only; a manager; an admin.
    await serverUserAdd(adminUrl, { name: login('evaluator'), roles: ['evaluator'], projects: [projectY], password: null, prefix });
    await serverUserAdd(adminUrl, { name: login('case-officer'), roles: ['case-officer'], projects: [projectY], password: null, prefix });
    await serverUserAdd(adminUrl, { name: login('manager'), roles: ['manager'], projects: [], password: null, prefix });
    await serverUserAdd(adminUrl, { name: login('admin'), roles: ['admin'], projects: [], password: null, prefix });
  }, 60_000);

  afterAll(async () => {
    await drop();
    if (!adminUrl) return;
    const c = new pg.Client({ connectionString: adminUrl.replace(/\/[^/]*$/, '/postgres') });
    await c.connect();
    try {
      for (const r of TEAM_ROLES) await c.query(`DROP ROLE IF EXISTS "${login(r)}"`);
      for (const r of TEAM_ROLES) await c.query(`DROP ROLE IF EXISTS "${groupRoleName(r, prefix)}"`);
    } finally {
      await c.end();
    }
  });

  async function appTables(c: pg.Client): Promise<string[]> {
    const rows = await c.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name",
    );
    return rows.rows.map((r) => r.name);
  }

  async function firstColumn(c: pg.Client, table: string): Promise<string> {
    const r = await c.query<{ name: string }>(
      'SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position LIMIT 1',
      [table],
    );
    return r.rows[0].name;
  }

  async function refusal(c: pg.Client, sql: string): Promise<string | null> {
    try {
      await c.query(sql);
      return null;
    } catch (error) {
      return (error as { code?: string }).code ?? 'unknown';
    }
  }

  it('a manager cannot UPDATE, INSERT or DELETE any table of the app: the server refuses (insufficient_privilege)', async () => {
    const c = await clientAs(login('manager'));
    try {
      const tables = await appTables(c);
      expect(tables).toContain('project_assignments');
      expect(tables.length).toBeGreaterThan(20);
      const outcomes: string[] = [];
      for (const table of tables) {
        const col = await firstColumn(c, table);
        for (const sql of [`UPDATE "${table}" SET "${col}" = "${col}"`, `INSERT INTO "${table}" DEFAULT VALUES`, `DELETE FROM "${table}"`]) {
          outcomes.push(`${sql}: ${await refusal(c, sql)}`);
        }
        // Reading is the manager's right.
        expect(await refusal(c, `SELECT * FROM "${table}" LIMIT 1`)).toBeNull();
      }
      expect(outcomes.filter((o) => !o.endsWith(': 42501'))).toEqual([]);
      // The rows are still there.
      expect((await c.query('SELECT count(*)::int AS n FROM projects')).rows[0].n).toBe(2);
    } finally {
      await c.end();
    }
  });

  it('per role and per action, the server allows what the matrix grants and refuses the rest', async () => {
    const statements: Record<Privilege, (t: string, col: string) => string> = {
      SELECT: (t) => `SELECT * FROM "${t}" LIMIT 0`,
      INSERT: (t) => `INSERT INTO "${t}" SELECT * FROM "${t}" WHERE false`,
      UPDATE: (t, col) => `UPDATE "${t}" SET "${col}" = "${col}" WHERE false`,
      DELETE: (t) => `DELETE FROM "${t}" WHERE false`,
    };
    const wrong: string[] = [];
    let checked = 0;
    for (const role of TEAM_ROLES) {
      const c = await clientAs(login(role));
      try {
        for (const table of await appTables(c)) {
          const col = await firstColumn(c, table);
          for (const privilege of Object.keys(statements) as Privilege[]) {
            const expected = table === 'trafiklys_schema' ? privilege === 'SELECT' : privilegesOf(role, table).includes(privilege);
            const code = await refusal(c, statements[privilege](table, col));
            checked++;
            if (expected ? code !== null : code !== '42501') wrong.push(`${role} ${privilege} ${table}: expected ${expected ? 'allowed' : 'refused'}, got ${code ?? 'allowed'}`);
          }
        }
      } finally {
        await c.end();
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(4 * 4 * 20);
  });

  async function storeAs(role: TeamRole): Promise<PortfolioStore> {
    return openPortfolioStore(urlAs(login(role)));
  }

  it("an evaluator not assigned to project X cannot write X's scores but writes Y's; the refusal says why in Danish", async () => {
    const store = await storeAs('evaluator');
    try {
      const score = { parameter: 1 as const, score: 4, headline: 'Godt i gang', text: '' };
      const y = await store.setScore({ evaluationId: evaluationY, ...score });
      expect(y.score).toBe(4);
      const refused = await store.setScore({ evaluationId: evaluationX, ...score }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(PermissionError);
      expect((refused as Error).message).toMatch(/^Du har ikke retten til at ændre implementeringsscorer i dette projekt: projektet er ikke tildelt dig \(tr\w+_evaluator_user\)\. Intet er gemt\./);
      expect(await store.getScore(evaluationX, 1)).toBeNull();
      // Goals are the case officer's: refused by the table right, named.
      const goals = await store.listGoals(projectY);
      const goalRefused = await store.updateGoal(goals[0].id, { description: 'Ændret' }).catch((e: unknown) => e);
      expect((goalRefused as Error).message).toMatch(/^Du har ikke retten til at ændre mål \(sagsbehandler\)\. Du er logget ind som tr\w+_evaluator_user\. Intet er gemt\./);
    } finally {
      await store.close();
    }
  });

  it("changing or deleting an existing row of a project not assigned is refused in words, never skipped in silence (row-level security would let an UPDATE or DELETE touch no row)", async () => {
    // Rows of project X that exist (made by the admin): a score, the project's facts, a goal.
    const admin = await openPortfolioStore(adminUrl);
    let goalX = 0;
    let projectX = 0;
    try {
      await admin.setScore({ evaluationId: evaluationX, parameter: 2, score: 3, headline: 'Fra admin', text: '' });
      projectX = (await admin.listProjects()).find((p) => p.name === 'Projekt X')!.id;
      goalX = (await admin.listGoals(projectX))[0].id;
    } finally {
      await admin.close();
    }
    const evaluator = await storeAs('evaluator');
    try {
      const refused = await evaluator.setScore({ evaluationId: evaluationX, parameter: 2, score: 5, headline: 'Overskrevet', text: '' }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(PermissionError);
      expect((refused as Error).message).toMatch(/^Du har ikke retten til at ændre implementeringsscorer i dette projekt: projektet er ikke tildelt dig/);
      expect(await evaluator.getScore(evaluationX, 2)).toMatchObject({ score: 3, headline: 'Fra admin' });
    } finally {
      await evaluator.close();
    }
    const officer = await storeAs('case-officer');
    try {
      const facts = await officer.updateProject(projectX, { description: 'Overskrevet' }).catch((e: unknown) => e);
      expect(facts).toBeInstanceOf(PermissionError);
      expect((facts as Error).message).toMatch(/^Du har ikke retten til at ændre projektets fakta i dette projekt: projektet er ikke tildelt dig/);
      const deleted = await officer.deleteGoal(goalX).catch((e: unknown) => e);
      expect(deleted).toBeInstanceOf(PermissionError);
      expect((await officer.getGoal(goalX))?.id).toBe(goalX);
      expect((await officer.getProject(projectX))?.description).not.toBe('Overskrevet');
    } finally {
      await officer.close();
    }
  });

  it("a manager's write (as an import's first step, a new project) is refused with a message naming the right; the manager still reads the portfolio's figures", async () => {
    const store = await storeAs('manager');
    try {
      const refused = await store.createProject(facts({ name: 'Importeret' })).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(PermissionError);
      expect((refused as Error).message).toBe(`Du har ikke retten til at ændre projektets fakta (sagsbehandler). Du er logget ind som ${login('manager')}. Intet er gemt.`);
      expect((await store.listProjects()).map((p) => p.name)).toEqual(['Projekt X', 'Projekt Y']);
      // Stale kept figures are computed in memory, not written (no right to): no error.
      const rows = await store.listKeptFigures();
      expect(rows).toHaveLength(2);
      await expect(store.keepFigures(rows[0].projectId, rows[0].revision, { summary: '{}', pool: '{}' })).resolves.toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it('the audit log records the login name (the session user), not the OS user option; a case officer creating a project is assigned to it', async () => {
    const store = await openPortfolioStore(urlAs(login('case-officer')), { user: 'os-bruger' });
    try {
      expect(store.user).toBe(login('case-officer'));
      const goals = await store.listGoals(projectY);
      await store.updateGoal(goals[0].id, { description: 'Deltagere i opkvalificering' });
      const created = await store.createProject(facts({ name: 'Projekt Z' }));
      await store.updateProject(created.id, { description: 'Nyt' });
      const audit = await store.listAudit({ projectId: projectY });
      expect(audit.find((a) => a.field === 'description')?.user).toBe(login('case-officer'));
    } finally {
      await store.close();
    }
    const users = await serverUserList(adminUrl, { prefix });
    const officer = users.find((u) => u.name === login('case-officer'));
    expect(officer?.roles).toEqual(['case-officer']);
    expect(officer?.projects.map((p) => p.name).sort()).toEqual(['Projekt Y', 'Projekt Z']);
  });

  it('each login learns its rights (for the UI to lock what it may not change): roles, writable tables, assigned projects; the owner and a file: everything', async () => {
    const rightsOf = async (role: TeamRole) => {
      const store = await storeAs(role);
      try {
        return await store.teamRights();
      } finally {
        await store.close();
      }
    };
    const manager = await rightsOf('manager');
    expect(manager).toEqual({ user: login('manager'), roles: ['manager'], writable: [], projects: [] });
    const evaluator = await rightsOf('evaluator');
    expect(evaluator?.roles).toEqual(['evaluator']);
    expect(evaluator?.projects).toEqual([projectY]);
    expect(evaluator?.writable).toContain('implementation_scores');
    expect(evaluator?.writable).not.toContain('projects');
    const officer = await rightsOf('case-officer');
    expect(officer?.writable).toEqual(expect.arrayContaining(['projects', 'goals', 'status_reports', 'budget_lines']));
    expect(officer?.writable).not.toContain('implementation_scores');
    expect((await rightsOf('admin'))?.projects).toBeNull();
    const owner = await openPortfolioStore(adminUrl);
    try {
      expect(await owner.teamRights()).toBeNull();
    } finally {
      await owner.close();
    }
  });

  it('user add refuses a taken name and a non-admin, changing nothing', async () => {
    await expect(serverUserAdd(adminUrl, { name: login('manager'), roles: ['manager'], projects: [], password: null, prefix })).rejects.toThrow(
      `Brugernavnet "${login('manager')}" er allerede taget på serveren. Vælg et andet navn. Intet er ændret.`,
    );
    await expect(serverUserAdd(urlAs(login('manager')), { name: `${prefix}ny`, roles: ['manager'], projects: [], password: null, prefix })).rejects.toThrow(
      /^Du \(tr\w+_manager_user\) er ikke administrator på serveren/,
    );
  });

  it("approval of reported figures: the case officer of the project approves, as the login; the case officer of another project, an evaluator and a manager are refused by the server", async () => {
    const admin = await openPortfolioStore(adminUrl);
    const reported = { value: 12, reportedAt: '2023-03-01', reportedBy: 'Bevillingsmodtager', source: { file: 'status.csv', location: 'linje 2' }, printedPercent: null, approval: { state: 'reported' as const, by: '', at: null, comment: '' } };
    let onY = 0;
    let onX = 0;
    try {
      const [x] = (await admin.listProjects()).filter((p) => p.name === 'Projekt X');
      onY = (await admin.addStatusReport({ goalId: (await admin.listGoals(projectY))[0].id, ...reported })).id;
      onX = (await admin.addStatusReport({ goalId: (await admin.listGoals(x.id))[0].id, ...reported })).id;
    } finally {
      await admin.close();
    }
    for (const role of ['evaluator', 'manager'] as const) {
      const store = await storeAs(role);
      try {
        const refused = await store.approveFigures([{ kind: 'status', id: onY }]).catch((e: unknown) => e);
        expect(refused).toBeInstanceOf(PermissionError);
        expect((refused as Error).message).toBe(`Du har ikke retten til at ændre status på mål (sagsbehandler). Du er logget ind som ${login(role)}. Intet er gemt.`);
      } finally {
        await store.close();
      }
    }
    const officer = await storeAs('case-officer');
    try {
      const refused = await officer.approveFigures([{ kind: 'status', id: onX }]).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(PermissionError);
      expect((refused as Error).message).toMatch(/^Du har ikke retten til at ændre status på mål i dette projekt: projektet er ikke tildelt dig/);
      const decision = await officer.approveFigures([{ kind: 'status', id: onY }]);
      expect(decision).toMatchObject({ state: 'approved', by: login('case-officer') });
      const audit = await officer.listAudit({ projectId: projectY, entity: 'status' });
      expect(audit.find((a) => a.field === 'approval')).toMatchObject({ entityId: onY, newValue: 'approved', user: login('case-officer') });
    } finally {
      await officer.close();
    }
  });

  it("the round's budget and time and their approval are the case officer's: the evaluator of the project writes the round's date and status, but an approval or a budget figure is refused by the server, named", async () => {
    // An imported round's figures, waiting for approval (as the import leaves them).
    const admin = await openPortfolioStore(adminUrl);
    try {
      await admin.markProgressReported(evaluationY);
    } finally {
      await admin.close();
    }
    const evaluator = await storeAs('evaluator');
    try {
      const refused = await evaluator.approveFigures([{ kind: 'progress', evaluationId: evaluationY }]).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(PermissionError);
      expect((refused as Error).message).toBe(`Du har ikke retten til at ændre rundens budget- og tidstal og godkendelsen af dem (sagsbehandler). Du er logget ind som ${login('evaluator')}. Intet er gemt.`);
      const budget = await evaluator.updateEvaluation(evaluationY, { budgetSpentKr: 1 }).catch((e: unknown) => e);
      expect((budget as Error).message).toMatch(/^Du har ikke retten til at ændre rundens budget- og tidstal og godkendelsen af dem \(sagsbehandler\)\./);
      // The round itself is still the evaluator's.
      const round = await evaluator.updateEvaluation(evaluationY, { overallStatus: 'Godt på vej', evaluator: 'Ida Evaluator' });
      expect(round).toMatchObject({ overallStatus: 'Godt på vej', evaluator: 'Ida Evaluator', budgetSpentKr: 4_100_000, progressApproval: { state: 'reported' } });
      const rights = await evaluator.teamRights();
      expect(rights?.writable).toContain('evaluations');
      expect(rights?.writable).not.toContain('evaluation_progress');
    } finally {
      await evaluator.close();
    }
    // Raw, past the app: the column grant refuses it.
    const c = await clientAs(login('evaluator'));
    try {
      expect(await refusal(c, `UPDATE evaluations SET progress_approval_state = 'approved' WHERE id = ${evaluationY}`)).toBe('42501');
      expect(await refusal(c, `UPDATE evaluations SET budget_spent_ore = 0 WHERE id = ${evaluationY}`)).toBe('42501');
      expect(await refusal(c, `UPDATE evaluations SET overall_status = overall_status WHERE id = ${evaluationY}`)).toBeNull();
    } finally {
      await c.end();
    }
    const officer = await storeAs('case-officer');
    try {
      expect((await officer.teamRights())?.writable).toContain('evaluation_progress');
      const decision = await officer.approveFigures([{ kind: 'progress', evaluationId: evaluationY }]);
      expect(decision).toMatchObject({ state: 'approved', by: login('case-officer') });
      expect(await officer.updateEvaluation(evaluationY, { budgetSpentKr: 4_200_000 })).toMatchObject({ budgetSpentKr: 4_200_000 });
    } finally {
      await officer.close();
    }
  });
});
