import { resolve } from 'node:path';
import { DateParseError, parseDanishDate } from '../../../shared/numbers/danishDate';
import { FACT_LABEL_DA, type ImportApplyResult, type ImportItem, type ImportPreview, type ItemDiff } from '../../../shared/import/items';
import { leftOutOf, type LeftOutEntry } from '../../../shared/import/leftOut';
import { applyImport, previewImport, type ApplyInput, type ImportInput } from '../../import/service';
import { prepareFile, type PreparedFile } from '../../import/prepare';
import type { CliCommand } from '../types';
import { CliError } from '../types';
import { dbLocation, openExistingServices } from '../open';
import { importCliText, type ImportCliText } from '../importText';
import { findProject } from '../project';
import { isReaderMsg } from '../../../shared/import/readerNotes';
import type { AppServices } from '../../services';
import { folderFiles, importFolder, type FileOutcome } from './importFolder';
import { ReadAhead } from '../../import/readAhead';

/** Types stored on an evaluation round (as applyImport writes them). */
const ROUND_TYPES = new Set<ImportItem['type']>(['progress', 'survey', 'score', 'light', 'learning']);

export const importCommand: CliCommand = {
  name: 'import',
  summary:
    'Læs statusrapporter, evalueringsrapporter, ansøgninger, CSV, spørgeskemasvar og Trafiklys-projektmapper; vis fundet og gem det (én transaktion).',
  usage:
    'import FILE... --db FILE [--project NAME|ID] [--report-date DD.MM.ÅÅÅÅ] [--evaluation-type final|midterm] [--evaluation-date DD.MM.ÅÅÅÅ] [--accept-changes] [--skip-errors] [--dry-run] [--json]',
  options: {
    db: { type: 'string' },
    project: { type: 'string' },
    'report-date': { type: 'string' },
    'evaluation-type': { type: 'string' },
    'evaluation-date': { type: 'string' },
    'dry-run': { type: 'boolean' },
    'accept-changes': { type: 'boolean' },
    'skip-errors': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  allowPositionals: true,
  async run(args, io) {
    const say = importCliText();
    if (args.positionals.length === 0) throw new CliError(say('needFiles'), 2);
    const evaluationType = args.values['evaluation-type'];
    if (evaluationType !== undefined && evaluationType !== 'final' && evaluationType !== 'midterm') throw new CliError(say('badEvaluationType'), 2);
    const reportDate = dateOption(args.values['report-date'], '--report-date', say);
    const evaluationDate = dateOption(args.values['evaluation-date'], '--evaluation-date', say);
    const services = await openExistingServices(dbLocation(args), args.t);
    try {
      // --project names an existing project as every command does (id, name or a unique part of
      // it); a name that matches none is the name of a new project.
      const query = typeof args.values.project === 'string' ? args.values.project : undefined;
      const existing = query === undefined ? null : await findProject(services.store, query, args.t);
      const options: RunOptions = {
        existing,
        projectName: existing ? existing.name : query,
        reportDate,
        evaluationType,
        evaluationDate,
        dryRun: Boolean(args.values['dry-run']),
        skipErrors: Boolean(args.values['skip-errors']),
        acceptChanges: Boolean(args.values['accept-changes']),
      };
      const controller = new AbortController();
      const onSignal = () => controller.abort();
      process.once('SIGINT', onSignal);
      try {
        const folder = await folderFiles(args.positionals, say);
        if (folder) {
          // The next files are read and parsed in worker threads while this one is compared and
          // written here; each is compared only after the one before it is committed.
          const reader = ReadAhead.open();
          const ahead = new Map<string, Promise<PreparedFile>>();
          const one = async (path: string, upcoming: readonly string[]) => {
            const file = ahead.get(path) ?? prepareFile({ path }, { signal: controller.signal });
            ahead.delete(path);
            // Until the worker has loaded (about a second) the files are read here, one by one.
            for (const next of reader.ready ? upcoming : []) {
              if (ahead.has(next)) continue;
              const read = reader.prepare(next);
              // Its failure is that file's outcome, when its turn comes (or nobody's, if the import stops first).
              read.catch(() => undefined);
              ahead.set(next, read);
            }
            // This file still being read by a worker: this thread reads a later one meanwhile.
            if (reader.waitingOn(path)) reader.readOneHere();
            return describeRun(await importOnce(services, [{ prepared: file }], options, controller.signal, say), say);
          };
          let code: number;
          try {
            code = await importFolder(folder, one, { json: Boolean(args.values.json), signal: controller.signal }, io, say);
          } finally {
            await reader.close();
          }
          // The imported projects' kept figures are brought up to date now, so that the first open
          // of the portfolio does not recompute them (a dry run wrote nothing to recompute).
          if (!options.dryRun) await services.portfolio.refreshKeptFigures();
          return code;
        }
        const run = await importOnce(services, args.positionals.map((p) => ({ path: resolve(p) })), options, controller.signal, say);
        if (args.values.json) io.out(JSON.stringify(toJson(run.preview, run.outcome), null, 2));
        else io.out(text(run.preview, run.outcome, run.written, say));
        return run.outcome.stopped ? 1 : 0;
      } finally {
        process.off('SIGINT', onSignal);
      }
    } finally {
      await services.close();
    }
  },
};

interface RunOptions {
  existing: { id: number; name: string } | null;
  projectName: string | undefined;
  reportDate: string | undefined;
  evaluationType: string | undefined;
  evaluationDate: string | undefined;
  dryRun: boolean;
  skipErrors: boolean;
  acceptChanges: boolean;
}

interface Run {
  preview: ImportPreview;
  outcome: Outcome;
  written: ReadonlySet<string>;
}

/**
 * One import: the preview of `files`, the preview's default selection written in one
 * transaction (applyImport). What can't be saved as it is (an error, a status without date) is
 * left out and listed; changes that need a choice are written only with --accept-changes.
 * Errors stop the import unless --skip-errors leaves them out.
 */
async function importOnce(services: AppServices, files: ImportInput[], o: RunOptions, signal: AbortSignal, say: ImportCliText): Promise<Run> {
  const preview = await previewImport(
    services.store,
    files,
    { ...(o.existing ? { projectId: o.existing.id } : { projectName: o.projectName }), reportDate: o.reportDate, signal },
  );
  const diffOf = new Map(preview.diff.map((d) => [d.itemId, d]));
  const withErrors = new Set(preview.issues.filter((i) => i.severity === 'error' && i.itemId).map((i) => i.itemId!));
  const chosen = preview.items.filter((i) => {
    const d = diffOf.get(i.id);
    return d !== undefined && d.change !== 'blocked' && !withErrors.has(i.id) && (d.selectedByDefault || (o.acceptChanges && d.change === 'changed'));
  });
  const errorCount = preview.issues.filter((i) => i.severity === 'error').length;
  const stopped = errorCount > 0 && !o.skipErrors;
  const leftOut = leftOutOf(preview, new Set(chosen.map((i) => i.id)));
  const writes = chosen.filter((i) => ['new', 'changed'].includes(diffOf.get(i.id)!.change));

  let result: ImportApplyResult | null = null;
  let round: { type: 'final' | 'midterm'; date: string; fromOption: boolean } | null = null;
  if (!o.dryRun && !stopped && writes.length > 0) {
    round = newRound(preview, writes, o.evaluationType, o.evaluationDate, say);
    result = await applyImport(services.store, {
      projectId: preview.projectId,
      newProjectName: o.projectName,
      evaluationId: preview.evaluationId,
      ...(round ? { newEvaluation: { type: round.type, date: round.date } } : {}),
      items: chosen,
      files: preview.files.map((f) => ({ file: f.file, kind: f.kind, sha256: f.sha256 })),
      signal,
      // The project's portfolio figures kept in the same transaction (see refreshKeptFigures below for the rest).
      afterWrite: (tx, projectId) => services.portfolio.keepFiguresOf(tx, projectId),
    } satisfies ApplyInput);
  }
  // What the preview found already in the project is "unchanged", whether or not it was sent.
  if (result) result = { ...result, unchanged: preview.diff.filter((d) => d.change === 'unchanged').length };
  const written = new Set(result ? chosen.map((i) => i.id) : []);
  return { preview, outcome: { dryRun: o.dryRun, stopped, errorCount, result, round, leftOut, nothingToWrite: !o.dryRun && !stopped && writes.length === 0 }, written };
}

interface Outcome {
  dryRun: boolean;
  /** Errors and no --skip-errors: nothing written. */
  stopped: boolean;
  errorCount: number;
  result: ImportApplyResult | null;
  round: { type: 'final' | 'midterm'; date: string; fromOption: boolean } | null;
  leftOut: LeftOutEntry[];
  nothingToWrite: boolean;
}

function dateOption(value: unknown, option: string, say: ImportCliText): string | undefined {
  if (value === undefined) return undefined;
  try {
    return parseDanishDate(String(value));
  } catch (err) {
    if (err instanceof DateParseError) throw new CliError(say('badDate', { option, reason: err.message }), 2);
    throw err;
  }
}

/**
 * The round the items go to when the project has none and the files name none: its type and
 * date from the options, or the date of the file's budget and time figures; never guessed.
 */
function newRound(
  preview: ImportPreview,
  writes: ImportItem[],
  type: string | boolean | string[] | boolean[] | undefined,
  date: string | undefined,
  say: ImportCliText,
): { type: 'final' | 'midterm'; date: string; fromOption: boolean } | null {
  if (preview.evaluationId !== null || writes.some((i) => i.type === 'evaluation') || !writes.some((i) => ROUND_TYPES.has(i.type))) return null;
  const progress = writes.find((i) => i.type === 'progress');
  const found = date ?? (progress?.type === 'progress' ? progress.reportedAt : null);
  const missing = [type === undefined ? '--evaluation-type final|midterm' : '', found ? '' : '--evaluation-date DD.MM.ÅÅÅÅ'].filter(Boolean).join(' og ');
  if (missing) throw new CliError(say('needRound', { missing }), 2);
  return { type: type as 'final' | 'midterm', date: found!, fromOption: date !== undefined };
}

function toJson(p: ImportPreview, o: Outcome) {
  const change = (id: string) => p.diff.find((d) => d.itemId === id)?.change ?? null;
  const of = <T extends ImportItem['type']>(t: T) => p.items.filter((i): i is Extract<ImportItem, { type: T }> => i.type === t);
  const statusOf = (code: string) => of('status').find((s) => s.code === code);
  const rest = <T extends { id: string; type: string }>({ id: _id, type: _t, ...r }: T) => r;
  return {
    project: { id: p.projectId, name: p.projectName },
    dryRun: o.dryRun,
    /** Whether the import went through (and wrote what was new; maybe nothing). */
    written: !o.dryRun && !o.stopped,
    // Nothing new is a result too: 0 written, not an error.
    result:
      o.result ??
      (o.nothingToWrite
        ? { projectId: p.projectId, evaluationId: p.evaluationId, created: 0, updated: 0, unchanged: p.diff.filter((d) => d.change === 'unchanged').length, written: {} }
        : null),
    newEvaluation: o.round,
    files: p.files.map((f) => ({ file: f.file, format: f.format, kind: f.kind, label: f.kindLabel, items: f.itemIds.length })),
    facts: Object.fromEntries(of('fact').map((f) => [f.field, f.value])),
    goals: of('goal').map((g) => {
      const s = statusOf(g.code);
      return {
        code: g.code,
        level: g.level,
        description: g.description,
        targetInPeriod: g.targetInPeriod,
        targetAfterPeriod: g.targetAfterPeriod,
        status: s?.value ?? null,
        reportedAt: s?.reportedAt ?? null,
        reportedBy: s?.reportedBy ?? null,
        printedPercent: s?.printedPercent ?? null,
        computedPercent: s?.computedPercent ?? null,
        codeSuggested: g.codeSuggested,
        source: g.source,
        change: change(g.id),
        statusChange: s ? change(s.id) : null,
      };
    }),
    statuses: of('status').map((s) => ({ ...rest(s), change: change(s.id), note: p.diff.find((d) => d.itemId === s.id)?.note ?? null })),
    progress: of('progress').map(rest),
    scoreAverage: of('scoreAverage')[0]?.value ?? null,
    budgetLines: of('budgetLine').map(rest),
    financing: of('financing').map(rest),
    survey: of('survey').map(rest),
    evaluation: of('evaluation').map(rest)[0] ?? null,
    scores: of('score').map(rest),
    lights: of('light').map(rest),
    learning: of('learning').map(rest),
    effectChain: of('effectChain').map(rest),
    leftOut: o.leftOut,
    issues: p.issues,
    diff: p.diff,
  };
}

/** What an item is, in the left-out list. */
function itemLabel(item: ImportItem, say: ImportCliText): string {
  switch (item.type) {
    case 'fact':
      return say('item_fact', { label: FACT_LABEL_DA[item.field] });
    case 'goal':
      return say('item_goal', { code: item.code });
    case 'status':
      return say('item_status', { code: item.code });
    case 'progress':
      return say('item_progress');
    case 'scoreAverage':
      return say('item_scoreAverage');
    case 'budgetLine':
      return say('item_budgetLine', { costType: item.costType, year: item.year });
    case 'financing':
      return say('item_financing', { name: item.name });
    case 'survey':
      return say('item_survey', { statement: item.statement });
    case 'evaluation':
      return say('item_evaluation');
    case 'score':
      return say('item_score', { parameter: item.parameter });
    case 'light':
      return say('item_light', { kind: item.kind });
    case 'learning':
      return say('item_learning', { title: item.title });
    case 'effectChain':
      return say('item_effectChain', { text: item.text });
  }
}

function text(p: ImportPreview, o: Outcome, written: ReadonlySet<string>, say: ImportCliText): string {
  const out: string[] = [];
  const diffOf = new Map(p.diff.map((d) => [d.itemId, d]));
  const change = (id: string) => {
    const d = diffOf.get(id);
    return d ? `${say(`change_${d.change}` as const)}${d.change === 'changed' && !d.selectedByDefault && !written.has(id) ? say('notChosen') : ''}` : '';
  };
  const tag = (id: string) => say('changeTag', { change: change(id) });
  const place = (location: string) => say('placeTag', { place: location });
  /** The attainment notes of a status: what it does to its goal in the round (the diff's). */
  const effect = (d: ItemDiff | undefined) => {
    const msgs = d?.noteMsgs.filter((m) => m.key.startsWith('attainment')) ?? [];
    return msgs.length ? [say('effect', { note: say.notes(msgs, null) })] : [];
  };
  const of = <T extends ImportItem['type']>(t: T) => p.items.filter((i): i is Extract<ImportItem, { type: T }> => i.type === t);

  out.push(p.projectName ? say(p.projectId ? 'project' : 'projectNew', { name: p.projectName }) : say('projectUnnamed'));
  for (const f of p.files) out.push(say('file', { file: f.file, kind: f.kindLabel, format: f.format, count: f.itemIds.length }));
  const facts = of('fact');
  if (facts.length) {
    out.push('', say('factsHeader'));
    for (const f of facts) {
      const value = typeof f.value === 'number' ? say.number(f.value) : f.field === 'periodStart' || f.field === 'periodEnd' ? say.date(f.value) : (f.value || '–');
      out.push(say('fact', { label: FACT_LABEL_DA[f.field], value, change: change(f.id), place: f.source.location }));
    }
  }
  const round = of('evaluation')[0];
  if (round) {
    out.push('', say('roundHeader'));
    out.push(say('round', { type: say(`type_${round.evaluationType}` as const), date: round.date }) + (round.evaluator ? say('roundEvaluator', { name: round.evaluator }) : '') + tag(round.id));
    for (const i of p.items)
      if (i.type === 'score' || i.type === 'light' || i.type === 'learning')
        out.push(say('roundItem', { label: itemLabel(i, say), change: change(i.id), place: i.source.location }));
  }
  const goals = of('goal');
  const shown = new Set<string>();
  if (goals.length) {
    out.push('', say('goalsHeader'));
    for (const g of goals) {
      const st = of('status').find((s) => s.code === g.code && !shown.has(s.id));
      if (st) shown.add(st.id);
      const status = st
        ? say(st.reportedAt ? 'goalStatus' : 'goalStatusUndated', {
            value: st.value,
            date: st.reportedAt,
            printed: st.printedPercent === null ? null : `${say.number(st.printedPercent)} %`,
          })
        : '';
      out.push(
        say('goal', { code: g.code, level: say(`level_${g.level}` as const), target: g.targetInPeriod }) +
          (g.targetAfterPeriod !== null ? say('goalAfter', { value: g.targetAfterPeriod }) : '') +
          status +
          say('changeTag', { change: `${change(g.id)}${st ? `/${change(st.id)}` : ''}` }),
        say('goalText', { text: g.description }) + (g.codeSuggested ? say('codeSuggested') : '') + place(g.source.location),
        ...(st ? effect(diffOf.get(st.id)) : []),
      );
    }
  }
  const statuses = of('status').filter((s) => !shown.has(s.id));
  if (statuses.length) {
    out.push('', say('statusesHeader'));
    for (const s of statuses)
      out.push(
        say('status', {
          code: s.code,
          value: s.value,
          date: s.reportedAt,
          printed: s.printedPercent === null ? null : `${say.number(s.printedPercent)} %`,
          change: change(s.id),
          place: s.source.location,
        }),
        ...effect(diffOf.get(s.id)),
      );
  }
  for (const i of p.items) {
    if (i.type === 'progress')
      out.push('', say('progress', { spent: i.budgetSpentKr, total: i.budgetTotalKr, elapsed: i.monthsElapsed, months: i.monthsTotal, date: i.reportedAt, change: change(i.id), place: i.source.location }));
    if (i.type === 'scoreAverage') out.push('', say('scoreAverage', { value: i.value, place: i.source.location }));
  }
  const lines = of('budgetLine');
  if (lines.length) {
    out.push('', say('budgetHeader'));
    for (const b of lines)
      out.push(say('budgetLine', { year: b.year, costType: b.costType, amount: b.amountKr }) + (b.percentOfDirect !== null ? say('budgetPercent', { value: b.percentOfDirect }) : '') + tag(b.id));
  }
  const fin = of('financing');
  if (fin.length) {
    out.push('', say('financingHeader'));
    for (const f of fin) out.push(say('financing', { name: f.name, amount: f.amountKr, change: change(f.id) }));
  }
  const survey = of('survey');
  if (survey.length) {
    out.push('', say('surveyHeader'));
    for (const s of survey)
      out.push(say('survey', { statement: s.group ? `${s.group}: ${s.statement}` : s.statement, positive: s.positive, n: s.n, scale: s.scale, change: change(s.id) }));
  }
  const unselected = p.diff.filter((d) => d.change === 'changed' && !d.selectedByDefault && !written.has(d.itemId));
  if (unselected.length) {
    out.push('', say('unselectedHeader'));
    for (const d of unselected) {
      const item = p.items.find((i) => i.id === d.itemId)!;
      out.push(
        say('unselected', {
          file: item.source.file,
          place: item.source.location,
          note: say.notes(d.noteMsgs, d.note),
          before: say.notes(d.beforeMsgs, d.before, '; '),
          after: say.notes(d.afterMsgs, d.after, '; '),
        }),
      );
    }
  }
  const issues = issueLines(p, say);
  if (issues.length) out.push('', say('issuesHeader'), ...issues);
  // What is not written, per file and place, and why; after the errors it explains.
  const left = leftOutLines(p, o, say);
  if (left.length) out.push('', say('leftOutHeader', { count: o.leftOut.length }), ...left);
  out.push('');
  if (o.round && o.result)
    out.push(say('newRound', { evaluationType: o.round.type, date: o.round.date, source: say(o.round.fromOption ? 'roundFromOption' : 'roundFromProgress') }));
  out.push(verdict(o, say));
  return out.join('\n');
}

const where = (file: string, location: string) => `${file}${location ? `, ${location}` : ''}`;

function issueLines(p: ImportPreview, say: ImportCliText, only?: 'error'): string[] {
  return p.issues
    .filter((i) => !only || i.severity === only)
    .map((i) => say(i.severity === 'error' ? 'error' : 'warning', { where: where(i.file, i.location), message: i.msg && !isReaderMsg(i.msg) ? say.notes([i.msg], i.message) : i.message }));
}

function leftOutLines(p: ImportPreview, o: Outcome, say: ImportCliText): string[] {
  return o.leftOut.map((e) => {
    const why = e.reasons.map((r) => (r.msg && !isReaderMsg(r.msg) ? say.notes([r.msg], r.message) : r.message)).join(' ');
    const item = e.itemId ? p.items.find((i) => i.id === e.itemId) : undefined;
    const wholeFile = !item && (p.files.find((f) => f.file === e.file)?.itemIds.length ?? 0) === 0;
    return item
      ? say('leftOut', { where: where(e.file, e.location), what: itemLabel(item, say), why })
      : say(wholeFile ? 'leftOutFile' : 'leftOutPlace', { where: where(e.file, e.location), why });
  });
}

/** The last line of an import: saved, stopped, a dry run or nothing new. */
function verdict(o: Outcome, say: ImportCliText): string {
  if (o.stopped) return say('stoppedByErrors', { count: o.errorCount });
  if (o.dryRun) return say('dryRun');
  if (o.nothingToWrite) return say(o.leftOut.length ? 'nothingLeft' : 'nothingNew');
  if (!o.result) return '';
  return o.leftOut.length
    ? say('savedLeftOut', { created: o.result.created, updated: o.result.updated, unchanged: o.result.unchanged, count: o.leftOut.length })
    : say('saved', { created: o.result.created, updated: o.result.updated, unchanged: o.result.unchanged });
}

/** One file of a folder import: a line for the project and its verdict, the errors and what was left out under it. */
function describeRun(run: Run, say: ImportCliText): FileOutcome {
  const { preview: p, outcome: o } = run;
  const name = p.projectName ? say(p.projectId ? 'project' : 'projectNew', { name: p.projectName }) : say('projectUnnamed');
  const round = o.round && o.result ? [say('newRound', { evaluationType: o.round.type, date: o.round.date, source: say(o.round.fromOption ? 'roundFromOption' : 'roundFromProgress') })] : [];
  if (o.stopped) return { ok: false, line: `${p.projectName ? `${name}: ` : ''}${say('folderNotSaved', { reason: say('folderStopped', { count: o.errorCount }) })}`, details: issueLines(p, say, 'error'), json: () => toJson(p, o) };
  return { ok: true, line: say('folderProject', { name, outcome: verdict(o, say) }), details: [...round, ...leftOutLines(p, o, say)], json: () => toJson(p, o) };
}
