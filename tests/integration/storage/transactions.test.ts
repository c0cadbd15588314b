import { ConflictError, NestedLockError, openPortfolioStore } from '../../../electron/storage';
import { Db } from '../../../electron/storage/sqlite';
import { facts, goal, openTempStore } from './helpers';
import type { StoreFixture } from './helpers';
import { describeEngines, freshLocation, openRawAt } from '../../helpers/engines';

describeEngines('transactions', (engine) => {
  let fx: StoreFixture;
  beforeEach(async () => {
    fx = await openTempStore();
  });
  afterEach(async () => {
    await fx.cleanup();
  });

  describe('transactions', () => {
    it('commits all writes of a transaction together, with their audit rows', async () => {
      const result = await fx.store.transaction(async (tx) => {
        const p = await tx.createProject(facts());
        await tx.createGoal(goal(p.id));
        await tx.createGoal(goal(p.id, { code: 'A2' }));
        expect(await tx.listGoals(p.id)).toHaveLength(2); // reads see the open transaction
        return p.id;
      });
      expect(await fx.store.listGoals(result)).toHaveLength(2);
      expect((await fx.store.listAudit({ projectId: result })).length).toBe(3);
    });

    it('rolls back everything (data and audit) when the callback throws', async () => {
      const p = await fx.store.createProject(facts());
      const digest = await fx.store.dataDigest();
      const auditCount = (await fx.store.listAudit()).length;
      await expect(
        fx.store.transaction(async (tx) => {
          await tx.createGoal(goal(p.id));
          await tx.updateProject(p.id, { name: 'Omdøbt' });
          await tx.setSetting('importedFrom', 'x.xlsx');
          throw new Error('import failed at row 17');
        }),
      ).rejects.toThrow('import failed at row 17');
      expect(await fx.store.dataDigest()).toBe(digest);
      expect((await fx.store.listAudit()).length).toBe(auditCount);
      expect((await fx.store.getProject(p.id))?.name).toBe(facts().name);
    });

    it('rolls back when a write inside fails with a constraint error', async () => {
      const p = await fx.store.createProject(facts());
      const digest = await fx.store.dataDigest();
      await expect(
        fx.store.transaction(async (tx) => {
          await tx.createGoal(goal(p.id));
          await tx.createGoal(goal(p.id)); // duplicate code
        }),
      ).rejects.toBeInstanceOf(ConflictError);
      expect(await fx.store.dataDigest()).toBe(digest);
    });

    it('a failed write caught inside the transaction leaves no half of itself behind', async () => {
      const p = await fx.store.createProject(facts());
      await fx.store.transaction(async (tx) => {
        await tx.createGoal(goal(p.id));
        await expect(tx.createGoal(goal(p.id))).rejects.toBeInstanceOf(ConflictError);
        await tx.createGoal(goal(p.id, { code: 'A2' }));
      });
      expect((await fx.store.listGoals(p.id)).map((g) => g.code)).toEqual(['A1', 'A2']);
    });

    it('rejects use of the outer store inside the callback instead of deadlocking', async () => {
      const digest = await fx.store.dataDigest();
      await expect(
        fx.store.transaction(async (tx) => {
          await tx.createProject(facts());
          await fx.store.listProjects();
        }),
      ).rejects.toBeInstanceOf(NestedLockError);
      expect(await fx.store.dataDigest()).toBe(digest);
    });

    it('refuses the transaction store after the transaction has ended', async () => {
      let leaked: Awaited<Parameters<Parameters<typeof fx.store.transaction>[0]>[0]> | undefined;
      await fx.store.transaction(async (tx) => {
        leaked = tx;
      });
      await expect(leaked!.listProjects()).rejects.toThrow(/no longer valid/);
    });

    it('nested transaction on tx is a savepoint: its failure rolls back only itself', async () => {
      const p = await fx.store.createProject(facts());
      await fx.store.transaction(async (tx) => {
        await tx.createGoal(goal(p.id));
        await expect(
          tx.transaction(async (inner) => {
            await inner.createGoal(goal(p.id, { code: 'B1' }));
            throw new Error('inner');
          }),
        ).rejects.toThrow('inner');
      });
      expect((await fx.store.listGoals(p.id)).map((g) => g.code)).toEqual(['A1']);
    });

    it('serializes concurrent writes: 50 parallel writes all land', async () => {
      const p = await fx.store.createProject(facts());
      await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          i % 2 === 0
            ? fx.store.createGoal(goal(p.id, { code: `A${i}`, position: i }))
            : fx.store.saveBudgetLine({ projectId: p.id, costType: `Linje ${i}`, year: 2023, amountKr: i + 0.01, percentOfDirect: null, position: i }),
        ),
      );
      const goals = await fx.store.listGoals(p.id);
      const lines = await fx.store.listBudgetLines(p.id);
      expect(goals).toHaveLength(25);
      expect(lines).toHaveLength(25);
      expect(lines.reduce((sum, l) => sum + Math.round(l.amountKr * 100), 0)).toBe(
        Array.from({ length: 25 }, (_, k) => 2 * k + 1).reduce((s, i) => s + i * 100 + 1, 0),
      );
      expect((await fx.store.listAudit({ projectId: p.id })).length).toBe(51);
    });

    it('serializes concurrent transactions and plain writes', async () => {
      const p = await fx.store.createProject(facts());
      const jobs = Array.from({ length: 10 }, (_, i) =>
        fx.store.transaction(async (tx) => {
          await tx.createGoal(goal(p.id, { code: `T${i}a` }));
          await new Promise((r) => setTimeout(r, 2));
          await tx.createGoal(goal(p.id, { code: `T${i}b` }));
        }),
      );
      const plain = Array.from({ length: 10 }, (_, i) => fx.store.createGoal(goal(p.id, { code: `P${i}` })));
      await Promise.all([...jobs, ...plain]);
      expect(await fx.store.listGoals(p.id)).toHaveLength(30);
    });

    it('a second connection on the same portfolio sees committed data (SQLite: WAL, busy retry)', async () => {
      await fx.store.createProject(facts());
      const other = await openPortfolioStore(fx.file, { user: 'other' });
      try {
        await Promise.all([
          fx.store.createProject(facts({ name: 'Fra første' })),
          other.createProject(facts({ name: 'Fra anden' })),
        ]);
        expect((await other.listProjects()).map((p) => p.name).sort()).toEqual(['Fra anden', 'Fra første', facts().name].sort());
        if (engine.name === 'sqlite') {
          const raw = await Db.open(fx.file, { readonly: true });
          const mode = await raw.get<{ journal_mode: string }>('PRAGMA journal_mode');
          await raw.close();
          expect(mode?.journal_mode).toBe('wal');
        }
      } finally {
        await other.close();
      }
    });
  });

  describe('driver', () => {
    /** A raw database on the engine: SQLite in memory, or a fresh PostgreSQL database. */
    const openRaw = async () => {
      const { location, drop } = await freshLocation(fx.dir, 'raw.sqlite');
      onTestFinished(drop);
      return engine.name === 'sqlite' ? Db.open(':memory:') : openRawAt(location);
    };

    it('binds parameters (no SQL injection through values) and enables foreign keys', async () => {
      const db = await openRaw();
      try {
        await db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
        const evil = "x'); DROP TABLE t; --";
        await db.run('INSERT INTO t (v) VALUES (?)', [evil]);
        expect(await db.all('SELECT v FROM t')).toEqual([{ v: evil }]);
        if (engine.name === 'sqlite') expect(await db.get('PRAGMA foreign_keys')).toEqual({ foreign_keys: 1 });
        await expect(db.run('INSERT INTO t (v) VALUES (?)', [Number.NaN])).rejects.toBeInstanceOf(RangeError);
      } finally {
        await db.close();
      }
    });

    it('rolls back a failed db.transaction and keeps the connection usable', async () => {
      const db = await openRaw();
      try {
        await db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER NOT NULL)');
        await expect(
          db.transaction(async (c) => {
            await c.run('INSERT INTO t (v) VALUES (?)', [1]);
            await c.run('INSERT INTO t (v) VALUES (?)', [null]);
          }),
        ).rejects.toThrow(/NOT NULL/);
        expect(await db.all('SELECT * FROM t')).toEqual([]);
        await db.transaction((c) => c.run('INSERT INTO t (v) VALUES (?)', [2]));
        expect(await db.all('SELECT v FROM t')).toEqual([{ v: 2 }]);
      } finally {
        await db.close();
      }
    });
  });
});
