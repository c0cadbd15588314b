import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { contracts } from '../../../shared/contracts';
import { ensureBuilt, outDir } from '../../helpers/build';
import { freshPgDatabase, pgDatabaseName, PG_SKIP_REASON, testPgUrl } from '../../helpers/pgServer';
import { createFakeElectron } from './fakeElectron';

/**
 * The built bundles, loaded the way Electron loads them. The preload runs in a `vm` context
 * whose `require` knows only `electron`, as in Electron's sandbox: an unbundled dependency or an
 * ES module output fails here. The main bundle runs in Node with a fake `electron` module.
 */

beforeAll(() => ensureBuilt(), 300_000);

describe('built preload (sandboxed)', () => {
  function runPreload() {
    const code = readFileSync(join(outDir, 'preload', 'index.cjs'), 'utf8');
    const exposed: Record<string, unknown> = {};
    const invoked: unknown[][] = [];
    const fakeElectron = {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
      ipcRenderer: {
        invoke: (...args: unknown[]) => {
          invoked.push(args);
          return Promise.resolve({ ok: true, value: null });
        },
        on: () => {},
        removeListener: () => {},
      },
    };
    const sandboxRequire = (name: string) => {
      if (name === 'electron') return fakeElectron;
      throw new Error(`Cannot find module '${name}' (Electron's sandboxed preload can only require 'electron')`);
    };
    const module = { exports: {} };
    const context = vm.createContext({ require: sandboxRequire, module, exports: module.exports, console });
    vm.runInContext(code, context, { filename: 'preload/index.cjs' });
    return { exposed, invoked };
  }

  it('is CommonJS that needs nothing but electron, and exposes the contract client as window.api', async () => {
    const { exposed, invoked } = runPreload();
    const api = exposed.api as Record<string, (input: unknown) => Promise<unknown>>;
    expect(Object.keys(api).sort()).toEqual(Object.keys(contracts).sort());
    await api.projectGet({ projectId: 7 });
    expect(invoked).toEqual([['project:get', { projectId: 7 }]]);
    expect(exposed).not.toHaveProperty('ipcRenderer');
    expect(Object.keys(exposed).sort()).toEqual(['api', 'appEvents']);
  });
});

