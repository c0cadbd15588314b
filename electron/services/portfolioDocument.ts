import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BusinessCase, Goal, ProjectFacts, StatusReport } from '../../shared/domain';
import { LIGHT_KINDS } from '../../shared/domain';
import { ServiceError } from '../../shared/contracts/core';
import type { DocEvaluation, DocGoal, DocProject, PortfolioDocument } from '../../shared/portfolioDocument';
import {
  PORTFOLIO_DOCUMENT_FORMAT,
  PORTFOLIO_DOCUMENT_VERSION,
  PortfolioDocumentError,
  parsePortfolioDocument,
} from '../../shared/portfolioDocument';
import type { PortfolioStore } from '../storage/store';

/** The demo portfolio, relative to the resources folder. */
export const DEMO_DOCUMENT_RELATIVE_PATH = join('demo', 'portfolio.json');

/**
 * Writes every project of `doc` into `store`, all-or-nothing: one transaction, so a failure
 * (invalid document, a project name that already exists, a constraint) leaves the portfolio
 * exactly as it was. Array order in the document becomes `position`. Light decisions are stored
 * without a suggestion (`suggested: null`); the services compute the suggestion when read.
 */
export async function loadPortfolioDocument(store: PortfolioStore, doc: PortfolioDocument): Promise<{ projectIds: number[] }> {
  // Validate even typed input: documents come from files and other processes.
  const valid = parsePortfolioDocument(doc);
  return store.transaction(async (tx) => {
    const projectIds: number[] = [];
    for (const project of valid.projects) projectIds.push(await loadProject(tx, project));
    return { projectIds };
  });
}

async function loadProject(tx: PortfolioStore, doc: DocProject): Promise<number> {
  const existing = await tx.findProjectByName(doc.facts.name);
  if (existing)
    throw new ServiceError('CONFLICT', `Der findes allerede et projekt med navnet "${doc.facts.name}"; intet er indlæst.`);
  const project = await tx.createProject(pickFacts(doc.facts));
  const projectId = project.id;

  for (const [position, item] of doc.effectChain.entries())
    await tx.saveEffectChainItem({ projectId, column: item.column, position, text: item.text });

  for (const [position, goal] of doc.goals.entries()) {
    const created = await tx.createGoal({
      projectId,
      level: goal.level,
      code: goal.code,
      description: goal.description,
      unit: goal.unit,
      targetInPeriod: goal.targetInPeriod,
      targetAfterPeriod: goal.targetAfterPeriod,
      direction: goal.direction,
      baseline: goal.baseline,
      position,
      ...docShareAndComparison(goal),
    });
    for (const status of goal.statuses)
      await tx.addStatusReport({
        goalId: created.id,
        value: status.value,
        reportedAt: status.reportedAt,
        reportedBy: status.reportedBy,
        source: { file: status.source.file, location: status.source.location },
        printedPercent: status.printedPercent,
        ...(status.denominator !== undefined ? { denominator: status.denominator } : {}),
      });
  }
  if (doc.businessCase) await tx.saveBusinessCase({ projectId, ...doc.businessCase });

  for (const [position, line] of doc.budgetLines.entries())
    await tx.saveBudgetLine({
      projectId,
      costType: line.costType,
      year: line.year,
      amountKr: line.amountKr,
      percentOfDirect: line.percentOfDirect,
      position,
    });

  for (const [position, source] of doc.financing.entries())
    await tx.saveFinancing({ projectId, name: source.name, amountKr: source.amountKr, position });

  for (const evaluation of doc.evaluations) await loadEvaluation(tx, projectId, evaluation);
  return projectId;
}

const withoutProject = ({ projectId: _p, ...rest }: BusinessCase) => rest;

/** A document goal's share and comparison as the store's goal fields (issue 14). */
function docShareAndComparison(goal: DocGoal) {
  return {
    ...(goal.share ? { measure: 'share' as const, shareTargetKind: goal.share.targetKind, denominatorTarget: goal.share.denominatorTarget } : {}),
    ...(goal.comparison
      ? { comparisonValue: goal.comparison.value, comparisonLabel: goal.comparison.label, comparisonSource: goal.comparison.source, comparisonYear: goal.comparison.year }
      : {}),
  };
}

