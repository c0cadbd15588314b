import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { callChannel } from '../../../electron/ipc/handlers';
import { headlessHost } from '../../../electron/ipc/host';
import { PortfolioSession } from '../../../electron/ipc/portfolioSession';
import { CONNECTIONS_FILE, ServerConnections, type SecretBox } from '../../../electron/main/connections';
import { openPortfolioStore } from '../../../electron/storage';
import type { ServerConnection } from '../../../shared/serverConnection';
import { facts } from '../storage/helpers';
import { freshPgDatabase, PASSWORD_LOGIN, PG_SKIP_REASON, pgDatabaseName, testPgUrl } from '../../helpers/pgServer';
import { tcpRelay } from '../../helpers/tcpRelay';

/**
 * "Filer > Forbind til server" behind the IPC channel, against the run's PostgreSQL cluster:
 * connecting opens the server's portfolio in place of the open file, a wrong password, a closed
 * port or a server without TLS (when TLS is required) are told in Danish at once, and nothing
 * that was open is lost.
 */

const base = testPgUrl();
const PASSWORD = 'Rigtig-Kode-2026';

const box: SecretBox = {
  isEncryptionAvailable: () => true,
  encryptString: (s) => Buffer.from(Buffer.from(s, 'utf8').map((b) => b ^ 0x5a)),
  decryptString: (b) => Buffer.from(b.map((x) => x ^ 0x5a)).toString('utf8'),
};

let dir: string;
let database: string;
let drop: () => Promise<void>;
let port: number;
let session: PortfolioSession;

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: base! });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** A port nothing listens on. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

