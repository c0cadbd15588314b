import { screen, waitFor, within } from '@testing-library/react';
import { LockProvider } from '../../renderer/src/components/lock';
import { RightsLock } from '../../renderer/src/rights';
import { FactsTab } from '../../renderer/src/views/project/FactsTab';
import { GoalsTab } from '../../renderer/src/views/project/GoalsTab';
import type { TeamRole } from '../../shared/team/roleMatrix';
import { headstartFixture, mockApi, renderWithApp, withProject } from './render';

/**
 * What a user of a team server may not change is read-only (or disabled) with the reason, down to
 * the parts of a tab that write another table than the tab's own (issue 13): a final round's lock
 * and the rights are two layers, so lifting one (a goal's wording may change in a final round)
 * never lifts the other.
 */

const FINAL = 'Slutevaluering 02.12.2022 er afsluttet 03.12.2026 af ida og er låst. Genåbn runden for at ændre den.';

function apiAs(role: TeamRole, writable: string[]) {
  return mockApi({
    sessionRights: async () => ({ ok: true, value: { user: 'ida', roles: [role], writable, projects: [1] } }),
    indicatorList: async () => ({ ok: true, value: [] }),
    indicatorSuggestions: async () => ({ ok: true, value: [] }),
    businessCaseGet: async () => ({ ok: true, value: null }),
    sourceList: async () => ({ ok: true, value: [] }),
  });
}

/** The facts tab as ProjectView shows it: under the right to the project's facts. */
function renderFactsTab(api: ReturnType<typeof apiAs>) {
  const { project, evaluation } = headstartFixture();
  renderWithApp(
    withProject(
      <RightsLock table="projects" projectId={1}>
        <FactsTab />
      </RightsLock>,
      project,
      evaluation,
    ),
    { api },
  );
}

const EVALUATOR_WRITES = ['evaluations', 'implementation_scores', 'light_decisions', 'evaluation_texts', 'learning_points', 'survey_indicators'];

describe('rights inside a tab', () => {
  it("a manager in a final round: the goal's wording, which the round lets change, stays read-only with the right's reason", async () => {
    const { project, evaluation } = headstartFixture();
    renderWithApp(
      withProject(
        <RightsLock table="status_reports" projectId={1}>
          <LockProvider reason={FINAL}>
            <GoalsTab />
          </LockProvider>
        </RightsLock>,
        project,
        evaluation,
      ),
      { api: apiAs('manager', []) },
    );
    const wording = screen.getByRole('textbox', { name: 'B1 Beskrivelse' });
    await waitFor(() => expect(wording).toHaveProperty('readOnly', true));
    // The padlock says why: the right, not the round (which would allow it).
    const row = screen.getByTestId('goal-B1');
    expect(within(row).getAllByRole('img', { name: 'Du er logget ind som ida (leder): kun en sagsbehandler kan ændre status på mål. Serveren afviser ændringen.' }).length).toBeGreaterThan(0);
    for (const add of screen.getAllByRole('button', { name: /Tilføj mål/ })) expect((add as HTMLButtonElement).disabled).toBe(true);
  });

  it("an evaluator on the facts tab writes the round's text on the facts, but the facts, the effect chain and the business case are read-only or disabled, with the reason", async () => {
    renderFactsTab(apiAs('evaluator', EVALUATOR_WRITES));
    const name = screen.getByRole('textbox', { name: 'Projektnavn' });
    await waitFor(() => expect(name).toHaveProperty('readOnly', true));
    expect(screen.getByRole('textbox', { name: 'Formål og baggrund (rapportens afsnit 2)' })).toHaveProperty('readOnly', false);
    for (const add of screen.getAllByRole('button', { name: 'Tilføj punkt' })) expect((add as HTMLButtonElement).disabled).toBe(true);
    const businessCase = screen.getByTestId('business-case');
    await waitFor(() => expect((within(businessCase).getByRole('button', { name: /Tilføj business case|Tilføj/ }) as HTMLButtonElement).disabled).toBe(true));
  });

  it('a case officer on the same tab: the facts and the effect chain are open, the round\'s text is the evaluator\'s', async () => {
    renderFactsTab(apiAs('case-officer', ['projects', 'effect_chain_items', 'evaluations', 'goals', 'status_reports', 'business_cases', 'evaluation_progress']));
    const text = screen.getByRole('textbox', { name: 'Formål og baggrund (rapportens afsnit 2)' });
    await waitFor(() => expect(text).toHaveProperty('readOnly', true));
    expect(screen.getByRole('textbox', { name: 'Projektnavn' })).toHaveProperty('readOnly', false);
    for (const add of screen.getAllByRole('button', { name: 'Tilføj punkt' })) expect((add as HTMLButtonElement).disabled).toBe(false);
  });
});
