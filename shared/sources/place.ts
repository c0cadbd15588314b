/**
 * The page or sheet a provenance note's place names ("side 6, linje 12", "Ark 'Mål', celle D5"),
 * in the Danish the readers write (shared/import) and the English the app shows.
 */
export function placeOfSource(location: string): { page: number | null; sheet: string | null } {
  const page = /\b(?:side|page)\s+(\d+)/i.exec(location);
  const sheet = /\b(?:Ark|[Ss]heet)\s+'([^']*)'/.exec(location) ?? /\b(?:Ark|[Ss]heet)\s+"([^"]*)"/.exec(location);
  return { page: page ? Number(page[1]) : null, sheet: sheet ? sheet[1] : null };
}
