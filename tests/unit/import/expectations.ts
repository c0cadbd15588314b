import { expect } from 'vitest';
import type { FoundItem } from '../../../shared/import/items';
import { BUDGET_004, GOALS_003, GOALS_MIDTERM, PROSE_GOALS_004 } from './seeds';

type Item = FoundItem | (FoundItem & { id: string });
const of = <T extends FoundItem['type']>(items: Item[], t: T) => items.filter((i): i is Extract<FoundItem, { type: T }> => i.type === t);

/** Every goal of 003 with its numbers, C2's printed 88 % beside the computed 75 %. */
export function expect003(items: Item[], issues: { message: string; location: string; severity: string }[]): void {
  const goals = of(items, 'goal');
  const statuses = of(items, 'status');
  expect(goals.map((g) => g.code)).toEqual(Object.keys(GOALS_003));
  for (const [code, want] of Object.entries(GOALS_003)) {
    const g = goals.find((x) => x.code === code)!;
    const s = statuses.find((x) => x.code === code)!;
    expect(g.level, code).toBe(want.level);
    expect(g.targetInPeriod, code).toBe(want.target);
    expect(g.targetAfterPeriod, code).toBe(want.after);
    expect(s.value, code).toBe(want.status);
    expect(s.printedPercent, code).toBe(want.printed);
    expect(s.reportedAt, code).toBe('2022-12-02');
    expect(s.reportedBy, code).toBe('Bevillingsmodtager');
    expect(g.source.location, code).not.toBe('');
  }
  expect(goals.find((g) => g.code === 'A2')!.description).toBe(
    'Etablering af virksomhedsnetværk, redaktionsgruppe og ambassadørnetværk med henblik på at udvikle en branding- og markedsførings indsats for Region Midtjylland.',
  );
  expect(goals.find((g) => g.code === 'B4')!.description).toBe(
    'Antal kandidater, der lægger cv ind i database og/eller skriver sig op til e-mail korrespondance',
  );
  expect(statuses.find((s) => s.code === 'C2')!.computedPercent).toBe(75);
  const c2 = issues.filter((i) => i.severity === 'warning' && i.message.includes('C2') && i.message.includes('88') && i.message.includes('75'));
  expect(c2).toHaveLength(1);
  expect(c2[0].location).not.toBe('');
  expect(issues.filter((i) => i.severity === 'error')).toEqual([]);

  const facts = Object.fromEntries(of(items, 'fact').map((f) => [f.field, f.value]));
  expect(facts).toMatchObject({
    name: 'Tiltrækning af talent (Headstart)',
    grantRecipient: 'Aarhus Kommune',
    caseOfficer: 'Annette Zeh',
    fundingSource: 'Socialfonden (ESF)',
    priorityAxis: 'Erhvervsuddannelse for voksne (ESF-4b)',
    totalBudgetKr: 20_000_000,
    periodStart: '2019-01-01',
    periodEnd: '2022-12-31',
  });
  expect(of(items, 'scoreAverage').map((s) => s.value)).toEqual([3.8]);
  expect(of(items, 'progress')).toHaveLength(1);
  expect(of(items, 'progress')[0]).toMatchObject({ budgetTotalKr: 20_000_000, budgetSpentKr: 20_000_000, monthsTotal: 47, monthsElapsed: 47, reportedAt: '2022-12-02' });
  const survey = of(items, 'survey');
  expect(survey.map((s) => `${s.group}:${s.positive}/${s.n}/${s.scale}`)).toEqual([
    'virksomheder:9/9/5',
    'virksomheder:2/9/5',
    'ambassadører:5/8/3',
    'ambassadører:2/8/3',
    'ambassadører:5/8/3',
  ]);
}

/** 004's prose goals, budget lines and financing. */
export function expect004(items: Item[], issues: { message: string; severity: string }[]): void {
  const goals = of(items, 'goal');
  expect(goals).toHaveLength(PROSE_GOALS_004.length);
  PROSE_GOALS_004.forEach(([pattern, target], k) => {
    expect(goals[k].description).toMatch(pattern);
    expect(goals[k].targetInPeriod, String(pattern)).toBe(target);
    expect(goals[k].codeSuggested).toBe(true);
  });
  const lines = of(items, 'budgetLine');
  expect(lines).toHaveLength(18);
  for (const [costType, year, kr] of BUDGET_004) {
    const line = lines.find((l) => l.costType === costType && l.year === year);
    expect(line?.amountKr, `${costType} ${year}`).toBe(kr);
  }
  expect(lines.filter((l) => l.costType === 'Indirekte udgifter').every((l) => l.percentOfDirect === 18)).toBe(true);
  const total = lines.reduce((s, l) => s + l.amountKr, 0);
  expect(Math.round(total * 100) / 100).toBe(14_038_106);
  expect(of(items, 'financing').map((f) => [f.name, f.amountKr])).toEqual([
    ['Regionale erhvervsudviklingsmidler', 7_019_053],
    ['Socialfondsmidler', 7_019_053],
  ]);
  expect(of(items, 'fact').find((f) => f.field === 'grantRecipient')?.value).toBe('work-live-stay southern denmark');
  expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  // The budget equals its financing: no warning about it.
  expect(issues.some((i) => /svarer ikke til budgettet|ikke summen/.test(i.message))).toBe(false);
}

type Issue = { message: string; location: string; severity: string };

/**
 * The midterm report where B2 was not reported: target 22 read, no status stored (never 0), no
 * percent, a warning at B2's row; the totals row skipped with a warning; nothing refused.
 * Returns B2's warning and the totals row's, for the caller to check their places.
 */
export function expectMidterm(items: Item[], issues: Issue[]): { b2: Issue; totals: Issue } {
  const goals = of(items, 'goal');
  const statuses = of(items, 'status');
  expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  expect(goals.map((g) => g.code)).toEqual(Object.keys(GOALS_MIDTERM));
  for (const [code, want] of Object.entries(GOALS_MIDTERM)) {
    const g = goals.find((x) => x.code === code)!;
    expect({ code, level: g.level, description: g.description, target: g.targetInPeriod, after: g.targetAfterPeriod }).toEqual({
      code,
      level: want.level,
      description: want.description,
      target: want.target,
      after: want.after,
    });
    const s = statuses.filter((x) => x.code === code);
    if (want.status === null) {
      expect(s, code).toEqual([]);
      continue;
    }
    expect(s, code).toEqual([expect.objectContaining({ value: want.status, printedPercent: want.printed, computedPercent: want.printed, reportedAt: '2024-06-15', reportedBy: 'Projektholder' })]);
  }
  const b2 = issues.filter((i) => i.message.includes('B2'));
  expect(b2).toEqual([expect.objectContaining({ severity: 'warning', message: 'B2: ingen status i tabellen; der gemmes ingen status (tidligere status gælder fortsat).' })]);
  const totals = issues.filter((i) => i.message.includes('sumrække'));
  expect(totals).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/^Rækken "I alt[^"]*" er en sumrække og ikke et mål; den er sprunget over\.$/) })]);
  const facts = Object.fromEntries(of(items, 'fact').map((f) => [f.field, f.value]));
  expect(facts).toMatchObject({ name: "Grønne kompetencer i SMV'er", grantRecipient: 'Erhvervshus Nordvest', caseOfficer: 'Mette Lund', totalBudgetKr: 6_500_000, periodStart: '2023-01-01', periodEnd: '2025-12-31' });
  return { b2: b2[0], totals: totals[0] };
}
