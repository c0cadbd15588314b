import { z } from 'zod';

/**
 * A portfolio on a PostgreSQL server, as the app's "Forbind til server" dialog describes it:
 * where (host, port, database), as whom (user) and how (TLS). Never the password: that is asked
 * for, or kept encrypted by the app (electron/main/connections.ts), and is not part of any URL.
 *
 * TLS as libpq's sslmode: `require` (encrypted or no connection), `prefer` (encrypted where the
 * server offers it, else plain; the default), `off` (plain). In neither of the encrypted modes is
 * the server's certificate checked against a certificate authority (as libpq's require/prefer).
 */

export const TLS_MODES = ['require', 'prefer', 'off'] as const;
export const TlsModeSchema = z.enum(TLS_MODES);
export type TlsMode = z.infer<typeof TlsModeSchema>;

export const DEFAULT_PG_PORT = 5432;

/** A host name (letters, digits, dots, hyphens) or an IP address (IPv6 with or without brackets). */
export const HOST_PATTERN = /^(?:[A-Za-z0-9](?:[A-Za-z0-9_-]{0,62})(?:\.[A-Za-z0-9_-]{1,63})*\.?|\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*\]?)$/;
/** PostgreSQL names are at most 63 bytes; no control characters. */
const hasNoControlCharacter = (s: string) => ![...s].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127);

export const ServerConnectionSchema = z
  .object({
    host: z
      .string()
      .trim()
      .min(1, { message: 'Skriv serverens navn eller adresse.' })
      .max(253, { message: 'Servernavnet er for langt (højst 253 tegn).' })
      .refine((h) => h === '' || HOST_PATTERN.test(h), { message: 'Servernavnet må kun have bogstaver, tal, punktum og bindestreg (eller være en IP-adresse).' }),
    port: z
      .number({ message: 'Porten skal være et tal.' })
      .int({ message: 'Porten skal være et helt tal.' })
      .min(1, { message: 'Porten skal være mellem 1 og 65535.' })
      .max(65535, { message: 'Porten skal være mellem 1 og 65535.' }),
    database: z
      .string()
      .trim()
      .min(1, { message: 'Skriv databasens navn.' })
      .max(63, { message: 'Databasens navn er for langt (højst 63 tegn).' })
      .refine(hasNoControlCharacter, { message: 'Databasens navn må ikke have styretegn.' }),
    user: z
      .string()
      .trim()
      .min(1, { message: 'Skriv dit brugernavn på serveren.' })
      .max(63, { message: 'Brugernavnet er for langt (højst 63 tegn).' })
      .refine(hasNoControlCharacter, { message: 'Brugernavnet må ikke have styretegn.' }),
    tls: TlsModeSchema.default('prefer'),
  })
  .strict();
export type ServerConnection = z.output<typeof ServerConnectionSchema>;
export type ServerConnectionInput = z.input<typeof ServerConnectionSchema>;

const SSLMODE: Record<TlsMode, string> = { require: 'require', prefer: 'prefer', off: 'disable' };

function urlHost(host: string): string {
  const bare = host.replace(/^\[|\]$/g, '');
  return bare.includes(':') ? `[${bare}]` : bare;
}

/** `postgres://user@host:port/database?sslmode=…`: the portfolio's identity (recent list, messages). No password, ever. */
export function connectionUrl(c: ServerConnection): string {
  return `postgres://${encodeURIComponent(c.user)}@${urlHost(c.host)}:${c.port}/${encodeURIComponent(c.database)}?sslmode=${SSLMODE[c.tls]}`;
}

/** How the app names a server portfolio: "user@host/database". */
export function connectionLabel(c: Pick<ServerConnection, 'user' | 'host' | 'database'>): string {
  return `${c.user}@${c.host.replace(/^\[|\]$/g, '')}/${c.database}`;
}

/**
 * The connection of a postgres:// URL (the recent list keeps URLs), or null when it is not one
 * the dialog could have made. A password in the URL is ignored, never returned.
 */
export function parseConnectionUrl(url: string): ServerConnection | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') return null;
  const mode = u.searchParams.get('sslmode');
  const tls: TlsMode = mode === 'require' ? 'require' : mode === 'disable' ? 'off' : 'prefer';
  let user = '';
  let database = '';
  try {
    user = decodeURIComponent(u.username);
    database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  } catch {
    return null;
  }
  const parsed = ServerConnectionSchema.safeParse({
    host: u.hostname,
    port: u.port ? Number(u.port) : DEFAULT_PG_PORT,
    database,
    user,
    tls,
  });
  return parsed.success ? parsed.data : null;
}

/**
 * How the app names an open portfolio: "user@host/database" on a server (the user the server
 * knows the session as), the file's name for SQLite.
 */
export function portfolioLabel(location: string, user: string): string {
  if (/^postgres(ql)?:\/\//i.test(location)) {
    try {
      const u = new URL(location);
      return connectionLabel({ user: user || decodeURIComponent(u.username), host: u.hostname, database: decodeURIComponent(u.pathname.replace(/^\//, '')) });
    } catch {
      return location;
    }
  }
  return location.split(/[\\/]/).pop() || location;
}

export { portfolioTitle } from './portfolioTitle';
