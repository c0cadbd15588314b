import { runTeamLoad } from '../../bench/teamLoad';
import { PG_SKIP_REASON, freshPgDatabase, testPgUrl } from '../helpers/pgServer';

/**
 * Issue 13's load test in its short form (`npm run loadtest` runs 20 users for 60 s): 20 users on
 * the run's cluster for a few seconds, editing the same fields, their own fields, importing and
 * reading. No save may be lost and nothing raw may reach a user; saves based on a version another
 * save moved on from are refused. No timing is asserted (the latency is printed by the script).
 */
const available = testPgUrl() !== null;
const suite = available ? describe : describe.skip;

suite(`20 users at once on one server${available ? '' : ` ${PG_SKIP_REASON}`}`, () => {
  it('loses no update and shows no raw error; saves on an old version are refused', async () => {
    const db = await freshPgDatabase('team_load');
    try {
      const result = await runTeamLoad({ url: db.url, users: 20, seconds: 6, prefix: `tl${process.pid}_` });
      expect(result.rawErrors).toEqual([]);
      expect(result.lostUpdates).toBe(0);
      expect(result.writes).toBeGreaterThan(20);
      expect(result.imports).toBeGreaterThan(0);
      expect(result.reads).toBeGreaterThan(0);
      // 20 users on two shared rows: some saves meet a version another save has moved on from.
      expect(result.conflicts).toBeGreaterThan(0);
    } finally {
      await db.drop();
    }
  }, 120_000);

  it('refuses a server that is not on this machine', async () => {
    await expect(runTeamLoad({ url: 'postgres://admin@db.kontor.dk:5432/trafiklys', seconds: 1 })).rejects.toThrow(
      'Belastningstesten kører kun mod en server på denne maskine (127.0.0.1), ikke db.kontor.dk.',
    );
  });
});
