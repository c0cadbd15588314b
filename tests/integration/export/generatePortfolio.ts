import type { EvaluationType, GoalLevel, Light, LightKind } from '../../../shared/domain';
import { DEFAULT_PROFILE, type MethodologyProfile } from '../../../shared/methodology/profile';
import { createAppServices } from '../../../electron/services';

/**
 * A generated portfolio written through the store API: missing statuses and figures, goals
 * without targets, over-100 % goals, lower-is-better goals, overrides with reasons, provisional
 * scores, reported months that differ from the grant period, several funding sources. Seeded, so
 * a failing case can be reproduced. Used by the export tests and by `npm run bench`.
 */
export interface GenerateOptions {
  projects: number;
  seed?: number;
  profile?: Partial<MethodologyProfile>;
  /** Projects written per transaction. */
  batch?: number;
}

const SOURCES = ['Socialfonden (ESF)', 'Regionalfonden (EFRU)', 'Regionale erhvervsudviklingsmidler'];
const OFFICERS = ['Annette Zeh', 'Bo Hansen', 'Carla Møller', 'Dorthe Vinther'];
const LIGHTS: Light[] = ['green', 'yellow', 'red'];

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x100000000;
  };
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

export async function generatePortfolio(dbPath: string, options: GenerateOptions): Promise<{ projectIds: number[] }> {
  const random = rng(options.seed ?? 42);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const chance = (p: number) => random() < p;
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const services = await createAppServices({ dbPath, user: 'generator' });
  const projectIds: number[] = [];
  try {
    if (options.profile) await services.store.setProfile({ ...DEFAULT_PROFILE, ...options.profile });
    // Indicators shared across projects: the first goals of a level are often linked to one
    // (so pooling meets every case: unreported, no target, lower is better), others never.
    const indicators = new Map<string, number>();
    for (const [level, n, name, unit] of [['A', 1, 'Forløb gennemført', 'forløb'], ['B', 1, 'Deltagere', 'deltagere'], ['B', 2, 'Virksomheder', 'virksomheder'], ['C', 1, 'Deltagere i job', 'personer']] as const)
      indicators.set(`${level}${n}`, (await services.store.saveIndicator({ code: n === 1 && level === 'B' ? 'EECO01' : '', name, unit, level })).id);
    const batch = options.batch ?? 100;
    for (let start = 0; start < options.projects; start += batch) {
      await services.store.transaction(async (tx) => {
        for (let n = start; n < Math.min(options.projects, start + batch); n++) {
          const startYear = int(2017, 2021);
          const startMonth = int(1, 12);
          const startDay = chance(0.2) ? 31 : 1;
          const periodStart = iso(startYear, startMonth, Math.min(startDay, 28 + (startMonth === 2 ? 0 : 2)));
          const years = int(2, 4);
          const periodEnd = iso(startYear + years, startMonth === 1 ? 12 : startMonth - 1, 28);
          const budget = chance(0.1) ? null : int(2, 40) * 500_000;
          const project = await tx.createProject({
            name: `Genereret projekt ${String(n + 1).padStart(4, '0')}`,
            grantRecipient: `Kommune ${int(1, 98)}`,
            projectHolder: `Projektholder ${int(1, 30)}`,
            caseOfficer: pick(OFFICERS),
            fundingSource: pick(SOURCES),
            priorityAxis: 'ESF-4b',
            totalBudgetKr: budget,
            periodStart,
            periodEnd,
            partners: 'Partner A\nPartner B',
            journalNumber: `J${n + 1}`,
            description: 'Genereret til test af eksport.',
          });
          projectIds.push(project.id);
          const type: EvaluationType = chance(0.5) ? 'final' : 'midterm';
          const evalYear = startYear + (type === 'final' ? years : Math.ceil(years / 2));
          const evaluationDate = iso(evalYear, int(1, 12), int(1, 28));
          const reportedAt = evaluationDate;

          let position = 0;
          for (const level of ['A', 'B', 'C'] as GoalLevel[]) {
            const count = level === 'B' ? int(chance(0.15) ? 0 : 1, 5) : int(0, 4);
            for (let g = 1; g <= count; g++) {
              const lower = chance(0.08);
              const target = chance(0.1) ? null : chance(0.05) ? 0 : int(1, 20_000);
              const baseline = lower ? (chance(0.2) ? null : (target ?? 0) + int(1, 500)) : null;
              const goal = await tx.createGoal({
                projectId: project.id,
                level,
                code: `${level}${g}`,
                description: `${level === 'A' ? 'Aktivitet' : level === 'B' ? 'Output' : 'Effekt'} ${g}`,
                unit: 'stk.',
                targetInPeriod: target,
                targetAfterPeriod: level === 'C' && chance(0.5) ? int(1, 500) : null,
                direction: lower ? 'lower' : 'higher',
                baseline,
                position: position++,
                indicatorId: indicators.has(`${level}${g}`) && chance(0.7) ? indicators.get(`${level}${g}`)! : null,
              });
              if (chance(0.12)) continue; // never reported
              const t = target ?? 100;
              // Mostly near the target, some far over (over-100 % goals), some a fraction of it.
              const value = chance(0.08) ? null : chance(0.15) ? Math.round(t * (1.1 + random())) : Math.round(t * random() * 1.05 * 100) / 100;
              const printed = chance(0.3) && value !== null && t ? Math.round((value / t) * 100) + (chance(0.3) ? 5 : 0) : null;
              // An older report that a newer one replaces, and a report after the evaluation date.
              if (chance(0.3))
                await tx.addStatusReport({ goalId: goal.id, value: int(0, t), reportedAt: iso(evalYear - 1, 6, 1), reportedBy: 'Bevillingsmodtager', source: { file: 'gammel.xlsx', location: 'Ark Mål' }, printedPercent: null });
              await tx.addStatusReport({ goalId: goal.id, value, reportedAt, reportedBy: chance(0.8) ? 'Bevillingsmodtager' : 'Sagsbehandler', source: { file: 'statusrapport.xlsx', location: `Ark 'Mål', celle D${g + 4}` }, printedPercent: printed });
              if (chance(0.2))
                await tx.addStatusReport({ goalId: goal.id, value: int(0, t * 2), reportedAt: iso(evalYear + 1, 1, 15), reportedBy: 'Bevillingsmodtager', source: { file: 'senere.xlsx', location: '' }, printedPercent: null });
            }
          }
          const evaluation = await tx.createEvaluation({
            projectId: project.id,
            type,
            date: evaluationDate,
            evaluator: 'Generator',
            budgetSpentKr: chance(0.15) || budget === null ? null : Math.round((budget ?? 0) * random() * 1.2),
            budgetTotalReportedKr: chance(0.2) && budget ? budget + int(-100_000, 100_000) : null,
            monthsElapsedReported: chance(0.25) ? int(1, years * 12) : null,
            monthsTotalReported: chance(0.2) ? years * 12 : null,
            progressReportedBy: chance(0.8) ? 'Bevillingsmodtager' : '',
            progressReportedAt: chance(0.8) ? reportedAt : null,
            overallStatus: chance(0.5) ? 'Projektet skrider frem som planlagt.' : '',
          });
          const scoredCount = chance(0.2) ? int(0, 5) : 6;
          for (let p = 1; p <= 6; p++) {
            await tx.setScore({
              evaluationId: evaluation.id,
              parameter: p as 1 | 2 | 3 | 4 | 5 | 6,
              score: p <= scoredCount ? int(1, 5) : null,
              headline: `Konklusion ${p}`,
              text: `Begrundelse ${p}`,
            });
          }
          for (const kind of ['implementation', 'goals', 'effect'] as LightKind[]) {
            const override = chance(0.25) ? pick(LIGHTS) : null;
            await tx.setLightDecision({ evaluationId: evaluation.id, kind, suggested: null, override, reason: override ? 'Evaluators helhedsvurdering' : '', text: `Kort tekst om ${kind}` });
          }
          for (let s = 0; s < int(0, 3); s++) {
            const nResp = int(0, 12);
            await tx.saveSurveyIndicator({ evaluationId: evaluation.id, group: 'virksomheder', statement: `Udsagn ${s + 1}`, positive: int(0, nResp), n: nResp, scale: chance(0.5) ? 5 : 3, position: s });
          }
          await tx.saveLearningPoint({ evaluationId: evaluation.id, kind: 'learning', title: 'Læring', text: 'Et læringspunkt.', position: 0 });
          if (type === 'midterm') await tx.saveLearningPoint({ evaluationId: evaluation.id, kind: 'recommendation', title: 'Anbefaling', text: 'En anbefaling.', position: 1 });
          if (chance(0.5)) {
            for (const year of [startYear, startYear + 1]) {
              await tx.saveBudgetLine({ projectId: project.id, costType: 'Løn - projektledelse', year, amountKr: int(100_000, 900_000) + 0.5, percentOfDirect: null, position: 0 });
              await tx.saveBudgetLine({ projectId: project.id, costType: 'Indirekte udgifter', year, amountKr: int(10_000, 90_000), percentOfDirect: 18, position: 1 });
            }
            await tx.saveFinancing({ projectId: project.id, name: pick(SOURCES), amountKr: int(100_000, 2_000_000), position: 0 });
          }
        }
      });
    }
    return { projectIds };
  } finally {
    await services.close();
  }
}
