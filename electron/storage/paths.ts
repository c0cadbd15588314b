import path from 'node:path';

/** File name of the default portfolio inside `<userData>/portfolios/`. */
export const DEFAULT_PORTFOLIO_FILE = 'standard.trafiklys.sqlite';

/**
 * The default portfolio database: `<userDataDir>/portfolios/standard.trafiklys.sqlite`.
 * The app passes Electron's userData folder; the CLI passes `--db` explicitly instead.
 */
export function defaultPortfolioPath(userDataDir: string): string {
  return path.join(userDataDir, 'portfolios', DEFAULT_PORTFOLIO_FILE);
}
