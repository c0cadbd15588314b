import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContractName } from '../../shared/contracts';
import { callChannel, createHandlers, type HandlerTable } from '../../electron/ipc/handlers';
import { headlessHost } from '../../electron/ipc/host';
import { createAppServices, type AppServices } from '../../electron/services';
import { createDemoPortfolio } from '../../electron/services/demo';
import { resourcesDir } from '../../electron/resources';
import { freshLocation, onPostgres } from './engines';
import { pgDatabaseName } from './pgServer';

/** The demo portfolio in a database of its own on the run's cluster, made as `user`: the template of each test's copy. */
async function demoOnServer(user: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'trafiklys-demo-template-'));
  try {
    const { location } = await freshLocation(dir, 'demo.sqlite', true, user);
    await createDemoPortfolio(location, resourcesDir());
    return pgDatabaseName(location);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface HandlerFixture {
  services: AppServices;
  table: HandlerTable;
  /** The portfolio: a file in a fresh folder of its own, or (under describeEngines on PostgreSQL) a fresh database's URL. */
  dbPath: string;
  /** Closes the services and opens them again on the same file (the app started again). */
  reopen(): Promise<void>;
}

/**
 * The handler table over a fresh portfolio for each test (the demo portfolio with `demo`), as
 * the IPC tests use it, on the engine of the surrounding describeEngines (SQLite outside one): `fx` holds the services and the table of the running test, `ok` calls a
 * channel and answers its value (or fails the test with the error's code and message).
 */
export function handlerTableFixture(label: string, options: { demo?: boolean; user?: string } = {}) {
  const fx = {} as HandlerFixture;
  let dir = '';
  let demoTemplate: Promise<string> | undefined;
  let drop: () => Promise<void> = async () => undefined;
  const open = async () => {
    fx.services = await createAppServices({ dbPath: fx.dbPath, user: options.user ?? 'Ida Evaluator' });
    fx.table = createHandlers(fx.services, headlessHost(join(dir, 'exports')));
  };
  fx.reopen = async () => {
    await fx.services.close();
    await open();
  };
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), `trafiklys-${label}-`));
    // On a server the store's user is the login: the URL logs in as the test's user. The demo is
    // made once per file there and each test gets a copy (CREATE DATABASE ... TEMPLATE).
    const user = options.user ?? 'Ida Evaluator';
    const copyOf = options.demo && onPostgres() ? await (demoTemplate ??= demoOnServer(user)) : undefined;
    const fresh = await freshLocation(dir, options.demo ? 'demo.sqlite' : 'p.sqlite', true, user, copyOf);
    fx.dbPath = fresh.location;
    drop = fresh.drop;
    if (options.demo && !copyOf) await createDemoPortfolio(fx.dbPath, resourcesDir());
    await open();
  });
  afterEach(async () => {
    await fx.services.close();
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });
  async function ok<K extends ContractName>(name: K, input: Parameters<typeof callChannel<K>>[2]) {
    const r = await callChannel(fx.table, name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
    return r.value;
  }
  return { fx, ok };
}
