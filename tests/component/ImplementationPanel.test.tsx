import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { ImplementationPanel } from '../../renderer/src/views/project/ImplementationPanel';
import { deferred, headstartFixture, mockApi, renderWithApp, withProject } from './render';

const PARAM1 = /^Organisering og samarbejde: 1 – /;

describe('ImplementationPanel', () => {
  it('shows six parameter cards with the score meanings, the average 3,8 and a green light', () => {
    const { project, evaluation } = headstartFixture();
    renderWithApp(withProject(<ImplementationPanel />, project, evaluation), { api: mockApi() });
    expect(screen.getByTestId('implementation-average').textContent).toBe('3,8');
    expect(screen.getByTestId('implementation-light').textContent).toBe('Grøn');
    for (let p = 1; p <= 6; p++) expect(screen.getByTestId(`parameter-${p}`)).toBeTruthy();
    const card = screen.getByTestId('parameter-1');
    expect(within(card).getByText('5 – Implementeringen er nyskabende og en inspiration for andre.')).toBeTruthy();
    expect(within(card).getByText('1 – Implementeringen er meget kritisabel.')).toBeTruthy();
    expect(screen.getByText('Alle 6 parametre er scoret')).toBeTruthy();
  });

  it('recomputes the average and light at once when a score is chosen, sends it, and reloads after the save', async () => {
    const { project, evaluation } = headstartFixture();
    const save = deferred<unknown>();
    const api = mockApi({ scoreSet: () => save.promise });
    const reload = vi.fn(async () => {});
    renderWithApp(withProject(<ImplementationPanel />, project, evaluation, reload), { api });
    await userEvent.click(screen.getByRole('radio', { name: PARAM1 }));
    // 1,4,4,4,4,3 = 3,33 -> 3,3 -> yellow, before main has answered.
    expect(screen.getByTestId('implementation-average').textContent).toBe('3,3');
    expect(screen.getByTestId('implementation-light').textContent).toBe('Gul');
    expect(api.scoreSet).toHaveBeenCalledWith({ evaluationId: 1, parameter: 1, score: 1, expectedVersion: 0 });
    save.resolve({ ok: true, value: { evaluationId: 1, parameter: 1, score: 1, headline: '', text: '' } });
    await waitFor(() => expect(reload).toHaveBeenCalled());
  });

  it('puts the saved score back and says why when main refuses the score', async () => {
    const { project, evaluation } = headstartFixture();
    const api = mockApi({
      scoreSet: async () => ({ ok: false, error: { code: 'INVALID_SCORE', message: 'Ugyldig score: en score skal være et helt tal fra 1 til 5' } }),
    });
    renderWithApp(withProject(<ImplementationPanel />, project, evaluation), { api });
    await userEvent.click(screen.getByRole('radio', { name: PARAM1 }));
    await screen.findByText('Ugyldig score: en score skal være et helt tal fra 1 til 5');
    expect(screen.getByTestId('implementation-average').textContent).toBe('3,8');
    expect(screen.getByTestId('implementation-light').textContent).toBe('Grøn');
  });

  it('is provisional without a light until all six parameters are scored', () => {
    const { project, evaluation } = headstartFixture([4, 4, 4, 4, null, null]);
    renderWithApp(withProject(<ImplementationPanel />, project, evaluation), { api: mockApi() });
    expect(screen.getByText('Foreløbig: 4 af 6 parametre er scoret')).toBeTruthy();
    expect(screen.getByTestId('implementation-light').textContent).toBe('Intet lys');
    expect(screen.getByTestId('implementation-average').textContent).toBe('4,0');
  });

  it('saves a headline on blur and keeps the typed text when the save fails', async () => {
    const { project, evaluation } = headstartFixture();
    const api = mockApi({ scoreSet: async () => ({ ok: false, error: { code: 'INTERNAL', message: 'Databasen er låst.' } }) });
    renderWithApp(withProject(<ImplementationPanel />, project, evaluation), { api });
    const headline = within(screen.getByTestId('parameter-2')).getByRole('textbox', { name: 'Overskrift (én sætning)' });
    await userEvent.clear(headline);
    await userEvent.type(headline, 'Ny konklusion');
    await userEvent.tab();
    await within(screen.getByTestId('parameter-2')).findByText('Databasen er låst.');
    expect(api.scoreSet).toHaveBeenCalledWith({ evaluationId: 1, parameter: 2, headline: 'Ny konklusion', expectedVersion: 0 });
    expect((headline as HTMLTextAreaElement).value).toBe('Ny konklusion');
  });

  it('speaks English with English number formats', () => {
    const { project, evaluation } = headstartFixture();
    renderWithApp(withProject(<ImplementationPanel />, project, evaluation), { api: mockApi(), language: 'en' });
    expect(screen.getByTestId('implementation-average').textContent).toBe('3.8');
    expect(screen.getByTestId('implementation-light').textContent).toBe('Green');
    expect(within(screen.getByTestId('parameter-1')).getByRole('heading').textContent).toBe('1. Organisation and cooperation');
  });
});
