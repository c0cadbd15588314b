import { OWNED_COLUMNS, privilegesOf, rolesAllowed, type TeamRole } from './roleMatrix';

/**
 * What the user of a team server may change (issue 13: the UI shows what a user may not do as
 * disabled, with the reason; the server refuses it anyway). Null rights: one person on a file,
 * or a server's superuser/owner: everything.
 */
export interface TeamRights {
  /** The login. */
  user: string;
  roles: TeamRole[];
  /** Tables the roles may write (INSERT or UPDATE). */
  writable: string[];
  /** The projects assigned to the user; null: all (an admin). */
  projects: number[] | null;
}

export function writableTables(roles: readonly TeamRole[], tables: readonly string[]): string[] {
  const writes = tables.filter((t) => roles.some((r) => privilegesOf(r, t).some((p) => p === 'INSERT' || p === 'UPDATE')));
  // Owned columns (OWNED_COLUMNS) count as a table of their own: writable by their roles.
  const owned = Object.entries(OWNED_COLUMNS)
    .filter(([, o]) => tables.includes(o.table) && roles.some((r) => o.roles.includes(r)))
    .map(([name]) => name);
  return [...writes, ...owned];
}

export type Refusal =
  /** No role of the user may write `table`; `roles` may. */
  | { kind: 'role'; table: string; roles: TeamRole[] }
  /** The role may, but the project is not assigned to the user. */
  | { kind: 'assignment'; table: string };

/** Why the user may not write `table` of project `projectId`, or null when they may. */
export function refusal(rights: TeamRights | null, table: string, projectId: number | null): Refusal | null {
  if (!rights) return null;
  if (!rights.writable.includes(table)) return { kind: 'role', table, roles: rolesAllowed(table, 'UPDATE').filter((r) => r !== 'admin') };
  if (projectId !== null && rights.projects !== null && !rights.projects.includes(projectId)) return { kind: 'assignment', table };
  return null;
}
