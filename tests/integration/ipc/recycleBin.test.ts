import { join } from 'node:path';
import { callChannel, createHandlers, type HandlerTable } from '../../../electron/ipc/handlers';
import { headlessHost } from '../../../electron/ipc/host';
import { createAppServices, servicesFor, type AppServices } from '../../../electron/services';
import { openPortfolioStore } from '../../../electron/storage';
import type { ContractName } from '../../../shared/contracts';
import { RECYCLE_BIN_KEEP_DAYS, recycleBinDaysLeft } from '../../../shared/recycleBin';
import { facts, makeTempDir, steppingClock } from '../storage/helpers';
import { describeEngines, freshLocation, itNotOnPostgres } from '../../helpers/engines';

let dir: ReturnType<typeof makeTempDir>;
let file: string;
let services: AppServices;
let table: HandlerTable;

/** The portfolio, opened as the app opens it, with the store's clock and Danish "today" given. */
async function open(options: { now?: () => Date; today?: string } = {}) {
  const store = await openPortfolioStore(file, { user: 'Ida Evaluator', now: options.now ?? steppingClock() });
  services = servicesFor(store, { danishToday: () => options.today ?? '2024-03-01' });
  table = createHandlers(services, headlessHost(join(dir.dir, 'exports')));
}

let drop: () => Promise<void> = async () => undefined;

beforeEach(async () => {
  dir = makeTempDir();
  // On the engine of the describeEngines below: a file, or a fresh database logged in as the user.
  const fresh = await freshLocation(dir.dir, 'portfolio.sqlite', true, 'Ida Evaluator');
  file = fresh.location;
  drop = fresh.drop;
  await open();
});
afterEach(async () => {
  await services.close();
  await drop();
  dir.cleanup();
});

