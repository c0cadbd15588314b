import { blankEvaluation, EMPTY_FACTS, type Evaluation, type EvaluationType, type ProjectFacts } from '../../shared/domain';
import { ServiceError } from '../../shared/contracts/core';
import { assignSuggestedCodes, basisOf, diffItems, diffOptionsOf, emptyState, normaliseText, type DiffOptions, type ProjectState } from '../../shared/import/diff';
import { danish, msg } from '../../shared/import/notes';
import {
  CONTENT_KIND_LABEL,
  type ContentKind,
  type EvaluationItem,
  type FilePreview,
  type ImportApplyResult,
  type ImportIssue,
  type ImportItem,
  type ImportPreview,
  type ImportProgress,
  type ItemDiff,
} from '../../shared/import/items';
import { MAX_ITEMS_PER_IMPORT } from '../../shared/import/limits';
import { readerMsg } from '../../shared/import/readerNotes';
import { lockedMessage } from '../storage/seal';
import { LockedError, type PortfolioStore } from '../storage/store';
import { cancelled, ImportFileError, throwIfAborted } from './errors';
import { keepSources, rememberPreviewed, sourcesToKeep } from './keptSources';
import { fileName, prepareFile, type ImportFile, type PreparedFile } from './prepare';

/**
 * What previewImport reads: a file, or one already being read (prepareFile, or a ReadAhead's
 * worker), so that a caller going through a folder reads the next file while the store writes the last one.
 */
export type ImportInput = ImportFile | { prepared: Promise<PreparedFile> };

export interface PreviewOptions {
  /** Diff against this project; otherwise the one named by --project / the file, or a new one. */
  projectId?: number;
  projectName?: string;
  /** The files go to a new project: diff against nothing (even where a project has the files' name). */
  newProject?: boolean;
  /** The date of statuses the files give none (the CLI's --report-date); the wizard asks per file. */
  reportDate?: string;
  /** Progress and survey items go to this evaluation; otherwise the project's latest. */
  evaluationId?: number;
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
}

/**
 * Reads the files and shows what they hold against the project, writing nothing. Each file's
 * problems become issues naming the file and the place; a file that can't be read at all is
 * one error, and the other files are still previewed.
 */
