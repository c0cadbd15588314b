import { openPortfolioStore } from '../storage';
import type { PortfolioStore } from '../storage/store';
import { GoalService } from './goalService';
import { IndicatorService } from './indicatorService';
import { PortfolioService } from './portfolioService';
import { RoundService } from './roundService';

export interface AppServices {
  store: PortfolioStore;
  portfolio: PortfolioService;
  /** The goal table's writes: figures the method refuses, dates to confirm, indicator links. */
  goals: GoalService;
  indicators: IndicatorService;
  /** Texts, sign-off and comparison of evaluation rounds. */
  rounds: RoundService;
  close(): Promise<void>;
}

/** Opens the portfolio at `dbPath` (migrating it) and builds the services over it. */
export async function createAppServices(options: { dbPath: string; user?: string; readonly?: boolean }): Promise<AppServices> {
  const store = await openPortfolioStore(options.dbPath, { user: options.user, readonly: options.readonly });
  return servicesFor(store);
}

export function servicesFor(store: PortfolioStore, options: { today?: () => string } = {}): AppServices {
  const goals = new GoalService(store, options.today);
  const portfolio = new PortfolioService(store);
  return {
    store,
    portfolio,
    rounds: new RoundService(store, portfolio),
    goals,
    indicators: new IndicatorService(store, goals),
    close: () => store.close(),
  };
}

export { PortfolioService, GoalService, IndicatorService, RoundService };