async function ok<K extends ContractName>(name: K, input: Parameters<typeof callChannel<K>>[2]) {
  const r = await callChannel(table, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** A project with goal A1 and two statuses. */
async function project(name = 'Grøn Omstilling i SMV') {
  const p = await ok('projectCreate', { facts: facts({ name }) });
  const goal = await ok('goalCreate', { projectId: p.id, goal: { level: 'A', code: 'A1', description: 'Deltagere i forløb', targetInPeriod: 100 } });
  await ok('statusAdd', { goalId: goal.id, value: 40, reportedAt: '2022-06-01', reportedBy: 'Mette' });
  await ok('statusAdd', { goalId: goal.id, value: 70, reportedAt: '2022-11-01', reportedBy: 'Mette' });
  return { p, goal };
}

describeEngines('the recycle bin over IPC', () => {
  it('goal:delete answers the bin id; the bin lists the goal with its project, who, when and 30 days left; restore brings it back with its statuses', async () => {
    const { p, goal } = await project();
    const before = await ok('projectGet', { projectId: p.id });
    const { binId } = await ok('goalDelete', { goalId: goal.id });
    expect((await ok('projectGet', { projectId: p.id })).goals).toEqual([]);

    const bin = await ok('recycleBinList', {});
    expect(bin).toEqual([
      expect.objectContaining({ kind: 'goal', id: binId, projectId: p.id, projectName: 'Grøn Omstilling i SMV', label: 'A1: Deltagere i forløb', deletedBy: 'Ida Evaluator', daysLeft: RECYCLE_BIN_KEEP_DAYS }),
    ]);

    const restored = await ok('recycleBinRestore', { kind: 'goal', id: binId });
    expect(restored).toEqual({ kind: 'goal', goal });
    const after = await ok('projectGet', { projectId: p.id });
    expect(after.goals).toEqual(before.goals);
    expect(after.statusReports).toEqual(before.statusReports);
    expect(await ok('recycleBinList', {})).toEqual([]);

    const again = await callChannel(table, 'recycleBinRestore', { kind: 'goal', id: binId });
    expect(again).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('ligger ikke i papirkurven') } });
  });

  it('restores a deleted project; a live project is not a bin entry', async () => {
    const { p } = await project();
    const live = await callChannel(table, 'recycleBinRestore', { kind: 'project', id: p.id });
    expect(live).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await ok('projectDelete', { projectId: p.id });
    expect(await ok('recycleBinList', {})).toEqual([expect.objectContaining({ kind: 'project', id: p.id, label: 'Grøn Omstilling i SMV', deletedBy: 'Ida Evaluator' })]);
    const restored = await ok('recycleBinRestore', { kind: 'project', id: p.id });
    expect(restored).toMatchObject({ kind: 'project', project: { id: p.id, name: 'Grøn Omstilling i SMV' } });
    expect((await ok('projectNames', {})).map((n) => n.name)).toEqual(['Grøn Omstilling i SMV']);
  });

  it('a goal of a deleted project is refused until its project is restored (CONFLICT, says what to do)', async () => {
    const { p, goal } = await project();
    const { binId } = await ok('goalDelete', { goalId: goal.id });
    await ok('projectDelete', { projectId: p.id });
    const refused = await callChannel(table, 'recycleBinRestore', { kind: 'goal', id: binId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('Gendan projektet først') } });
    await ok('recycleBinRestore', { kind: 'project', id: p.id });
    expect(await ok('recycleBinRestore', { kind: 'goal', id: binId })).toMatchObject({ kind: 'goal', goal: { code: 'A1' } });
  });

  it('purges one entry for good: a goal, or a project with its goals in the bin; the rest stays', async () => {
    const a = await project('Projekt A');
    const b = await project('Projekt B');
    const { binId } = await ok('goalDelete', { goalId: a.goal.id });
    const { binId: bGoal } = await ok('goalDelete', { goalId: b.goal.id });
    await ok('projectDelete', { projectId: b.p.id });
    expect((await ok('recycleBinList', {})).length).toBe(3);

    expect(await ok('recycleBinPurge', { kind: 'goal', id: binId })).toEqual({ ok: true });
    expect((await ok('recycleBinList', {})).map((e) => [e.kind, e.label])).toEqual([
      ['project', 'Projekt B'],
      ['goal', 'A1: Deltagere i forløb'],
    ]);
    expect(await callChannel(table, 'recycleBinRestore', { kind: 'goal', id: binId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    await ok('recycleBinPurge', { kind: 'project', id: b.p.id });
    expect(await ok('recycleBinList', {})).toEqual([]);
    expect(await callChannel(table, 'recycleBinRestore', { kind: 'goal', id: bGoal })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await callChannel(table, 'projectGet', { projectId: b.p.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // Projekt A is live and keeps what it has.
    expect((await ok('projectNames', {})).map((n) => n.name)).toEqual(['Projekt A']);
    expect(await callChannel(table, 'recycleBinPurge', { kind: 'project', id: a.p.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('empties the whole bin by hand and says how many entries went', async () => {
    const a = await project('Projekt A');
    const b = await project('Projekt B');
    await ok('goalDelete', { goalId: a.goal.id });
    await ok('projectDelete', { projectId: b.p.id });
    expect(await ok('recycleBinEmpty', {})).toEqual({ purged: 2 });
    expect(await ok('recycleBinList', {})).toEqual([]);
    expect(await ok('recycleBinEmpty', {})).toEqual({ purged: 0 });
    expect((await ok('projectNames', {})).map((n) => n.name)).toEqual(['Projekt A']);
  });

  it.each([
    ['recycleBinRestore', { kind: 'evaluation', id: 1 }, 'kind'],
    ['recycleBinRestore', { kind: 'goal', id: 0 }, 'id'],
    ['recycleBinRestore', { kind: 'goal' }, 'id'],
    ['recycleBinPurge', { kind: 'goal', id: 1.5 }, 'id'],
    ['recycleBinPurge', { kind: 'project', id: 1, everything: true }, ''],
    ['recycleBinEmpty', { deletedBefore: '2024-01-01' }, ''],
    ['recycleBinList', { all: true }, ''],
  ] as const)('%s refuses %j with VALIDATION naming %s, and nothing changes', async (name, payload, path) => {
    const { goal } = await project();
    await ok('goalDelete', { goalId: goal.id });
    const before = await services.store.dataDigest();
    const channel = { recycleBinRestore: 'recycleBin:restore', recycleBinPurge: 'recycleBin:purge', recycleBinEmpty: 'recycleBin:empty', recycleBinList: 'recycleBin:list' }[name];
    const result = await table[channel](payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining(channel) } });
    if (!result.ok && path) expect(result.error.issues?.map((i) => i.path)).toContain(path);
    expect(await services.store.dataDigest()).toBe(before);
    expect((await ok('recycleBinList', {})).length).toBe(1);
  });
});

describeEngines('30 days in the bin (Danish calendar days)', (engine) => {
  it('days left count Danish days: deleted at 00:30 Danish time is of that day', () => {
    expect(recycleBinDaysLeft('2024-03-01T10:00:00.000Z', '2024-03-01')).toBe(30);
    expect(recycleBinDaysLeft('2024-03-01T10:00:00.000Z', '2024-03-30')).toBe(1);
    expect(recycleBinDaysLeft('2024-03-01T10:00:00.000Z', '2024-03-31')).toBe(0);
    // 23:30 UTC on 1 March is 00:30 on 2 March in Copenhagen.
    expect(recycleBinDaysLeft('2024-03-01T23:30:00.000Z', '2024-03-31')).toBe(1);
    // Across the change to summer time (31 March 2024) a day is still a day.
    expect(recycleBinDaysLeft('2024-03-20T12:00:00.000Z', '2024-04-18')).toBe(1);
  });

  it('opening the portfolio empties entries deleted 30 or more days ago, and keeps the younger ones', async () => {
    const old = await project('Gammelt projekt');
    const { binId: oldGoal } = await ok('goalDelete', { goalId: old.goal.id });
    await ok('projectDelete', { projectId: old.p.id });
    await services.close();
    // Ten days later (the store's clock), another goal is deleted.
    await open({ now: steppingClock(Date.UTC(2024, 2, 11, 10, 0, 0)) });
    const young = await project('Nyt projekt');
    const { binId: youngGoal } = await ok('goalDelete', { goalId: young.goal.id });
    await services.close();

    // 30.03: day 29 for the old entries, all kept.
    services = await createAppServices({ dbPath: file, danishToday: () => '2024-03-30' });
    table = createHandlers(services, headlessHost(join(dir.dir, 'exports')));
    expect((await ok('recycleBinList', {})).map((e) => [e.label, e.daysLeft])).toEqual([
      ['A1: Deltagere i forløb', 11],
      ['Gammelt projekt', 1],
      ['A1: Deltagere i forløb', 1],
    ]);
    await services.close();

    // 31.03: the old project and its goal go for good when the portfolio opens; the young goal stays.
    services = await createAppServices({ dbPath: file, danishToday: () => '2024-03-31' });
    table = createHandlers(services, headlessHost(join(dir.dir, 'exports')));
    const bin = await ok('recycleBinList', {});
    expect(bin.map((e) => [e.kind, e.id, e.projectName, e.daysLeft])).toEqual([['goal', youngGoal, 'Nyt projekt', 10]]);
    expect(await callChannel(table, 'recycleBinRestore', { kind: 'goal', id: oldGoal })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await callChannel(table, 'projectGet', { projectId: old.p.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  itNotOnPostgres(engine, 'a server portfolio is opened read-write; read-only is the server\'s rights')('a read-only portfolio is opened without emptying anything', async () => {
    const { goal } = await project();
    await ok('goalDelete', { goalId: goal.id });
    await services.close();
    services = await createAppServices({ dbPath: file, readonly: true, danishToday: () => '2025-01-01' });
    table = createHandlers(services, headlessHost(join(dir.dir, 'exports')));
    expect((await ok('recycleBinList', {})).map((e) => e.daysLeft)).toEqual([0]);
  });
});
