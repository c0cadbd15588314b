import type { Goal, GoalLevel, Indicator } from '../../shared/domain';
import { ServiceError } from '../../shared/contracts/core';
import { SUGGESTION_GOALS_NAMED, type IndicatorSuggestionView, type IndicatorUsage } from '../../shared/contracts/views';
import { suggestIndicatorLinks } from '../../shared/methodology/indicators';
import type { IndicatorInput, PortfolioStore } from '../storage/store';
import type { GoalService } from './goalService';

/**
 * Indicators: what goals of several projects have in common, so that the portfolio can pool them
 * (METHODOLOGY.md section 11). Linking is the user's decision; the suggestions (same level, unit
 * and wording in several projects) are applied only when confirmed, all goals in one transaction.
 */

const same = (a: string, b: string) => a.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('da') === b.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('da');
const LEVEL_DA: Record<GoalLevel, string> = { A: 'aktivitetsmål', B: 'outputmål', C: 'effektmål' };

export class IndicatorService {
  constructor(
    readonly store: PortfolioStore,
    private readonly goals: GoalService,
  ) {}

  async list(): Promise<IndicatorUsage[]> {
    const [indicators, goals] = await Promise.all([this.store.listIndicators(), this.store.listPortfolioGoals()]);
    return indicators.map((i) => {
      const linked = goals.filter((g) => g.indicatorId === i.id);
      return { ...i, goals: linked.length, projects: new Set(linked.map((g) => g.projectId)).size };
    });
  }

  /** Creates or changes an indicator and links `linkGoalIds` to it, all or nothing. */
  async save(input: IndicatorInput & { linkGoalIds?: number[] }): Promise<{ indicator: Indicator; goals: Goal[] }> {
    const { linkGoalIds = [], ...fields } = input;
    return this.store.transaction(async (tx) => {
      const all = await tx.listIndicators();
      const twin = all.find((i) => i.id !== fields.id && i.level === fields.level && same(i.name, fields.name) && same(i.unit, fields.unit));
      if (twin)
        throw new ServiceError(
          'CONFLICT',
          `Der findes allerede en indikator "${twin.name}"${twin.unit ? ` (${twin.unit})` : ''} for ${LEVEL_DA[twin.level]}. Knyt målene til den i stedet.`,
          [{ path: 'name', message: 'Navnet er allerede brugt på dette niveau.' }],
        );
      if (fields.id !== undefined) {
        const linked = (await tx.listPortfolioGoals()).filter((g) => g.indicatorId === fields.id && g.level !== fields.level);
        if (linked.length)
          throw new ServiceError(
            'VALIDATION',
            `Indikatoren er knyttet til ${linked.length} mål på et andet niveau; fjern dem fra indikatoren, før niveauet ændres.`,
          );
      }
      const indicator = await tx.saveIndicator(fields);
      const goals = await this.linkIn(tx, linkGoalIds, indicator.id);
      return { indicator, goals };
    });
  }

  async remove(id: number): Promise<void> {
    await this.store.deleteIndicator(id);
  }

  /** Links the goals to the indicator (null: unlinks them), all or nothing. */
  async link(goalIds: number[], indicatorId: number | null): Promise<Goal[]> {
    return this.store.transaction((tx) => this.linkIn(tx, goalIds, indicatorId));
  }

  private async linkIn(tx: PortfolioStore, goalIds: number[], indicatorId: number | null): Promise<Goal[]> {
    const out: Goal[] = [];
    for (const goalId of [...new Set(goalIds)]) {
      const goal = await tx.getGoal(goalId);
      if (!goal) throw new ServiceError('NOT_FOUND', `Målet (id ${goalId}) findes ikke. Det kan være slettet i mellemtiden.`);
      if (indicatorId !== null) await this.goals.requireIndicatorFor(indicatorId, goal, tx);
      out.push(await tx.updateGoal(goalId, { indicatorId }));
    }
    return out;
  }

  /**
   * The last suggestions computed, with what they were computed from: every live project's
   * revision (bumped by any write to its goals or its name) and the indicators. While both stand
   * the portfolio's suggestions are the same, so reading 150,000 goals again is skipped.
   */
  private computed: { key: string; all: { suggestion: IndicatorSuggestionView; projectIds: Set<number> }[] } | null = null;

  /** Suggested links; with `projectId` only those that touch a goal of that project. */
  async suggestions(projectId?: number): Promise<IndicatorSuggestionView[]> {
    const [revisions, indicators] = await Promise.all([this.store.listKeptRevisions(), this.store.listIndicators()]);
    const key = JSON.stringify([revisions.map((r) => [r.projectId, r.revision]), indicators]);
    if (this.computed?.key !== key) this.computed = { key, all: await this.computeSuggestions(indicators) };
    return this.computed.all.filter((s) => projectId === undefined || s.projectIds.has(projectId)).map((s) => s.suggestion);
  }

  private async computeSuggestions(indicators: Indicator[]): Promise<{ suggestion: IndicatorSuggestionView; projectIds: Set<number> }[]> {
    const [goals, projects] = await Promise.all([this.store.listGoalWordings(), this.store.listProjects()]);
    const projectName = new Map(projects.map((p) => [p.id, p.name]));
    const byId = new Map(goals.map((g) => [g.goalId, g]));
    const suggestions = suggestIndicatorLinks(goals, indicators);
    return suggestions.map((s) => ({
      projectIds: new Set(s.goalIds.map((id) => byId.get(id)!.projectId)),
      suggestion: {
        ...s,
        indicatorName: s.kind === 'existing' ? (indicators.find((i) => i.id === s.indicatorId)?.name ?? '') : s.name,
        goals: s.goalIds.slice(0, SUGGESTION_GOALS_NAMED).map((id) => {
          const g = byId.get(id)!;
          return { goalId: g.goalId, projectId: g.projectId, projectName: projectName.get(g.projectId) ?? '', code: g.code, description: g.description, unit: g.unit };
        }),
      },
    }));
  }
}