(base ? describe : describe.skip)(`Forbind til server (IPC) ${base ? '' : PG_SKIP_REASON}`, () => {
  beforeAll(async () => {
    port = Number(new URL(base!).port);
    const db = await freshPgDatabase('connect');
    database = pgDatabaseName(db.url);
    drop = db.drop;
    // The portfolio on the server has a project (made by someone else, earlier).
    const store = await openPortfolioStore(db.url);
    await store.createProject(facts({ name: 'Fælles projekt på serveren' }));
    await store.close();
    await admin(async (c) => {
      await c.query(`DO $$ BEGIN CREATE ROLE ${PASSWORD_LOGIN} LOGIN SUPERUSER; EXCEPTION WHEN duplicate_object THEN NULL; END $$`);
      await c.query(`ALTER ROLE ${PASSWORD_LOGIN} PASSWORD '${PASSWORD}'`);
    });
  });
  afterAll(async () => {
    await drop?.();
  });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'trafiklys-connect-'));
    session = new PortfolioSession({ host: headlessHost(join(dir, 'exports')), connections: ServerConnections.inFolder(dir, box), user: 'ida' });
    await session.openFile(join(dir, 'egen.trafiklys.sqlite'));
    await callChannel(session.handlers, 'projectCreate', { facts: facts({ name: 'Mit eget projekt' }) });
  });
  afterEach(async () => {
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const login = (over: Partial<ServerConnection> = {}): ServerConnection => ({ host: '127.0.0.1', port, database, user: PASSWORD_LOGIN, tls: 'prefer', ...over });
  const names = async () => {
    const r = await callChannel(session.handlers, 'portfolioSummaries', {});
    if (!r.ok) throw new Error(r.error.message);
    return r.value.map((p) => p.name);
  };

  it('connects with the password, opens the server portfolio and lists its projects; the title names user, host and database', async () => {
    expect(await names()).toEqual(['Mit eget projekt']);
    const r = await callChannel(session.handlers, 'serverConnect', { connection: login(), password: PASSWORD, rememberPassword: false });
    expect(r).toEqual({
      ok: true,
      value: { label: `${PASSWORD_LOGIN}@127.0.0.1/${database}`, title: `Trafiklys – ${PASSWORD_LOGIN}@127.0.0.1/${database}`, user: PASSWORD_LOGIN, passwordKept: false, note: null },
    });
    expect(await names()).toEqual(['Fælles projekt på serveren']);
    const info = await callChannel(session.handlers, 'portfolioInfo', {});
    expect(info).toMatchObject({ ok: true, value: { label: `${PASSWORD_LOGIN}@127.0.0.1/${database}`, user: PASSWORD_LOGIN } });
    // The recent list's entry and the kept file carry no password.
    expect(session.opened?.location).toMatchObject({ kind: 'server', url: `postgres://${PASSWORD_LOGIN}@127.0.0.1:${port}/${database}?sslmode=prefer` });
    expect(readFileSync(join(dir, CONNECTIONS_FILE), 'utf8')).not.toContain(PASSWORD);
  });

  it('a wrong password is told in Danish at once; the open portfolio stays open', async () => {
    const started = Date.now();
    const r = await callChannel(session.handlers, 'serverConnect', { connection: login(), password: 'forkert', rememberPassword: true });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'DB_SERVER',
        message: `Serveren 127.0.0.1:${port} afviste brugeren ${PASSWORD_LOGIN}: forkert eller manglende adgangskode. Ret adgangskoden, og forbind igen.`,
      },
    });
    expect(await names()).toEqual(['Mit eget projekt']);
    expect(session.opened?.location.kind).toBe('file');
    // Nothing is remembered of a failed connection.
    expect(new ServerConnections(join(dir, CONNECTIONS_FILE), box).list()).toEqual([]);
  });

  it('a closed port is told at once, with what to check', async () => {
    const closed = await closedPort();
    const r = await callChannel(session.handlers, 'serverConnect', { connection: login({ port: closed }), password: PASSWORD });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'DB_SERVER',
        message: `PostgreSQL-serveren 127.0.0.1:${closed} svarer ikke (forbindelsen blev afvist). Tjek at serveren kører, og at vært og port er rigtige.`,
      },
    });
    expect(await names()).toEqual(['Mit eget projekt']);
  });

  it('a server that takes the connection but never answers is given up after 5 seconds, in words', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
    const silentPort = (silent.address() as AddressInfo).port;
    try {
      const started = Date.now();
      const r = await callChannel(session.handlers, 'serverConnect', { connection: login({ port: silentPort }), password: PASSWORD });
      const took = Date.now() - started;
      expect(took).toBeGreaterThanOrEqual(4500);
      expect(took).toBeLessThan(8000);
      expect(r).toEqual({
        ok: false,
        error: {
          code: 'DB_SERVER',
          message: `PostgreSQL-serveren 127.0.0.1:${silentPort} svarede ikke inden for 5 sekunder. Tjek netværket (VPN?) og at serveren kører; intet er ændret.`,
        },
      });
      expect(await names()).toEqual(['Mit eget projekt']);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('TLS "prefer" falls back to a plain connection on a server without TLS; "require" refuses it in words', async () => {
    const required = await callChannel(session.handlers, 'serverConnect', { connection: login({ tls: 'require' }), password: PASSWORD });
    expect(required).toEqual({
      ok: false,
      error: {
        code: 'DB_SERVER',
        message: `Serveren 127.0.0.1:${port} tilbyder ikke krypteret forbindelse (TLS), og TLS er sat til "Kræv". Bed jeres it-afdeling slå TLS til på serveren, eller vælg "Foretræk" eller "Fra".`,
      },
    });
    const off = await callChannel(session.handlers, 'serverConnect', { connection: login({ tls: 'off' }), password: PASSWORD });
    expect(off.ok).toBe(true);
    const ssl = await callChannel(session.handlers, 'serverConnect', { connection: login({ tls: 'prefer' }), password: PASSWORD });
    expect(ssl.ok).toBe(true);
    expect(await names()).toEqual(['Fælles projekt på serveren']);
  });

  it('a kept password opens the login again without asking; the file holds it only encrypted', async () => {
    const first = await callChannel(session.handlers, 'serverConnect', { connection: login(), password: PASSWORD, rememberPassword: true });
    expect(first).toMatchObject({ ok: true, value: { passwordKept: true } });
    const text = readFileSync(join(dir, CONNECTIONS_FILE), 'utf8');
    expect(text).not.toContain(PASSWORD);
    const form = await callChannel(session.handlers, 'serverConnectForm', {});
    expect(form).toEqual({ ok: true, value: { connection: login(), passwordKept: true, canKeepPasswords: true, note: null } });
    // Another session (the app started again), the password field left empty.
    const again = new PortfolioSession({ host: headlessHost(join(dir, 'exports')), connections: ServerConnections.inFolder(dir, box) });
    try {
      expect(again.hasKeptPassword(login())).toBe(true);
      const r = await callChannel(again.handlers, 'serverConnect', { connection: login(), rememberPassword: true });
      expect(r).toMatchObject({ ok: true, value: { user: PASSWORD_LOGIN, passwordKept: true } });
    } finally {
      await again.close();
    }
  });

  it('the server gone under an open portfolio: a save is answered at once (DB_SERVER, to retry), nothing changes, and the same save goes through once it answers', async () => {
    // The line to the server runs through a relay here, cut and mended like a lost VPN.
    const relay = await tcpRelay(port);
    try {
      const opened = await callChannel(session.handlers, 'serverConnect', { connection: login({ port: relay.port }), password: PASSWORD });
      expect(opened.ok).toBe(true);
      expect(await names()).toEqual(['Fælles projekt på serveren']);
      await relay.cut();

      const started = Date.now();
      const lost = await callChannel(session.handlers, 'projectCreate', { facts: facts({ name: 'Skrevet mens serveren var væk' }) });
      expect(Date.now() - started).toBeLessThan(5000);
      expect(lost.ok).toBe(false);
      if (!lost.ok) {
        expect(lost.error.code).toBe('DB_SERVER');
        expect(lost.error.retry).toBe(true);
        expect(lost.error.message).toMatch(new RegExp(`^Forbindelsen til PostgreSQL-serveren 127\\.0\\.0\\.1:${relay.port} er afbrudt \\(.+\\)\\. Handlingen er ikke udført, og intet er ændret\\.`));
      }
      // A wrong password is no reason to try again.
      const wrong = await callChannel(session.handlers, 'serverConnect', { connection: login(), password: 'forkert' });
      expect(wrong.ok === false && wrong.error.retry).toBeFalsy();

      await relay.mend();
      const again = await callChannel(session.handlers, 'projectCreate', { facts: facts({ name: 'Skrevet mens serveren var væk' }) });
      expect(again.ok).toBe(true);
      expect((await names()).sort((a, b) => a.localeCompare(b, 'da'))).toEqual(['Fælles projekt på serveren', 'Skrevet mens serveren var væk']);
    } finally {
      await relay.close();
    }
  });

  it('a line gone silent (no reset: a VPN gone): the heartbeat says so within seconds, a save waiting on it fails then (to retry) rather than when TCP gives up, and goes through once the line is back', async () => {
    const relay = await tcpRelay(port);
    const events: unknown[] = [];
    const unlisten = session.subscribe((e) => events.push(e));
    try {
      expect((await callChannel(session.handlers, 'serverConnect', { connection: login({ port: relay.port }), password: PASSWORD })).ok).toBe(true);
      relay.silence();
      const started = Date.now();
      const waiting = await callChannel(session.handlers, 'projectCreate', { facts: facts({ name: 'Skrevet på et tavst net' }) });
      const took = Date.now() - started;
      expect(waiting.ok).toBe(false);
      if (!waiting.ok) expect(waiting.error).toMatchObject({ code: 'DB_SERVER', retry: true });
      // Heartbeat every 2 s, 3 s to answer: at most about 5 s, not TCP's minutes.
      expect(took).toBeLessThan(9000);
      expect(events).toContainEqual({ kind: 'connection', connected: false });
      await relay.mend();
      await expect.poll(() => events.some((e) => JSON.stringify(e) === JSON.stringify({ kind: 'connection', connected: true })), { timeout: 15_000 }).toBe(true);
      const again = await callChannel(session.handlers, 'projectCreate', { facts: facts({ name: 'Skrevet på et tavst net' }) });
      expect(again.ok).toBe(true);
      expect(await names()).toContain('Skrevet på et tavst net');
      expect((await names()).filter((n) => n === 'Skrevet på et tavst net')).toHaveLength(1);
    } finally {
      unlisten();
      await relay.close();
    }
  });

  it('bad fields are refused by the contract, naming the field, and nothing changes', async () => {
    const r = await callChannel(session.handlers, 'serverConnect', { connection: { ...login(), port: 70000, host: '' }, password: PASSWORD });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION');
      expect(r.error.issues).toEqual([
        { path: 'connection.host', message: 'Skriv serverens navn eller adresse.' },
        { path: 'connection.port', message: 'Porten skal være mellem 1 og 65535.' },
      ]);
    }
    expect(await names()).toEqual(['Mit eget projekt']);
  });
});
