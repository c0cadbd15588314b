import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../helpers/build';

/** The seed documents beside the clone: ../shared/seeds. */
export const seedsDir = path.resolve(repoRoot, '..', 'shared', 'seeds');
export const SEED_003 = '003_ceb3eaceb84266ab.txt';
export const SEED_004 = '004_85716bbce40f684c.txt';
export const readSeed = (name: string) => readFileSync(path.join(seedsDir, name), 'utf8');

/** What 003's goal tables say (target in period, target after, status, printed percent). */
export const GOALS_003 = {
  A1: { level: 'A', target: 3, after: null, status: 3, printed: 100 },
  A2: { level: 'A', target: 6, after: null, status: 6, printed: 100 },
  A3: { level: 'A', target: 62, after: null, status: 62, printed: 100 },
  A4: { level: 'A', target: 144, after: null, status: 144, printed: 100 },
  B1: { level: 'B', target: 256, after: null, status: 219, printed: 86 },
  B2: { level: 'B', target: 90, after: null, status: 87, printed: 97 },
  B4: { level: 'B', target: 19037, after: null, status: 19037, printed: 100 },
  C1: { level: 'C', target: 114, after: 0, status: 99, printed: 87 },
  C2: { level: 'C', target: 60, after: 0, status: 45, printed: 88 },
} as const;

/** 004's prose goals: description start -> target. */
export const PROSE_GOALS_004: [RegExp, number][] = [
  [/^Udvidelse af Karriereportalen med 300/, 300],
  [/^Tre målrettede kampagner/, 3],
  [/^1 desk research/, 1],
  [/^4 internationale kampagner/, 4],
  [/^Opstart af tre netværksgrupper/, 3],
  [/^Afholdelse af 24 netværksaktiviteter/, 24],
  [/^18 bosætningsmøder/, 18],
  [/^4 særligt tilrettelagte/, 4],
  [/^48 internationale studerende/, 48],
];

/** 004's budget in kr per cost type and year (1000 kr with decimals in the source). */
export const BUDGET_004: [string, number, number][] = [
  ['Løn - projektledelse', 2019, 436_800],
  ['Løn - projektarbejde', 2019, 2_406_684],
  ['Løn - administration', 2021, 151_632],
  ['Ekstern konsulent', 2020, 433_944],
  ['Revision', 2019, 32_144],
  ['Indirekte udgifter', 2019, 599_593.68],
  ['Indirekte udgifter', 2021, 770_906.16],
];
