import { execFileSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createAppServices } from '../electron/services';
import { Db } from '../electron/storage/sqlite';
import { callChannel, createHandlers } from '../electron/ipc/handlers';
import { headlessHost } from '../electron/ipc/host';
import type { ProjectSummary } from '../shared/contracts/views';
import { formatDanishNumber } from '../shared/numbers/danish';
import { maxRssBytes, repoRoot, runChild, runNpmCli } from './child';
import { figure, FIGURES, formatFigureLines, formatValue, median, type Figure } from './figures';
import { chromiumAvailable, ensureRendererBuild, measureFirstPaint } from './rendererPaint';
import { writeStatusWorkbooks } from './statusWorkbooks';
import { benchImport } from './import';

/**
 * `npm run bench`: every figure of issue 12's table at 500, 2,000 and 5,000 projects, measured
 * on what exists today, each with its baseline and ratio where the issue gives one. A portfolio
 * is generated once per size (`npm run cli -- generate`, itself a figure) into a temp folder
 * and reused by every figure; the import runs on a copy. Prints the figures in Danish formats
 * and writes them as JSON (bench/results/latest.json, or BENCH_OUT).
 *
 * Settings (environment):
 *   BENCH_SIZES=500,2000,5000   portfolio sizes
 *   BENCH_RUNS=3                runs of each repeated figure (median)
 *   BENCH_IMPORT_FILES=1000     status workbooks for the import figure
 *   BENCH_SEED=12               generator seed
 *   BENCH_OUT=FILE              where the JSON goes
 *   BENCH_REBUILD=0             use out/renderer as it is instead of rebuilding a stale one
 *   BENCH_ONLY=paint,import     only generate and these groups of figures: core (summary, open one project,
 *                               first screen, filter and sort, cli summary), export, import, paint
 *
 * `npm run bench -- import` instead reads large import files at and above the import limits
 * (bench/import.ts, issue 10 point 6).
 *
 * No targets are asserted: the figures are for people (and the later optimisation) to read.
 */

const env = (name: string, fallback: string) => process.env[name] ?? fallback;
const SIZES = env('BENCH_SIZES', '500,2000,5000').split(',').map((s) => Number(s.trim()));
const RUNS = Number(env('BENCH_RUNS', '3'));
const IMPORT_FILES = Number(env('BENCH_IMPORT_FILES', '1000'));
const SEED = Number(env('BENCH_SEED', '12'));
const OUT = resolve(env('BENCH_OUT', join(repoRoot, 'bench', 'results', 'latest.json')));
const REBUILD = env('BENCH_REBUILD', '1') !== '0';
const ONLY = env('BENCH_ONLY', '');
const GROUPS = ['core', 'export', 'import', 'paint'] as const;
const only = ONLY.split(',').map((g) => g.trim()).filter(Boolean);
for (const g of only) {
  if (!(GROUPS as readonly string[]).includes(g)) throw new Error(`BENCH_ONLY=${ONLY}: "${g}" kendes ikke; grupperne er ${GROUPS.join(', ')} (kommasepareret), eller tom for alle mål.`);
}
/** Whether a group of figures is measured in this run (every group when BENCH_ONLY is empty). */
const wanted = (group: (typeof GROUPS)[number]) => only.length === 0 || only.includes(group);
/** Projects opened for the open-project figure (spread over the portfolio). */
const OPENED = 15;

interface SizeResult {
  projects: number;
  goals: number;
  statusReports: number;
  evaluations: number;
  databaseBytes: number;
  figures: Figure[];
}

const load = () => os.loadavg()[0];

function log(text: string): void {
  process.stderr.write(`${text}\n`);
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await fn();
  return [value, performance.now() - started];
}

