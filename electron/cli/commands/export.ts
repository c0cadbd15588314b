import { resolve } from 'node:path';
import type { CliCommand } from '../types';
import { CliError, requireString } from '../types';
import { dbLocation, openExistingServices } from '../open';
import { requireProject } from '../project';
import { exportEvaluation, exportPortfolio } from '../../export';
import { FILTER_OPTIONS, FILTER_USAGE, filterFromArgs } from '../filterOptions';
import { isFilterActive } from '../../../shared/portfolioFilter';

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'Eksportér et projekts evaluering eller porteføljeoversigten som Excel-projektmappe (.xlsx) med formler.',
  usage: `export --db FILE (--project NAME|ID [--evaluation ID] | --portfolio ${FILTER_USAGE}) --out FILE.xlsx`,
  options: {
    db: { type: 'string' },
    project: { type: 'string' },
    evaluation: { type: 'string' },
    portfolio: { type: 'boolean' },
    out: { type: 'string' },
    ...FILTER_OPTIONS,
  },
  async run(args, io) {
    const { t } = args;
    const db = dbLocation(args);
    const out = resolve(requireString(args, 'out'));
    const name = args.values.project;
    const portfolio = args.values.portfolio === true;
    if (portfolio === (typeof name === 'string')) throw new CliError(t.exportEither, 2);
    if (!/\.xlsx$/i.test(out)) throw new CliError(t.exportXlsx(out), 2);
    let evaluationId: number | undefined;
    if (typeof args.values.evaluation === 'string') {
      evaluationId = Number(args.values.evaluation);
      if (!Number.isInteger(evaluationId) || evaluationId <= 0) throw new CliError(t.badEvaluationId(args.values.evaluation), 2);
    }
    const filter = filterFromArgs(args);
    if (!portfolio && isFilterActive(filter)) throw new CliError('Filtrene gælder kun sammen med --portfolio.', 2);
    const services = await openExistingServices(db, t);
    try {
      if (portfolio) {
        const result = await exportPortfolio(services, { outPath: out, filter });
        io.out(t.portfolioSaved(result.path));
      } else {
        const project = await requireProject(services.store, name as string, t);
        const result = await exportEvaluation(services, { projectId: project.id, evaluationId, outPath: out });
        io.out(t.evaluationSaved(project.name, result.path));
      }
      return 0;
    } finally {
      await services.close();
    }
  },
};