export async function previewImport(store: PortfolioStore, inputs: ImportInput[], options: PreviewOptions = {}): Promise<ImportPreview> {
  const files: FilePreview[] = [];
  const items: ImportItem[] = [];
  const issues: ImportIssue[] = [];
  const progress = (fraction: number, file: string, message: string) => options.onProgress?.({ fraction, file, message });

  for (let f = 0; f < inputs.length; f++) {
    throwIfAborted(options.signal);
    const input = inputs[f];
    let prepared: PreparedFile;
    if ('prepared' in input) prepared = await input.prepared;
    else {
      const name = fileName(input);
      progress(f / inputs.length, name, `Læser ${name}`);
      const onPage = (page: number, pages: number) => progress((f + page / pages) / inputs.length, name, `Læser ${name}, side ${page} af ${pages}`);
      prepared = await prepareFile(input, { signal: options.signal, onPage });
    }
    const name = prepared.name;
    try {
      if ('failed' in prepared) throw prepared.failed;
      const { bytes, parsed } = prepared;
      // What one apply can send back (the contract's limit): a file that would pass it is left out, named.
      if (items.length + parsed.items.length > MAX_ITEMS_PER_IMPORT)
        throw new ImportFileError(name, '', readerMsg('importTooManyItems', { count: parsed.items.length, limit: MAX_ITEMS_PER_IMPORT }));
      const ids: string[] = [];
      parsed.items.forEach((found, k) => {
        const item = { ...found, id: `f${f + 1}-${k + 1}` } as ImportItem;
        items.push(item);
        ids.push(item.id);
      });
      // A loop, not push(...): a file can have more issues than a call takes arguments.
      for (const issue of parsed.issues) issues.push(issue);
      files.push({ file: name, format: parsed.format, kind: parsed.kind, kindLabel: CONTENT_KIND_LABEL[parsed.kind], itemIds: ids, sha256: rememberPreviewed(bytes, parsed.format), size: bytes.byteLength });
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
  if (options.reportDate) issues.push(...dateUndated(items, files, options.reportDate));
  progress(1, '', 'Sammenligner med projektet');

  const state = await loadState(store, items, options);
  assignSuggestedCodes(items, state.goals);
  const { diff, issues: diffIssues } = diffItems(items, state, diffOptionsOf(files));
  for (const issue of diffIssues) issues.push(issue);
  const locked = await finalRoundLock(store, state.evaluation, items);
  if (locked) issues.push({ severity: 'error', file: files.map((f) => f.file).join(', '), location: '', message: locked });
  return {
    files,
    items,
    issues,
    diff,
    projectId: state.project?.id ?? null,
    projectName: state.project?.name ?? options.projectName ?? factFrom(items, 'name') ?? '',
    evaluationId: state.evaluation?.id ?? null,
    canApply: items.length > 0 && !issues.some((i) => i.severity === 'error'),
    basis: basisOf(state),
  };
}

/** Gives undated statuses the date the user named, and says so per file. */
function dateUndated(items: ImportItem[], files: FilePreview[], date: string): ImportIssue[] {
  const issues: ImportIssue[] = [];
  for (const f of files) {
    let count = 0;
    for (const item of items)
      if (item.type === 'status' && item.reportedAt === null && item.source.file === f.file) {
        item.reportedAt = date;
        count += 1;
      }
    if (count === 0) continue;
    const m = msg(count === 1 ? 'issueStatusDateGiven_one' : 'issueStatusDateGiven_other', { count, date });
    issues.push({ severity: 'warning', file: f.file, location: '', message: danish([m]), msg: m });
  }
  return issues;
}

/** A text fact the files give (the project's name, its grant recipient), if any. */
function factFrom(items: ImportItem[], field: 'name' | 'grantRecipient'): string | null {
  const fact = items.find((i) => i.type === 'fact' && i.field === field && typeof i.value === 'string' && i.value.trim());
  return fact && fact.type === 'fact' ? String(fact.value).trim() : null;
}

/**
 * Budget, time and survey figures go into one round; a final round takes none (the store would
 * refuse the write too; this says so in the preview, before anything is written).
 */
async function finalRoundLock(store: PortfolioStore, evaluation: Evaluation | null, items: ImportItem[]): Promise<string | null> {
  if (!evaluation || !items.some((i) => i.type === 'progress' || i.type === 'survey')) return null;
  const signOff = await store.getSignOff(evaluation.id);
  return signOff.state === 'final' ? lockedMessage(evaluation, signOff, 'importen kan ikke skrive budget-, tids- eller spørgeskematal i den') : null;
}

/**
 * The last reads of loadState, by the store's change mark: a preview, the check before the write
 * and the write's transaction read the same project, and while nothing in the file has changed
 * (the same mark) they are read once. A new mark (any write, a rollback, another program's
 * commit) forgets them all.
 */
let reads: { mark: string; values: Map<string, Promise<unknown>> } = { mark: '', values: new Map() };

function readOnce<T>(mark: string, key: string, load: () => Promise<T>): Promise<T> {
  if (reads.mark !== mark) reads = { mark, values: new Map() };
  const values = reads.values;
  let value = values.get(key) as Promise<T> | undefined;
  if (!value) {
    value = load();
    values.set(key, value);
    // A failed read is not kept: the next call reads again (and fails with its own error).
    value.catch(() => values.get(key) === value && values.delete(key));
  }
  return value;
}

type StateOptions = { projectId?: number; projectName?: string; newProject?: boolean; evaluationId?: number };

/**
 * The project as the items and options find it. Under one change mark the same question gets
 * the same state object (the check before an apply and its transaction): read it, never change it.
 */
async function loadState(store: PortfolioStore, items: ImportItem[], options: StateOptions): Promise<ProjectState> {
  const mark = await store.changeMark();
  const round = items.find((i): i is EvaluationItem => i.type === 'evaluation');
  const key = JSON.stringify([
    options.projectId ?? null,
    options.projectName ?? null,
    options.newProject ?? false,
    options.evaluationId ?? null,
    factFrom(items, 'name'),
    factFrom(items, 'grantRecipient'),
    round ? [round.evaluationType, round.date] : null,
  ]);
  return readOnce(mark, `state ${key}`, () => readState(store, mark, items, options));
}

async function readState(store: PortfolioStore, mark: string, items: ImportItem[], options: StateOptions): Promise<ProjectState> {
  const once = <T>(key: string, load: () => Promise<T>) => readOnce(mark, key, load);
  // Copies: the caller may change its arrays, never the kept ones.
  const list = async <T>(key: string, load: () => Promise<T[]>) => [...(await once(key, load))];
  const profile = await once('profile', () => store.getProfile());
  if (options.newProject) return emptyState(profile);
  const projectId = options.projectId;
  let project = projectId !== undefined ? await once(`project ${projectId}`, () => store.getProject(projectId)) : null;
  if (options.projectId !== undefined && !project) throw new ServiceError('NOT_FOUND', `Projekt ${options.projectId} findes ikke.`);
  if (!project) {
    const name = options.projectName ?? factFrom(items, 'name');
    if (name) project = await once(`name ${name}`, () => store.findProjectByName(name));
    // An application names the project in its own words; its grant recipient finds it when
    // exactly one project has that recipient.
    const recipient = options.projectName === undefined ? factFrom(items, 'grantRecipient') : null;
    if (!project && recipient) {
      const matches = (await once('projects', () => store.listProjects())).filter((p) => normaliseText(p.grantRecipient) === normaliseText(recipient));
      if (matches.length === 1) project = matches[0];
    }
  }
  if (!project) return emptyState(profile);
  const id = project.id;
  const [goals, statusReports, budgetLines, financing, evaluations, effectChain] = await Promise.all([
    list(`goals ${id}`, () => store.listGoals(id)),
    list(`statusReports ${id}`, () => store.listStatusKeys(id)),
    list(`budgetLines ${id}`, () => store.listBudgetLines(id)),
    list(`financing ${id}`, () => store.listFinancing(id)),
    list(`evaluations ${id}`, () => store.listEvaluations(id)),
    list(`effectChain ${id}`, () => store.listEffectChain(id)),
  ]);
  let evaluation: Evaluation | null = null;
  const round = items.find((i): i is EvaluationItem => i.type === 'evaluation');
  if (round) {
    // The app's own workbook names its round: that round, or a new one, whichever round is open.
    evaluation = evaluations.find((e) => e.type === round.evaluationType && e.date === round.date) ?? null;
  } else if (options.evaluationId !== undefined) {
    evaluation = evaluations.find((e) => e.id === options.evaluationId) ?? null;
    if (!evaluation) throw new ServiceError('NOT_FOUND', `Evaluering ${options.evaluationId} hører ikke til projektet "${project.name}".`);
  } else {
    evaluation = evaluations.reduce<Evaluation | null>((best, e) => (!best || e.date > best.date || (e.date === best.date && e.id > best.id) ? e : best), null);
  }
  const e = evaluation?.id;
  const [survey, scores, lights, learning] =
    e !== undefined
      ? await Promise.all([
          list(`survey ${e}`, () => store.listSurveyIndicators(e)),
          list(`scores ${e}`, () => store.listScores(e)),
          list(`lights ${e}`, () => store.listLightDecisions(e)),
          list(`learning ${e}`, () => store.listLearningPoints(e)),
        ])
      : [[], [], [], []];
  return { project, goals, statusReports, budgetLines, financing, effectChain, evaluation, survey, scores, lights, learning, profile };
}

/** Types stored on an evaluation round: applying them needs one. */
const ROUND_TYPES = new Set<ImportItem['type']>(['progress', 'survey', 'score', 'light', 'learning']);

/**
 * The diff of the items the user sent, refused as a whole when any of them can't be stored as
 * it is (an error, a figure out of range, a status without date): the preview is stateless, so
 * what is sent is checked again.
 */
/** The last diff `checked` let through per state: the check before an apply and its transaction diff the same. */
const checkedDiffs = new WeakMap<ProjectState, { items: ImportItem[]; options: DiffOptions; diff: ItemDiff[] }>();

function checked(items: ImportItem[], state: ProjectState, options: DiffOptions) {
  const known = checkedDiffs.get(state);
  if (known && known.items === items && known.options === options) return known.diff;
  const diff = checkedDiff(items, state, options);
  checkedDiffs.set(state, { items, options, diff });
  return diff;
}

function checkedDiff(items: ImportItem[], state: ProjectState, options: DiffOptions) {
  const { diff, issues } = diffItems(items, state, options);
  const errors = issues.filter((i) => i.severity === 'error');
  const blocked = diff.filter((d) => d.change === 'blocked');
  if (errors.length || blocked.length) {
    const lines = [
      ...errors.map((e) => `${e.file}${e.location ? `, ${e.location}` : ''}: ${e.message}`),
      ...blocked
        .filter((b) => !errors.some((e) => e.itemId === b.itemId))
        .map((b) => {
          const item = items.find((i) => i.id === b.itemId)!;
          return `${item.source.file}${item.source.location ? `, ${item.source.location}` : ''}: ${b.note}`;
        }),
    ];
    throw new ServiceError('IMPORT_FAILED', `Importen er ikke gemt:\n${lines.join('\n')}`);
  }
  return diff;
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
  /**
   * The previewed files' kinds (the preview's `files`): a status file's goal codes must match the
   * project's, and apply decides that as the preview did. Without it every file counts as a report.
   */
  files?: { file: string; kind: ContentKind; sha256?: string }[];
  signal?: AbortSignal;
  /**
   * Runs last inside the write's transaction, with the project written: the CLI's folder import
   * keeps the project's portfolio figures there, in the transaction that changed them.
   */
  afterWrite?: (tx: PortfolioStore, projectId: number) => Promise<void>;
}

/**
 * Writes the confirmed items in ONE transaction: all or nothing. Everything sent is checked
 * first, before the transaction begins (figures, dates, codes, a name for a new project, a round
 * for round figures), so an import is refused before anything is written, never written and then
 * failed. A status is added as a new status report (history is kept); an item the project already
 * holds is skipped, so applying the same file twice changes nothing the second time.
 */
export async function applyImport(store: PortfolioStore, input: ApplyInput): Promise<ImportApplyResult> {
  throwIfAborted(input.signal);
  if (input.items.length === 0) throw new ServiceError('VALIDATION', 'Intet at importere: ingen punkter er valgt.');
  const where = { projectId: input.projectId ?? undefined, newProject: input.projectId === null, evaluationId: input.evaluationId ?? undefined };
  // A project that does not exist is refused by loadState (NOT_FOUND, the same words), from the
  // read the preview already made at this change mark: no query of its own per file.
  const diffOptions = diffOptionsOf(input.files ?? []);
  await preflight(store, input, await loadState(store, input.items, where), diffOptions);
  const sources = sourcesToKeep(input.files ?? [], input.items);
  throwIfAborted(input.signal);

  return store.transaction(async (tx) => {
    const check = () => {
      // Cancelling rolls the whole transaction back.
      if (input.signal?.aborted) throw cancelled();
    };
    // Again inside: another window may have written since (the store serialises writes).
    const state = await loadState(tx, input.items, where);
    const diff = checked(input.items, state, diffOptions);
    let project = state.project;
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
      const name = newProjectName(input);
      if (await tx.findProjectByName(name)) throw new ServiceError('CONFLICT', `Der findes allerede et projekt med navnet "${name}"; vælg det i stedet.`);
      project = await tx.createProject({ ...EMPTY_FACTS, ...patch, name });
      created += 1;
      for (const f of facts) count(f.type);
    } else if (Object.keys(patch).length > 0) {
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
          ...(item.direction !== undefined ? { direction: item.direction } : {}),
          ...(item.baseline !== undefined ? { baseline: item.baseline } : {}),
          ...(item.measure !== undefined ? { measure: item.measure } : {}),
          ...(item.shareTargetKind !== undefined ? { shareTargetKind: item.shareTargetKind } : {}),
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
            direction: item.direction ?? 'higher',
            baseline: item.baseline ?? null,
            ...(item.measure !== undefined ? { measure: item.measure } : {}),
            ...(item.shareTargetKind !== undefined ? { shareTargetKind: item.shareTargetKind } : {}),
            position: goals.length,
          }),
        );
        created += 1;
      }
      count('goal');
    }
    check();

    // The round: the one the workbook names (created when the project lacks it), the open one,
    // or a new one with the type and date the user gave.
    let evaluation = state.evaluation;
    // A final (signed-off) round takes no import: reopen it first.
    const locked = await finalRoundLock(tx, evaluation, todo.map((t) => t.item));
    if (locked && evaluation) throw new LockedError(locked, evaluation.id);
    const roundItem = todo.find((t) => t.item.type === 'evaluation')?.item as EvaluationItem | undefined;
    if (roundItem && !evaluation) {
      evaluation = await tx.createEvaluation({
        ...blankEvaluation(project.id, roundItem.evaluationType, roundItem.date, roundItem.evaluator),
        overallStatus: roundItem.overallStatus,
      });
      created += 1;
      count('evaluation');
    } else if (roundItem && evaluation) {
      evaluation = await tx.updateEvaluation(evaluation.id, {
        ...(roundItem.evaluator.trim() ? { evaluator: roundItem.evaluator } : {}),
        ...(roundItem.overallStatus.trim() ? { overallStatus: roundItem.overallStatus } : {}),
      });
      updated += 1;
      count('evaluation');
    }
    if (!evaluation && todo.some((t) => ROUND_TYPES.has(t.item.type))) {
      const round = newRound(input)!;
      evaluation = await tx.createEvaluation(blankEvaluation(project.id, round.type, round.date, round.evaluator));
      created += 1;
    }

    const { budgetLines, financing, survey, learning, effectChain } = state;
    const next = { budgetLine: budgetLines.length, financing: financing.length, survey: survey.length, learning: learning.length };
    // New effect chain items follow the last one, in the file's order (a column keeps its order).
    let chainNext = effectChain.reduce((max, e) => Math.max(max, e.position + 1), 0);
    // Statuses in a row are written as one batch (in their order, as each alone would be).
    let statuses: Parameters<PortfolioStore['addStatusReports']>[0] = [];
    const writeStatuses = async () => {
      if (statuses.length === 0) return;
      const batch = statuses;
      statuses = [];
      await tx.addStatusReports(batch);
    };
    for (const { item } of todo) {
      check();
      if (item.type !== 'status') await writeStatuses();
      switch (item.type) {
        case 'status': {
          const goal = codeOf(item.code)!;
          statuses.push({
            goalId: goal.id,
            value: item.value,
            reportedAt: item.reportedAt!,
            reportedBy: item.reportedBy,
            source: item.source,
            printedPercent: item.printedPercent,
            ...(item.denominator !== undefined ? { denominator: item.denominator } : {}),
            // From a grant recipient's report: indrapporteret until a case officer approves it.
            approval: { state: 'reported', by: '', at: null, comment: '' },
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
          // The grant recipient's budget and time figures: indrapporteret until approved.
          evaluation = await tx.markProgressReported(evaluation.id);
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
            position: existing?.position ?? next.budgetLine++,
          });
          if (existing) updated += 1;
          else created += 1;
          break;
        }
        case 'financing': {
          const existing = financing.find((f) => f.name.trim().toLowerCase() === item.name.trim().toLowerCase());
          await tx.saveFinancing({ id: existing?.id, projectId: project.id, name: item.name, amountKr: item.amountKr, position: existing?.position ?? next.financing++ });
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
            position: existing?.position ?? next.survey++,
          });
          if (existing) updated += 1;
          else created += 1;
          break;
        }
        case 'score': {
          const existing = state.scores.find((x) => x.parameter === item.parameter);
          await tx.setScore({ evaluationId: evaluation!.id, parameter: item.parameter, score: item.score, headline: item.headline, text: item.text });
          if (existing) updated += 1;
          else created += 1;
          break;
        }
        case 'light': {
          const existing = state.lights.find((x) => x.kind === item.kind);
          // As a loaded portfolio document: the suggestion is the engine's, computed when read.
          await tx.setLightDecision({ evaluationId: evaluation!.id, kind: item.kind, suggested: existing?.suggested ?? null, override: item.override, reason: item.reason, text: item.text });
          if (existing) updated += 1;
          else created += 1;
          break;
        }
        case 'learning': {
          const existing = learning.find((x) => x.kind === item.kind && x.title.trim().toLowerCase() === item.title.trim().toLowerCase());
          await tx.saveLearningPoint({ id: existing?.id, evaluationId: evaluation!.id, kind: item.kind, title: item.title, text: item.text, position: existing?.position ?? next.learning++ });
          if (existing) updated += 1;
          else created += 1;
          break;
        }
        case 'effectChain':
          await tx.saveEffectChainItem({ projectId: project.id, column: item.column, text: item.text, position: chainNext++ });
          created += 1;
          break;
        default:
          continue;
      }
      count(item.type);
    }
    await writeStatuses();
    check();
    // A file is a source of what was written from it; one whose items were all there already is not.
    await keepSources(tx, project.id, sources.filter((src) => todo.some((t) => t.item.source.file === src.fileName)));
    check();
    if (input.afterWrite) await input.afterWrite(tx, project.id);
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

