import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { blankEvaluation, EMPTY_FACTS, type Evaluation, type EvaluationType, type ProjectFacts } from '../../shared/domain';
import { ServiceError } from '../../shared/contracts/core';
import { assignSuggestedCodes, diffItems, EMPTY_STATE, normaliseText, type ProjectState } from '../../shared/import/diff';
import {
  CONTENT_KIND_LABEL,
  type FilePreview,
  type ImportApplyResult,
  type ImportIssue,
  type ImportItem,
  type ImportPreview,
  type ImportProgress,
} from '../../shared/import/items';
import { MAX_ITEMS_PER_IMPORT } from '../../shared/import/limits';
import { readerMsg } from '../../shared/import/readerNotes';
import type { PortfolioStore } from '../storage/store';
import { MAX_IMPORT_BYTES } from './detect';
import { cancelled, ImportFileError, throwIfAborted } from './errors';
import { parseFile } from './parseFile';

/** A file to import: a path on disk, or bytes with the name the user gave it. */
export type ImportInput = { path: string } | { name: string; bytes: Uint8Array };

export interface PreviewOptions {
  /** Diff against this project; otherwise the one named by --project / the file, or a new one. */
  projectId?: number;
  projectName?: string;
  /** Progress and survey items go to this evaluation; otherwise the project's latest. */
  evaluationId?: number;
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
}

const STRICT_KINDS = new Set(['statusReport', 'goalCsv', 'evaluationWorkbook']);

/**
 * Reads the files and shows what they hold against the project, writing nothing. Each file's
 * problems become issues naming the file and the place; a file that can't be read at all is
 * one error, and the other files are still previewed.
 */
export async function previewImport(store: PortfolioStore, inputs: ImportInput[], options: PreviewOptions = {}): Promise<ImportPreview> {
  const files: FilePreview[] = [];
  const items: ImportItem[] = [];
  const issues: ImportIssue[] = [];
  const strictFiles = new Set<string>();
  const recipientFiles = new Set<string>();
  const progress = (fraction: number, file: string, message: string) => options.onProgress?.({ fraction, file, message });

  for (let f = 0; f < inputs.length; f++) {
    throwIfAborted(options.signal);
    const input = inputs[f];
    const name = 'path' in input ? basename(input.path) : input.name;
    progress(f / inputs.length, name, `Læser ${name}`);
    try {
      const bytes = await readInput(input, name);
      throwIfAborted(options.signal);
      const parsed = await parseFile(bytes, name, {
        signal: options.signal,
        onPage: (page, pages) => progress((f + page / pages) / inputs.length, name, `Læser ${name}, side ${page} af ${pages}`),
      });
      // What one apply can send back (the contract's limit): a file that would pass it is left out, named.
      if (items.length + parsed.items.length > MAX_ITEMS_PER_IMPORT)
        throw new ImportFileError(name, '', readerMsg('importTooManyItems', { count: parsed.items.length, limit: MAX_ITEMS_PER_IMPORT }));
      const ids: string[] = [];
      parsed.items.forEach((found, k) => {
        const item = { ...found, id: `f${f + 1}-${k + 1}` } as ImportItem;
        items.push(item);
        ids.push(item.id);
      });
      if (STRICT_KINDS.has(parsed.kind)) strictFiles.add(name);
      if (parsed.kind === 'statusReport' || parsed.kind === 'goalCsv') recipientFiles.add(name);
      for (const issue of parsed.issues) issues.push(issue);
      files.push({ file: name, format: parsed.format, kind: parsed.kind, kindLabel: CONTENT_KIND_LABEL[parsed.kind], itemIds: ids });
    } catch (err) {
      if (err instanceof ServiceError && err.code === 'CANCELLED') throw err;
      if (err instanceof ImportFileError) {
        issues.push({ ...err.toIssue(), file: name });
        files.push({ file: name, format: 'text', kind: 'unknown', kindLabel: CONTENT_KIND_LABEL.unknown, itemIds: [] });
        continue;
      }
      throw err;
    }
  }
  throwIfAborted(options.signal);
  progress(1, '', 'Sammenligner med projektet');

  const state = await loadState(store, items, options);
  assignSuggestedCodes(items, state.goals);
  const { diff, issues: diffIssues } = diffItems(items, state, { strictFiles, recipientFiles });
  for (const issue of diffIssues) issues.push(issue);
  return {
    files,
    items,
    issues,
    diff,
    projectId: state.project?.id ?? null,
    projectName: state.project?.name ?? options.projectName ?? factFrom(items, 'name') ?? '',
    evaluationId: state.evaluation?.id ?? null,
    canApply: items.length > 0 && !issues.some((i) => i.severity === 'error'),
  };
}

