import { createServer } from 'node:net';
import path from 'node:path';
import { runCli } from '../../../electron/cli/main';
import { generatePortfolio } from '../../../electron/generate/portfolio';
import { resourcesDir } from '../../../electron/resources';
import { createAppServices } from '../../../electron/services';
import { createDemoPortfolio } from '../../../electron/services/demo';
import { openPortfolioStore } from '../../../electron/storage';
import { PG_SKIP_REASON, freshPgDatabase, testPgUrl } from '../../helpers/pgServer';
import { makeTempDir } from '../storage/helpers';

/**
 * A team on one server (issue 13): the CLI on a portfolio at a postgres:// URL, and `copy`
 * between a SQLite file and the server, both ways, with the data digest and every figure the
 * same at each step. On the real throwaway cluster of the test run (tests/helpers/pgServer.ts).
 */

const run = async (...argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }, { LANG: 'da_DK.UTF-8' });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

async function digestAndFigures(location: string): Promise<{ digest: string; figures: string; projects: number }> {
  const services = await createAppServices({ dbPath: location });
  try {
    const summaries = await services.portfolio.portfolioSummaries();
    return { digest: await services.store.dataDigest(), figures: JSON.stringify(summaries), projects: summaries.length };
  } finally {
    await services.close();
  }
}

/** A port nothing listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as { port: number }).port;
  await new Promise((done) => server.close(done));
  return port;
}

const onServer = testPgUrl() ? describe : describe.skip;

onServer(`copy and the CLI on a PostgreSQL portfolio${testPgUrl() ? '' : ` ${PG_SKIP_REASON}`}`, () => {
  let dir: string;
  let cleanup: () => void;
  const drops: (() => Promise<void>)[] = [];
  beforeEach(() => {
    ({ dir, cleanup } = makeTempDir());
  });
  afterEach(async () => {
    for (const drop of drops.splice(0)) await drop();
    cleanup();
  });

  it('copies the demo (rounds, scores, texts, sources, a deleted project) SQLite -> PostgreSQL -> SQLite with the same data and figures at every step', async () => {
    const file = path.join(dir, 'demo.sqlite');
    await createDemoPortfolio(file, resourcesDir());
    // A project in the recycle bin travels too, and its id is never handed out again.
    const store = await openPortfolioStore(file, { user: 'kopi' });
    const extra = await store.createProject({ name: 'Slettet før kopien', fund: 'ESF', caseNumber: '', applicant: '', periodStart: null, periodEnd: null } as never);
    await store.deleteProject(extra.id);
    await store.close();
    const before = await digestAndFigures(file);
    expect(before.projects).toBeGreaterThanOrEqual(2);

    const server = await freshPgDatabase('copy');
    drops.push(server.drop);
    const there = await run('copy', '--from', file, '--to', server.url);
    expect(there.err).not.toContain('Fejl:');
    expect(there.code).toBe(0);
    // The deleted project is counted: it travels in the recycle bin.
    expect(there.out).toContain(`${before.projects + 1} projekter`);
    expect(there.out).toContain('alle tal ens');
    expect(await digestAndFigures(server.url)).toEqual(before);

    // The CLI reads the server's portfolio as it reads the file.
    const onFile = await run('summary', '--db', file, '--json');
    const onPg = await run('summary', '--db', server.url, '--json');
    expect(onPg.code).toBe(0);
    expect(JSON.parse(onPg.out)).toEqual(JSON.parse(onFile.out));

    const back = path.join(dir, 'tilbage.sqlite');
    const home = await run('copy', '--from', server.url, '--to', back);
    expect(home.code).toBe(0);
    expect(await digestAndFigures(back)).toEqual(before);

    // A new project on the server gets an id after every id the file ever gave (the deleted one too).
    const pgStore = await openPortfolioStore(server.url, { user: 'kopi' });
    try {
      const created = await pgStore.createProject({ name: 'Ny efter kopien', fund: 'ESF', caseNumber: '', applicant: '', periodStart: null, periodEnd: null } as never);
      expect(created.id).toBeGreaterThan(extra.id);
    } finally {
      await pgStore.close();
    }
  }, 120_000);

  it('copies a generated portfolio with its statuses, and refuses a target that is not empty, changing nothing', async () => {
    const file = path.join(dir, 'gen.sqlite');
    await generatePortfolio(file, { projects: 12, goalsPerProject: 6, statusesPerGoal: 3, seed: 4 });
    const server = await freshPgDatabase('copy');
    drops.push(server.drop);
    const first = await run('copy', '--from', file, '--to', server.url);
    expect(first.err.split('\n').filter((l) => !l.startsWith('Kopierer'))).toEqual([]);
    expect(first.code).toBe(0);
    const copied = await digestAndFigures(server.url);
    expect(copied).toEqual(await digestAndFigures(file));

    const again = await run('copy', '--from', file, '--to', server.url);
    expect(again.code).toBe(1);
    expect(again.err).toContain('er ikke tom (den har 12 projekter)');
    expect(await digestAndFigures(server.url)).toEqual(copied);

    // Nor over an existing file.
    const onto = await run('copy', '--from', server.url, '--to', file);
    expect(onto.code).toBe(1);
    expect(onto.err).toContain('findes allerede');
  }, 120_000);

  it('never prints a password given in the URL, and warns that it belongs in PGPASSWORD', async () => {
    const file = path.join(dir, 'demo.sqlite');
    await createDemoPortfolio(file, resourcesDir());
    const server = await freshPgDatabase('copy');
    drops.push(server.drop);
    const withPassword = server.url.replace('://postgres@', '://postgres:hemmelig-42@');
    expect(withPassword).toContain('hemmelig-42');
    const result = await run('copy', '--from', file, '--to', withPassword);
    expect(result.code).toBe(0);
    expect(result.err).toContain('Advarsel: adgangskoden står i adressen');
    expect(`${result.out}\n${result.err}`).not.toContain('hemmelig-42');
    const summary = await run('summary', '--db', withPassword);
    expect(`${summary.out}\n${summary.err}`).not.toContain('hemmelig-42');
  }, 60_000);

  it('says at once, in Danish, that a server does not answer, naming host and port', async () => {
    const port = await closedPort();
    const started = Date.now();
    const result = await run('summary', '--db', `postgres://postgres@127.0.0.1:${port}/trafiklys`);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`PostgreSQL-serveren 127.0.0.1:${port} svarer ikke (forbindelsen blev afvist)`);
    expect(Date.now() - started).toBeLessThan(10_000);
    const missing = await run('summary', '--db', testPgUrl()!.replace(/\/[^/]*$/, '/findes_ikke_db'));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('Databasen findes_ikke_db findes ikke på serveren');
  });
});