function newProjectName(input: ApplyInput): string {
  const name = (input.newProjectName ?? factFrom(input.items, 'name') ?? '').trim();
  if (!name) throw new ServiceError('VALIDATION', 'Angiv et navn til det nye projekt (filerne nævner intet projektnavn).');
  return name;
}

/** The type and date of a new round, from the user (never today's date by itself). */
function newRound(input: ApplyInput): { type: EvaluationType; date: string; evaluator: string } | null {
  const progress = input.items.find((i) => i.type === 'progress');
  const date = input.newEvaluation?.date ?? (progress?.type === 'progress' ? progress.reportedAt : null);
  return input.newEvaluation && date ? { type: input.newEvaluation.type, date, evaluator: input.newEvaluation.evaluator ?? '' } : null;
}

/** Every reason the import would fail, found before the transaction begins. */
async function preflight(store: PortfolioStore, input: ApplyInput, state: ProjectState, diffOptions: DiffOptions): Promise<void> {
  const diff = checked(input.items, state, diffOptions);
  if (!state.project) {
    const name = newProjectName(input);
    if (await store.findProjectByName(name)) throw new ServiceError('CONFLICT', `Der findes allerede et projekt med navnet "${name}"; vælg det i stedet.`);
  }
  const byId = new Map(input.items.map((i) => [i.id, i]));
  const todo = diff.filter((d) => d.change === 'new' || d.change === 'changed').map((d) => byId.get(d.itemId)!);
  const hasRound = state.evaluation !== null || todo.some((i) => i.type === 'evaluation');
  if (!hasRound && todo.some((i) => ROUND_TYPES.has(i.type)) && !newRound(input))
    throw new ServiceError('VALIDATION', 'Projektet har ingen evalueringsrunde til budget-, tids- og spørgeskematal, scorer og trafiklys: angiv type og dato for en ny evaluering.');
}
