export { openPortfolioStore } from './sqliteStore';
export type { OpenPortfolioStoreOptions } from './sqliteStore';
export type { PortfolioStore, NewOrExisting, AuditFilter } from './store';
export {
  NotFoundError,
  ConflictError,
  PermissionError,
  LockedError,
  StorageError,
  DatabaseNewerError,
  MigrationError,
  NotADatabaseError,
  ForeignDatabaseError,
  DatabaseBusyError,
  DatabaseCorruptError,
  DatabaseReadOnlyError,
  DiskFullError,
  DatabaseIoError,
  DatabaseServerError,
} from './store';
export { storageMessage, type Lang, type ReadOnlyReason, type StorageProblem } from './messages';
export { NestedLockError } from './sqlite';
export { defaultPortfolioPath, DEFAULT_PORTFOLIO_FILE } from './paths';
export { LATEST_VERSION } from './migrations';
