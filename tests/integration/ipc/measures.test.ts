import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callChannel, createHandlers, type HandlerTable } from '../../../electron/ipc/handlers';
import { headlessHost } from '../../../electron/ipc/host';
import { describeEngines, freshLocation } from '../../helpers/engines';
import { createAppServices, type AppServices } from '../../../electron/services';

/** Issue 14 through the handler table: share goals, comparisons, business case, catalogue. */
let services: AppServices;
let table: HandlerTable;
let dir: string;
let projectId: number;
/** The user picks a file in the open dialog. */
let pick: (path: string) => Promise<void>;

async function ok<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describeEngines('issue 14 over IPC', () => {
  let drop: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'trafiklys-measures-'));
    const fresh = await freshLocation(dir, 'p.sqlite', true, 'tester');
    drop = fresh.drop;
    services = await createAppServices({ dbPath: fresh.location, user: 'tester' });
    const picked: string[] = [];
    table = createHandlers(services, { ...headlessHost(join(dir, 'out')), chooseImportFiles: async () => picked.splice(0) });
    pick = async (path: string) => {
      picked.push(path);
      await ok(callChannel(table, 'chooseImportFiles', {}));
    };
    projectId = (await ok(callChannel(table, 'projectCreate', { facts: { name: 'Talent Management' } }))).id;
  });
  afterAll(async () => {
    await services.close();
    await drop();
  });

  describe('share goals and comparisons over IPC', () => {
    it('keeps a share goal and its denominator, and the engine computes the share', async () => {
      const goal = await ok(
        callChannel(table, 'goalCreate', {
          projectId,
          goal: { level: 'C', code: 'C1', description: 'Boligplacerede i selvforsørgelse', unit: 'personer', targetInPeriod: 25, measure: 'share', shareTargetKind: 'percent' },
        }),
      );
      expect(goal).toMatchObject({ measure: 'share', shareTargetKind: 'percent' });
      const status = await ok(callChannel(table, 'statusAdd', { goalId: goal.id, value: 30, denominator: 124, reportedAt: '2018-12-31', reportedBy: 'TM', acceptWarnings: true }));
      expect(status.denominator).toBe(124);
      const evaluation = await ok(callChannel(table, 'evaluationCreate', { projectId, type: 'final', date: '2018-12-31', acceptWarnings: true }));
      const detail = await ok(callChannel(table, 'evaluationGet', { evaluationId: evaluation.id }));
      const c1 = detail.summary.levels.C.goals.find((g) => g.code === 'C1')!;
      expect(c1.share).toMatchObject({ numerator: 30, denominator: 124, displayPercent: 24 });
      expect(c1.displayPercent).toBe(97); // 24,19 % of a 25 % target
    });

    it('refuses a share status without its denominator, a numerator above it, a percent target above 100 %', async () => {
      const goal = (await ok(callChannel(table, 'projectGet', { projectId }))).goals[0];
      const before = await services.store.dataDigest();
      const missing = await callChannel(table, 'statusAdd', { goalId: goal.id, value: 30, reportedAt: '2018-12-31', reportedBy: '' });
      expect(missing).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'C1: en andel skal have sin nævner (fx "30 af 124").' } });
      const above = await callChannel(table, 'statusAdd', { goalId: goal.id, value: 130, denominator: 124, reportedAt: '2018-12-31', reportedBy: '' });
      expect(above).toMatchObject({ ok: false, error: { message: 'C1: tælleren (130) er større end nævneren (124).' } });
      const target = await callChannel(table, 'goalUpdate', { goalId: goal.id, patch: { targetInPeriod: 120 } });
      expect(target).toMatchObject({ ok: false, error: { message: 'C1: en andel kan højst have en målsætning på 100 % (ikke 120 %).' } });
      expect(await services.store.dataDigest()).toBe(before);
    });

    it('keeps a comparison only with its source', async () => {
      const goal = await ok(callChannel(table, 'goalCreate', { projectId, goal: { level: 'C', code: 'C2', unit: '%', description: 'I fuldtidsjob' } }));
      const bare = await callChannel(table, 'goalUpdate', { goalId: goal.id, patch: { comparisonValue: 31 } });
      expect(bare).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'C2: angiv kilden til sammenligningstallet (fx "Danmarks Statistik").' } });
      const kept = await ok(
        callChannel(table, 'goalUpdate', { goalId: goal.id, patch: { comparisonValue: 31, comparisonLabel: 'alle internationale dimittender', comparisonSource: 'Danmarks Statistik', comparisonYear: 2018 } }),
      );
      expect(kept).toMatchObject({ comparisonValue: 31, comparisonSource: 'Danmarks Statistik', comparisonYear: 2018 });
    });
  });

  describe('business case over IPC', () => {
    it('saves the inputs with their sources and answers the computed results', async () => {
      expect(await ok(callChannel(table, 'businessCaseGet', { projectId }))).toBeNull();
      const fields = {
        costPerParticipantKr: 1995,
        costSource: '10,5 time à 190 kr.',
        savingPerCitizenYearKr: 70_344,
        savingSource: '54.844 kr. + 15.500 kr.',
        citizens: null,
        citizensSource: '',
        years: 1,
        yearsSource: 'første år',
        note: '',
      };
      const saved = await ok(callChannel(table, 'businessCaseSave', { projectId, fields }));
      expect(saved.businessCase).toEqual({ projectId, ...fields });
      expect(saved.result).toMatchObject({ savingPerCitizenKr: 68_349, totalSavingKr: null, missing: { totalSavingKr: ['citizens'] } });
      expect((await ok(callChannel(table, 'businessCaseGet', { projectId })))?.result.savingPerCitizenKr).toBe(68_349);
      const negative = await callChannel(table, 'businessCaseSave', { projectId, fields: { ...fields, costPerParticipantKr: -1 } });
      expect(negative).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      await ok(callChannel(table, 'businessCaseDelete', { projectId }));
      expect(await ok(callChannel(table, 'businessCaseGet', { projectId }))).toBeNull();
      expect(await callChannel(table, 'businessCaseGet', { projectId: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    });
  });

  describe('common indicator catalogue over IPC', () => {
    it('loads a picked CSV all or nothing, naming file, line and column of an error', async () => {
      const bad = join(dir, 'eu-fejl.csv');
      writeFileSync(bad, 'kode;navn;enhed;niveau\nEECO01;Ledige;deltagere;output\nEECR03;Kvalifikation;deltagere;ukendt\n');
      const notPicked = await callChannel(table, 'indicatorCatalogueLoad', { path: bad });
      expect(notPicked).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      await pick(bad);
      const before = await services.store.dataDigest();
      const refused = await callChannel(table, 'indicatorCatalogueLoad', { path: bad });
      expect(refused).toMatchObject({ ok: false, error: { code: 'IMPORT_FAILED' } });
      if (!refused.ok) expect(refused.error.message).toContain('eu-fejl.csv, linje 3, kolonne 4 (niveau): Niveauet "ukendt" kendes ikke');
      expect(await services.store.dataDigest()).toBe(before);

      const good = join(dir, 'eu.csv');
      // Windows-1252, as Excel on Danish Windows saves it.
      writeFileSync(good, Buffer.from('kode;navn;enhed;niveau\nEECO01;Ledige;deltagere;output\nEECR03;Deltagere i beskæftigelse;deltagere;resultat\n', 'latin1'));
      await pick(good);
      const dry = await ok(callChannel(table, 'indicatorCatalogueLoad', { path: good, dryRun: true }));
      expect(dry).toMatchObject({ created: 2, updated: 0, dryRun: true });
      expect(await services.store.dataDigest()).toBe(before);
      const loaded = await ok(callChannel(table, 'indicatorCatalogueLoad', { path: good }));
      expect(loaded.indicators.map((i) => [i.code, i.name, i.level, i.common, i.line])).toEqual([
        ['EECO01', 'Ledige', 'B', true, 2],
        ['EECR03', 'Deltagere i beskæftigelse', 'C', true, 3],
      ]);
      const again = await ok(callChannel(table, 'indicatorCatalogueLoad', { path: good }));
      expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });

      // A goal is linked to a common indicator like to its own.
      const c1 = (await ok(callChannel(table, 'projectGet', { projectId }))).goals.find((g) => g.code === 'C1')!;
      const [linked] = await ok(callChannel(table, 'indicatorLink', { goalIds: [c1.id], indicatorId: loaded.indicators[1].id }));
      expect(linked.indicatorId).toBe(loaded.indicators[1].id);
      const wrongLevel = await callChannel(table, 'indicatorLink', { goalIds: [c1.id], indicatorId: loaded.indicators[0].id });
      expect(wrongLevel).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    });
  });
});
