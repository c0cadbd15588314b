import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openPortfolioStore } from '../../../electron/storage';
import type { PortfolioStore } from '../../../electron/storage/store';
import {
  dumpPortfolioDocument,
  loadPortfolioDocument,
  readDemoDocument,
} from '../../../electron/services/portfolioDocument';
import type { PortfolioDocument } from '../../../shared/portfolioDocument';
import { PortfolioDocumentError, PortfolioDocumentSchema, parsePortfolioDocument } from '../../../shared/portfolioDocument';
import type { Goal, StatusReport } from '../../../shared/domain';

const RESOURCES = resolve(__dirname, '../../../resources');
const HEADSTART = 'Tiltrækning af talent (Headstart)';
const WLS = 'Tiltrækning af talent – work-live-stay southern denmark';
const SOURCE_003 = '003 Evalueringsrapport Headstart.pdf';
const FTD = 'Future Talent Denmark';
const TM = 'Talent Management';

/** [code, level, targetInPeriod, targetAfterPeriod, status, printedPercent, location] */
type ExpectedGoal = [string, 'A' | 'B' | 'C', number | null, number | null, number | null, number | null, string | null];

const HEADSTART_GOALS: ExpectedGoal[] = [
  ['A1', 'A', 3, null, 3, 100, 'Figur 3'],
  ['A2', 'A', 6, null, 6, 100, 'Figur 3'],
  ['A3', 'A', 62, null, 62, 100, 'Figur 3'],
  ['A4', 'A', 144, null, 144, 100, 'Figur 3'],
  ['B1', 'B', 256, null, 219, 86, 'Figur 5'],
  ['B2', 'B', 90, null, 87, 97, 'Figur 5'],
  ['B4', 'B', 19037, null, 19037, 100, 'Figur 5'],
  ['C1', 'C', 114, 0, 99, 87, 'Figur 8'],
  ['C2', 'C', 60, 0, 45, 88, 'Figur 8'],
];

const WLS_GOALS: ExpectedGoal[] = [
  ...['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8'].map((code): ExpectedGoal => [code, 'A', null, null, null, null, null]),
  ...(
    [
      ['B1', 300],
      ['B2', 3],
      ['B3', 150],
      ['B4', 1],
      ['B5', 4],
      ['B6', 3],
      ['B7', 24],
      ['B8', 18],
      ['B9', 4],
      ['B10', 48],
    ] as const
  ).map(([code, target]): ExpectedGoal => [code, 'B', target, null, null, null, null]),
];

let dir: string;
let store: PortfolioStore;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'trafiklys-demo-'));
  store = await openPortfolioStore(join(dir, 'portfolio.sqlite'), { user: 'test' });
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function expectGoals(goals: Goal[], reports: StatusReport[], expected: ExpectedGoal[]): void {
  expect(goals.map((g) => g.code)).toEqual(expected.map((e) => e[0]));
  for (const [code, level, target, after, status, printed, location] of expected) {
    const goal = goals.find((g) => g.code === code)!;
    expect({ code, level: goal.level, target: goal.targetInPeriod, after: goal.targetAfterPeriod }).toEqual({
      code,
      level,
      target,
      after,
    });
    const own = reports.filter((r) => r.goalId === goal.id);
    if (status === null) {
      expect(own).toEqual([]);
      continue;
    }
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({
      value: status,
      printedPercent: printed,
      reportedAt: '2022-12-02',
      reportedBy: 'Bevillingsmodtager',
      source: { file: SOURCE_003, location },
    });
  }
}

const sumOre = (amounts: number[]): number => amounts.reduce((sum, kr) => sum + Math.round(kr * 100), 0);

