/**
 * The window's title: "Trafiklys – user@host/database" or "Trafiklys – file name". Without zod
 * (unlike serverConnection.ts, which re-exports it), so that the renderer's first chunk does not
 * evaluate zod's schemas for the title (issue 12, first paint).
 */
export function portfolioTitle(label: string | null, readOnly = false): string {
  return label ? `Trafiklys – ${label}${readOnly ? ' (skrivebeskyttet)' : ''}` : 'Trafiklys';
}