async function measureSize(projects: number, dir: string, workbooksDir: string): Promise<SizeResult> {
  const figures: Figure[] = [];
  const add = (f: Figure) => {
    figures.push(f);
    log(`  ${f.label}: ${formatValue(f.unit, f.value)}${f.ratio !== undefined ? ` (${formatDanishNumber(f.ratio, 2)}x)` : ''}`);
  };
  const db = join(dir, `portefolje-${projects}.sqlite`);

  // Generate, as a user runs it.
  const loadBefore = load();
  const generated = await runNpmCli(['generate', '--projects', String(projects), '--db', db, '--seed', String(SEED)]);
  if (generated.code !== 0) throw new Error(`generate sluttede med kode ${generated.code}: ${generated.stderr}`);
  add(figure('generate', generated.ms, `npm run cli -- generate --projects ${projects} --seed ${SEED} som egen proces (tsx, ingen bygget CLI); bulk-indlæsning i én transaktion.`, { details: { loadBefore, loadAfter: load() } }));

  // First paint of the portfolio view in Chromium.
  const paintFigures = async () => {
    if (chromiumAvailable()) {
      const paints = await measureFirstPaint(db, RUNS, `bench-portefolje-${projects}`);
      const paint = median(paints.map((p) => p.paintMs));
      const data = median(paints.map((p) => p.dataMs));
      add(figure('rendererPaint', paint, `Produktionsbygget renderer i Chromium over den rigtige håndteringstabel (browserbroen): fra navigation til billedet efter at den første projektrække står i DOM, median af ${RUNS}. Første kørsel (frisk åbnet: main læser tallene, mens rendereren starter, som appen gør når vinduet åbner) står ved siden af; hver kørsel venter, til sidens efterfølgende kald er besvaret, før den næste starter.`, { runs: paints.map((p) => p.paintMs), details: { dataArrivedMs: data, afterDataMs: paint - data, firstRunMs: paints[0].paintMs } }));
      add(figure('rendererRows', paints[0].projectRows, 'Projektrækker (data-testid="project-row-…") i DOM ved første maling.', { details: { tableRows: paints[0].tableRows } }));
    } else {
      const why = 'Chromium findes ikke (/usr/bin/chromium eller CHROMIUM_PATH); ikke målt.';
      add(figure('rendererPaint', null, why));
      add(figure('rendererRows', null, why));
    }
  };

  const finish = async (): Promise<SizeResult> => {
    const counts = await countRows(db);
    log(`  (højeste RSS i bench-processen: ${formatDanishNumber(maxRssBytes() / 1e6)} MB)`);
    // In the order of the issue's table, whatever order they were measured in.
    const order = (f: Figure) => FIGURES.findIndex((spec) => spec.id === f.id);
    return { projects, ...counts, databaseBytes: statSync(db).size, figures: figures.sort((a, b) => order(a) - order(b)) };
  };

  if (wanted('core')) {
    const services = await createAppServices({ dbPath: db });
    const handlers = createHandlers(services, headlessHost(join(dir, 'eksport')));
    let summaries: ProjectSummary[] = [];
    let pageFigures = { filteredMs: NaN, byNameMs: NaN, firstFilteredMs: NaN, rowsAfterFilter: 0 };
    try {
      // Portfolio summary in-process, as the portfolio view's call does it today.
      const runs: number[] = [];
      for (let r = 0; r < RUNS; r++) {
        const [value, ms] = await timed(() => services.portfolio.portfolioSummaries());
        summaries = value;
        runs.push(ms);
      }
      const perProject = median(runs) / projects;
      add(figure('portfolioSummary', median(runs), `PortfolioService.portfolioSummaries() over ${projects} projekter i samme proces, median af ${RUNS} kørsler. Den første kørsel læser og fortolker alle gemte tal (kold); de næste spørger SQLite om hvert projekts revision og genbruger de tal, tjenesten holder ved samme revision.`, { runs, details: { msPerProject: perProject, firstRunMs: runs[0] } }));

      // Open one project, as the project view does: projectGet, then evaluationGet of the latest round.
      const ids = summaries.map((s) => s.projectId);
      const picked = Array.from({ length: Math.min(OPENED, ids.length) }, (_, i) => ids[Math.floor((i * ids.length) / Math.min(OPENED, ids.length))]);
      const opens: number[] = [];
      for (const projectId of picked) {
        const [, ms] = await timed(async () => {
          const project = await callChannel(handlers, 'projectGet', { projectId });
          if (!project.ok) throw new Error(project.error.message);
          const rounds = [...project.value.evaluations].sort((a, b) => (a.date === b.date ? a.id - b.id : a.date.localeCompare(b.date)));
          const latest = rounds[rounds.length - 1];
          if (latest) {
            const evaluation = await callChannel(handlers, 'evaluationGet', { evaluationId: latest.id });
            if (!evaluation.ok) throw new Error(evaluation.error.message);
          }
        });
        opens.push(ms);
      }
      add(figure('openProject', median(opens), `projectGet + evaluationGet af seneste runde gennem IPC-håndteringstabellen (uden Electrons transport), ${picked.length} projekter spredt over porteføljen, median.`, { runs: opens }));

      // What crosses IPC for the portfolio view's first screen: the first page with its figures and facets.
      const firstScreen = { sort: { key: 'name', dir: 'asc' }, offset: 0, limit: 100, figures: true, facets: true } as const;
      const [call, callMs] = await timed(() => callChannel(handlers, 'portfolioPage', firstScreen));
      if (!call.ok) throw new Error(call.error.message);
      const bytes = Buffer.byteLength(JSON.stringify(call), 'utf8');
      const [whole] = await timed(() => callChannel(handlers, 'portfolioSummaries', {}));
      const wholeBytes = whole.ok ? Buffer.byteLength(JSON.stringify(whole), 'utf8') : -1;
      // Filter and sort as the view asks for them: portfolio:page through the handler table.
      const pageRuns: { filtered: number[]; byName: number[] } = { filtered: [], byName: [] };
      let shownByPage = 0;
      for (let r = 0; r < Math.max(RUNS, 5); r++) {
        const [filtered, filteredMs] = await timed(() => callChannel(handlers, 'portfolioPage', { filter: { search: 'kommune', light: 'red' }, sort: { key: 'output', dir: 'desc' }, offset: 0, limit: 100, figures: true, facets: true }));
        if (!filtered.ok) throw new Error(filtered.error.message);
        shownByPage = filtered.value.matching;
        pageRuns.filtered.push(filteredMs);
        const [, byNameMs] = await timed(() => callChannel(handlers, 'portfolioPage', { sort: { key: 'name', dir: 'asc' }, offset: 0, limit: 100, figures: true, facets: true }));
        pageRuns.byName.push(byNameMs);
      }
      pageFigures = { filteredMs: median(pageRuns.filtered), byNameMs: median(pageRuns.byName), firstFilteredMs: pageRuns.filtered[0], rowsAfterFilter: shownByPage };
      add(figure('ipcPayload', bytes, 'Bytes i JSON-teksten af svaret på portfolio:page for første skærmbillede (100 rækker sorteret efter navn, lystællinger, overblik og filtrenes valgmuligheder), gennem håndteringstabellen.', { details: { rows: call.value.rows.length, matching: call.value.matching, callMs, allSummariesBytes: wholeBytes } }));
    } finally {
      await services.close();
    }

    // Filter and sort: in main (the portfolio:page handler's pure cut, shared/portfolioPage.ts) over
    // every summary, without the portfolioOverview load that feeds it (measured above).
    const { cutPortfolioPage, collatorFor } = await import('../shared/portfolioPage');
    const collator = collatorFor('da');
    const filterSort: number[] = [];
    const sortAll: number[] = [];
    let shown = 0;
    for (let r = 0; r < Math.max(RUNS, 5); r++) {
      let t = performance.now();
      shown = cutPortfolioPage(summaries, { filter: { search: 'kommune', light: 'red' }, sort: { key: 'output', dir: 'desc' }, offset: 0, limit: 100 }, collator).matching;
      filterSort.push(performance.now() - t);
      t = performance.now();
      cutPortfolioPage(summaries, { filter: {}, sort: { key: 'name', dir: 'asc' }, offset: 0, limit: 100 }, collator);
      sortAll.push(performance.now() - t);
    }
    const worst = Math.max(pageFigures.filteredMs, pageFigures.byNameMs);
    add(
      figure('filterSort', worst, 'Hele portfolio:page-kaldet gennem håndteringstabellen (de gemte tal, filtrering, sortering, første side på 100 rækker, lystællinger, overblikkets puljede tal og filtrenes valgmuligheder): den langsomste af "søg kommune + rødt lys, sortér efter output %" og "sortér alle efter navn" (dansk sortering), median. I detaljerne også filtreringen og sorteringen alene (cutPortfolioPage) over alle resuméer.', {
        details: { ...pageFigures, cutFilterAndSortMs: median(filterSort), cutSortAllByNameMs: median(sortAll), cutRowsAfterFilter: shown },
      }),
    );

    // The CLI summary as a whole process, and what starting the CLI alone costs.
    const started = await runNpmCli(['--help']);
    const cliRuns: number[] = [];
    const jsonFile = join(dir, `summary-${projects}.json`);
    for (let r = 0; r < RUNS; r++) {
      const fd = openSync(jsonFile, 'w');
      let run;
      try {
        run = await runNpmCli(['summary', '--db', db, '--json'], fd);
      } finally {
        closeSync(fd);
      }
      if (run.code !== 0) throw new Error(`summary sluttede med kode ${run.code}: ${run.stderr}`);
      cliRuns.push(run.ms);
    }
    const printed = (JSON.parse(readFileSync(jsonFile, 'utf8')) as { projects: unknown[] }).projects.length;
    if (printed !== projects) throw new Error(`summary --json gav ${printed} rækker, ikke ${projects}`);
    add(figure('cliSummary', median(cliRuns), `npm run --silent cli -- summary --db FIL --json som egen proces (npm + tsx; der er ingen bygget CLI), stdout til en fil, median af ${RUNS}.`, { runs: cliRuns, details: { cliStartMs: started.ms, outputBytes: readFileSync(jsonFile).length } }));
  }

  if (wanted('export')) {
    // Portfolio export against exceljs alone writing the same cells, each in a fresh process.
    const exported = await runChild<{ ms: number; maxRssBytes: number; fileBytes: number; sheets: { name: string; cells: number; columns: number }[] }>('bench/children/exportPortfolio.ts', [db, join(dir, `portefolje-${projects}.xlsx`)]);
    const baseline = await runChild<{ ms: number; maxRssBytes: number }>('bench/children/exceljsWrite.ts', [join(dir, `grundlinje-${projects}.xlsx`), JSON.stringify(exported.sheets)]);
    const cells = exported.sheets.reduce((n, s) => n + s.cells, 0);
    add(
      figure('exportRatio', exported.ms, 'exportPortfolio (porteføljeoversigten, målene med gældende status i én forespørgsel, opbygning og skrivning med exceljs\' streaming-skriver, Mål-arket række for række) i en ny proces mod exceljs alene (Workbook + writeFile, samme antal celler og kolonner pr. ark, tal) i en anden ny proces.', {
        baseline: { label: 'exceljs alene', value: baseline.ms },
        details: { cells, sheets: exported.sheets.map((s) => `${s.name}: ${s.cells}`).join('; '), fileBytes: exported.fileBytes },
      }),
    );
    add(figure('exportMemory', exported.maxRssBytes, 'Højeste RSS (process.resourceUsage().maxRSS) i eksportens egen proces, indlæsning af tsx medregnet; grundlinjen er exceljs-processens.', { baseline: { label: 'exceljs alene', value: baseline.maxRssBytes } }));
  }

  if (wanted('import')) {
    // CLI import of status workbooks against exceljs reading the same files, on a copy.
    const files = await writeStatusWorkbooks(workbooksDir, { seed: SEED, projects, files: IMPORT_FILES });
    const importDb = join(dir, `import-${projects}.sqlite`);
    copyFileSync(db, importDb);
    const read = await runChild<{ ms: number; files: number }>('bench/children/exceljsRead.ts', [workbooksDir]);
    const imported = await runChild<{ ms: number; files: number; failed: string[] }>('bench/children/importFolder.ts', [importDb, workbooksDir]);
    const readLess = await runChild<{ ms: number; files: number }>('bench/children/exceljsRead.ts', [workbooksDir, 'import-options']);
    if (imported.failed.length) throw new Error(`Importen fejlede:\n${imported.failed.slice(0, 5).join('\n')}`);
    const written = (await countStatuses(importDb)) - (await countStatuses(db));
    add(
      figure('importRatio', imported.ms, `${files.length} statusrapporter (skabelonen udfyldt, ét projekt pr. fil) importeret af CLI'ens import-kommando som én mappe (import MAPPE --db FIL, én transaktion pr. fil; de næste filer læses i arbejdstråde, mens den aktuelle sammenlignes og gemmes) i én proces; opstarten af processen er ikke med (se cliStartMs under CLI-oversigten). Grundlinje: exceljs læser de samme filer (readFile, alle dele) i en ny proces. I detaljerne: exceljs, der kun læser det, importen beder den læse (ignoreNodes), og forholdet til den.`, {
        baseline: { label: 'exceljs læser filerne', value: read.ms },
        details: { files: files.length, statusReportsWritten: written, exceljsImportOptionsMs: readLess.ms, ratioToImportOptions: imported.ms / readLess.ms },
      }),
    );
  }

  if (wanted('paint')) await paintFigures();
  return finish();
}