describe('demo portfolio document', () => {
  it('validates against the schema', () => {
    const raw: unknown = JSON.parse(readFileSync(join(RESOURCES, 'demo', 'portfolio.json'), 'utf8'));
    const result = PortfolioDocumentSchema.safeParse(raw);
    expect(result.success, result.success ? '' : JSON.stringify(result.error.issues, null, 2)).toBe(true);
    const doc = readDemoDocument(RESOURCES);
    expect(doc.projects.map((p) => p.facts.name)).toEqual([HEADSTART, WLS, FTD, TM]);
  });

  it('holds seed 000 with its comparison and seed 002 with its shares and business case, as the seeds print them', async () => {
    await loadPortfolioDocument(store, readDemoDocument(RESOURCES));
    const ftd = (await store.findProjectByName(FTD))!;
    expect(ftd).toMatchObject({ grantRecipient: 'Foreningen work-live-stay southern denmark', totalBudgetKr: 7_200_000, periodStart: '2020-02-01', periodEnd: '2022-12-31' });
    const ftdGoals = await store.listGoals(ftd.id);
    const ftdStatus = await store.listStatusReports(ftd.id);
    const value = (g: Goal) => ftdStatus.find((s) => s.goalId === g.id)?.value;
    expect(ftdGoals.map((g) => [g.code, value(g), g.targetInPeriod])).toEqual([['A1', 240, null], ['A2', 22, null], ['A3', 83, null], ['C1', 68, null], ['C2', 11, null], ['C3', 88, null]]);
    expect(ftdGoals.find((g) => g.code === 'C1')).toMatchObject({ unit: '%', comparisonValue: 31, comparisonSource: 'Danmarks Statistik', comparisonYear: 2018, measure: 'count' });

    const tm = (await store.findProjectByName(TM))!;
    expect(tm).toMatchObject({ grantRecipient: 'Integrationsnet', fundingSource: 'Industriens Fond', periodStart: null, periodEnd: null });
    const tmGoals = await store.listGoals(tm.id);
    const tmStatus = await store.listStatusReports(tm.id);
    const status = (g: Goal) => tmStatus.find((s) => s.goalId === g.id)!;
    expect(tmGoals.map((g) => [g.code, g.measure, status(g).value, status(g).denominator, status(g).printedPercent])).toEqual([
      ['A1', 'count', 221, null, null],
      ['B1', 'count', 124, null, null],
      ['B2', 'count', 83, null, null],
      ['C1', 'share', 30, 124, 24],
      ['C2', 'share', 30, 83, 36],
      ['C3', 'share', 10, 30, 33],
    ]);
    expect(await store.getBusinessCase(tm.id)).toMatchObject({ costPerParticipantKr: 1995, savingPerCitizenYearKr: 70_344, years: 1, citizens: null });
    expect(await store.getBusinessCase(ftd.id)).toBeNull();
  });

  it('loads four projects; the two of seeds 003 and 004 with exactly the goals, targets, statuses and printed percents of the seeds', async () => {
    const { projectIds } = await loadPortfolioDocument(store, readDemoDocument(RESOURCES));
    expect(projectIds).toHaveLength(4);
    const projects = await store.listProjects();
    expect(projects.map((p) => p.name).sort()).toEqual([HEADSTART, WLS, FTD, TM].sort());

    const headstart = (await store.findProjectByName(HEADSTART))!;
    expect(headstart).toMatchObject({
      grantRecipient: 'Aarhus Kommune',
      projectHolder: 'Business Region Aarhus',
      caseOfficer: 'Annette Zeh',
      fundingSource: 'Socialfonden (ESF)',
      priorityAxis: 'Erhvervsuddannelse for voksne (ESF-4b)',
      totalBudgetKr: 20_000_000,
      periodStart: '2019-01-01',
      periodEnd: '2022-12-31',
      journalNumber: '',
    });
    expectGoals(await store.listGoals(headstart.id), await store.listStatusReports(headstart.id), HEADSTART_GOALS);

    const chain = await store.listEffectChain(headstart.id);
    for (const column of ['activity', 'output', 'effect'] as const)
      expect(chain.filter((i) => i.column === column)).toHaveLength(4);
    expect(chain.some((i) => /-\n|\n/.test(i.text))).toBe(false);

    const [final] = await store.listEvaluations(headstart.id);
    expect(final).toMatchObject({
      type: 'final',
      date: '2022-12-02',
      evaluator: 'Ekstern evaluator',
      budgetSpentKr: 20_000_000,
      budgetTotalReportedKr: 20_000_000,
      monthsElapsedReported: 47,
      monthsTotalReported: 47,
      progressReportedBy: 'Bevillingsmodtager',
      progressReportedAt: '2022-12-02',
    });
    const scores = (await store.listScores(final.id)).sort((a, b) => a.parameter - b.parameter);
    expect(scores.map((s) => s.score)).toEqual([4, 4, 4, 4, 4, 3]);
    expect(scores.every((s) => s.headline.length > 0 && s.text.length > 0)).toBe(true);
    const lights = await store.listLightDecisions(final.id);
    expect(lights.find((l) => l.kind === 'effect')).toMatchObject({ override: 'green' });
    expect(lights.find((l) => l.kind === 'effect')!.reason).not.toBe('');
    expect(lights.filter((l) => l.kind !== 'effect').map((l) => l.override)).toEqual([null, null]);
    const survey = await store.listSurveyIndicators(final.id);
    expect(survey.map((s) => [s.group, s.positive, s.n, s.scale])).toEqual([
      ['virksomheder', 9, 9, 5],
      ['virksomheder', 2, 9, 5],
      ['ambassadører', 5, 8, 3],
      ['ambassadører', 2, 8, 3],
      ['ambassadører', 5, 8, 3],
    ]);
    const learning = await store.listLearningPoints(final.id);
    expect(learning.map((p) => p.kind)).toEqual(['learning', 'learning', 'learning', 'learning']);

    const wls = (await store.findProjectByName(WLS))!;
    expect(wls).toMatchObject({ totalBudgetKr: 14_038_106, periodStart: '2019-01-01', periodEnd: '2021-12-31', caseOfficer: '' });
    expectGoals(await store.listGoals(wls.id), await store.listStatusReports(wls.id), WLS_GOALS);
    expect((await store.listEffectChain(wls.id)).map((i) => i.column)).toEqual(Array(8).fill('activity'));
    const [midterm] = await store.listEvaluations(wls.id);
    expect(midterm).toMatchObject({ type: 'midterm', date: '2020-06-30', budgetSpentKr: null, monthsElapsedReported: null });
    expect((await store.listScores(midterm.id)).map((s) => s.score)).toEqual([null, null, null, null, null, null]);
    expect(await store.listLightDecisions(midterm.id)).toEqual([]);
  });

  it('has a 004 budget that sums to 14.038.106 kr and equals its financing', async () => {
    await loadPortfolioDocument(store, readDemoDocument(RESOURCES));
    const wls = (await store.findProjectByName(WLS))!;
    const lines = await store.listBudgetLines(wls.id);
    expect(lines).toHaveLength(18);
    expect(sumOre(lines.map((l) => l.amountKr))).toBe(1_403_810_600);
    const financing = await store.listFinancing(wls.id);
    expect(financing.map((f) => [f.name, f.amountKr])).toEqual([
      ['Regionale erhvervsudviklingsmidler', 7_019_053],
      ['Socialfondsmidler', 7_019_053],
    ]);
    expect(sumOre(financing.map((f) => f.amountKr))).toBe(sumOre(lines.map((l) => l.amountKr)));

    // Per year as printed (1000 kr): 3930,66968 / 5053,71816 / 5053,71816; indirect = 18 % of direct.
    const perYear = (year: number) => sumOre(lines.filter((l) => l.year === year).map((l) => l.amountKr));
    expect([perYear(2019), perYear(2020), perYear(2021)]).toEqual([393_066_968, 505_371_816, 505_371_816]);
    for (const year of [2019, 2020, 2021]) {
      const ofYear = lines.filter((l) => l.year === year);
      const indirect = ofYear.filter((l) => l.percentOfDirect !== null);
      expect(indirect.map((l) => [l.costType, l.percentOfDirect])).toEqual([['Indirekte udgifter', 18]]);
      const direct = sumOre(ofYear.filter((l) => l.percentOfDirect === null).map((l) => l.amountKr));
      expect(Math.round(indirect[0].amountKr * 100)).toBe(Math.round(direct * 0.18));
    }
  });

  it('round-trips: load then dump gives the document back', async () => {
    const doc = readDemoDocument(RESOURCES);
    await loadPortfolioDocument(store, doc);
    const dumped = await dumpPortfolioDocument(store);
    expect(dumped).toEqual(doc);
    // And the dump loads into a fresh portfolio to the same data.
    const other = await openPortfolioStore(join(dir, 'other.sqlite'), { user: 'test' });
    try {
      await loadPortfolioDocument(other, dumped);
      expect(await dumpPortfolioDocument(other)).toEqual(doc);
    } finally {
      await other.close();
    }
  });

  it('refuses an invalid document with the zod path and writes nothing', async () => {
    await loadPortfolioDocument(store, readDemoDocument(RESOURCES));
    const before = await store.dataDigest();

    const bad = structuredClone(readDemoDocument(RESOURCES)) as unknown as { projects: { facts: { name: string }; goals: { level: string }[] }[] };
    bad.projects = [bad.projects[0]];
    bad.projects[0].facts.name = 'Et nyt projekt';
    bad.projects[0].goals[3].level = 'D';
    const error = await loadPortfolioDocument(store, bad as unknown as PortfolioDocument).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortfolioDocumentError);
    expect((error as Error).message).toContain('projects[0].goals[3].level');
    expect(await store.dataDigest()).toBe(before);
    expect(await store.findProjectByName('Et nyt projekt')).toBeNull();
  });

  it('is all-or-nothing: a conflict in the second project rolls back the first', async () => {
    await loadPortfolioDocument(store, readDemoDocument(RESOURCES));
    const before = await store.dataDigest();
    const demo = readDemoDocument(RESOURCES);
    const fresh = structuredClone(demo.projects[1]);
    fresh.facts.name = 'Et helt nyt projekt';
    const doc: PortfolioDocument = { ...demo, projects: [fresh, demo.projects[0]] };
    await expect(loadPortfolioDocument(store, doc)).rejects.toThrow(HEADSTART);
    expect(await store.dataDigest()).toBe(before);
    expect(await store.findProjectByName('Et helt nyt projekt')).toBeNull();
  });

  it('names the file and the path when the demo file is broken', () => {
    const resources = join(dir, 'resources');
    mkdirSync(join(resources, 'demo'), { recursive: true });
    const doc = JSON.parse(readFileSync(join(RESOURCES, 'demo', 'portfolio.json'), 'utf8')) as {
      projects: { evaluations: { scores: { score: unknown }[] }[] }[];
    };
    doc.projects[0].evaluations[0].scores[2].score = 0;
    writeFileSync(join(resources, 'demo', 'portfolio.json'), JSON.stringify(doc));
    expect(() => readDemoDocument(resources)).toThrow(/portfolio\.json.*projects\[0\]\.evaluations\[0\]\.scores\[2\]\.score/);

    writeFileSync(join(resources, 'demo', 'portfolio.json'), '{ not json');
    expect(() => readDemoDocument(resources)).toThrow(/portfolio\.json.*ugyldig JSON/);
  });
});

