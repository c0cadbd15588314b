import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { EditableNumber, EditableText } from '../../renderer/src/components/Editable';
import { LockProvider } from '../../renderer/src/components/lock';
import { createFormatter } from '../../renderer/src/format';
import { createI18n } from '../../renderer/src/i18n';
import { CompareTab } from '../../renderer/src/views/project/CompareTab';
import { auditFieldLabel, auditValueText } from '../../renderer/src/views/project/historyText';
import { FactsTab } from '../../renderer/src/views/project/FactsTab';
import { GoalsTab } from '../../renderer/src/views/project/GoalsTab';
import { ImplementationPanel } from '../../renderer/src/views/project/ImplementationPanel';
import { LearningTab } from '../../renderer/src/views/project/LearningTab';
import { ResumeTab } from '../../renderer/src/views/project/ResumeTab';
import { RoundLock, SignOffBar } from '../../renderer/src/views/project/SignOff';
import type { RoundComparison } from '../../shared/methodology/compare';
import { headstartFixture, mockApi, renderWithApp, withProject } from './render';

const REASON = 'Slutevaluering 02.12.2022 er afsluttet 03.12.2026 af ida og er låst. Genåbn runden for at ændre den.';

/** The Headstart fixture, signed off by "ida" on 3 December 2026. */
function finalFixture() {
  const f = headstartFixture();
  f.evaluation.signOff = { state: 'final', finalizedAt: '2026-12-03T09:15:00.000Z', finalizedBy: 'ida' };
  f.evaluation.texts.outputGoals = 'Projektet forventer at nå målene.';
  return f;
}

