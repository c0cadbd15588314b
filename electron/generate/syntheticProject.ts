import type { EvaluationType, GoalLevel, Light, LightKind } from '../../shared/domain';
import { IMPLEMENTATION_PARAMETERS, LIGHT_KINDS, LIGHTS } from '../../shared/domain';
import type { DocEvaluation, DocGoal, DocProject } from '../../shared/portfolioDocument';
import { roundHalfUp } from '../../shared/methodology/rounding';
import { daysInMonth, toIsoDate } from '../../shared/numbers/danishDate';
import { seededRandom, type Random } from './random';

/**
 * One synthetic project as a portfolio document project (the format the demo portfolio uses),
 * so it is validated by the same schema and written by the same loaders as real documents.
 *
 * It looks like the portfolios case officers keep: about 30 goals over the levels A/B/C, each
 * with its status history (10 reports by default, on the dates a grant recipient reports), six
 * scores, three light decisions with some overrides and their reasons, budget lines per cost
 * type and year with an indirect line, financing, and one or two evaluation rounds. The
 * awkward cases are deliberate: goals without targets (missing or 0), lower-is-better goals
 * (some without a baseline), missing figures, goals never reported by the round, reports after
 * the round, printed percents that disagree, over-100 % goals, provisional scores, indirect
 * costs and financing that do not add up, reported months that differ from the grant period.
 * Each project has a level of performance per level of goals and a quality of implementation,
 * so the lights come out green, yellow and red in every kind.
 */

export interface SyntheticShape {
  /** Goals per project (split over A, B and C). Default 30. */
  goalsPerProject?: number;
  /** Status reports per goal. Default 10. */
  statusesPerGoal?: number;
}

export const DEFAULT_SHAPE: Required<SyntheticShape> = { goalsPerProject: 30, statusesPerGoal: 10 };

const THEMES = [
  'Grøn omstilling i SMV',
  'Kompetenceløft for ufaglærte',
  'Digital transformation',
  'Tiltrækning af talent',
  'Iværksætteri og vækst',
  'Inklusion på arbejdsmarkedet',
  'Oplevelsesøkonomi',
  'Cirkulær økonomi',
  'Sundhedsinnovation',
  'Erhvervsuddannelse for voksne',
];
const RECIPIENTS = [
  'Aarhus Kommune',
  'Viborg Kommune',
  'Randers Kommune',
  'Herning Kommune',
  'Region Midtjylland',
  'Erhvervshus Midtjylland',
  'Erhvervshus Nordjylland',
  'VIA University College',
  'Business Region Aarhus',
  'Skive Kommune',
  'Holstebro Kommune',
  'Silkeborg Kommune',
];
const OFFICERS = ['Annette Zeh', 'Bo Hansen', 'Carla Møller', 'Dorthe Vinther', 'Erik Lund', 'Fatima Ali', 'Gitte Holm', 'Henrik Due'];
const FUNDING: { source: string; axis: string }[] = [
  { source: 'Socialfonden (ESF)', axis: 'Erhvervsuddannelse for voksne (ESF-4b)' },
  { source: 'Regionalfonden (EFRU)', axis: 'Grøn omstilling i SMV (EFRU-2)' },
  { source: 'Regionale erhvervsudviklingsmidler', axis: 'Regional udvikling' },
];
const PARTNERS = ['VIA University College', 'Dansk Industri', 'Erhvervsakademi Dania', 'Jobcenter Aarhus', 'Væksthus Midtjylland', 'Aarhus Universitet'];
const DIRECT_COSTS = ['Løn - projektledelse', 'Løn - projektmedarbejdere', 'Ekstern konsulentbistand', 'Revision', 'Markedsføring', 'Øvrige udgifter'];
const INDIRECT = 'Indirekte udgifter';
const INDIRECT_RATES = [7, 15, 18];

