import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EditableText } from '../../renderer/src/components/Editable';
import { Outbox } from '../../renderer/src/components/outbox';
import type { LiveEvent } from '../../shared/contracts';
import { mockApi, renderWithApp } from './render';

/**
 * A team server that does not answer (issue 13): a save the server did not take is said at the
 * field at once, the typed text stays, the save waits and goes again by itself (after a pause,
 * or at once when the line is back), and the banner counts what waits.
 */
const DOWN = {
  ok: false as const,
  error: {
    code: 'DB_SERVER' as const,
    message: 'Forbindelsen til PostgreSQL-serveren db.kommune.dk:5432 er afbrudt (connect ECONNREFUSED). Handlingen er ikke udført, og intet er ændret.',
    retry: true,
  },
};
const SAVED = { ok: true as const, value: {} };

/** What main would push over the preload: the live line's state. */
function liveEvents() {
  const listeners = new Set<(e: LiveEvent) => void>();
  window.appEvents = {
    onMenuCommand: () => () => undefined,
    onLive: (listener: (e: LiveEvent) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as typeof window.appEvents;
  return (event: LiveEvent) => act(() => listeners.forEach((l) => l(event)));
}

afterEach(() => {
  delete (window as { appEvents?: unknown }).appEvents;
});

describe('a save the server did not take', () => {
  it('keeps the text, says it is not saved yet, counts it in the banner, and saves it by itself when the line is back', async () => {
    const push = liveEvents();
    const answers: unknown[] = [DOWN];
    const onSave = vi.fn(async () => (answers.shift() ?? SAVED) as typeof SAVED);
    renderWithApp(<EditableText label="Overskrift" value="Gammel" onSave={onSave} />, { api: mockApi() });
    const field = screen.getByRole('textbox', { name: 'Overskrift' });
    await userEvent.clear(field);
    await userEvent.type(field, 'Ny overskrift');
    await userEvent.tab();

    // At once: at the field and in the banner; the text is the user's.
    await screen.findByText('Ikke gemt endnu: serveren svarer ikke. Din ændring er bevaret og gemmes af sig selv, når serveren svarer igen.');
    expect(screen.getByTestId('save-waiting')).toBeTruthy();
    expect((field as HTMLInputElement).value).toBe('Ny overskrift');
    expect(screen.getByTestId('saves-waiting').textContent).toBe('1 ændring venter på at blive gemt; den sendes af sig selv, når serveren svarer.');

    // The line is lost and back: the save goes at once, without a click.
    push({ kind: 'connection', connected: false } as LiveEvent);
    push({ kind: 'connection', connected: true } as LiveEvent);
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(2));
    expect(onSave).toHaveBeenLastCalledWith('Ny overskrift');
    await waitFor(() => expect(screen.queryByTestId('live-lost')).toBeNull());
    await screen.findByRole('img', { name: 'Gemt' });
    expect(screen.queryByText(/Ikke gemt endnu/)).toBeNull();
    expect((field as HTMLInputElement).value).toBe('Ny overskrift');
  });

  it('a refusal met on the way back (a stale version) is shown as that, not as the server being away', async () => {
    liveEvents();
    const answers: unknown[] = [DOWN, { ok: false, error: { code: 'STALE_WRITE', message: 'Ændret af Kim kl. 14:05; genindlæs', stale: { changedBy: 'Kim', changedAt: '2024-03-01T13:05:00.000Z', currentVersion: 4 } } }];
    const onSave = vi.fn(async () => (answers.shift() ?? SAVED) as typeof SAVED);
    renderWithApp(<EditableText label="Overskrift" value="Gammel" onSave={onSave} />, { api: mockApi() });
    const field = screen.getByRole('textbox', { name: 'Overskrift' });
    await userEvent.type(field, ' og ny');
    await userEvent.tab();
    await screen.findByText(/^Ikke gemt endnu: serveren svarer ikke/);
    // "Prøv nu" in the banner sends it without waiting for the pause.
    await userEvent.click(screen.getByRole('button', { name: 'Prøv nu' }));
    await screen.findByText('Ændret af Kim kl. 14:05; genindlæs');
    expect(screen.queryByTestId('live-lost')).toBeNull();
    expect((field as HTMLInputElement).value).toBe('Gammel og ny');
  });
});

describe('the outbox', () => {
  /** Timers the test advances by hand. */
  function manualTimers() {
    const pending: { fn: () => void; ms: number }[] = [];
    return {
      pending,
      timers: { set: (fn: () => void, ms: number) => pending.push({ fn, ms }), clear: () => undefined },
      fire: async () => {
        const next = pending.shift();
        next?.fn();
        await new Promise((r) => setTimeout(r, 0));
        return next?.ms;
      },
    };
  }

  it('waits longer after each try the server did not answer (1, 2, 4 s ...) and starts over once it did', async () => {
    const clock = manualTimers();
    const box = new Outbox([1000, 2000, 4000], clock.timers);
    const answers: unknown[] = [DOWN, DOWN, DOWN, SAVED];
    const call = vi.fn(async () => answers.shift() as typeof SAVED);
    const done = box.hold('a', call);
    expect(box.size).toBe(1);
    expect(await clock.fire()).toBe(1000);
    expect(await clock.fire()).toBe(2000);
    expect(await clock.fire()).toBe(4000);
    expect(await clock.fire()).toBe(4000);
    expect(await done).toEqual(SAVED);
    expect(call).toHaveBeenCalledTimes(4);
    expect(box.size).toBe(0);
    expect(clock.pending).toHaveLength(0);
  });

  it('sends in the order made; a newer save of one field replaces the older, and both callers get its answer', async () => {
    const clock = manualTimers();
    const box = new Outbox([1000], clock.timers);
    const sent: string[] = [];
    const call = (text: string) => async () => {
      sent.push(text);
      return SAVED;
    };
    const first = box.hold('title', call('titel 1'));
    const other = box.hold('summary', call('resumé'));
    const second = box.hold('title', call('titel 2'));
    expect(box.size).toBe(2);
    await clock.fire();
    expect(sent).toEqual(['resumé', 'titel 2']);
    expect(await first).toEqual(SAVED);
    expect(await second).toEqual(SAVED);
    expect(await other).toEqual(SAVED);
    expect(box.size).toBe(0);
  });
});
