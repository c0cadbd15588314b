import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { EditableNumber } from '../../renderer/src/components/Editable';
import { mockApi, renderWithApp } from './render';

/** An amount field as the budget and facts tabs use it (issue 10, point 13). */
function renderAmount(value: number | null, language: 'da' | 'en' = 'da') {
  const onSave = vi.fn(async (v: number | null) => ({ ok: true as const, value: v }));
  renderWithApp(<EditableNumber label="Beløb" value={value} money onSave={onSave} />, { api: mockApi(), language });
  return { onSave, field: screen.getByRole('textbox', { name: 'Beløb' }) as HTMLInputElement };
}

describe('a money field', () => {
  it('shows the amount it stored: 5,50, not 6', () => {
    expect(renderAmount(5.5).field.value).toBe('5,50');
  });

  it('shows whole kroner grouped and without decimals', () => {
    expect(renderAmount(7_019_053).field.value).toBe('7.019.053');
  });

  it('accepts "20,0 mio." and "1.000 kr." as documents write amounts, and saves kroner', async () => {
    const { onSave, field } = renderAmount(null);
    await userEvent.type(field, '20,0 mio.');
    await userEvent.tab();
    await waitFor(() => expect(onSave).toHaveBeenCalledWith(20_000_000));
    await waitFor(() => expect(field.value).toBe('20.000.000'));
    await userEvent.clear(field);
    await userEvent.type(field, '1.000 kr.');
    await userEvent.tab();
    await waitFor(() => expect(onSave).toHaveBeenLastCalledWith(1000));
  });

  it('refuses text that is no amount inline, names the forms it takes, and sends nothing', async () => {
    const { onSave, field } = renderAmount(100);
    await userEvent.clear(field);
    await userEvent.type(field, 'mange penge');
    await userEvent.tab();
    expect(await screen.findByText('Skriv et beløb i kr. (fx 7.019.053 / 5,50 / 20,0 mio.)')).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('uses English formats in English: 5.50 and "20.0m"', async () => {
    const { onSave, field } = renderAmount(5.5, 'en');
    expect(field.value).toBe('5.50');
    await userEvent.clear(field);
    await userEvent.type(field, '20.0m');
    await userEvent.tab();
    await waitFor(() => expect(onSave).toHaveBeenCalledWith(20_000_000));
  });

  it('echoes the amount it understood, "= 20.000.000 kr.", before anything is saved', async () => {
    const { onSave, field } = renderAmount(null);
    await userEvent.type(field, '20,0 mio.');
    expect(screen.getByTestId('amount-echo').textContent).toBe('= 20.000.000 kr.');
    expect(onSave).not.toHaveBeenCalled();
    await userEvent.clear(field);
    await userEvent.type(field, '1.250 t.kr.');
    expect(screen.getByTestId('amount-echo').textContent).toBe('= 1.250.000 kr.');
    // The echo is part of the field's accessible description.
    expect(field.getAttribute('aria-describedby') ?? '').toContain(screen.getByTestId('amount-echo').parentElement?.id ?? 'none');
    await userEvent.tab();
    await waitFor(() => expect(onSave).toHaveBeenCalledWith(1_250_000));
    await waitFor(() => expect(screen.queryByTestId('amount-echo')).toBeNull());
  });

  it('refuses an ambiguous "1,250" and a figure finer than øre, saying why, and sends nothing', async () => {
    const { onSave, field } = renderAmount(100);
    await userEvent.clear(field);
    await userEvent.type(field, '1,250');
    expect(screen.queryByTestId('amount-echo')).toBeNull();
    await userEvent.tab();
    expect(await screen.findByText(/"1,250" er tvetydigt/)).toBeTruthy();
    await userEvent.clear(field);
    await userEvent.type(field, '12,3456 kr.');
    await userEvent.tab();
    expect(await screen.findByText(/"12,3456 kr." er finere end øre/)).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
  });
});
