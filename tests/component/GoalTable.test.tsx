import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { GoalTable } from '../../renderer/src/views/project/GoalTable';
import { headstartFixture, mockApi, renderWithApp } from './render';
import type { MockApi } from './render';
import type { GoalLevel } from '../../shared/domain';
import type { IndicatorSuggestionView, IndicatorUsage } from '../../shared/contracts';

const PARTICIPANTS: IndicatorUsage = { id: 7, code: 'EECO01', name: 'Deltagere i alt', unit: 'deltagere', level: 'B', createdAt: '2024-01-01', goals: 3, projects: 2 };
const COMPANIES_SUGGESTION: IndicatorSuggestionView = {
  kind: 'new',
  key: 'new:B|virksomheder|antal virksomheder',
  level: 'B',
  name: 'Antal virksomheder',
  unit: 'virksomheder',
  goalIds: [2, 42],
  projects: 2,
  indicatorName: 'Antal virksomheder',
  goals: [
    { goalId: 2, projectId: 1, projectName: 'Tiltrækning af talent (Headstart)', code: 'B2', description: 'Antal virksomheder', unit: 'virksomheder' },
    { goalId: 42, projectId: 2, projectName: 'Andet projekt', code: 'B3', description: 'Antal virksomheder', unit: 'virksomheder' },
  ],
};

function renderTable(level: GoalLevel, api: MockApi, language: 'da' | 'en' = 'da', options: { linkB1?: boolean; suggestions?: IndicatorSuggestionView[] } = {}) {
  const { project, evaluation } = headstartFixture();
  const onChanged = vi.fn(async () => {});
  const goals = project.goals.filter((g) => g.level === level).map((g) => (options.linkB1 && g.code === 'B1' ? { ...g, indicatorId: PARTICIPANTS.id } : g));
  renderWithApp(
    <GoalTable
      projectId={1}
      level={level}
      goals={goals}
      result={evaluation.summary.levels[level]}
      statusReports={project.statusReports}
      evaluationDate="2022-12-02"
      period={{ start: '2019-01-01', end: '2022-12-31' }}
      indicators={[PARTICIPANTS]}
      suggestions={options.suggestions ?? []}
      onChanged={onChanged}
    />,
    { api, language },
  );
  return { onChanged };
}

const text = (el: HTMLElement) => (el.textContent ?? '').replace(/\s/g, ' ');

