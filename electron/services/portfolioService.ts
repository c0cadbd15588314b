import { portfolioLabel } from '../../shared/serverConnection';
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
import type { KeptRevision, PortfolioStore, SaveOptions } from '../storage/store';
import { buildEvaluationInput, toGoalInput } from './evaluationInput';
import { requireConfirmation } from './goalService';
import { deepFreeze, differences, KEPT_FIGURES_FORMAT, KEPT_FIGURES_PREFIX, poolContribution, rollupOfKept, type FigureDifference, type KeptFigures, type PoolContribution } from './keptFigures';

/** One project as the portfolio view and the portfolio workbook read it (its latest round). */
export interface PortfolioProject {
  project: Project;
  summary: ProjectSummary;
  evaluation: Evaluation | null;
  evaluationSummary: EvaluationSummary | null;
  goals: Goal[];
  statusReports: StatusReport[];
}

/** Stale projects whose figures are read at once (recompute). */
const FIGURES_AT_ONCE = 8;

/**
 * The application's use cases over one portfolio store. Thin: it loads rows, asks the pure
 * engine, and enforces the rules that need stored state (an override needs a reason, the grant
 * period must not end before it starts). IPC handlers and the CLI both call this.
 */
export class PortfolioService {
  constructor(readonly store: PortfolioStore) {}

