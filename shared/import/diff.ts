import type {
  BudgetLine,
  EffectChainItem,
  Evaluation,
  FinancingSource,
  Goal,
  ImplementationScore,
  LearningPoint,
  LightDecision,
  Project,
  StatusKey,
  SurveyIndicator,
} from '../domain';
import { DEFAULT_PROFILE, type MethodologyProfile } from '../methodology/profile';
import { effectNote, statusEffects } from './attainment';
import type { ContentKind, FactField, ImportBasis, ImportIssue, ImportItem, ItemDiff } from './items';
import { danish, msg, type Msg } from './notes';
import { validateItems } from './validate';

/**
 * The diff of found items against what a project holds (pure): new, changed (overwrites a
 * stored value), unchanged (importing the same file again changes nothing), blocked (can't be
 * applied as it is: a status without date, a code that matches no goal) or info (shown only).
 */

/** Read-only once built: what is derived from it (basisOf) is kept with it. */
export interface ProjectState {
  project: Project | null;
  goals: Goal[];
  /** The project's statuses, oldest first, as far as the comparison needs them. */
  statusReports: StatusKey[];
  budgetLines: BudgetLine[];
  financing: FinancingSource[];
  effectChain: EffectChainItem[];
  /** The round progress, survey, scores, lights and learning points go to; null = a new one. */
  evaluation: Evaluation | null;
  survey: SurveyIndicator[];
  scores: ImplementationScore[];
  lights: LightDecision[];
  learning: LearningPoint[];
  profile: MethodologyProfile;
}

/** A new project: nothing stored yet, weighed with the portfolio's profile. */
export const emptyState = (profile: MethodologyProfile = DEFAULT_PROFILE): ProjectState => ({
  project: null,
  goals: [],
  statusReports: [],
  budgetLines: [],
  financing: [],
  effectChain: [],
  evaluation: null,
  survey: [],
  scores: [],
  lights: [],
  learning: [],
  profile,
});

export const EMPTY_STATE: ProjectState = emptyState();

/** basisOf's answer per state: a state is never changed once built (the import shares it between its preview, check and write). */
const bases = new WeakMap<ProjectState, ImportBasis>();

/**
 * What the preview sends along for the renderer's live checks (statusEffects, validateItems);
 * built once per state (the diff asks for it twice, the preview once more).
 */
export function basisOf(state: ProjectState): ImportBasis {
  let basis = bases.get(state);
  if (!basis) bases.set(state, (basis = buildBasis(state)));
  return basis;
}

function buildBasis(state: ProjectState): ImportBasis {
  const goalOf = new Map(state.goals.map((g) => [g.id, g]));
  return {
    profile: state.profile,
    round: state.evaluation ? { type: state.evaluation.type, date: state.evaluation.date } : null,
    goals: state.goals.map((g) => ({ code: g.code.toUpperCase(), level: g.level, targetInPeriod: g.targetInPeriod, direction: g.direction, baseline: g.baseline })),
    // In the order they were stored: of two reports of a date, the later one is in force.
    reports: [...state.statusReports]
      .sort((a, b) => a.id - b.id)
      .flatMap((r) => {
        const g = goalOf.get(r.goalId);
        return g ? [{ code: g.code.toUpperCase(), value: r.value, reportedAt: r.reportedAt }] : [];
      }),
    period: { start: state.project?.periodStart ?? null, end: state.project?.periodEnd ?? null },
  };
}

export interface DiffOptions {
  /** Files whose goal codes must match the project's goals (status reports), when it has any. */
  strictFiles?: ReadonlySet<string>;
  /**
   * Status files (the status-report template, a CSV of goals and statuses): their goal texts and
   * targets are a reporter's shorthand, not the grant's, so a change to a goal is offered unselected.
   */
  recipientFiles?: ReadonlySet<string>;
}

/** What each kind of file may do (the same for the preview and for apply, which is told the files' kinds). */
export function diffOptionsOf(files: readonly { file: string; kind: ContentKind }[]): DiffOptions {
  const STRICT: ContentKind[] = ['statusReport', 'goalCsv', 'evaluationWorkbook'];
  const RECIPIENT: ContentKind[] = ['statusReport', 'goalCsv'];
  return {
    strictFiles: new Set(files.filter((f) => STRICT.includes(f.kind)).map((f) => f.file)),
    recipientFiles: new Set(files.filter((f) => RECIPIENT.includes(f.kind)).map((f) => f.file)),
  };
}

