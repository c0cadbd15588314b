import type { GoalLevel, ImplementationParameter, Light, LightKind } from '../domain';
import { IMPLEMENTATION_PARAMETERS, LIGHT_KINDS } from '../domain';
import { formatDanishNumber, formatDanishPercent } from '../numbers/danish';
import type { EvaluationSummary, GoalInput } from './types';

/**
 * Two evaluation rounds of one project side by side ("Sammenlign runder", and the report's
 * "Udvikling siden midtvejsevalueringen"): per goal, per parameter and per light, then and now.
 * Built from what the engine computed for each round; nothing is recomputed here.
 */

export interface GoalFigures {
  target: number | null;
  status: number | null;
  /** Integer percent as displayed; null when not computed (no target, not reported ...). */
  percent: number | null;
}

export interface GoalComparison {
  code: string;
  level: GoalLevel;
  description: string;
  /** null when the goal did not exist (or had no figures) in that round. */
  then: GoalFigures | null;
  now: GoalFigures | null;
  /** now.percent - then.percent in percentage points; null when either is missing. */
  changePoints: number | null;
}

export interface ParameterComparison {
  parameter: ImplementationParameter;
  then: number | null;
  now: number | null;
}

/**
 * What a round's light rests on, as data, so that every language can say it: the suggestion and
 * the figure behind it (the implementation average, or a level's displayed percent), and the
 * evaluator's override with its reason.
 */
export interface LightBasis {
  suggested: Light | null;
  /** The evaluator's choice when it differs from the suggestion; null when the suggestion stands. */
  override: Light | null;
  /**
   * The evaluator's written reason for the decision: for an override, or for a decision that
   * confirms the suggestion (003's effect light is the evaluator's judgement, with its reason,
   * even where it agrees with the goals); '' when the evaluator wrote none.
   */
  reason: string;
  figure: { kind: 'score'; value: number | null } | { kind: 'level'; level: GoalLevel; percent: number | null } | null;
}

export interface LightComparison {
  kind: LightKind;
  then: Light | null;
  now: Light | null;
  /** Why it is what it is now (basis figure, override reason), in Danish; '' when nothing to say. */
  why: string;
  /** The same, structured, for the earlier and the later round (the UI phrases it per language). */
  thenBasis: LightBasis | null;
  nowBasis: LightBasis | null;
}

export interface RoundComparison {
  earlierEvaluationId: number;
  laterEvaluationId: number;
  goals: GoalComparison[];
  parameters: ParameterComparison[];
  /** Implementation average (rounded to one decimal) then and now. */
  implementation: { then: number | null; now: number | null };
  lights: LightComparison[];
}

/** One round as the engine saw it: its goals with the status in force at its date, and its summary. */
export interface ComparedRound {
  evaluationId: number;
  goals: GoalInput[];
  summary: EvaluationSummary;
}

function goalFigures(round: ComparedRound, code: string): GoalFigures | null {
  const goal = round.goals.find((g) => g.code === code);
  if (!goal) return null;
  const result = round.summary.levels[goal.level].goals.find((g) => g.code === code);
  const figures: GoalFigures = {
    target: goal.targetInPeriod,
    status: goal.status?.value ?? null,
    percent: result?.displayPercent ?? null,
  };
  return figures.target === null && figures.status === null && figures.percent === null ? null : figures;
}

export function lightBasis(summary: EvaluationSummary, kind: LightKind): LightBasis {
  const outcome = summary.lights[kind];
  // An "override" equal to the suggestion changes nothing: the suggestion stands.
  const override = outcome.override !== null && outcome.override !== outcome.suggested ? outcome.override : null;
  let figure: LightBasis['figure'] = null;
  if (kind === 'implementation') figure = { kind: 'score', value: summary.implementation.rounded };
  else if (outcome.basis?.level) figure = { kind: 'level', level: outcome.basis.level, percent: outcome.basis.displayPercent };
  return { suggested: outcome.suggested, override, reason: outcome.override !== null ? outcome.reason.trim() : '', figure };
}

const LIGHT_DA: Record<Light, string> = { green: 'grøn', yellow: 'gul', red: 'rød' };
const LEVEL_DA: Record<GoalLevel, string> = { A: 'aktivitetsmål', B: 'outputmål', C: 'effektmål' };

/** "gennemsnitlig score 3,8", "outputmål 94 %", or null when the suggestion rests on nothing. */
function figureDa(figure: LightBasis['figure']): string | null {
  if (!figure) return null;
  if (figure.kind === 'score') return figure.value === null ? null : `gennemsnitlig score ${formatDanishNumber(figure.value, 1)}`;
  return figure.percent === null ? null : `${LEVEL_DA[figure.level]} ${formatDanishPercent(figure.percent)}`;
}

/**
 * Why a light is what it is, in Danish: "Forslag ud fra outputmål 94 %.", the same followed by
 * "Evaluators begrundelse: ..." when the evaluator confirmed it in writing, or "Tilsidesat af
 * evaluator (forslag: grøn ud fra outputmål 94 %): <begrundelse>".
 */
export function lightWhyDa(basis: LightBasis | null): string {
  if (!basis) return '';
  const figure = figureDa(basis.figure);
  if (basis.override) {
    const suggestion = basis.suggested ? `${LIGHT_DA[basis.suggested]}${figure ? ` ud fra ${figure}` : ''}` : 'intet lys';
    return `Tilsidesat af evaluator (forslag: ${suggestion}): ${basis.reason}`;
  }
  const base = basis.suggested === null ? (figure ? `Intet forslag endnu (${figure}).` : '') : figure ? `Forslag ud fra ${figure}.` : '';
  return basis.reason ? `${base ? `${base} ` : ''}Evaluators begrundelse: ${basis.reason}` : base;
}

/**
 * The two rounds compared. Goals are matched by code and listed in the later round's order, then
 * any that only the earlier round had; the change is the difference of the displayed percents,
 * so it always agrees with the two figures beside it.
 */
export function compareRounds(earlier: ComparedRound, later: ComparedRound): RoundComparison {
  const codes: { code: string; level: GoalLevel; description: string }[] = [];
  for (const g of [...later.goals, ...earlier.goals]) {
    if (!codes.some((c) => c.code === g.code)) codes.push({ code: g.code, level: g.level, description: g.description });
  }
  const goals = codes.map(({ code, level, description }): GoalComparison => {
    const then = goalFigures(earlier, code);
    const now = goalFigures(later, code);
    const changePoints = then?.percent != null && now?.percent != null ? now.percent - then.percent : null;
    return { code, level, description, then, now, changePoints };
  });
  const parameters = IMPLEMENTATION_PARAMETERS.map((parameter) => ({
    parameter,
    then: earlier.summary.implementation.scores[parameter] ?? null,
    now: later.summary.implementation.scores[parameter] ?? null,
  }));
  const lights = LIGHT_KINDS.map((kind): LightComparison => {
    const thenBasis = lightBasis(earlier.summary, kind);
    const nowBasis = lightBasis(later.summary, kind);
    return {
      kind,
      then: earlier.summary.lights[kind].final,
      now: later.summary.lights[kind].final,
      why: lightWhyDa(nowBasis),
      thenBasis,
      nowBasis,
    };
  });
  return {
    earlierEvaluationId: earlier.evaluationId,
    laterEvaluationId: later.evaluationId,
    goals,
    parameters,
    implementation: { then: earlier.summary.implementation.rounded, now: later.summary.implementation.rounded },
    lights,
  };
}
