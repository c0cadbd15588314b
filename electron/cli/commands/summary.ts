import type { ProjectSummary } from '../../../shared/contracts/views';
import { GOAL_LEVELS, type GoalLevel } from '../../../shared/domain';
import type { PortfolioRollup } from '../../../shared/methodology/types';
import { formatDanishDate, formatDanishNumber, formatDanishPercent, shownDecimals } from '../../../shared/numbers/danish';
import { describeFilterDa, isFilterActive, type PortfolioFilter } from '../../../shared/portfolioFilter';
import { indicatorRef } from '../../services/portfolioService';
import { rollupOfKept } from '../../services/keptFigures';
import type { CliCommand } from '../types';
import { CliError } from '../types';
import type { CliMessages } from '../messages';
import { dbLocation, openExistingServices } from '../open';
import { FILTER_OPTIONS, FILTER_USAGE, filterFromArgs } from '../filterOptions';
import { requireProject } from '../project';
import { readProjectMeasures, type ProjectMeasures } from '../../services/projectMeasures';
import { BUSINESS_CASE_FORMULAS } from '../../../shared/methodology/businessCase';

const LEVEL_NAME: Record<GoalLevel, string> = { A: 'activity', B: 'output', C: 'effect' };
const LEVEL_DA: Record<GoalLevel, string> = { A: 'Aktivitet', B: 'Output', C: 'Effekt' };
/** "1 projekt", "2 projekter". */
const projects = (n: number) => `${n} ${n === 1 ? 'projekt' : 'projekter'}`;

