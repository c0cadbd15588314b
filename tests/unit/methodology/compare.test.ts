import { DEFAULT_PROFILE, evaluate, type EvaluationInput } from '../../../shared/methodology';
import { compareRounds, lightWhyDa, type ComparedRound } from '../../../shared/methodology/compare';
import { goal, headstartInput, scores } from './fixtures';

/** A round as the service hands it to compareRounds: the engine's input goals and its summary. */
function round(evaluationId: number, input: EvaluationInput): ComparedRound {
  return { evaluationId, goals: input.goals, summary: evaluate(input, DEFAULT_PROFILE) };
}

/** Headstart's midterm as it could have looked: outputs a quarter done, implementation 2,8. */
const midterm = headstartInput({
  evaluationType: 'midterm',
  evaluationDate: '2021-01-15',
  goals: [goal('B1', 256, 70), goal('B2', 90, 25), goal('B4', 19037, 5000), goal('C1', 114, undefined), goal('C9', null, undefined)],
  scores: scores(3, 3, 3, 3, 3, 2),
});
/** The final round of seed 003 (outputs 94 %, 3,8), with a new output goal and an effect override. */
const final = headstartInput({
  goals: [goal('B1', 256, 219), goal('B2', 90, 87), goal('B4', 19037, 19037), goal('B5', 10, 5), goal('C1', 114, 99)],
  decisions: [{ kind: 'effect', override: 'yellow', reason: 'Effekterne er usikre; surveyen har kun ni svar.' }],
});

describe('compareRounds: two rounds of one project, then and now', () => {
  const comparison = compareRounds(round(11, midterm), round(12, final));

  it('names the two rounds', () => {
    expect(comparison.earlierEvaluationId).toBe(11);
    expect(comparison.laterEvaluationId).toBe(12);
  });

  it('per goal: target, status and percent then and now, and the change in points of the displayed percents', () => {
    const b1 = comparison.goals.find((g) => g.code === 'B1')!;
    // 70/256 = 27,3 -> 27 %; 219/256 = 85,5 -> 86 %
    expect(b1).toMatchObject({ level: 'B', then: { target: 256, status: 70, percent: 27 }, now: { target: 256, status: 219, percent: 86 }, changePoints: 59 });
    const b4 = comparison.goals.find((g) => g.code === 'B4')!;
    expect(b4.changePoints).toBe(100 - 26);
  });

  it('a goal of only one round has no figures in the other, and no change', () => {
    const b5 = comparison.goals.find((g) => g.code === 'B5')!;
    expect(b5).toMatchObject({ then: null, now: { target: 10, status: 5, percent: 50 }, changePoints: null });
    // C9 had neither target nor status in the midterm, and is gone in the final round.
    expect(comparison.goals.find((g) => g.code === 'C9')).toMatchObject({ then: null, now: null, changePoints: null });
    // Not reported then: the target is there, no status and no percent, so no change either.
    expect(comparison.goals.find((g) => g.code === 'C1')).toMatchObject({
      then: { target: 114, status: null, percent: null },
      now: { target: 114, status: 99, percent: 87 },
      changePoints: null,
    });
  });

  it("lists goals in the later round's order, then those only the earlier round had", () => {
    expect(comparison.goals.map((g) => g.code)).toEqual(['B1', 'B2', 'B4', 'B5', 'C1', 'C9']);
  });

  it('per parameter the score then and now, and the rounded average', () => {
    expect(comparison.parameters).toEqual([
      { parameter: 1, then: 3, now: 4 },
      { parameter: 2, then: 3, now: 4 },
      { parameter: 3, then: 3, now: 4 },
      { parameter: 4, then: 3, now: 4 },
      { parameter: 5, then: 3, now: 4 },
      { parameter: 6, then: 2, now: 3 },
    ]);
    // 17/6 = 2,83 -> 2,8; 23/6 = 3,83 -> 3,8
    expect(comparison.implementation).toEqual({ then: 2.8, now: 3.8 });
  });

  it('per light the colour then and now, and why it is what it is now', () => {
    const [impl, goals, effect] = comparison.lights;
    expect(impl).toMatchObject({ kind: 'implementation', then: 'yellow', now: 'green', why: 'Forslag ud fra gennemsnitlig score 3,8.' });
    // Midterm outputs (27,3 + 27,8 + 26,3) / 3 = 27 % is yellow in the midterm bands (25-34 %).
    // Final (85,5 + 96,7 + 100 + 50) / 4 = 83 % is green ("slightly below", 81-94 %).
    expect(goals).toMatchObject({ kind: 'goals', then: 'yellow', now: 'green', why: 'Forslag ud fra outputmål 83 %.' });
    expect(goals.thenBasis).toEqual({ suggested: 'yellow', override: null, reason: '', figure: { kind: 'level', level: 'B', percent: 27 } });
    // Effect goals 99/114 = 87 % suggest green; the evaluator chose yellow, with a reason.
    expect(effect.now).toBe('yellow');
    expect(effect.why).toBe('Tilsidesat af evaluator (forslag: grøn ud fra effektmål 87 %): Effekterne er usikre; surveyen har kun ni svar.');
    expect(effect.nowBasis).toEqual({ suggested: 'green', override: 'yellow', reason: 'Effekterne er usikre; surveyen har kun ni svar.', figure: { kind: 'level', level: 'C', percent: 87 } });
    // The midterm had no effect goal with a status: no suggestion, nothing to say.
    expect(effect.thenBasis).toMatchObject({ figure: null });
  });
});

describe('lightWhyDa', () => {
  it('says nothing when there is nothing to say, and a suggestion without a figure plainly', () => {
    expect(lightWhyDa(null)).toBe('');
    expect(lightWhyDa({ suggested: null, override: null, reason: '', figure: { kind: 'score', value: null } })).toBe('');
    expect(lightWhyDa({ suggested: null, override: null, reason: '', figure: { kind: 'score', value: 3.3 } })).toBe('Intet forslag endnu (gennemsnitlig score 3,3).');
    expect(lightWhyDa({ suggested: null, override: 'red', reason: 'Ingen fremdrift.', figure: null })).toBe('Tilsidesat af evaluator (forslag: intet lys): Ingen fremdrift.');
  });

  it('an override equal to the suggestion is no override, but its written reason is kept', () => {
    const same = compareRounds(
      round(1, headstartInput()),
      round(2, headstartInput({ decisions: [{ kind: 'implementation', override: 'green', reason: ' Enig. ' }] })),
    );
    expect(same.lights[0].nowBasis).toMatchObject({ suggested: 'green', override: null, reason: 'Enig.' });
    expect(same.lights[0].why).toBe('Forslag ud fra gennemsnitlig score 3,8. Evaluators begrundelse: Enig.');
    expect(same.lights[0].thenBasis).toMatchObject({ override: null, reason: '' });
    expect(lightWhyDa({ suggested: null, override: null, reason: 'Afventer survey.', figure: null })).toBe('Evaluators begrundelse: Afventer survey.');
  });
});
