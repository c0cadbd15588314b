/**
 * Survey indicators (METHODOLOGY.md section 5): respondents giving one of the two most positive
 * answers on a 5-point scale, or the most positive on a 3-point scale, out of n.
 */

/** How many of the top answers count as positive, per scale. */
const POSITIVE_TOP_ANSWERS: Record<3 | 5, number> = { 3: 1, 5: 2 };

export function surveyIndicatorFromAnswers(
  answers: (number | null)[],
  scale: 3 | 5,
): { positive: number; n: number } {
  const lowestPositive = scale - POSITIVE_TOP_ANSWERS[scale] + 1;
  let positive = 0;
  let n = 0;
  answers.forEach((answer, index) => {
    // A blank answer is a respondent who skipped the question, not a negative answer.
    if (answer === null) return;
    if (!Number.isInteger(answer) || answer < 1 || answer > scale) {
      throw new Error(
        `Ugyldigt svar ${String(answer).replace('.', ',')} (indeks ${index}, svar nr. ${index + 1}): ` +
          `svar skal være et helt tal fra 1 til ${scale}`,
      );
    }
    n += 1;
    if (answer >= lowestPositive) positive += 1;
  });
  return { positive, n };
}

/** "9 ud af 9" */
export function formatSurveyIndicator(positive: number, n: number): string {
  return `${positive} ud af ${n}`;
}
