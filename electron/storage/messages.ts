import { basename } from 'node:path';
import { danishClockOf } from '../../shared/numbers/danishDate';

/**
 * What a user reads when a portfolio file cannot be used, in Danish and English. The storage
 * errors carry their code and parameters; the Danish text is their `message` (it crosses IPC and
 * is what the Danish UI shows), and the CLI renders the same error in its chosen language.
 */
export type Lang = 'da' | 'en';

export type StorageProblem =
  | { code: 'DB_BUSY'; file: string }
  | { code: 'DB_CORRUPT'; file: string; backups: string[]; detail: string }
  | { code: 'DB_READ_ONLY'; file: string; reason: ReadOnlyReason }
  | { code: 'DB_READ_ONLY_UPGRADE'; file: string; reason: ReadOnlyReason; fileVersion: number; appVersion: number }
  | { code: 'DB_FULL'; file: string }
  | { code: 'DB_FOREIGN'; file: string; tables: string[] }
  | { code: 'DB_IO'; file: string; detail: string }
  | { code: 'DB_NEWER'; file: string; fileVersion: number; appVersion: number }
  | { code: 'NOT_A_DATABASE'; file: string }
  | { code: 'MIGRATION_FAILED'; file: string; version: number; backupPath: string | null; detail: string }
  | {
      code: 'DB_SERVER';
      file: string;
      reason: ServerProblem;
      server: string;
      user: string;
      database: string;
      detail: string;
      /** Asked for in the app's "Forbind til server" dialog: the advice names its fields, not a URL or PGPASSWORD. */
      via?: 'app';
    };

/** Why a portfolio on a PostgreSQL server could not be opened (`file` is its URL without a password). */
export type ServerProblem = 'refused' | 'host' | 'timeout' | 'tls' | 'password' | 'access' | 'database' | 'other' | 'lost';

/** Why a portfolio is open read-only: the file or its folder cannot be written, or it was asked for. */
export type ReadOnlyReason = 'file' | 'folder' | 'requested';

type Texts = { [C in StorageProblem['code']]: (p: Extract<StorageProblem, { code: C }>) => string };

const list = (files: string[]) => files.map((f) => basename(f)).join(', ');

