import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContractName } from '../../../shared/contracts';
import { callChannel, createHandlers, type HandlerTable } from '../../../electron/ipc/handlers';
import { headlessHost } from '../../../electron/ipc/host';
import { servicesFor, type AppServices } from '../../../electron/services';
import { openPortfolioStore } from '../../../electron/storage';
import { describeEngines, freshLocation, locationAs } from '../../helpers/engines';
import { steppingClock } from '../storage/helpers';

/**
 * No lost update over IPC (issue 13): two windows (two users, two connections) on one portfolio.
 * The saves send the version they read; a stale one answers STALE_WRITE as data with the
 * message that names who saved and when, and the portfolio keeps the first save.
 */
describeEngines('no lost update over IPC', () => {
  let dir: string;
  let drop: () => Promise<void>;
  let mine: AppServices;
  let theirs: AppServices;
  let me: HandlerTable;
  let them: HandlerTable;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'trafiklys-stale-'));
    const fresh = await freshLocation(dir, 'portfolio.trafiklys.sqlite', true, 'evaluator1');
    drop = fresh.drop;
    mine = servicesFor(await openPortfolioStore(fresh.location, { user: 'evaluator1', now: steppingClock() }));
    // 13:05 UTC on 1 March 2024 is 14:05 in Copenhagen.
    theirs = servicesFor(await openPortfolioStore(await locationAs(fresh.location, 'Kim Sagsbehandler'), { user: 'Kim Sagsbehandler', now: steppingClock(Date.UTC(2024, 2, 1, 13, 5)) }));
    me = createHandlers(mine, headlessHost(join(dir, 'exports')));
    them = createHandlers(theirs, headlessHost(join(dir, 'exports')));
  });
  afterEach(async () => {
    await mine.close();
    await theirs.close();
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function ok<K extends ContractName>(table: HandlerTable, name: K, input: Parameters<typeof callChannel<K>>[2]) {
    const r = await callChannel(table, name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
    return r.value;
  }

  async function round() {
    const project = await ok(me, 'projectCreate', { facts: { name: 'Fælles projekt', periodStart: '2022-01-01', periodEnd: '2024-12-31' } });
    const evaluation = await ok(me, 'evaluationCreate', { projectId: project.id, type: 'midterm', date: '2023-06-30' });
    return { project, evaluation };
  }

  const REFUSED = 'Ændret af Kim Sagsbehandler kl. 14:05; genindlæs';

  it('a score text: the stale save answers STALE_WRITE with who and when; the first save stays', async () => {
    const { evaluation } = await round();
    const read = await ok(me, 'evaluationGet', { evaluationId: evaluation.id });
    const score = read.scores.find((s) => s.parameter === 3)!;
    expect(score.version).toBe(0);
    await ok(them, 'scoreSet', { evaluationId: evaluation.id, parameter: 3, text: 'Kims tekst', expectedVersion: 0 });
    const r = await callChannel(me, 'scoreSet', { evaluationId: evaluation.id, parameter: 3, text: 'Min tekst', expectedVersion: score.version });
    expect(r).toEqual({ ok: false, error: { code: 'STALE_WRITE', message: REFUSED, stale: { changedBy: 'Kim Sagsbehandler', changedAt: '2024-03-01T13:05:00.000Z', currentVersion: 1 } } });
    const after = await ok(me, 'evaluationGet', { evaluationId: evaluation.id });
    expect(after.scores.find((s) => s.parameter === 3)).toMatchObject({ text: 'Kims tekst', version: 1 });
    // Reloaded, the user's text is saved over the other's on purpose.
    expect(await ok(me, 'scoreSet', { evaluationId: evaluation.id, parameter: 3, text: 'Min tekst', expectedVersion: 1 })).toMatchObject({ text: 'Min tekst', version: 2 });
  });

  it("the round's prose, a light's reason, the project's facts and a goal answer the same way", async () => {
    const { project, evaluation } = await round();
    const read = await ok(me, 'evaluationGet', { evaluationId: evaluation.id });
    expect(read.textVersions.effect).toBe(0);
    await ok(them, 'evaluationTextSet', { evaluationId: evaluation.id, key: 'effect', text: 'Kims vurdering', expectedVersion: 0 });
    const text = await callChannel(me, 'evaluationTextSet', { evaluationId: evaluation.id, key: 'effect', text: 'Min vurdering', expectedVersion: read.textVersions.effect });
    expect(text.ok ? null : text.error).toMatchObject({ code: 'STALE_WRITE', message: REFUSED });
    expect((await ok(me, 'evaluationGet', { evaluationId: evaluation.id })).texts.effect).toBe('Kims vurdering');

    const light = read.lights.find((l) => l.kind === 'implementation')!;
    await ok(them, 'lightSet', { evaluationId: evaluation.id, kind: 'implementation', text: 'Kims lystekst', expectedVersion: light.version });
    const lightAnswer = await callChannel(me, 'lightSet', { evaluationId: evaluation.id, kind: 'implementation', text: 'Min lystekst', expectedVersion: light.version });
    expect(lightAnswer.ok ? null : lightAnswer.error).toMatchObject({ code: 'STALE_WRITE', message: REFUSED });

    const detail = await ok(me, 'projectGet', { projectId: project.id });
    await ok(them, 'projectUpdate', { projectId: project.id, patch: { description: 'Kims beskrivelse' }, expectedVersion: detail.project.version });
    const facts = await callChannel(me, 'projectUpdate', { projectId: project.id, patch: { description: 'Min beskrivelse' }, expectedVersion: detail.project.version });
    expect(facts.ok ? null : facts.error).toMatchObject({ code: 'STALE_WRITE', message: REFUSED });
    expect((await ok(me, 'projectGet', { projectId: project.id })).project.description).toBe('Kims beskrivelse');

    const goal = await ok(me, 'goalCreate', { projectId: project.id, goal: { level: 'A', code: 'A1', targetInPeriod: 100 } });
    await ok(them, 'goalUpdate', { goalId: goal.id, patch: { targetInPeriod: 120 }, expectedVersion: goal.version });
    const goalAnswer = await callChannel(me, 'goalUpdate', { goalId: goal.id, patch: { targetInPeriod: 90 }, expectedVersion: goal.version });
    expect(goalAnswer.ok ? null : goalAnswer.error).toMatchObject({ code: 'STALE_WRITE', message: /^Ændret af Kim Sagsbehandler kl\. 14:0\d; genindlæs$/ });
    expect((await ok(me, 'projectGet', { projectId: project.id })).goals[0].targetInPeriod).toBe(120);
  });

  it('a save without a version (an older caller) is applied as before; a negative version is refused by the contract', async () => {
    const { evaluation } = await round();
    await ok(them, 'scoreSet', { evaluationId: evaluation.id, parameter: 1, score: 3 });
    expect(await ok(me, 'scoreSet', { evaluationId: evaluation.id, parameter: 1, score: 4 })).toMatchObject({ score: 4, version: 2 });
    const bad = await callChannel(me, 'scoreSet', { evaluationId: evaluation.id, parameter: 1, score: 2, expectedVersion: -1 });
    expect(bad.ok ? null : bad.error.code).toBe('VALIDATION');
  });
});
