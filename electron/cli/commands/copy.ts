import { isPostgresUrl } from '../../storage/pg/pgDb';
import { copyPortfolio, CopyRefusedError, removeFile } from '../../storage/copy';
import { CliError, type CliCommand } from '../types';
import { dbLocation, openExistingServices, shownLocation } from '../open';

/**
 * `copy --from A --to B`: a portfolio from a SQLite file onto a PostgreSQL server, or back into
 * a new file (issue 13). One transaction on the target; afterwards both sides are opened with
 * the services and compared: the data digest of all user data, and every project's figures
 * (the target's computed afresh from the copied rows). A difference is reported and exits 1;
 * a new file that differs is removed.
 */
export const copyCommand: CliCommand = {
  name: 'copy',
  summary: 'Kopiér hele porteføljen mellem en SQLite-fil og en PostgreSQL-server (begge veje) i én transaktion, og kontrollér at alle tal er ens bagefter.',
  usage: 'copy --from FILE|postgres://USER@HOST:PORT/DB --to FILE|postgres://USER@HOST:PORT/DB',
  options: { from: { type: 'string' }, to: { type: 'string' } },
  async run(args, io) {
    const t = args.t;
    const from = dbLocation(args, 'from');
    const to = dbLocation(args, 'to');
    let lastShown = -1;
    let result: Awaited<ReturnType<typeof copyPortfolio>>;
    try {
      result = await copyPortfolio(from, to, (p) => {
        // Progress on stderr, in steps of a tenth, so a big portfolio shows it is moving.
        const step = p.total === 0 ? 10 : Math.floor((p.done / p.total) * 10);
        if (step === lastShown) return;
        lastShown = step;
        io.err(t.copyProgress(p.done, p.total, p.table));
      });
    } catch (error) {
      if (error instanceof CopyRefusedError) throw new CliError(error.message);
      throw error;
    }
    const differences = await compare(from, to, t);
    if (differences.length > 0) {
      if (!isPostgresUrl(to)) removeFile(to);
      io.err(t.copyDiffers(shownLocation(to), differences));
      return 1;
    }
    const rows = result.tables.reduce((a, b) => a + b.rows, 0);
    io.out(t.copyDone(result.projects, rows, shownLocation(from), shownLocation(to)));
    return 0;
  },
};

async function compare(from: string, to: string, t: Parameters<CliCommand['run']>[0]['t']): Promise<string[]> {
  const source = await openExistingServices(from, t);
  try {
    const target = await openExistingServices(to, t);
    try {
      const out: string[] = [];
      if ((await source.store.dataDigest()) !== (await target.store.dataDigest())) out.push(t.copyDigest);
      const theirs = new Map((await target.portfolio.portfolioSummaries()).map((s) => [s.projectId, JSON.stringify(s)]));
      const mineAll = await source.portfolio.portfolioSummaries();
      if (mineAll.length !== theirs.size) out.push(t.copyFigure(`${mineAll.length} / ${theirs.size}`));
      for (const mine of mineAll) if (theirs.get(mine.projectId) !== JSON.stringify(mine)) out.push(t.copyFigure(mine.name));
      return out;
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}
