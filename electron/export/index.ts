import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type ExcelJS from 'exceljs';
import { ServiceError } from '../../shared/contracts/core';
import type { AppServices } from '../services';
import type { PortfolioFilter } from '../../shared/portfolioFilter';
import { indicatorRef } from '../services/portfolioService';
import { buildEvaluationWorkbook } from './evaluationWorkbook';
import { layoutProjectWorkbook } from './projectWorkbook';
import { streamPortfolioWorkbook, type PortfolioProjectRow, type PortfolioSelection } from './portfolioWorkbook';
import { exportGoals } from './portfolioRows';

export { buildEvaluationWorkbook, layoutEvaluationWorkbook, EVALUATION_SHEETS, EVALUATION_SHEET_ORDER } from './evaluationWorkbook';
export { buildPortfolioWorkbook, layoutPortfolioWorkbook, streamPortfolioWorkbook, PORTFOLIO_SHEET, GOALS_SHEET } from './portfolioWorkbook';
export type { PortfolioProjectRow, PortfolioSelection } from './portfolioWorkbook';

/** Progress of an export: `done` of `total` steps in a phase, for a progress bar. */
export interface ExportProgress {
  phase: 'load' | 'build' | 'write' | 'done';
  done: number;
  total: number;
}

export interface ExportResult {
  path: string;
  bytes: number;
}

type OnProgress = (progress: ExportProgress) => void;

/** An export that failed: the message names the path and says what to do (Danish). */
export class ExportError extends ServiceError {
  constructor(message: string, readonly path: string) {
    super('EXPORT_FAILED', message);
    this.name = 'ExportError';
  }
}

/**
 * Exports one evaluation (the project's latest when `evaluationId` is left out). A project without
 * a round gets its project workbook (projectWorkbook.ts): goals, shares, comparisons and business
 * case, and no scores or lights.
 */
export async function exportEvaluation(
  services: AppServices,
  options: { projectId: number; evaluationId?: number; outPath: string; onProgress?: OnProgress },
): Promise<ExportResult> {
  const outPath = resolve(options.outPath);
  await checkTarget(outPath);
  const { portfolio } = services;
  options.onProgress?.({ phase: 'load', done: 0, total: 1 });
  const project = await portfolio.projectDetail(options.projectId);
  const evaluation = options.evaluationId
    ? await portfolio.requireEvaluation(options.evaluationId)
    : await portfolio.latestEvaluation(options.projectId);
  if (!evaluation) {
    // No round yet: the project's goals, shares, comparisons and business case, no scores or lights.
    if (options.evaluationId === undefined && project.evaluations.length === 0) {
      options.onProgress?.({ phase: 'build', done: 1, total: 1 });
      const [profile, businessCase] = await Promise.all([services.store.getProfile(), services.store.getBusinessCase(options.projectId)]);
      const { workbook } = layoutProjectWorkbook(project, profile, businessCase);
      options.onProgress?.({ phase: 'write', done: 0, total: 1 });
      const result = await writeWorkbookAtomically(workbook, outPath);
      options.onProgress?.({ phase: 'done', done: 1, total: 1 });
      return result;
    }
    throw new ServiceError('NOT_FOUND', `Projektet "${project.project.name}" har ingen evaluering at eksportere.`);
  }
  if (evaluation.projectId !== options.projectId)
    throw new ServiceError('VALIDATION', `Evaluering ${evaluation.id} hører ikke til projektet "${project.project.name}".`);
  const detail = await portfolio.evaluationDetail(evaluation.id);
  options.onProgress?.({ phase: 'build', done: 1, total: 1 });
  const [sources, businessCase] = await Promise.all([services.store.listSources(options.projectId), services.store.getBusinessCase(options.projectId)]);
  const workbook = buildEvaluationWorkbook(project, detail, sources, businessCase);
  options.onProgress?.({ phase: 'write', done: 0, total: 1 });
  const result = await writeWorkbookAtomically(workbook, outPath);
  options.onProgress?.({ phase: 'done', done: 1, total: 1 });
  return result;
}

/**
 * The projects a filter shows (all without one), each with its latest evaluation, as the
 * portfolio workbook needs them: the service's one portfolio read, which the view uses too.
 */
export async function loadPortfolioRows(
  services: AppServices,
  onProgress?: OnProgress,
  filter: PortfolioFilter = {},
): Promise<{ rows: PortfolioProjectRow[]; selection: PortfolioSelection }> {
  // The kept figures (migration 004, KEPT_FIGURES_FORMAT 2) hold the summary, the progress and
  // the overrides the workbook needs: no project is recomputed unless its row is stale.
  const overview = await services.portfolio.portfolioOverview(filter);
  const indicators = new Map(overview.indicators.map((i) => [i.id, indicatorRef(i)]));
  // Goals and their status in force in one ordered query (portfolioRows.ts).
  const goalsOf = await exportGoals(services.store, new Set(overview.kept.map((k) => k.projectId)));
  const rows = overview.kept.map((k, i): PortfolioProjectRow => {
    const goals = (goalsOf.get(k.projectId) ?? []).map((g) => ({
      level: g.level,
      code: g.code,
      direction: g.direction,
      baseline: g.baseline,
      target: g.target,
      status: g.status,
      indicator: g.indicatorId === null ? null : (indicators.get(g.indicatorId) ?? null),
    }));
    if (onProgress && (i % 25 === 0 || i === overview.kept.length - 1)) onProgress({ phase: 'load', done: i + 1, total: overview.kept.length });
    return { summary: k.summary, progress: k.pool.workbook.progress, goals, overrides: k.pool.workbook.overrides ?? undefined };
  });
  return { rows, selection: { filter: overview.filter, total: overview.total } };
}