const da: Texts = {
  DB_BUSY: (p) => `Porteføljen ${p.file} er optaget: et andet program (eller en anden Trafiklys) skriver i den lige nu. Intet er gemt. Prøv igen om lidt.`,
  DB_CORRUPT: (p) =>
    `Porteføljefilen ${p.file} er beskadiget og kan ikke læses (${p.detail}). Intet er ændret. ` +
    (p.backups.length
      ? `Sikkerhedskopier i samme mappe (nyeste først): ${list(p.backups)}. Åbn den nyeste med Filer > Åbn portefølje, eller kopiér den til et nyt navn og åbn kopien.`
      : 'Der ligger ingen sikkerhedskopi (<fil>.backup-v<N>-<tid>) ved siden af filen; hent filen fra din egen sikkerhedskopi.'),
  DB_READ_ONLY: (p) =>
    `Porteføljen ${p.file} er åbnet skrivebeskyttet (${READ_ONLY_WHY.da[p.reason]}): du kan se og eksportere den, men ændringer kan ikke gemmes. ` +
    'Kopiér filen til en mappe, du kan skrive i, og åbn kopien for at rette i den.',
  DB_READ_ONLY_UPGRADE: (p) =>
    `Porteføljen ${p.file} er fra en ældre version af Trafiklys (skemaversion ${p.fileVersion}; denne version bruger ${p.appVersion}) og skal opgraderes, ` +
    `men den kan ikke skrives (${READ_ONLY_WHY.da[p.reason]}). Filen er ikke ændret. Kopiér den til en mappe, du kan skrive i, og åbn kopien.`,
  DB_FULL: (p) =>
    `Disken med porteføljen ${p.file} er fuld. Ændringen er ikke gemt; alt, der var gemt før, er uændret. Frigør plads på disken (eller flyt porteføljen) og prøv igen.`,
  DB_FOREIGN: (p) =>
    `${p.file} er en SQLite-fil fra et andet program${p.tables.length ? ` (tabeller: ${p.tables.slice(0, 6).join(', ')}${p.tables.length > 6 ? ' …' : ''})` : ''}, ` +
    'ikke en Trafiklys-portefølje. Den er ikke åbnet, og intet i den er ændret.',
  DB_IO: (p) => `Porteføljefilen ${p.file} kunne ikke læses eller skrives (${p.detail}). Intet er gemt. Tjek at disken eller netværksdrevet er tilgængeligt, og prøv igen.`,
  DB_NEWER: (p) =>
    `Databasen ${p.file} er lavet af en nyere version af Trafiklys (skemaversion ${p.fileVersion}; ` +
    `denne version kender op til ${p.appVersion}). Opdater Trafiklys for at åbne den. Filen er ikke ændret.`,
  NOT_A_DATABASE: (p) => `${p.file} er ikke en Trafiklys-database (kan ikke læses som SQLite). Filen er ikke ændret.`,
  MIGRATION_FAILED: (p) =>
    `Opgradering af databasen ${p.file} til skemaversion ${p.version} mislykkedes og er rullet tilbage: ${p.detail}` +
    (p.backupPath ? ` En kopi fra før opgraderingen ligger i ${p.backupPath}.` : ''),
  DB_SERVER: (p) =>
    ({
      refused: p.via
        ? `PostgreSQL-serveren ${p.server} svarer ikke (forbindelsen blev afvist). Tjek at serveren kører, og at vært og port er rigtige.`
        : `PostgreSQL-serveren ${p.server} svarer ikke (forbindelsen blev afvist). Tjek at serveren kører, og at værten og porten i ${p.file} er rigtige.`,
      host: p.via
        ? `Serveren ${p.server} findes ikke (navnet kan ikke slås op). Tjek værtsnavnet og netværksforbindelsen.`
        : `Serveren ${p.server} findes ikke (navnet kan ikke slås op). Tjek værtsnavnet i ${p.file} og netværksforbindelsen.`,
      timeout: `PostgreSQL-serveren ${p.server} svarede ikke inden for 5 sekunder. Tjek netværket (VPN?) og at serveren kører; intet er ændret.`,
      tls: p.via
        ? `Serveren ${p.server} tilbyder ikke krypteret forbindelse (TLS), og TLS er sat til "Kræv". Bed jeres it-afdeling slå TLS til på serveren, eller vælg "Foretræk" eller "Fra".`
        : `Serveren ${p.server} tilbyder ikke krypteret forbindelse (TLS), som ${p.file} kræver. Bed jeres it-afdeling slå TLS til på serveren, eller brug sslmode=prefer.`,
      password: p.via
        ? `Serveren ${p.server} afviste brugeren ${p.user}: forkert eller manglende adgangskode. Ret adgangskoden, og forbind igen.`
        : `Serveren ${p.server} afviste brugeren ${p.user}: forkert eller manglende adgangskode. Sæt PGPASSWORD, eller skriv den i ~/.pgpass; den skrives aldrig i kommandolinjen.`,
      access: `Serveren ${p.server} giver ikke brugeren ${p.user} adgang til databasen ${p.database} (${p.detail}). Bed jeres it-afdeling om adgang.`,
      database: p.via
        ? `Databasen ${p.database} findes ikke på serveren ${p.server}. Ret databasens navn, eller bed jeres it-afdeling oprette den.`
        : `Databasen ${p.database} findes ikke på serveren ${p.server}. Opret den (createdb ${p.database}) eller ret navnet i ${p.file}.`,
      other: `Porteføljen på ${p.file} kunne ikke åbnes (${p.detail}). Intet er ændret.`,
      lost: `Forbindelsen til PostgreSQL-serveren ${p.server} er afbrudt (${p.detail}). Handlingen er ikke udført, og intet er ændret. Tjek netværket (VPN?) og at serveren kører.`,
    })[p.reason],
};

