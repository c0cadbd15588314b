import { existsSync } from 'node:fs';
import { createAppServices, type AppServices } from '../services';
import { CliError } from './types';

/** Opens an existing portfolio file; a missing file is an error, not a new empty portfolio. */
export async function openExistingServices(dbPath: string): Promise<AppServices> {
  if (!existsSync(dbPath)) throw new CliError(`Databasefilen ${dbPath} findes ikke.`);
  return createAppServices({ dbPath });
}
