import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { createAppServices, type AppServices } from '../services';
import { isPostgresUrl, redactUrl } from '../storage/pg/pgDb';
import { CLI_MESSAGES, type CliMessages } from './messages';
import { CliError, requireString, type CliArgs } from './types';

/**
 * Where `--db` points: a portfolio file (made absolute) or a portfolio on a PostgreSQL server
 * (`postgres://user@host:port/db`, kept as given; the password comes from PGPASSWORD or
 * ~/.pgpass, never from what is printed).
 */
export function dbLocation(args: CliArgs, option = 'db'): string {
  const value = requireString(args, option);
  return isPostgresUrl(value) ? value : resolve(value);
}

/** A location as messages name it: a server URL without its password. */
export function shownLocation(location: string): string {
  return isPostgresUrl(location) ? redactUrl(location) : location;
}

/** Whether a command line carries a password inside a postgres:// URL (it then shows in the shell's history). */
export function urlWithPassword(argv: readonly string[]): string | null {
  for (const a of argv) {
    const value = a.includes('=') && a.startsWith('--') ? a.slice(a.indexOf('=') + 1) : a;
    if (!isPostgresUrl(value)) continue;
    try {
      if (new URL(value).password) return redactUrl(value);
    } catch {
      // Not a URL after all: the command reports it.
    }
  }
  return null;
}

/**
 * Opens an existing portfolio file; a missing file is an error, not a new empty portfolio. A
 * file or folder that cannot be written opens read-only (read commands work, writes say why
 * they are refused); the storage errors name the file and say what to do. A postgres:// URL
 * opens the portfolio on that server (its errors name the server, the user and the database).
 */
export async function openExistingServices(dbPath: string, t: CliMessages = CLI_MESSAGES.da): Promise<AppServices> {
  if (isPostgresUrl(dbPath)) return createAppServices({ dbPath });
  if (!existsSync(dbPath)) throw new CliError(t.dbMissing(dbPath));
  const stat = statSync(dbPath);
  if (!stat.isFile()) throw new CliError(t.dbNotAFile(dbPath));
  // An empty file would silently become a new portfolio: a read command must not write.
  if (stat.size === 0) throw new CliError(t.dbEmpty(dbPath));
  return createAppServices({ dbPath });
}
