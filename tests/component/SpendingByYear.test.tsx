import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import type { EvaluationDetail } from '../../shared/contracts/views';
import type { SpendingYear } from '../../shared/domain';
import { SpendingByYearPanel } from '../../renderer/src/views/project/BudgetTab';
import { headstartFixture, mockApi, renderWithApp, withProject } from './render';

/** Budget and spending by year on the budget tab (issue 15). */
const sp = (s: string | null) => (s ?? '').replace(/\u00A0/g, ' ');

function fixture(spending: Omit<SpendingYear, 'id' | 'evaluationId' | 'position'>[]) {
  const { project, evaluation } = headstartFixture();
  // Budget lines of 10 mio. kr. in each of two years; the round reports 20 mio. kr. spent of 20 mio. kr.
  const detail: EvaluationDetail = {
    ...evaluation,
    summary: {
      ...evaluation.summary,
      budget: {
        ...evaluation.summary.budget,
        years: [
          { year: 2021, directKr: 10_000_000, indirectKr: 0, totalKr: 10_000_000 },
          { year: 2022, directKr: 10_000_000, indirectKr: 0, totalKr: 10_000_000 },
        ],
        totalKr: 20_000_000,
      },
    },
    spendingByYear: spending.map((s, i) => ({ ...s, id: i + 1, evaluationId: 1, position: i })),
  };
  return { project, detail };
}

function rowTexts() {
  const table = screen.getByTestId('spending-by-year-table');
  return within(table)
    .getAllByRole('row')
    .map((r) => sp(r.textContent));
}

describe('budget and spending by year', () => {
  it('shows budget, spent, remaining and consumption per year, a total that matches the round, and says so', () => {
    const { project, detail } = fixture([
      { year: 2021, spentKr: 8_000_000, note: 'Statusrapport 2021' },
      { year: 2022, spentKr: 12_000_000, note: '' },
    ]);
    renderWithApp(withProject(<SpendingByYearPanel />, project, detail), { api: mockApi() });
    expect(rowTexts()).toEqual([
      'ÅrBudgetForbrugtRestForbrug',
      '202110.000.000 kr.8.000.000 kr.2.000.000 kr.80 %',
      '202210.000.000 kr.12.000.000 kr.\u22122.000.000 kr.120 %',
      'I alt20.000.000 kr.20.000.000 kr.0 kr.100 %',
    ]);
    expect(sp(screen.getByTestId('spending-check').textContent)).toBe(
      'Forbruget pr. år giver i alt 20.000.000 kr. og svarer til rundens forbrug til dato (20.000.000 kr.). ✓',
    );
    expect(screen.getByTestId('spending-check').getAttribute('data-state')).toBe('matches');
    expect((screen.getByRole('textbox', { name: 'Kilde/note 2021' }) as HTMLInputElement).value).toBe('Statusrapport 2021');
  });

  it('warns, and keeps the reported figure, when the years do not sum to the round spent to date', () => {
    const { project, detail } = fixture([{ year: 2021, spentKr: 8_000_000, note: '' }]);
    renderWithApp(withProject(<SpendingByYearPanel />, project, detail), { api: mockApi() });
    expect(rowTexts()[2]).toBe('202210.000.000 kr.–––');
    const check = screen.getByTestId('spending-check');
    expect(check.getAttribute('data-state')).toBe('differs');
    expect(sp(check.textContent)).toBe(
      'Forbruget pr. år giver i alt 8.000.000 kr., men runden har rapporteret 20.000.000 kr. forbrugt til dato (forskel \u221212.000.000 kr.). Runden bruger det rapporterede tal; ret årene eller forbruget til dato.',
    );
  });

  it('says the round uses spent to date when no year is recorded, and adds the first budget year without spending', async () => {
    const { project, detail } = fixture([]);
    const api = mockApi({ spendingYearSave: async () => ({ ok: true, value: {} }) });
    const reload = vi.fn(async () => {});
    renderWithApp(withProject(<SpendingByYearPanel />, project, detail, reload), { api });
    expect(sp(screen.getByTestId('spending-check').textContent)).toBe(
      'Runden har ikke registreret forbrug pr. år. Budgetforbruget beregnes ud fra forbrug til dato (20.000.000 kr.).',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Tilføj år' }));
    await waitFor(() => expect(api.spendingYearSave).toHaveBeenCalledWith({ evaluationId: 1, year: 2021, spentKr: 0, note: '' }));
    expect(reload).toHaveBeenCalled();
  });

  it('takes a typed amount in mio. kr. with the money field and saves kroner; refuses a year recorded twice', async () => {
    const { project, detail } = fixture([
      { year: 2021, spentKr: 8_000_000, note: '' },
      { year: 2022, spentKr: 0, note: '' },
    ]);
    const api = mockApi({ spendingYearSave: async () => ({ ok: true, value: {} }) });
    renderWithApp(withProject(<SpendingByYearPanel />, project, detail), { api });
    const spent = screen.getByRole('textbox', { name: 'Forbrugt (kr.) 2022' });
    await userEvent.clear(spent);
    await userEvent.type(spent, '11,5 mio.');
    await userEvent.tab();
    await waitFor(() => expect(api.spendingYearSave).toHaveBeenCalledWith({ evaluationId: 1, id: 2, year: 2022, spentKr: 11_500_000, note: '' }));
    const year = screen.getByRole('textbox', { name: 'År 2022' });
    await userEvent.clear(year);
    await userEvent.type(year, '2021');
    await userEvent.tab();
    expect(await screen.findByText('Forbruget for 2021 er allerede registreret; ret det i stedet.')).toBeTruthy();
    expect(api.spendingYearSave).toHaveBeenCalledTimes(1);
  });
});
