import { resolve } from 'node:path';
import type { CliCommand } from '../types';
import { CliError, requireString } from '../types';
import { dbLocation, openExistingServices } from '../open';
import { requireProject } from '../project';
import { exportReport, REPORT_FORMATS, reportFormatOf, type ReportFormat } from '../../export/report';
import type { ReportLang } from '../../../shared/report/model';

export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'Skriv evalueringsrapporten for en runde (som seed 003) som Word-dokument (.docx) eller PDF; et projekt uden runde får en projektstatus (uden scorer og trafiklys).',
  usage: 'report --db FILE --project NAME|ID [--round ID|latest] --format docx|pdf [--lang da|en] --out FILE',
  options: {
    db: { type: 'string' },
    project: { type: 'string' },
    round: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  },
  async run(args, io) {
    const db = dbLocation(args);
    const name = requireString(args, 'project');
    const format = requireString(args, 'format') as ReportFormat;
    if (!REPORT_FORMATS.includes(format)) throw new CliError(`Ukendt format "${format}": brug docx eller pdf.`, 2);
    // The run's language (--lang anywhere on the line, checked by the CLI, or LANG): the report's too.
    const lang: ReportLang = args.lang;
    const out = resolve(requireString(args, 'out'));
    if (reportFormatOf(out) !== format) throw new CliError(`Outputfilen skal ende på .${format}: ${out}`, 2);
    const round = typeof args.values.round === 'string' ? args.values.round : 'latest';
    let evaluationId: number | undefined;
    if (round !== 'latest') {
      evaluationId = Number(round);
      if (!Number.isInteger(evaluationId) || evaluationId <= 0) throw new CliError(`Ugyldig runde "${round}": angiv et evaluerings-id eller latest.`, 2);
    }
    const services = await openExistingServices(db, args.t);
    try {
      const project = await requireProject(services.store, name, args.t);
      // No round at all: the report channel writes the project status (goals, measures, sources).
      const statusOnly = evaluationId === undefined && (await services.portfolio.latestEvaluation(project.id)) === null;
      const result = await exportReport(services, { projectId: project.id, evaluationId, format, lang, outPath: out });
      io.out(
        statusOnly
          ? `Projektet "${project.name}" har ingen evalueringsrunde: projektstatussen (uden scorer og trafiklys) er gemt i ${result.path}.`
          : `Evalueringsrapporten for "${project.name}" er gemt i ${result.path}.`,
      );
      return 0;
    } finally {
      await services.close();
    }
  },
};
