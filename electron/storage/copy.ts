import { existsSync, rmSync } from 'node:fs';
import { postgresDialect, sqliteDialect, type Dialect } from './dialect';
import { openDatabase } from './migrations/migrate';
import { isPostgresUrl, openPgDatabase, redactUrl } from './pg/pgDb';
import type { Database, SqlConn, SqlValue } from './sqlite';

/**
 * A whole portfolio from one engine to the other (issue 13: a personal SQLite file onto the
 * team's PostgreSQL server, or a server's portfolio into a file to take along), in ONE
 * transaction on the target. Every table of the schema is copied row by row with its ids
 * (audit log, recycle bin and kept source files included), in an order the foreign keys accept;
 * what is derived (the kept figures, the search index) is not copied: the target's own triggers
 * keep it as the rows arrive, and the first read recomputes the figures. The table list comes
 * from the schema, not from a list here, so a new migration's table is copied without a change.
 *
 * The target must be empty: a new file, or a server database with no projects and no
 * indicators (a freshly initialised schema, whose seeded rows the copy replaces). The check
 * that every figure is the same is the caller's (electron/cli/commands/copy.ts), with the store.
 */

export interface CopyProgress {
  table: string;
  rows: number;
  /** Rows copied so far, of all tables. */
  done: number;
  /** Rows of all tables to copy. */
  total: number;
}

export interface CopyResult {
  tables: { name: string; rows: number }[];
  projects: number;
}

export class CopyRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CopyRefusedError';
  }
}

/** Derived: kept up by the target's own triggers and reads, never copied. */
const isDerived = (table: string) => table === 'project_figures' || table.startsWith('search_');

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Rows per INSERT, so that no statement binds more than this many values (both engines accept it). */
const MAX_VALUES = 10_000;

interface Side {
  db: Database;
  dialect: Dialect;
  shown: string;
}

async function openSide(location: string, mustBeNew: boolean): Promise<Side> {
  if (isPostgresUrl(location)) return { db: await openPgDatabase(location), dialect: postgresDialect, shown: redactUrl(location) };
  if (mustBeNew && existsSync(location))
    throw new CopyRefusedError(`${location} findes allerede. En kopi skrives kun i en ny fil; vælg et nyt filnavn. Intet er ændret.`);
  if (!mustBeNew && !existsSync(location)) throw new CopyRefusedError(`Porteføljefilen ${location} findes ikke.`);
  return { db: await openDatabase(location), dialect: sqliteDialect, shown: location };
}

