import type {
  Evaluation,
  EvaluationType,
  Goal,
  GoalLevel,
  Indicator,
  ImplementationParameter,
  ImplementationScore,
  Light,
  LightDecision,
  LightKind,
  Project,
  ProjectFacts,
  StatusReport,
} from '../../shared/domain';
import { blankEvaluation, EMPTY_FACTS, EVALUATION_TEXT_KEYS, IMPLEMENTATION_PARAMETERS, LIGHT_KINDS } from '../../shared/domain';
import { ServiceError } from '../../shared/contracts/core';
import type { EvaluationDetail, LevelFigure, PortfolioInfo, PortfolioOverview, ProjectDetail, ProjectSummary } from '../../shared/contracts/views';
import { evaluate } from '../../shared/methodology/evaluate';
import { portfolioRollup } from '../../shared/methodology/pool';
import { roundDateWarnings } from '../../shared/methodology/reportDates';
import type { EvaluationSummary, IndicatorRef, LevelResult, PortfolioRollup } from '../../shared/methodology/types';
import type { MethodologyProfile } from '../../shared/methodology/profile';
import { filterSummaries, type PortfolioFilter } from '../../shared/portfolioFilter';
import type { PortfolioStore } from '../storage/store';
import { buildEvaluationInput, toGoalInput } from './evaluationInput';
import { requireConfirmation } from './goalService';

/** One project as the portfolio view and the portfolio workbook read it (its latest round). */
export interface PortfolioProject {
  project: Project;
  summary: ProjectSummary;
  evaluation: Evaluation | null;
  evaluationSummary: EvaluationSummary | null;
  goals: Goal[];
  statusReports: StatusReport[];
}

/**
 * The application's use cases over one portfolio store. Thin: it loads rows, asks the pure
 * engine, and enforces the rules that need stored state (an override needs a reason, the grant
 * period must not end before it starts). IPC handlers and the CLI both call this.
 */
export class PortfolioService {
  constructor(readonly store: PortfolioStore) {}

  async info(): Promise<PortfolioInfo> {
    const [projects, versions] = await Promise.all([this.store.listProjects(), this.store.listProfileVersions()]);
    const { profile, ...profileVersion } = versions[0];
    return {
      path: this.store.path,
      user: this.store.user,
      projectCount: projects.length,
      profile,
      profileVersion,
      profileVersions: versions.map(({ profile: _p, ...ref }) => ref),
    };
  }

  async setProfile(profile: MethodologyProfile): Promise<MethodologyProfile> {
    await this.store.setProfile(profile);
    return this.store.getProfile();
  }

  // Projects

  async requireProject(projectId: number, store: PortfolioStore = this.store): Promise<Project> {
    const project = await store.getProject(projectId);
    if (!project) throw new ServiceError('NOT_FOUND', `Projekt ${projectId} findes ikke.`);
    return project;
  }

  async projectDetail(projectId: number, store: PortfolioStore = this.store): Promise<ProjectDetail> {
    const project = await this.requireProject(projectId, store);
    const [effectChain, goals, statusReports, budgetLines, financing, evaluations] = await Promise.all([
      store.listEffectChain(projectId),
      store.listGoals(projectId),
      store.listStatusReports(projectId),
      store.listBudgetLines(projectId),
      store.listFinancing(projectId),
      store.listEvaluations(projectId),
    ]);
    return { project, effectChain, goals, statusReports, budgetLines, financing, evaluations };
  }

  async createProject(facts: Partial<ProjectFacts> & { name: string }): Promise<Project> {
    const merged = { ...EMPTY_FACTS, ...facts };
    checkPeriod(merged.periodStart, merged.periodEnd);
    const existing = await this.store.findProjectByName(merged.name);
    if (existing) throw new ServiceError('CONFLICT', `Der findes allerede et projekt med navnet "${merged.name}".`);
    return this.store.createProject(merged);
  }

