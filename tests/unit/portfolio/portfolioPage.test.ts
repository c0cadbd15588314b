import type { ProjectSummary } from '../../../shared/contracts/views';
import type { Light } from '../../../shared/domain';
import { describeFilter, filterSummaries, isFilterActive } from '../../../shared/portfolioFilter';
import { collatorFor, cutPortfolioPage, facetsOf, PORTFOLIO_PAGE_MAX } from '../../../shared/portfolioPage';

const level = (percent: number | null) => ({ percent, average: percent === null ? null : percent / 100, light: null, reported: 0, total: 0 });

function summary(id: number, over: Omit<Partial<ProjectSummary>, 'lights'> & { output?: number | null; lights?: Partial<ProjectSummary['lights']> } = {}): ProjectSummary {
  const { output = null, lights = {}, ...rest } = over;
  return {
    projectId: id,
    name: `Projekt ${id}`,
    grantRecipient: '',
    caseOfficer: '',
    fundingSource: '',
    period: { start: '2020-01-01', end: '2022-12-31' },
    evaluationId: null,
    evaluationType: null,
    evaluationDate: null,
    implementation: { score: null, light: null, scored: 0 },
    goals: { activity: level(null), output: level(output), effect: level(null) },
    budget: { percent: null },
    time: { percent: null },
    burnRatio: null,
    lights: { implementation: null, goals: null, effect: null, ...lights },
    warnings: [],
    ...rest,
  };
}

const da = collatorFor('da');
const byName = { key: 'name', dir: 'asc' } as const;

describe('the portfolio page (sorted, filtered and cut in main)', () => {
  const rows = Array.from({ length: 450 }, (_, i) => summary(i + 1, { name: `Projekt ${String(i + 1).padStart(3, '0')}`, output: i % 7 === 0 ? null : (i * 13) % 101 }));

  it('cuts pages that fit together: every project once, in order, none beyond the end', () => {
    const seen: number[] = [];
    for (let offset = 0; offset < 450; offset += 100) {
      const page = cutPortfolioPage(rows, { filter: {}, sort: { key: 'output', dir: 'desc' }, offset, limit: 100 }, da);
      expect(page.matching).toBe(450);
      seen.push(...page.rows.map((r) => r.projectId));
    }
    expect(seen).toHaveLength(450);
    expect(new Set(seen).size).toBe(450);
    const outputs = seen.map((id) => rows[id - 1]!.goals.output.percent);
    const known = outputs.filter((o): o is number => o !== null);
    expect(known).toEqual([...known].sort((a, b) => b - a));
    // Missing figures last in both directions.
    expect(outputs.slice(known.length).every((o) => o === null)).toBe(true);
    const asc = cutPortfolioPage(rows, { filter: {}, sort: { key: 'output', dir: 'asc' }, offset: 0, limit: 200 }, da);
    expect(asc.rows[0]!.outputPercent).toBe(0);
    const last = cutPortfolioPage(rows, { filter: {}, sort: { key: 'output', dir: 'asc' }, offset: 400, limit: 100 }, da);
    expect(last.rows).toHaveLength(50);
    expect(last.rows.at(-1)!.outputPercent).toBeNull();
  });

  it('never hands out more than the page maximum, and slim rows: a count of warnings, not their texts', () => {
    const withWarnings = [summary(1, { warnings: ['Budgetforbruget er 140 %', 'Ingen status for B2'] })];
    const page = cutPortfolioPage(withWarnings, { filter: {}, sort: byName, offset: 0, limit: 10 }, da);
    expect(page.rows[0]).toMatchObject({ projectId: 1, warningCount: 2 });
    expect(JSON.stringify(page)).not.toContain('Budgetforbruget');
    expect(cutPortfolioPage(rows, { filter: {}, sort: byName, offset: 0, limit: 1000 }, da).rows).toHaveLength(PORTFOLIO_PAGE_MAX);
  });

  it('sorts names the Danish way (æ, ø, å after z) and numbers as numbers', () => {
    const names = ['Åbent værksted', 'Zoneterapi', 'Ærø-projektet', 'Østerbro', 'Projekt 10', 'Projekt 9'].map((name, i) => summary(i + 1, { name }));
    const sorted = cutPortfolioPage(names, { filter: {}, sort: byName, offset: 0, limit: 10 }, da).rows.map((r) => r.name);
    expect(sorted).toEqual(['Projekt 9', 'Projekt 10', 'Zoneterapi', 'Ærø-projektet', 'Østerbro', 'Åbent værksted']);
    const desc = cutPortfolioPage(names, { filter: {}, sort: { key: 'name', dir: 'desc' }, offset: 0, limit: 10 }, da).rows.map((r) => r.name);
    expect(desc[0]).toBe('Åbent værksted');
  });

  it('counts the lights and offers the dropdown values over the projects the filter matches / the whole portfolio', () => {
    const some = [
      summary(1, { lights: { implementation: 'green' }, fundingSource: 'Socialfonden (ESF)', caseOfficer: 'Mette' }),
      summary(2, { lights: { implementation: 'red' }, fundingSource: 'Regionalfonden', caseOfficer: 'Anders' }),
      summary(3, { fundingSource: 'Socialfonden (ESF)', caseOfficer: '' }),
    ];
    const page = cutPortfolioPage(some, { filter: { fundingSource: 'Socialfonden (ESF)' }, sort: byName, offset: 0, limit: 10 }, da);
    expect(page.matching).toBe(2);
    expect(page.lightCounts.implementation).toEqual({ green: 1, yellow: 0, red: 0, none: 1 });
    expect(facetsOf(some, da)).toEqual({ fundingSources: ['Regionalfonden', 'Socialfonden (ESF)'], caseOfficers: ['Anders', 'Mette'] });
  });
});