async function countRows(db: string): Promise<{ goals: number; statusReports: number; evaluations: number }> {
  const conn = await Db.open(db, { readonly: true });
  try {
    const n = async (table: string) => (await conn.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))!.n;
    return { goals: await n('goals'), statusReports: await n('status_reports'), evaluations: await n('evaluations') };
  } finally {
    await conn.close();
  }
}

async function countStatuses(db: string): Promise<number> {
  return (await countRows(db)).statusReports;
}

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
  } catch {
    return 'ukendt';
  }
}

async function main(): Promise<void> {
  if (process.argv.includes('import')) return benchImport();
  const dir = mkdtempSync(join(os.tmpdir(), 'trafiklys-bench-'));
  const startedAt = new Date().toISOString();
  const renderer = chromiumAvailable() ? ensureRendererBuild(REBUILD) : 'no chromium';
  const sizes: SizeResult[] = [];
  const loadAtStart = os.loadavg();
  try {
    for (const projects of SIZES) {
      log(`Portefølje med ${formatDanishNumber(projects)} projekter …`);
      // The same workbooks serve every size of at least IMPORT_FILES projects.
      const workbooks = join(dir, `statusrapporter-${Math.min(projects, IMPORT_FILES)}`);
      sizes.push(await measureSize(projects, dir, workbooks));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const result = {
    bench: 'trafiklys issue 12',
    startedAt,
    finishedAt: new Date().toISOString(),
    commit: gitCommit(),
    machine: {
      node: process.version,
      platform: `${os.type()} ${os.release()}`,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? '',
      memoryBytes: os.totalmem(),
      loadAverageAtStart: loadAtStart,
      loadAverageAtEnd: os.loadavg(),
    },
    settings: { sizes: SIZES, runs: RUNS, importFiles: IMPORT_FILES, seed: SEED, renderer, only: ONLY || 'alle' },
    units: { ms: 'millisekunder', bytes: 'bytes (1 MB = 1.000.000 bytes)', count: 'antal' },
    sizes,
  };
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`);
  print(result.sizes, result.machine, OUT);
}

function print(sizes: SizeResult[], machine: { cpus: number; cpuModel: string; loadAverageAtStart: number[]; node: string }, out: string): void {
  const lines: string[] = [];
  lines.push(`Trafiklys, issue 12: målt på ${machine.cpus} kerner (${machine.cpuModel}), Node ${machine.node}, belastning ved start ${formatDanishNumber(machine.loadAverageAtStart[0], 1)}.`);
  for (const s of sizes) {
    lines.push('');
    lines.push(`${formatDanishNumber(s.projects)} projekter, ${formatDanishNumber(s.goals)} mål, ${formatDanishNumber(s.statusReports)} statusrapporter, ${formatDanishNumber(s.evaluations)} evalueringer (${formatDanishNumber(s.databaseBytes / 1e6)} MB database):`);
    lines.push(...formatFigureLines(s.figures));
  }
  if (sizes.length > 1) {
    lines.push('', 'Sådan vokser det:');
    const header = ['Mål', ...sizes.map((s) => `${formatDanishNumber(s.projects)} projekter`)];
    const rows = FIGURES.map((spec) => [
      spec.label,
      ...sizes.map((s) => {
        const f = s.figures.find((x) => x.id === spec.id);
        if (!f || f.value === null) return '–';
        return f.target.of === 'ratio' && f.ratio !== undefined ? `${formatDanishNumber(f.ratio, 2)}x` : formatValue(f.unit, f.value);
      }),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    for (const r of [header, widths.map((w) => '-'.repeat(w)), ...rows]) lines.push(r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd());
  }
  lines.push('', `Alle tal og hvordan de er målt: ${out}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
