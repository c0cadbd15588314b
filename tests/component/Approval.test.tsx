import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { GoalTable } from '../../renderer/src/views/project/GoalTable';
import { GoalsTab } from '../../renderer/src/views/project/GoalsTab';
import { RightsLock } from '../../renderer/src/rights';
import { ResumeTab } from '../../renderer/src/views/project/ResumeTab';
import type { StatusReport } from '../../shared/domain';
import { headstartFixture, mockApi, renderWithApp, withProject, type MockApi } from './render';

const text = (el: HTMLElement) => (el.textContent ?? '').replace(/\s/g, ' ');
const APPROVED = { state: 'approved' as const, by: 'Sara Sagsbehandler', at: '2024-03-05T09:30:00.000Z', comment: '' };

/** Headstart's B goals, B1's status imported ("indrapporteret"), B2's approved, the rest entered by hand. */
function statuses(): { reports: StatusReport[]; b1: StatusReport } {
  const { project } = headstartFixture();
  const code = (id: number) => project.goals.find((g) => g.id === id)!.code;
  const reports = project.statusReports.map((r): StatusReport => {
    if (code(r.goalId) === 'B1') return { ...r, approval: { state: 'reported', by: '', at: null, comment: '' } };
    if (code(r.goalId) === 'B2') return { ...r, approval: APPROVED };
    return r;
  });
  return { reports, b1: reports.find((r) => code(r.goalId) === 'B1')! };
}

function renderTable(api: MockApi, language: 'da' | 'en' = 'da') {
  const { project, evaluation } = headstartFixture();
  const { reports, b1 } = statuses();
  const onChanged = vi.fn(async () => {});
  renderWithApp(
    <GoalTable projectId={1} level="B" goals={project.goals.filter((g) => g.level === 'B')} result={evaluation.summary.levels.B} statusReports={reports} evaluationDate="2022-12-02" period={{ start: '2019-01-01', end: '2022-12-31' }} indicators={[]} suggestions={[]} onChanged={onChanged} />,
    { api, language },
  );
  return { onChanged, b1 };
}