/**
 * Exports the portfolio summary: one row per project, totals, the headline per level and pooled
 * attainment per indicator. With a filter, exactly the projects the portfolio view shows.
 * Written by exceljs's streaming writer (streamPortfolioWorkbook), into a temp file renamed
 * into place.
 */
export async function exportPortfolio(
  services: AppServices,
  options: {
    outPath: string;
    filter?: PortfolioFilter;
    onProgress?: OnProgress;
    /** Project sheets of more projects than this are written row by row (default ROW_BY_ROW_ABOVE; tests use 0). */
    rowByRowAbove?: number;
  },
): Promise<ExportResult> {
  const outPath = resolve(options.outPath);
  await checkTarget(outPath);
  const { rows, selection } = await loadPortfolioRows(services, options.onProgress, options.filter);
  const profile = await services.store.getProfile();
  options.onProgress?.({ phase: 'build', done: 0, total: 1 });
  const onRows = (done: number, total: number) => options.onProgress?.({ phase: 'write', done, total });
  options.onProgress?.({ phase: 'write', done: 0, total: 1 });
  const result = await writeFileAtomically(outPath, (tmp) => streamPortfolioWorkbook(tmp, rows, profile, selection, onRows, options.rowByRowAbove), 'Projektmappen');
  options.onProgress?.({ phase: 'done', done: 1, total: 1 });
  return result;
}

/** The folder must exist and be writable, and the path must not be a folder. */
async function checkTarget(outPath: string): Promise<void> {
  const dir = dirname(outPath);
  const dirStat = await stat(dir).catch(() => null);
  if (!dirStat || !dirStat.isDirectory())
    throw new ExportError(`Mappen ${dir} findes ikke. Vælg en eksisterende mappe til ${basename(outPath)}.`, outPath);
  try {
    await access(dir, constants.W_OK);
  } catch {
    throw new ExportError(`Der er ikke skriveadgang til mappen ${dir}. Vælg en anden mappe til ${basename(outPath)}.`, outPath);
  }
  const target = await stat(outPath).catch(() => null);
  if (target?.isDirectory()) throw new ExportError(`${outPath} er en mappe, ikke en fil.`, outPath);
}

/** `.<name>.<ext>.<pid>.<8 hex>.tmp`: the temporary file writeFileAtomically writes first. */
const TEMP_FILE = /^\..+\.(?:xlsx|docx|pdf)\.(\d+)\.[0-9a-f]{8}\.tmp$/i;
/** A temp file this old is left over whoever wrote it: no export takes a day. */
const STALE_MS = 24 * 60 * 60 * 1000;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes what interrupted exports left in `dir` (the app or the CLI killed mid-write, a power
 * cut): temp files of ours whose process is gone, or that are older than a day. Exports running
 * now (this process, or another live one) keep theirs. Returns the names removed.
 */
export async function removeStaleTempFiles(dir: string, now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = TEMP_FILE.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    const info = await stat(join(dir, name)).catch(() => null);
    if (!info?.isFile()) continue;
    const stale = now - info.mtimeMs > STALE_MS;
    if (!stale && (pid === process.pid || processAlive(pid))) continue;
    if (await unlink(join(dir, name)).then(() => true, () => false)) removed.push(name);
  }
  return removed;
}

/**
 * Writes to a temporary file beside the target and renames it into place, so a failed export
 * never leaves half a file (and never destroys the previous one). `what` names the file in the
 * error ("Projektmappen", "Rapporten"). Temp files an interrupted export left in the folder are
 * removed first.
 */
export async function writeFileAtomically(outPath: string, write: (tmp: string) => Promise<void>, what = 'Filen'): Promise<ExportResult> {
  const target = resolve(outPath);
  await checkTarget(target);
  await removeStaleTempFiles(dirname(target));
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await write(tmp);
    await rename(tmp, target);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    const code = (err as NodeJS.ErrnoException).code;
    const reason =
      code === 'EACCES' || code === 'EPERM'
        ? 'der er ikke skriveadgang (er filen åben i et andet program?)'
        : code === 'ENOSPC'
          ? 'disken er fuld'
          : err instanceof Error
            ? err.message
            : String(err);
    throw new ExportError(`${what} kunne ikke gemmes som ${target}: ${reason}.`, target);
  }
  const { size } = await stat(target);
  return { path: target, bytes: size };
}

export async function writeWorkbookAtomically(workbook: ExcelJS.Workbook, outPath: string): Promise<ExportResult> {
  return writeFileAtomically(outPath, (tmp) => workbook.xlsx.writeFile(tmp), 'Projektmappen');
}
