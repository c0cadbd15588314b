import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../helpers/build';

/**
 * The seed documents beside the clone (../shared/seeds) and the repo's own fixtures written in
 * their layout (tests/fixtures/reports). A newcomer's clone has no seeds: the tests run on the
 * fixtures, and the tests against the seeds themselves are skipped and say so in their name.
 * TRAFIKLYS_SEEDS_DIR points elsewhere (a folder that doesn't exist hides them, as on a clone).
 */
export const seedsDir = process.env.TRAFIKLYS_SEEDS_DIR
  ? path.resolve(process.env.TRAFIKLYS_SEEDS_DIR)
  : path.resolve(repoRoot, '..', 'shared', 'seeds');
export const SEED_003 = '003_ceb3eaceb84266ab.txt';
export const SEED_004 = '004_85716bbce40f684c.txt';
export const hasSeeds = existsSync(path.join(seedsDir, SEED_003)) && existsSync(path.join(seedsDir, SEED_004));
/** Appended to the name of a test that needs the seeds. */
export const SEEDS_SKIP_NOTE = hasSeeds ? '' : ' (skipped: ../shared/seeds not present)';
export const seedPath = (name: string) => path.join(seedsDir, name);
export const readSeed = (name: string) => readFileSync(seedPath(name), 'utf8');

/** Our own texts in the layout of seeds 003 and 004, with their facts and numbers. */
export const fixturesDir = path.join(repoRoot, 'tests', 'fixtures', 'reports');
export const FIXTURE_003 = 'evaluering-headstart.txt';
export const FIXTURE_004 = 'ansoegning-wls.txt';
/** A midterm report in 003's layout where goal B2 has not been reported ("22 - -"). */
export const FIXTURE_MIDTERM = 'midtvejs-groenne-kompetencer.txt';
export const fixturePath = (name: string) => path.join(fixturesDir, name);
export const readFixture = (name: string) => readFileSync(fixturePath(name), 'utf8');

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

/** The midterm fixture's goals: B2 has a target but no status and no percent; B3's description ends in a number. */
export const GOALS_MIDTERM = {
  B1: { level: 'B', description: 'Antal virksomheder i forløb', target: 40, after: null, status: 31, printed: 78 },
  B2: { level: 'B', description: 'Antal medarbejdere i efteruddannelse i forløb', target: 22, after: null, status: null, printed: null },
  B3: { level: 'B', description: 'Antal kurser på niveau 2', target: 12, after: null, status: 9, printed: 75 },
  C1: { level: 'C', description: 'Virksomheder der har indført en grøn handleplan', target: 30, after: 10, status: 12, printed: 40 },
} as const;
