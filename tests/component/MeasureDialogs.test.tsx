import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import type { BusinessCaseView, CatalogueLoadResult } from '../../shared/contracts';
import type { Goal } from '../../shared/domain';
import { businessCaseResult } from '../../shared/methodology/businessCase';
import { BusinessCasePanel } from '../../renderer/src/views/project/BusinessCasePanel';
import { CatalogueModal } from '../../renderer/src/views/project/CatalogueDialog';
import { GoalTable } from '../../renderer/src/views/project/GoalTable';
import { headstartFixture, mockApi, renderWithApp, type MockApi } from './render';

/** The issue-14 dialogs: a goal's measure, a share's status, the business case and the catalogue. */

const text = (el: HTMLElement) => (el.textContent ?? '').replace(/\s/g, ' ');

function renderGoals(level: 'B' | 'C', api: MockApi, patch: (g: Goal) => Goal = (g) => g, withRound = true) {
  const { project, evaluation } = headstartFixture();
  const goals = project.goals.filter((g) => g.level === level).map(patch);
  renderWithApp(
    <GoalTable
      projectId={1}
      level={level}
      goals={goals}
      result={withRound ? evaluation.summary.levels[level] : null}
      statusReports={project.statusReports}
      evaluationDate={withRound ? '2022-12-02' : null}
      period={{ start: '2019-01-01', end: '2022-12-31' }}
      indicators={[]}
      suggestions={[]}
      onChanged={vi.fn(async () => {})}
    />,
    { api },
  );
}

describe('the measure dialog', () => {
  it("saves an output goal as a share without sending an effect goal's comparison fields, and gives the focus back", async () => {
    const api = mockApi();
    // B1 carries a comparison (as an old import could leave it): the dialog does not show it, so it must not clear it.
    renderGoals('B', api, (g) => (g.code === 'B1' ? { ...g, comparisonValue: 31, comparisonSource: 'Danmarks Statistik', comparisonYear: 2018 } : g));
    const opener = screen.getByRole('button', { name: 'Måleform for B1' });
    await userEvent.click(opener);
    const dialog = await screen.findByRole('dialog', { name: 'Måleform for B1' });
    expect(within(dialog).queryByRole('textbox', { name: 'Sammenligningstal' })).toBeNull();
    await userEvent.click(within(dialog).getByRole('radio', { name: 'En andel (x af y)' }));
    await userEvent.click(within(dialog).getByRole('radio', { name: 'Et antal af tælleren' }));
    const target = within(dialog).getByRole('textbox', { name: 'Mål i perioden (antal i tælleren)' });
    await userEvent.clear(target);
    await userEvent.type(target, '30');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Mål for nævneren/ }), '150');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Gem' }));
    await waitFor(() => expect(api.goalUpdate).toHaveBeenCalledTimes(1));
    const { patch } = api.goalUpdate.mock.calls[0][0] as { patch: Record<string, unknown> };
    expect(patch).toEqual({ measure: 'share', targetInPeriod: 30, shareTargetKind: 'count', denominatorTarget: 150 });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(opener));
  });

  it('refuses a percent target over 100 % and a comparison without a source in the dialog, and sends nothing', async () => {
    const api = mockApi();
    renderGoals('C', api);
    await userEvent.click(screen.getByRole('button', { name: 'Måleform for C2' }));
    const dialog = await screen.findByRole('dialog', { name: 'Måleform for C2' });
    await userEvent.click(within(dialog).getByRole('radio', { name: 'En andel (x af y)' }));
    const target = within(dialog).getByRole('textbox', { name: 'Mål i perioden (%)' });
    await userEvent.clear(target);
    await userEvent.type(target, '120');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Sammenligningstal' }), '31');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'År' }), '18');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Gem' }));
    expect(within(dialog).getByText('En andel kan højst have en målsætning på 100 %.')).toBeTruthy();
    expect(within(dialog).getByText('Angiv kilden til sammenligningstallet (fx "Danmarks Statistik").')).toBeTruthy();
    expect(within(dialog).getByText('Skriv årstallet med fire cifre (fx 2018).')).toBeTruthy();
    expect(api.goalUpdate).not.toHaveBeenCalled();

    await userEvent.clear(target);
    await userEvent.type(target, '60');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Kilde' }), 'Danmarks Statistik');
    const year = within(dialog).getByRole('textbox', { name: 'År' });
    await userEvent.clear(year);
    await userEvent.type(year, '2018');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Gem' }));
    await waitFor(() =>
      expect(api.goalUpdate).toHaveBeenCalledWith({
        goalId: 4,
        patch: { measure: 'share', targetInPeriod: 60, shareTargetKind: 'percent', denominatorTarget: null, comparisonValue: 31, comparisonLabel: '', comparisonSource: 'Danmarks Statistik', comparisonYear: 2018 },
      }),
    );
  });

  it("asks a share goal's status for numerator and denominator and sends both", async () => {
    const api = mockApi();
    renderGoals('B', api, (g) => (g.code === 'B1' ? { ...g, measure: 'share', shareTargetKind: 'percent', targetInPeriod: 25 } : g));
    await userEvent.click(screen.getByRole('button', { name: 'Tilføj status B1' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Tæller/ }), '30');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Tilføj status' }));
    expect(within(dialog).getByText('En andel skal have sin nævner (fx "30 af 124").')).toBeTruthy();
    const denominator = within(dialog).getByRole('textbox', { name: /^Nævner/ });
    await userEvent.type(denominator, '12');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Tilføj status' }));
    expect(within(dialog).getByText('Tælleren kan ikke være større end nævneren.')).toBeTruthy();
    expect(api.statusAdd).not.toHaveBeenCalled();
    await userEvent.type(denominator, '4');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Tilføj status' }));
    await waitFor(() => expect(api.statusAdd).toHaveBeenCalledWith(expect.objectContaining({ goalId: 1, value: 30, denominator: 124 })));
  });

  it('shows goals without a round with their latest status and no attainment or light', () => {
    renderGoals('B', mockApi(), (g) => g, false);
    expect(text(screen.getByTestId('goal-status-B1'))).toBe('219 deltagere');
    expect(text(screen.getByTestId('goal-percent-B1'))).toBe('–');
    expect(text(screen.getByTestId('level-average-B'))).toBe('Ingen evalueringsrunde: målopnåelse og trafiklys beregnes i en runde.');
  });
});