type Out = (item: ImportItem, change: ItemDiff['change'], note: Msg | Msg[], before?: Msg[] | null, after?: Msg[] | null, selectedByDefault?: boolean) => void;

export interface DiffResult {
  diff: ItemDiff[];
  issues: ImportIssue[];
}

/** Case, spacing, quotes and trailing punctuation don't make two texts different. */
export const normaliseText = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[”“"'’]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.:;,]+$/, '');

const firstWords = (text: string, n: number) => normaliseText(text).split(' ').slice(0, n).join(' ');

/**
 * Codes for goals read from prose (an application): a goal the project already holds (the same
 * level and description, or the same target and opening words) keeps its code, so importing an
 * application into its own project changes nothing; the others continue after the project's own
 * codes (B1-B3 exist -> B4, B5 ...).
 */
export function assignSuggestedCodes(items: ImportItem[], goals: readonly Goal[]): void {
  const taken = new Set<number>();
  const used = new Set(goals.map((g) => g.code.toUpperCase()));
  for (const i of items) if (i.type === 'goal' && !i.codeSuggested) used.add(i.code.toUpperCase());
  const suggested = items.filter((i): i is Extract<ImportItem, { type: 'goal' }> => i.type === 'goal' && i.codeSuggested);
  const rest: typeof suggested = [];
  for (const item of suggested) {
    const text = normaliseText(item.description);
    const candidates = goals.filter((g) => g.level === item.level && !taken.has(g.id));
    const match =
      candidates.find((g) => normaliseText(g.description) === text) ??
      candidates.find((g) => sameNumber(g.targetInPeriod, item.targetInPeriod) && item.targetInPeriod !== null && firstWords(g.description, 4) === firstWords(text, 4));
    if (match) {
      taken.add(match.id);
      item.code = match.code.toUpperCase();
    } else rest.push(item);
  }
  const next: Record<string, number> = {};
  for (const item of rest) {
    let n = next[item.level] ?? 1;
    while (used.has(`${item.level}${n}`)) n++;
    item.code = `${item.level}${n}`;
    used.add(item.code);
    next[item.level] = n + 1;
  }
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const sameNumber = (a: number | null, b: number | null) => (a === null ? b === null : b !== null && Math.abs(a - b) < 0.005);

export function diffItems(items: ImportItem[], state: ProjectState, options: DiffOptions = {}): DiffResult {
  const issues: ImportIssue[] = [];
  const diff: ItemDiff[] = [];
  const goalsByCode = new Map(state.goals.map((g) => [g.code.toUpperCase(), g]));
  const err = (item: ImportItem, m: Msg) =>
    issues.push({ severity: 'error', file: item.source.file, location: item.source.location, message: danish([m]), itemId: item.id, msg: m });
  const out: Out = (item, change, note, before = null, after = null, selectedByDefault = true) => {
    const notes = Array.isArray(note) ? note : [note];
    diff.push({
      itemId: item.id,
      change,
      overwrites: change === 'changed',
      before: before && danish(before, '; '),
      after: after && danish(after, '; '),
      note: danish(notes),
      noteMsgs: notes,
      beforeMsgs: before,
      afterMsgs: after,
      selectedByDefault: selectedByDefault && ['new', 'changed', 'blocked'].includes(change),
    });
  };
  const round = state.evaluation;
  const afterRound = (date: string | null) => round !== null && date !== null && date > round.date;
  let statusesAfterRound = 0;

  // Goals first: statuses may refer to a goal created by the same import.
  const importedGoals = new Map<string, Extract<ImportItem, { type: 'goal' }>>();
  /** Codes whose goal can't be imported as it is: their statuses can't be either. */
  const blockedCodes = new Set<string>();
  for (const item of items) {
    if (item.type !== 'goal') continue;
    const code = item.code.toUpperCase();
    const earlier = importedGoals.get(code);
    if (earlier) {
      const identical =
        earlier.source.file !== item.source.file &&
        sameNumber(earlier.targetInPeriod, item.targetInPeriod) &&
        sameNumber(earlier.targetAfterPeriod, item.targetAfterPeriod);
      if (identical) {
        out(item, 'unchanged', msg('goalSameAsEarlier', { file: earlier.source.file, location: earlier.source.location }));
        continue;
      }
      err(item, msg('issueDuplicateCode', { code, file: earlier.source.file, location: earlier.source.location, otherFile: item.source.file, otherLocation: item.source.location }));
      out(item, 'blocked', msg('goalDuplicate', { code }));
      continue;
    }
    importedGoals.set(code, item);
    const existing = goalsByCode.get(code);
    if (!existing) {
      const strict = options.strictFiles?.has(item.source.file) && state.goals.length > 0;
      if (strict) {
        err(item, msg('issueCodeNotInProject', { code, project: state.project?.name ?? '', codes: state.goals.map((g) => g.code).join(', ') }));
        out(item, 'blocked', msg('goalUnknownCode', { code }));
        blockedCodes.add(code);
      } else out(item, 'new', msg('goalNew', { code }), null, [msg('valueNewGoal', { code, value: item.targetInPeriod })]);
      continue;
    }
    const changes: Msg[] = [];
    const before: Msg[] = [];
    if (item.level !== existing.level) {
      changes.push(msg('valueLevel', { level: item.level }));
      before.push(msg('valueLevel', { level: existing.level }));
    }
    if (item.targetInPeriod !== null && !sameNumber(item.targetInPeriod, existing.targetInPeriod)) {
      changes.push(msg('valueTarget', { value: item.targetInPeriod }));
      before.push(msg('valueTarget', { value: existing.targetInPeriod }));
    }
    if (item.targetAfterPeriod !== null && !sameNumber(item.targetAfterPeriod, existing.targetAfterPeriod)) {
      changes.push(msg('valueTargetAfter', { value: item.targetAfterPeriod }));
      before.push(msg('valueTargetAfter', { value: existing.targetAfterPeriod }));
    }
    if (item.description && existing.description && !same(item.description, existing.description)) {
      changes.push(msg('valueDescription', { text: item.description }));
      before.push(msg('valueDescription', { text: existing.description }));
    }
    if (item.description && !existing.description) changes.push(msg('valueDescription', { text: item.description }));
    if (item.direction !== undefined && item.direction !== existing.direction) {
      changes.push(msg('valueDirection', { direction: item.direction }));
      before.push(msg('valueDirection', { direction: existing.direction }));
    }
    if (item.baseline !== undefined && !sameNumber(item.baseline, existing.baseline)) {
      changes.push(msg('valueBaseline', { value: item.baseline }));
      before.push(msg('valueBaseline', { value: existing.baseline }));
    }
    const beforeOrNull = before.length ? before : null;
    if (changes.length === 0) out(item, 'unchanged', msg('goalUnchanged', { code }));
    else if (item.codeSuggested) out(item, 'changed', msg('goalRecognisedDiffers', { code }), beforeOrNull, changes, false);
    else if (options.recipientFiles?.has(item.source.file)) out(item, 'changed', msg('goalRecipientDiffers', { code }), beforeOrNull, changes, false);
    else out(item, 'changed', msg('goalChanged', { code }), beforeOrNull, changes);
  }

  const seenStatuses = new Set<string>();
  for (const item of items) {
    switch (item.type) {
      case 'goal':
        break;
      case 'fact':
        diffFact(item, state, out);
        break;
      case 'status': {
        const code = item.code.toUpperCase();
        const goal = goalsByCode.get(code);
        if (!goal && blockedCodes.has(code)) {
          out(item, 'blocked', msg('statusGoalBlocked', { code }));
          break;
        }
        if (!goal && !importedGoals.has(code)) {
          err(item, state.goals.length ? msg('issueStatusCodeNotInProject', { code, codes: state.goals.map((g) => g.code).join(', ') }) : msg('issueStatusCodeUnknown', { code }));
          out(item, 'blocked', msg('statusUnknownCode', { code }));
          break;
        }
        if (!item.reportedAt) {
          out(item, 'blocked', msg('statusNoDate', { code }));
          break;
        }
        // A report is its goal, date and value; the file it came from is provenance only, so the
        // same report from a renamed copy or a second file changes nothing.
        const key = `${code}|${item.reportedAt}|${item.value}`;
        if (seenStatuses.has(key)) {
          out(item, 'unchanged', msg('statusRepeated'));
          break;
        }
        seenStatuses.add(key);
        const reports = goal ? state.statusReports.filter((r) => r.goalId === goal.id) : [];
        const duplicate = reports.find((r) => r.reportedAt === item.reportedAt && sameNumber(r.value, item.value));
        if (duplicate) {
          out(
            item,
            'unchanged',
            duplicate.source.file
              ? msg('statusStored', { value: item.value, date: item.reportedAt, file: duplicate.source.file })
              : msg('statusStoredManual', { value: item.value, date: item.reportedAt }),
          );
          break;
        }
        const sameDate = reports.find((r) => r.reportedAt === item.reportedAt);
        if (afterRound(item.reportedAt)) statusesAfterRound += 1;
        // What it does to the attainment is added below, once the default selection is known.
        out(
          item,
          'new',
          [msg('statusNew', { code }), ...(sameDate ? [msg('statusSameDate', { date: item.reportedAt, value: sameDate.value })] : [])],
          null,
          [msg('valueStatus', { value: item.value, date: item.reportedAt })],
        );
        break;
      }
      case 'progress': {
        const e = state.evaluation;
        const after = [msg('valueProgress', { spent: item.budgetSpentKr, total: item.budgetTotalKr, elapsed: item.monthsElapsed, months: item.monthsTotal })];
        if (!e) {
          out(item, 'new', msg('progressNewRound'), null, after);
          break;
        }
        const stored = [e.budgetSpentKr, e.budgetTotalReportedKr, e.monthsElapsedReported, e.monthsTotalReported];
        const found = [item.budgetSpentKr, item.budgetTotalKr, item.monthsElapsed, item.monthsTotal];
        const before = [msg('valueProgress', { spent: e.budgetSpentKr, total: e.budgetTotalReportedKr, elapsed: e.monthsElapsedReported, months: e.monthsTotalReported })];
        const dates = { date: item.reportedAt, dateRound: e.date, dateStored: e.progressReportedAt };
        if (stored.every((v, k) => found[k] === null || sameNumber(v, found[k])) && (item.reportedAt === null || item.reportedAt === e.progressReportedAt))
          out(item, 'unchanged', msg('progressUnchanged'));
        else if (stored.every((v) => v === null)) out(item, 'new', msg(afterRound(item.reportedAt) ? 'progressFillsAfterRound' : 'progressFills', dates), null, after);
        else if (afterRound(item.reportedAt)) out(item, 'changed', msg('progressAfterRound', dates), before, after, false);
        else if (e.progressReportedAt && (item.reportedAt === null || item.reportedAt < e.progressReportedAt))
          // Older (or undated) figures never replace newer ones unless the user says so.
          out(item, 'changed', msg(item.reportedAt ? 'progressOlder' : 'progressUndated', dates), before, after, false);
        else out(item, 'changed', msg('progressOverwrites', dates), before, after);
        break;
      }
      case 'scoreAverage':
        out(item, 'info', msg('scoreAverageInfo'), null, [msg('valueText', { value: item.value })]);
        break;
      case 'budgetLine': {
        const existing = state.budgetLines.find((b) => b.year === item.year && same(b.costType, item.costType));
        const after = [msg('valueBudgetLine', { costType: item.costType, year: item.year, amount: item.amountKr })];
        if (!existing) out(item, 'new', msg('budgetLineNew'), null, after);
        else if (sameNumber(existing.amountKr, item.amountKr) && sameNumber(existing.percentOfDirect, item.percentOfDirect)) out(item, 'unchanged', msg('budgetLineUnchanged'));
        else out(item, 'changed', msg('budgetLineChanged'), [msg('valueAmount', { amount: existing.amountKr })], after);
        break;
      }
      case 'financing': {
        const existing = state.financing.find((f) => same(f.name, item.name));
        if (!existing) out(item, 'new', msg('financingNew'), null, [msg('valueFinancing', { name: item.name, amount: item.amountKr })]);
        else if (sameNumber(existing.amountKr, item.amountKr)) out(item, 'unchanged', msg('financingUnchanged'));
        else out(item, 'changed', msg('financingChanged'), [msg('valueAmount', { amount: existing.amountKr })], [msg('valueAmount', { amount: item.amountKr })]);
        break;
      }
      case 'survey': {
        const existing = state.survey.find((s) => same(s.group, item.group) && same(s.statement, item.statement));
        const after = [msg('valueSurvey', { positive: item.positive, n: item.n, scale: item.scale })];
        if (!existing) out(item, 'new', msg(state.evaluation ? 'surveyNew' : 'surveyNewRound'), null, after);
        else if (existing.positive === item.positive && existing.n === item.n && existing.scale === item.scale) out(item, 'unchanged', msg('surveyUnchanged'));
        else out(item, 'changed', msg('surveyChanged'), [msg('valueSurveyShort', { positive: existing.positive, n: existing.n })], after);
        break;
      }
      case 'evaluation': {
        const e = state.evaluation;
        const found = { evaluationType: item.evaluationType, date: item.date };
        if (!e) {
          out(item, 'new', msg('evaluationNew', found), null, [msg('valueEvaluation', { ...found, text: item.evaluator })]);
          break;
        }
        const before: Msg[] = [];
        const after: Msg[] = [];
        if (item.evaluator.trim() && !same(item.evaluator, e.evaluator)) {
          before.push(msg('valueEvaluation', { ...found, text: e.evaluator }));
          after.push(msg('valueEvaluation', { ...found, text: item.evaluator }));
        }
        if (item.overallStatus.trim() && normaliseText(item.overallStatus) !== normaliseText(e.overallStatus)) {
          before.push(msg('valueOverallStatus', { text: e.overallStatus }));
          after.push(msg('valueOverallStatus', { text: item.overallStatus }));
        }
        if (after.length === 0) out(item, 'unchanged', msg('evaluationFound', found));
        else out(item, 'changed', [msg('evaluationFound', found), msg('evaluationChanged', { date: e.date })], before, after);
        break;
      }
      case 'score': {
        const stored = state.scores.find((x) => x.parameter === item.parameter);
        const after = [msg('valueScore', { value: item.score, text: item.headline })];
        const empty = item.score === null && !item.headline.trim() && !item.text.trim();
        if (stored && stored.score === item.score && same(stored.headline, item.headline) && same(stored.text, item.text)) out(item, 'unchanged', msg('scoreUnchanged'));
        else if (!stored || (stored.score === null && !stored.headline && !stored.text)) {
          if (empty) out(item, 'unchanged', msg('scoreUnchanged'));
          else out(item, 'new', msg(state.evaluation ? 'roundItemNew' : 'roundItemNewRound'), null, after);
        } else out(item, 'changed', msg('scoreChanged'), [msg('valueScore', { value: stored.score, text: stored.headline })], after);
        break;
      }
      case 'light': {
        const stored = state.lights.find((x) => x.kind === item.kind);
        const show = (l: { override: LightDecision['override']; reason: string; text: string }) => [
          l.override ? msg('valueLightOverride', { light: l.override, reason: l.reason, text: l.text }) : msg('valueLightSuggested', { text: l.text }),
        ];
        const equal = stored && stored.override === item.override && same(stored.text, item.text) && (!item.override || same(stored.reason, item.reason));
        if (equal || (!stored && !item.override && !item.text.trim())) out(item, 'unchanged', msg('lightUnchanged'));
        else if (!stored) out(item, 'new', msg(state.evaluation ? 'roundItemNew' : 'roundItemNewRound'), null, show(item));
        else out(item, 'changed', msg('lightChanged'), show(stored), show(item));
        break;
      }
      case 'learning': {
        const stored = state.learning.find((x) => x.kind === item.kind && same(x.title, item.title));
        const after = [msg('valueLearning', { title: item.title, text: item.text })];
        if (!stored) out(item, 'new', msg(state.evaluation ? 'roundItemNew' : 'roundItemNewRound'), null, after);
        else if (normaliseText(stored.text) === normaliseText(item.text)) out(item, 'unchanged', msg('learningUnchanged'));
        else out(item, 'changed', msg('learningChanged'), [msg('valueLearning', { title: stored.title, text: stored.text })], after);
        break;
      }
      case 'effectChain': {
        const stored = state.effectChain.find((x) => x.column === item.column && normaliseText(x.text) === normaliseText(item.text));
        if (stored) out(item, 'unchanged', msg('effectChainUnchanged'));
        else out(item, 'new', msg('effectChainNew'), null, [msg('valueText', { value: item.text })]);
        break;
      }
    }
  }

  const entryOf = new Map(diff.map((d) => [d.itemId, d]));
  // Figures that can't be stored as they are: an error on the item, which is then blocked (fix
  // it in the preview, or leave it out). Only what would be written is checked.
  const writes = new Set(diff.filter((d) => d.change === 'new' || d.change === 'changed' || d.change === 'blocked').map((d) => d.itemId));
  const figureIssues = validateItems(items, basisOf(state)).filter((i) => i.itemId && writes.has(i.itemId));
  issues.push(...figureIssues);
  for (const id of new Set(figureIssues.map((i) => i.itemId!))) {
    const d = entryOf.get(id)!;
    // A change that was offered unselected stays unselected: it is left out unless chosen and fixed.
    d.change = 'blocked';
    if (!d.noteMsgs.some((m) => m.key === 'itemInvalid')) d.noteMsgs = [msg('itemInvalid'), ...d.noteMsgs];
    d.note = danish(d.noteMsgs);
  }

  // What each status does to its goal's attainment, with the items the preview selects at first
  // (the wizard says it again, live, for the user's own selection).
  const selected = items.filter((i) => {
    const d = entryOf.get(i.id);
    return d !== undefined && d.selectedByDefault && d.change !== 'blocked';
  });
  for (const [id, effect] of statusEffects(selected, basisOf(state))) {
    const note = effectNote(effect);
    const d = entryOf.get(id);
    if (!note || !d) continue;
    d.noteMsgs = [...d.noteMsgs, note];
    d.note = danish(d.noteMsgs);
  }
  if (statusesAfterRound > 0) {
    const m = msg(statusesAfterRound === 1 ? 'issueStatusesAfterRound_one' : 'issueStatusesAfterRound_other', { count: statusesAfterRound, dateRound: round!.date });
    issues.push({
      severity: 'warning',
      file: items.find((i) => i.type === 'status' && afterRound(i.reportedAt))!.source.file,
      location: '',
      message: danish([m]),
      msg: m,
    });
  }
  // Keep the diff in item order.
  const order = new Map(items.map((i, k) => [i.id, k]));
  diff.sort((a, b) => order.get(a.itemId)! - order.get(b.itemId)!);
  return { diff, issues };
}

function diffFact(
  item: Extract<ImportItem, { type: 'fact' }>,
  state: ProjectState,
  out: Out,
): void {
  const p = state.project;
  // Dates are named so that they are shown as dates in either language.
  const value = (v: unknown) => [item.field === 'periodStart' || item.field === 'periodEnd' ? msg('valueDate', { date: v as string | null }) : msg('valueText', { value: v as string | number | null })];
  if (item.value === null) return out(item, 'info', msg('factEmptyInSource'));
  if (!p) return out(item, 'new', msg('factNewProject'), null, value(item.value));
  const field: FactField = item.field;
  const current = p[field];
  if (field === 'name') {
    return same(String(current), String(item.value))
      ? out(item, 'unchanged', msg('factSameName'))
      : out(item, 'info', msg('factNameKept', { name: String(current) }), value(current), value(item.value));
  }
  const equal = typeof item.value === 'number' ? sameNumber(current as number | null, item.value) : same(String(current ?? ''), String(item.value));
  if (equal) return out(item, 'unchanged', msg('factUnchanged'));
  if (current === null || current === '') return out(item, 'new', msg('factFills'), null, value(item.value));
  return out(item, 'changed', msg('factOverwrites'), value(current), value(item.value));
}
