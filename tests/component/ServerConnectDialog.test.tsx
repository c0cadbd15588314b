import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { sendMenuCommand } from '../../renderer/src/components/exporting';
import { ServerConnect } from '../../renderer/src/views/ServerConnect';
import { deferred, mockApi, renderWithApp } from './render';

/** Filer > Forbind til server… in jsdom: what the dialog starts with, its checks, and how it answers main's errors. */

const NO_KEY_STORE = 'Adgangskoden er ikke gemt: computeren har ingen sikker nøglering, som Trafiklys kan kryptere den med (på Linux fx GNOME-nøgleringen eller KWallet). Du bliver spurgt om den, hver gang du forbinder.';

const value = (el: HTMLElement) => (el as HTMLInputElement).value;
/** The texts an input's aria-describedby points at (Mantine's description and error). */
const description = (el: HTMLElement) =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

async function openDialog() {
  act(() => sendMenuCommand('connectServer'));
  return screen.findByRole('dialog', { name: 'Forbind til server' });
}

describe('Forbind til server (dialog)', () => {
  it('starts with the last connection; where no password can be kept the checkbox is off and says why', async () => {
    const api = mockApi({
      serverConnectForm: async () => ({
        ok: true,
        value: { connection: { host: 'db.region.dk', port: 5433, database: 'trafiklys', user: 'ida', tls: 'require' }, passwordKept: false, canKeepPasswords: false, note: NO_KEY_STORE },
      }),
    });
    renderWithApp(<ServerConnect />, { api });
    const dialog = await openDialog();
    await waitFor(() => expect(value(within(dialog).getByRole('textbox', { name: /^Server/ }))).toBe('db.region.dk'));
    expect(value(within(dialog).getByRole('textbox', { name: /^Port/ }))).toBe('5433');
    expect(value(within(dialog).getByRole('textbox', { name: /^Database/ }))).toBe('trafiklys');
    expect(value(within(dialog).getByRole('textbox', { name: /^Brugernavn/ }))).toBe('ida');
    const remember = within(dialog).getByRole('checkbox', { name: 'Husk adgangskoden' });
    expect((remember as HTMLInputElement).disabled).toBe(true);
    expect((remember as HTMLInputElement).checked).toBe(false);
    expect(within(dialog).getByText(NO_KEY_STORE)).toBeTruthy();
  });

  it('an empty form is checked before anything is sent: each field says what is missing', async () => {
    const api = mockApi({ serverConnectForm: async () => ({ ok: true, value: { connection: null, passwordKept: false, canKeepPasswords: true, note: null } }) });
    renderWithApp(<ServerConnect />, { api });
    const dialog = await openDialog();
    expect(value(within(dialog).getByRole('textbox', { name: /^Port/ }))).toBe('5432');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Forbind' }));
    expect(await within(dialog).findByText('Skriv serverens navn eller adresse.')).toBeTruthy();
    expect(within(dialog).getByText('Skriv databasens navn.')).toBeTruthy();
    expect(within(dialog).getByText('Skriv dit brugernavn på serveren.')).toBeTruthy();
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Server/ }), 'db server');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Forbind' }));
    expect(await within(dialog).findByText('Servernavnet må kun have bogstaver, tal, punktum og bindestreg (eller være en IP-adresse).')).toBeTruthy();
    expect(api.serverConnect).not.toHaveBeenCalled();
  });

  it('shows progress while connecting, then the server\'s refusal in the dialog with every field kept', async () => {
    const answer = deferred<unknown>();
    const api = mockApi({
      serverConnectForm: async () => ({ ok: true, value: { connection: null, passwordKept: false, canKeepPasswords: true, note: null } }),
      serverConnect: () => answer.promise,
    });
    renderWithApp(<ServerConnect />, { api });
    const dialog = await openDialog();
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Server/ }), 'db.region.dk');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Database/ }), 'trafiklys');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Brugernavn/ }), 'ida');
    await userEvent.type(within(dialog).getByLabelText('Adgangskode'), 'forkert');
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Husk adgangskoden' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Forbind' }));
    expect(await within(dialog).findByText('Forbinder til db.region.dk …')).toBeTruthy();
    expect(api.serverConnect).toHaveBeenCalledWith({
      connection: { host: 'db.region.dk', port: 5432, database: 'trafiklys', user: 'ida', tls: 'prefer' },
      password: 'forkert',
      rememberPassword: true,
    });
    const refusal = 'Serveren db.region.dk:5432 afviste brugeren ida: forkert eller manglende adgangskode. Ret adgangskoden, og forbind igen.';
    await act(async () => answer.resolve({ ok: false, error: { code: 'DB_SERVER', message: refusal } }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toBe(`Forbindelsen mislykkedes${refusal}`);
    expect(within(dialog).queryByText('Forbinder til db.region.dk …')).toBeNull();
    expect(value(within(dialog).getByRole('textbox', { name: /^Server/ }))).toBe('db.region.dk');
    expect(value(within(dialog).getByLabelText('Adgangskode'))).toBe('forkert');
    expect((within(dialog).getByRole('checkbox', { name: 'Husk adgangskoden' }) as HTMLInputElement).checked).toBe(true);
  });

  it("puts main's field errors beside their fields", async () => {
    const api = mockApi({
      serverConnectForm: async () => ({ ok: true, value: { connection: { host: 'db', port: 5432, database: 'd', user: 'u', tls: 'prefer' }, passwordKept: true, canKeepPasswords: true, note: null } }),
      serverConnect: async () => ({
        ok: false,
        error: { code: 'VALIDATION', message: 'Ugyldigt input til server:connect: connection.user: Brugernavnet må ikke have styretegn.', issues: [{ path: 'connection.user', message: 'Brugernavnet må ikke have styretegn.' }] },
      }),
    });
    renderWithApp(<ServerConnect />, { api });
    const dialog = await openDialog();
    await waitFor(() => expect(value(within(dialog).getByRole('textbox', { name: /^Server/ }))).toBe('db'));
    // A kept password: the field may stay empty, and the checkbox starts on.
    expect(within(dialog).getByText('Den gemte adgangskode bruges, hvis feltet er tomt.')).toBeTruthy();
    expect((within(dialog).getByRole('checkbox', { name: 'Husk adgangskoden' }) as HTMLInputElement).checked).toBe(true);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Forbind' }));
    const user = within(dialog).getByRole('textbox', { name: /^Brugernavn/ });
    await waitFor(() => expect(description(user)).toContain('Brugernavnet må ikke have styretegn.'));
    expect(api.serverConnect).toHaveBeenCalledWith(expect.objectContaining({ password: undefined, rememberPassword: true }));
  });
});
