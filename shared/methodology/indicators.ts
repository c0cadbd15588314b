import type { GoalLevel } from '../domain';

/**
 * "The same indicator" (METHODOLOGY.md section 11). Goals are pooled across projects only when a
 * person has linked them to one indicator. To spare retyping, goals of several projects with the
 * same level, unit and wording are suggested as one indicator, and an unlinked goal worded like
 * the goals of an existing indicator is suggested for that indicator; a suggestion is only
 * applied when the user confirms it.
 */

export interface IndicatorGoal {
  goalId: number;
  projectId: number;
  level: GoalLevel;
  code: string;
  description: string;
  unit: string;
  indicatorId: number | null;
}

export interface IndicatorDefinition {
  id: number;
  level: GoalLevel;
  name: string;
  unit: string;
}

export type IndicatorSuggestion =
  /** Link these goals (several projects, same wording) to a new indicator with this name and unit. */
  | { kind: 'new'; key: string; level: GoalLevel; name: string; unit: string; goalIds: number[]; projects: number }
  /** Link these unlinked goals to an existing indicator worded the same. */
  | { kind: 'existing'; key: string; indicatorId: number; level: GoalLevel; goalIds: number[]; projects: number };

/**
 * Text compared for "the same wording": Unicode-normalised, case and punctuation ignored,
 * every number one placeholder (one project's "300 virksomheder" is another's "250 virksomheder").
 */
export function normalizeWording(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .toLocaleLowerCase('da')
    .replace(/\d+(?:[.,\s]\d+)*/g, '#')
    .replace(/[^\p{L}\p{N}#]+/gu, ' ')
    .trim();
}

/** Level, unit and wording: the identity of a suggestion. */
export function wordingKey(level: GoalLevel, unit: string, wording: string): string {
  return `${level}|${normalizeWording(unit)}|${normalizeWording(wording)}`;
}

export function suggestIndicatorLinks(goals: IndicatorGoal[], indicators: IndicatorDefinition[]): IndicatorSuggestion[] {
  // Linear in the goals (a national portfolio has 150,000): each wording is normalised once,
  // indicators are found by id, and the groups grow in place.
  // Portfolios repeat their wordings (that is what a suggestion finds): each distinct text is normalised once.
  const normalised = new Map<string, string>();
  const normal = (text: string): string => {
    let n = normalised.get(text);
    if (n === undefined) normalised.set(text, (n = normalizeWording(text)));
    return n;
  };
  const keyOf = (level: GoalLevel, unit: string, wording: string) => `${level}|${normal(unit)}|${normal(wording)}`;
  const indicatorById = new Map(indicators.map((i) => [i.id, i]));
  const byKey = new Map<string, IndicatorDefinition>();
  // An indicator is known by its own wording and by the wording of every goal already linked to it.
  for (const indicator of indicators) byKey.set(keyOf(indicator.level, indicator.unit, indicator.name), indicator);
  for (const g of goals) {
    if (g.indicatorId === null) continue;
    const indicator = indicatorById.get(g.indicatorId);
    if (indicator && indicator.level === g.level) {
      const key = keyOf(g.level, g.unit, g.description);
      if (!byKey.has(key)) byKey.set(key, indicator);
    }
  }

  const toExisting = new Map<number, IndicatorGoal[]>();
  const groups = new Map<string, IndicatorGoal[]>();
  const addTo = <K>(map: Map<K, IndicatorGoal[]>, key: K, g: IndicatorGoal) => {
    const list = map.get(key);
    if (list) list.push(g);
    else map.set(key, [g]);
  };
  for (const g of goals) {
    if (g.indicatorId !== null) continue;
    if (normal(g.description) === '') continue;
    const key = keyOf(g.level, g.unit, g.description);
    const known = byKey.get(key);
    if (known) addTo(toExisting, known.id, g);
    else addTo(groups, key, g);
  }

  const projectsOf = (list: IndicatorGoal[]) => new Set(list.map((g) => g.projectId)).size;
  const out: IndicatorSuggestion[] = [];
  for (const [indicatorId, list] of toExisting) {
    const indicator = indicatorById.get(indicatorId)!;
    out.push({ kind: 'existing', key: `indicator:${indicatorId}`, indicatorId, level: indicator.level, goalIds: list.map((g) => g.goalId), projects: projectsOf(list) });
  }
  for (const [key, list] of groups) {
    // One project's own goals are its own indicators; a suggestion needs goals of two projects.
    const projects = projectsOf(list);
    if (projects < 2) continue;
    const first = list[0];
    out.push({
      kind: 'new',
      key: `new:${key}`,
      level: first.level,
      name: first.description.trim(),
      unit: first.unit.trim(),
      goalIds: list.map((g) => g.goalId),
      projects,
    });
  }
  return out;
}
