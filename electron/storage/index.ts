export { openPortfolioStore, PROFILE_SETTING_KEY } from './sqliteStore';
export type { OpenPortfolioStoreOptions } from './sqliteStore';
export type { PortfolioStore, NewOrExisting, AuditFilter } from './store';
export { NotFoundError, ConflictError, LockedError, DatabaseNewerError, MigrationError, NotADatabaseError } from './store';
export { NestedLockError } from './sqlite';
export { defaultPortfolioPath, DEFAULT_PORTFOLIO_FILE } from './paths';
export { LATEST_VERSION } from './migrations';
