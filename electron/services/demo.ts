import { createAppServices } from './index';
import { loadPortfolioDocument, readDemoDocument } from './portfolioDocument';

/** Creates the demo portfolio (seed 003 Headstart, seed 004 work-live-stay) in `dbPath`. */
export async function createDemoPortfolio(dbPath: string, resources: string): Promise<{ projectIds: number[] }> {
  const doc = readDemoDocument(resources);
  const services = await createAppServices({ dbPath });
  try {
    return await loadPortfolioDocument(services.store, doc);
  } finally {
    await services.close();
  }
}