/** The share and comparison keys of a stored goal, only where it has them (version-1 documents stay as they were). */
function toDocShareAndComparison(g: Goal): Pick<DocGoal, 'share' | 'comparison'> {
  return {
    ...(g.measure === 'share' ? { share: { targetKind: g.shareTargetKind ?? 'percent', denominatorTarget: g.denominatorTarget ?? null } } : {}),
    ...(g.comparisonValue !== null && g.comparisonValue !== undefined
      ? { comparison: { value: g.comparisonValue, label: g.comparisonLabel ?? '', source: g.comparisonSource ?? '', year: g.comparisonYear ?? null } }
      : {}),
  };
}

async function loadEvaluation(tx: PortfolioStore, projectId: number, doc: DocEvaluation): Promise<void> {
  const evaluation = await tx.createEvaluation({
    projectId,
    type: doc.type,
    date: doc.date,
    evaluator: doc.evaluator,
    budgetSpentKr: doc.budgetSpentKr,
    budgetTotalReportedKr: doc.budgetTotalReportedKr,
    monthsElapsedReported: doc.monthsElapsedReported,
    monthsTotalReported: doc.monthsTotalReported,
    progressReportedBy: doc.progressReportedBy,
    progressReportedAt: doc.progressReportedAt,
    overallStatus: doc.overallStatus,
  });
  const evaluationId = evaluation.id;
  for (const s of doc.scores)
    await tx.setScore({ evaluationId, parameter: s.parameter, score: s.score, headline: s.headline, text: s.text });
  for (const l of doc.lights)
    await tx.setLightDecision({ evaluationId, kind: l.kind, suggested: null, override: l.override, reason: l.reason, text: l.text });
  for (const [position, s] of doc.survey.entries())
    await tx.saveSurveyIndicator({
      evaluationId,
      group: s.group,
      statement: s.statement,
      positive: s.positive,
      n: s.n,
      scale: s.scale,
      position,
    });
  for (const [position, p] of doc.learning.entries())
    await tx.saveLearningPoint({ evaluationId, kind: p.kind, title: p.title, text: p.text, position });
  for (const [position, s] of (doc.spendingByYear ?? []).entries())
    await tx.saveSpendingYear({ evaluationId, year: s.year, spentKr: s.spentKr, note: s.note, position });
}

/**
 * The live (not deleted) projects of `store` as a portfolio document: the inverse of
 * `loadPortfolioDocument`. Rows come in load order (position, then id), so load + dump of a
 * document gives the document back. The light decisions' stored suggestions are not part of
 * the format and are left out.
 */
