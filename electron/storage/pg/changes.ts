import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { connectPgClient, dropSocket, type PgOpenOptions } from './pgDb';
import { z } from 'zod';

/**
 * Others' changes without reloading, and who else has a project open (issue 13, team mode), on
 * PostgreSQL's LISTEN/NOTIFY. One dedicated connection per window listens on two channels:
 * - `trafiklys_changes`: sent by the audit log's trigger (migration 011) when a writing
 *   transaction commits, with the project, the user and the writing connection's
 *   application_name. A window's own store connects with its tag as application_name
 *   (`withSessionTag`), so its own writes are told apart from others'.
 * - `trafiklys_presence`: each window says which project it shows, again every `presenceEveryMs`;
 *   a window not heard from for `presenceTtlMs` (closed, crashed, cut off) is dropped.
 * Changes that arrive close together are reported as one batch (`batchMs`). A lost connection
 * is reported at once and retried; when it is back, `onChanges` reports everything as changed
 * (what happened meanwhile was not heard).
 */

export const CHANGES_CHANNEL = 'trafiklys_changes';
export const PRESENCE_CHANNEL = 'trafiklys_presence';

export interface ChangeBatch {
  /** Projects changed by others (ids); empty with `everything`. */
  projectIds: number[];
  /** Who made them (login names). */
  users: string[];
  /** A change that is not one project's (the methodology profile), or a reconnect: reload all. */
  everything: boolean;
}

export interface Viewer {
  user: string;
  projectId: number;
}

export interface ChangeFeedListener {
  onChanges(batch: ChangeBatch): void;
  /** Who else (other windows) has which project open; called when that changes. */
  onPresence?(others: Viewer[]): void;
  /** The listening connection was lost (`false`) or is back (`true`). */
  onConnection?(connected: boolean): void;
}

export interface ChangeFeedOptions {
  batchMs?: number;
  presenceEveryMs?: number;
  presenceTtlMs?: number;
  reconnectMs?: number;
  /** How often the listening connection is pinged (a silent line noticed), and how long the server may take to answer. */
  heartbeatEveryMs?: number;
  heartbeatTimeoutMs?: number;
  /** This window's tag (withSessionTag); a fresh one by default. */
  tag?: string;
  /** The connection dialog's password and TLS (as the store's); absent: the URL's, PGPASSWORD, ~/.pgpass. */
  connect?: PgOpenOptions;
}

const changePayload = z.object({ projectId: z.number().int().nullable(), user: z.string(), entity: z.string(), session: z.string().nullable().optional() });
const presencePayload = z.object({ tag: z.string(), user: z.string(), projectId: z.number().int().nullable() });

/** A tag for one window's connections: `trafiklys-<random>`. */
export function newSessionTag(): string {
  return `trafiklys-${randomBytes(6).toString('hex')}`;
}

/** `url` with the window's tag as the connections' application_name. */
export function withSessionTag(url: string, tag: string): string {
  const u = new URL(url);
  u.searchParams.set('application_name', tag);
  return u.toString();
}

export class ChangeFeed {
  private client: pg.Client | null = null;
  private closed = false;
  private pending: { ids: Set<number>; users: Set<string>; everything: boolean } | null = null;
  private batchTimer: NodeJS.Timeout | null = null;
  private presenceTimer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private viewing: number | null = null;
  private readonly seen = new Map<string, { user: string; projectId: number | null; at: number }>();
  private lastOthers = '[]';
  readonly tag: string;
  private readonly batchMs: number;
  private readonly presenceEveryMs: number;
  private readonly presenceTtlMs: number;
  private readonly reconnectMs: number;
  private readonly heartbeatEveryMs: number;
  private readonly heartbeatTimeoutMs: number;
  private heartbeatTimer: ReturnType<typeof setInterval> | null = null;
  private pinging = false;
  private readonly connectOptions: PgOpenOptions;

  /** The login the server knows this window as (asked at connect). */
  private user = '';

  private constructor(
    private readonly url: string,
    private readonly listener: ChangeFeedListener,
    options: ChangeFeedOptions,
  ) {
    this.tag = options.tag ?? newSessionTag();
    this.batchMs = options.batchMs ?? 150;
    this.presenceEveryMs = options.presenceEveryMs ?? 10_000;
    this.presenceTtlMs = options.presenceTtlMs ?? 25_000;
    this.reconnectMs = options.reconnectMs ?? 2_000;
    this.heartbeatEveryMs = options.heartbeatEveryMs ?? 2_000;
    this.heartbeatTimeoutMs = options.heartbeatTimeoutMs ?? 3_000;
    this.connectOptions = options.connect ?? {};
  }

  /** Connects and listens; a server that cannot be reached throws (the caller's store failed first). */
  static async start(url: string, listener: ChangeFeedListener, options: ChangeFeedOptions = {}): Promise<ChangeFeed> {
    const feed = new ChangeFeed(url, listener, options);
    await feed.connect();
    feed.presenceTimer = setInterval(() => {
      void feed.announce(feed.viewing, true);
      feed.expire();
    }, feed.presenceEveryMs);
    feed.presenceTimer.unref();
    feed.heartbeatTimer = setInterval(() => void feed.heartbeat(), feed.heartbeatEveryMs);
    feed.heartbeatTimer.unref();
    return feed;
  }