const GOAL_TEXT: Record<GoalLevel, { text: string; unit: string; min: number; max: number }[]> = {
  A: [
    { text: 'Antal afholdte workshops for virksomheder', unit: 'arrangementer', min: 5, max: 120 },
    { text: 'Antal virksomhedsbesøg', unit: 'besøg', min: 20, max: 600 },
    { text: 'Antal gennemførte kompetenceforløb', unit: 'forløb', min: 5, max: 200 },
    { text: 'Antal matchmaking-arrangementer', unit: 'arrangementer', min: 3, max: 60 },
    { text: 'Antal udviklede undervisningsmoduler', unit: 'stk.', min: 2, max: 40 },
  ],
  B: [
    { text: 'Antal deltagere i forløb', unit: 'deltagere', min: 40, max: 2500 },
    { text: 'Antal virksomheder, der har deltaget', unit: 'virksomheder', min: 10, max: 400 },
    { text: 'Antal oprettede CV’er i talentbasen', unit: 'stk.', min: 100, max: 20000 },
    { text: 'Antal ansatte, der har gennemført opkvalificering', unit: 'deltagere', min: 20, max: 1500 },
    { text: 'Antal gennemførte grønne handlingsplaner', unit: 'planer', min: 5, max: 200 },
  ],
  C: [
    { text: 'Antal virksomheder med øget omsætning', unit: 'virksomheder', min: 5, max: 200 },
    { text: 'Antal deltagere i job eller uddannelse', unit: 'deltagere', min: 10, max: 800 },
    { text: 'Antal nye arbejdspladser', unit: 'arbejdspladser', min: 5, max: 300 },
    { text: 'Antal virksomheder med reduceret CO2-udledning', unit: 'virksomheder', min: 3, max: 150 },
  ],
};
const LOWER_TEXT = [
  { text: 'Gennemsnitlig sagsbehandlingstid', unit: 'dage', min: 5, max: 60 },
  { text: 'Andel ledige efter forløbet', unit: 'procent', min: 5, max: 40 },
];
const HEADLINES = ['Projektet er godt forankret', 'Samarbejdet fungerer', 'Der er plads til forbedring', 'Udfordringer med rekruttering', 'Klar styring og opfølgning'];
const REASONS = [
  'Evaluators helhedsvurdering ud fra interview med projektlederen.',
  'Tallene for seneste kvartal er endnu ikke indberettet; vurderingen bygger på projektets egne opgørelser.',
  'Effekterne ses først efter projektperioden; vurderet ud fra spørgeskemaet.',
  'Projektet har indhentet efterslæbet efter første år.',
];
const LEVEL_WORD: Record<GoalLevel, string> = { A: 'aktiviteter', B: 'output', C: 'effekter' };

/** Fraction of target reached by the end of the period, per level: good, middling and poor. */
const PERFORMANCE = [
  { weight: 0.4, min: 0.92, max: 1.25 },
  { weight: 0.33, min: 0.62, max: 0.8 },
  { weight: 0.27, min: 0.15, max: 0.55 },
];
/** Typical score around which a project's six parameter scores fall. */
const QUALITY = [
  { weight: 0.45, min: 3.7, max: 4.6 },
  { weight: 0.3, min: 2.7, max: 3.3 },
  { weight: 0.25, min: 1.4, max: 2.4 },
];

function weighted(random: Random, tiers: { weight: number; min: number; max: number }[]): number {
  let r = random.next();
  for (const tier of tiers) {
    if (r < tier.weight) return random.between(tier.min, tier.max);
    r -= tier.weight;
  }
  const last = tiers[tiers.length - 1];
  return random.between(last.min, last.max);
}

/** Months as an index (year * 12 + month - 1) so that periods and dates are simple sums. */
const monthIndex = (year: number, month: number) => year * 12 + month - 1;
function dateAt(index: number, day: number): string {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return toIsoDate({ year, month, day: Math.min(day, daysInMonth(year, month)) });
}

