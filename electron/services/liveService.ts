import type { LiveEvent, LiveState, Viewer } from '../../shared/contracts/liveContracts';
import { ChangeFeed, newSessionTag, withSessionTag } from '../storage/pg/changes';
import type { PgOpenOptions } from '../storage/pg/pgDb';

/**
 * What a window hears of the others on a team server (issue 13): changes and presence from the
 * ChangeFeed, handed to whoever subscribes (Electron's window, the browser preview's event
 * stream). On a file there is no feed: the same calls answer "no team".
 */
export class LiveService {
  private readonly listeners = new Set<(event: LiveEvent) => void>();
  private feed: ChangeFeed | null = null;
  private connected = true;
  private others: Viewer[] = [];

  constructor(readonly user = '') {}

  /** The feed's session tag's URL for the store's connections (own writes told apart). */
  static taggedLocation(location: string, tag: string): string {
    return withSessionTag(location, tag);
  }

  static newTag(): string {
    return newSessionTag();
  }

  /** Starts listening on the server at `url` as the window with `tag`. */
  async start(url: string, tag: string, connect: PgOpenOptions = {}, onLost?: () => void): Promise<void> {
    this.feed = await ChangeFeed.start(
      url,
      {
        onChanges: (b) => this.emit({ kind: 'changes', ...b }),
        onPresence: (others) => {
          this.others = others;
          this.emit({ kind: 'presence', others });
        },
        onConnection: (connected) => {
          this.connected = connected;
          // The store's connections wait on the same dead line: dropped, so a save fails (and is retried) now.
          if (!connected) onLost?.();
          this.emit({ kind: 'connection', connected });
        },
      },
      { tag, connect },
    );
  }

  get team(): boolean {
    return this.feed !== null;
  }

  state(): LiveState {
    return { team: this.team, user: this.user, connected: this.connected, others: this.others };
  }

  async announce(projectId: number | null): Promise<Viewer[]> {
    await this.feed?.announce(projectId);
    return this.others;
  }

  /** Calls `listener` with each event; returns a function that stops it. */
  subscribe(listener: (event: LiveEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: LiveEvent): void {
    for (const l of this.listeners) l(event);
  }

  async close(): Promise<void> {
    this.listeners.clear();
    await this.feed?.close();
    this.feed = null;
  }
}
