import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GoalTable } from '../../renderer/src/views/project/GoalTable';
import { BudgetTab } from '../../renderer/src/views/project/BudgetTab';
import { ImplementationPanel } from '../../renderer/src/views/project/ImplementationPanel';
import { headstartFixture, mockApi, renderWithApp, withProject } from './render';

/**
 * Every chart has a text alternative (issue 15): a figure named in the UI language whose
 * description holds the figures it draws, so a screen reader (or anyone who cannot read the
 * drawing) gets the same numbers.
 */

/** The figure's description: the texts of the elements its aria-describedby names. */
function description(figure: HTMLElement): string {
  const ids = (figure.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  expect(ids.length).toBeGreaterThan(0);
  return ids
    .map((id) => {
      const el = document.getElementById(id);
      expect(el, `element #${id} named by aria-describedby`).not.toBeNull();
      return (el!.textContent ?? '').replace(/\s+/g, ' ').trim();
    })
    .join(' | ');
}

describe('text alternatives of the charts', () => {
  it('the radar of the six scores is a figure described by every score, an unscored one said so (Danish)', () => {
    const { project, evaluation } = headstartFixture([4, 4, 4, 4, 2, null]);
    renderWithApp(withProject(<ImplementationPanel />, project, evaluation), { api: mockApi() });
    const figure = screen.getByRole('figure', { name: 'Radardiagram over de seks scorer' });
    const text = description(figure);
    expect(text).toContain('Scorerne på skalaen 1-5: 1. Organisering og samarbejde 4, ');
    expect(text).toContain('5. ');
    expect(text).toMatch(/5\. [^,]+ 2, 6\. [^,.]+ ikke scoret\./);
    // The table beside the chart is part of the description too.
    expect(text).toContain(within(screen.getByTestId('implementation-scores')).getAllByRole('row')[0].textContent!.trim());
  });

  it('the radar in English', () => {
    const { project, evaluation } = headstartFixture([4, 4, 4, 4, 2, null]);
    renderWithApp(withProject(<ImplementationPanel />, project, evaluation), { api: mockApi(), language: 'en' });
    const figure = screen.getByRole('figure', { name: 'Radar chart of the six scores' });
    expect(description(figure)).toMatch(/^The scores on the 1-5 scale: 1\. [^,]+ 4, .*, 6\. [^,.]+ not scored\./);
  });

  it('the budget and time bars are described by both percentages, in Danish and in English', () => {
    const { project, evaluation } = headstartFixture();
    const p = evaluation.summary.progress;
    expect(p.budget.displayPercent).not.toBeNull();
    const { unmount } = renderWithApp(withProject(<BudgetTab />, project, evaluation), { api: mockApi() });
    const da = screen.getByRole('figure', { name: 'Budget- og tidsforbrug' });
    expect(description(da)).toMatch(/^Budgetforbrug 100\s%, tidsforbrug \d+\s%\.$/);
    unmount();
    renderWithApp(withProject(<BudgetTab />, project, evaluation), { api: mockApi(), language: 'en' });
    const en = screen.getByRole('figure', { name: 'Budget and time consumption' });
    expect(description(en)).toMatch(/^Budget consumption 100\s?%, time consumption \d+\s?%\.$/);
  });

  it("a goal's status history chart is described by each dated status and the target, and by the table of the dialog", async () => {
    const { project, evaluation } = headstartFixture();
    const reports = [...project.statusReports, { ...project.statusReports[0], id: 9, value: 240, reportedAt: '2023-01-15' }];
    renderWithApp(
      <GoalTable
        projectId={1}
        level="B"
        goals={project.goals.filter((g) => g.level === 'B')}
        result={evaluation.summary.levels.B}
        statusReports={reports}
        evaluationDate="2022-12-02"
        period={{ start: '2019-01-01', end: '2022-12-31' }}
        indicators={[]}
        suggestions={[]}
        onChanged={async () => {}}
      />,
      { api: mockApi() },
    );
    await userEvent.click(screen.getByRole('button', { name: 'Statushistorik for B1' }));
    const figure = await screen.findByRole('figure', { name: 'Statusudvikling for B1' });
    const text = description(figure);
    expect(text).toContain('2 statusser for B1: 02.12.2022 219, 15.01.2023 240. Målet i perioden er 256.');
    // ...and by the table of the same figures.
    expect(text).toMatch(/15\.01\.2023\s*240/);
  });
});