const en: Texts = {
  DB_BUSY: (p) => `The portfolio ${p.file} is busy: another program (or another Trafiklys) is writing to it right now. Nothing was saved. Try again in a moment.`,
  DB_CORRUPT: (p) =>
    `The portfolio file ${p.file} is damaged and cannot be read (${p.detail}). Nothing was changed. ` +
    (p.backups.length
      ? `Backups in the same folder (newest first): ${list(p.backups)}. Open the newest with File > Open portfolio, or copy it to a new name and open the copy.`
      : 'There is no backup (<file>.backup-v<N>-<time>) next to the file; restore the file from your own backup.'),
  DB_READ_ONLY: (p) =>
    `The portfolio ${p.file} is open read-only (${READ_ONLY_WHY.en[p.reason]}): you can view and export it, but changes cannot be saved. ` +
    'Copy the file to a folder you can write to and open the copy to edit it.',
  DB_READ_ONLY_UPGRADE: (p) =>
    `The portfolio ${p.file} is from an older version of Trafiklys (schema version ${p.fileVersion}; this version uses ${p.appVersion}) and must be upgraded, ` +
    `but it cannot be written (${READ_ONLY_WHY.en[p.reason]}). The file was not changed. Copy it to a folder you can write to and open the copy.`,
  DB_FULL: (p) =>
    `The disk holding the portfolio ${p.file} is full. The change was not saved; everything saved before is unchanged. Free some space on the disk (or move the portfolio) and try again.`,
  DB_FOREIGN: (p) =>
    `${p.file} is an SQLite file of another program${p.tables.length ? ` (tables: ${p.tables.slice(0, 6).join(', ')}${p.tables.length > 6 ? ' …' : ''})` : ''}, ` +
    'not a Trafiklys portfolio. It was not opened and nothing in it was changed.',
  DB_IO: (p) => `The portfolio file ${p.file} could not be read or written (${p.detail}). Nothing was saved. Check that the disk or network drive is available and try again.`,
  DB_NEWER: (p) =>
    `The database ${p.file} was made by a newer version of Trafiklys (schema version ${p.fileVersion}; ` +
    `this version knows up to ${p.appVersion}). Update Trafiklys to open it. The file was not changed.`,
  NOT_A_DATABASE: (p) => `${p.file} is not a Trafiklys database (it cannot be read as SQLite). The file was not changed.`,
  MIGRATION_FAILED: (p) =>
    `Upgrading the database ${p.file} to schema version ${p.version} failed and was rolled back: ${p.detail}` +
    (p.backupPath ? ` A copy from before the upgrade is in ${p.backupPath}.` : ''),
  DB_SERVER: (p) =>
    ({
      refused: p.via
        ? `The PostgreSQL server ${p.server} does not answer (connection refused). Check that the server is running and that the host and port are right.`
        : `The PostgreSQL server ${p.server} does not answer (connection refused). Check that the server is running and that the host and port in ${p.file} are right.`,
      host: p.via
        ? `The server ${p.server} does not exist (its name cannot be looked up). Check the host name and the network connection.`
        : `The server ${p.server} does not exist (its name cannot be looked up). Check the host name in ${p.file} and the network connection.`,
      timeout: `The PostgreSQL server ${p.server} did not answer within 5 seconds. Check the network (VPN?) and that the server is running; nothing was changed.`,
      tls: p.via
        ? `The server ${p.server} offers no encrypted connection (TLS), and TLS is set to "Require". Ask your IT department to enable TLS on the server, or choose "Prefer" or "Off".`
        : `The server ${p.server} offers no encrypted connection (TLS), which ${p.file} requires. Ask your IT department to enable TLS on the server, or use sslmode=prefer.`,
      password: p.via
        ? `The server ${p.server} refused the user ${p.user}: wrong or missing password. Correct the password and connect again.`
        : `The server ${p.server} refused the user ${p.user}: wrong or missing password. Set PGPASSWORD or put it in ~/.pgpass; it is never written on the command line.`,
      access: `The server ${p.server} does not give the user ${p.user} access to the database ${p.database} (${p.detail}). Ask your IT department for access.`,
      database: p.via
        ? `The database ${p.database} does not exist on the server ${p.server}. Correct the database name, or ask your IT department to create it.`
        : `The database ${p.database} does not exist on the server ${p.server}. Create it (createdb ${p.database}) or correct the name in ${p.file}.`,
      other: `The portfolio at ${p.file} could not be opened (${p.detail}). Nothing was changed.`,
      lost: `The connection to the PostgreSQL server ${p.server} is lost (${p.detail}). The action was not carried out, and nothing was changed. Check the network (VPN?) and that the server is running.`,
    })[p.reason],
};

const READ_ONLY_WHY: Record<Lang, Record<ReadOnlyReason, string>> = {
  da: {
    file: 'filen er skrivebeskyttet',
    folder: 'mappen er skrivebeskyttet, fx en cd eller et skrivebeskyttet netværksdrev',
    requested: 'åbnet til læsning',
  },
  en: {
    file: 'the file is write-protected',
    folder: 'its folder is write-protected, e.g. a CD or a read-only network share',
    requested: 'opened for reading',
  },
};

const TEXTS: Record<Lang, Texts> = { da, en };

export function storageMessage(lang: Lang, problem: StorageProblem): string {
  const text = TEXTS[lang][problem.code] as (p: StorageProblem) => string;
  return text(problem);
}

/**
 * A save refused because someone else saved the row since it was read (StaleWriteError):
 * "Ændret af NAME kl. hh:mm; genindlæs". Without a name or a time (a row changed outside the
 * app, with no audit row) the sentence says only what is known.
 */
export function staleWriteMessage(lang: Lang, user: string, at: string | null): string {
  // Danish time (Europe/Copenhagen), as the app's other times.
  const time = at ? danishClockOf(at) : null;
  if (lang === 'en') {
    if (user && time) return `Changed by ${user} at ${time}; reload`;
    return `Changed by someone else${user ? ` (${user})` : ''}${time ? ` at ${time}` : ''}; reload`;
  }
  if (user && time) return `Ændret af ${user} kl. ${time}; genindlæs`;
  return `Ændret af en anden${user ? ` (${user})` : ''}${time ? ` kl. ${time}` : ''}; genindlæs`;
}

/** For the parity test: every problem code has a text in every language. */
export const STORAGE_MESSAGE_CODES: Record<Lang, string[]> = { da: Object.keys(da), en: Object.keys(en) };
