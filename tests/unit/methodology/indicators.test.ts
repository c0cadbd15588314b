import { normalizeWording, suggestIndicatorLinks, type IndicatorGoal } from '../../../shared/methodology';

const g = (goalId: number, projectId: number, description: string, unit = 'virksomheder', extra: Partial<IndicatorGoal> = {}): IndicatorGoal => ({
  goalId,
  projectId,
  level: 'B',
  code: `B${goalId}`,
  description,
  unit,
  indicatorId: null,
  ...extra,
});

describe('the same indicator', () => {
  it('compares wording without case, punctuation, zero-width characters or the numbers in it', () => {
    expect(normalizeWording('Udvidelse af Karriereportalen med 300 virksomheder.')).toBe(normalizeWording('udvidelse af karriere\u200Bportalen med 1.250 virksomheder'));
    expect(normalizeWording('Antal deltagere')).not.toBe(normalizeWording('Antal virksomheder'));
  });

  it('suggests one new indicator for goals of several projects with the same level, unit and wording', () => {
    const suggestions = suggestIndicatorLinks(
      [
        g(1, 1, 'Antal virksomheder på karriereportalen'),
        g(2, 2, 'Antal virksomheder på Karriereportalen'),
        g(3, 2, 'Antal virksomheder på karriereportalen', 'stk.'), // another unit
        g(4, 3, 'Antal virksomheder på karriereportalen', 'virksomheder', { level: 'A' }), // another level
        g(5, 3, 'Antal deltagere', 'deltagere'),
        g(6, 3, 'Antal deltagere', 'deltagere'), // one project alone: its own indicator
      ],
      [],
    );
    expect(suggestions).toEqual([
      { kind: 'new', key: expect.stringMatching(/^new:B\|virksomheder\|/), level: 'B', name: 'Antal virksomheder på karriereportalen', unit: 'virksomheder', goalIds: [1, 2], projects: 2 },
    ]);
  });

  it('suggests an existing indicator for an unlinked goal worded like the goals already linked to it', () => {
    const suggestions = suggestIndicatorLinks(
      [g(1, 1, 'Antal virksomheder på karriereportalen', 'virksomheder', { indicatorId: 7 }), g(2, 2, 'Antal virksomheder på karriereportalen'), g(3, 3, 'Virksomheder i alt')],
      [{ id: 7, level: 'B', name: 'Virksomheder på portalen', unit: 'virksomheder' }],
    );
    expect(suggestions).toEqual([{ kind: 'existing', key: 'indicator:7', indicatorId: 7, level: 'B', goalIds: [2], projects: 1 }]);
  });
});