  async updateProject(projectId: number, patch: Partial<ProjectFacts>): Promise<Project> {
    const project = await this.requireProject(projectId);
    checkPeriod(patch.periodStart ?? project.periodStart, patch.periodEnd ?? project.periodEnd);
    if (patch.name !== undefined && patch.name !== project.name) {
      const other = await this.store.findProjectByName(patch.name);
      if (other && other.id !== projectId)
        throw new ServiceError('CONFLICT', `Der findes allerede et projekt med navnet "${patch.name}".`);
    }
    return this.store.updateProject(projectId, patch);
  }

  // Evaluations

  async requireEvaluation(evaluationId: number, store: PortfolioStore = this.store): Promise<Evaluation> {
    const evaluation = await store.getEvaluation(evaluationId);
    if (!evaluation) throw new ServiceError('NOT_FOUND', `Evaluering ${evaluationId} findes ikke.`);
    return evaluation;
  }

  /** Everything about one evaluation round, with the engine's figures. */
  async evaluationDetail(evaluationId: number, store: PortfolioStore = this.store): Promise<EvaluationDetail> {
    const evaluation = await this.requireEvaluation(evaluationId, store);
    const [scores, lights, survey, learning, texts, signOff, sealedProfile, sealedVersion, current] = await Promise.all([
      store.listScores(evaluationId),
      store.listLightDecisions(evaluationId),
      store.listSurveyIndicators(evaluationId),
      store.listLearningPoints(evaluationId),
      store.getEvaluationTexts(evaluationId),
      store.getSignOff(evaluationId),
      store.getSealedProfile(evaluationId),
      store.getSealedProfileVersion(evaluationId),
      store.getProfileVersion(),
    ]);
    // A final round keeps the thresholds (and so the version) it was signed off with.
    const { profile: currentProfile, ...currentVersion } = current;
    const profile = sealedProfile ?? currentProfile;
    const profileVersion = sealedProfile ? (sealedVersion ?? null) : currentVersion;
    const summary = await this.computeSummary(evaluation, scores, lights, profile, store);
    return {
      evaluation,
      scores: completeScores(evaluationId, scores),
      lights: completeLights(evaluationId, lights, summary),
      survey,
      learning,
      texts,
      signOff,
      summary,
      profile,
      profileVersion,
    };
  }

  private async computeSummary(
    evaluation: Evaluation,
    scores: ImplementationScore[],
    lights: LightDecision[],
    profile: MethodologyProfile,
    store: PortfolioStore,
  ): Promise<EvaluationSummary> {
    const project = await this.requireProject(evaluation.projectId, store);
    const [goals, statusReports, budgetLines, financing] = await Promise.all([
      store.listGoals(project.id),
      store.listStatusReports(project.id),
      store.listBudgetLines(project.id),
      store.listFinancing(project.id),
    ]);
    const input = buildEvaluationInput({ project, goals, statusReports, evaluation, scores, lights, budgetLines, financing });
    return evaluate(input, profile);
  }

  /** The latest evaluation round of a project (by date, then id), or null. */
  async latestEvaluation(projectId: number, store: PortfolioStore = this.store): Promise<Evaluation | null> {
    return latestOf(await store.listEvaluations(projectId));
  }

  /** The warnings a new round's date gets: after the grant period, or before the latest round. */
  async roundWarnings(projectId: number, date: string, store: PortfolioStore = this.store) {
    const project = await this.requireProject(projectId, store);
    const rounds = await store.listEvaluations(projectId);
    return roundDateWarnings(date, { periodEnd: project.periodEnd, previousRoundDates: rounds.map((r) => r.date) });
  }

