import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEFAULT_PROFILE, evaluate, type EvaluationInput, type LightDecisionInput } from '../../shared/methodology';
import { LightDecisionEditor } from '../../renderer/src/views/project/LightDecision';
import { ResumeTab } from '../../renderer/src/views/project/ResumeTab';
import { headstartFixture, mockApi, renderWithApp, withProject } from './render';

/**
 * Headstart's figures with its effect goal C2 at 33 of 60 (55 %, final: a red band, suggested
 * yellow because at least half of the effects are reached) and the given evaluator decisions.
 */
function fixture(decisions: LightDecisionInput[]) {
  const { project, evaluation } = headstartFixture();
  const input: EvaluationInput = {
    evaluationType: 'final',
    evaluationDate: '2022-12-02',
    goals: project.goals.map((g) => {
      const s = project.statusReports.find((r) => r.goalId === g.id);
      const value = g.code === 'C2' ? 33 : (s?.value ?? null);
      return {
        code: g.code,
        level: g.level,
        description: g.description,
        unit: g.unit,
        targetInPeriod: g.targetInPeriod,
        targetAfterPeriod: g.targetAfterPeriod,
        direction: g.direction,
        baseline: g.baseline,
        status: s ? { value, reportedAt: s.reportedAt, reportedBy: s.reportedBy, printedPercent: null, source: s.source } : null,
      };
    }),
    scores: evaluation.scores.map((s) => ({ parameter: s.parameter, score: s.score })),
    decisions,
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
  };
  const summary = evaluate(input, DEFAULT_PROFILE);
  const lights = decisions.map((d) => ({ evaluationId: 1, kind: d.kind, suggested: summary.lights[d.kind].suggested, override: d.override, reason: d.reason, text: '' }));
  return { project, evaluation: { ...evaluation, summary, lights } };
}

const EXPLANATION =
  'Effektmålenes gennemsnit 55 % ligger i et rødt bånd: Målopnåelsen er meget under det ønskede niveau. Forslaget er gult, fordi mindst 50 % af de forventede effekter er nået.';

describe('the light decision and the Resumé (issue 10, point 11b and d)', () => {
  it('explains why the effect suggestion is yellow where the band is red, in the engine’s words', () => {
    const { project, evaluation } = fixture([]);
    expect(evaluation.summary.lights.effect.explanation?.message).toBe(EXPLANATION);
    renderWithApp(withProject(<LightDecisionEditor kind="effect" />, project, evaluation), { api: mockApi() });
    expect(screen.getByTestId('light-decision-effect').textContent).toContain('Gul');
    expect(screen.getByTestId('light-explanation-effect').textContent).toBe(EXPLANATION);
  });

  it('shows the explanation on the Resumé too, and in English in English', () => {
    const { project, evaluation } = fixture([]);
    const { unmount } = renderWithApp(withProject(<ResumeTab />, project, evaluation), { api: mockApi() });
    expect(screen.getByTestId('resume-explanation-effect').textContent).toBe(EXPLANATION);
    unmount();
    renderWithApp(withProject(<ResumeTab />, project, evaluation), { api: mockApi(), language: 'en' });
    expect(screen.getByTestId('resume-explanation-effect').textContent).toBe(
      "The effect goals' average 55% is in a red band: Goal attainment is far below the desired level. The suggestion is yellow because at least 50% of the expected effects are reached.",
    );
  });

  it('does not call a choice equal to the suggestion an override', () => {
    const { project, evaluation } = fixture([{ kind: 'goals', override: 'green', reason: '' }]);
    expect(evaluation.summary.lights.goals).toMatchObject({ suggested: 'green', override: 'green', overridden: false });
    const { unmount } = renderWithApp(withProject(<LightDecisionEditor kind="goals" />, project, evaluation), { api: mockApi() });
    const card = screen.getByTestId('light-decision-goals');
    expect(card.textContent).toContain('Valgt af evaluator (samme som forslaget)');
    expect(card.textContent).not.toContain('Tilsidesat');
    unmount();
    renderWithApp(withProject(<ResumeTab />, project, evaluation), { api: mockApi() });
    expect(screen.queryByText(/Tilsidesat/)).toBeNull();
  });

  it('calls a different choice an override and names the suggestion', () => {
    const { project, evaluation } = fixture([{ kind: 'goals', override: 'yellow', reason: 'B2 er usikker' }]);
    const { unmount } = renderWithApp(withProject(<LightDecisionEditor kind="goals" />, project, evaluation), { api: mockApi() });
    expect(screen.getByTestId('light-decision-goals').textContent).toContain('Tilsidesat af evaluator');
    unmount();
    renderWithApp(withProject(<ResumeTab />, project, evaluation), { api: mockApi() });
    expect(screen.getByText('Tilsidesat; forslaget var Grøn.')).toBeTruthy();
  });

  it('lets the effect reason cite an effect goal\'s comparison in the Goals tab\'s words, appended to what is written', async () => {
    const { project, evaluation } = fixture([]);
    const withComparison = {
      ...project,
      goals: project.goals.map((g) => (g.code === 'C2' ? { ...g, comparisonValue: 31, comparisonSource: 'Danmarks Statistik', comparisonYear: 2018, comparisonLabel: 'alle internationale dimittender' } : g)),
    };
    renderWithApp(withProject(<LightDecisionEditor kind="effect" />, withComparison, evaluation), { api: mockApi() });
    const reason = screen.getByLabelText(/Begrundelse/) as HTMLTextAreaElement;
    await userEvent.type(reason, 'Effekten er tydelig.');
    await userEvent.click(screen.getByRole('button', { name: 'Indsæt sammenligningen for C2 i begrundelsen' }));
    expect(reason.value).toMatch(/^Effekten er tydelig\. C2: .+ mod 31 .+kilde: Danmarks Statistik 2018\.$/);
  });

  it('offers no citation on the goal-attainment light, nor when no goal has a comparison', () => {
    const { project, evaluation } = fixture([]);
    const { unmount } = renderWithApp(withProject(<LightDecisionEditor kind="effect" />, project, evaluation), { api: mockApi() });
    expect(screen.queryByTestId('light-citations-effect')).toBeNull();
    unmount();
    const withComparison = { ...project, goals: project.goals.map((g) => (g.code === 'C2' ? { ...g, comparisonValue: 31, comparisonSource: 'Danmarks Statistik', comparisonYear: 2018 } : g)) };
    renderWithApp(withProject(<LightDecisionEditor kind="goals" />, withComparison, evaluation), { api: mockApi() });
    expect(screen.getByTestId('light-decision-goals')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Indsæt sammenligningen/ })).toBeNull();
  });
});
