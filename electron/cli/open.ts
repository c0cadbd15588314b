import { existsSync, statSync } from 'node:fs';
import { createAppServices, type AppServices } from '../services';
import { CLI_MESSAGES, type CliMessages } from './messages';
import { CliError } from './types';

/**
 * Opens an existing portfolio file; a missing file is an error, not a new empty portfolio. A
 * file or folder that cannot be written opens read-only (read commands work, writes say why
 * they are refused); the storage errors name the file and say what to do.
 */
export async function openExistingServices(dbPath: string, t: CliMessages = CLI_MESSAGES.da): Promise<AppServices> {
  if (!existsSync(dbPath)) throw new CliError(t.dbMissing(dbPath));
  const stat = statSync(dbPath);
  if (!stat.isFile()) throw new CliError(t.dbNotAFile(dbPath));
  // An empty file would silently become a new portfolio: a read command must not write.
  if (stat.size === 0) throw new CliError(t.dbEmpty(dbPath));
  return createAppServices({ dbPath });
}
