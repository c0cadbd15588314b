import { openPortfolioStore } from '../storage';
import { isPostgresUrl } from '../storage/pg/pgDb';
import type { TlsMode } from '../../shared/serverConnection';
import type { PortfolioStore } from '../storage/store';
import { GoalService } from './goalService';
import { LiveService } from './liveService';
import { IndicatorService } from './indicatorService';
import { PortfolioService } from './portfolioService';
import { RecycleBinService } from './recycleBinService';
import { RoundService } from './roundService';

export interface AppServices {
  store: PortfolioStore;
  portfolio: PortfolioService;
  /** The goal table's writes: figures the method refuses, dates to confirm, indicator links. */
  goals: GoalService;
  indicators: IndicatorService;
  /** Texts, sign-off and comparison of evaluation rounds. */
  rounds: RoundService;
  /** Deleted projects and goals: list, restore, delete for good. */
  recycleBin: RecycleBinService;
  /** Others' changes and presence on a team server; on a file, "no team". */
  live: LiveService;
  close(): Promise<void>;
}

/**
 * Opens the portfolio at `dbPath` (migrating it) and builds the services over it. Opening empties
 * the recycle bin of what has been there longer than RECYCLE_BIN_KEEP_DAYS (Danish calendar days).
 */
export async function createAppServices(options: {
  dbPath: string;
  user?: string;
  readonly?: boolean;
  danishToday?: () => string;
  /** A window on a team server listens for others' changes (the app, the browser preview; not the CLI). */
  live?: boolean;
  /** A portfolio on a server (dbPath a postgres:// URL without password): the password and TLS of the connection dialog. */
  password?: string;
  tls?: TlsMode;
}): Promise<AppServices> {
  const live = options.live === true && isPostgresUrl(options.dbPath);
  const tag = live ? LiveService.newTag() : '';
  const location = live ? LiveService.taggedLocation(options.dbPath, tag) : options.dbPath;
  const store = await openPortfolioStore(location, { user: options.user, readonly: options.readonly, password: options.password, tls: options.tls });
  const services = servicesFor(store, { danishToday: options.danishToday, live: new LiveService(live ? store.user : '') });
  try {
    await services.recycleBin.emptyExpired();
    if (live) await services.live.start(options.dbPath, tag, { password: options.password, tls: options.tls }, () => store.resetConnections());
  } catch (err) {
    await services.close();
    throw err;
  }
  return services;
}

export function servicesFor(store: PortfolioStore, options: { today?: () => string; danishToday?: () => string; live?: LiveService } = {}): AppServices {
  const goals = new GoalService(store, options.today);
  const portfolio = new PortfolioService(store);
  const live = options.live ?? new LiveService();
  return {
    store,
    portfolio,
    rounds: new RoundService(store, portfolio),
    goals,
    indicators: new IndicatorService(store, goals),
    recycleBin: new RecycleBinService(store, options.danishToday),
    live,
    close: async () => {
      await live.close();
      await store.close();
    },
  };
}

export { PortfolioService, GoalService, IndicatorService, RoundService, RecycleBinService, LiveService };
