import { openPortfolioStore } from '../storage';
import type { TlsMode } from '../../shared/serverConnection';
import type { PortfolioStore } from '../storage/store';
import { GoalService } from './goalService';
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
  /** A portfolio on a server (dbPath a postgres:// URL without password): the password and TLS of the connection dialog. */
  password?: string;
  tls?: TlsMode;
}): Promise<AppServices> {
  const store = await openPortfolioStore(options.dbPath, { user: options.user, readonly: options.readonly, password: options.password, tls: options.tls });
  const services = servicesFor(store, { danishToday: options.danishToday });
  try {
    await services.recycleBin.emptyExpired();
  } catch (err) {
    await store.close();
    throw err;
  }
  return services;
}

export function servicesFor(store: PortfolioStore, options: { today?: () => string; danishToday?: () => string } = {}): AppServices {
  const goals = new GoalService(store, options.today);
  const portfolio = new PortfolioService(store);
  return {
    store,
    portfolio,
    rounds: new RoundService(store, portfolio),
    goals,
    indicators: new IndicatorService(store, goals),
    recycleBin: new RecycleBinService(store, options.danishToday),
    close: () => store.close(),
  };
}

export { PortfolioService, GoalService, IndicatorService, RoundService, RecycleBinService };