/** The tables in an order where every table comes after those its foreign keys point at. */
async function inKeyOrder(c: SqlConn, dialect: Dialect, tables: string[]): Promise<string[]> {
  const wanted = new Set(tables);
  const refs = new Map<string, string[]>();
  for (const t of tables) refs.set(t, (await dialect.referencedTables(c, t)).filter((r) => r !== t && wanted.has(r)));
  const out: string[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const visit = (t: string) => {
    if (placed.has(t)) return;
    if (visiting.has(t)) throw new Error(`Tabellerne ${[...visiting].join(', ')} peger på hinanden i ring; de kan ikke kopieres i rækkefølge.`);
    visiting.add(t);
    for (const r of refs.get(t) ?? []) visit(r);
    visiting.delete(t);
    placed.add(t);
    out.push(t);
  };
  for (const t of tables) visit(t);
  return out;
}

export async function copyPortfolio(from: string, to: string, onProgress?: (p: CopyProgress) => void): Promise<CopyResult> {
  if (from === to) throw new CopyRefusedError('Kilde og mål er det samme sted; intet er kopieret.');
  const source = await openSide(from, false);
  let target: Side | null = null;
  const newFile = !isPostgresUrl(to);
  try {
    target = await openSide(to, true);
    const t = target;
    return await source.db.withLock(async (src) =>
      t.db.transaction(async (dst) => {
        const sourceTables = (await source.dialect.listTables(src)).filter((n) => !isDerived(n));
        const targetTables = new Set((await t.dialect.listTables(dst)).filter((n) => !isDerived(n)));
        const missing = sourceTables.filter((n) => !targetTables.has(n));
        if (missing.length)
          throw new CopyRefusedError(`${t.shown} mangler tabellerne ${missing.join(', ')} (en anden skemaversion?). Opdater begge sider til samme version af Trafiklys. Intet er kopieret.`);
        for (const table of ['projects', 'indicators']) {
          const row = await dst.get<{ n: number }>(`SELECT count(*) AS n FROM ${quote(table)}`);
          if ((row?.n ?? 0) > 0)
            throw new CopyRefusedError(`${t.shown} er ikke tom (den har ${row!.n} ${table === 'projects' ? 'projekter' : 'indikatorer'}). En portefølje kopieres kun til et tomt sted. Intet er ændret.`);
        }
        const order = await inKeyOrder(src, source.dialect, sourceTables);
        // What the target's migrations seeded (settings, the first profile version) gives way to the source's rows.
        for (const table of [...order].reverse()) await dst.run(`DELETE FROM ${quote(table)}`);

        const counts = new Map<string, number>();
        for (const table of order) counts.set(table, (await src.get<{ n: number }>(`SELECT count(*) AS n FROM ${quote(table)}`))!.n);
        const total = [...counts.values()].reduce((a, b) => a + b, 0);
        let done = 0;
        const copied: { name: string; rows: number }[] = [];
        for (const table of order) {
          const columns = await source.dialect.tableColumns(src, table);
          const names = columns.map((col) => col.name);
          const targetNames = new Set((await t.dialect.tableColumns(dst, table)).map((col) => col.name));
          const extra = names.filter((n) => !targetNames.has(n));
          if (extra.length) throw new CopyRefusedError(`${t.shown} har ikke kolonnerne ${extra.join(', ')} i ${table}. Intet er kopieret.`);
          const keyed = columns.some((col) => col.name === 'id' && col.pk === 1) && columns.filter((col) => col.pk > 0).length === 1;
          const pk = columns.filter((col) => col.pk > 0).sort((a, b) => a.pk - b.pk).map((col) => quote(col.name));
          const perInsert = Math.max(1, Math.floor(MAX_VALUES / names.length));
          const list = names.map(quote).join(', ');
          const insert = async (rows: Record<string, SqlValue>[]) => {
            for (let i = 0; i < rows.length; i += perInsert) {
              const chunk = rows.slice(i, i + perInsert);
              const values = chunk.map(() => `(${names.map(() => '?').join(', ')})`).join(', ');
              await dst.run(`INSERT INTO ${quote(table)} (${list}) VALUES ${values}`, chunk.flatMap((r) => names.map((n) => r[n] ?? null)));
            }
            done += rows.length;
            onProgress?.({ table, rows: counts.get(table)!, done, total });
          };
          if (keyed) {
            // Page by id: a table of 1.5 million status rows is never held at once.
            let after = -Infinity;
            for (;;) {
              const rows = await src.all<Record<string, SqlValue>>(`SELECT ${list} FROM ${quote(table)} WHERE id > ? ORDER BY id LIMIT ?`, [after === -Infinity ? -1 : after, 20_000]);
              if (rows.length === 0) break;
              await insert(rows);
              after = rows[rows.length - 1]!.id as number;
            }
          } else {
            const order = pk.length ? pk.join(', ') : source.dialect.physicalRowOrder;
            await insert(await src.all<Record<string, SqlValue>>(`SELECT ${list} FROM ${quote(table)} ORDER BY ${order}`));
          }
          // Ids are never reused (the figures held in memory rely on it): the target's generator
          // continues after the highest id the source ever handed out, not only the highest left.
          if (keyed) await t.dialect.continueIdsAfter(dst, table, Math.max(await source.dialect.lastGeneratedId(src, table), await maxId(src, table)));
          copied.push({ name: table, rows: counts.get(table)! });
        }
        return { tables: copied, projects: counts.get('projects') ?? 0 };
      }),
    );
  } catch (error) {
    // A new file that did not get its copy is not left behind half made.
    if (target && newFile) {
      await target.db.close().catch(() => undefined);
      target = null;
      removeFile(to);
    }
    throw error;
  } finally {
    await target?.db.close().catch(() => undefined);
    await source.db.close().catch(() => undefined);
  }
}

async function maxId(c: SqlConn, table: string): Promise<number> {
  return (await c.get<{ m: number | null }>(`SELECT max(id) AS m FROM ${quote(table)}`))?.m ?? 0;
}

/** Removes a portfolio file and its journal files. */
export function removeFile(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
}
