import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowserServer, type BrowserServer } from '../../electron/browser/server';
import { createHandlers } from '../../electron/ipc/handlers';
import { headlessHost } from '../../electron/ipc/host';
import { createAppServices, type AppServices } from '../../electron/services';
import { ensureBuilt, outDir, repoRoot } from '../helpers/build';

/** The browser preview's bridge: loopback only, token required, nothing else served. */

let dir: string;
let services: AppServices;
let server: BrowserServer;

beforeAll(async () => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'trafiklys-bridge-'));
  services = await createAppServices({ dbPath: join(dir, 'p.sqlite'), user: 'e2e' });
  server = await startBrowserServer({ handlers: createHandlers(services, headlessHost(join(dir, 'exports'))), rendererDir: join(outDir, 'renderer') });
});
afterAll(async () => {
  await server?.close();
  await services?.close();
  rmSync(dir, { recursive: true, force: true });
});

function raw(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

const json = { 'Content-Type': 'application/json' };

describe('browser preview bridge', () => {
  it('listens on 127.0.0.1 with a random token in the URL', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
  });

  it('serves the page only with the token, and injects the bridge script as a same-origin file', async () => {
    expect((await raw('/')).status).toBe(403);
    expect((await raw('/?token=wrong')).status).toBe(403);
    const page = await raw(`/?token=${server.token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<script src="/bridge.js?token=${server.token}"></script>`);
    expect(page.body.indexOf('/bridge.js')).toBeLessThan(page.body.indexOf('type="module"'));
    expect(page.body).toContain("script-src 'self'");
    const bridge = await raw('/bridge.js');
    expect(bridge.body).toContain('"projectGet":"project:get"');
    expect(bridge.body).not.toContain(server.token);
  });

  it('answers the api only with the token header, from its own host, as JSON', async () => {
    const body = '{}';
    expect((await raw('/api/portfolio:info', { method: 'POST', headers: json, body })).status).toBe(403);
    expect((await raw('/api/portfolio:info', { method: 'POST', headers: { ...json, 'x-trafiklys-token': 'nope' }, body })).status).toBe(403);
    expect((await raw('/api/portfolio:info', { method: 'GET', headers: { 'x-trafiklys-token': server.token } })).status).toBe(403);
    const rebinding = await raw('/api/portfolio:info', { method: 'POST', headers: { ...json, 'x-trafiklys-token': server.token, Host: 'evil.example:80' }, body });
    expect(rebinding.status).toBe(403);
    const foreign = await raw('/api/portfolio:info', { method: 'POST', headers: { ...json, 'x-trafiklys-token': server.token, Origin: 'http://evil.example' }, body });
    expect(foreign.status).toBe(403);
    const ok = await raw('/api/portfolio:info', { method: 'POST', headers: { ...json, 'x-trafiklys-token': server.token }, body });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { projectCount: 0 } });
    const invalid = await raw('/api/score:set', { method: 'POST', headers: { ...json, 'x-trafiklys-token': server.token }, body: '{"evaluationId":1,"parameter":1,"score":6}' });
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const unknown = await raw('/api/fs:read', { method: 'POST', headers: { ...json, 'x-trafiklys-token': server.token }, body });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('serves nothing outside the renderer build', async () => {
    expect((await raw('/../package.json')).status).toBe(404);
    expect((await raw('/%2e%2e/package.json')).status).toBe(404);
    expect((await raw('/assets/nothing.js')).status).toBe(404);
  });

  it('npm run browser prints the URL with its token as the first line', async () => {
    const child = spawn(process.execPath, [join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(repoRoot, 'electron', 'browser', 'serve.ts'), '--db', join(dir, 'cli.sqlite')], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const first = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.setEncoding('utf8');
        child.stdout.on('data', (c: string) => {
          out += c;
          if (out.includes('\n')) resolve(out.split('\n')[0]);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}`)));
        setTimeout(() => reject(new Error('timeout')), 60_000);
      });
      expect(first).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
      const res = await fetch(first);
      expect(res.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
