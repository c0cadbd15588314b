import type { GoalLevel, ImplementationParameter, Light, LightKind } from '../domain';

/**
 * Two evaluation rounds of one project side by side ("Sammenlign runder", and the report's
 * "Udvikling siden midtvejsevalueringen"): per goal, per parameter and per light, then and now.
 * Types only here; the pure function that builds it lives beside them.
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

export interface LightComparison {
  kind: LightKind;
  then: Light | null;
  now: Light | null;
  /** Why it is what it is now (basis figure, override reason), in Danish; '' when nothing to say. */
  why: string;
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
