import type { Evaluation, Goal, StatusReport } from '../domain';
import type { Warning } from '../methodology/types';
import { formatDanishKr, formatDanishNumber, formatDanishPercent } from '../numbers/danish';
import { formatDanishDate } from '../numbers/danishDate';
import { reportLabels } from './labels';
import type { ReportLang } from './model';

/**
 * The notes under the report's tables (and the workbook's): where reported figures came from
 * (METHODOLOGY.md section 9), and the engine's warnings in the report's language.
 */

/**
 * "Note: Indrapporteret af Bevillingsmodtager 02.12.2022 (A1, A2). Bevillingsmodtager er ansvarlig
 * for, at måltallene er indrapporteret korrekt. Kilde: statusrapport.xlsx (Ark 'Mål', celle D5)."
 * One note per reporter and date; goal codes are named when more than one note is needed.
 */
export function goalProvenanceNotes(goals: Goal[], statuses: (StatusReport | null)[], lang: ReportLang = 'da'): string[] {
  const L = reportLabels(lang).provenance;
  const groups = new Map<string, { by: string; at: string; codes: string[]; files: Set<string> }>();
  goals.forEach((g, i) => {
    const s = statuses[i];
    if (!s) return;
    const key = `${s.reportedBy}\u0000${s.reportedAt}`;
    const group = groups.get(key) ?? { by: s.reportedBy, at: s.reportedAt, codes: [], files: new Set<string>() };
    group.codes.push(g.code);
    if (s.source.file) group.files.add(s.source.file + (s.source.location ? ` (${s.source.location})` : ''));
    groups.set(key, group);
  });
  if (goals.length === 0) return [];
  if (groups.size === 0) return [L.none];
  const many = groups.size > 1;
  return [...groups.values()].map((g) => {
    const by = g.by.trim();
    const files = [...g.files];
    const codes = many || g.codes.length < goals.length ? ` (${g.codes.join(', ')})` : '';
    const source = files.length ? L.source(`${files.slice(0, 3).join('; ')}${files.length > 3 ? L.more : ''}`) : '';
    // Without a reporter there is nobody to name as responsible: say that it is not recorded.
    return by ? L.goals(by, formatDanishDate(g.at), codes, source) : L.goalsNoReporter(formatDanishDate(g.at), codes, source);
  });
}

const approvalDate = (at: string | null) => (at && /^\d{4}-\d{2}-\d{2}/.test(at) ? formatDanishDate(at.slice(0, 10)) : '');

/**
 * Issue 13: the statuses in force that a case officer has not approved: one note naming the
 * reported ones, one per returned status with the comment. None when all are approved or entered by hand.
 */
export function goalApprovalNotes(goals: Goal[], statuses: (StatusReport | null)[], lang: ReportLang = 'da'): string[] {
  const L = reportLabels(lang).provenance;
  const reported = goals.filter((_, i) => statuses[i]?.approval?.state === 'reported').map((g) => g.code);
  const notes = reported.length ? [L.unapprovedGoals(reported.join(', '))] : [];
  goals.forEach((g, i) => {
    const a = statuses[i]?.approval;
    if (a?.state === 'returned') notes.push(L.returnedGoal(g.code, a.by, approvalDate(a.at), a.comment));
  });
  return notes;
}

/** Issue 13: the round's budget and time figures not approved, or null. */
export function progressApprovalNote(evaluation: Evaluation, lang: ReportLang = 'da'): string | null {
  const L = reportLabels(lang).provenance;
  const a = evaluation.progressApproval;
  if (a?.state === 'reported') return L.unapprovedBudget;
  if (a?.state === 'returned') return L.returnedBudget(a.by, approvalDate(a.at), a.comment);
  return null;
}

/** Who reported budget and time, and when; or that nobody did. */
export function progressProvenanceNote(evaluation: Evaluation, lang: ReportLang = 'da'): string {
  const L = reportLabels(lang).provenance;
  const reporter = evaluation.progressReportedBy.trim();
  if (!reporter) return L.budgetNone;
  return L.budget(reporter, evaluation.progressReportedAt ? ` ${formatDanishDate(evaluation.progressReportedAt)}` : '');
}

