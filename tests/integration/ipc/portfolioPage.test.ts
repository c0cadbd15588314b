import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePortfolio } from '../../../electron/generate/portfolio';
import { callChannel, createHandlers, type HandlerTable } from '../../../electron/ipc/handlers';
import { headlessHost } from '../../../electron/ipc/host';
import { createAppServices, type AppServices } from '../../../electron/services';
import type { ProjectSummary } from '../../../shared/contracts/views';
import { copyPortfolio } from '../../../electron/storage/copy';
import { describeEngines, freshLocation, onPostgres } from '../../helpers/engines';

/** The portfolio table's channel through the handler table, over a generated portfolio. */

const PROJECTS = 60;
const dir = mkdtempSync(join(tmpdir(), 'trafiklys-page-'));
let services: AppServices;
let table: HandlerTable;
let all: ProjectSummary[];


async function page(input: Parameters<typeof callChannel<'portfolioPage'>>[2]) {
  const r = await callChannel(table, 'portfolioPage', input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describeEngines('portfolio:page', () => {
  let drop: () => Promise<void> = async () => undefined;
  // The generated portfolio on the engine of these tests: the file, or a copy of it on the server.
  beforeAll(async () => {
    const file = join(dir, `portfolio-${Date.now()}.sqlite`);
    await generatePortfolio(file, { projects: PROJECTS, goalsPerProject: 6, statusesPerGoal: 2 });
    let dbPath = file;
    if (onPostgres()) {
      const fresh = await freshLocation(dir, 'unused.sqlite', false, 'tester');
      drop = fresh.drop;
      await copyPortfolio(file, fresh.location);
      dbPath = fresh.location;
    }
    services = await createAppServices({ dbPath, user: 'tester' });
    table = createHandlers(services, headlessHost(join(dir, 'exports')));
    all = await services.portfolio.portfolioSummaries();
  });
  afterAll(async () => {
    await services.close();
    await drop();
  });
  it('the first screen: a page of slim rows, the counts, the headline over the matching projects and the dropdown values', async () => {
    const first = await page({ sort: { key: 'name', dir: 'asc' }, offset: 0, limit: 25, figures: true, facets: true });
    expect(first).toMatchObject({ offset: 0, matching: PROJECTS, total: PROJECTS });
    expect(first.rows).toHaveLength(25);
    const names = all.map((s) => s.name).sort(new Intl.Collator('da-DK', { sensitivity: 'base', numeric: true }).compare);
    expect(first.rows.map((r) => r.name)).toEqual(names.slice(0, 25));
    expect(first.rollup?.projects).toBe(PROJECTS);
    expect(first.facets?.fundingSources).toEqual([...new Set(all.map((s) => s.fundingSource).filter(Boolean))].sort(new Intl.Collator('da-DK', { sensitivity: 'base', numeric: true }).compare));
    expect(first.lightCounts.goals.green + first.lightCounts.goals.yellow + first.lightCounts.goals.red + first.lightCounts.goals.none).toBe(PROJECTS);
    // Warnings travel as a count; their texts load when a project is opened.
    const warned = all.find((s) => s.warnings.length > 0);
    if (warned) {
      const row = (await page({ sort: { key: 'name', dir: 'asc' }, offset: 0, limit: 200 })).rows.find((r) => r.projectId === warned.projectId)!;
      expect(row.warningCount).toBe(warned.warnings.length);
      expect(JSON.stringify(first)).not.toContain(warned.warnings[0]);
    }
    // A scrolled page without the figures.
    const later = await page({ sort: { key: 'name', dir: 'asc' }, offset: 50, limit: 25 });
    expect(later.rows.map((r) => r.name)).toEqual(names.slice(50));
    expect(later.rollup).toBeUndefined();
    expect(later.facets).toBeUndefined();
  });

  it('sorts and filters in main: budget descending, a light of one kind, the grant period; figures over what matches', async () => {
    const byBudget = await page({ sort: { key: 'budget', dir: 'desc' }, offset: 0, limit: 200 });
    const budgets = byBudget.rows.map((r) => r.budgetPercent).filter((b): b is number => b !== null);
    expect(budgets).toEqual([...budgets].sort((a, b) => b - a));

    const red = all.filter((s) => s.lights.implementation === 'red');
    expect(red.length).toBeGreaterThan(0);
    const filtered = await page({ filter: { lightKind: 'implementation', light: 'red' }, sort: { key: 'name', dir: 'asc' }, offset: 0, limit: 200, figures: true, facets: true });
    expect(filtered.matching).toBe(red.length);
    expect(filtered.total).toBe(PROJECTS);
    expect(new Set(filtered.rows.map((r) => r.projectId))).toEqual(new Set(red.map((s) => s.projectId)));
    expect(filtered.rollup?.projects).toBe(red.length);
    expect(filtered.lightCounts.implementation).toEqual({ green: 0, yellow: 0, red: red.length, none: 0 });
    // The dropdowns keep every value of the portfolio under a filter.
    expect(filtered.facets?.caseOfficers.length).toBe(new Set(all.map((s) => s.caseOfficer).filter(Boolean)).size);

    const year = all[0]!.period.start!.slice(0, 4);
    const running = all.filter((s) => s.period.start && s.period.end && s.period.start <= `${year}-12-31` && s.period.end >= `${year}-01-01`);
    const inYear = await page({ filter: { runningFrom: `${year}-01-01`, runningTo: `${year}-12-31` }, sort: { key: 'name', dir: 'asc' }, offset: 0, limit: 200 });
    expect(inYear.matching).toBe(running.length);
  });

  it('refuses a page larger than 200 rows, an unknown sort key and a date that is not one, as VALIDATION', async () => {
    for (const bad of [
      { sort: { key: 'name', dir: 'asc' }, offset: 0, limit: 201 },
      { sort: { key: 'warnings', dir: 'asc' }, offset: 0, limit: 10 },
      { filter: { runningFrom: '2020-02-31' }, sort: { key: 'name', dir: 'asc' }, offset: 0, limit: 10 },
    ]) {
      const r = await table['portfolio:page']!(bad);
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
  });

  it('the pickers get names only', async () => {
    const r = await callChannel(table, 'projectNames', {});
    expect(r.ok && r.value).toHaveLength(PROJECTS);
    expect(r.ok && Object.keys(r.value[0]!)).toEqual(['projectId', 'name']);
  });

  describe('portfolio:loadDemo (the empty portfolio\'s "open the demo")', () => {
    it('fills an empty portfolio with the demo, and refuses a portfolio that has projects, changing nothing', async () => {
      const refused = await callChannel(table, 'portfolioLoadDemo', {});
      expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Demoen lægges kun i en tom portefølje, og denne har allerede projekter.' } });
      expect((await services.store.listProjects()).length).toBe(PROJECTS);

      const empty = await createAppServices({ dbPath: join(dir, `empty-${Date.now()}.sqlite`), user: 'tester' });
      try {
        const emptyTable = createHandlers(empty, headlessHost(join(dir, 'exports')));
        const loaded = await callChannel(emptyTable, 'portfolioLoadDemo', {});
        expect(loaded.ok && loaded.value.projectIds).toHaveLength(4);
        const names = await callChannel(emptyTable, 'projectNames', {});
        expect(names.ok && names.value.map((p) => p.name)).toContain('Tiltrækning af talent (Headstart)');
      } finally {
        await empty.close();
      }
    });
  });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));
