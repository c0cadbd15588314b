import { contracts, type ContractName, type LiveEvent } from '../../shared/contracts';
import { SESSION_CONTRACT_NAMES, type serverContracts } from '../../shared/contracts/serverContracts';
import { connectionLabel, connectionUrl, portfolioLabel, portfolioTitle, type ServerConnection } from '../../shared/serverConnection';
import { createAppServices, type AppServices } from '../services';
import { NO_KEY_STORE_NOTE, type ServerConnections } from '../main/connections';
import { createHandlers, validated, type HandlerTable } from './handlers';
import type { HostAdapter } from './host';
import type { z } from 'zod';

/**
 * The app's one open portfolio and the handler table over it, behind a table that stays the
 * same (`handlers`): Electron's IPC and the browser preview's bridge call it, and opening another
 * portfolio (a file, or one on a server through "Forbind til server") swaps what it calls. The
 * open portfolio is closed only after the next one has opened: a failed connection leaves the
 * user where they were.
 */

export type PortfolioLocation = { kind: 'file'; path: string } | { kind: 'server'; url: string; connection: ServerConnection };

export interface OpenedPortfolio {
  location: PortfolioLocation;
  services: AppServices;
  /** "user@host/database" or the file's name. */
  label: string;
  title: string;
}

export interface PortfolioSessionOptions {
  host: HostAdapter;
  connections: ServerConnections;
  /** The SQLite audit log's user (tests); a server's is the login. */
  user?: string;
  /** After a portfolio has opened (main: title, recent list, menu). */
  onOpened?(opened: OpenedPortfolio): void;
}

type SessionInput<K extends keyof typeof serverContracts> = z.output<(typeof serverContracts)[K]['input']>;

export class PortfolioSession {
  private current: OpenedPortfolio | null = null;
  private table: HandlerTable | null = null;
  /** A server connection to offer in the dialog next (a recent entry whose password is not kept). */
  private asked: ServerConnection | null = null;
  private readonly listeners = new Set<(event: LiveEvent) => void>();
  private unlisten: () => void = () => undefined;
  readonly handlers: HandlerTable;

  constructor(private readonly options: PortfolioSessionOptions) {
    const handlers: HandlerTable = {};
    const own: Record<string, (input: unknown) => Promise<unknown>> = {
      serverConnectForm: async () => this.connectForm(),
      serverConnect: async (input) => this.connect(input as SessionInput<'serverConnect'>),
    };
    for (const name of Object.keys(contracts) as ContractName[]) {
      const channel = contracts[name].channel;
      if ((SESSION_CONTRACT_NAMES as string[]).includes(name)) {
        handlers[channel] = validated(name, own[name]);
        continue;
      }
      handlers[channel] = async (payload) => {
        const handler = this.table?.[channel];
        if (!handler) return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Ingen portefølje er åben (${channel}).` } };
        return handler(payload);
      };
    }
    this.handlers = handlers;
  }

  get opened(): OpenedPortfolio | null {
    return this.current;
  }

  get services(): AppServices | null {
    return this.current?.services ?? null;
  }

  /** Opens a portfolio file (created and migrated if new). */
  async openFile(path: string): Promise<OpenedPortfolio> {
    const services = await createAppServices({ dbPath: path, user: this.options.user, live: true });
    return this.replace({ kind: 'file', path }, services);
  }

  /**
   * Opens the portfolio on a server. `password` null: the login's kept password, if any (else
   * the server's refusal says a password is missing). Errors are the storage's (DB_SERVER in
   * words naming the server, the user and the database); nothing open is closed then.
   */
  async openServer(connection: ServerConnection, password: string | null): Promise<OpenedPortfolio> {
    const url = connectionUrl(connection);
    const secret = password ?? this.options.connections.password(connection) ?? undefined;
    const services = await createAppServices({ dbPath: url, password: secret, tls: connection.tls, live: true });
    return this.replace({ kind: 'server', url, connection }, services);
  }

  /** Whether a login has a password kept (so a recent entry can open without asking). */
  hasKeptPassword(connection: ServerConnection): boolean {
    return this.options.connections.password(connection) !== null;
  }

  /** The connection the next dialog starts with. */
  offer(connection: ServerConnection): void {
    this.asked = connection;
  }

  async close(): Promise<void> {
    this.unlisten();
    this.listeners.clear();
    const services = this.current?.services;
    this.current = null;
    this.table = null;
    await services?.close();
  }

  /**
   * Calls `listener` with others' changes and presence on the open portfolio (a team server's;
   * a file has none), whichever portfolio is open now or later; returns a function that stops.
   */
  subscribe(listener: (event: LiveEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async replace(location: PortfolioLocation, services: AppServices): Promise<OpenedPortfolio> {
    const previous = this.current;
    this.unlisten();
    this.unlisten = services.live.subscribe((event) => {
      for (const l of this.listeners) l(event);
    });
    const label = portfolioLabel(services.store.path, services.store.user);
    const opened: OpenedPortfolio = { location, services, label, title: portfolioTitle(label, !!services.store.readOnly) };
    this.current = opened;
    this.table = createHandlers(services, this.options.host);
    await previous?.services.close().catch(() => undefined);
    this.options.onOpened?.(opened);
    return opened;
  }

  private connectForm() {
    const { connections } = this.options;
    const canKeep = connections.canKeepPasswords();
    const open = this.current?.location.kind === 'server' ? this.current.location.connection : null;
    const connection = this.asked ?? open ?? connections.list()[0]?.connection ?? null;
    this.asked = null;
    return {
      connection,
      passwordKept: connection ? connections.password(connection) !== null : false,
      canKeepPasswords: canKeep,
      note: canKeep ? null : NO_KEY_STORE_NOTE,
    };
  }

  private async connect(input: SessionInput<'serverConnect'>) {
    const { connection, rememberPassword } = input;
    const typed = input.password ? input.password : null;
    // A failure is the storage's DB_SERVER error, worded for this dialog (PgDb.open with `tls`).
    const opened = await this.openServer(connection, typed);
    const kept = this.options.connections.remember(connection, typed, rememberPassword);
    const user = opened.services.store.user;
    return { label: connectionLabel({ ...connection, user }), title: opened.title, user, passwordKept: kept.passwordKept, note: kept.note };
  }
}
