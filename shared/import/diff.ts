import type { BudgetLine, Evaluation, FinancingSource, Goal, Project, StatusReport, SurveyIndicator } from '../domain';
import { formatDanishNumber } from '../numbers/danish';
import { formatDanishDate } from '../numbers/danishDate';
import type { FactField, ImportIssue, ImportItem, ItemDiff } from './items';

/**
 * The diff of found items against what a project holds (pure): new, changed (overwrites a
 * stored value), unchanged (importing the same file again changes nothing), blocked (can't be
 * applied as it is: a status without date, a code that matches no goal) or info (shown only).
 */

export interface ProjectState {
  project: Project | null;
  goals: Goal[];
  statusReports: StatusReport[];
  budgetLines: BudgetLine[];
  financing: FinancingSource[];
  evaluation: Evaluation | null;
  survey: SurveyIndicator[];
}

export const EMPTY_STATE: ProjectState = {
  project: null,
  goals: [],
  statusReports: [],
  budgetLines: [],
  financing: [],
  evaluation: null,
  survey: [],
};

export interface DiffOptions {
  /** Files whose goal codes must match the project's goals (status reports), when it has any. */
  strictFiles?: ReadonlySet<string>;
  /**
   * Files a grant recipient filled in (the status-report template): their goal texts and targets
   * are the recipient's shorthand, not the grant's, so a change to a goal is offered unselected.
   */
  recipientFiles?: ReadonlySet<string>;
}

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

/** A value as the preview shows it: Danish numbers (19.037; 19.500.000,5), '–' for missing. */
const show = (v: unknown): string => {
  if (v === null || v === undefined || v === '') return '–';
  if (typeof v === 'number') return formatDanishNumber(v, Math.min(2, (String(v).split('.')[1] ?? '').length));
  return String(v);
};
const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const sameNumber = (a: number | null, b: number | null) => (a === null ? b === null : b !== null && Math.abs(a - b) < 0.005);

