import { screen } from '@testing-library/react';
import { LightBadge, LightLabel } from '../../renderer/src/components/Light';
import { mockApi, renderWithApp } from './render';

/** What a person sees of a light: the word, and a shape that differs per colour. */
function seen(el: HTMLElement) {
  return { word: (el.textContent ?? '').trim(), shape: el.querySelector('svg')?.getAttribute('data-shape') ?? null };
}

describe('a light is never colour alone (WCAG 1.4.1)', () => {
  it('each light has its word and its own shape, in the label and in the badge, in Danish and English', () => {
    renderWithApp(
      <div>
        {(['green', 'yellow', 'red', null] as const).map((l) => (
          <span key={l ?? 'none'} data-testid={`label-${l ?? 'none'}`}>
            <LightLabel light={l} />
            <span data-testid={`badge-${l ?? 'none'}`}>
              <LightBadge light={l} />
            </span>
          </span>
        ))}
      </div>,
      { api: mockApi(), language: 'da' },
    );
    const expected = { green: ['Grøn', 'circle'], yellow: ['Gul', 'triangle'], red: ['Rød', 'square'], none: ['Intet lys', 'none'] };
    for (const [light, [word, shape]] of Object.entries(expected)) {
      expect(seen(screen.getByTestId(`badge-${light}`))).toEqual({ word, shape });
      const label = screen.getByTestId(`label-${light}`).querySelector('[data-light]') as HTMLElement;
      expect(seen(label)).toEqual({ word, shape });
    }
    const shapes = Object.values(expected).map(([, s]) => s);
    expect(new Set(shapes).size).toBe(shapes.length);
  });
});
