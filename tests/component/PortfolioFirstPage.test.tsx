import { screen, within } from '@testing-library/react';
import { vi } from 'vitest';
import type { PortfolioPage } from '../../shared/contracts';
import type { ApiClient } from '../../shared/contracts';
import { askFirstPageEarly } from '../../renderer/src/views/portfolio/firstPage';
import { PortfolioView } from '../../renderer/src/views/PortfolioView';
import { mockApi, portfolioRow, renderWithApp } from './render';

/**
 * The portfolio's first page is asked for before the app's modules are evaluated (early.ts);
 * when its answer is in before the view renders, the view's first render shows it (issue 12,
 * first paint): no loader, no second question to main.
 */

const counts = { green: 1, yellow: 1, red: 0, none: 0 };
const page: PortfolioPage = {
  rows: [portfolioRow(1, 'Grøn omstilling'), portfolioRow(2, 'Digital transformation')],
  offset: 0,
  matching: 2,
  total: 2,
  lightCounts: { implementation: counts, goals: counts, effect: { green: 0, yellow: 0, red: 0, none: 2 } },
  facets: { fundingSources: ['Socialfonden'], caseOfficers: ['Lars Holm'] },
};

describe('the portfolio’s first page', () => {
  beforeAll(() => {
    Element.prototype.scrollTo ??= () => {};
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return this.dataset['testid'] === 'portfolio-scroller' ? 640 : 0;
    });
  });

  it('asked early and already answered, it is on screen in the view’s first render, and main is asked once', async () => {
    const api = mockApi({ portfolioPage: async () => ({ ok: true, value: page }), indicatorSuggestions: async () => ({ ok: true, value: [] }) });
    askFirstPageEarly(api as unknown as ApiClient, 'da');
    // The answer arrives (main answered while the renderer evaluated its modules).
    await new Promise((resolve) => setTimeout(resolve, 0));
    renderWithApp(<PortfolioView navigate={() => {}} />, { api });
    // Synchronously after the first render: the counts and the rows, no loader.
    expect(screen.getByTestId('portfolio-showing').textContent).toBe('2 af 2 projekter vises');
    expect(within(screen.getByTestId('project-row-1')).getByText('Grøn omstilling')).toBeTruthy();
    expect(screen.getByTestId('project-row-2')).toBeTruthy();
    expect(api.portfolioPage).toHaveBeenCalledTimes(1);
    // The filter's dropdowns offer the portfolio's values once they are mounted.
    expect(await screen.findByRole('combobox', { name: 'Finansieringskilde' })).toBeTruthy();
    expect(api.portfolioPage).toHaveBeenCalledTimes(1);
  });

  it('not answered yet, the view shows the answer when it comes, still asking main once', async () => {
    let answer: (value: unknown) => void = () => {};
    const api = mockApi({ portfolioPage: () => new Promise((resolve) => (answer = resolve)), indicatorSuggestions: async () => ({ ok: true, value: [] }) });
    askFirstPageEarly(api as unknown as ApiClient, 'da');
    renderWithApp(<PortfolioView navigate={() => {}} />, { api });
    expect(screen.getByTestId('portfolio-showing').textContent).toBe('Henter …');
    answer({ ok: true, value: page });
    expect(await screen.findByTestId('project-row-1')).toBeTruthy();
    expect(screen.getByTestId('portfolio-showing').textContent).toBe('2 af 2 projekter vises');
    expect(api.portfolioPage).toHaveBeenCalledTimes(1);
  });
});
