import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { ServerConnectionSchema, type ServerConnection } from '../../shared/serverConnection';

/**
 * The server connections the app remembers (userData/server-connections.json): host, port,
 * database, user and TLS of each, most recent first, and, where the user asked for it and the
 * computer can, the password encrypted by the OS key store (Electron's `safeStorage`: Keychain,
 * DPAPI, Secret Service/KWallet). Never the password in plain text: without a real key store the
 * password is not kept at all and the dialog asks for it each time (and says why).
 */

/** What the store needs of Electron's `safeStorage`; tests pass a fake. */
export interface SecretBox {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means a key built into Chromium, i.e. no real protection. */
  getSelectedStorageBackend?(): string;
}

/** A box for hosts without a key store (the browser preview, the CLI): nothing is ever kept. */
export const NO_SECRET_BOX: SecretBox = {
  isEncryptionAvailable: () => false,
  encryptString: () => {
    throw new Error('no key store');
  },
  decryptString: () => {
    throw new Error('no key store');
  },
};

export const CONNECTIONS_FILE = 'server-connections.json';
const MAX_KEPT = 10;

const FileSchema = z.object({
  version: z.literal(1),
  connections: z
    .array(
      z.object({
        connection: ServerConnectionSchema,
        /** base64 of safeStorage.encryptString(password). */
        encryptedPassword: z.string().optional(),
      }),
    )
    .max(50),
});
type ConnectionsFile = z.infer<typeof FileSchema>;

export interface KeptConnection {
  connection: ServerConnection;
  passwordKept: boolean;
}

export interface RememberResult {
  passwordKept: boolean;
  /** Why a password the user asked to keep is not kept (Danish), or null. */
  note: string | null;
}

export const NO_KEY_STORE_NOTE =
  'Adgangskoden er ikke gemt: computeren har ingen sikker nøglering, som Trafiklys kan kryptere den med (på Linux fx GNOME-nøgleringen eller KWallet). Du bliver spurgt om den, hver gang du forbinder.';

/** One entry per login on a server: the same user on the same database, whatever the TLS. */
function sameLogin(a: ServerConnection, b: ServerConnection): boolean {
  return a.host.toLowerCase() === b.host.toLowerCase() && a.port === b.port && a.database === b.database && a.user === b.user;
}

export class ServerConnections {
  constructor(
    private readonly file: string,
    private readonly box: SecretBox,
  ) {}

  static inFolder(userData: string, box: SecretBox): ServerConnections {
    return new ServerConnections(join(userData, CONNECTIONS_FILE), box);
  }

  /** Whether a password can be kept encrypted on this computer. */
  canKeepPasswords(): boolean {
    try {
      if (!this.box.isEncryptionAvailable()) return false;
      return this.box.getSelectedStorageBackend?.() !== 'basic_text';
    } catch {
      return false;
    }
  }

  /** Most recent first. */
  list(): KeptConnection[] {
    return this.read().connections.map((c) => ({ connection: c.connection, passwordKept: !!c.encryptedPassword && this.canKeepPasswords() }));
  }

  find(connection: ServerConnection): KeptConnection | null {
    return this.list().find((c) => sameLogin(c.connection, connection)) ?? null;
  }

  /** The kept password of this login, or null (none kept, no key store, or it cannot be decrypted any more). */
  password(connection: ServerConnection): string | null {
    const entry = this.read().connections.find((c) => sameLogin(c.connection, connection));
    if (!entry?.encryptedPassword || !this.canKeepPasswords()) return null;
    try {
      return this.box.decryptString(Buffer.from(entry.encryptedPassword, 'base64'));
    } catch {
      return null;
    }
  }

  /**
   * After a successful connection: the login goes first in the list; its password is kept
   * encrypted when `keep` (and the computer can), else any kept one is dropped.
   */
  remember(connection: ServerConnection, password: string | null, keep: boolean): RememberResult {
    const data = this.read();
    const previous = data.connections.find((c) => sameLogin(c.connection, connection));
    let encryptedPassword: string | undefined;
    let note: string | null = null;
    if (keep && password !== null) {
      if (this.canKeepPasswords()) encryptedPassword = this.box.encryptString(password).toString('base64');
      else note = NO_KEY_STORE_NOTE;
    } else if (keep && password === null) {
      // Connected with the kept password itself: it stays.
      encryptedPassword = this.canKeepPasswords() ? previous?.encryptedPassword : undefined;
    }
    const entry = { connection, ...(encryptedPassword ? { encryptedPassword } : {}) };
    this.write({ version: 1, connections: [entry, ...data.connections.filter((c) => !sameLogin(c.connection, connection))].slice(0, MAX_KEPT) });
    return { passwordKept: !!encryptedPassword, note };
  }

  /** Drops the kept password of a login (the connection itself stays in the list). */
  forgetPassword(connection: ServerConnection): void {
    const data = this.read();
    this.write({ ...data, connections: data.connections.map((c) => (sameLogin(c.connection, connection) ? { connection: c.connection } : c)) });
  }

  private read(): ConnectionsFile {
    if (!existsSync(this.file)) return { version: 1, connections: [] };
    try {
      const parsed = FileSchema.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
      return parsed.success ? parsed.data : { version: 1, connections: [] };
    } catch {
      return { version: 1, connections: [] };
    }
  }

  private write(data: ConnectionsFile): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(data, null, 2), { mode: 0o600 });
    renameSync(tmp, this.file);
    try {
      chmodSync(this.file, 0o600);
    } catch {
      // Windows: the user's profile folder is private already.
    }
  }
}
