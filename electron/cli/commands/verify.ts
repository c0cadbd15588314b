import { formatDanishNumber, shownDecimals } from '../../../shared/numbers/danish';
import type { CliCommand } from '../types';
import { dbLocation, openExistingServices } from '../open';

/** A kept or fresh value as a user reads it: Danish numbers, '–' for none, anything else as JSON. */
function shown(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'number') return Number.isFinite(value) ? formatDanishNumber(value, shownDecimals(value)) : String(value);
  return JSON.stringify(value);
}

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'Beregn hvert projekts tal forfra og vis dem, der afviger fra de gemte tal, som porteføljeoversigten viser.',
  usage: 'verify --db FILE',
  options: { db: { type: 'string' } },
  async run(args, io) {
    const t = args.t;
    const services = await openExistingServices(dbLocation(args), t);
    try {
      const differences = await services.portfolio.verifyFigures();
      const projects = (await services.store.listProjects()).length;
      if (differences.length === 0) {
        io.out(t.verifyOk(projects));
        return 0;
      }
      const affected = new Set(differences.map((d) => d.projectId)).size;
      io.out(
        [
          t.verifyFailed(differences.length, affected),
          ...differences.map((d) =>
            d.field === 'row' ? t.verifyLine(d.name, d.field, t.verifyNoRow, '–') : t.verifyLine(d.name, d.field, shown(d.kept), shown(d.fresh)),
          ),
        ].join('\n'),
      );
      return 1;
    } finally {
      await services.close();
    }
  },
};