export const summaryCommand: CliCommand = {
  name: 'summary',
  summary: 'Vis de beregnede tal for hvert projekt (eller ét) og porteføljens målopnåelse pr. niveau og pr. indikator, som tabel eller JSON.',
  usage: `summary --db FILE [--project NAME|ID] ${FILTER_USAGE} [--json]`,
  options: { db: { type: 'string' }, project: { type: 'string' }, json: { type: 'boolean' }, ...FILTER_OPTIONS },
  async run(args, io) {
    const filter = filterFromArgs(args);
    const services = await openExistingServices(dbLocation(args), args.t);
    try {
      const name = args.values.project;
      const overview = await services.portfolio.portfolioOverview(filter);
      let projects = overview.kept;
      // One project's shares, comparisons and business case (issue 14): read only for --project.
      let measures: ProjectMeasures | null = null;
      if (typeof name === 'string') {
        const project = await requireProject(services.store, name, args.t);
        projects = projects.filter((p) => p.projectId === project.id);
        if (projects.length === 0) throw new CliError(`Projektet "${name}" er ikke med i filteret (${describeFilterDa(filter)}).`);
        measures = await readProjectMeasures(services.store, project.id);
      }
      // The roll-up over exactly the projects printed, as the portfolio view computes it.
      const rows = projects.map((p) => p.summary);
      const rollup = rollupOfKept(projects, overview.indicators, indicatorRef);
      const json = (s: ProjectSummary) => ({ ...toJson(s), ...(measures ? measuresJson(measures) : {}) });
      if (args.values.json) io.out(JSON.stringify({ projects: rows.map(json), portfolio: portfolioJson(rollup, filter, overview.total) }, null, 2));
      else io.out([table(rows, args.t), ...(measures ? measuresTable(measures) : []), ...(typeof name === 'string' ? [] : ['', portfolioTable(rollup, filter, overview.total)])].join('\n'));
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

function portfolioJson(rollup: PortfolioRollup, filter: PortfolioFilter, total: number) {
  return {
    projects: rollup.projects,
    projectsInPortfolio: total,
    filter,
    /** Per level: the mean of the projects' level attainment, and how many projects it is over. */
    headline: Object.fromEntries(
      GOAL_LEVELS.map((l) => [LEVEL_NAME[l], { percent: rollup.headline[l].displayAverage, average: rollup.headline[l].average, projects: rollup.headline[l].projects }]),
    ),
    /** Pooled per indicator: sum of status / sum of targets of the goals linked to it. */
    indicators: rollup.indicators.map((p) => ({
      code: p.indicator.code,
      name: p.indicator.name,
      unit: p.indicator.unit,
      level: LEVEL_NAME[p.indicator.level],
      statusSum: p.statusSum,
      targetSum: p.targetSum,
      percent: p.displayPercent,
      projects: p.projects,
      goals: p.goals,
      linkedGoals: p.linkedGoals,
      leftOut: p.leftOut,
      /** Its share goals: sum of numerators / sum of denominators, with the goals and projects behind it. */
      ...(p.share
        ? { share: { numeratorSum: p.share.numeratorSum, denominatorSum: p.share.denominatorSum, percent: p.share.displayPercent, projects: p.share.projects, goals: p.share.goals } }
        : {}),
    })),
    goalsWithoutIndicator: Object.fromEntries(GOAL_LEVELS.map((l) => [LEVEL_NAME[l], rollup.unlinkedGoals[l]])),
  };
}

/** Share goals, comparisons and the business case of the one project shown. */
function measuresJson(m: ProjectMeasures) {
  return {
    shares: m.shares.map((s) => ({
      code: s.code,
      description: s.description,
      numerator: s.numerator,
      denominator: s.denominator,
      percent: s.displayPercent,
      percentExact: s.percent,
      printedPercent: s.printedPercent,
      printedDiffers: s.printedDiffers,
      target: s.target,
      targetKind: s.targetKind,
      attainment: s.attainment,
    })),
    comparisons: m.comparisons.map((c) => ({
      code: c.code,
      description: c.description,
      reached: c.reached,
      comparison: c.comparison,
      /** reached - comparison, in percentage points when `points`. */
      difference: c.difference,
      points: c.points,
      label: c.label,
      source: c.source,
      year: c.year,
    })),
    businessCase: m.businessCase
      ? {
          inputs: (() => {
            const { projectId: _p, ...inputs } = m.businessCase.businessCase;
            return inputs;
          })(),
          results: { savingPerCitizenKr: m.businessCase.result.savingPerCitizenKr, totalSavingKr: m.businessCase.result.totalSavingKr, paybackYears: m.businessCase.result.paybackYears },
          missing: m.businessCase.result.missing,
          formulas: Object.fromEntries(Object.entries(BUSINESS_CASE_FORMULAS).map(([k, f]) => [k, f.da])),
        }
      : null,
  };
}

const kr = (v: number | null) => (v === null ? '–' : `${formatDanishNumber(v, shownDecimals(v, 2))} kr.`);
const signed = (v: number) => `${v > 0 ? '+' : ''}${formatDanishNumber(v, shownDecimals(v, 1))}`;

function measuresTable(m: ProjectMeasures): string[] {
  const out: string[] = [];
  if (m.shares.length) {
    out.push('', 'Andele (tæller af nævner, procent beregnet af dem):');
    for (const s of m.shares)
      out.push(
        `  ${s.code} ${s.description}: ${figure(s.numerator)} af ${figure(s.denominator)} = ${formatDanishPercent(s.displayPercent)}` +
          (s.printedPercent !== null ? ` (trykt ${formatDanishNumber(s.printedPercent, shownDecimals(s.printedPercent, 1))} %${s.printedDiffers ? ', afviger' : ''})` : ''),
      );
  }
  if (m.comparisons.length) {
    out.push('', 'Sammenligning med baseline eller sammenligningsgruppe:');
    for (const c of m.comparisons)
      out.push(
        `  ${c.code} ${c.description}: ${figure(c.reached)} mod ${figure(c.comparison)} (${c.label}; ${c.source}${c.year ? ` ${c.year}` : ''})` +
          (c.difference === null ? '' : ` = ${signed(c.difference)}${c.points ? ' procentpoint' : ''}`),
      );
  }
  if (m.businessCase) {
    const { businessCase: b, result: r } = m.businessCase;
    out.push('', 'Business case:');
    out.push(`  Udgift pr. deltager: ${kr(b.costPerParticipantKr)}${b.costSource ? ` (${b.costSource})` : ''}`);
    out.push(`  Besparelse pr. borger pr. år: ${kr(b.savingPerCitizenYearKr)}${b.savingSource ? ` (${b.savingSource})` : ''}`);
    out.push(`  Antal borgere: ${figure(b.citizens)}${b.citizensSource ? ` (${b.citizensSource})` : ''}`);
    out.push(`  Antal år: ${figure(b.years)}${b.yearsSource ? ` (${b.yearsSource})` : ''}`);
    out.push(`  ${BUSINESS_CASE_FORMULAS.savingPerCitizenKr.da}: ${kr(r.savingPerCitizenKr)}`);
    out.push(`  ${BUSINESS_CASE_FORMULAS.totalSavingKr.da}: ${kr(r.totalSavingKr)}`);
    out.push(`  ${BUSINESS_CASE_FORMULAS.paybackYears.da}: ${r.paybackYears === null ? '–' : formatDanishNumber(r.paybackYears, 3)}`);
  }
  return out;
}

function columns(header: string[], body: string[][], right: Set<number> = new Set()): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (right.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)];
}

/** The table in the run's language; numbers and dates stay Danish (19.037; 3,8), as the users write them. */
function table(rows: ProjectSummary[], t: CliMessages): string {
  const light = (l: keyof CliMessages['light'] | null) => (l ? t.light[l] : '–');
  const header = t.summaryHeader;
  const body = rows.map((s) => [
    s.name,
    s.evaluationType ? `${t.evaluationType[s.evaluationType]} ${s.evaluationDate ? formatDanishDate(s.evaluationDate) : ''}` : '–',
    s.implementation.score === null ? '–' : `${formatDanishNumber(s.implementation.score, 1)} ${light(s.implementation.light)}${s.implementation.scored < 6 ? ` ${t.scoredOf(s.implementation.scored)}` : ''}`,
    `${formatDanishPercent(s.goals.activity.percent)} ${light(s.goals.activity.light)}`,
    `${formatDanishPercent(s.goals.output.percent)} ${light(s.goals.output.light)}`,
    `${formatDanishPercent(s.goals.effect.percent)} ${light(s.goals.effect.light)}`,
    formatDanishPercent(s.budget.percent),
    formatDanishPercent(s.time.percent),
    String(s.warnings.length),
  ]);
  const warnings = rows.flatMap((s) => s.warnings.map((w) => `  ${s.name}: ${w}`));
  return [...columns(header, body), ...(warnings.length ? ['', t.summaryWarnings, ...warnings] : [])].join('\n');
}

const figure = (v: number | null) => (v === null ? '–' : formatDanishNumber(v, shownDecimals(v)));

function portfolioTable(rollup: PortfolioRollup, filter: PortfolioFilter, total: number): string {
  const out: string[] = [];
  out.push(isFilterActive(filter) ? `Porteføljen: ${rollup.projects} af ${projects(total)} (filter: ${describeFilterDa(filter)})` : `Porteføljen: ${projects(rollup.projects)}`);
  out.push('Målopnåelse pr. niveau (gennemsnit af projekternes målopnåelse):');
  for (const l of GOAL_LEVELS) {
    const h = rollup.headline[l];
    out.push(`  ${LEVEL_DA[l].padEnd(9)} ${formatDanishPercent(h.displayAverage).padStart(6)}  (${h.projects} af ${projects(h.projectsTotal)})`);
  }
  out.push('');
  out.push('Puljet målopnåelse pr. indikator (sum af status / sum af målsætninger for mål knyttet til samme indikator):');
  if (rollup.indicators.length === 0) out.push('  Ingen mål er knyttet til en indikator; intet er puljet.');
  else
    out.push(
      ...columns(
        ['Indikator', 'Niveau', 'Status i alt', 'Mål i alt', 'Målopnåelse', 'Projekter', 'Mål'],
        rollup.indicators.map((p) => [
          `${p.indicator.code ? `${p.indicator.code} ` : ''}${p.indicator.name}${p.indicator.unit ? ` (${p.indicator.unit})` : ''}`,
          LEVEL_DA[p.indicator.level],
          figure(p.statusSum),
          figure(p.targetSum),
          formatDanishPercent(p.displayPercent),
          String(p.projects),
          p.goals === p.linkedGoals ? String(p.goals) : `${p.goals} af ${p.linkedGoals}`,
        ]),
        new Set([2, 3, 4, 5]),
      ).map((l) => `  ${l}`),
    );
  const unlinked = GOAL_LEVELS.map((l) => rollup.unlinkedGoals[l]).reduce((a, b) => a + b, 0);
  if (unlinked > 0) out.push(`  ${unlinked} mål er ikke knyttet til en indikator og indgår ikke i puljen.`);
  return out.join('\n');
}