  async createEvaluation(input: {
    projectId: number;
    type: EvaluationType;
    date: string;
    evaluator?: string;
    copyFromEvaluationId?: number;
    /** The user has seen the date's warnings and creates the round anyway. */
    acceptWarnings?: boolean;
  }): Promise<Evaluation> {
    await this.requireProject(input.projectId);
    return this.store.transaction(async (tx) => {
      requireConfirmation(await this.roundWarnings(input.projectId, input.date, tx), input.acceptWarnings);
      const from = input.copyFromEvaluationId ? await this.requireEvaluation(input.copyFromEvaluationId, tx) : null;
      if (from && from.projectId !== input.projectId)
        throw new ServiceError('VALIDATION', 'Den forrige evaluering hører til et andet projekt.');
      const created = await tx.createEvaluation({
        ...blankEvaluation(input.projectId, input.type, input.date, input.evaluator ?? from?.evaluator ?? ''),
        overallStatus: from?.overallStatus ?? '',
      });
      if (from) {
        // A new round starts from the previous one: the evaluator revises scores and texts
        // rather than retyping them. Figures reported for a date stay with their date.
        for (const s of await tx.listScores(from.id)) await tx.setScore({ ...s, evaluationId: created.id });
        for (const l of await tx.listLightDecisions(from.id))
          await tx.setLightDecision({ ...l, evaluationId: created.id });
        for (const s of await tx.listSurveyIndicators(from.id)) {
          const { id: _id, ...rest } = s;
          await tx.saveSurveyIndicator({ ...rest, evaluationId: created.id });
        }
        for (const p of await tx.listLearningPoints(from.id)) {
          const { id: _id, ...rest } = p;
          await tx.saveLearningPoint({ ...rest, evaluationId: created.id });
        }
        const texts = await tx.getEvaluationTexts(from.id);
        for (const key of EVALUATION_TEXT_KEYS) if (texts[key]) await tx.setEvaluationText(created.id, key, texts[key]);
      }
      return created;
    });
  }

  async updateEvaluation(evaluationId: number, patch: Partial<Omit<Evaluation, 'id' | 'projectId' | 'createdAt'>>): Promise<Evaluation> {
    await this.requireEvaluation(evaluationId);
    return this.store.updateEvaluation(evaluationId, patch);
  }

  /** Deletes a round softly: it and everything it holds come back with `restoreEvaluation`. */
  async deleteEvaluation(evaluationId: number): Promise<void> {
    await this.requireEvaluation(evaluationId);
    await this.store.deleteEvaluation(evaluationId);
  }

  async restoreEvaluation(evaluationId: number): Promise<Evaluation> {
    const restored = await this.store.restoreEvaluation(evaluationId);
    // A round of a deleted project stays out of sight with its project.
    await this.requireProject(restored.projectId);
    return restored;
  }

  // Scores and lights

  async setScore(input: {
    evaluationId: number;
    parameter: ImplementationParameter;
    score?: number | null;
    headline?: string;
    text?: string;
  }): Promise<ImplementationScore> {
    await this.requireEvaluation(input.evaluationId);
    const current = (await this.store.getScore(input.evaluationId, input.parameter)) ?? {
      evaluationId: input.evaluationId,
      parameter: input.parameter,
      score: null,
      headline: '',
      text: '',
    };
    return this.store.setScore({
      ...current,
      score: input.score === undefined ? current.score : input.score,
      headline: input.headline ?? current.headline,
      text: input.text ?? current.text,
    });
  }

  /**
   * Sets a light's override, reason and short text. An override needs a written reason
   * (METHODOLOGY.md section 3); the suggestion in force is stored beside it for the record.
   */
  async setLight(input: {
    evaluationId: number;
    kind: LightKind;
    override?: Light | null;
    reason?: string;
    text?: string;
  }): Promise<LightDecision> {
    const detail = await this.evaluationDetail(input.evaluationId);
    const current = detail.lights.find((l) => l.kind === input.kind)!;
    const override = input.override === undefined ? current.override : input.override;
    const reason = (input.reason ?? current.reason).trim();
    // Choosing the suggested light itself overrides nothing, so it needs no reason.
    if (override && override !== detail.summary.lights[input.kind].suggested && !reason)
      throw new ServiceError('REASON_REQUIRED', 'Et tilsidesat trafiklys kræver en skriftlig begrundelse.', [
        { path: 'reason', message: 'Skriv en begrundelse for at tilsidesætte det foreslåede trafiklys.' },
      ]);
    return this.store.setLightDecision({
      evaluationId: input.evaluationId,
      kind: input.kind,
      suggested: detail.summary.lights[input.kind].suggested,
      override,
      reason: override ? reason : input.reason !== undefined ? reason : current.reason,
      text: input.text ?? current.text,
    });
  }

