import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { notifications } from '@mantine/notifications';
import type { RecycleBinItem } from '../../shared/contracts';
import { showUndoNotice } from '../../renderer/src/components/undoNotice';
import { RecycleBinView } from '../../renderer/src/views/RecycleBinView';
import { mockApi, renderWithApp } from './render';

const GOAL: RecycleBinItem = {
  kind: 'goal',
  id: 5,
  projectId: 1,
  projectName: 'Tiltrækning af talent (Headstart)',
  label: 'B2: Antal virksomheder',
  deletedAt: '2024-03-01T10:00:00.000Z',
  deletedBy: 'Ida Evaluator',
  projectDeleted: false,
  daysLeft: 30,
};
const PROJECT: RecycleBinItem = {
  kind: 'project',
  id: 2,
  projectId: 2,
  projectName: 'Grøn Omstilling i SMV',
  label: 'Grøn Omstilling i SMV',
  deletedAt: '2024-02-01T10:00:00.000Z',
  deletedBy: '',
  projectDeleted: true,
  daysLeft: 1,
};
const ORPHAN: RecycleBinItem = { ...GOAL, id: 6, projectId: 2, projectName: 'Grøn Omstilling i SMV', label: 'A1: Deltagere i forløb', projectDeleted: true, daysLeft: 12 };

/** An api whose bin holds `entries` and loses an entry when it is restored or purged. */
function binApi(entries: RecycleBinItem[]) {
  let bin = [...entries];
  const take = (input: unknown) => {
    const { kind, id } = input as { kind: string; id: number };
    bin = bin.filter((e) => !(e.kind === kind && e.id === id));
  };
  return mockApi({
    recycleBinList: async () => ({ ok: true, value: bin }),
    recycleBinRestore: async (input) => {
      take(input);
      return { ok: true, value: { kind: 'goal', goal: {} } };
    },
    recycleBinPurge: async (input) => {
      take(input);
      return { ok: true, value: { ok: true } };
    },
    recycleBinEmpty: async () => {
      const purged = bin.length;
      bin = [];
      return { ok: true, value: { purged } };
    },
  });
}

const text = (el: HTMLElement) => (el.textContent ?? '').replace(/\s/g, ' ');

// Notices live in Mantine's one store: none leaks from one test into the next.
afterEach(() => act(() => notifications.clean()));

