import { screen } from '@testing-library/react';
import { vi } from 'vitest';
import { GoalTable } from '../../renderer/src/views/project/GoalTable';
import { headstartFixture, mockApi, renderWithApp } from './render';

const text = (el: HTMLElement) => (el.textContent ?? '').replace(/\s/g, ' ');

/** B1 of the Headstart fixture made a share (seed 002's "30 af 124") with a comparison (seed 000). */
function renderShare(language: 'da' | 'en') {
  const { project, evaluation } = headstartFixture();
  const goals = project.goals
    .filter((g) => g.level === 'B')
    .map((g) =>
      g.code === 'B1'
        ? { ...g, unit: '', measure: 'share' as const, shareTargetKind: 'percent' as const, targetInPeriod: 25, comparisonValue: 12, comparisonLabel: 'landsgennemsnit', comparisonSource: 'Danmarks Statistik', comparisonYear: 2018 }
        : g,
    );
  const b1 = goals.find((g) => g.code === 'B1')!;
  const statusReports = project.statusReports.map((r) => (r.goalId === b1.id ? { ...r, value: 30, denominator: 124 } : r));
  renderWithApp(
    <GoalTable projectId={1} level="B" goals={goals} result={evaluation.summary.levels.B} statusReports={statusReports} evaluationDate="2022-12-02" period={{ start: '2019-01-01', end: '2022-12-31' }} indicators={[]} suggestions={[]} onChanged={vi.fn(async () => {})} />,
    { api: mockApi(), language },
  );
}

describe('share and comparison in the goal table', () => {
  it('shows a share status as "30 af 124 (24 %)" and its comparison in percentage points with the source', () => {
    renderShare('da');
    expect(text(screen.getByTestId('goal-status-B1'))).toBe('30 af 124 (24 %)');
    expect(text(screen.getByTestId('goal-comparison-B1'))).toBe('24 % mod 12 % (+12 procentpoint), kilde: Danmarks Statistik 2018');
  });

  it('writes the same in English', () => {
    renderShare('en');
    expect(text(screen.getByTestId('goal-status-B1'))).toBe('30 of 124 (24%)');
    expect(text(screen.getByTestId('goal-comparison-B1'))).toBe('24% against 12% (+12 percentage points), source: Danmarks Statistik 2018');
  });
});
