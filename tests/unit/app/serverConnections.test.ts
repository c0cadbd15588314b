import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONNECTIONS_FILE, ServerConnections, type SecretBox } from '../../../electron/main/connections';
import { connectionLabel, connectionUrl, parseConnectionUrl, portfolioLabel, portfolioTitle, ServerConnectionSchema, type ServerConnection } from '../../../shared/serverConnection';

/** A stand-in for Electron's safeStorage: a reversible scramble, so the file must not hold the plain text. */
function fakeBox(available = true, backend?: string): SecretBox & { encrypted: number } {
  const box = {
    encrypted: 0,
    isEncryptionAvailable: () => available,
    encryptString(plain: string) {
      box.encrypted++;
      return Buffer.from(`enc:${Buffer.from(plain, 'utf8').toString('hex').split('').reverse().join('')}`);
    },
    decryptString(encrypted: Buffer) {
      const text = encrypted.toString();
      if (!text.startsWith('enc:')) throw new Error('not ours');
      return Buffer.from(text.slice(4).split('').reverse().join(''), 'hex').toString('utf8');
    },
    ...(backend ? { getSelectedStorageBackend: () => backend } : {}),
  };
  return box;
}

const PASSWORD = 'Hemmelig-Kode-42!';
const conn: ServerConnection = { host: 'db.region.dk', port: 5432, database: 'trafiklys', user: 'ida', tls: 'prefer' };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'trafiklys-conn-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const fileText = () => readFileSync(join(dir, CONNECTIONS_FILE), 'utf8');

describe('the kept server connections', () => {
  it('keeps the password encrypted by the key store, never in plain text, and gives it back', () => {
    const box = fakeBox();
    const store = ServerConnections.inFolder(dir, box);
    expect(store.remember(conn, PASSWORD, true)).toEqual({ passwordKept: true, note: null });
    expect(box.encrypted).toBe(1);
    const text = fileText();
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(Buffer.from(PASSWORD).toString('base64'));
    expect(text).toContain('db.region.dk');
    expect(JSON.parse(text).connections[0]).not.toHaveProperty('password');
    if (process.platform !== 'win32') expect(statSync(join(dir, CONNECTIONS_FILE)).mode & 0o077).toBe(0);
    // A new run of the app reads it back.
    const again = ServerConnections.inFolder(dir, box);
    expect(again.password(conn)).toBe(PASSWORD);
    expect(again.list()).toEqual([{ connection: conn, passwordKept: true }]);
  });

  it('without a key store keeps no password at all, and says why', () => {
    const store = ServerConnections.inFolder(dir, fakeBox(false));
    expect(store.canKeepPasswords()).toBe(false);
    const result = store.remember(conn, PASSWORD, true);
    expect(result.passwordKept).toBe(false);
    expect(result.note).toMatch(/^Adgangskoden er ikke gemt: computeren har ingen sikker nøglering/);
    expect(result.note).toContain('hver gang');
    expect(fileText()).not.toContain(PASSWORD);
    expect(JSON.parse(fileText()).connections).toEqual([{ connection: conn }]);
    expect(store.password(conn)).toBeNull();
    expect(store.list()).toEqual([{ connection: conn, passwordKept: false }]);
  });

  it("treats Linux's built-in key (basic_text) as no key store", () => {
    const box = fakeBox(true, 'basic_text');
    const store = ServerConnections.inFolder(dir, box);
    expect(store.canKeepPasswords()).toBe(false);
    expect(store.remember(conn, PASSWORD, true).passwordKept).toBe(false);
    expect(box.encrypted).toBe(0);
    expect(fileText()).not.toContain(PASSWORD);
    expect(ServerConnections.inFolder(dir, fakeBox(true, 'gnome_libsecret')).canKeepPasswords()).toBe(true);
  });

  it('drops a kept password when the user no longer asks to keep it; the connection stays, most recent first', () => {
    const store = ServerConnections.inFolder(dir, fakeBox());
    store.remember(conn, PASSWORD, true);
    const other = { ...conn, database: 'andet' };
    store.remember(other, null, false);
    expect(store.list().map((c) => c.connection.database)).toEqual(['andet', 'trafiklys']);
    // Connecting again with the kept password (none typed) keeps it.
    store.remember({ ...conn, tls: 'require' }, null, true);
    expect(store.password(conn)).toBe(PASSWORD);
    expect(store.list()[0]).toEqual({ connection: { ...conn, tls: 'require' }, passwordKept: true });
    store.remember(conn, null, false);
    expect(store.password(conn)).toBeNull();
    expect(fileText()).not.toContain('enc:');
    expect(store.list().map((c) => c.connection.database)).toEqual(['trafiklys', 'andet']);
  });

  it('a damaged file or one the key store cannot decrypt is no reason not to start', () => {
    writeFileSync(join(dir, CONNECTIONS_FILE), '{ not json');
    const store = ServerConnections.inFolder(dir, fakeBox());
    expect(store.list()).toEqual([]);
    writeFileSync(join(dir, CONNECTIONS_FILE), JSON.stringify({ version: 1, connections: [{ connection: conn, encryptedPassword: Buffer.from('garbage').toString('base64') }] }));
    expect(store.password(conn)).toBeNull();
  });
});

describe('the connection description', () => {
  it('builds a URL without a password, and the label "user@host/database"', () => {
    expect(connectionUrl(conn)).toBe('postgres://ida@db.region.dk:5432/trafiklys?sslmode=prefer');
    expect(connectionUrl({ ...conn, tls: 'off', user: 'ida@region', host: '::1' })).toBe('postgres://ida%40region@[::1]:5432/trafiklys?sslmode=disable');
    expect(connectionLabel(conn)).toBe('ida@db.region.dk/trafiklys');
    expect(parseConnectionUrl(connectionUrl({ ...conn, tls: 'require' }))).toEqual({ ...conn, tls: 'require' });
    // A password in a URL is never carried over.
    expect(parseConnectionUrl('postgres://ida:hemmelig@db.region.dk/trafiklys')).toEqual(conn);
    expect(parseConnectionUrl('/home/ida/portefølje.sqlite')).toBeNull();
  });

  it('TLS defaults to "prefer"; bad fields are refused in Danish, naming the field', () => {
    expect(ServerConnectionSchema.parse({ host: 'db', port: 5432, database: 'd', user: 'u' }).tls).toBe('prefer');
    const bad = ServerConnectionSchema.safeParse({ host: 'db server', port: 70000, database: '', user: 'u', tls: 'prefer' });
    expect(bad.success).toBe(false);
    const issues = Object.fromEntries((bad.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
    expect(issues).toEqual({
      host: 'Servernavnet må kun have bogstaver, tal, punktum og bindestreg (eller være en IP-adresse).',
      port: 'Porten skal være mellem 1 og 65535.',
      database: 'Skriv databasens navn.',
    });
  });

  it('names the open portfolio in the title: the server login, or the file name', () => {
    expect(portfolioTitle(portfolioLabel('postgres://ida@db.region.dk:5432/trafiklys?sslmode=prefer', 'ida'))).toBe('Trafiklys – ida@db.region.dk/trafiklys');
    expect(portfolioTitle(portfolioLabel('/home/ida/Portefølje 2026.trafiklys.sqlite', 'ida'))).toBe('Trafiklys – Portefølje 2026.trafiklys.sqlite');
    expect(portfolioTitle(portfolioLabel('C:\\Users\\ida\\p.sqlite', 'ida'), true)).toBe('Trafiklys – p.sqlite (skrivebeskyttet)');
  });
});
