import { roundDateWarnings, statusDateWarnings } from '../../../shared/methodology';

const period = { periodStart: '2019-01-01', periodEnd: '2022-12-31' };

describe('dates that need a confirmation', () => {
  it('warns about a status in the future or outside the grant period, and not about one inside it', () => {
    expect(statusDateWarnings('2022-12-02', { ...period, today: '2024-05-01' })).toEqual([]);
    expect(statusDateWarnings('2022-12-31', { ...period, today: '2022-12-31' })).toEqual([]);
    expect(statusDateWarnings('2025-01-01', { ...period, today: '2024-05-01' }).map((w) => w.code)).toEqual(['statusInFuture', 'statusAfterPeriod']);
    const [before] = statusDateWarnings('2018-12-31', { ...period, today: '2024-05-01' });
    expect(before.message).toBe('Statusdatoen 31.12.2018 ligger før bevillingsperioden, der starter 01.01.2019.');
    expect(statusDateWarnings('2030-01-01', { periodStart: null, periodEnd: null, today: '2024-05-01' }).map((w) => w.code)).toEqual(['statusInFuture']);
  });

  it('warns about a round after the grant period or before the latest round', () => {
    expect(roundDateWarnings('2022-12-02', { periodEnd: '2022-12-31', previousRoundDates: ['2020-06-30'] })).toEqual([]);
    const warnings = roundDateWarnings('2020-01-01', { periodEnd: '2019-12-31', previousRoundDates: ['2020-06-30', '2019-06-30'] });
    expect(warnings.map((w) => w.message)).toEqual([
      'Evalueringsdatoen 01.01.2020 ligger efter bevillingsperiodens slutning 31.12.2019.',
      'Evalueringsdatoen 01.01.2020 ligger før den seneste runde (30.06.2020).',
    ]);
  });
});