  async info(): Promise<PortfolioInfo> {
    // The first screen asks for this beside the portfolio's first page: a count, not every project read.
    const [projectCount, versions] = await Promise.all([this.store.countProjects(), this.store.listProfileVersions()]);
    const { profile, ...profileVersion } = versions[0];
    return {
      path: this.store.path,
      user: this.store.user,
      label: portfolioLabel(this.store.path, this.store.user),
      readOnly: !!this.store.readOnly,
      projectCount,
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

  /** With `expectedVersion` (the project's `version` as read) a save based on old facts is refused (StaleWriteError). */
  async updateProject(projectId: number, patch: Partial<ProjectFacts>, options: SaveOptions = {}): Promise<Project> {
    const project = await this.requireProject(projectId);
    checkPeriod(patch.periodStart ?? project.periodStart, patch.periodEnd ?? project.periodEnd);
    if (patch.name !== undefined && patch.name !== project.name) {
      const other = await this.store.findProjectByName(patch.name);
      if (other && other.id !== projectId)
        throw new ServiceError('CONFLICT', `Der findes allerede et projekt med navnet "${patch.name}".`);
    }
    return this.store.updateProject(projectId, patch, options);
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
    const [scores, lights, survey, learning, spendingByYear, texts, textVersions, signOff, current] = await Promise.all([
      store.listScores(evaluationId),
      store.listLightDecisions(evaluationId),
      store.listSurveyIndicators(evaluationId),
      store.listLearningPoints(evaluationId),
      store.listSpendingYears(evaluationId),
      store.getEvaluationTexts(evaluationId),
      store.getEvaluationTextVersions(evaluationId),
      store.getSignOff(evaluationId),
      store.getProfileVersion(),
    ]);
    // Only a final round has a sign-off row, and so sealed thresholds: a draft asks for none
    // (two queries fewer on every open of a round being worked on).
    const [sealedProfile, sealedVersion] =
      signOff.state === 'final' ? await Promise.all([store.getSealedProfile(evaluationId), store.getSealedProfileVersion(evaluationId)]) : [null, undefined];
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
      spendingByYear,
      texts,
      textVersions,
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
    // The statuses in force are all the engine reads of the history (one indexed query).
    const [goals, statusReports, budgetLines, financing] = await Promise.all([
      store.listGoals(project.id),
      store.listStatusesInForce(project.id, evaluation.date),
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
    /** The score's `version` as read (0: not saved yet): refused with StaleWriteError when it has moved on. */
    expectedVersion?: number;
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
    }, { expectedVersion: input.expectedVersion });
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
    /** The decision's `version` as read (0: not saved yet): refused with StaleWriteError when it has moved on. */
    expectedVersion?: number;
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
    }, { expectedVersion: input.expectedVersion });
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

  /** Every live project's figures at its latest round, from the kept figures (migration 004). */
  async portfolioSummaries(): Promise<ProjectSummary[]> {
    return (await this.keptFigures({ pool: false })).map((k) => k.summary);
  }

  /**
   * Every live project with its latest round computed from all of its rows: the portfolio
   * workbook's read (it needs goals and every status), and the fresh computation that
   * `verifyFigures` holds the kept figures against. The portfolio view and the CLI read the
   * kept figures instead.
   */
  async loadPortfolio(onProgress?: (done: number, total: number) => void): Promise<PortfolioProject[]> {
    const [projects, profile] = await Promise.all([this.store.listProjects(), this.store.getProfile()]);
    const out: PortfolioProject[] = [];
    for (const [i, p] of projects.entries()) {
      const detail = await this.projectDetail(p.id);
      const evaluation = latestOf(detail.evaluations);
      const evaluationSummary = evaluation ? await this.summaryOf(detail, evaluation, detail.statusReports, profile, this.store) : null;
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

  /** The engine's figures of a round; a final round keeps the profile it was signed off with. */
  private async summaryOf(
    data: Pick<ProjectDetail, 'project' | 'goals' | 'budgetLines' | 'financing'>,
    evaluation: Evaluation,
    statusReports: StatusReport[],
    portfolioProfile: MethodologyProfile,
    store: PortfolioStore,
  ): Promise<EvaluationSummary> {
    const [scores, lights, sealed] = await Promise.all([store.listScores(evaluation.id), store.listLightDecisions(evaluation.id), store.getSealedProfile(evaluation.id)]);
    const input = buildEvaluationInput({ ...data, statusReports, evaluation, scores, lights });
    return evaluate(input, sealed ?? portfolioProfile);
  }

  /** One project's portfolio figures computed afresh, with the statuses in force from SQL. */
  private async figuresOf(project: Project, profile: MethodologyProfile, store: PortfolioStore): Promise<{ summary: ProjectSummary; pool: PoolContribution }> {
    const [goals, budgetLines, financing, evaluations] = await Promise.all([
      store.listGoals(project.id),
      store.listBudgetLines(project.id),
      store.listFinancing(project.id),
      store.listEvaluations(project.id),
    ]);
    const evaluation = latestOf(evaluations);
    const date = evaluation?.date ?? null;
    const statuses = await store.listStatusesInForce(project.id, date);
    const summary = evaluation ? await this.summaryOf({ project, goals, budgetLines, financing }, evaluation, statuses, profile, store) : null;
    return { summary: toProjectSummary(project, evaluation, summary), pool: poolContribution(goals, statuses, date, summary) };
  }

  /**
   * The kept figures this service has parsed, by project, with the revision they were computed
   * at. A read asks the store for every project's revision only (one small query) and parses
   * JSON only for projects whose revision moved since (or that it has not read yet): the
   * revision is bumped by the triggers on every write the figures depend on, by any connection,
   * and project ids are never reused (AUTOINCREMENT), so a held row with the current revision
   * is the stored row. Frozen: every caller shares them.
   */
  private readonly held = new Map<number, { revision: number; summary: ProjectSummary; pool: PoolContribution | null }>();

  private hold(projectId: number, revision: number, summary: string, pool: string | null): void {
    const before = this.held.get(projectId);
    // A summary-only read does not forget the pool it held at the same revision.
    const keptPool = before && before.revision === revision ? before.pool : null;
    this.held.set(projectId, {
      revision,
      summary: deepFreeze(JSON.parse(summary) as ProjectSummary),
      pool: pool !== null ? deepFreeze(JSON.parse(pool) as PoolContribution) : keptPool,
    });
  }

  /**
   * The kept figures of every live project (in the order of listProjects). Stale rows (a write
   * since they were computed; new projects; a file just migrated; a pool of an older shape) are
   * recomputed and stored in the same transaction that found them stale, so no write can slip
   * in between; the others are read as kept, or taken from what this service already holds at
   * the same revision. A portfolio open read-only gets stale rows computed without storing them.
   */
  async keptFigures(options: { pool?: boolean } = {}): Promise<KeptFigures[]> {
    const wantPool = options.pool !== false;
    const read = async (store: PortfolioStore, save: boolean): Promise<KeptFigures[]> => {
      const rows = await store.listKeptRevisions();
      const stale = new Set<number>();
      const unread: number[] = [];
      for (const r of rows) {
        if (r.computedRevision !== r.revision) stale.add(r.projectId);
        else {
          const held = this.held.get(r.projectId);
          if (!held || held.revision !== r.revision || (wantPool && !held.pool)) unread.push(r.projectId);
        }
      }
      if (unread.length > 0)
        for (const t of await store.readKeptFigures(unread, { pool: wantPool, poolPrefix: KEPT_FIGURES_PREFIX })) {
          // A pool of an older shape (KEPT_FIGURES_FORMAT) is stale as well.
          if (t.summary === null || !t.poolCurrent || t.computedRevision !== t.revision) stale.add(t.projectId);
          else this.hold(t.projectId, t.revision, t.summary, wantPool ? t.pool : null);
        }
      if (stale.size > 0) await this.recompute(store, rows.filter((r) => stale.has(r.projectId)), { save, hold: true });
      if (this.held.size > rows.length) {
        const live = new Set(rows.map((r) => r.projectId));
        for (const id of this.held.keys()) if (!live.has(id)) this.held.delete(id);
      }
      return rows.map((row) => {
        const held = this.held.get(row.projectId)!;
        return { projectId: row.projectId, summary: held.summary, pool: wantPool ? held.pool! : NO_POOL };
      });
    };
    if (this.store.readOnly) return read(this.store, false);
    // When everything is held at its current revision, the one query is the whole read: no
    // write transaction (the next read's query sees any write made since).
    const rows = await this.store.listKeptRevisions();
    const held = rows.map((r) => this.held.get(r.projectId));
    if (rows.every((r, i) => r.computedRevision === r.revision && held[i]?.revision === r.revision && (!wantPool || held[i]!.pool)))
      return rows.map((r, i) => ({ projectId: r.projectId, summary: held[i]!.summary, pool: wantPool ? held[i]!.pool! : NO_POOL }));
    return this.store.transaction((tx) => read(tx, true));
  }

  /**
   * Brings the kept figures of every project written since they were computed up to date, as the
   * next read would, without reading the others (keptFigures reads and parses every project's):
   * for a command that writes and ends, such as the CLI's folder import. Returns how many it
   * recomputed.
   */
  async refreshKeptFigures(): Promise<number> {
    if (this.store.readOnly) return 0;
    const moved = (rows: KeptRevision[]) => rows.filter((r) => r.computedRevision !== r.revision);
    if (moved(await this.store.listKeptRevisions()).length === 0) return 0;
    return this.store.transaction(async (tx) => {
      const stale = moved(await tx.listKeptRevisions());
      await this.recompute(tx, stale, { save: true, hold: false });
      return stale.length;
    });
  }

  /**
   * One project's figures recomputed and kept inside a write's transaction (`store` is the
   * transaction's), when that write has moved its revision: where they change, so that the next
   * read finds them current. The CLI's folder import does it for each file's project.
   */
  async keepFiguresOf(store: PortfolioStore, projectId: number): Promise<void> {
    const [row] = await store.readKeptFigures([projectId], { pool: false, poolPrefix: KEPT_FIGURES_PREFIX });
    if (row && row.computedRevision !== row.revision) await this.recompute(store, [row], { save: true, hold: false });
  }

  /**
   * The figures of these projects computed afresh, kept (`save`) at the revision read, and held
   * by this service (`hold`; a later read takes kept rows it does not hold from the store). A few
   * projects' reads at once, so that computing one overlaps the database reading the next; the
   * writes one by one, in order (each is its own savepoint).
   */
  private async recompute(store: PortfolioStore, rows: KeptRevision[], options: { save: boolean; hold: boolean }): Promise<void> {
    const profile = await store.getProfile();
    for (let i = 0; i < rows.length; i += FIGURES_AT_ONCE) {
      const batch = rows.slice(i, i + FIGURES_AT_ONCE);
      const computed = await Promise.all(batch.map(async (row) => this.figuresOf(await this.requireProject(row.projectId, store), profile, store)));
      for (const [k, row] of batch.entries()) {
        const json = { summary: JSON.stringify(computed[k].summary), pool: JSON.stringify(computed[k].pool) };
        if (options.save) await store.keepFigures(row.projectId, row.revision, json);
        if (options.hold) this.hold(row.projectId, row.revision, json.summary, json.pool);
      }
    }
  }

  /**
   * Recomputes every live project's figures from all of its rows (every status, the engine's
   * own rule for the status in force) and lists where they differ from the kept ones. Stale rows
   * are brought up to date first, as any read does: what is compared is what a read would show.
   */
  async verifyFigures(onProgress?: (done: number, total: number) => void): Promise<FigureDifference[]> {
    const kept = new Map((await this.keptFigures()).map((k) => [k.projectId, k]));
    const out: FigureDifference[] = [];
    for (const fresh of await this.loadPortfolio(onProgress)) {
      const { project } = fresh;
      const k = kept.get(project.id);
      kept.delete(project.id);
      if (!k) {
        out.push({ projectId: project.id, name: project.name, field: 'row', kept: null, fresh: null });
        continue;
      }
      const pool = poolContribution(fresh.goals, fresh.statusReports, fresh.evaluation?.date ?? null, fresh.evaluationSummary);
      const found = [...differences(k.summary, fresh.summary, 'summary'), ...differences(k.pool, pool, 'pool')];
      out.push(...found.map((d) => ({ projectId: project.id, name: project.name, ...d })));
    }
    for (const k of kept.values()) out.push({ projectId: k.projectId, name: k.summary.name, field: 'row', kept: null, fresh: null });
    return out;
  }

  /** The last roll-ups computed, by the pools they were computed over (held objects: a changed project is a new object). */
  private readonly rollups: { pools: readonly PoolContribution[]; indicators: string; rollup: PortfolioRollup }[] = [];

  /** The engine's roll-up over these kept figures, reused while the same held figures and indicators stand. */
  private rollupOf(rows: readonly KeptFigures[], indicators: readonly Indicator[]): PortfolioRollup {
    const key = JSON.stringify(indicators);
    const found = this.rollups.find((r) => r.indicators === key && r.pools.length === rows.length && rows.every((k, i) => r.pools[i] === k.pool));
    if (found) return found.rollup;
    const rollup = deepFreeze(rollupOfKept(rows, indicators, indicatorRef));
    this.rollups.unshift({ pools: rows.map((k) => k.pool), indicators: key, rollup });
    this.rollups.length = Math.min(this.rollups.length, 4);
    return rollup;
  }

  private warming: Promise<void> | null = null;

  /**
   * Reads every project's kept figures into memory ahead of the first screen's call: the app
   * does it as the window opens, so main parses them while the renderer starts (issue 12, first
   * paint), not after the renderer has asked. A failure here is not reported: the view's own
   * call meets the same failure and shows it.
   */
  warmUp(): void {
    if (this.warming) return;
    this.warming = this.keptFigures()
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        this.warming = null;
      });
  }

  /**
   * The projects the filter shows, with the portfolio's headline and pooled figures over them
   * (from the kept figures); `all` is every live project's summary (the filters' choices).
   */
  async portfolioOverview(filter: PortfolioFilter = {}): Promise<PortfolioOverview & { indicators: Indicator[]; kept: KeptFigures[]; all: ProjectSummary[] }> {
    // A call while the figures are being read ahead waits for that read instead of doing it twice.
    if (this.warming) await this.warming;
    const kept = await this.keptFigures();
    const indicators = await this.store.listIndicators();
    const all = kept.map((k) => k.summary);
    const shown = new Set(filterSummaries(all, filter).map((s) => s.projectId));
    const rows = kept.filter((k) => shown.has(k.projectId));
    return { rows: rows.map((k) => k.summary), total: kept.length, filter, rollup: this.rollupOf(rows, indicators), indicators, kept: rows, all };
  }
}

/** Stands in for the pool where the caller asked for summaries only (not parsed, never read). */
const NO_POOL: PoolContribution = deepFreeze({ format: KEPT_FIGURES_FORMAT, workbook: { progress: null, overrides: null }, levelAverages: { A: null, B: null, C: null }, linked: [], unlinked: { A: 0, B: 0, C: 0 } });

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
      scores.find((s) => s.parameter === parameter) ?? { evaluationId, parameter, score: null, headline: '', text: '', version: 0 },
  );
}

/** Always three light decisions, with the current suggestion filled in. */
function completeLights(evaluationId: number, lights: LightDecision[], summary: EvaluationSummary): LightDecision[] {
  return LIGHT_KINDS.map((kind) => {
    const stored = lights.find((l) => l.kind === kind);
    const suggested = summary.lights[kind].suggested;
    return stored
      ? { ...stored, suggested }
      : { evaluationId, kind, suggested, override: null, reason: '', text: '', version: 0 };
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
    period: { start: project.periodStart, end: project.periodEnd },
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
