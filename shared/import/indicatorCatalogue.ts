import type { GoalLevel } from '../domain';
import { CsvParseError, parseCsv } from './csv';

/**
 * A catalogue of common indicators (issue 14: the EU's common output and result indicators for
 * ESF/ERDF, or a national list) as the user provides it in a CSV file: one indicator per row
 * with code, name, unit and level under a header row. Pure: the caller reads the file.
 *
 * Every problem is given with its line and column, and any problem means nothing is loaded
 * (the caller writes all rows in one transaction or none).
 */

export interface CatalogueRow {
  code: string;
  name: string;
  unit: string;
  level: GoalLevel;
  /** 1-based line of the file the row starts on. */
  line: number;
}

export interface CatalogueProblem {
  line: number;
  /** 1-based column, with the header's name where there is one. */
  column: number | null;
  columnName: string | null;
  message: string;
}

export type CatalogueParse = { ok: true; rows: CatalogueRow[] } | { ok: false; problems: CatalogueProblem[] };

type Key = 'code' | 'name' | 'unit' | 'level';
const HEADERS: Record<Key, string[]> = {
  code: ['kode', 'code', 'id', 'indikatorkode', 'indicator code'],
  name: ['navn', 'name', 'indikator', 'indicator', 'betegnelse', 'indikatornavn', 'indicator name'],
  unit: ['enhed', 'unit', 'måleenhed', 'measurement unit'],
  level: ['niveau', 'level', 'type'],
};

/**
 * The app's levels: A activity, B output, C effect. The EU's common indicators come as output
 * and result indicators, which are the app's output (B) and effect (C) goals.
 */
const LEVELS: Record<string, GoalLevel> = {
  a: 'A',
  aktivitet: 'A',
  aktivitetsmål: 'A',
  activity: 'A',
  b: 'B',
  output: 'B',
  outputmål: 'B',
  outputindikator: 'B',
  'output indicator': 'B',
  c: 'C',
  effekt: 'C',
  effektmål: 'C',
  resultat: 'C',
  resultatindikator: 'C',
  result: 'C',
  'result indicator': 'C',
};

const norm = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('da');

export const CATALOGUE_MAX_ROWS = 10_000;

export function parseIndicatorCatalogue(text: string): CatalogueParse {
  let rows: { fields: string[]; line: number }[];
  try {
    rows = parseCsv(text, undefined, CATALOGUE_MAX_ROWS + 1, (CATALOGUE_MAX_ROWS + 1) * 50);
  } catch (err) {
    if (err instanceof CsvParseError) return { ok: false, problems: [{ line: err.line, column: null, columnName: null, message: err.message }] };
    throw err;
  }
  rows = rows.filter((r) => r.fields.some((f) => f.trim() !== ''));
  if (rows.length === 0) return { ok: false, problems: [{ line: 1, column: null, columnName: null, message: 'Filen er tom: der er ingen overskriftsrække og ingen indikatorer.' }] };
  const [header, ...body] = rows;
  const index = {} as Record<Key, number>;
  const problems: CatalogueProblem[] = [];
  for (const key of Object.keys(HEADERS) as Key[]) {
    const at = header.fields.findIndex((f) => HEADERS[key].includes(norm(f)));
    if (at < 0)
      problems.push({
        line: header.line,
        column: null,
        columnName: null,
        message: `Overskriftsrækken mangler kolonnen "${HEADERS[key][0]}" (eller "${HEADERS[key][1]}"); den har: ${header.fields.map((f) => `"${f.trim()}"`).join(', ')}.`,
      });
    else index[key] = at;
  }
  if (problems.length) return { ok: false, problems };
  if (body.length === 0) return { ok: false, problems: [{ line: header.line, column: null, columnName: null, message: 'Filen har en overskriftsrække, men ingen indikatorer.' }] };
  if (body.length > CATALOGUE_MAX_ROWS)
    return { ok: false, problems: [{ line: body[CATALOGUE_MAX_ROWS].line, column: null, columnName: null, message: `Filen har mere end ${CATALOGUE_MAX_ROWS} indikatorer.` }] };

  const out: CatalogueRow[] = [];
  const seen = new Map<string, number>();
  for (const row of body) {
    const cell = (key: Key) => (row.fields[index[key]] ?? '').trim();
    const place = (key: Key) => ({ line: row.line, column: index[key] + 1, columnName: header.fields[index[key]].trim() });
    const code = cell('code');
    const name = cell('name');
    const unit = cell('unit');
    const levelText = cell('level');
    const level = LEVELS[norm(levelText)];
    if (code === '') problems.push({ ...place('code'), message: 'Koden mangler.' });
    else if (code.length > 40) problems.push({ ...place('code'), message: `Koden "${code.slice(0, 40)}…" er længere end 40 tegn.` });
    else if (seen.has(norm(code))) problems.push({ ...place('code'), message: `Koden "${code}" står også i linje ${seen.get(norm(code))}.` });
    if (name === '') problems.push({ ...place('name'), message: 'Navnet mangler.' });
    else if (name.length > 300) problems.push({ ...place('name'), message: 'Navnet er længere end 300 tegn.' });
    if (unit.length > 100) problems.push({ ...place('unit'), message: 'Enheden er længere end 100 tegn.' });
    if (level === undefined)
      problems.push({
        ...place('level'),
        message: levelText === '' ? 'Niveauet mangler (A/aktivitet, B/output, C/effekt eller resultat).' : `Niveauet "${levelText}" kendes ikke (A/aktivitet, B/output, C/effekt eller resultat).`,
      });
    if (code !== '' && !seen.has(norm(code))) seen.set(norm(code), row.line);
    if (level !== undefined) out.push({ code, name, unit, level, line: row.line });
  }
  return problems.length ? { ok: false, problems } : { ok: true, rows: out };
}

/** "indikatorer.csv, linje 4, kolonne 3 (niveau): ..." */
export function catalogueProblemText(file: string, p: CatalogueProblem): string {
  const column = p.column === null ? '' : `, kolonne ${p.column}${p.columnName ? ` (${p.columnName})` : ''}`;
  return `${file}, linje ${p.line}${column}: ${p.message}`;
}
