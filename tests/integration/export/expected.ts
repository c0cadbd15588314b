import type { EvaluationDetail, ProjectDetail } from '../../../shared/contracts/views';
import type { Light } from '../../../shared/domain';
import type { CellResult } from '../../../electron/export/sheetKit';

/**
 * The app's own figures (the engine's EvaluationSummary) under the workbook's figure keys.
 * Written from the summary alone, never from the workbook, so the tests compare two engines.
 */
const WORD: Record<Light, string> = { green: 'Grøn', yellow: 'Gul', red: 'Rød' };
const word = (l: Light | null) => (l ? WORD[l] : '');

export function expectedEvaluationFigures(detail: EvaluationDetail, project: ProjectDetail): Record<string, CellResult> {
  const s = detail.summary;
  const out: Record<string, CellResult> = {};
  for (const level of ['A', 'B', 'C'] as const) {
    const L = s.levels[level];
    for (const g of L.goals) {
      out[`goal.${g.code}.percent`] = g.state === 'noTarget' ? 'intet mål' : g.state === 'noBaseline' ? 'ingen baseline' : g.percent;
      out[`goal.${g.code}.counted`] = g.counted && g.percent !== null ? (detail.profile.capAt100 ? Math.min(g.percent, 100) : g.percent) : null;
    }
    out[`level.${level}.average`] = L.average;
    out[`level.${level}.counted`] = L.counted;
    out[`level.${level}.reported`] = `${L.reported} af ${L.total}`;
    out[`level.${level}.light`] = word(L.light);
  }
  const impl = s.implementation;
  out['implementation.scored'] = impl.scored;
  out['implementation.average'] = impl.average;
  out['implementation.rounded'] = impl.rounded;
  out['implementation.light'] = word(impl.light);
  for (const kind of ['implementation', 'goals', 'effect'] as const) {
    out[`light.${kind}.final`] = word(s.lights[kind].final);
    out[`light.${kind}.suggested`] = word(s.lights[kind].suggested);
    out[`light.${kind}.override`] = word(s.lights[kind].override);
  }
  out['effect.suggested'] = word(s.lights.effect.suggested);
  out['effect.explanation'] = s.lights.effect.explanation?.message ?? '';
  const p = s.progress;
  out['budget.totalKr'] = p.budget.totalKr;
  out['budget.spentKr'] = p.budget.spentKr;
  out['budget.percent'] = p.budget.percent;
  out['time.totalMonths'] = p.time.totalMonths;
  out['time.elapsedMonths'] = p.time.elapsedMonths;
  out['time.percent'] = p.time.percent;
  out['time.computedTotalMonths'] = p.time.computedTotalMonths;
  out['time.computedElapsedMonths'] = p.time.computedElapsedMonths;
  out['time.computedPercent'] = p.time.computedPercent;
  out['burnRatio'] = p.burnRatio;
  out['burnFlag'] = p.burnFlag === null ? null : { under: 'Mulig underforbrug', over: 'Mulig overforbrug', ok: 'I balance' }[p.burnFlag];
  out['gapOutputVsTime'] = s.gapOutputVsTime;
  // Without budget lines or financing a total is missing (empty), not 0 kr.
  const hasLines = project.budgetLines.length > 0;
  const hasFinancing = project.financing.length > 0;
  out['budget.linesTotalKr'] = hasLines ? s.budget.totalKr : null;
  out['budget.financingTotalKr'] = hasFinancing ? s.budget.financingTotalKr : null;
  out['budget.differenceKr'] = hasLines && hasFinancing ? s.budget.differenceKr : null;
  out['budget.check'] = !hasLines
    ? 'Kan ikke afstemmes: ingen budgetlinjer'
    : !hasFinancing
      ? 'Kan ikke afstemmes: ingen finansiering'
      : s.budget.balanced
        ? 'I balance'
        : 'Ikke i balance';
  for (const item of detail.survey) {
    out[`survey.${item.id}.share`] = item.n === 0 ? null : (item.positive / item.n) * 100;
    out[`survey.${item.id}.text`] = `${item.positive} ud af ${item.n}`;
  }
  return out;
}

/** Does a recalculated CSV text equal the app's figure? Numbers to 12 significant digits. */
export function sameFigure(actual: string, expected: CellResult): boolean {
  if (expected === null || expected === '') return actual === '';
  if (typeof expected === 'number') {
    const n = Number(actual);
    if (actual === '' || !Number.isFinite(n)) return false;
    return Math.abs(n - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
  }
  return actual === String(expected);
}