  // Summaries (CLI, portfolio table)

  async projectSummary(projectId: number, evaluationId?: number): Promise<ProjectSummary> {
    const project = await this.requireProject(projectId);
    const evaluation = evaluationId ? await this.requireEvaluation(evaluationId) : await this.latestEvaluation(projectId);
    if (evaluation && evaluation.projectId !== projectId)
      throw new ServiceError('VALIDATION', `Evaluering ${evaluation.id} hører ikke til projekt ${projectId}.`);
    const detail = evaluation ? await this.evaluationDetail(evaluation.id) : null;
    return toProjectSummary(project, evaluation, detail?.summary ?? null);
  }

  async portfolioSummaries(): Promise<ProjectSummary[]> {
    return (await this.loadPortfolio()).map((p) => p.summary);
  }

  /**
   * Every live project with its latest round computed, read once for the portfolio view, its
   * workbook and the CLI (so they show the same figures).
   */
  async loadPortfolio(onProgress?: (done: number, total: number) => void): Promise<PortfolioProject[]> {
    const [projects, profile] = await Promise.all([this.store.listProjects(), this.store.getProfile()]);
    const out: PortfolioProject[] = [];
    for (const [i, p] of projects.entries()) {
      const detail = await this.projectDetail(p.id);
      const evaluation = latestOf(detail.evaluations);
      let evaluationSummary: EvaluationSummary | null = null;
      if (evaluation) {
        const [scores, lights] = await Promise.all([this.store.listScores(evaluation.id), this.store.listLightDecisions(evaluation.id)]);
        const input = buildEvaluationInput({ ...detail, project: detail.project, evaluation, scores, lights });
        evaluationSummary = evaluate(input, profile);
      }
      out.push({
        project: detail.project,
        summary: toProjectSummary(detail.project, evaluation, evaluationSummary),
        evaluation,
        evaluationSummary,
        goals: detail.goals,
        statusReports: detail.statusReports,
      });
      onProgress?.(i + 1, projects.length);
    }
    return out;
  }

  /** The projects the filter shows, with the portfolio's headline and pooled figures over them. */
  async portfolioOverview(filter: PortfolioFilter = {}): Promise<PortfolioOverview & { projects: PortfolioProject[]; indicators: Indicator[] }> {
    const [all, indicators] = await Promise.all([this.loadPortfolio(), this.store.listIndicators()]);
    const shown = new Set(filterSummaries(all.map((p) => p.summary), filter).map((s) => s.projectId));
    const projects = all.filter((p) => shown.has(p.summary.projectId));
    return { rows: projects.map((p) => p.summary), total: all.length, filter, rollup: rollupOf(projects, indicators), projects, indicators };
  }
}

function latestOf(evaluations: Evaluation[]): Evaluation | null {
  return evaluations.reduce<Evaluation | null>(
    (best, e) => (!best || e.date > best.date || (e.date === best.date && e.id > best.id) ? e : best),
    null,
  );
}

export function indicatorRef(indicator: Indicator): IndicatorRef {
  return { key: String(indicator.id), code: indicator.code, name: indicator.name, unit: indicator.unit, level: indicator.level };
}

/**
 * The engine's roll-up of these projects: each project's level averages at its latest round, and
 * its goals with the status in force then (the latest status without a round) and their links.
 */