async function readInput(input: ImportInput, name: string): Promise<Uint8Array> {
  if ('bytes' in input) {
    if (input.bytes.byteLength > MAX_IMPORT_BYTES) throw tooLarge(name, input.bytes.byteLength);
    return input.bytes;
  }
  let size: number;
  try {
    const s = await stat(input.path);
    if (!s.isFile()) throw new ImportFileError(name, '', readerMsg('fileNotAFile', { path: input.path }));
    size = s.size;
  } catch (err) {
    throw openFailure(err, name, input.path);
  }
  if (size > MAX_IMPORT_BYTES) throw tooLarge(name, size);
  try {
    return new Uint8Array(await readFile(input.path));
  } catch (err) {
    throw openFailure(err, name, input.path);
  }
}

function openFailure(err: unknown, name: string, path: string): ImportFileError {
  if (err instanceof ImportFileError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new ImportFileError(name, '', readerMsg('fileMissing', { path }));
  if (code === 'EACCES' || code === 'EPERM') return new ImportFileError(name, '', readerMsg('fileNoAccess', { path }));
  return new ImportFileError(name, '', readerMsg('fileUnreadable', { path, detail: code ?? (err as Error).message }));
}

function tooLarge(name: string, size: number): ImportFileError {
  const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
  return new ImportFileError(name, '', readerMsg('fileTooLarge', { sizeMb: mb(size), limitMb: mb(MAX_IMPORT_BYTES) }));
}

/** A text fact the files give (the project's name, its grant recipient), if any. */
function factFrom(items: ImportItem[], field: 'name' | 'grantRecipient'): string | null {
  const fact = items.find((i) => i.type === 'fact' && i.field === field && typeof i.value === 'string' && i.value.trim());
  return fact && fact.type === 'fact' ? String(fact.value).trim() : null;
}

async function loadState(
  store: PortfolioStore,
  items: ImportItem[],
  options: { projectId?: number; projectName?: string; evaluationId?: number },
): Promise<ProjectState> {
  let project = options.projectId !== undefined ? await store.getProject(options.projectId) : null;
  if (options.projectId !== undefined && !project) throw new ServiceError('NOT_FOUND', `Projekt ${options.projectId} findes ikke.`);
  if (!project) {
    const name = options.projectName ?? factFrom(items, 'name');
    if (name) project = await store.findProjectByName(name);
    // An application names the project in its own words; its grant recipient finds it when
    // exactly one project has that recipient.
    const recipient = options.projectName === undefined ? factFrom(items, 'grantRecipient') : null;
    if (!project && recipient) {
      const matches = (await store.listProjects()).filter((p) => normaliseText(p.grantRecipient) === normaliseText(recipient));
      if (matches.length === 1) project = matches[0];
    }
  }
  if (!project) return EMPTY_STATE;
  const [goals, statusReports, budgetLines, financing, evaluations] = await Promise.all([
    store.listGoals(project.id),
    store.listStatusReports(project.id),
    store.listBudgetLines(project.id),
    store.listFinancing(project.id),
    store.listEvaluations(project.id),
  ]);
  let evaluation: Evaluation | null = null;
  if (options.evaluationId !== undefined) {
    evaluation = evaluations.find((e) => e.id === options.evaluationId) ?? null;
    if (!evaluation) throw new ServiceError('NOT_FOUND', `Evaluering ${options.evaluationId} hører ikke til projektet "${project.name}".`);
  } else {
    evaluation = evaluations.reduce<Evaluation | null>((best, e) => (!best || e.date > best.date || (e.date === best.date && e.id > best.id) ? e : best), null);
  }
  const survey = evaluation ? await store.listSurveyIndicators(evaluation.id) : [];
  return { project, goals, statusReports, budgetLines, financing, evaluation, survey };
}

export interface ApplyInput {
  /** The project to write to; null creates a new project named `newProjectName` (or the file's name). */
  projectId: number | null;
  newProjectName?: string;
  /** The evaluation for progress and survey items; otherwise the latest, or a new one (`newEvaluation`). */
  evaluationId?: number | null;
  newEvaluation?: { type: EvaluationType; date: string; evaluator?: string };
  /** The items the user confirmed, as corrected in the preview. */
  items: ImportItem[];
  signal?: AbortSignal;
}

/**
 * Writes the confirmed items in ONE transaction: all or nothing. A status is added as a new
 * status report (history is kept); an item the project already holds is skipped, so applying
 * the same file twice changes nothing the second time.
 */
export async function applyImport(store: PortfolioStore, input: ApplyInput): Promise<ImportApplyResult> {
  throwIfAborted(input.signal);
  if (input.items.length === 0) throw new ServiceError('VALIDATION', 'Intet at importere: ingen punkter er valgt.');
  return store.transaction(async (tx) => {
    const check = () => {
      // Cancelling rolls the whole transaction back.
      if (input.signal?.aborted) throw cancelled();
    };
    let project = input.projectId !== null ? await tx.getProject(input.projectId) : null;
    if (input.projectId !== null && !project) throw new ServiceError('NOT_FOUND', `Projekt ${input.projectId} findes ikke.`);
    const state = await loadState(tx, [], { projectId: project?.id, evaluationId: input.evaluationId ?? undefined });
    const { diff, issues } = diffItems(input.items, project ? state : EMPTY_STATE);
    const errors = issues.filter((i) => i.severity === 'error');
    const blocked = diff.filter((d) => d.change === 'blocked');
    if (errors.length || blocked.length) {
      const lines = [
        ...errors.map((e) => `${e.file}${e.location ? `, ${e.location}` : ''}: ${e.message}`),
        ...blocked.filter((b) => !errors.some((e) => e.itemId === b.itemId)).map((b) => {
          const item = input.items.find((i) => i.id === b.itemId)!;
          return `${item.source.file}${item.source.location ? `, ${item.source.location}` : ''}: ${b.note}`;
        }),
      ];
      throw new ServiceError('IMPORT_FAILED', `Importen er ikke gemt:\n${lines.join('\n')}`);
    }
    const byId = new Map(input.items.map((i) => [i.id, i]));
    const todo = diff.filter((d) => d.change === 'new' || d.change === 'changed').map((d) => ({ d, item: byId.get(d.itemId)! }));
    const written: ImportApplyResult['written'] = {};
    const count = (t: ImportItem['type']) => (written[t] = (written[t] ?? 0) + 1);
    let created = 0;
    let updated = 0;

    // The project and its facts.
    const facts = todo.filter((t) => t.item.type === 'fact').map((t) => t.item as Extract<ImportItem, { type: 'fact' }>);
    const patch: Partial<ProjectFacts> = {};
    for (const f of facts) if (f.field !== 'name') (patch as Record<string, unknown>)[f.field] = f.value;
    if (!project) {
      const name = (input.newProjectName ?? factFrom(input.items, 'name') ?? '').trim();
      if (!name) throw new ServiceError('VALIDATION', 'Angiv et navn til det nye projekt (filerne nævner intet projektnavn).');
      if (await tx.findProjectByName(name)) throw new ServiceError('CONFLICT', `Der findes allerede et projekt med navnet "${name}"; vælg det i stedet.`);
      const merged = { ...EMPTY_FACTS, ...patch, name };
      if (merged.periodStart && merged.periodEnd && merged.periodEnd < merged.periodStart)
        throw new ServiceError('IMPORT_FAILED', 'Bevillingsperioden slutter før den starter.');
      project = await tx.createProject(merged);
      created += 1;
      for (const f of facts) count(f.type);
    } else if (Object.keys(patch).length > 0) {
      const start = patch.periodStart ?? project.periodStart;
      const end = patch.periodEnd ?? project.periodEnd;
      if (start && end && end < start) throw new ServiceError('IMPORT_FAILED', 'Bevillingsperioden slutter før den starter.');
      project = await tx.updateProject(project.id, patch);
      updated += 1;
      for (const f of facts) count(f.type);
    }
    check();

    // Goals before their statuses.
    const goals = [...state.goals];
    const codeOf = (c: string) => goals.find((g) => g.code.toUpperCase() === c.toUpperCase());
    for (const { d, item } of todo) {
      if (item.type !== 'goal') continue;
      const existing = codeOf(item.code);
      if (existing && d.change === 'changed') {
        const changedGoal = await tx.updateGoal(existing.id, {
          level: item.level,
          ...(item.description ? { description: item.description } : {}),
          ...(item.unit ? { unit: item.unit } : {}),
          ...(item.targetInPeriod !== null ? { targetInPeriod: item.targetInPeriod } : {}),
          ...(item.targetAfterPeriod !== null ? { targetAfterPeriod: item.targetAfterPeriod } : {}),
        });
        goals[goals.indexOf(existing)] = changedGoal;
        updated += 1;
      } else if (!existing) {
        goals.push(
          await tx.createGoal({
            projectId: project.id,
            level: item.level,
            code: item.code.toUpperCase(),
            description: item.description,
            unit: item.unit,
            targetInPeriod: item.targetInPeriod,
            targetAfterPeriod: item.targetAfterPeriod,
            direction: 'higher',
            baseline: null,
            position: goals.length,
          }),
        );
        created += 1;
      }
      count('goal');
    }
    check();

    let evaluation = state.evaluation;
    const needsEvaluation = todo.some((t) => t.item.type === 'progress' || t.item.type === 'survey');
    if (needsEvaluation && !evaluation) {
      const progress = input.items.find((i) => i.type === 'progress');
      const date = input.newEvaluation?.date ?? (progress?.type === 'progress' ? progress.reportedAt : null);
      if (!input.newEvaluation || !date)
        throw new ServiceError('VALIDATION', 'Projektet har ingen evalueringsrunde til budget-, tids- og spørgeskematal: angiv type og dato for en ny evaluering.');
      evaluation = await tx.createEvaluation(
        blankEvaluation(project.id, input.newEvaluation.type, date, input.newEvaluation.evaluator ?? ''),
      );
      created += 1;
    }

    const budgetLines = state.budgetLines;
    const financing = state.financing;
    const survey = state.survey;
    for (const { d, item } of todo) {
      check();
      switch (item.type) {
        case 'status': {
          const goal = codeOf(item.code)!;
          await tx.addStatusReport({
            goalId: goal.id,
            value: item.value,
            reportedAt: item.reportedAt!,
            reportedBy: item.reportedBy,
            source: item.source,
            printedPercent: item.printedPercent,
          });
          created += 1;
          break;
        }
        case 'progress':
          evaluation = await tx.updateEvaluation(evaluation!.id, {
            ...(item.budgetSpentKr !== null ? { budgetSpentKr: item.budgetSpentKr } : {}),
            ...(item.budgetTotalKr !== null ? { budgetTotalReportedKr: item.budgetTotalKr } : {}),
            ...(item.monthsElapsed !== null ? { monthsElapsedReported: item.monthsElapsed } : {}),
            ...(item.monthsTotal !== null ? { monthsTotalReported: item.monthsTotal } : {}),
            ...(item.reportedAt ? { progressReportedAt: item.reportedAt } : {}),
            ...(item.reportedBy ? { progressReportedBy: item.reportedBy } : {}),
          });
          updated += 1;
          break;
        case 'budgetLine': {
          const existing = budgetLines.find((b) => b.year === item.year && b.costType.trim().toLowerCase() === item.costType.trim().toLowerCase());
          await tx.saveBudgetLine({
            id: existing?.id,
            projectId: project.id,
            costType: item.costType,
            year: item.year,
            amountKr: item.amountKr,
            percentOfDirect: item.percentOfDirect,
            position: existing?.position ?? budgetLines.length + created,
          });
          if (existing) updated += 1;
          else created += 1;
          break;
        }
        case 'financing': {
          const existing = financing.find((f) => f.name.trim().toLowerCase() === item.name.trim().toLowerCase());
          await tx.saveFinancing({ id: existing?.id, projectId: project.id, name: item.name, amountKr: item.amountKr, position: existing?.position ?? financing.length + created });
          if (existing) updated += 1;
          else created += 1;
          break;
        }
        case 'survey': {
          const existing = survey.find((s) => s.group.trim().toLowerCase() === item.group.trim().toLowerCase() && s.statement.trim().toLowerCase() === item.statement.trim().toLowerCase());
          await tx.saveSurveyIndicator({
            id: existing?.id,
            evaluationId: evaluation!.id,
            group: item.group,
            statement: item.statement,
            positive: item.positive,
            n: item.n,
            scale: item.scale,
            position: existing?.position ?? survey.length + created,
          });
          if (existing) updated += 1;
          else created += 1;
          break;
        }
        default:
          continue;
      }
      void d;
      count(item.type);
    }
    check();
    return {
      projectId: project.id,
      evaluationId: evaluation?.id ?? null,
      created,
      updated,
      unchanged: diff.filter((d) => d.change === 'unchanged').length,
      written,
    };
  });
}
