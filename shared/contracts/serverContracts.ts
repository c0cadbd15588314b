import { z } from 'zod';
import { defineContract } from './core';
import { ServerConnectionSchema, type ServerConnection } from '../serverConnection';

/**
 * "Filer > Forbind til server": channels of the app's session, not of one open portfolio (they
 * work whatever is open, and connecting replaces what is open). Main keeps the password it is
 * given only in memory for the connection, or encrypted when asked to (electron/main/connections.ts).
 */
export const serverContracts = {
  /** What the dialog starts with: the connection asked for (a recent entry) or the last used. */
  serverConnectForm: defineContract({
    channel: 'server:connectForm',
    input: z.object({}).strict(),
    output: z.custom<{
      connection: ServerConnection | null;
      passwordKept: boolean;
      /** False: passwords cannot be kept on this computer; `note` says why. */
      canKeepPasswords: boolean;
      note: string | null;
    }>(),
  }),
  /** Connects and opens the portfolio on the server; the open one is closed only after that succeeded. */
  serverConnect: defineContract({
    channel: 'server:connect',
    input: z
      .object({
        connection: ServerConnectionSchema,
        /** Empty or absent: the kept password of this login (if any). */
        password: z.string().max(1024, { message: 'Adgangskoden er for lang (højst 1024 tegn).' }).optional(),
        rememberPassword: z.boolean().default(false),
      })
      .strict(),
    output: z.custom<{
      /** "user@host/database", the user as the server knows the session. */
      label: string;
      title: string;
      user: string;
      passwordKept: boolean;
      /** Why a password the user asked to keep is not kept, or null. */
      note: string | null;
    }>(),
  }),
};

export type SessionContractName = keyof typeof serverContracts;
export const SESSION_CONTRACT_NAMES = Object.keys(serverContracts) as SessionContractName[];
