import type { GoalLevel, Light, LightKind } from '../domain';
import { formatDanishKr, formatDanishNumber, formatDanishPercent } from '../numbers/danish';
import { budgetCheck } from './budget';
import { effectSuggestion } from './effect';
import { classifyGoalPercent, goalAttainment, levelAttainment } from './goals';
import { implementationResult } from './implementation';
import type { MethodologyProfile } from './profile';
import { progress } from './progress';
import { roundHalfUp } from './rounding';
import type {
  BudgetResult,
  EvaluationInput,
  EvaluationSummary,
  ImplementationResult,
  LevelResult,
  LightOutcome,
  ProgressInput,
  ProgressResult,
  Warning,
} from './types';

/**
 * One evaluation from inputs to the three lights, progress, budget and all warnings. The engine
 * suggests; the evaluator's override (with its reason) decides, and both are kept.
 */

const LIGHT_DA: Record<Light, string> = { green: 'grøn', yellow: 'gul', red: 'rød' };
const LEVEL_DA: Record<GoalLevel, string> = { A: 'aktivitetsmål', B: 'outputmål', C: 'effektmål' };

function outcome(
  input: EvaluationInput,
  kind: LightKind,
  suggested: Light | null,
  basis: LightOutcome['basis'],
  explanation: LightOutcome['explanation'] = null,
): LightOutcome {
  const decision = input.decisions.find((d) => d.kind === kind);
  const override = decision?.override ?? null;
  return {
    kind,
    suggested,
    override,
    reason: decision?.reason ?? '',
    final: override ?? suggested,
    overridden: override !== null && override !== suggested,
    basis,
    explanation,
  };
}

/** Output goals carry the light; a project without any falls back to its activity goals. */
function goalLightLevel(levels: Record<GoalLevel, LevelResult>): LevelResult | null {
  if (levels.B.counted > 0) return levels.B;
  if (levels.A.counted > 0) return levels.A;
  return null;
}

const months = (v: number | null) => (v === null ? '–' : formatDanishNumber(v, Number.isInteger(v) ? 0 : 1));

