import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import type { EvaluationDetail, ProjectDetail } from '../../shared/contracts';
import { ImplementationPanel } from '../../renderer/src/views/project/ImplementationPanel';
import { EvaluationTextField } from '../../renderer/src/views/project/EvaluationText';
import { ProjectDataContext } from '../../renderer/src/views/project/ProjectData';
import { deferred, headstartFixture, mockApi, renderWithApp } from './render';

/**
 * No lost update in the window (issue 13): a save refused because someone else saved first shows
 * who and when at the field, keeps what the user typed, and "Genindlæs" shows the other's text
 * while the user's own stays beside it, to save over it on purpose (with the new version) or copy.
 */
const STALE = {
  ok: false,
  error: {
    code: 'STALE_WRITE',
    message: 'Ændret af Kim Sagsbehandler kl. 14:05; genindlæs',
    stale: { changedBy: 'Kim Sagsbehandler', changedAt: '2024-03-01T13:05:00.000Z', currentVersion: 4 },
  },
};

/** The project data as main would give it: `reload` answers what the other person saved. */
function Harness({ project, first, reloaded, children }: { project: ProjectDetail; first: EvaluationDetail; reloaded: EvaluationDetail; children: React.ReactNode }) {
  const [evaluation, setEvaluation] = useState(first);
  const reload = async () => setEvaluation(reloaded);
  return <ProjectDataContext.Provider value={{ project, evaluation, reload }}>{children}</ProjectDataContext.Provider>;
}

function scoreRounds() {
  const { project, evaluation } = headstartFixture();
  const withHeadline = (headline: string, version: number): EvaluationDetail => ({
    ...evaluation,
    scores: evaluation.scores.map((s) => (s.parameter === 2 ? { ...s, headline, version } : s)),
  });
  return { project, first: withHeadline('Gammel overskrift', 3), reloaded: withHeadline('Kims overskrift', 4) };
}