export async function dumpPortfolioDocument(store: PortfolioStore): Promise<PortfolioDocument> {
  const projects = (await store.listProjects()).sort((a, b) => a.id - b.id);
  const out: DocProject[] = [];
  for (const project of projects) {
    const projectId = project.id;
    const effectChain = byPosition(await store.listEffectChain(projectId));
    const goals = byPosition(await store.listGoals(projectId));
    const reports = (await store.listStatusReports(projectId)).sort(
      (a, b) => (a.reportedAt < b.reportedAt ? -1 : a.reportedAt > b.reportedAt ? 1 : a.id - b.id),
    );
    const budgetLines = byPosition(await store.listBudgetLines(projectId));
    const financing = byPosition(await store.listFinancing(projectId));
    const evaluations = (await store.listEvaluations(projectId)).sort((a, b) => a.id - b.id);

    const docEvaluations: DocEvaluation[] = [];
    for (const e of evaluations) {
      const scores = (await store.listScores(e.id)).sort((a, b) => a.parameter - b.parameter);
      const lights = (await store.listLightDecisions(e.id)).sort(
        (a, b) => LIGHT_KINDS.indexOf(a.kind) - LIGHT_KINDS.indexOf(b.kind),
      );
      const survey = byPosition(await store.listSurveyIndicators(e.id));
      const learning = byPosition(await store.listLearningPoints(e.id));
      const spending = await store.listSpendingYears(e.id);
      docEvaluations.push({
        type: e.type,
        date: e.date,
        evaluator: e.evaluator,
        budgetSpentKr: e.budgetSpentKr,
        budgetTotalReportedKr: e.budgetTotalReportedKr,
        monthsElapsedReported: e.monthsElapsedReported,
        monthsTotalReported: e.monthsTotalReported,
        progressReportedBy: e.progressReportedBy,
        progressReportedAt: e.progressReportedAt,
        overallStatus: e.overallStatus,
        scores: scores.map((s) => ({ parameter: s.parameter, score: s.score, headline: s.headline, text: s.text })),
        lights: lights.map((l) => ({ kind: l.kind, override: l.override, reason: l.reason, text: l.text })),
        survey: survey.map((s) => ({ group: s.group, statement: s.statement, positive: s.positive, n: s.n, scale: s.scale })),
        learning: learning.map((p) => ({ kind: p.kind, title: p.title, text: p.text })),
        // Only where a round has it, so documents of rounds without it stay as they were.
        ...(spending.length ? { spendingByYear: spending.map((s) => ({ year: s.year, spentKr: s.spentKr, note: s.note })) } : {}),
      });
    }

    const businessCase = await store.getBusinessCase(project.id);
    out.push({
      facts: pickFacts(project),
      effectChain: effectChain.map((i) => ({ column: i.column, text: i.text })),
      goals: goals.map(
        (g): DocGoal => ({
          level: g.level,
          code: g.code,
          description: g.description,
          unit: g.unit,
          targetInPeriod: g.targetInPeriod,
          targetAfterPeriod: g.targetAfterPeriod,
          direction: g.direction,
          baseline: g.baseline,
          statuses: reports.filter((r) => r.goalId === g.id).map(toDocStatus),
          ...toDocShareAndComparison(g),
        }),
      ),
      budgetLines: budgetLines.map((l) => ({
        costType: l.costType,
        year: l.year,
        amountKr: l.amountKr,
        percentOfDirect: l.percentOfDirect,
      })),
      financing: financing.map((f) => ({ name: f.name, amountKr: f.amountKr })),
      evaluations: docEvaluations,
      ...(businessCase ? { businessCase: withoutProject(businessCase) } : {}),
    });
  }
  const doc: PortfolioDocument = { format: PORTFOLIO_DOCUMENT_FORMAT, version: PORTFOLIO_DOCUMENT_VERSION, projects: out };
  // What we write must be readable again: validate on the way out too.
  return parsePortfolioDocument(doc, 'Den udlæste portefølje');
}

/**
 * Reads and validates `resources/demo/portfolio.json`. Errors name the file and, for a
 * document that does not match the format, the path of every problem.
 */
export function readDemoDocument(resourcesDir: string): PortfolioDocument {
  const file = join(resourcesDir, DEMO_DOCUMENT_RELATIVE_PATH);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new Error(`Demoporteføljen ${file} kan ikke læses: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new PortfolioDocumentError(file, [
      { path: '(dokumentet)', message: `ugyldig JSON: ${cause instanceof Error ? cause.message : String(cause)}` },
    ]);
  }
  return parsePortfolioDocument(json, file);
}

function pickFacts(f: ProjectFacts): ProjectFacts {
  return {
    name: f.name,
    grantRecipient: f.grantRecipient,
    projectHolder: f.projectHolder,
    caseOfficer: f.caseOfficer,
    fundingSource: f.fundingSource,
    priorityAxis: f.priorityAxis,
    totalBudgetKr: f.totalBudgetKr,
    periodStart: f.periodStart,
    periodEnd: f.periodEnd,
    partners: f.partners,
    journalNumber: f.journalNumber,
    description: f.description,
  };
}

function toDocStatus(r: StatusReport): DocGoal['statuses'][number] {
  return {
    value: r.value,
    reportedAt: r.reportedAt,
    reportedBy: r.reportedBy,
    source: { file: r.source.file, location: r.source.location },
    printedPercent: r.printedPercent,
    ...(r.denominator !== null && r.denominator !== undefined ? { denominator: r.denominator } : {}),
  };
}

function byPosition<T extends { id: number; position: number }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => a.position - b.position || a.id - b.id);
}
