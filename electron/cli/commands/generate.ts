import { isPostgresUrl } from '../../storage/pg/pgDb';
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createAppServices } from '../../services';
import { formatDanishNumber } from '../../../shared/numbers/danish';
import { DEFAULT_SEED, generatePortfolio } from '../../generate/portfolio';
import type { CliCommand } from '../types';
import { CliError, requireString } from '../types';

/** Larger portfolios are possible in code; on the command line this guards against a typo. */
const MAX_PROJECTS = 100_000;

function wholeNumber(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new CliError(`--${name} skal være et helt tal fra ${formatDanishNumber(min)} til ${formatDanishNumber(max)}, ikke "${value}".`, 2);
  return n;
}

export const generateCommand: CliCommand = {
  name: 'generate',
  summary: 'Opret en syntetisk portefølje til test og måling (ca. 30 mål og 300 statusrapporter pr. projekt) i en ny databasefil; samme frø giver samme portefølje.',
  usage: 'generate --projects N --db FILE [--seed S]',
  options: { projects: { type: 'string' }, db: { type: 'string' }, seed: { type: 'string' } },
  async run(args, io) {
    const projects = wholeNumber(requireString(args, 'projects'), 'projects', 1, MAX_PROJECTS)!;
    const seed = wholeNumber(args.values.seed as string | undefined, 'seed', 0, 2 ** 32 - 1) ?? DEFAULT_SEED;
    const db = resolve(requireString(args, 'db'));
    if (isPostgresUrl(requireString(args, 'db'))) throw new CliError(args.t.fileOnly('generate'), 2);
    // A synthetic portfolio never goes into a real one.
    if (existsSync(db)) throw new CliError(`${db} findes allerede; en syntetisk portefølje oprettes kun i en ny fil.`);
    let result: Awaited<ReturnType<typeof generatePortfolio>>;
    try {
      result = await generatePortfolio(db, { projects, seed });
    } catch (err) {
      // The file did not exist before: a failed run leaves none behind.
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
      throw err;
    }
    // The kept figures (migration 004) are computed now, through the same code as any read, so
    // that the portfolio's first open reads them instead of recomputing every project.
    const started = performance.now();
    const services = await createAppServices({ dbPath: db });
    try {
      await services.portfolio.keptFigures();
    } finally {
      await services.close();
    }
    const { counts } = result;
    const ms = result.ms + (performance.now() - started);
    const n = (v: number) => formatDanishNumber(v);
    io.out(
      `Syntetisk portefølje (frø ${seed}) oprettet i ${db}: ${n(counts.projects)} projekter, ${n(counts.goals)} mål, ` +
        `${n(counts.statusReports)} statusrapporter, ${n(counts.evaluations)} evalueringer på ${formatDanishNumber(ms / 1000, 1)} s.`,
    );
    return 0;
  },
};