export function diffItems(items: ImportItem[], state: ProjectState, options: DiffOptions = {}): DiffResult {
  const issues: ImportIssue[] = [];
  const diff: ItemDiff[] = [];
  const goalsByCode = new Map(state.goals.map((g) => [g.code.toUpperCase(), g]));
  const err = (item: ImportItem, message: string) =>
    issues.push({ severity: 'error', file: item.source.file, location: item.source.location, message, itemId: item.id });
  const out = (item: ImportItem, change: ItemDiff['change'], note: string, before: string | null = null, after: string | null = null, selectedByDefault = true) =>
    diff.push({ itemId: item.id, change, overwrites: change === 'changed', before, after, note, selectedByDefault: selectedByDefault && ['new', 'changed', 'blocked'].includes(change) });
  const round = state.evaluation;
  const afterRound = (date: string | null) => round !== null && date !== null && date > round.date;
  const roundText = round ? `evalueringsrunden pr. ${formatDanishDate(round.date)}` : '';
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
        out(item, 'unchanged', `Samme mål som i ${earlier.source.file} (${earlier.source.location}).`);
        continue;
      }
      err(item, `Målkoden ${code} optræder to gange: ${earlier.source.file} (${earlier.source.location}) og ${item.source.file} (${item.source.location}).`);
      out(item, 'blocked', `Dobbelt målkode ${code}.`);
      continue;
    }
    importedGoals.set(code, item);
    const existing = goalsByCode.get(code);
    if (!existing) {
      const strict = options.strictFiles?.has(item.source.file) && state.goals.length > 0;
      if (strict) {
        err(item, `Målkoden ${code} matcher intet mål i projektet "${state.project?.name ?? ''}" (der har ${state.goals.map((g) => g.code).join(', ')}).`);
        out(item, 'blocked', `Kode ${code} findes ikke i projektet.`);
        blockedCodes.add(code);
      } else out(item, 'new', `Nyt mål ${code}.`, null, `${code}: mål ${show(item.targetInPeriod)}`);
      continue;
    }
    const changes: string[] = [];
    const before: string[] = [];
    if (item.level !== existing.level) {
      changes.push(`niveau ${item.level}`);
      before.push(`niveau ${existing.level}`);
    }
    if (item.targetInPeriod !== null && !sameNumber(item.targetInPeriod, existing.targetInPeriod)) {
      changes.push(`mål ${show(item.targetInPeriod)}`);
      before.push(`mål ${show(existing.targetInPeriod)}`);
    }
    if (item.targetAfterPeriod !== null && !sameNumber(item.targetAfterPeriod, existing.targetAfterPeriod)) {
      changes.push(`mål efter perioden ${show(item.targetAfterPeriod)}`);
      before.push(`mål efter perioden ${show(existing.targetAfterPeriod)}`);
    }
    if (item.description && existing.description && !same(item.description, existing.description)) {
      changes.push(`beskrivelse "${item.description}"`);
      before.push(`beskrivelse "${existing.description}"`);
    }
    if (item.description && !existing.description) changes.push(`beskrivelse "${item.description}"`);
    if (changes.length === 0) out(item, 'unchanged', `Målet ${code} er som i projektet.`);
    else if (item.codeSuggested)
      out(
        item,
        'changed',
        `Målet er genkendt som ${code} ud fra teksten (filen har ingen målkoder) og er formuleret anderledes; projektets mål bevares, medmindre du vælger punktet.`,
        before.join('; ') || null,
        changes.join('; '),
        false,
      );
    else if (options.recipientFiles?.has(item.source.file))
      out(
        item,
        'changed',
        `Statusrapporten beskriver målet ${code} anderledes end projektet; projektets mål bevares, medmindre du vælger punktet.`,
        before.join('; ') || null,
        changes.join('; '),
        false,
      );
    else out(item, 'changed', `Målet ${code} ændres.`, before.join('; ') || null, changes.join('; '));
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
          out(item, 'blocked', `Målet ${code} kan ikke importeres (se målet), og derfor heller ikke dets status.`);
          break;
        }
        if (!goal && !importedGoals.has(code)) {
          err(item, `Status for ${code}: koden matcher intet mål i projektet${state.goals.length ? ` (der har ${state.goals.map((g) => g.code).join(', ')})` : ''}.`);
          out(item, 'blocked', `Kode ${code} findes ikke.`);
          break;
        }
        if (!item.reportedAt) {
          out(item, 'blocked', `Status for ${code} har ingen rapporteringsdato; udfyld den for at gemme.`);
          break;
        }
        // A report is its goal, date and value; the file it came from is provenance only, so the
        // same report from a renamed copy or a second file changes nothing.
        const key = `${code}|${item.reportedAt}|${item.value}`;
        if (seenStatuses.has(key)) {
          out(item, 'unchanged', 'Samme status optræder tidligere i importen.');
          break;
        }
        seenStatuses.add(key);
        const reports = goal ? state.statusReports.filter((r) => r.goalId === goal.id) : [];
        const duplicate = reports.find((r) => r.reportedAt === item.reportedAt && sameNumber(r.value, item.value));
        if (duplicate) {
          out(item, 'unchanged', `Status ${show(item.value)} pr. ${formatDanishDate(item.reportedAt)} er allerede gemt (fra ${duplicate.source.file || 'manuel indtastning'}).`);
          break;
        }
        const sameDate = reports.find((r) => r.reportedAt === item.reportedAt);
        const late = afterRound(item.reportedAt);
        if (late) statusesAfterRound += 1;
        out(
          item,
          'new',
          `Ny statusrapport for ${code} (tilføjes; tidligere rapporter bevares)` +
            (sameDate ? `; der findes allerede en rapport pr. ${formatDanishDate(item.reportedAt)} med værdien ${show(sameDate.value)}` : '') +
            (late ? `; dateret efter ${roundText}, så den tæller først i en senere runde` : '') +
            '.',
          null,
          `${show(item.value)} pr. ${formatDanishDate(item.reportedAt)}`,
        );
        break;
      }
      case 'progress': {
        const e = state.evaluation;
        const after = `budget ${show(item.budgetSpentKr)} af ${show(item.budgetTotalKr)} kr., ${show(item.monthsElapsed)} af ${show(item.monthsTotal)} måneder`;
        if (!e) {
          out(item, 'new', 'Gemmes på en ny evalueringsrunde.', null, after);
          break;
        }
        const stored = [e.budgetSpentKr, e.budgetTotalReportedKr, e.monthsElapsedReported, e.monthsTotalReported];
        const found = [item.budgetSpentKr, item.budgetTotalKr, item.monthsElapsed, item.monthsTotal];
        const before = `budget ${show(e.budgetSpentKr)} af ${show(e.budgetTotalReportedKr)} kr., ${show(e.monthsElapsedReported)} af ${show(e.monthsTotalReported)} måneder`;
        if (stored.every((v, k) => found[k] === null || sameNumber(v, found[k])) && (item.reportedAt === null || item.reportedAt === e.progressReportedAt))
          out(item, 'unchanged', 'Budget- og tidsforbrug er som i evalueringen.');
        else if (stored.every((v) => v === null))
          out(item, 'new', `Budget- og tidsforbrug udfyldes på ${roundText}${afterRound(item.reportedAt) ? ` (rapporten er dateret ${formatDanishDate(item.reportedAt!)}, efter runden)` : ''}.`, null, after);
        else if (afterRound(item.reportedAt))
          out(
            item,
            'changed',
            `Rapporten er dateret ${formatDanishDate(item.reportedAt!)}, efter ${roundText}: runden beholder sine tal, medmindre du vælger punktet (eller starter en ny runde).`,
            before,
            after,
            false,
          );
        else if (e.progressReportedAt && (item.reportedAt === null || item.reportedAt < e.progressReportedAt))
          // Older (or undated) figures never replace newer ones unless the user says so.
          out(
            item,
            'changed',
            `${item.reportedAt ? `Rapporten er dateret ${formatDanishDate(item.reportedAt)}` : 'Rapporten har ingen dato'}, men runden har tal pr. ${formatDanishDate(e.progressReportedAt)}: de nyeste tal bevares, medmindre du vælger punktet.`,
            before,
            after,
            false,
          );
        else out(item, 'changed', `Budget- og tidsforbrug på ${roundText} overskrives.`, before, after);
        break;
      }
      case 'scoreAverage':
        out(item, 'info', 'Vises til sammenligning; implementeringsscoren gemmes pr. parameter og beregnes.', null, show(item.value));
        break;
      case 'budgetLine': {
        const existing = state.budgetLines.find((b) => b.year === item.year && same(b.costType, item.costType));
        const after = `${item.costType} ${item.year}: ${show(item.amountKr)} kr.`;
        if (!existing) out(item, 'new', 'Ny budgetlinje.', null, after);
        else if (sameNumber(existing.amountKr, item.amountKr) && sameNumber(existing.percentOfDirect, item.percentOfDirect))
          out(item, 'unchanged', 'Budgetlinjen er som i projektet.');
        else out(item, 'changed', 'Budgetlinjen overskrives.', `${show(existing.amountKr)} kr.`, after);
        break;
      }
      case 'financing': {
        const existing = state.financing.find((f) => same(f.name, item.name));
        if (!existing) out(item, 'new', 'Ny finansieringskilde.', null, `${item.name}: ${show(item.amountKr)} kr.`);
        else if (sameNumber(existing.amountKr, item.amountKr)) out(item, 'unchanged', 'Finansieringskilden er som i projektet.');
        else out(item, 'changed', 'Beløbet overskrives.', `${show(existing.amountKr)} kr.`, `${show(item.amountKr)} kr.`);
        break;
      }
      case 'survey': {
        const existing = state.survey.find((s) => same(s.group, item.group) && same(s.statement, item.statement));
        const after = `${item.positive} ud af ${item.n} (${item.scale}-punkt)`;
        if (!existing) out(item, 'new', state.evaluation ? 'Ny spørgeskemaindikator.' : 'Ny spørgeskemaindikator på en ny evalueringsrunde.', null, after);
        else if (existing.positive === item.positive && existing.n === item.n && existing.scale === item.scale)
          out(item, 'unchanged', 'Indikatoren er som i evalueringen.');
        else out(item, 'changed', 'Indikatoren overskrives.', `${existing.positive} ud af ${existing.n}`, after);
        break;
      }
    }
  }
  if (statusesAfterRound > 0)
    issues.push({
      severity: 'warning',
      file: items.find((i) => i.type === 'status' && afterRound(i.reportedAt))!.source.file,
      location: '',
      message: `${statusesAfterRound} ${statusesAfterRound === 1 ? 'status er' : 'statusser er'} dateret efter ${roundText} og tæller ikke i den; start en ny evalueringsrunde for at se ${statusesAfterRound === 1 ? 'den' : 'dem'}.`,
    });
  // Keep the diff in item order.
  const order = new Map(items.map((i, k) => [i.id, k]));
  diff.sort((a, b) => order.get(a.itemId)! - order.get(b.itemId)!);
  return { diff, issues };
}

function diffFact(
  item: Extract<ImportItem, { type: 'fact' }>,
  state: ProjectState,
  out: (item: ImportItem, change: ItemDiff['change'], note: string, before?: string | null, after?: string | null) => void,
): void {
  const p = state.project;
  if (item.value === null) return out(item, 'info', 'Feltet er tomt i kilden.');
  if (!p) return out(item, 'new', 'Udfyldes på det nye projekt.', null, show(item.value));
  const field: FactField = item.field;
  const current = p[field];
  if (field === 'name') {
    return same(String(current), String(item.value))
      ? out(item, 'unchanged', 'Projektnavnet er det samme.')
      : out(item, 'info', `Projektnavnet ændres ikke ved import (projektet hedder "${current}").`, show(current), show(item.value));
  }
  const equal = typeof item.value === 'number' ? sameNumber(current as number | null, item.value) : same(String(current ?? ''), String(item.value));
  if (equal) return out(item, 'unchanged', 'Som i projektet.');
  if (current === null || current === '') return out(item, 'new', 'Feltet er tomt i projektet og udfyldes.', null, show(item.value));
  return out(item, 'changed', 'Feltet overskrives.', show(current), show(item.value));
}
