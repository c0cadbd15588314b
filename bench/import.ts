import { performance } from 'node:perf_hooks';
import { parseFile } from '../electron/import/parseFile';
import { MAX_GRID_ROWS, MAX_WORKBOOK_CELLS } from '../shared/import/limits';
import { formatDanishNumber } from '../shared/numbers/danish';
import { rawXlsx, sheetXml } from '../tests/integration/import/hostile/zipWriter';

/**
 * Reading large grid files (issue 10, point 6): at the limits the real answer, above them the
 * limit message, each within seconds. Time per file and how much the process's peak memory
 * (maxRSS) grew while reading it.
 */
const D = '02.12.2022';
const enc = (s: string) => new TextEncoder().encode(s);

// Workbooks written as XML directly, so that building them costs little memory beside what reading them costs.
const answersWorkbook = (rows: number) => rawXlsx(sheetXml([['Skala', 5], ['Respondent', 'Godt', 'Skidt'], ...Array.from({ length: rows }, (_, i) => [i + 1, (i % 5) + 1, ((i + 2) % 5) + 1])]));
const wideAnswers = (rows: number) =>
  rawXlsx(sheetXml([['Skala', 5], ['Respondent', ...Array.from({ length: 9 }, (_, c) => `Udsagn ${c + 1}`)], ...Array.from({ length: rows }, (_, i) => [i + 1, ...Array.from({ length: 9 }, (_, c) => ((i + c) % 5) + 1)])]));
const goalsWorkbook = (rows: number) => rawXlsx(sheetXml([['Kode', 'Status', 'Dato'], ...Array.from({ length: rows }, (_, i) => [`B${i + 1}`, i, D])]));
const answersCsv = (rows: number) => enc(`Skala;5\nRespondent;Godt;Skidt\n${Array.from({ length: rows }, (_, i) => `${i + 1};${(i % 5) + 1};${((i + 2) % 5) + 1}`).join('\n')}\n`);
const goalsCsv = (rows: number) => enc(`Kode;Status;Dato\n${Array.from({ length: rows }, (_, i) => `B${i + 1};${i};${D}`).join('\n')}\n`);

export async function benchImport(): Promise<void> {
  const cases: [string, () => Promise<Uint8Array> | Uint8Array][] = [
    [`svar.csv, ${formatDanishNumber(MAX_GRID_ROWS - 10)} besvarelser`, () => answersCsv(MAX_GRID_ROWS - 10)],
    ['maal.csv, 200.000 rækker (over grænsen)', () => goalsCsv(200_000)],
    [`svar.xlsx, ${formatDanishNumber(MAX_GRID_ROWS - 10)} besvarelser`, () => answersWorkbook(MAX_GRID_ROWS - 10)],
    ['maal.xlsx, 150.000 rækker (over grænsen)', () => goalsWorkbook(150_000)],
    [`bred.xlsx, ${formatDanishNumber(MAX_WORKBOOK_CELLS - 1000)} celler (9 udsagn)`, () => wideAnswers(Math.floor((MAX_WORKBOOK_CELLS - 1000) / 10))],
  ];
  console.log(`Import af store filer (grænser: ${formatDanishNumber(MAX_GRID_ROWS)} rækker pr. ark/fil, ${formatDanishNumber(MAX_WORKBOOK_CELLS)} celler pr. projektmappe):`);
  for (const [label, build] of cases) {
    const bytes = await build();
    const name = label.split(',')[0];
    const peakBefore = process.resourceUsage().maxRSS;
    const t = performance.now();
    let outcome: string;
    try {
      const parsed = await parseFile(bytes, name);
      outcome = `${formatDanishNumber(parsed.items.length)} punkter, ${formatDanishNumber(parsed.issues.length)} bemærkninger`;
    } catch (err) {
      outcome = `afvist: ${err instanceof Error ? err.message : String(err)}`;
    }
    const ms = performance.now() - t;
    const peak = process.resourceUsage().maxRSS;
    const mb = (kb: number) => formatDanishNumber(kb / 1024, 0);
    console.log(`  ${label} (${formatDanishNumber(bytes.length / 1024 / 1024, 1)} MB): ${formatDanishNumber(ms / 1000, 2)} s, højeste hukommelse ${mb(peak)} MB (+${mb(peak - peakBefore)} MB under læsningen); ${outcome.slice(0, 120)}`);
  }
}
