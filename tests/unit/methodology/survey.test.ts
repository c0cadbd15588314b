import { formatSurveyIndicator, surveyIndicatorFromAnswers } from '../../../shared/methodology';

describe('surveyIndicatorFromAnswers', () => {
  it('counts the two top answers on a 5-point scale', () => {
    expect(surveyIndicatorFromAnswers([5, 4, 3, 2, 1, 4], 5)).toEqual({ positive: 3, n: 6 });
    // 003: all nine companies agreed.
    expect(surveyIndicatorFromAnswers([5, 5, 4, 4, 5, 4, 5, 5, 4], 5)).toEqual({ positive: 9, n: 9 });
  });

  it('counts only the top answer on a 3-point scale', () => {
    expect(surveyIndicatorFromAnswers([3, 2, 1, 3], 3)).toEqual({ positive: 2, n: 4 });
  });

  it('leaves blank answers out of n', () => {
    expect(surveyIndicatorFromAnswers([5, null, 1, null], 5)).toEqual({ positive: 1, n: 2 });
    expect(surveyIndicatorFromAnswers([], 5)).toEqual({ positive: 0, n: 0 });
  });

  it('rejects answers outside the scale, naming the value and its index', () => {
    expect(() => surveyIndicatorFromAnswers([5, 6], 5)).toThrow('Ugyldigt svar 6 (indeks 1, svar nr. 2)');
    expect(() => surveyIndicatorFromAnswers([4], 3)).toThrow(/Ugyldigt svar 4 \(indeks 0/);
    expect(() => surveyIndicatorFromAnswers([0], 5)).toThrow(/svar 0/);
    expect(() => surveyIndicatorFromAnswers([1, 2, 3.5], 5)).toThrow(/svar 3,5 \(indeks 2/);
  });
});

describe('formatSurveyIndicator', () => {
  it('writes "9 ud af 9"', () => {
    expect(formatSurveyIndicator(9, 9)).toBe('9 ud af 9');
    expect(formatSurveyIndicator(2, 9)).toBe('2 ud af 9');
  });
});