describe('a save someone else beat', () => {
  it('keeps the typed text with the message, reloads the other\'s, and offers the user\'s text to save with the new version', async () => {
    const { project, first, reloaded } = scoreRounds();
    let answers = [STALE, { ok: true, value: {} }];
    const api = mockApi({ scoreSet: async () => answers.shift() });
    renderWithApp(
      <Harness project={project} first={first} reloaded={reloaded}>
        <ImplementationPanel />
      </Harness>,
      { api },
    );
    const card = screen.getByTestId('parameter-2');
    const headline = within(card).getByRole('textbox', { name: 'Overskrift (én sætning)' });
    await userEvent.clear(headline);
    await userEvent.type(headline, 'Min overskrift');
    await userEvent.tab();

    // Refused: who and when at the field, and the typed text is still there.
    await within(card).findByText('Ændret af Kim Sagsbehandler kl. 14:05; genindlæs');
    expect(api.scoreSet).toHaveBeenCalledWith({ evaluationId: 1, parameter: 2, headline: 'Min overskrift', expectedVersion: 3 });
    expect((headline as HTMLTextAreaElement).value).toBe('Min overskrift');

    // Genindlæs: the field shows what Kim saved; the user's own text is kept beside it.
    await userEvent.click(within(card).getByRole('button', { name: 'Genindlæs' }));
    await waitFor(() => expect((within(card).getByRole('textbox', { name: 'Overskrift (én sætning)' }) as HTMLTextAreaElement).value).toBe('Kims overskrift'));
    const mine = within(card).getByTestId('stale-mine');
    expect(within(mine).getByText('Din tekst')).toBeTruthy();
    expect((within(mine).getByRole('textbox', { name: 'Din tekst' }) as HTMLTextAreaElement).value).toBe('Min overskrift');
    expect(within(card).queryByText('Ændret af Kim Sagsbehandler kl. 14:05; genindlæs')).toBeNull();

    // Saving it now is a choice made knowing Kim's text: it is based on the reloaded version.
    await userEvent.click(within(mine).getByRole('button', { name: 'Gem min tekst' }));
    await waitFor(() => expect(api.scoreSet).toHaveBeenLastCalledWith({ evaluationId: 1, parameter: 2, headline: 'Min overskrift', expectedVersion: 4 }));
    await waitFor(() => expect(within(card).queryByTestId('stale-mine')).toBeNull());
    expect((within(card).getByRole('textbox', { name: 'Overskrift (én sætning)' }) as HTMLTextAreaElement).value).toBe('Min overskrift');
    answers = [];
  });

  it('two fields of one row saved in quick succession: the second waits for the first and sends the version it left', async () => {
    const { project, first, reloaded } = scoreRounds();
    const firstAnswer = deferred<unknown>();
    const calls: unknown[] = [];
    const api = mockApi({
      scoreSet: async (input) => {
        calls.push(input);
        return calls.length === 1 ? firstAnswer.promise : { ok: true, value: { version: 5 } };
      },
    });
    renderWithApp(
      <Harness project={project} first={first} reloaded={reloaded}>
        <ImplementationPanel />
      </Harness>,
      { api },
    );
    const card = screen.getByTestId('parameter-2');
    const headline = within(card).getByRole('textbox', { name: 'Overskrift (én sætning)' });
    const text = within(card).getByRole('textbox', { name: 'Begrundelse' });
    await userEvent.clear(headline);
    await userEvent.type(headline, 'Ny overskrift');
    await userEvent.click(text);
    await userEvent.clear(text);
    await userEvent.type(text, 'Ny begrundelse');
    await userEvent.tab();
    // The text's save is not sent while the headline's is under way, ...
    expect(calls).toEqual([{ evaluationId: 1, parameter: 2, headline: 'Ny overskrift', expectedVersion: 3 }]);
    firstAnswer.resolve({ ok: true, value: { version: 4 } });
    // ... then it is, based on the version the headline's save left: no refusal of one's own save.
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]).toEqual({ evaluationId: 1, parameter: 2, text: 'Ny begrundelse', expectedVersion: 4 });
    expect(within(card).queryByText(/Ændret af/)).toBeNull();
  });

  it("the round's prose: sends the text's version and keeps the text; English names who and when", async () => {
    const { project, evaluation } = headstartFixture();
    const first: EvaluationDetail = { ...evaluation, texts: { ...evaluation.texts, effect: 'Gammel vurdering' }, textVersions: { ...evaluation.textVersions, effect: 2 } };
    const reloaded: EvaluationDetail = { ...evaluation, texts: { ...evaluation.texts, effect: 'Kims vurdering' }, textVersions: { ...evaluation.textVersions, effect: 3 } };
    const api = mockApi({ evaluationTextSet: async () => STALE });
    renderWithApp(
      <Harness project={project} first={first} reloaded={reloaded}>
        <EvaluationTextField textKey="effect" />
      </Harness>,
      { api, language: 'en' },
    );
    const field = within(screen.getByTestId('evaluation-text-effect')).getAllByRole('textbox')[0] as HTMLTextAreaElement;
    await userEvent.clear(field);
    await userEvent.type(field, 'My assessment');
    await userEvent.tab();
    await screen.findByText('Changed by Kim Sagsbehandler at 14:05; reload');
    expect(api.evaluationTextSet).toHaveBeenCalledWith({ evaluationId: 1, key: 'effect', text: 'My assessment', expectedVersion: 2 });
    expect(field.value).toBe('My assessment');
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect((within(screen.getByTestId('evaluation-text-effect')).getAllByRole('textbox')[0] as HTMLTextAreaElement).value).toBe('Kims vurdering'));
    expect((screen.getByRole('textbox', { name: 'Your text' }) as HTMLTextAreaElement).value).toBe('My assessment');
    expect(screen.getByRole('button', { name: 'Copy' })).toBeTruthy();
  });
});
