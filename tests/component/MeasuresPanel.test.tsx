import { screen } from '@testing-library/react';
import { vi } from 'vitest';
import type { BusinessCase } from '../../shared/domain';
import { businessCaseResult } from '../../shared/methodology/businessCase';
import { MeasuresPanel } from '../../renderer/src/views/project/MeasuresPanel';
import { ProjectDataContext } from '../../renderer/src/views/project/ProjectData';
import { headstartFixture, mockApi, renderWithApp } from './render';

const text = (el: HTMLElement) => (el.textContent ?? '').replace(/\s/g, ' ');

/** Seed 002's business case ("Den økonomiske gevinst"): no number of citizens. */
const SEED_002: BusinessCase = {
  projectId: 1,
  costPerParticipantKr: 1995,
  costSource: 'Løn til Jens: 10,5 time à 190 kr.',
  savingPerCitizenYearKr: 70344,
  savingSource: 'Den økonomiske gevinst',
  citizens: null,
  citizensSource: 'E-bogen angiver intet antal borgere',
  years: 1,
  yearsSource: 'Det første år',
  note: 'E-bogen trykker "Besparelse pr. borger 68.349 kr.".',
};

/** B1 made seed 002's share "30 af 124", C2 given seed 000's comparison; a round or none. */
function renderPanel(options: { language: 'da' | 'en'; round: boolean; businessCase: BusinessCase | null }) {
  const { project, evaluation } = headstartFixture();
  const goals = project.goals.map((g) =>
    g.code === 'B1'
      ? { ...g, unit: '', measure: 'share' as const, shareTargetKind: 'percent' as const, targetInPeriod: 25 }
      : g.code === 'C2'
        ? { ...g, unit: '%', comparisonValue: 31, comparisonLabel: 'alle internationale dimittender', comparisonSource: 'Danmarks Statistik', comparisonYear: 2018 }
        : g,
  );
  const statusReports = project.statusReports.map((r) => (r.goalId === 1 ? { ...r, value: 30, denominator: 124 } : r.goalId === 4 ? { ...r, value: 68 } : r));
  const bc = options.businessCase;
  const api = mockApi({ businessCaseGet: async () => ({ ok: true, value: bc ? { businessCase: bc, result: businessCaseResult(bc) } : null }) });
  renderWithApp(
    <ProjectDataContext.Provider value={{ project: { ...project, goals, statusReports }, evaluation: options.round ? evaluation : null, reload: vi.fn(async () => {}) }}>
      <MeasuresPanel />
    </ProjectDataContext.Provider>,
    { api, language: options.language },
  );
  return api;
}

describe('the Resumé states shares, comparisons and the business case', () => {
  it('says "30 af 124 (24 %)", "68 % mod 31 % (+37 procentpoint)" and the business case with its formulas', async () => {
    const api = renderPanel({ language: 'da', round: true, businessCase: SEED_002 });
    expect(text(await screen.findByTestId('resume-business-case-savingPerCitizenKr'))).toContain('68.349 kr.');
    expect(api.businessCaseGet).toHaveBeenCalledWith({ projectId: 1 });
    expect(text(screen.getByTestId('resume-share-B1'))).toBe('B1: Antal deltagere: 30 af 124 (24 %)');
    expect(text(screen.getByTestId('resume-comparison-C2'))).toBe(
      'C2: Internationale studenter i job: 68 % mod 31 % (+37 procentpoint), kilde: Danmarks Statistik 2018 (alle internationale dimittender)',
    );
    expect(text(screen.getByTestId('resume-business-case-savingPerCitizenKr'))).toContain('Besparelse pr. borger = besparelse pr. borger pr. år × antal år − udgift pr. deltager');
    expect(text(screen.getByTestId('resume-business-case-paybackYears'))).toContain('0,03');
    expect(text(screen.getByTestId('resume-business-case-totalSavingKr'))).toContain('Kan ikke beregnes, mangler: Antal borgere');
    expect(text(screen.getByTestId('resume-business-case-inputs'))).toContain('Løn til Jens');
    expect(screen.getByTestId('resume-measures').textContent).toContain('Status pr. evalueringsdatoen 02.12.2022.');
  });

  it('shows them without a round too, with the latest statuses, and in English', async () => {
    renderPanel({ language: 'en', round: false, businessCase: SEED_002 });
    expect(text(await screen.findByTestId('resume-business-case-totalSavingKr'))).toContain('Cannot be computed, missing: Number of citizens');
    expect(text(screen.getByTestId('resume-share-B1'))).toBe('B1: Antal deltagere: 30 of 124 (24%)');
    expect(screen.getByTestId('resume-measures').textContent).toContain('the project has no evaluation round yet');
  });

  it('shows nothing for a project without shares, comparisons or business case', async () => {
    const { project, evaluation } = headstartFixture();
    const api = mockApi({ businessCaseGet: async () => ({ ok: true, value: null }) });
    renderWithApp(
      <ProjectDataContext.Provider value={{ project, evaluation, reload: vi.fn(async () => {}) }}>
        <MeasuresPanel />
      </ProjectDataContext.Provider>,
      { api },
    );
    await vi.waitFor(() => expect(api.businessCaseGet).toHaveBeenCalled());
    expect(screen.queryByTestId('resume-measures')).toBeNull();
  });
});