describe('Papirkurv', () => {
  it('lists each deleted project and goal: what, which project, when, by whom (or unknown) and days left', async () => {
    renderWithApp(<RecycleBinView />, { api: binApi([GOAL, PROJECT]) });
    expect(screen.getByRole('heading', { name: 'Papirkurv' })).toBeTruthy();
    expect(screen.getByText('Slettede projekter og mål ligger her i 30 dage. Derefter slettes de for altid.')).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Slettede projekter og mål' });
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Type', 'Navn', 'Projekt', 'Slettet', 'Slettet af', 'Dage tilbage', 'Handlinger']);
    const goal = screen.getByTestId('recycle-bin-goal-5');
    expect(within(goal).getAllByRole('cell').map(text).slice(0, 6)).toEqual([
      'Mål',
      'B2: Antal virksomheder',
      'Tiltrækning af talent (Headstart)',
      expect.stringMatching(/^01\.03\.2024 \d\d[.:]\d\d$/),
      'Ida Evaluator',
      '30 dage',
    ]);
    const project = screen.getByTestId('recycle-bin-project-2');
    expect(within(project).getAllByRole('cell').map(text).slice(0, 6)).toEqual(['Projekt', 'Grøn Omstilling i SMV', '–', expect.stringMatching(/^01\.02\.2024/), 'ukendt', '1 dag']);
  });

  it('restores an entry by keyboard, says so, takes it off the list and closes its pending "Fortryd"', async () => {
    const api = binApi([GOAL, PROJECT]);
    renderWithApp(<RecycleBinView />, { api });
    const restore = await screen.findByRole('button', { name: 'Gendan Mål B2: Antal virksomheder' });
    act(() => showUndoNotice({ kind: 'goal', id: 5, title: 'Målet B2 er slettet', undoLabel: 'Fortryd', onUndo: () => {} }));
    expect(await screen.findByRole('button', { name: 'Fortryd' })).toBeTruthy();
    restore.focus();
    await userEvent.keyboard('{Enter}');
    expect(api.recycleBinRestore).toHaveBeenCalledWith({ kind: 'goal', id: 5 });
    expect(await screen.findByText('"B2: Antal virksomheder" er gendannet')).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId('recycle-bin-goal-5')).toBeNull());
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Fortryd' })).toBeNull());
    expect(screen.getByTestId('recycle-bin-project-2')).toBeTruthy();
  });

  it('a goal of a deleted project says to restore the project first, and its restore is off', async () => {
    renderWithApp(<RecycleBinView />, { api: binApi([PROJECT, ORPHAN]) });
    const restore = await screen.findByRole('button', { name: 'Gendan Mål A1: Deltagere i forløb' });
    expect(restore).toHaveProperty('disabled', true);
    expect(restore.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(restore.getAttribute('aria-describedby')!)?.textContent).toBe('Projektet er slettet. Gendan projektet først.');
    expect(screen.getByRole('button', { name: 'Gendan Projekt Grøn Omstilling i SMV' })).toHaveProperty('disabled', false);
  });

  it('deletes one entry for good only after a confirmation; cancelling keeps it', async () => {
    const api = binApi([GOAL, PROJECT]);
    renderWithApp(<RecycleBinView />, { api });
    const purge = await screen.findByRole('button', { name: 'Slet for altid: Projekt Grøn Omstilling i SMV' });
    await userEvent.click(purge);
    let dialog = await screen.findByRole('dialog', { name: 'Slet for altid' });
    expect(within(dialog).getByText('Vil du slette projektet "Grøn Omstilling i SMV" med alt, hvad det indeholder, for altid? Det kan ikke fortrydes.')).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Annullér' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.recycleBinPurge).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Slet for altid: Projekt Grøn Omstilling i SMV' }));
    dialog = await screen.findByRole('dialog', { name: 'Slet for altid' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Slet for altid' }));
    expect(api.recycleBinPurge).toHaveBeenCalledWith({ kind: 'project', id: 2 });
    await waitFor(() => expect(screen.queryByTestId('recycle-bin-project-2')).toBeNull());
    expect(screen.getByTestId('recycle-bin-goal-5')).toBeTruthy();
  });

  it('empties the bin after a confirmation that says how many entries go, then says it is empty', async () => {
    const api = binApi([GOAL, PROJECT]);
    renderWithApp(<RecycleBinView />, { api });
    await screen.findByTestId('recycle-bin-goal-5');
    await userEvent.click(screen.getByRole('button', { name: 'Tøm papirkurven' }));
    const dialog = await screen.findByRole('dialog', { name: 'Tøm papirkurven' });
    expect(within(dialog).getByText('Vil du slette alle 2 poster i papirkurven for altid? Det kan ikke fortrydes.')).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Tøm papirkurven' }));
    expect(api.recycleBinEmpty).toHaveBeenCalledWith({});
    expect(await screen.findByText('Papirkurven er tom.')).toBeTruthy();
    expect(await screen.findByText('Papirkurven er tømt: 2 poster er slettet for altid')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Tøm papirkurven' })).toHaveProperty('disabled', true);
  });

  it('shows an error from main in the page, and no table', async () => {
    const api = mockApi({ recycleBinList: async () => ({ ok: false, error: { code: 'INTERNAL', message: 'Databasen kunne ikke læses.' } }) });
    renderWithApp(<RecycleBinView />, { api });
    const message = await screen.findByText('Databasen kunne ikke læses.');
    expect(message.closest('[role="alert"]')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('in English', async () => {
    renderWithApp(<RecycleBinView />, { api: binApi([GOAL]), language: 'en' });
    expect(await screen.findByRole('button', { name: 'Restore Goal B2: Antal virksomheder' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Delete for good: Goal B2: Antal virksomheder' })).toBeTruthy();
    expect(text(within(screen.getByTestId('recycle-bin-goal-5')).getAllByRole('cell')[5]!)).toBe('30 days');
  });
});

describe('Papirkurv, an entry gone meanwhile', () => {
  it('says why the restore failed and shows the bin as main has it', async () => {
    let bin = [GOAL, PROJECT];
    const api = mockApi({
      recycleBinList: async () => ({ ok: true, value: bin }),
      recycleBinRestore: async () => {
        bin = [PROJECT];
        return { ok: false, error: { code: 'NOT_FOUND', message: 'Målet (id 5) ligger ikke i papirkurven. Det kan være gendannet eller slettet for altid i mellemtiden.' } };
      },
    });
    renderWithApp(<RecycleBinView />, { api });
    await userEvent.click(await screen.findByRole('button', { name: 'Gendan Mål B2: Antal virksomheder' }));
    expect(await screen.findByText(/ligger ikke i papirkurven/)).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId('recycle-bin-goal-5')).toBeNull());
    expect(screen.getByTestId('recycle-bin-project-2')).toBeTruthy();
  });
});