  private async connect(): Promise<void> {
    const client = await connectPgClient(withSessionTag(this.url, `${this.tag}-listen`), this.connectOptions);
    client.on('notification', (n) => this.receive(n.channel, n.payload ?? ''));
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      this.user = (await client.query<{ u: string }>('SELECT session_user AS u')).rows[0].u;
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
      await client.query(`LISTEN ${PRESENCE_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
  }

  private lost(client: pg.Client): void {
    if (this.closed || this.client !== client) return;
    this.client = null;
    this.listener.onConnection?.(false);
    this.retry();
  }

  private retry(): void {
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect().then(
        () => {
          if (this.closed) return void this.client?.end().catch(() => undefined);
          this.listener.onConnection?.(true);
          // Whatever changed while the line was down went unheard: everything may have changed.
          this.queue(null, '', true);
          void this.announce(this.viewing, true);
        },
        () => this.retry(),
      );
    }, this.reconnectMs);
    this.retryTimer.unref();
  }

  private receive(channel: string, payload: string): void {
    let json: unknown;
    try {
      json = JSON.parse(payload);
    } catch {
      return;
    }
    if (channel === CHANGES_CHANNEL) {
      const change = changePayload.safeParse(json);
      if (!change.success || change.data.session === this.tag) return;
      this.queue(change.data.projectId, change.data.user, change.data.projectId === null);
    } else if (channel === PRESENCE_CHANNEL) {
      const p = presencePayload.safeParse(json);
      if (!p.success || p.data.tag === this.tag) return;
      if (p.data.projectId === null) this.seen.delete(p.data.tag);
      else this.seen.set(p.data.tag, { user: p.data.user, projectId: p.data.projectId, at: Date.now() });
      this.reportPresence();
    }
  }

  private queue(projectId: number | null, user: string, everything: boolean): void {
    this.pending ??= { ids: new Set(), users: new Set(), everything: false };
    if (projectId !== null) this.pending.ids.add(projectId);
    if (user) this.pending.users.add(user);
    this.pending.everything ||= everything;
    this.batchTimer ??= setTimeout(() => {
      this.batchTimer = null;
      const batch = this.pending!;
      this.pending = null;
      this.listener.onChanges({ projectIds: batch.everything ? [] : [...batch.ids].sort((a, b) => a - b), users: [...batch.users].sort(), everything: batch.everything });
    }, this.batchMs);
  }

  private expire(): void {
    const now = Date.now();
    for (const [tag, v] of this.seen) if (now - v.at > this.presenceTtlMs) this.seen.delete(tag);
    this.reportPresence();
  }

  private reportPresence(): void {
    const others = this.others();
    const key = JSON.stringify(others);
    if (key === this.lastOthers) return;
    this.lastOthers = key;
    this.listener.onPresence?.(others);
  }

  /** Who else has which project open (one entry per user and project). */
  others(): Viewer[] {
    const unique = new Map<string, Viewer>();
    for (const v of this.seen.values()) if (v.projectId !== null) unique.set(`${v.user}\u0000${v.projectId}`, { user: v.user, projectId: v.projectId });
    return [...unique.values()].sort((a, b) => a.projectId - b.projectId || a.user.localeCompare(b.user, 'da'));
  }

  /** Says which project this window shows (null: none); others hear it within a moment. */
  /**
   * A line that went silent (a VPN or Wi-Fi gone: no reset, no end, the socket just waits) is
   * noticed here, not minutes later by TCP: the server must answer a ping within
   * `heartbeatTimeoutMs`, else the line counts as lost (said at once; reconnecting starts).
   */
  private async heartbeat(): Promise<void> {
    const client = this.client;
    if (!client || this.closed || this.pinging) return;
    this.pinging = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const answered = await Promise.race([
      client.query('SELECT 1').then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), this.heartbeatTimeoutMs);
        timer.unref();
      }),
    ]);
    clearTimeout(timer);
    this.pinging = false;
    if (answered || this.client !== client) return;
    this.lost(client);
    // Its queries wait on a socket that will not answer: drop it rather than wait for TCP.
    dropSocket(client);
    void client.end().catch(() => undefined);
  }

  async announce(projectId: number | null, again = false): Promise<void> {
    if (!again && projectId === this.viewing) return;
    this.viewing = projectId;
    const client = this.client;
    if (!client) return;
    if (again && projectId === null) return;
    await client
      .query('SELECT pg_notify($1, $2)', [PRESENCE_CHANNEL, JSON.stringify({ tag: this.tag, user: this.user, projectId })])
      .catch(() => undefined);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.announce(null).catch(() => undefined);
    this.closed = true;
    for (const t of [this.batchTimer, this.retryTimer]) if (t) clearTimeout(t);
    if (this.presenceTimer) clearInterval(this.presenceTimer);
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