export function rollupOf(projects: PortfolioProject[], indicators: Indicator[]): PortfolioRollup {
  const refs = new Map(indicators.map((i) => [i.id, indicatorRef(i)]));
  return portfolioRollup(
    projects.map((p) => ({
      projectId: p.project.id,
      levelAverages: {
        A: p.evaluationSummary?.levels.A.average ?? null,
        B: p.evaluationSummary?.levels.B.average ?? null,
        C: p.evaluationSummary?.levels.C.average ?? null,
      },
      goals: p.goals.map((g) => ({
        projectId: p.project.id,
        goal: toGoalInput(g, p.statusReports, p.evaluation?.date ?? null),
        indicator: g.indicatorId === null ? null : (refs.get(g.indicatorId) ?? null),
      })),
    })),
  );
}

function checkPeriod(start: string | null, end: string | null): void {
  if (start && end && end < start)
    throw new ServiceError('VALIDATION', 'Bevillingsperioden slutter før den starter.', [
      { path: 'periodEnd', message: 'Slutdatoen ligger før startdatoen.' },
    ]);
}

/** Always six parameters, unscored ones as null, so every screen shows all six. */
function completeScores(evaluationId: number, scores: ImplementationScore[]): ImplementationScore[] {
  return IMPLEMENTATION_PARAMETERS.map(
    (parameter) =>
      scores.find((s) => s.parameter === parameter) ?? { evaluationId, parameter, score: null, headline: '', text: '' },
  );
}

/** Always three light decisions, with the current suggestion filled in. */
function completeLights(evaluationId: number, lights: LightDecision[], summary: EvaluationSummary): LightDecision[] {
  return LIGHT_KINDS.map((kind) => {
    const stored = lights.find((l) => l.kind === kind);
    const suggested = summary.lights[kind].suggested;
    return stored
      ? { ...stored, suggested }
      : { evaluationId, kind, suggested, override: null, reason: '', text: '' };
  });
}

function levelFigure(level: LevelResult | undefined, light: Light | null): LevelFigure {
  return {
    percent: level?.displayAverage ?? null,
    average: level?.average ?? null,
    light,
    reported: level?.reported ?? 0,
    total: level?.total ?? 0,
  };
}

const LEVEL_OF: Record<'activity' | 'output' | 'effect', GoalLevel> = { activity: 'A', output: 'B', effect: 'C' };

export function toProjectSummary(project: Project, evaluation: Evaluation | null, summary: EvaluationSummary | null): ProjectSummary {
  const level = (name: keyof typeof LEVEL_OF): LevelFigure => {
    const result = summary?.levels[LEVEL_OF[name]];
    // The effect level's light is the effect assessment's suggestion (METHODOLOGY.md section 5).
    const light = name === 'effect' ? summary?.lights.effect.suggested ?? null : result?.light ?? null;
    return levelFigure(result, light);
  };
  return {
    projectId: project.id,
    name: project.name,
    grantRecipient: project.grantRecipient,
    caseOfficer: project.caseOfficer,
    fundingSource: project.fundingSource,
    evaluationId: evaluation?.id ?? null,
    evaluationType: evaluation?.type ?? null,
    evaluationDate: evaluation?.date ?? null,
    implementation: {
      score: summary?.implementation.rounded ?? null,
      light: summary?.implementation.light ?? null,
      scored: summary?.implementation.scored ?? 0,
    },
    goals: { activity: level('activity'), output: level('output'), effect: level('effect') },
    budget: { percent: summary?.progress.budget.displayPercent ?? null },
    time: { percent: summary?.progress.time.displayPercent ?? null },
    burnRatio: summary?.progress.burnRatio ?? null,
    lights: {
      implementation: summary?.lights.implementation.final ?? null,
      goals: summary?.lights.goals.final ?? null,
      effect: summary?.lights.effect.final ?? null,
    },
    warnings: summary?.warnings.map((w) => w.message) ?? [],
  };
}
