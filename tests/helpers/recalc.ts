import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

/**
 * LibreOffice as an independent spreadsheet engine for the workbook tests. LibreOffice keeps an
 * .xlsx file's cached formula results unless its profile says otherwise, so every run uses a
 * private profile with OOXMLRecalcMode = 0 ("always recalculate") and an en-US locale, then writes
 * each sheet as CSV (raw values, a dot as decimal separator, dates as MM/DD/YYYY).
 */

const PROFILE_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>en-US</value></prop></item>
</oor:items>
`;

/** CSV filter: comma, double quotes, UTF-8, en-US, raw (not formatted) values, every sheet. */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1';

export function sofficeAvailable(): boolean {
  return spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** On CI (process.env.CI set) LibreOffice is installed, so its tests must run there, never skip. */
export const SOFFICE_REQUIRED = Boolean(process.env.CI);

export const SOFFICE_MISSING =
  'LibreOffice (soffice) er ikke installeret: apt-get install libreoffice-calc-nogui. På CI (CI er sat) er det en fejl, ikke en overspringning.';

/** Throws on CI when soffice is missing; returns whether the LibreOffice tests can run. */
export function checkSoffice(available = sofficeAvailable()): boolean {
  if (!available && SOFFICE_REQUIRED) throw new Error(SOFFICE_MISSING);
  return available;
}

/** A recalculated sheet: rows of cell texts as LibreOffice wrote them. */
export class RecalcSheet {
  constructor(readonly rows: string[][]) {}

  /** The text of a cell by A1 address ('' when empty or outside the used area). */
  get(address: string): string {
    const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(address);
    if (!m) throw new Error(`Ugyldig celleadresse ${address}`);
    const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return this.rows[Number(m[2]) - 1]?.[col] ?? '';
  }
}

/** Workbook path -> sheet name -> sheet. */
export type RecalcResult = Map<string, Map<string, RecalcSheet>>;

/**
 * Recalculates all `books` in ONE LibreOffice run (each start costs seconds) and parses the CSVs.
 * Book file names must be unique by base name.
 */
export function recalcWorkbooks(books: string[], sheetNames: Map<string, string[]>): RecalcResult {
  const work = mkdtempSync(join(tmpdir(), 'trafiklys-recalc-'));
  try {
    const profile = join(work, 'profile');
    const out = join(work, 'out');
    mkdirSync(join(profile, 'user'), { recursive: true });
    mkdirSync(out);
    writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), PROFILE_XCU);
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', CSV_FILTER, '--outdir', out, ...books.map((b) => resolve(b))],
      { stdio: 'ignore', timeout: 300_000 },
    );
    const files = readdirSync(out);
    const result: RecalcResult = new Map();
    for (const book of books) {
      const base = basename(book).replace(/\.xlsx$/i, '');
      const sheets = new Map<string, RecalcSheet>();
      for (const sheet of sheetNames.get(book) ?? []) {
        const file = `${base}-${sheet}.csv`;
        if (!files.includes(file)) throw new Error(`LibreOffice skrev ingen CSV for ${book}, ark ${sheet} (fandt: ${files.join(', ')})`);
        sheets.set(sheet, new RecalcSheet(parseCsv(readFileSync(join(out, file), 'utf8'))));
      }
      result.set(book, sheets);
    }
    return result;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
