import { Db } from '../storage/sqlite';

/**
 * Indicators shared across the synthetic projects, so that pooling meets every case (goals not
 * reported, without a target, lower is better) in the bench and the export tests: the first
 * goals of a level are often linked to one of these, other goals never. Written with SQL after
 * the bulk load because the portfolio document carries no indicators.
 */
const SYNTHETIC_INDICATORS = [
  { goal: 'A1', code: '', name: 'Forløb gennemført', unit: 'forløb', level: 'A' },
  { goal: 'B1', code: 'EECO01', name: 'Deltagere', unit: 'deltagere', level: 'B' },
  { goal: 'B2', code: '', name: 'Virksomheder', unit: 'virksomheder', level: 'B' },
  { goal: 'C1', code: '', name: 'Deltagere i job', unit: 'personer', level: 'C' },
] as const;

/**
 * Links about 70 % of the goals coded A1, B1, B2 and C1 (the same ones for the same portfolio), and
 * every lower-is-better goal to its level's first indicator.
 */
export async function linkSyntheticIndicators(dbPath: string, createdAt: string): Promise<void> {
  const db = await Db.open(dbPath);
  try {
    await db.transaction(async (tx) => {
      for (const i of SYNTHETIC_INDICATORS) {
        const { lastID } = await tx.run('INSERT INTO indicators (code, name, unit, level, created_at) VALUES (?, ?, ?, ?, ?)', [i.code, i.name, i.unit, i.level, createdAt]);
        // Deterministic "70 % chance" from the project id, so a rerun links the same goals.
        await tx.run('UPDATE goals SET indicator_id = ? WHERE code = ? AND (project_id * 7919) % 10 < 7', [lastID, i.goal]);
        // A lower-is-better goal linked with the others is what pooling must leave out and count.
        if (i.goal.endsWith('1')) await tx.run("UPDATE goals SET indicator_id = ? WHERE level = ? AND direction = 'lower' AND indicator_id IS NULL", [lastID, i.level]);
      }
    });
  } finally {
    await db.close();
  }
}
