import { ConflictError, openPortfolioStore } from '../../../electron/storage';
import { PortfolioService } from '../../../electron/services/portfolioService';
import { blankEvaluation } from '../../../shared/domain';
import { DEFAULT_PROFILE, type MethodologyProfile } from '../../../shared/methodology/profile';
import { profileVersionLabel } from '../../../shared/methodology/profileVersion';
import { facts, goal, makeTempDir, openTempStore, steppingClock, type StoreFixture } from './helpers';
import { describeEngines, freshLocation, openRawAt } from '../../helpers/engines';

describeEngines('profile versions', (engine) => {
  let fx: StoreFixture;
  beforeEach(async () => {
    fx = await openTempStore();
  });
  afterEach(async () => {
    await fx.cleanup();
  });

  const stricter: MethodologyProfile = { ...DEFAULT_PROFILE, implementationBands: { greenMin: 4.5, yellowMin: 3 } };

  /** A project whose B goal is at 70 %: yellow in a final round with the standard bands. */
  async function projectAt70() {
    const store = fx.store;
    const p = await store.createProject(facts());
    const b1 = await store.createGoal(goal(p.id, { level: 'B', code: 'B1', targetInPeriod: 100 }));
    await store.addStatusReport({ goalId: b1.id, value: 70, reportedAt: '2022-11-01', reportedBy: '', source: { file: '', location: '' }, printedPercent: null });
    const first = await store.createEvaluation(blankEvaluation(p.id, 'final', '2022-12-02', 'Lars Holm'));
    for (let parameter = 1; parameter <= 6; parameter++) await store.setScore({ evaluationId: first.id, parameter: parameter as 1, score: 4, headline: '', text: '' });
    return { p, first };
  }

  describe('methodology profile versions', () => {
    it('a new portfolio has version 1, the standard profile; a change makes version 2 with who and when, audited; the same profile again makes none', async () => {
      const store = fx.store;
      const v1 = await store.getProfileVersion();
      expect(v1).toMatchObject({ version: 1, profile: DEFAULT_PROFILE });

      await store.setProfile(stricter);
      const v2 = await store.getProfileVersion();
      expect(v2).toEqual({ version: 2, createdBy: 'evaluator1', createdAt: expect.stringMatching(/^2024-03-01T10:/), profile: stricter });
      expect(profileVersionLabel(v2)).toBe('Metodeprofil version 2 af 01.03.2024');
      expect((await store.listProfileVersions()).map((v) => v.version)).toEqual([2, 1]);
      const [audit] = await store.listAudit({ entity: 'settings' });
      expect(audit).toMatchObject({ field: 'profileVersion', user: 'evaluator1' });
      expect(JSON.parse(audit.newValue!)).toMatchObject({ version: 2 });

      await store.setProfile(structuredClone(stricter));
      expect((await store.listProfileVersions()).length).toBe(2);
    });

    it('refuses bands that overlap, with the reason, and writes nothing', async () => {
      const store = fx.store;
      const before = await store.dataDigest();
      const overlapping = structuredClone(DEFAULT_PROFILE);
      overlapping.goalBands.final[1].min = 95;
      await expect(store.setProfile(overlapping)).rejects.toBeInstanceOf(ConflictError);
      await expect(store.setProfile(overlapping)).rejects.toThrow(/Metodeprofilen er ikke gemt: goalBands\.final.*overlapper/);
      expect(await store.dataDigest()).toBe(before);
    });

    it('a finished round keeps the version it was scored with; a new round uses the new version', async () => {
      const store = fx.store;
      const service = new PortfolioService(store);
      const { p, first } = await projectAt70();
      await store.finalizeEvaluation(first.id);
      // Version 2: 70 % is green in a final round.
      const lenient = structuredClone(DEFAULT_PROFILE);
      lenient.goalBands.final[1].min = 70;
      lenient.goalBands.final[2].min = 50;
      await store.setProfile(lenient);
      const second = await store.createEvaluation(blankEvaluation(p.id, 'final', '2022-12-20', 'Lars Holm'));

      const kept = await service.evaluationDetail(first.id);
      expect(kept.profileVersion).toMatchObject({ version: 1 });
      expect(kept.summary.lights.goals.suggested).toBe('yellow');
      const fresh = await service.evaluationDetail(second.id);
      expect(fresh.profileVersion).toMatchObject({ version: 2, createdBy: 'evaluator1' });
      expect(fresh.summary.lights.goals.suggested).toBe('green');

      // Reopening and signing off again takes the version in force then.
      await store.reopenEvaluation(first.id, 'Ny metodeprofil');
      await store.finalizeEvaluation(first.id);
      expect(await store.getSealedProfileVersion(first.id)).toMatchObject({ version: 2 });
      expect((await service.info()).profileVersions.map((v) => v.version)).toEqual([2, 1]);
    });
  });

  describe(`migration 006 on a ${engine.name === 'sqlite' ? 'file' : 'database'} made by the version before (version 3)`, () => {
    it('moves the profile the file had into version 1; a round signed off with it gets version 1, one signed off with another keeps its own profile without a number', async () => {
      const { dir, cleanup } = makeTempDir();
      const { location: file, drop } = await freshLocation(dir, 'old.trafiklys.sqlite');
      onTestFinished(drop);
      const custom = { ...DEFAULT_PROFILE, capAt100: true };
      const db = await openRawAt(file, 3);
      await db.run("INSERT INTO settings (key, value) VALUES ('methodologyProfile', ?)", [JSON.stringify(custom)]);
      await db.run("INSERT INTO projects (name, created_at, updated_at) VALUES ('P', 't', 't')");
      await db.run("INSERT INTO evaluations (project_id, type, date, created_at) VALUES (1, 'midterm', '2022-06-01', 't'), (1, 'final', '2022-12-02', 't')");
      await db.run("INSERT INTO evaluation_sign_offs (evaluation_id, finalized_at, finalized_by, profile, sealed) VALUES (1, '2022-06-02T10:00:00Z', 'ida', ?, '{}')", [
        JSON.stringify(DEFAULT_PROFILE),
      ]);
      await db.run("INSERT INTO evaluation_sign_offs (evaluation_id, finalized_at, finalized_by, profile, sealed) VALUES (2, '2022-12-03T10:00:00Z', 'ida', ?, '{}')", [
        JSON.stringify(custom),
      ]);
      await db.close();

      const store = await openPortfolioStore(file, { user: 'evaluator1', now: steppingClock() });
      try {
        const versions = await store.listProfileVersions();
        expect(versions).toHaveLength(1);
        expect(versions[0]).toMatchObject({ version: 1, profile: custom });
        expect(await store.getSetting('methodologyProfile')).toBeNull();
        expect(await store.getSealedProfileVersion(2)).toMatchObject({ version: 1 });
        expect(await store.getSealedProfileVersion(1)).toBeNull();
        expect(await store.getSealedProfile(1)).toEqual(DEFAULT_PROFILE);
        expect(profileVersionLabel(null)).toBe('Metodeprofil fra før profilversioner (gemt ved afslutningen)');
      } finally {
        await store.close();
        cleanup();
      }
    });
  });
});