describe('a locked field', () => {
  it('is read-only, shows a padlock that says why, and sends nothing', async () => {
    const onSave = vi.fn(async () => ({ ok: true as const, value: {} }));
    renderWithApp(
      <LockProvider reason={REASON}>
        <EditableText label="Overordnet status" value="Projektet er tæt på målene." onSave={onSave} multiline />
        <EditableNumber label="Forbrugt til dato (kr.)" value={20_000_000} onSave={onSave} />
      </LockProvider>,
      { api: mockApi() },
    );
    const text = screen.getByRole('textbox', { name: 'Overordnet status' });
    expect(text).toHaveProperty('readOnly', true);
    const number = screen.getByRole('textbox', { name: 'Forbrugt til dato (kr.)' });
    expect(number).toHaveProperty('readOnly', true);
    expect(screen.getAllByRole('img', { name: REASON })).toHaveLength(2);
    await userEvent.type(text, ' Mere.');
    await userEvent.tab();
    expect((text as HTMLTextAreaElement).value).toBe('Projektet er tæt på målene.');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('is an ordinary field outside a locked round', () => {
    renderWithApp(<EditableText label="Overordnet status" value="" onSave={async () => ({ ok: true, value: {} })} />, { api: mockApi() });
    expect(screen.getByRole('textbox', { name: 'Overordnet status' })).toHaveProperty('readOnly', false);
    expect(screen.queryByRole('img', { name: /låst/ })).toBeNull();
  });
});

describe('a final round on screen', () => {
  it('shows its scores read-only with the reason: radios disabled, texts read-only, the padlock names round, date and who', () => {
    const { project, evaluation } = finalFixture();
    renderWithApp(withProject(<RoundLock><ImplementationPanel /></RoundLock>, project, evaluation), { api: mockApi() });
    expect(screen.getByRole('radio', { name: /^Organisering og samarbejde: 1 – / })).toHaveProperty('disabled', true);
    const headline = within(screen.getByTestId('parameter-1')).getByRole('textbox', { name: 'Overskrift (én sætning)' });
    expect(headline).toHaveProperty('readOnly', true);
    expect(screen.getAllByRole('img', { name: REASON }).length).toBeGreaterThan(6);
    // The disabled radios get their reason too: a padlock beside "Score" (then headline and text).
    expect(within(screen.getByTestId('parameter-1')).getAllByRole('img', { name: REASON })).toHaveLength(3);
    // The section's own text is there too, and locked.
    expect(within(screen.getByTestId('evaluation-text-implementation')).getByRole('textbox')).toHaveProperty('readOnly', true);
  });

  it('keeps learning points from being added or deleted', () => {
    const { project, evaluation } = finalFixture();
    evaluation.learning = [{ id: 1, evaluationId: 1, kind: 'learning', title: 'Fastholdelse', text: 'Vigtig', position: 0 }];
    renderWithApp(withProject(<RoundLock><LearningTab /></RoundLock>, project, evaluation), { api: mockApi() });
    expect(screen.getByRole('button', { name: 'Tilføj læringspunkt' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Slet 1' })).toHaveProperty('disabled', true);
  });

  it("locks the goals' figures and the project's budget and period, not their wording (as main does)", () => {
    const { project, evaluation } = finalFixture();
    renderWithApp(
      withProject(
        <>
          {/* As in ProjectView: the goals are a round's tab, the facts the project's. */}
          <RoundLock>
            <GoalsTab />
          </RoundLock>
          <FactsTab />
        </>,
        project,
        evaluation,
      ),
      { api: mockApi() },
    );
    expect(screen.getByRole('textbox', { name: 'B1 Mål i perioden' })).toHaveProperty('readOnly', true);
    expect(screen.getByRole('textbox', { name: 'Kode B1' })).toHaveProperty('readOnly', true);
    expect(screen.getByRole('textbox', { name: 'B1 Beskrivelse' })).toHaveProperty('readOnly', false);
    expect(screen.getByRole('textbox', { name: 'B1 Enhed' })).toHaveProperty('readOnly', false);
    for (const name of ['Samlet budget (kr.)', 'Bevillingsperiode start', 'Bevillingsperiode slut']) expect(screen.getByRole('textbox', { name })).toHaveProperty('readOnly', true);
    expect(screen.getByRole('textbox', { name: 'Projektnavn' })).toHaveProperty('readOnly', false);
  });

  it('a draft round is editable: the same fields are not read-only', () => {
    const { project, evaluation } = headstartFixture();
    renderWithApp(withProject(<RoundLock><ResumeTab /></RoundLock>, project, evaluation), { api: mockApi() });
    expect(screen.getByRole('textbox', { name: 'Overordnet status' })).toHaveProperty('readOnly', false);
  });
});

describe('the sign-off bar', () => {
  it('finalises a draft after a confirmation that says what the lock covers, then reloads', async () => {
    const { project, evaluation } = headstartFixture();
    const reload = vi.fn(async () => {});
    const api = mockApi({ evaluationFinalize: async () => ({ ok: true, value: { state: 'final', finalizedAt: '2026-12-03T09:15:00.000Z', finalizedBy: 'ida' } }) });
    renderWithApp(withProject(<SignOffBar />, project, evaluation, reload), { api });
    expect(screen.getByTestId('sign-off').textContent).toContain('Kladde');
    await userEvent.click(screen.getByRole('button', { name: 'Afslut runde' }));
    const dialog = await screen.findByRole('dialog', { name: 'Afslut Slutevaluering 02.12.2022?' });
    expect(dialog.textContent).toMatch(/genåbnes med en skriftlig begrundelse/);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Afslut runde' }));
    await waitFor(() => expect(api.evaluationFinalize).toHaveBeenCalledWith({ evaluationId: 1 }));
    await waitFor(() => expect(reload).toHaveBeenCalled());
  });

  it('says who finalised it and when, and reopens only with a written reason', async () => {
    const { project, evaluation } = finalFixture();
    const reload = vi.fn(async () => {});
    const api = mockApi({ evaluationReopen: async () => ({ ok: true, value: { state: 'draft', finalizedAt: null, finalizedBy: '' } }) });
    renderWithApp(withProject(<SignOffBar />, project, evaluation, reload), { api });
    expect(screen.getByTestId('sign-off').textContent).toContain('Afsluttet 03.12.2026 af ida');
    await userEvent.click(screen.getByRole('button', { name: 'Genåbn runde' }));
    const dialog = await screen.findByRole('dialog', { name: 'Genåbn Slutevaluering 02.12.2022' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Genåbn' }));
    expect(await within(dialog).findByText('Feltet skal udfyldes.')).toBeTruthy();
    expect(api.evaluationReopen).not.toHaveBeenCalled();
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Begrundelse/ }), 'Budgetforbruget var forkert.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Genåbn' }));
    await waitFor(() => expect(api.evaluationReopen).toHaveBeenCalledWith({ evaluationId: 1, reason: 'Budgetforbruget var forkert.' }));
    await waitFor(() => expect(reload).toHaveBeenCalled());
  });

  it("shows main's refusal of the reason in the dialog and keeps what was typed", async () => {
    const { project, evaluation } = finalFixture();
    const api = mockApi({
      evaluationReopen: async () => ({ ok: false, error: { code: 'REASON_REQUIRED', message: 'Genåbning af en afsluttet runde kræver en skriftlig begrundelse.' } }),
    });
    renderWithApp(withProject(<SignOffBar />, project, evaluation), { api });
    await userEvent.click(screen.getByRole('button', { name: 'Genåbn runde' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Begrundelse/ }), 'x');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Genåbn' }));
    expect(await within(dialog).findByText('Genåbning af en afsluttet runde kræver en skriftlig begrundelse.')).toBeTruthy();
    expect((within(dialog).getByRole('textbox', { name: /Begrundelse/ }) as HTMLTextAreaElement).value).toBe('x');
  });
});

describe('the report texts', () => {
  it('saves a section text on blur for the round on screen and reloads', async () => {
    const { project, evaluation } = headstartFixture();
    const reload = vi.fn(async () => {});
    const api = mockApi({ evaluationTextSet: async () => ({ ok: true, value: evaluation.texts }) });
    renderWithApp(withProject(<RoundLock><ImplementationPanel /></RoundLock>, project, evaluation, reload), { api });
    const field = within(screen.getByTestId('evaluation-text-implementation')).getByRole('textbox', { name: 'Samlet vurdering af implementeringen (afsnit 4)' });
    await userEvent.type(field, 'Stærk projektledelse.');
    await userEvent.tab();
    await waitFor(() => expect(api.evaluationTextSet).toHaveBeenCalledWith({ evaluationId: 1, key: 'implementation', text: 'Stærk projektledelse.', expectedVersion: 0 }));
    await waitFor(() => expect(reload).toHaveBeenCalled());
  });

  it('history names texts and sign-off in words', () => {
    for (const lang of ['da', 'en'] as const) {
      const i18n = createI18n(lang);
      const t = i18n.t.bind(i18n);
      const exists = (key: string) => typeof i18n.getResource(lang, 'translation', key) === 'string';
      const fmt = createFormatter(lang);
      const label = auditFieldLabel(t, exists, lang, 'evaluation', 'texts.outputGoals');
      expect(label).toBe(lang === 'da' ? 'Rapporttekst: Tekst om outputmålene (afsnit 5.2)' : 'Report text: Text on the output goals (section 5.2)');
      expect(auditFieldLabel(t, exists, lang, 'evaluation', 'signOff')).toBe(lang === 'da' ? 'Afslutning' : 'Sign-off');
      expect(auditFieldLabel(t, exists, lang, 'evaluation', 'reopenReason')).toBe(lang === 'da' ? 'Begrundelse for genåbning' : 'Reason for reopening');
      expect(auditValueText(t, exists, fmt, 'evaluation', 'final', 'signOff').short).toBe(lang === 'da' ? 'Afsluttet' : 'Final');
      // A light's text is still the light's, not a report text.
      expect(auditFieldLabel(t, exists, lang, 'light', 'text.implementation')).toMatch(lang === 'da' ? /^Implementering: / : /^Implementation: /);
    }
  });
});

describe('rounds compared', () => {
  const comparison: RoundComparison = {
    earlierEvaluationId: 2,
    laterEvaluationId: 1,
    goals: [
      { code: 'B1', level: 'B', description: 'Antal deltagere', then: { target: 256, status: 120, percent: 47 }, now: { target: 256, status: 219, percent: 86 }, changePoints: 39 },
      { code: 'B5', level: 'B', description: 'Nyt mål', then: null, now: { target: 19037, status: 19037, percent: 100 }, changePoints: null },
    ],
    parameters: [1, 2, 3, 4, 5, 6].map((p) => ({ parameter: p as 1, then: p === 6 ? 2 : 4, now: p === 6 ? 3 : 4 })),
    implementation: { then: 3.7, now: 3.8 },
    lights: [
      { kind: 'implementation', then: 'green', now: 'green', why: '', thenBasis: { suggested: 'green', override: null, reason: '', figure: { kind: 'score', value: 3.7 } }, nowBasis: { suggested: 'green', override: null, reason: '', figure: { kind: 'score', value: 3.8 } } },
      { kind: 'goals', then: 'red', now: 'green', why: '', thenBasis: { suggested: 'red', override: null, reason: '', figure: { kind: 'level', level: 'B', percent: 47 } }, nowBasis: { suggested: 'green', override: null, reason: '', figure: { kind: 'level', level: 'B', percent: 94 } } },
      { kind: 'effect', then: null, now: 'yellow', why: '', thenBasis: { suggested: null, override: null, reason: '', figure: null }, nowBasis: { suggested: 'green', override: 'yellow', reason: 'Kun ni svar.', figure: { kind: 'level', level: 'C', percent: 87 } } },
    ],
  };

  function twoRounds() {
    const f = headstartFixture();
    f.project.evaluations = [f.evaluation.evaluation, { ...f.evaluation.evaluation, id: 2, type: 'midterm', date: '2021-01-15' }];
    return f;
  }

  it('asks for the two latest rounds and shows goals, scores and lights then and now, with why (Danish)', async () => {
    const { project, evaluation } = twoRounds();
    const api = mockApi({ evaluationCompare: async () => ({ ok: true, value: comparison }) });
    renderWithApp(withProject(<CompareTab />, project, evaluation), { api });
    await screen.findByTestId('compare-goals');
    expect(api.evaluationCompare).toHaveBeenCalledWith({ projectId: 1, earlierEvaluationId: 2, laterEvaluationId: 1 });
    const b1 = screen.getByTestId('compare-goal-B1');
    expect(b1.textContent).toMatch(/256.*120.*47\s%.*256.*219.*86\s%.*\+39/);
    expect(screen.getByTestId('compare-goal-B5').textContent).toMatch(/ikke i runden.*19\.037.*19\.037.*100\s%/);
    expect(screen.getByTestId('compare-average').textContent).toMatch(/3,7.*3,8.*\+0,1/);
    // Danish percents have a (no-break) space before the sign.
    expect(screen.getByTestId('compare-why-goals').textContent).toMatch(/^Forslag ud fra outputmål 94\s%\.$/);
    expect(screen.getByTestId('compare-why-effect').textContent).toMatch(/^Tilsidesat af evaluator \(forslag: grøn ud fra effektmål 87\s%\): Kun ni svar\.$/);
    // Lights, goals and parameters each name the two rounds in their headers.
    expect(screen.getAllByRole('columnheader', { name: 'Midtvejsevaluering 15.01.2021' })).toHaveLength(3);
  });

  it('in English', async () => {
    const { project, evaluation } = twoRounds();
    const api = mockApi({ evaluationCompare: async () => ({ ok: true, value: comparison }) });
    renderWithApp(withProject(<CompareTab />, project, evaluation), { api, language: 'en' });
    await screen.findByTestId('compare-goals');
    expect(screen.getByTestId('compare-why-goals').textContent).toBe('Suggested from output goals 94%.');
    expect(screen.getByTestId('compare-why-effect').textContent).toBe('Overridden by the evaluator (suggestion: green from effect goals 87%): Kun ni svar.');
    expect(screen.getByTestId('compare-goal-B5').textContent).toMatch(/not in the round.*19,037/);
  });

  it('with one round, says that two are needed and asks nothing', () => {
    const { project, evaluation } = headstartFixture();
    const api = mockApi();
    renderWithApp(withProject(<CompareTab />, project, evaluation), { api });
    expect(screen.getByText(/kun én evalueringsrunde/)).toBeTruthy();
    expect(api.evaluationCompare).not.toHaveBeenCalled();
  });
});
