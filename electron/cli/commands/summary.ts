import { resolve } from 'node:path';
import type { ProjectSummary } from '../../../shared/contracts/views';
import { formatDanishNumber, formatDanishPercent } from '../../../shared/numbers/danish';
import type { CliCommand } from '../types';
import { requireString } from '../types';
import type { CliMessages } from '../messages';
import { openExistingServices } from '../open';
import { requireProject } from '../project';

export const summaryCommand: CliCommand = {
  name: 'summary',
  summary: 'Vis de beregnede tal for hvert projekt (eller ét) som tabel eller JSON.',
  usage: 'summary --db FILE [--project NAME|ID] [--json]',
  options: { db: { type: 'string' }, project: { type: 'string' }, json: { type: 'boolean' } },
  async run(args, io) {
    const services = await openExistingServices(resolve(requireString(args, 'db')), args.t);
    try {
      const name = args.values.project;
      let rows: ProjectSummary[];
      if (typeof name === 'string') {
        const project = await requireProject(services.store, name, args.t);
        rows = [await services.portfolio.projectSummary(project.id)];
      } else {
        rows = await services.portfolio.portfolioSummaries();
      }
      if (args.values.json) io.out(JSON.stringify(rows.map(toJson), null, 2));
      else io.out(table(rows, args.t));
      return 0;
    } finally {
      await services.close();
    }
  },
};

function toJson(s: ProjectSummary) {
  return {
    name: s.name,
    evaluationType: s.evaluationType,
    evaluationDate: s.evaluationDate,
    implementation: s.implementation,
    goals: {
      activity: { percent: s.goals.activity.percent, light: s.goals.activity.light },
      output: { percent: s.goals.output.percent, light: s.goals.output.light },
      effect: { percent: s.goals.effect.percent, light: s.goals.effect.light },
    },
    budget: s.budget,
    time: s.time,
    burnRatio: s.burnRatio,
    lights: s.lights,
    warnings: s.warnings,
  };
}

/** The table in the run's language; numbers stay Danish (19.037; 3,8), as the users write them. */
function table(rows: ProjectSummary[], t: CliMessages): string {
  const light = (l: keyof CliMessages['light'] | null) => (l ? t.light[l] : '–');
  const header = t.summaryHeader;
  const body = rows.map((s) => [
    s.name,
    s.evaluationType ? `${t.evaluationType[s.evaluationType]} ${s.evaluationDate ?? ''}` : '–',
    s.implementation.score === null ? '–' : `${formatDanishNumber(s.implementation.score, 1)} ${light(s.implementation.light)}${s.implementation.scored < 6 ? ` ${t.scoredOf(s.implementation.scored)}` : ''}`,
    `${formatDanishPercent(s.goals.activity.percent)} ${light(s.goals.activity.light)}`,
    `${formatDanishPercent(s.goals.output.percent)} ${light(s.goals.output.light)}`,
    `${formatDanishPercent(s.goals.effect.percent)} ${light(s.goals.effect.light)}`,
    formatDanishPercent(s.budget.percent),
    formatDanishPercent(s.time.percent),
    String(s.warnings.length),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  const warnings = rows.flatMap((s) => s.warnings.map((w) => `  ${s.name}: ${w}`));
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line), ...(warnings.length ? ['', t.summaryWarnings, ...warnings] : [])].join('\n');
}
