import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { GoalTable } from '../../renderer/src/views/project/GoalTable';
import { headstartFixture, mockApi, renderWithApp } from './render';
import type { MockApi } from './render';
import type { GoalLevel } from '../../shared/domain';

function renderTable(level: GoalLevel, api: MockApi, language: 'da' | 'en' = 'da') {
  const { project, evaluation } = headstartFixture();
  const onChanged = vi.fn(async () => {});
  renderWithApp(
    <GoalTable
      projectId={1}
      level={level}
      goals={project.goals.filter((g) => g.level === level)}
      result={evaluation.summary.levels[level]}
      statusReports={project.statusReports}
      evaluationDate="2022-12-02"
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
    expect(within(b1).getByText(/003 Evalueringsrapport Headstart\.pdf, Figur 5/)).toBeTruthy();
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

  it('uses English labels and number formats in English', () => {
    renderTable('B', mockApi(), 'en');
    expect((screen.getByRole('textbox', { name: 'B4 Target in period' }) as HTMLInputElement).value).toBe('19,037');
    expect(text(screen.getByTestId('goal-percent-B1'))).toBe('86%');
    expect(text(screen.getByTestId('level-average-B'))).toContain('3 of 3 goals reported');
  });
});