describe('GoalTable', () => {
  it('shows each goal with its status, provenance and percent, and the level average with its light', () => {
    renderTable('B', mockApi());
    const b1 = screen.getByTestId('goal-B1');
    expect(text(within(b1).getByTestId('goal-percent-B1'))).toBe('86 %');
    expect(within(b1).getByText('219 deltagere')).toBeTruthy();
    expect(within(b1).getByText(/02\.12\.2022 · Bevillingsmodtager/)).toBeTruthy();
    // The note reads as one text; its file is a button that opens the kept file.
    expect(within(b1).getByText((_, el) => el?.tagName === 'SPAN' && /^003 Evalueringsrapport Headstart\.pdf, Figur 5/.test(el.textContent ?? ''))).toBeTruthy();
    expect(within(b1).getByRole('button', { name: '003 Evalueringsrapport Headstart.pdf' })).toBeTruthy();
    expect((within(b1).getByRole('textbox', { name: 'B1 Mål i perioden' }) as HTMLInputElement).value).toBe('256');
    expect((screen.getByRole('textbox', { name: 'B4 Mål i perioden' }) as HTMLInputElement).value).toBe('19.037');
    const average = screen.getByTestId('level-average-B');
    expect(text(average)).toContain('94 %');
    expect(text(average)).toContain('Grøn');
    expect(text(average)).toContain('3 af 3 mål rapporteret');
  });

  it('marks goals with a warning icon that gives the reason', () => {
    renderTable('C', mockApi());
    const c2 = screen.getByTestId('goal-C2');
    expect(within(c2).getByRole('img', { name: /^C2: trykt målopnåelse 88\s%\safviger fra beregnet 75\s%$/ })).toBeTruthy();
    const c3 = screen.getByTestId('goal-C3');
    expect(within(c3).getByText('intet mål')).toBeTruthy();
    expect(within(c3).getByRole('img', { name: /C3: intet mål i projektperioden/ })).toBeTruthy();
    expect(within(c3).getByText('ikke rapporteret')).toBeTruthy();
  });

  it('shows text typed into a target as an inline error and sends nothing', async () => {
    const api = mockApi();
    renderTable('B', api);
    const target = screen.getByRole('textbox', { name: 'B1 Mål i perioden' });
    await userEvent.clear(target);
    await userEvent.type(target, 'mange');
    await userEvent.tab();
    expect(within(screen.getByTestId('goal-B1')).getByText(/Skriv et tal/)).toBeTruthy();
    expect(api.goalUpdate).not.toHaveBeenCalled();
    expect((target as HTMLInputElement).value).toBe('mange');
  });

  it('reads Danish numbers ("19.037") and saves them at once', async () => {
    const api = mockApi({ goalUpdate: async () => ({ ok: true, value: {} }) });
    const { onChanged } = renderTable('B', api);
    const target = screen.getByRole('textbox', { name: 'B1 Mål i perioden' });
    await userEvent.clear(target);
    await userEvent.type(target, '19.037');
    await userEvent.tab();
    await waitFor(() => expect(api.goalUpdate).toHaveBeenCalledWith({ goalId: 1, patch: { targetInPeriod: 19037 } }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
  });

  it('keeps the input and shows the reason when main refuses a change', async () => {
    const api = mockApi({
      goalUpdate: async () => ({ ok: false, error: { code: 'CONFLICT', message: 'Projektet har allerede et mål med koden B2.' } }),
    });
    renderTable('B', api);
    const code = screen.getByRole('textbox', { name: 'Kode B1' });
    await userEvent.clear(code);
    await userEvent.type(code, 'B2');
    await userEvent.tab();
    await screen.findByText('Projektet har allerede et mål med koden B2.');
    expect((code as HTMLInputElement).value).toBe('B2');
  });

  it('refuses an empty code inline', async () => {
    const api = mockApi();
    renderTable('B', api);
    const code = screen.getByRole('textbox', { name: 'Kode B1' });
    await userEvent.clear(code);
    await userEvent.tab();
    expect(screen.getByText('Målet skal have en kode (fx B1).')).toBeTruthy();
    expect(api.goalUpdate).not.toHaveBeenCalled();
  });

  it('refuses a negative target inline and sends nothing (issue 10, point 11a)', async () => {
    const api = mockApi();
    renderTable('B', api);
    const target = screen.getByRole('textbox', { name: 'B1 Mål i perioden' });
    await userEvent.clear(target);
    await userEvent.type(target, '-4.380');
    await userEvent.tab();
    expect(within(screen.getByTestId('goal-B1')).getByText('Negative tal er kun tilladt for et mål, hvor lavere er bedre, med en baseline.')).toBeTruthy();
    expect(api.goalUpdate).not.toHaveBeenCalled();
  });

  it('shows the indicator a goal is linked to, and confirms a suggested link for the goals of both projects in one click', async () => {
    const api = mockApi();
    const { onChanged } = renderTable('B', api, 'da', { linkB1: true, suggestions: [COMPANIES_SUGGESTION] });
    expect(text(screen.getByTestId('goal-indicator-B1'))).toContain('EECO01 Deltagere i alt (deltagere)');
    expect(text(screen.getByTestId('goal-indicator-B1'))).toContain('3 mål i 2 projekter');
    expect(text(screen.getByTestId('goal-indicator-B4'))).toContain('Ikke knyttet: puljes ikke');
    await userEvent.click(screen.getByRole('button', { name: 'Forslag: Antal virksomheder (2 projekter). Bekræft for B2' }));
    await waitFor(() =>
      expect(api.indicatorSave).toHaveBeenCalledWith({ code: '', name: 'Antal virksomheder', unit: 'virksomheder', level: 'B', linkGoalIds: [2, 42] }),
    );
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
  });

  it('links a goal to an existing indicator of its level, or to a new one named after the goal', async () => {
    const api = mockApi({ indicatorList: async () => ({ ok: true, value: [PARTICIPANTS] }) });
    renderTable('B', api);
    await userEvent.click(screen.getByRole('button', { name: 'Knyt til indikator: B4' }));
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(within(dialog).getAllByLabelText('Indikator').length).toBeGreaterThan(0));
    expect((within(dialog).getAllByLabelText('Indikator').find((e) => e.tagName === 'INPUT') as HTMLInputElement).value).toBe('EECO01 Deltagere i alt (deltagere) · 3 mål i 2 projekter');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Knyt til indikatoren' }));
    await waitFor(() => expect(api.indicatorLink).toHaveBeenCalledWith({ goalIds: [3], indicatorId: 7 }));

    await userEvent.click(screen.getByRole('button', { name: 'Knyt til indikator: B2' }));
    const again = await screen.findByRole('dialog');
    await userEvent.click(within(again).getByRole('radio', { name: 'Ny indikator' }));
    expect((within(again).getByRole('textbox', { name: /Navn/ }) as HTMLInputElement).value).toBe('Antal virksomheder');
    await userEvent.click(within(again).getByRole('button', { name: 'Knyt til indikatoren' }));
    await waitFor(() => expect(api.indicatorSave).toHaveBeenCalledWith({ code: '', name: 'Antal virksomheder', unit: 'virksomheder', level: 'B', linkGoalIds: [2] }));
  });

  it('saves a status dated after the grant period only after the user confirms the warning (point 13)', async () => {
    const api = mockApi();
    renderTable('B', api);
    await userEvent.click(screen.getByRole('button', { name: 'Tilføj status B1' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Værdi/ }), '230');
    const date = within(dialog).getByRole('textbox', { name: /^Dato/ });
    await userEvent.clear(date);
    await userEvent.type(date, '15.03.2023');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Tilføj status' }));
    expect(text(await within(dialog).findByTestId('status-date-warnings'))).toContain('Statusdatoen 15.03.2023 ligger efter bevillingsperioden, der slutter 31.12.2022.');
    expect(api.statusAdd).not.toHaveBeenCalled();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Gem alligevel' }));
    await waitFor(() => expect(api.statusAdd).toHaveBeenCalledWith(expect.objectContaining({ value: 230, reportedAt: '2023-03-15', acceptWarnings: true })));
  });

  it('refuses a negative status in the form', async () => {
    const api = mockApi();
    renderTable('B', api);
    await userEvent.click(screen.getByRole('button', { name: 'Tilføj status B1' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Værdi/ }), '-3');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Tilføj status' }));
    expect(within(dialog).getByText('Negative tal er kun tilladt for et mål, hvor lavere er bedre, med en baseline.')).toBeTruthy();
    expect(api.statusAdd).not.toHaveBeenCalled();
  });

  it('uses English labels and number formats in English', () => {
    renderTable('B', mockApi(), 'en');
    expect((screen.getByRole('textbox', { name: 'B4 Target in period' }) as HTMLInputElement).value).toBe('19,037');
    expect(text(screen.getByTestId('goal-percent-B1'))).toBe('86%');
    expect(text(screen.getByTestId('level-average-B'))).toContain('3 of 3 goals reported');
  });
});

describe('deleting a goal', () => {
  it('after a confirmation, offers "Fortryd", which brings the goal back from the recycle bin by its bin id', async () => {
    const api = mockApi({
      goalDelete: async () => ({ ok: true, value: { ok: true, binId: 41 } }),
      recycleBinRestore: async () => ({ ok: true, value: { kind: 'goal', goal: {} } }),
    });
    const { onChanged } = renderTable('B', api);
    await userEvent.click(screen.getByRole('button', { name: 'Slet mål B2' }));
    const dialog = await screen.findByRole('dialog', { name: 'Slet mål B2' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Slet' }));
    expect(api.goalDelete).toHaveBeenCalledWith({ goalId: 2 });
    expect(await screen.findByText('Målet B2 er slettet')).toBeTruthy();
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    await userEvent.click(screen.getByRole('button', { name: 'Fortryd' }));
    expect(api.recycleBinRestore).toHaveBeenCalledWith({ kind: 'goal', id: 41 });
    expect(await screen.findByText('Målet B2 er gendannet')).toBeTruthy();
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Fortryd' })).toBeNull());
  });
});