const num = (v: unknown, d = 0) => (typeof v === 'number' ? formatDanishNumber(v, d) : '–');
const months = (v: unknown) => (typeof v === 'number' ? formatDanishNumber(v, Number.isInteger(v) ? 0 : 1) : '–');
const kr = (v: unknown) => (typeof v === 'number' ? formatDanishKr(v) : '–');
const pct = (v: unknown) => (typeof v === 'number' ? formatDanishPercent(v) : '–');
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/**
 * A warning of the engine in the report's language. Danish is the engine's own message; English
 * is written from the warning's code and figures (numbers stay Danish-formatted, as everywhere in
 * the report).
 */
export function warningText(w: Warning, lang: ReportLang): string {
  if (lang === 'da') return w.message;
  const p = w.params;
  const L = reportLabels('en');
  const light = (v: unknown) => (typeof v === 'string' && v in L.light ? L.light[v as keyof typeof L.light] : '–');
  const level = (v: unknown) => (typeof v === 'string' && v in L.level ? L.level[v as keyof typeof L.level].toLowerCase() : '');
  const kind = (v: unknown) => (typeof v === 'string' && v in L.lightKind ? L.lightKind[v as keyof typeof L.lightKind] : '');
  switch (w.code) {
    case 'noTarget':
      return `${str(p.goal)}: no target in the period; left out of the average`;
    case 'notReported':
      return `${str(p.goal)}: no status reported; left out of the average`;
    case 'missingValue':
      return `${str(p.goal)}: status reported but the figure is missing; left out of the average`;
    case 'noBaseline':
      return `${str(p.goal)}: "lower is better" needs a baseline different from the target`;
    case 'printedPercentDiffers':
      return `${str(p.goal)}: printed attainment ${pct(p.printed)} differs from the computed ${pct(p.computed)}`;
    case 'provisionalImplementation':
      return `Implementation: provisional score, ${str(p.scored)} of ${str(p.required)} parameters scored`;
    case 'budgetFinancingMismatch':
      return `The budget ${kr(p.budgetKr)} does not equal the financing ${kr(p.financingKr)} (difference ${kr(p.differenceKr)})`;
    case 'budgetLinesTotalDiffers':
      return `Budget: the budget lines total ${kr(p.budgetKr)}, the project's total budget is ${kr(p.projectKr)} (difference ${kr(p.differenceKr)})`;
    case 'indirectCostMismatch':
      return `Budget ${str(p.year)}: "${str(p.costType)}" is ${kr(p.actualKr)}, but ${pct(p.claimedPercent)} of the direct costs is ${kr(p.expectedKr)}`;
    case 'burnUnder':
      return `Burn ratio ${num(p.ratio, 2)} is below ${num(p.bound, 1)}: possible underspending`;
    case 'burnOver':
      return `Burn ratio ${num(p.ratio, 2)} is above ${num(p.bound, 1)}: possible overspending`;
    case 'timeReportedDiffers':
      return `Time consumption: reported ${months(p.reportedElapsed)} of ${months(p.reportedTotal)} months, the grant period gives ${months(p.computedElapsed)} of ${months(p.computedTotal)} months`;
    case 'budgetReportedDiffers':
      return `Reported total budget ${kr(p.reportedKr)} differs from the project's total budget ${kr(p.projectKr)}`;
    case 'cappingChangesLight':
      return `Goal attainment (${level(p.level)}): capped at 100 % the average is ${pct(p.cappedPercent)}, uncapped ${pct(p.uncappedPercent)}; the light would change from ${light(p.light)} to ${light(p.alternativeLight)}`;
    case 'overrideWithoutReason':
      return `${kind(p.kind)}: overridden to ${light(p.override)} without a reason`;
  }
  return w.message;
}

/** Which part of the report a project warning belongs under (goal warnings go under their goal's table). */
export function warningPlace(w: Warning): 'implementation' | 'progress' | 'level' | 'resume' {
  switch (w.code) {
    case 'provisionalImplementation':
      return 'implementation';
    case 'budgetFinancingMismatch':
    case 'budgetLinesTotalDiffers':
    case 'indirectCostMismatch':
    case 'burnUnder':
    case 'burnOver':
    case 'timeReportedDiffers':
    case 'budgetReportedDiffers':
      return 'progress';
    case 'cappingChangesLight':
      return 'level';
    default:
      return 'resume';
  }
}
