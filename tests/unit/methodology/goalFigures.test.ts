import { goalFigureProblems } from '../../../shared/methodology';

const goal = { code: 'B1', direction: 'higher' as const, baseline: null, targetInPeriod: 256, targetAfterPeriod: null };

describe('goalFigureProblems', () => {
  it('refuses a negative target, target after the period and status of a higher-is-better goal, naming the goal and the figure', () => {
    const problems = goalFigureProblems({ ...goal, targetInPeriod: -4380, targetAfterPeriod: -1 }, [{ value: -2.5, reportedAt: '2022-12-02' }, { value: 3, reportedAt: '2022-12-03' }]);
    expect(problems.map((p) => p.field)).toEqual(['targetInPeriod', 'targetAfterPeriod', 'status']);
    expect(problems[0].message).toBe(
      'B1: Målsætningen i projektperioden kan ikke være negativ (−4.380). Negative tal er kun tilladt for et mål, hvor lavere er bedre, med en baseline.',
    );
    expect(problems[2].message).toContain('Status pr. 02.12.2022 kan ikke være negativ (−2,5)');
  });

  it('accepts zero and positive figures, and negative ones for a lower-is-better goal with a baseline', () => {
    expect(goalFigureProblems({ ...goal, targetInPeriod: 0 }, [{ value: 0, reportedAt: null }, { value: null, reportedAt: null }])).toEqual([]);
    expect(goalFigureProblems({ ...goal, direction: 'lower', baseline: 10, targetInPeriod: -5 }, [{ value: -2, reportedAt: null }])).toEqual([]);
    // Lower is better, but without a baseline there is nothing to measure a negative figure from.
    expect(goalFigureProblems({ ...goal, direction: 'lower', baseline: null, targetInPeriod: -5 })).toHaveLength(1);
  });
});
