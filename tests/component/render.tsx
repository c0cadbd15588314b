import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import type { ApiClient, EvaluationDetail, ProjectDetail } from '../../shared/contracts';
import type { Goal, ImplementationScore, StatusReport } from '../../shared/domain';
import { DEFAULT_PROFILE, evaluate, type GoalInput } from '../../shared/methodology';
import type { PortfolioPageRow } from '../../shared/portfolioPage';
import { createI18n, type Language } from '../../renderer/src/i18n';
import { AppProviders } from '../../renderer/src/providers';
import { ProjectDataContext } from '../../renderer/src/views/project/ProjectData';

export type MockApi = { [K in keyof ApiClient]: ReturnType<typeof vi.fn> };

/** An api whose every method is a mock answering `{ ok: true, value: {} }` unless told otherwise. */
export function mockApi(overrides: Partial<Record<keyof ApiClient, (input: unknown) => Promise<unknown>>> = {}): MockApi {
  const target: Record<string, ReturnType<typeof vi.fn>> = {};
  return new Proxy(target, {
    get(t, name: string) {
      if (!t[name]) t[name] = vi.fn(overrides[name as keyof ApiClient] ?? (async () => ({ ok: true, value: {} })));
      return t[name];
    },
  }) as unknown as MockApi;
}

/** Renders inside the app's providers (Mantine theme, i18n, the api client) in Mantine's test env. */
export function renderWithApp(ui: ReactElement, options: { api: MockApi; language?: Language }): RenderResult {
  const i18n = createI18n(options.language ?? 'da');
  return render(
    <AppProviders api={options.api as unknown as ApiClient} i18n={i18n} env="test">
      {ui}
    </AppProviders>,
  );
}

export function withProject(ui: ReactElement, project: ProjectDetail, evaluation: EvaluationDetail, reload = vi.fn(async () => {})) {
  return (
    <ProjectDataContext.Provider value={{ project, evaluation, reload }}>
      {ui}
    </ProjectDataContext.Provider>
  );
}

const NOW = '2022-12-02T12:00:00.000Z';