describe('portfolio document schema', () => {
  const minimal = (): PortfolioDocument => structuredClone(readDemoDocument(RESOURCES));

  it('keeps missing numbers null and refuses missing keys (no default 0)', () => {
    const doc = minimal() as unknown as { projects: { evaluations: Record<string, unknown>[] }[] };
    delete doc.projects[1].evaluations[0].budgetSpentKr;
    expect(() => parsePortfolioDocument(doc)).toThrow(/projects\[1\]\.evaluations\[0\]\.budgetSpentKr/);
  });

  it('refuses invalid dates, unknown keys, an override without reason and duplicate goal codes', () => {
    const withDate = minimal();
    withDate.projects[0].evaluations[0].date = '2022-02-30';
    expect(() => parsePortfolioDocument(withDate)).toThrow(/projects\[0\]\.evaluations\[0\]\.date/);

    const withKey = minimal() as unknown as { projects: { facts: Record<string, unknown> }[] };
    withKey.projects[0].facts.grantRecipent = 'typo';
    expect(() => parsePortfolioDocument(withKey)).toThrow(/projects\[0\]\.facts/);

    const withOverride = minimal();
    withOverride.projects[0].evaluations[0].lights[0] = { kind: 'implementation', override: 'red', reason: ' ', text: '' };
    expect(() => parsePortfolioDocument(withOverride)).toThrow(/projects\[0\]\.evaluations\[0\]\.lights\[0\]\.reason/);

    const withDuplicate = minimal();
    withDuplicate.projects[1].goals[1].code = 'A1';
    expect(() => parsePortfolioDocument(withDuplicate)).toThrow(/projects\[1\]\.goals\[1\]\.code/);

    const withOre = minimal();
    withOre.projects[1].budgetLines[0].amountKr = 436800.001;
    expect(() => parsePortfolioDocument(withOre)).toThrow(/projects\[1\]\.budgetLines\[0\]\.amountKr/);
  });
});
