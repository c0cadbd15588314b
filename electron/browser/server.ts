import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { contracts } from '../../shared/contracts';
import type { IpcResult } from '../../shared/contracts/core';
import type { HandlerTable } from '../ipc/handlers';
import { CONTENT_SECURITY_POLICY } from '../main/security';

/**
 * The browser preview: serves the production renderer build on 127.0.0.1 and a loopback-only
 * JSON bridge to the real handler table. Only Electron's transport is replaced: the page gets
 * `window.api` from `/bridge.js` (a same-origin file, so the CSP holds), and every call is a
 * `POST /api/<channel>` that must carry the per-run token. Anything else is refused.
 */

export interface BrowserServer {
  /** The page's URL, token included. */
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

export interface BrowserServerOptions {
  handlers: HandlerTable;
  /** The built renderer (`out/renderer`). */
  rendererDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Defaults to a fresh random token. */
  token?: string;
  /**
   * Events main pushes to the window (Electron: webContents.send on LIVE_CHANNEL): here a
   * server-sent event stream at `/events`, which the bridge hands to `appEvents.onLive`.
   */
  events?: (send: (event: unknown) => void) => () => void;
}

const TOKEN_HEADER = 'x-trafiklys-token';
const MAX_BODY = 5 * 1024 * 1024;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
};

/** The script that defines `window.api` over fetch, one function per contract channel. */
export function bridgeScript(): string {
  const channels = Object.fromEntries(Object.entries(contracts).map(([name, c]) => [name, c.channel]));
  return `(function () {
  'use strict';
  var script = document.currentScript;
  var token = script ? new URL(script.src).searchParams.get('token') : null;
  var channels = ${JSON.stringify(channels)};
  var api = {};
  Object.keys(channels).forEach(function (name) {
    var channel = channels[name];
    api[name] = function (input) {
      return fetch('/api/' + encodeURIComponent(channel), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', '${TOKEN_HEADER}': token || '' },
        body: JSON.stringify(input === undefined ? {} : input),
        cache: 'no-store',
      })
        .then(function (res) { return res.json(); })
        .catch(function (err) {
          return { ok: false, error: { code: 'INTERNAL', message: 'Forbindelsen til Trafiklys svigtede: ' + String(err) } };
        });
    };
  });
  Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false, configurable: false });
  var appEvents = {
    onMenuCommand: function () { return function () {}; },
    onLive: function (listener) {
      var source = new EventSource('/events?token=' + encodeURIComponent(token || ''));
      source.onmessage = function (message) {
        try { listener(JSON.parse(message.data)); } catch (e) { /* not ours */ }
      };
      return function () { source.close(); };
    },
  };
  // A test that plays the menu gives its own appEvents first; it keeps it.
  if (!window.appEvents) window.appEvents = appEvents;
})();
`;
}

function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const rendererDir = realpathSync(resolve(options.rendererDir));
  const indexFile = join(rendererDir, 'index.html');
  if (!existsSync(indexFile)) throw new Error(`${indexFile} findes ikke; byg rendereren først (npx electron-vite build).`);
  const bridge = bridgeScript();
  let port = 0;

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'Intern fejl');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Loopback only, and only under our own host name (no DNS rebinding).
    const host = req.headers.host ?? '';
    if (!isLoopback(req.socket.remoteAddress) || (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`)) {
      send(res, 403, 'Forbidden');
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const path = decodeURIComponent(url.pathname);

    if (path.startsWith('/api/')) {
      const origin = req.headers.origin;
      if (
        req.method !== 'POST' ||
        !sameToken(req.headers[TOKEN_HEADER] as string | undefined, token) ||
        (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) ||
        !(req.headers['content-type'] ?? '').startsWith('application/json')
      ) {
        send(res, 403, 'Forbidden');
        return;
      }
      const channel = path.slice('/api/'.length);
      const handler = Object.prototype.hasOwnProperty.call(options.handlers, channel) ? options.handlers[channel] : undefined;
      let result: IpcResult<unknown>;
      if (!handler) {
        result = { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Ukendt kanal: ${channel}` } };
      } else {
        let input: unknown;
        try {
          const body = await readBody(req);
          input = body ? JSON.parse(body) : {};
        } catch {
          send(res, 400, JSON.stringify({ ok: false, error: { code: 'VALIDATION', message: 'Ugyldig JSON.' } }), MIME['.json']);
          return;
        }
        result = await handler(input);
      }
      send(res, 200, JSON.stringify(result), MIME['.json']);
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'Method not allowed');
      return;
    }

    if (path === '/events') {
      if (!sameToken(url.searchParams.get('token'), token)) {
        send(res, 403, 'Forbidden');
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
      res.write(': trafiklys\n\n');
      const stop = options.events?.((event) => res.write(`data: ${JSON.stringify(event)}\n\n`)) ?? (() => undefined);
      req.on('close', stop);
      return;
    }

    if (path === '/bridge.js') {
      send(res, 200, bridge, MIME['.js']);
      return;
    }

    if (path === '/' || path === '/index.html') {
      if (!sameToken(url.searchParams.get('token'), token)) {
        send(res, 403, 'Forbidden: the URL needs the token printed by npm run browser.');
        return;
      }
      const html = readFileSync(indexFile, 'utf8');
      const tag = `<script src="/bridge.js?token=${encodeURIComponent(token)}"></script>`;
      // The bridge must run before the app's module script; only this server injects it.
      const injected = html.includes('<script') ? html.replace('<script', `${tag}\n    <script`) : html.replace('</head>', `${tag}</head>`);
      send(res, 200, injected, MIME['.html']);
      return;
    }

    // Static files of the build; never outside it.
    const file = resolve(rendererDir, `.${path}`);
    if (!file.startsWith(rendererDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      send(res, 404, 'Not found');
      return;
    }
    const real = realpathSync(file);
    if (!real.startsWith(rendererDir + sep)) {
      send(res, 404, 'Not found');
      return;
    }
    send(res, 200, readFileSync(real), MIME[extname(real).toLowerCase()] ?? 'application/octet-stream');
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${encodeURIComponent(token)}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
