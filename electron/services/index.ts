import { openPortfolioStore } from '../storage';
import type { PortfolioStore } from '../storage/store';
import { PortfolioService } from './portfolioService';

export interface AppServices {
  store: PortfolioStore;
  portfolio: PortfolioService;
  close(): Promise<void>;
}

/** Opens the portfolio at `dbPath` (migrating it) and builds the services over it. */
export async function createAppServices(options: { dbPath: string; user?: string; readonly?: boolean }): Promise<AppServices> {
  const store = await openPortfolioStore(options.dbPath, { user: options.user, readonly: options.readonly });
  return servicesFor(store);
}

export function servicesFor(store: PortfolioStore): AppServices {
  return {
    store,
    portfolio: new PortfolioService(store),
    close: () => store.close(),
  };
}

export { PortfolioService };
