import type { GoalLevel } from '../../../shared/domain';
import type { EvaluationInput, GoalInput, ProgressInput, ScoreInput } from '../../../shared/methodology';

/** Test builders; the figures come from seed 003 (Headstart) and 004 (the application budget). */

export function goal(
  code: string,
  target: number | null,
  status: number | null | undefined,
  extra: Partial<GoalInput> & { printed?: number | null } = {},
): GoalInput {
  const { printed = null, ...rest } = extra;
  return {
    code,
    level: code[0] as GoalLevel,
    description: `Mål ${code}`,
    unit: 'stk.',
    targetInPeriod: target,
    targetAfterPeriod: null,
    direction: 'higher',
    baseline: null,
    status:
      status === undefined
        ? null
        : {
            value: status,
            reportedAt: '2022-12-02',
            reportedBy: 'Bevillingsmodtager',
            printedPercent: printed,
            source: { file: '003.pdf', location: 'side 12' },
          },
    ...rest,
  };
}

export const HEADSTART_GOALS: GoalInput[] = [
  goal('A1', 3, 3, { printed: 100 }),
  goal('A2', 6, 6, { printed: 100 }),
  goal('A3', 62, 62, { printed: 100 }),
  goal('A4', 144, 144, { printed: 100 }),
  goal('B1', 256, 219, { printed: 86 }),
  goal('B2', 90, 87, { printed: 97 }),
  goal('B4', 19037, 19037, { printed: 100 }),
  goal('C1', 114, 99, { printed: 87, targetAfterPeriod: 0 }),
  goal('C2', 60, 45, { printed: 88, targetAfterPeriod: 0 }),
];

export function scores(...values: (number | null)[]): ScoreInput[] {
  return values.map((score, i) => ({ parameter: (i + 1) as ScoreInput['parameter'], score }));
}

export const HEADSTART_PROGRESS: ProgressInput = {
  evaluationDate: '2022-12-02',
  periodStart: '2019-01-01',
  periodEnd: '2022-12-31',
  totalBudgetKr: 20_000_000,
  budgetSpentKr: 20_000_000,
  budgetTotalReportedKr: 20_000_000,
  monthsElapsedReported: 47,
  monthsTotalReported: 47,
};

const YEARS = [2019, 2020, 2021];
/** 004's budget in 1000 kr per year 2019/2020/2021, converted to kr. */
const LINES_1000KR: [string, number[], number | null][] = [
  ['Løn - projektledelse', [436.8, 561.6, 561.6], null],
  ['Løn - projektarbejde', [2406.684, 3094.308, 3094.308], null],
  ['Løn - administration', [117.936, 151.632, 151.632], null],
  ['Ekstern konsulent', [337.512, 433.944, 433.944], null],
  ['Revision', [32.144, 41.328, 41.328], null],
  ['Indirekte udgifter (18 % af de direkte udgifter)', [599.59368, 770.90616, 770.90616], 18],
];

export const APPLICATION_BUDGET = LINES_1000KR.flatMap(([costType, amounts, percentOfDirect]) =>
  amounts.map((thousands, i) => ({
    costType,
    year: YEARS[i],
    // Through the decimal string, as the importer does, so 2406.684 * 1000 carries no binary noise.
    amountKr: Number(`${thousands}e3`),
    percentOfDirect,
  })),
);

export const APPLICATION_FINANCING = [
  { name: 'Regionale erhvervsudviklingsmidler', amountKr: 7_019_053 },
  { name: 'Socialfondsmidler', amountKr: 7_019_053 },
];

export function headstartInput(overrides: Partial<EvaluationInput> = {}): EvaluationInput {
  return {
    evaluationType: 'final',
    evaluationDate: '2022-12-02',
    goals: HEADSTART_GOALS,
    scores: scores(4, 4, 4, 4, 4, 3),
    decisions: [],
    progress: HEADSTART_PROGRESS,
    budgetLines: APPLICATION_BUDGET,
    financing: APPLICATION_FINANCING,
    ...overrides,
  };
}