/** A Headstart-like project: goals B1, B2, B4 and C2 (printed 88 % against 45/60), scores 4,4,4,4,4,3. */
export function headstartFixture(scores: (number | null)[] = [4, 4, 4, 4, 4, 3]) {
  const goals: Goal[] = [
    { id: 1, projectId: 1, level: 'B', code: 'B1', description: 'Antal deltagere', unit: 'deltagere', targetInPeriod: 256, targetAfterPeriod: null, direction: 'higher', baseline: null, position: 0, indicatorId: null },
    { id: 2, projectId: 1, level: 'B', code: 'B2', description: 'Antal virksomheder', unit: 'virksomheder', targetInPeriod: 90, targetAfterPeriod: null, direction: 'higher', baseline: null, position: 1, indicatorId: null },
    { id: 3, projectId: 1, level: 'B', code: 'B4', description: 'Antal kandidater', unit: 'kandidater', targetInPeriod: 19037, targetAfterPeriod: null, direction: 'higher', baseline: null, position: 2, indicatorId: null },
    { id: 4, projectId: 1, level: 'C', code: 'C2', description: 'Internationale studenter i job', unit: '', targetInPeriod: 60, targetAfterPeriod: null, direction: 'higher', baseline: null, position: 3, indicatorId: null },
    { id: 5, projectId: 1, level: 'C', code: 'C3', description: 'Uden mål', unit: '', targetInPeriod: null, targetAfterPeriod: null, direction: 'higher', baseline: null, position: 4, indicatorId: null },
  ];
  const report = (id: number, goalId: number, value: number, printedPercent: number | null = null): StatusReport => ({
    id,
    goalId,
    value,
    reportedAt: '2022-12-02',
    reportedBy: 'Bevillingsmodtager',
    source: { file: '003 Evalueringsrapport Headstart.pdf', location: 'Figur 5' },
    printedPercent,
    createdAt: NOW,
  });
  const statusReports = [report(1, 1, 219), report(2, 2, 87), report(3, 3, 19037), report(4, 4, 45, 88)];
  const goalInputs: GoalInput[] = goals.map((g) => {
    const s = statusReports.find((r) => r.goalId === g.id);
    return {
      code: g.code,
      level: g.level,
      description: g.description,
      unit: g.unit,
      targetInPeriod: g.targetInPeriod,
      targetAfterPeriod: g.targetAfterPeriod,
      direction: g.direction,
      baseline: g.baseline,
      status: s ? { value: s.value, reportedAt: s.reportedAt, reportedBy: s.reportedBy, printedPercent: s.printedPercent, source: s.source } : null,
    };
  });
  const implScores: ImplementationScore[] = scores.map((score, i) => ({
    evaluationId: 1,
    parameter: (i + 1) as 1 | 2 | 3 | 4 | 5 | 6,
    score,
    headline: `Overskrift ${i + 1}`,
    text: `Begrundelse ${i + 1}`,
  }));
  const summary = evaluate(
    {
      evaluationType: 'final',
      evaluationDate: '2022-12-02',
      goals: goalInputs,
      scores: implScores.map((s) => ({ parameter: s.parameter, score: s.score })),
      decisions: [],
      progress: {
        evaluationDate: '2022-12-02',
        periodStart: '2019-01-01',
        periodEnd: '2022-12-31',
        totalBudgetKr: 20_000_000,
        budgetSpentKr: 20_000_000,
        budgetTotalReportedKr: null,
        monthsElapsedReported: null,
        monthsTotalReported: null,
      },
      budgetLines: [],
      financing: [],
    },
    DEFAULT_PROFILE,
  );
  const project: ProjectDetail = {
    project: {
      id: 1,
      name: 'Tiltrækning af talent (Headstart)',
      grantRecipient: 'Aarhus Kommune',
      projectHolder: 'Business Region Aarhus',
      caseOfficer: 'Annette Zeh',
      fundingSource: 'Socialfonden (ESF)',
      priorityAxis: '',
      totalBudgetKr: 20_000_000,
      periodStart: '2019-01-01',
      periodEnd: '2022-12-31',
      partners: '',
      journalNumber: '',
      description: '',
      createdAt: NOW,
      updatedAt: NOW,
    },
    effectChain: [],
    goals,
    statusReports,
    budgetLines: [],
    financing: [],
    evaluations: [],
  };
  const evaluation: EvaluationDetail = {
    evaluation: {
      id: 1,
      projectId: 1,
      type: 'final',
      date: '2022-12-02',
      evaluator: 'Ekstern evaluator',
      budgetSpentKr: 20_000_000,
      budgetTotalReportedKr: null,
      monthsElapsedReported: null,
      monthsTotalReported: null,
      progressReportedBy: '',
      progressReportedAt: null,
      overallStatus: '',
      createdAt: NOW,
    },
    scores: implScores,
    lights: [],
    survey: [],
    learning: [],
    spendingByYear: [],
    texts: { facts: '', implementation: '', activityGoals: '', progress: '', outputGoals: '', effect: '', learning: '' },
    textVersions: { facts: 0, implementation: 0, activityGoals: 0, progress: 0, outputGoals: 0, effect: 0, learning: 0 },
    signOff: { state: 'draft', finalizedAt: null, finalizedBy: '' },
    summary,
    profile: DEFAULT_PROFILE,
    profileVersion: { version: 1, createdAt: '2026-12-03T10:00:00.000Z', createdBy: '' },
  };
  project.evaluations = [evaluation.evaluation];
  return { project, evaluation };
}

/** A promise the test settles by hand, to look at the screen while a save is in flight. */
/** A row of the portfolio view's page (a midterm round, green/yellow lights), as main sends it. */
export const portfolioRow = (projectId: number, name: string, warningCount = 0): PortfolioPageRow => ({
  projectId,
  name,
  grantRecipient: 'Aarhus Kommune',
  caseOfficer: 'Lars Holm',
  fundingSource: 'Socialfonden',
  evaluationType: 'midterm',
  evaluationDate: '2024-06-30',
  implementation: { score: 3.5, scored: 6 },
  lights: { implementation: 'green', goals: 'yellow', effect: null },
  outputPercent: 0.5,
  budgetPercent: 0.25,
  timePercent: 0.75,
  warningCount,
});

export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
