import { existsSync, statSync } from 'node:fs';
import { createAppServices, type AppServices } from '../services';
import { CliError } from './types';

/** Opens an existing portfolio file; a missing file is an error, not a new empty portfolio. */
export async function openExistingServices(dbPath: string): Promise<AppServices> {
  if (!existsSync(dbPath)) throw new CliError(`Databasefilen ${dbPath} findes ikke.`);
  const stat = statSync(dbPath);
  if (!stat.isFile()) throw new CliError(`${dbPath} er ikke en fil.`);
  // An empty file would silently become a new portfolio: a read command must not write.
  if (stat.size === 0) throw new CliError(`${dbPath} er tom og er ikke en Trafiklys-database.`);
  return createAppServices({ dbPath });
}