/** The `index`-th project (0-based) of the portfolio generated with `seed`. */
export function syntheticProject(seed: number, index: number, shape: SyntheticShape = {}): DocProject {
  const goalsPerProject = shape.goalsPerProject ?? DEFAULT_SHAPE.goalsPerProject;
  const statusesPerGoal = shape.statusesPerGoal ?? DEFAULT_SHAPE.statusesPerGoal;
  const random = seededRandom(seed, index);
  const number = String(index + 1).padStart(4, '0');
  const funding = random.pick(FUNDING);

  // Grant period: 2 to 4 years, starting on the first of a month.
  const startIndex = monthIndex(random.int(2016, 2022), random.int(1, 12));
  const months = random.int(24, 48);
  const endIndex = startIndex + months - 1;
  const periodStart = dateAt(startIndex, 1);
  const periodEnd = dateAt(endIndex, 31);
  const totalBudgetKr = random.chance(0.08) ? null : random.int(4, 80) * 250_000;

  // Rounds: a midterm only (still running), a final only, or both.
  const r = random.next();
  const types: EvaluationType[] = r < 0.35 ? ['midterm'] : r < 0.65 ? ['final'] : ['midterm', 'final'];
  const roundMonth = (type: EvaluationType) =>
    type === 'midterm' ? startIndex + Math.round(months * random.between(0.4, 0.6)) : endIndex + random.int(-1, 2);
  const rounds = types.map((type) => {
    const m = roundMonth(type);
    return { type, monthIdx: m, date: dateAt(m, random.int(1, 28)) };
  });
  const lastRound = rounds[rounds.length - 1];

  // Report dates shared by all goals (one status workbook per date), the last ones after the
  // last round; a goal that is never reported by the round reports only after it.
  const reportStart = startIndex + 2;
  const reportEnd = Math.max(endIndex, lastRound.monthIdx) + random.int(0, 4);
  const reportMonths = Array.from({ length: statusesPerGoal }, (_, k) =>
    Math.round(reportStart + ((reportEnd - reportStart) * (k + 1)) / statusesPerGoal),
  );
  const reportDay = random.int(1, 28);
  const lateMonths = Array.from({ length: statusesPerGoal }, (_, k) => lastRound.monthIdx + 1 + k);
  const reportsAt = (list: number[]) =>
    list.map((m) => {
      const date = dateAt(m, reportDay);
      return { month: m, date, file: `statusrapport-${date.slice(0, 7)}.xlsx` };
    });
  const onTime = reportsAt(reportMonths);
  const afterRound = reportsAt(lateMonths);
  const elapsed = (m: number) => Math.max(0, Math.min(1.05, (m - startIndex + 1) / months));

  const performance: Record<GoalLevel, number> = { A: weighted(random, PERFORMANCE), B: weighted(random, PERFORMANCE), C: weighted(random, PERFORMANCE) };

  // About a third each of A and B, the rest C; some projects have no effect goals, a few no
  // output goals (their goal light falls back to the activity goals).
  const c = random.chance(0.1) ? 0 : random.int(3, Math.max(3, Math.round(goalsPerProject * 0.27)));
  const b = random.chance(0.05) ? 0 : Math.round((goalsPerProject - c) * random.between(0.4, 0.6));
  const a = goalsPerProject - b - c;
  const goals: DocGoal[] = [];
  for (const [level, count] of [['A', a], ['B', b], ['C', c]] as [GoalLevel, number][]) {
    for (let g = 1; g <= count; g++) goals.push(syntheticGoal(random, level, g, goals.length));
  }

  function syntheticGoal(rnd: Random, level: GoalLevel, n: number, row: number): DocGoal {
    const lower = level !== 'A' && rnd.chance(0.05);
    const kind = lower ? rnd.pick(LOWER_TEXT) : rnd.pick(GOAL_TEXT[level]);
    let target: number | null = rnd.int(kind.min, kind.max);
    if (rnd.chance(0.04)) target = null;
    else if (!lower && rnd.chance(0.01)) target = 0;
    const baseline = lower ? (rnd.chance(0.2) ? null : (target ?? 0) + rnd.int(kind.min, kind.max * 2)) : null;
    // How far this goal gets by the end of the period; some far beyond the target.
    let reach = performance[level] * rnd.between(0.85, 1.15);
    if (rnd.chance(0.08)) reach *= rnd.between(1.3, 2);
    const late = rnd.chance(0.03);
    const cell = `Ark 'Mål', celle E${5 + row}`;
    // A goal without a target still reports what it has done.
    const t = target || rnd.int(10, 100);
    const statuses = (late ? afterRound : onTime).map(({ month, date, file }) => {
      const done = reach * elapsed(month);
      const value = rnd.chance(0.04)
        ? null
        : lower && baseline !== null
          ? Math.max(0, Math.round(baseline - (baseline - t) * done))
          : Math.round(t * done);
      let printedPercent: number | null = null;
      if (value !== null && target && !lower && rnd.chance(0.25)) {
        printedPercent = roundHalfUp((value / target) * 100);
        if (rnd.chance(0.2)) printedPercent += rnd.pick([-5, 4, 7]);
      }
      return {
        value,
        reportedAt: date,
        reportedBy: rnd.chance(0.9) ? 'Bevillingsmodtager' : 'Sagsbehandler',
        source: { file, location: cell },
        printedPercent,
      };
    });
    return {
      level,
      code: `${level}${n}`,
      description: `${kind.text} (${LEVEL_WORD[level]} ${n})`,
      unit: kind.unit,
      targetInPeriod: target,
      targetAfterPeriod: level === 'C' && target !== null && rnd.chance(0.5) ? Math.round(target * rnd.between(1.1, 2)) : null,
      direction: lower ? 'lower' : 'higher',
      baseline,
      statuses,
    };
  }

  // Budget per year of the period: direct cost lines and an indirect line at a flat rate of the
  // direct costs (a few claim a rate their amount does not match); financing covers it.
  const budgetLines: DocProject['budgetLines'] = [];
  const financing: DocProject['financing'] = [];
  if (totalBudgetKr !== null && random.chance(0.85)) {
    const firstYear = Math.floor(startIndex / 12);
    const lastYear = Math.floor(endIndex / 12);
    const yearCount = lastYear - firstYear + 1;
    const rate = random.pick(INDIRECT_RATES);
    const costTypes = DIRECT_COSTS.slice(0, random.int(3, DIRECT_COSTS.length));
    // To the øre, so that the lines (direct plus indirect) sum to the total budget within the
    // profile's tolerance: a project whose lines differ from its total is flagged (budgetLinesTotalDiffers).
    const directPerYear = roundHalfUp(totalBudgetKr / (1 + rate / 100) / yearCount, 2);
    for (let year = firstYear; year <= lastYear; year++) {
      let direct = 0;
      costTypes.forEach((costType, i) => {
        const share = i === costTypes.length - 1 ? roundHalfUp(directPerYear - direct, 2) : Math.round((directPerYear / costTypes.length) * random.between(0.6, 1.4));
        const amountKr = Math.max(1000, share);
        direct = roundHalfUp(direct + amountKr, 2);
        budgetLines.push({ costType, year, amountKr, percentOfDirect: null });
      });
      const indirect = roundHalfUp((direct * rate) / 100, 2);
      budgetLines.push({ costType: INDIRECT, year, amountKr: random.chance(0.1) ? indirect + random.int(1_000, 20_000) : indirect, percentOfDirect: rate });
    }
    const total = roundHalfUp(budgetLines.reduce((s, l) => s + l.amountKr, 0), 2);
    const sources = random.int(1, 3);
    let covered = 0;
    for (let s = 0; s < sources; s++) {
      const name = s === 0 ? funding.source : s === 1 ? 'Egenfinansiering' : 'Privat medfinansiering';
      const amountKr = s === sources - 1 ? roundHalfUp(total - covered, 2) : roundHalfUp(total * random.between(0.2, 0.5), 2);
      covered = roundHalfUp(covered + amountKr, 2);
      financing.push({ name, amountKr });
    }
    if (random.chance(0.12)) financing[0].amountKr = roundHalfUp(financing[0].amountKr + random.int(10_000, 500_000), 2);
  }

  const quality = weighted(random, QUALITY);
  const evaluations: DocEvaluation[] = rounds.map((round, i) => {
    const share = elapsed(round.monthIdx);
    const burn = random.between(0.55, 1.45);
    const spent = totalBudgetKr === null || random.chance(0.1) ? null : Math.round(totalBudgetKr * Math.min(1.1, share) * burn);
    const scored = random.chance(0.12) ? random.int(0, 5) : 6;
    const drift = i === 0 ? 0 : random.between(-0.4, 0.6);
    const lastReport = [...reportMonths].reverse().find((m) => m <= round.monthIdx);
    const elapsedMonths = round.monthIdx - startIndex;
    return {
      type: round.type,
      date: round.date,
      evaluator: random.pick(['Evalueringsenheden', 'Lars Holm', 'Mette Jensen', 'Rambøll Management']),
      budgetSpentKr: spent,
      budgetTotalReportedKr: totalBudgetKr !== null && random.chance(0.2) ? totalBudgetKr + (random.chance(0.5) ? random.int(-200, 200) * 1000 : 0) : null,
      monthsElapsedReported: random.chance(0.25) ? Math.max(0, elapsedMonths + (random.chance(0.15) ? 3 : 0)) : null,
      monthsTotalReported: random.chance(0.2) ? months + (random.chance(0.1) ? 6 : 0) : null,
      progressReportedBy: random.chance(0.85) ? 'Bevillingsmodtager' : '',
      progressReportedAt: lastReport !== undefined && random.chance(0.85) ? dateAt(lastReport, reportDay) : null,
      overallStatus: random.chance(0.7) ? `Projektet er ${round.type === 'midterm' ? 'halvvejs' : 'afsluttet'}; ${random.pick(['det skrider frem som planlagt', 'der er et efterslæb på rekrutteringen', 'aktiviteterne er gennemført', 'der er justeret i målgruppen'])}.` : '',
      scores: IMPLEMENTATION_PARAMETERS.map((parameter) => ({
        parameter,
        score: parameter <= scored ? Math.min(5, Math.max(1, Math.round(quality + drift + random.between(-0.8, 0.8)))) : null,
        headline: parameter <= scored ? random.pick(HEADLINES) : '',
        text: parameter <= scored ? `Vurderingen bygger på interview og projektets statusrapporter (parameter ${parameter}).` : '',
      })),
      lights: LIGHT_KINDS.map((kind) => syntheticLight(random, kind)),
      survey: Array.from({ length: random.int(0, 3) }, (_, s) => {
        const n = random.int(5, 60);
        return { group: random.pick(['virksomheder', 'deltagere', 'ambassadører']), statement: `Udsagn ${s + 1}: forløbet var relevant for mig`, positive: random.int(0, n), n, scale: random.chance(0.7) ? (5 as const) : (3 as const) };
      }),
      learning: [
        { kind: 'learning' as const, title: 'Tidlig inddragelse', text: 'Virksomhederne skal inddrages fra starten.' },
        ...(round.type === 'midterm' ? [{ kind: 'recommendation' as const, title: 'Styrk rekrutteringen', text: 'Brug jobcentrenes netværk.' }] : []),
      ],
    };
  });

  return {
    facts: {
      name: `${THEMES[index % THEMES.length]} ${number}`,
      grantRecipient: random.pick(RECIPIENTS),
      projectHolder: random.pick(RECIPIENTS),
      caseOfficer: random.pick(OFFICERS),
      fundingSource: funding.source,
      priorityAxis: funding.axis,
      totalBudgetKr,
      periodStart,
      periodEnd,
      partners: [random.pick(PARTNERS), random.pick(PARTNERS)].join('\n'),
      journalNumber: `RFS-${String(Math.floor(startIndex / 12)).slice(2)}-${number}`,
      description: `Syntetisk projekt nr. ${index + 1} (frø ${seed}) til test og måling af porteføljen.`,
    },
    effectChain: [
      { column: 'activity', text: 'Workshops og virksomhedsbesøg' },
      { column: 'output', text: 'Deltagere og virksomheder i forløb' },
      { column: 'effect', text: 'Flere i job og øget omsætning' },
    ],
    goals,
    budgetLines,
    financing,
    evaluations,
  };
}

function syntheticLight(random: Random, kind: LightKind): DocEvaluation['lights'][number] {
  const p = kind === 'effect' ? 0.3 : kind === 'goals' ? 0.12 : 0.08;
  const override: Light | null = random.chance(p) ? random.pick(LIGHTS) : null;
  return { kind, override, reason: override ? random.pick(REASONS) : '', text: `Kort begrundelse for lyset (${kind}).` };
}
