import { statusEffects } from '../../../shared/import/attainment';
import type { ImportBasis, ImportItem } from '../../../shared/import/items';
import { validateItems } from '../../../shared/import/validate';
import { DEFAULT_PROFILE } from '../../../shared/methodology/profile';

/** A goal B1 (target 200) and an error count E1 (lower is better: baseline 50, target 10), round 30.06.2025. */
const basis: ImportBasis = {
  profile: DEFAULT_PROFILE,
  round: { type: 'midterm', date: '2025-06-30' },
  goals: [
    { code: 'B1', level: 'B', targetInPeriod: 200, direction: 'higher', baseline: null },
    { code: 'B2', level: 'B', targetInPeriod: 40, direction: 'lower', baseline: 50 },
  ],
  reports: [
    { code: 'B1', value: 122, reportedAt: '2025-06-30' },
    { code: 'B2', value: 30, reportedAt: '2025-03-31' },
  ],
  period: { start: '2024-01-01', end: '2026-12-31' },
};

let n = 0;
const status = (code: string, value: number, reportedAt: string | null): ImportItem => ({
  id: `s${++n}`,
  type: 'status',
  code,
  value,
  reportedAt,
  reportedBy: '',
  printedPercent: null,
  computedPercent: null,
  source: { file: 'f.csv', location: `linje ${n}` },
});

describe('statusEffects: what a status does to its goal in the round (the engine, the status in force at the round)', () => {
  it('older than the status in force, of the same date (stored later, so in force), after the round, and superseded within the import', () => {
    const older = status('B1', 61, '2025-05-01');
    const sameDate = status('B1', 130, '2025-06-30');
    const later = status('B1', 180, '2025-09-30');
    const effects = statusEffects([older, sameDate, later], basis);
    expect(effects.get(older.id)).toEqual({ kind: 'older', inForce: { value: 130, date: '2025-06-30' }, fromImport: true, percent: 65 });
    expect(effects.get(sameDate.id)).toEqual({ kind: 'inForce', before: 61, after: 65 });
    expect(effects.get(later.id)).toEqual({ kind: 'afterRound', roundDate: '2025-06-30', percent: 65, later: 90 });
    expect(statusEffects([older], basis).get(older.id)).toEqual({ kind: 'older', inForce: { value: 122, date: '2025-06-30' }, fromImport: false, percent: 61 });
  });

  it('lower is better: (baseline - status) / (baseline - target), as the evaluation computes it', () => {
    const s = status('B2', 20, '2025-06-01');
    // before: (50 - 30) / (50 - 40) = 200 %; after: (50 - 20) / 10 = 300 %.
    expect(statusEffects([s], basis).get(s.id)).toEqual({ kind: 'inForce', before: 200, after: 300 });
  });

  it("a goal's new target in the same import is the one the status is weighed against", () => {
    const goal: ImportItem = { id: 'g', type: 'goal', level: 'B', code: 'B1', description: '', unit: '', targetInPeriod: 244, targetAfterPeriod: null, codeSuggested: false, source: { file: 'f.csv', location: 'linje 1' } };
    const s = status('B1', 122, '2025-06-30');
    expect(statusEffects([goal, s], basis).get(s.id)).toEqual({ kind: 'inForce', before: 61, after: 50 });
  });
});

describe('validateItems', () => {
  it('a negative status of a lower-is-better goal with a baseline is a figure; of another goal an error', () => {
    expect(validateItems([status('B2', -5, '2025-06-01')], basis)).toEqual([]);
    expect(validateItems([status('B1', -5, '2025-06-01')], basis).map((i) => i.msg?.key)).toEqual(['figureNegativeGoal']);
  });

  it('a date that does not exist is an error, not a crash', () => {
    const issues = validateItems([status('B1', 5, '2025-02-31')], basis);
    expect(issues.map((i) => i.message)).toEqual(['Dato: "2025-02-31" er ikke en gyldig dato.']);
  });
});