describe('the portfolio filter (table, export and CLI)', () => {
  const lit = (implementation: Light | null, goals: Light | null, effect: Light | null) => ({ lights: { implementation, goals, effect } });
  const rows = [
    summary(1, { ...lit('green', 'red', null), period: { start: '2019-01-01', end: '2020-06-30' }, evaluationDate: '2020-05-01', evaluationType: 'midterm' }),
    summary(2, { ...lit('red', 'green', 'green'), period: { start: '2021-01-01', end: '2023-12-31' }, evaluationDate: '2022-12-02', evaluationType: 'final' }),
    summary(3, { ...lit('yellow', 'yellow', 'yellow'), period: { start: null, end: null } }),
  ];
  const ids = (f: Parameters<typeof filterSummaries>[1]) => filterSummaries(rows, f).map((r) => r.projectId);

  it('a light of a chosen kind: the colour, or "intet lys"', () => {
    expect(ids({ lightKind: 'implementation', light: 'red' })).toEqual([2]);
    expect(ids({ lightKind: 'goals', light: 'red' })).toEqual([1]);
    expect(ids({ lightKind: 'effect', light: 'none' })).toEqual([1]);
    // Without a kind: at least one light of the colour (as before).
    expect(ids({ light: 'red' })).toEqual([1, 2]);
    expect(ids({ light: 'none' })).toEqual([1]);
  });

  it('the grant period: projects running at some time in the chosen period; an unknown period is not guessed', () => {
    expect(ids({ runningFrom: '2020-01-01', runningTo: '2020-12-31' })).toEqual([1]);
    expect(ids({ runningFrom: '2020-06-30' })).toEqual([1, 2]);
    expect(ids({ runningFrom: '2020-07-01' })).toEqual([2]);
    expect(ids({ runningTo: '2020-12-31' })).toEqual([1]);
    expect(ids({ runningFrom: '2024-01-01' })).toEqual([]);
  });

  it('the evaluation date: the latest round dated from/to (both ends included)', () => {
    expect(ids({ evaluatedFrom: '2022-12-02' })).toEqual([2]);
    expect(ids({ evaluatedTo: '2022-12-01' })).toEqual([1]);
    expect(ids({ evaluatedFrom: '2020-05-01', evaluatedTo: '2022-12-02' })).toEqual([1, 2]);
    expect(ids({ evaluatedFrom: '2023-01-01' })).toEqual([]);
  });

  it('says what it filters on, in Danish and in English, with Danish dates', () => {
    const f = { lightKind: 'goals', light: 'none', runningFrom: '2020-01-01', runningTo: '2020-12-31', evaluatedFrom: '2022-12-02' } as const;
    expect(isFilterActive(f)).toBe(true);
    expect(isFilterActive({ lightKind: 'goals' })).toBe(false);
    expect(describeFilter(f, 'da')).toBe('trafiklys for målopnåelse: intet lys; løber i perioden 01.01.2020–31.12.2020; evalueret fra 02.12.2022');
    expect(describeFilter(f, 'en')).toBe('goal attainment light: no light; running in the period 01/01/2020–31/12/2020; evaluated from 02/12/2022');
    expect(describeFilter({ light: 'yellow' }, 'da')).toBe('mindst ét trafiklys gul');
  });
});
