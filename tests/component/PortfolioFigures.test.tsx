import { screen, within } from '@testing-library/react';
import { portfolioRollup, type GoalInput } from '../../shared/methodology';
import { PooledIndicators } from '../../renderer/src/views/PortfolioFigures';
import { mockApi, renderWithApp } from './render';

/** Two projects: B1 of both linked to one indicator (80 of 100 and 20 of 300), C1 unlinked. */
const goal = (code: string, target: number, status: number): GoalInput => ({
  code,
  level: code[0] as 'B' | 'C',
  description: code,
  unit: 'deltagere',
  targetInPeriod: target,
  targetAfterPeriod: null,
  direction: 'higher',
  baseline: null,
  status: { value: status, reportedAt: '2024-06-30', reportedBy: 'Bevillingsmodtager', printedPercent: null, source: { file: '', location: '' } },
});
const participants = { key: 'indicator:1', code: 'EECO01', name: 'Deltagere', unit: 'deltagere', level: 'B' as const };
const levels = { A: null, B: 50, C: 40 };

describe('pooled attainment per indicator in the portfolio view', () => {
  it('shows sum of status / sum of targets per indicator with its projects and goals, and counts the unlinked goals', () => {
    const rollup = portfolioRollup([
      { projectId: 1, levelAverages: levels, goals: [{ projectId: 1, goal: goal('B1', 100, 80), indicator: participants }, { projectId: 1, goal: goal('C1', 10, 4), indicator: null }] },
      { projectId: 2, levelAverages: levels, goals: [{ projectId: 2, goal: goal('B1', 300, 20), indicator: participants }] },
    ]);
    renderWithApp(<PooledIndicators rollup={rollup} hasSuggestions={false} />, { api: mockApi() });
    const row = screen.getByRole('row', { name: /Deltagere/ });
    // 100 of 400 = 25 %, not the mean of 80 % and 7 %.
    expect(within(row).getByText('100')).toBeTruthy();
    expect(within(row).getByText('400')).toBeTruthy();
    expect(within(row).getByText('25 %')).toBeTruthy();
    expect(screen.getByTestId('pooled-indicators').textContent).toMatch(/1 mål er ikke knyttet til en indikator/);
  });

  it('points to suggestions only when there are suggestions on screen', () => {
    const rollup = portfolioRollup([{ projectId: 1, levelAverages: levels, goals: [{ projectId: 1, goal: goal('B1', 100, 80), indicator: null }] }]);
    const { unmount } = renderWithApp(<PooledIndicators rollup={rollup} hasSuggestions={false} />, { api: mockApi() });
    const none = screen.getByTestId('pooled-indicators').textContent ?? '';
    expect(none).toMatch(/Ingen mål er knyttet til en indikator, så intet er puljet/);
    expect(none).not.toMatch(/forslag/);
    unmount();
    renderWithApp(<PooledIndicators rollup={rollup} hasSuggestions />, { api: mockApi() });
    expect(screen.getByTestId('pooled-indicators').textContent).toMatch(/eller bekræft et forslag herunder/);
  });
});
