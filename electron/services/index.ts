import { openPortfolioStore } from '../storage';
import type { PortfolioStore } from '../storage/store';
import { PortfolioService } from './portfolioService';
import { RoundService } from './roundService';

export interface AppServices {
  store: PortfolioStore;
  portfolio: PortfolioService;
  /** Texts, sign-off and comparison of evaluation rounds. */
  rounds: RoundService;
  close(): Promise<void>;
}

/** Opens the portfolio at `dbPath` (migrating it) and builds the services over it. */
export async function createAppServices(options: { dbPath: string; user?: string }): Promise<AppServices> {
  const store = await openPortfolioStore(options.dbPath, { user: options.user });
  return servicesFor(store);
}

export function servicesFor(store: PortfolioStore): AppServices {
  const portfolio = new PortfolioService(store);
  return {
    store,
    portfolio,
    rounds: new RoundService(store, portfolio),
    close: () => store.close(),
  };
}

export { PortfolioService, RoundService };
