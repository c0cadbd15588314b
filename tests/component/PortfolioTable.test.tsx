import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { PortfolioTable } from '../../renderer/src/views/portfolio/PortfolioTable';
import { mockApi, portfolioRow, renderWithApp } from './render';

const rows = [portfolioRow(1, 'Grøn omstilling', 2), portfolioRow(2, 'Digital transformation', 0)];

function renderTable(shown = rows) {
  return renderWithApp(
    <PortfolioTable count={shown.length} rowAt={(i) => shown[i]} ensureRange={() => {}} sort={{ key: 'name', dir: 'asc' }} onSort={() => {}} hidden={new Set()} onDelete={() => {}} />,
    { api: mockApi() },
  );
}

describe('the portfolio table', () => {
  beforeAll(() => {
    // jsdom has no scrolling; the table scrolls to the top on a new sort.
    Element.prototype.scrollTo ??= () => {};
    // Nor layout: the scroller gets the height the virtualizer reads (CSS gives it up to 640 px).
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return this.dataset['testid'] === 'portfolio-scroller' ? 640 : 0;
    });
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(function (this: HTMLElement) {
      return this.dataset['testid'] === 'portfolio-scroller' ? 1200 : 0;
    });
  });
  afterAll(() => {
    vi.restoreAllMocks();
  });

  it('shows each light as shape and word, and the row icons name themselves', () => {
    renderTable();
    const first = screen.getByTestId('project-row-1');
    expect(within(first).getByText('Grøn')).toBeTruthy();
    expect(within(first).getByText('Gul')).toBeTruthy();
    expect(within(first).getByText('Intet lys')).toBeTruthy();
    expect(first.querySelector('[data-light="green"] svg[data-shape="circle"]')).toBeTruthy();
    expect(within(first).getByRole('img', { name: '2 advarsler' })).toBeTruthy();
    expect(within(first).getByRole('button', { name: 'Slet Grøn omstilling' })).toBeTruthy();
    expect(within(screen.getByTestId('project-row-2')).queryByRole('img', { name: /advars/ })).toBeNull();
  });

  it('shows the delete button’s tooltip on hover (the tooltips arrive after the rows are painted)', async () => {
    const user = userEvent.setup();
    renderTable();
    await waitFor(async () => {
      const button = screen.getByRole('button', { name: 'Slet Grøn omstilling' });
      await user.unhover(button);
      await user.hover(button);
      expect(screen.getByRole('tooltip').textContent).toBe('Slet Grøn omstilling');
      // Each try hovers anew; on a loaded two-core CI one try took over a second (the 1 s default).
      // It waits until it holds: a real failure only reports later, never passes easier.
    }, { timeout: 10_000 });
  });

  it('builds the rows in the table’s view at once and the next rows below its fold once those are painted', async () => {
    const many = Array.from({ length: 40 }, (_, i) => portfolioRow(i + 1, `Projekt ${i + 1}`));
    renderTable(many);
    // 640 px of 52 px rows: rows 1-13 are in view, and one more is built.
    for (const id of [1, 13, 14]) expect(screen.getByTestId(`project-row-${id}`)).toBeTruthy();
    expect(screen.queryByTestId('project-row-20')).toBeNull();
    // Scrolling within the table then finds the next rows built.
    await waitFor(() => expect(screen.getByTestId('project-row-20')).toBeTruthy());
    expect(screen.getByTestId('project-row-21')).toBeTruthy();
    expect(screen.queryByTestId('project-row-30')).toBeNull();
  });
});