const TALENT = {
  projectId: 4,
  costPerParticipantKr: 1995,
  costSource: 'e-bogen, "Business case"',
  savingPerCitizenYearKr: 70344,
  savingSource: '"Den økonomiske gevinst"',
  citizens: null,
  citizensSource: '',
  years: 1,
  yearsSource: 'Første år',
  note: '',
};
const view = (bc: typeof TALENT): BusinessCaseView => ({ businessCase: bc, result: businessCaseResult(bc) });

describe('the business case panel', () => {
  it('shows the inputs with their sources and the results with their formulas, names what a result lacks, and saves an edit', async () => {
    const api = mockApi({
      businessCaseGet: async () => ({ ok: true, value: view(TALENT) }),
      businessCaseSave: async (input) => ({ ok: true, value: view({ ...(input as { fields: typeof TALENT }).fields, projectId: 4 }) }),
    });
    renderWithApp(<BusinessCasePanel projectId={4} />, { api });
    const saving = await screen.findByTestId('bc-result-savingPerCitizenKr');
    expect(text(saving)).toContain('68.349 kr.');
    expect(text(saving)).toContain('Besparelse pr. borger = besparelse pr. borger pr. år × antal år − udgift pr. deltager');
    expect(text(screen.getByTestId('bc-result-totalSavingKr'))).toContain('Mangler: Antal borgere');
    expect(text(screen.getByTestId('bc-input-costPerParticipantKr'))).toContain('1.995 kr.');
    expect(text(screen.getByTestId('bc-input-costPerParticipantKr'))).toContain('e-bogen, "Business case"');

    await userEvent.click(screen.getByRole('button', { name: 'Redigér business case' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Antal borgere' }), '124');
    await userEvent.click(screen.getByRole('button', { name: 'Gem' }));
    expect(screen.getByText('Angiv hvor tallet kommer fra.')).toBeTruthy();
    expect(api.businessCaseSave).not.toHaveBeenCalled();
    await userEvent.type(screen.getByRole('textbox', { name: 'Kilde: Antal borgere' }), 'Boligplacerede');
    await userEvent.click(screen.getByRole('button', { name: 'Gem' }));
    await waitFor(() => expect(api.businessCaseSave).toHaveBeenCalledWith({ projectId: 4, fields: expect.objectContaining({ citizens: 124, citizensSource: 'Boligplacerede', costPerParticipantKr: 1995 }) }));
    expect(text(await screen.findByTestId('bc-result-totalSavingKr'))).toContain('8.475.276 kr.');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Redigér business case' })));
  });
});

describe('the catalogue dialog', () => {
  const file = new File(['kode;navn;enhed;niveau\nEECO01;Samlet antal deltagere;deltagere;output\n'], 'katalog.csv', { type: 'text/csv' });

  it('lists every problem of the file with its line and column and loads nothing', async () => {
    const api = mockApi({
      stageImportFiles: async () => ({ ok: true, value: { paths: ['/tmp/staged/katalog.csv'] } }),
      indicatorCatalogueLoad: async () => ({
        ok: false,
        error: {
          code: 'IMPORT_FAILED',
          message: 'Indikatorkataloget er ikke indlæst (intet er ændret): …',
          issues: [{ path: '3:4', message: 'katalog.csv, linje 3, kolonne 4 (niveau): "ukendt" er ikke et niveau.' }],
        },
      }),
    });
    renderWithApp(<CatalogueModal onClose={vi.fn()} onLoaded={vi.fn()} />, { api });
    await userEvent.upload(screen.getByTestId('catalogue-file-input'), file);
    expect(text(await screen.findByTestId('catalogue-error'))).toContain('katalog.csv, linje 3, kolonne 4 (niveau): "ukendt" er ikke et niveau.');
    expect(api.indicatorCatalogueLoad).toHaveBeenCalledTimes(1);
    expect(api.indicatorCatalogueLoad).toHaveBeenCalledWith({ path: '/tmp/staged/katalog.csv', dryRun: true });
    expect(screen.queryByRole('button', { name: /^Indlæs \d/ })).toBeNull();
  });

  it('previews the dry run and loads only when the user confirms', async () => {
    const row = { id: 0, createdAt: '', code: 'EECO01', name: 'Samlet antal deltagere', unit: 'deltagere', level: 'B' as const, common: true, line: 2, change: 'created' as const };
    const result = (dryRun: boolean): CatalogueLoadResult => ({ file: 'katalog.csv', created: 1, updated: 0, unchanged: 0, indicators: [row], dryRun });
    const onLoaded = vi.fn();
    const api = mockApi({
      stageImportFiles: async () => ({ ok: true, value: { paths: ['/tmp/staged/katalog.csv'] } }),
      indicatorCatalogueLoad: async (input) => ({ ok: true, value: result(Boolean((input as { dryRun?: boolean }).dryRun)) }),
    });
    renderWithApp(<CatalogueModal onClose={vi.fn()} onLoaded={onLoaded} />, { api });
    await userEvent.upload(screen.getByTestId('catalogue-file-input'), file);
    const preview = await screen.findByTestId('catalogue-preview');
    expect(text(preview)).toContain('Prøve af katalog.csv: 1 nye, 0 opdateres, 0 uændrede.');
    expect(text(preview)).toContain('EECO01Samlet antal deltageredeltagereoutputmålNy');
    expect(onLoaded).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Indlæs 1 indikator' }));
    await waitFor(() => expect(api.indicatorCatalogueLoad).toHaveBeenLastCalledWith({ path: '/tmp/staged/katalog.csv' }));
    expect(text(await screen.findByTestId('catalogue-done'))).toContain('katalog.csv er indlæst');
    expect(onLoaded).toHaveBeenCalledTimes(1);
  });
});
