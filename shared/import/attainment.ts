import { goalAttainment } from '../methodology/goals';
import { inForceAt } from '../methodology/statusInForce';
import type { GoalDirection, GoalLevel } from '../domain';
import type { ImportBasis, ImportItem, StatusItem } from './items';
import { msg, type Msg } from './notes';

/**
 * What an imported status does to its goal's attainment in the round it counts in, so that the
 * preview says exactly what the import will do (issue 10, point 8). The attainment is the
 * engine's (`goalAttainment`) with the status in force at the round's date (`inForceAt`), as
 * the evaluation computes it after the import; nothing here computes a percent itself.
 */
export type StatusEffect =
  /** Becomes the status in force: the round's attainment goes from `before` to `after`. */
  | { kind: 'inForce'; before: number | null; after: number | null }
  /** Older than the status in force (stored, or another status of the import): stored as history. */
  | { kind: 'older'; inForce: { value: number | null; date: string }; fromImport: boolean; percent: number | null }
  /** Dated after the round: stored as history; the round keeps `percent`, a later round would show `later`. */
  | { kind: 'afterRound'; roundDate: string; percent: number | null; later: number | null }
  /** No date yet: it can't be saved until it has one. */
  | { kind: 'undated' };

interface GoalSpec {
  code: string;
  level: GoalLevel;
  targetInPeriod: number | null;
  direction: GoalDirection;
  baseline: number | null;
}

/**
 * The goal a status is weighed against after the import, by code: the stored goal with the
 * import's (last) goal item of that code over it. Indexed once, so that a preview of thousands of
 * items costs one pass, not one pass per status.
 */
export function goalSpecIndex(items: readonly ImportItem[], basis: ImportBasis): (code: string) => GoalSpec | null {
  const stored = new Map<string, GoalSpec>();
  for (const g of basis.goals) {
    const key = g.code.toUpperCase();
    if (!stored.has(key)) stored.set(key, g);
  }
  const goalItems = new Map<string, Extract<ImportItem, { type: 'goal' }>>();
  for (const i of items) if (i.type === 'goal') goalItems.set(i.code.toUpperCase(), i);
  return (code) => {
    const upper = code.toUpperCase();
    const before = stored.get(upper) ?? null;
    const item = goalItems.get(upper);
    return item ? goalItemOver(item, before) : before;
  };
}

/** A goal item of the import over the stored goal of its code (null: a new goal). */
export function goalItemOver(item: Extract<ImportItem, { type: 'goal' }>, before: GoalSpec | null): GoalSpec {
  return {
    code: item.code.toUpperCase(),
    level: item.level,
    // As applyImport writes it: a missing target in the file keeps the stored one.
    targetInPeriod: item.targetInPeriod ?? before?.targetInPeriod ?? null,
    direction: item.direction ?? before?.direction ?? 'higher',
    baseline: item.baseline !== undefined ? item.baseline : (before?.baseline ?? null),
  };
}

/** The engine's displayed attainment of a goal with a status value; null when it is left out (no target, no value ...). */
export function attainmentOf(goal: GoalSpec | null, value: number | null, basis: ImportBasis): number | null {
  if (!goal || value === null) return null;
  const result = goalAttainment(
    {
      code: goal.code,
      level: goal.level,
      description: '',
      unit: '',
      targetInPeriod: goal.targetInPeriod,
      targetAfterPeriod: null,
      direction: goal.direction,
      baseline: goal.baseline,
      status: { value, reportedAt: '', reportedBy: '', printedPercent: null, source: { file: '', location: '' } },
    },
    basis.profile,
  );
  return result.displayPercent;
}

/**
 * The effect of each status among `items` (the items that will be applied: goals and statuses
 * of the same import weigh in), against the stored goals and statuses of `basis`.
 */
export function statusEffects(items: readonly ImportItem[], basis: ImportBasis): Map<string, StatusEffect> {
  const effects = new Map<string, StatusEffect>();
  const roundDate = basis.round?.date ?? null;
  const byCode = new Map<string, StatusItem[]>();
  for (const i of items) {
    if (i.type !== 'status') continue;
    const key = i.code.toUpperCase();
    const list = byCode.get(key);
    if (list) list.push(i);
    else byCode.set(key, [i]);
  }
  const specAfter = goalSpecIndex(items, basis);
  const specBefore = goalSpecIndex([], basis);
  const reportsOf = new Map<string, ImportBasis['reports']>();
  for (const r of basis.reports) {
    const key = r.code.toUpperCase();
    const list = reportsOf.get(key);
    if (list) list.push(r);
    else reportsOf.set(key, [r]);
  }
  for (const [code, statuses] of byCode) {
    const stored = specBefore(code);
    const after = specAfter(code);
    const storedReports = reportsOf.get(code) ?? [];
    const before = inForceAt(storedReports, roundDate);
    const beforePercent = attainmentOf(stored, before?.value ?? null, basis);
    // The import's statuses are stored after the project's, so they win a tie of dates.
    type Candidate = { reportedAt: string; value: number | null; item: StatusItem | null };
    const candidates: Candidate[] = [
      ...storedReports.map((r) => ({ reportedAt: r.reportedAt, value: r.value, item: null })),
      ...statuses.flatMap((s) => (s.reportedAt ? [{ reportedAt: s.reportedAt, value: s.value, item: s }] : [])),
    ];
    const winner = inForceAt(candidates, roundDate);
    const roundPercent = attainmentOf(after, winner?.value ?? null, basis);
    for (const s of statuses) {
      if (!s.reportedAt) effects.set(s.id, { kind: 'undated' });
      else if (roundDate && s.reportedAt > roundDate)
        effects.set(s.id, { kind: 'afterRound', roundDate, percent: roundPercent, later: attainmentOf(after, s.value, basis) });
      else if (winner?.item === s) effects.set(s.id, { kind: 'inForce', before: beforePercent, after: attainmentOf(after, s.value, basis) });
      else if (winner)
        effects.set(s.id, { kind: 'older', inForce: { value: winner.value, date: winner.reportedAt }, fromImport: winner.item !== null, percent: roundPercent });
    }
  }
  return effects;
}

/** The keyed messages of the effect notes, which the renderer replaces by its own live ones. */
export const EFFECT_NOTE_KEYS: ReadonlySet<string> = new Set(['attainmentChanges', 'attainmentOlder', 'attainmentSuperseded', 'attainmentAfterRound']);

/** An effect as the preview's note says it. */
export function effectNote(effect: StatusEffect): Msg | null {
  switch (effect.kind) {
    case 'inForce':
      return msg('attainmentChanges', { percentBefore: effect.before, percentAfter: effect.after });
    case 'older':
      return effect.fromImport
        ? msg('attainmentSuperseded', { value: effect.inForce.value, date: effect.inForce.date, percent: effect.percent })
        : msg('attainmentOlder', { value: effect.inForce.value, date: effect.inForce.date, percent: effect.percent });
    case 'afterRound':
      return msg('attainmentAfterRound', { dateRound: effect.roundDate, percent: effect.percent, percentLater: effect.later });
    case 'undated':
      return null;
  }
}