function projectWarnings(
  input: EvaluationInput,
  profile: MethodologyProfile,
  implementation: ImplementationResult,
  budget: BudgetResult,
  prog: ProgressResult,
  basisLevel: LevelResult | null,
  lights: Record<LightKind, LightOutcome>,
): Warning[] {
  const warnings: Warning[] = [];
  const p: ProgressInput = input.progress;

  if (implementation.provisional) {
    warnings.push({
      code: 'provisionalImplementation',
      params: { scored: implementation.scored, required: implementation.required },
      message: `Implementering: foreløbig score, ${implementation.scored} af ${implementation.required} parametre er scoret`,
    });
  }

  if (input.budgetLines.length > 0 && input.financing.length > 0 && !budget.balanced) {
    warnings.push({
      code: 'budgetFinancingMismatch',
      params: { budgetKr: budget.totalKr, financingKr: budget.financingTotalKr, differenceKr: budget.differenceKr },
      message:
        `Budget: budgettet ${formatDanishKr(budget.totalKr)} svarer ikke til finansieringen ` +
        `${formatDanishKr(budget.financingTotalKr)} (forskel ${formatDanishKr(budget.differenceKr)})`,
    });
  }

  if (budget.projectTotal && !budget.projectTotal.ok) {
    const t = budget.projectTotal;
    warnings.push({
      code: 'budgetLinesTotalDiffers',
      params: { budgetKr: budget.totalKr, projectKr: t.projectTotalKr, differenceKr: t.differenceKr },
      message:
        `Budget: budgetlinjerne giver i alt ${formatDanishKr(budget.totalKr, Number.isInteger(budget.totalKr) ? 0 : 2)}, ` +
        `projektets samlede budget er ${formatDanishKr(t.projectTotalKr)} (forskel ${formatDanishKr(t.differenceKr, Number.isInteger(t.differenceKr) ? 0 : 2)})`,
    });
  }

  for (const check of budget.indirectChecks.filter((c) => !c.ok)) {
    warnings.push({
      code: 'indirectCostMismatch',
      params: {
        year: check.year,
        costType: check.costType,
        claimedPercent: check.claimedPercent,
        expectedKr: check.expectedKr,
        actualKr: check.actualKr,
      },
      message:
        `Budget ${check.year}: "${check.costType}" er ${formatDanishKr(check.actualKr)}, men ` +
        `${formatDanishNumber(check.claimedPercent, Number.isInteger(check.claimedPercent) ? 0 : 2)} % af de direkte ` +
        `udgifter ${formatDanishKr(check.directKr)} er ${formatDanishKr(check.expectedKr)}`,
    });
  }

  if (prog.burnFlag === 'under' || prog.burnFlag === 'over') {
    const ratio = formatDanishNumber(prog.burnRatio ?? 0, 2);
    const budgetPct = formatDanishPercent(prog.budget.displayPercent);
    const timePct = formatDanishPercent(prog.time.displayPercent);
    warnings.push(
      prog.burnFlag === 'under'
        ? {
            code: 'burnUnder',
            params: { ratio: prog.burnRatio, bound: profile.burnRatio.under },
            message: `Fremdrift: forbrugsrate ${ratio} (budgetforbrug ${budgetPct} / tidsforbrug ${timePct}) er under ${formatDanishNumber(profile.burnRatio.under, 1)}: muligt underforbrug`,
          }
        : {
            code: 'burnOver',
            params: { ratio: prog.burnRatio, bound: profile.burnRatio.over },
            message: `Fremdrift: forbrugsrate ${ratio} (budgetforbrug ${budgetPct} / tidsforbrug ${timePct}) er over ${formatDanishNumber(profile.burnRatio.over, 1)}: muligt overforbrug`,
          },
    );
  }

  if (prog.time.reportedDiffers) {
    warnings.push({
      code: 'timeReportedDiffers',
      params: {
        reportedElapsed: p.monthsElapsedReported,
        reportedTotal: p.monthsTotalReported,
        computedElapsed: prog.time.computedElapsedMonths,
        computedTotal: prog.time.computedTotalMonths,
      },
      message:
        `Tidsforbrug: rapporteret ${months(p.monthsElapsedReported)} af ${months(p.monthsTotalReported)} måneder, ` +
        `bevillingsperioden giver ${months(prog.time.computedElapsedMonths)} af ${months(prog.time.computedTotalMonths)} måneder`,
    });
  }

  if (
    p.budgetTotalReportedKr !== null &&
    p.totalBudgetKr !== null &&
    Math.abs(p.budgetTotalReportedKr - p.totalBudgetKr) > profile.budgetToleranceKr
  ) {
    warnings.push({
      code: 'budgetReportedDiffers',
      params: { reportedKr: p.budgetTotalReportedKr, projectKr: p.totalBudgetKr },
      message:
        `Budgetforbrug: rapporteret samlet budget ${formatDanishKr(p.budgetTotalReportedKr)} afviger fra ` +
        `projektets samlede budget ${formatDanishKr(p.totalBudgetKr)}`,
    });
  }

  if (basisLevel?.cappingChangesLight && basisLevel.light && basisLevel.alternativeAverage !== null) {
    const alternativeDisplay = roundHalfUp(basisLevel.alternativeAverage);
    const alternativeLight = classifyGoalPercent(alternativeDisplay, input.evaluationType, profile).light;
    const [capped, uncapped] = profile.capAt100
      ? [basisLevel.displayAverage, alternativeDisplay]
      : [alternativeDisplay, basisLevel.displayAverage];
    warnings.push({
      code: 'cappingChangesLight',
      params: {
        level: basisLevel.level,
        light: basisLevel.light,
        alternativeLight,
        cappedPercent: capped,
        uncappedPercent: uncapped,
      },
      message:
        `Målopnåelse (${LEVEL_DA[basisLevel.level]}): med loft på 100 % pr. mål er gennemsnittet ` +
        `${formatDanishPercent(capped)}, uden loft ${formatDanishPercent(uncapped)}; lyset ville skifte fra ` +
        `${LIGHT_DA[basisLevel.light]} til ${LIGHT_DA[alternativeLight]}`,
    });
  }

  for (const light of Object.values(lights)) {
    if (light.overridden && light.override !== null && light.reason.trim() === '') {
      warnings.push({
        code: 'overrideWithoutReason',
        params: { kind: light.kind, override: light.override },
        message: `Trafiklys (${light.kind}): overstyret til ${LIGHT_DA[light.override]} uden begrundelse`,
      });
    }
  }
  return warnings;
}

export function evaluate(input: EvaluationInput, profile: MethodologyProfile): EvaluationSummary {
  const { evaluationType } = input;
  const levels: Record<GoalLevel, LevelResult> = {
    A: levelAttainment(input.goals, 'A', evaluationType, profile),
    B: levelAttainment(input.goals, 'B', evaluationType, profile),
    C: levelAttainment(input.goals, 'C', evaluationType, profile),
  };
  const implementation = implementationResult(input.scores, profile);
  const prog = progress(input.progress, profile);
  const budget = budgetCheck(input.budgetLines, input.financing, profile, input.progress.totalBudgetKr);

  const basisLevel = goalLightLevel(levels);
  const effect = effectSuggestion(levels.C, evaluationType, profile);
  const lights: Record<LightKind, LightOutcome> = {
    implementation: outcome(input, 'implementation', implementation.light, null),
    goals: outcome(
      input,
      'goals',
      basisLevel?.light ?? null,
      basisLevel ? { level: basisLevel.level, displayPercent: basisLevel.displayAverage } : null,
    ),
    effect: outcome(
      input,
      'effect',
      effect.light,
      levels.C.counted > 0 ? { level: 'C', displayPercent: levels.C.displayAverage } : null,
      effect.explanation,
    ),
  };

  const outputDisplay = levels.B.displayAverage;
  const timeDisplay = prog.time.displayPercent;
  const goalWarnings = input.goals.flatMap((g) => goalAttainment(g, profile).warnings);

  return {
    evaluationType,
    levels,
    implementation,
    lights,
    progress: prog,
    budget,
    gapOutputVsTime: outputDisplay === null || timeDisplay === null ? null : outputDisplay - timeDisplay,
    warnings: [
      ...goalWarnings,
      ...projectWarnings(input, profile, implementation, budget, prog, basisLevel, lights),
    ],
  };
}