describe('built main bundle with a fake electron', () => {
  const userData = mkdtempSync(join(tmpdir(), 'trafiklys-main-'));
  const { electron, recorded } = createFakeElectron(userData);
  const originalLoad = (Module as unknown as { _load: (...args: unknown[]) => unknown })._load;

  beforeAll(async () => {
    (Module as unknown as { _load: (...args: unknown[]) => unknown })._load = function (request: unknown, ...rest: unknown[]) {
      if (request === 'electron') return electron;
      return originalLoad.call(this, request, ...rest);
    };
    const require = createRequire(import.meta.url);
    require(join(outDir, 'main', 'index.js'));
    // start() is async: wait for the window.
    for (let i = 0; i < 200 && recorded.windows.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
  }, 60_000);

  afterAll(() => {
    (Module as unknown as { _load: unknown })._load = originalLoad;
  });

  it('asks for the single-instance lock and starts without an error dialog', () => {
    expect(recorded.singleInstanceRequested).toBe(true);
    expect(recorded.errors).toEqual([]);
  });

  it('creates the window with the security baseline and the sandboxed CommonJS preload', () => {
    expect(recorded.windows).toHaveLength(1);
    const prefs = recorded.windows[0].options.webPreferences as Record<string, unknown>;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(existsSync(String(prefs.preload))).toBe(true);
    expect(recorded.windows[0].loaded).toMatch(/renderer[\\/]index\.html$/);
  });

  it('registers a handler for every contract channel', () => {
    for (const c of Object.values(contracts)) expect(recorded.handlers.has(c.channel), c.channel).toBe(true);
  });

  it('denies every permission and adds the CSP header', () => {
    let granted: boolean | undefined;
    recorded.permissionRequestHandler!(null, 'media', (ok) => (granted = ok));
    expect(granted).toBe(false);
    expect(recorded.permissionCheckHandler!(null, 'notifications')).toBe(false);
    let headers: Record<string, string[]> = {};
    recorded.headersHandler!({ responseHeaders: {} }, (r) => (headers = r.responseHeaders));
    const csp = headers['Content-Security-Policy'][0];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
  });

  it('blocks navigation of the window and its frames away from the app, redirects and window.open', () => {
    const created = recorded.appListeners['web-contents-created'];
    expect(created).toHaveLength(1);
    const { fakeWebContents } = createFakeElectron(userData);
    const wc = fakeWebContents();
    created[0]({}, wc);
    const appUrl = pathToFileURL(join(outDir, 'renderer', 'index.html')).href;
    // Electron >= 29 passes the URL in the event; the positional url argument is deprecated,
    // so the fake leaves it out: a guard that still reads it fails here.
    const navigate = (event: string, url: string) => {
      let prevented = false;
      expect(wc.listeners[event], event).toHaveLength(1);
      wc.listeners[event][0]({ url, preventDefault: () => (prevented = true) });
      return prevented;
    };
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(navigate(event, 'https://example.com/'), event).toBe(true);
      expect(navigate(event, `${appUrl}#/projekt/1`), event).toBe(false);
    }
    expect(wc.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('starts file dialogs in the folder last used, not in Downloads (Electron >= 43 default)', async () => {
    const appUrl = pathToFileURL(join(outDir, 'renderer', 'index.html')).href;
    const portfolios = join(userData, 'portfolios');
    await recorded.handlers.get('dialog:chooseSavePath')!({ senderFrame: { url: appUrl } }, { kind: 'portfolio', defaultName: 'portefølje.xlsx' });
    await recorded.handlers.get('dialog:chooseImportFiles')!({ senderFrame: { url: appUrl } }, {});
    const [save, open] = recorded.dialogs.slice(-2);
    expect(save).toMatchObject({ kind: 'save', options: { defaultPath: join(portfolios, 'portefølje.xlsx') } });
    expect(open).toMatchObject({ kind: 'open', options: { defaultPath: portfolios } });
  });

  it('opens the demo portfolio on first start and answers through the real handlers', async () => {
    const appUrl = pathToFileURL(join(outDir, 'renderer', 'index.html')).href;
    const summaries = (await recorded.handlers.get('portfolio:summaries')!({ senderFrame: { url: appUrl } }, {})) as {
      ok: boolean;
      value: { name: string; implementation: { score: number } }[];
    };
    expect(summaries.ok).toBe(true);
    const headstart = summaries.value.find((s) => s.name.includes('Headstart'));
    expect(headstart?.implementation.score).toBe(3.8);
    expect(existsSync(join(userData, 'portfolios', 'standard.trafiklys.sqlite'))).toBe(true);
  });

  it('has Filer > Eksportér evalueringsrapport, which sends the report command to the window', () => {
    const menu = recorded.menu as { label?: string; submenu?: { label?: string; click?: () => void }[] }[];
    const file = menu.find((m) => m.label === 'Filer')!;
    const item = file.submenu!.find((i) => i.label === 'Eksportér evalueringsrapport…')!;
    expect(item).toBeDefined();
    item.click!();
    expect(recorded.windows[0].webContents.sent).toContainEqual(['menu:command', 'exportReport']);
  });

  it('names the open portfolio in the window title', () => {
    expect(recorded.windows[0].options.title).toBe('Trafiklys – standard.trafiklys.sqlite');
  });

  it('has Filer > Forbind til server…, which opens the dialog in the window; without a key ring no password can be kept', async () => {
    const menu = recorded.menu as { label?: string; submenu?: { label?: string; click?: () => void }[] }[];
    const file = menu.find((m) => m.label === 'Filer')!;
    file.submenu!.find((i) => i.label === 'Forbind til server…')!.click!();
    expect(recorded.windows[0].webContents.sent).toContainEqual(['menu:command', 'connectServer']);
    const appUrl = pathToFileURL(join(outDir, 'renderer', 'index.html')).href;
    const form = await recorded.handlers.get('server:connectForm')!({ senderFrame: { url: appUrl } }, {});
    expect(form).toMatchObject({ ok: true, value: { connection: null, passwordKept: false, canKeepPasswords: false, note: expect.stringMatching(/^Adgangskoden er ikke gemt/) } });
  });

  it('a server that does not answer is told in Danish at once, and the open portfolio stays', async () => {
    const appUrl = pathToFileURL(join(outDir, 'renderer', 'index.html')).href;
    const started = Date.now();
    // Port 1 on loopback: nothing listens there.
    const result = await recorded.handlers.get('server:connect')!(
      { senderFrame: { url: appUrl } },
      { connection: { host: '127.0.0.1', port: 1, database: 'trafiklys', user: 'ida', tls: 'prefer' }, password: 'x', rememberPassword: true },
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result).toEqual({
      ok: false,
      error: { code: 'DB_SERVER', message: 'PostgreSQL-serveren 127.0.0.1:1 svarer ikke (forbindelsen blev afvist). Tjek at serveren kører, og at vært og port er rigtige.' },
    });
    const info = (await recorded.handlers.get('portfolio:info')!({ senderFrame: { url: appUrl } }, {})) as { ok: boolean; value: { label: string } };
    expect(info).toMatchObject({ ok: true, value: { label: 'standard.trafiklys.sqlite' } });
    expect(recorded.errors).toEqual([]);
  });

  it('refuses calls from a frame that is not the app', async () => {
    const result = (await recorded.handlers.get('portfolio:info')!({ senderFrame: { url: 'https://example.com/' } }, {})) as {
      ok: boolean;
      error: { code: string };
    };
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  (testPgUrl() ? it : it.skip)(`connects to a server: title, recent entry "user@host/database" without a password; the entry asks again where no password is kept ${testPgUrl() ? '' : PG_SKIP_REASON}`, async () => {
    const appUrl = pathToFileURL(join(outDir, 'renderer', 'index.html')).href;
    const db = await freshPgDatabase('bundle');
    try {
      const { port } = new URL(db.url);
      const database = pgDatabaseName(db.url);
      const connection = { host: '127.0.0.1', port: Number(port), database, user: 'postgres', tls: 'prefer' };
      const secret = 'Ikke-på-disken-7';
      const result = await recorded.handlers.get('server:connect')!({ senderFrame: { url: appUrl } }, { connection, password: secret, rememberPassword: true });
      expect(result).toMatchObject({ ok: true, value: { label: `postgres@127.0.0.1/${database}`, passwordKept: false, note: expect.stringMatching(/^Adgangskoden er ikke gemt/) } });
      expect(recorded.windows[0].titles.at(-1)).toBe(`Trafiklys – postgres@127.0.0.1/${database}`);
      const state = readFileSync(join(userData, 'app-state.json'), 'utf8');
      expect(JSON.parse(state).recent[0]).toBe(`postgres://postgres@127.0.0.1:${port}/${database}?sslmode=prefer`);
      for (const file of ['app-state.json', 'server-connections.json']) expect(readFileSync(join(userData, file), 'utf8')).not.toContain(secret);
      const menu = recorded.menu as { label?: string; submenu?: { label?: string; click?: () => void; submenu?: { label?: string; click?: () => void }[] }[] }[];
      const recent = menu.find((m) => m.label === 'Filer')!.submenu!.find((i) => i.label === 'Seneste')!.submenu!;
      expect(recent.map((r) => r.label)).toEqual([`postgres@127.0.0.1/${database} (server)`, join(userData, 'portfolios', 'standard.trafiklys.sqlite')]);
      // No password kept: the entry opens the dialog with its connection filled in.
      const sent = recorded.windows[0].webContents.sent.length;
      recent[0].click!();
      await new Promise((r) => setTimeout(r, 50));
      expect(recorded.windows[0].webContents.sent.slice(sent)).toEqual([['menu:command', 'connectServer']]);
      const form = await recorded.handlers.get('server:connectForm')!({ senderFrame: { url: appUrl } }, {});
      expect(form).toMatchObject({ ok: true, value: { connection, passwordKept: false } });
    } finally {
      await db.drop();
    }
  });
});