describe('approval of reported figures in the goal table', () => {
  it('marks an imported status "Indrapporteret", shows who approved another and when, and nothing on a status entered by hand', () => {
    renderTable(mockApi());
    const b1 = screen.getByTestId('goal-approval-B1');
    expect(within(b1).getByText('Indrapporteret')).toBeTruthy();
    expect((within(b1).getByRole('button', { name: 'Godkend status for B1' }) as HTMLButtonElement).disabled).toBe(false);
    expect(text(screen.getByTestId('goal-approval-B2'))).toBe('Godkendt af Sara Sagsbehandler 05.03.2024');
    expect(screen.queryByTestId('goal-approval-B4')).toBeNull();
  });

  it('says the same in English', () => {
    renderTable(mockApi(), 'en');
    expect(within(screen.getByTestId('goal-approval-B1')).getByText('Reported')).toBeTruthy();
    expect(text(screen.getByTestId('goal-approval-B2'))).toMatch(/^Approved by Sara Sagsbehandler 5 Mar(ch)? 2024$/);
  });

  it('approves one status through figures:approve and reloads', async () => {
    const api = mockApi({ figuresApprove: async () => ({ ok: true, value: { count: 1, decision: APPROVED } }) });
    const { onChanged, b1 } = renderTable(api);
    await userEvent.click(screen.getByRole('button', { name: 'Godkend status for B1' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(api.figuresApprove).toHaveBeenCalledWith({ projectId: 1, figures: [{ kind: 'status', id: b1.id }] });
  });

  it('returns a status only with a comment', async () => {
    const api = mockApi({ figuresReturn: async () => ({ ok: true, value: { count: 1, decision: { ...APPROVED, state: 'returned', comment: 'Mangler bilag' } } }) });
    const { onChanged, b1 } = renderTable(api);
    await userEvent.click(screen.getByRole('button', { name: 'Returnér status for B1 med en kommentar' }));
    const dialog = await screen.findByRole('dialog', { name: 'Returnér status for B1 til bevillingsmodtageren' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Returnér' }));
    expect(within(dialog).getByText('Skriv en kommentar for at returnere tallet.')).toBeTruthy();
    expect(api.figuresReturn).not.toHaveBeenCalled();
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Kommentar/ }), 'Mangler bilag');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Returnér' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(api.figuresReturn).toHaveBeenCalledWith({ projectId: 1, figures: [{ kind: 'status', id: b1.id }], comment: 'Mangler bilag' });
  });

  it('shows a returned status with its comment', () => {
    const { project, evaluation } = headstartFixture();
    const { reports, b1 } = statuses();
    const returned = reports.map((r) => (r.id === b1.id ? { ...r, approval: { ...APPROVED, state: 'returned' as const, comment: 'Mangler bilag' } } : r));
    renderWithApp(
      <GoalTable projectId={1} level="B" goals={project.goals.filter((g) => g.level === 'B')} result={evaluation.summary.levels.B} statusReports={returned} evaluationDate="2022-12-02" period={{ start: '2019-01-01', end: '2022-12-31' }} indicators={[]} suggestions={[]} onChanged={vi.fn()} />,
      { api: mockApi() },
    );
    expect(text(screen.getByTestId('goal-approval-B1'))).toBe('Returneret af Sara Sagsbehandler 05.03.2024: Mangler bilag');
  });
});

describe('approving all of a project', () => {
  it('counts the figures awaiting approval and approves them all at once', async () => {
    const { project, evaluation } = headstartFixture();
    const { reports } = statuses();
    const withReported = { ...project, statusReports: reports, evaluations: project.evaluations.map((e) => ({ ...e, progressApproval: { state: 'reported' as const, by: '', at: null, comment: '' } })) };
    const reload = vi.fn(async () => {});
    const api = mockApi({
      figuresApprove: async () => ({ ok: true, value: { count: 2, decision: APPROVED } }),
      indicatorList: async () => ({ ok: true, value: [] }),
      indicatorSuggestions: async () => ({ ok: true, value: [] }),
    });
    renderWithApp(withProject(<GoalsTab />, withReported, evaluation, reload), { api });
    const alert = screen.getByTestId('pending-approvals');
    expect(within(alert).getByText('2 indrapporterede tal afventer godkendelse')).toBeTruthy();
    await userEvent.click(within(alert).getByRole('button', { name: 'Godkend alle 2' }));
    await waitFor(() => expect(reload).toHaveBeenCalled());
    expect(api.figuresApprove).toHaveBeenCalledWith({ projectId: project.project.id });
  });
});

describe('approval on a team server', () => {
  it("an evaluator of the project sees the figures awaiting approval but cannot approve them: the buttons are disabled (the case officer's right)", async () => {
    const { project, evaluation } = headstartFixture();
    const { reports } = statuses();
    const withReported = { ...project, statusReports: reports, evaluations: project.evaluations.map((e) => ({ ...e, progressApproval: { state: 'reported' as const, by: '', at: null, comment: '' } })) };
    const api = mockApi({
      // What main answers an evaluator assigned to the project: the round is theirs, its budget and time are not.
      sessionRights: async () => ({ ok: true, value: { user: 'ida', roles: ['evaluator'], writable: ['evaluations', 'implementation_scores', 'light_decisions'], projects: [project.project.id] } }),
      indicatorList: async () => ({ ok: true, value: [] }),
      indicatorSuggestions: async () => ({ ok: true, value: [] }),
    });
    renderWithApp(withProject(<GoalsTab />, withReported, evaluation), { api });
    const alert = screen.getByTestId('pending-approvals');
    await waitFor(() => expect((within(alert).getByRole('button', { name: 'Godkend alle 2' }) as HTMLButtonElement).disabled).toBe(true));
    const approveB1 = screen.getAllByRole('button', { name: /^Godkend status for B1/ })[0] as HTMLButtonElement;
    expect(approveB1.disabled).toBe(true);
    expect(api.figuresApprove).not.toHaveBeenCalled();
  });
});

describe('approval on a team server, whatever the tab', () => {
  it("a case officer may approve inside a part of the app locked for them by another table's right (the approval names its own right)", async () => {
    const { project, evaluation } = headstartFixture();
    const { reports } = statuses();
    const withReported = { ...project, statusReports: reports };
    const api = mockApi({
      sessionRights: async () => ({ ok: true, value: { user: 'sara', roles: ['case-officer'], writable: ['goals', 'status_reports', 'evaluation_progress'], projects: [project.project.id] } }),
      indicatorList: async () => ({ ok: true, value: [] }),
      indicatorSuggestions: async () => ({ ok: true, value: [] }),
    });
    renderWithApp(
      withProject(
        <RightsLock table="light_decisions" projectId={project.project.id}>
          <GoalsTab />
        </RightsLock>,
        withReported,
        evaluation,
      ),
      { api },
    );
    // The rights have arrived once the tab's own field is read-only.
    await waitFor(() => expect(screen.getAllByRole('img', { name: /kun en evaluator kan ændre lysvurderinger/ }).length).toBeGreaterThan(0));
    const approveB1 = screen.getAllByRole('button', { name: /^Godkend status for B1/ })[0] as HTMLButtonElement;
    expect(approveB1.disabled).toBe(false);
  });
});

describe('unapproved figures in the Resumé', () => {
  it('counts the round\'s statuses not approved per level and marks the budget consumption', () => {
    const { project, evaluation } = headstartFixture();
    const { reports } = statuses();
    const withReported = { ...project, statusReports: reports };
    const round = { ...evaluation, evaluation: { ...evaluation.evaluation, progressApproval: { state: 'reported' as const, by: '', at: null, comment: '' } } };
    renderWithApp(withProject(<ResumeTab />, withReported, round), { api: mockApi() });
    expect(text(screen.getByTestId('resume-unapproved-B'))).toBe('1 status indrapporteret, ikke godkendt');
    expect(screen.queryByTestId('resume-unapproved-C')).toBeNull();
    expect(text(screen.getByTestId('resume-unapproved-progress'))).toBe('Indrapporteret, ikke godkendt');
  });

  it('says nothing when every figure is approved or entered by hand', () => {
    const { project, evaluation } = headstartFixture();
    renderWithApp(withProject(<ResumeTab />, project, evaluation), { api: mockApi() });
    expect(screen.queryByTestId('resume-unapproved-B')).toBeNull();
    expect(screen.queryByTestId('resume-unapproved-progress')).toBeNull();
  });
});
