export { openPortfolioStore } from './sqliteStore';
export type { OpenPortfolioStoreOptions } from './sqliteStore';
export type { PortfolioStore, NewOrExisting, AuditFilter, SaveOptions } from './store';
export {
  NotFoundError,
  ConflictError,
  PermissionError,
  StaleWriteError,
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
export { staleWriteMessage, storageMessage, type Lang, type ReadOnlyReason, type StorageProblem } from './messages';
export { NestedLockError } from './sqlite';
export { defaultPortfolioPath, DEFAULT_PORTFOLIO_FILE } from './paths';
export { LATEST_VERSION } from './migrations';
