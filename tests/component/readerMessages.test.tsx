import { basisOf, emptyState } from '../../shared/import/diff';
import { DEFAULT_PROFILE } from '../../shared/methodology';
import { screen, within } from '@testing-library/react';
import { vi } from 'vitest';
import type { ImportPreview } from '../../shared/import/items';
import { readerDanish, readerMsg } from '../../shared/import/readerNotes';
import { GoalTable } from '../../renderer/src/views/project/GoalTable';
import { PreviewStep } from '../../renderer/src/views/import/PreviewStep';
import { headstartFixture, mockApi, renderWithApp } from './render';

/** Issue 10, point 9: the readers' messages and places in the UI's language; Danish as stored. */
const text = (el: HTMLElement) => (el.textContent ?? '').replace(/\s/g, ' ');

function preview(): ImportPreview {
  const warning = readerMsg('statusNotReported', { code: 'B2', text: '-' });
  const skipped = readerMsg('rowsSkipped', { count: 2, placeRows: 'række 7-8', text: 'Note: foreløbige tal', termKey: 'keyCode' });
  return {
    files: [{ file: 'status.xlsx', format: 'xlsx', kind: 'statusReport', kindLabel: 'Statusrapport (skabelon)', itemIds: ['f1-1'] }],
    items: [
      {
        id: 'f1-1',
        type: 'goal',
        level: 'B',
        code: 'B2',
        description: 'Antal virksomheder',
        unit: '',
        targetInPeriod: 22,
        targetAfterPeriod: null,
        codeSuggested: false,
        source: { file: 'status.xlsx', location: "Ark 'Mål', række 5" },
      },
    ],
    issues: [
      { severity: 'warning', file: 'status.xlsx', location: "Ark 'Mål', celle D5", message: readerDanish(warning), msg: warning },
      { severity: 'warning', file: 'status.xlsx', location: "Ark 'Mål', række 7-8", message: readerDanish(skipped), msg: skipped },
    ],
    diff: [],
    projectId: 1,
    projectName: 'Tiltrækning af talent (Headstart)',
    evaluationId: 1,
    canApply: true,
    basis: basisOf(emptyState(DEFAULT_PROFILE)),
  };
}

function renderPreview(language: 'da' | 'en') {
  const { project } = headstartFixture();
  renderWithApp(
    <PreviewStep
      preview={preview()}
      target={{ mode: 'this', projectId: 1, newName: '' }}
      thisProject={{ id: 1, name: project.project.name }}
      projects={[{ id: 1, name: project.project.name }]}
      onTargetChange={vi.fn()}
      onApply={vi.fn()}
    />,
    { api: mockApi(), language },
  );
}

describe("the file readers' messages in the UI", () => {
  it('Danish: as the reader wrote them', () => {
    renderPreview('da');
    const issues = text(screen.getByTestId('import-issues'));
    expect(issues).toContain(`status.xlsx, Ark 'Mål', celle D5: B2: status er angivet som "-" (ikke opgjort)`);
    expect(issues).toContain(`status.xlsx, Ark 'Mål', række 7-8: 2 rækker (række 7-8) er ikke læst`);
    expect(within(screen.getByTestId('import-place-f1-1')).getByText("Ark 'Mål', række 5")).toBeTruthy();
  });

  it('English: messages, numbers and places in English, sheet names as they are', () => {
    renderPreview('en');
    const issues = text(screen.getByTestId('import-issues'));
    expect(issues).toContain(`status.xlsx, Sheet 'Mål', cell D5: B2: the status is given as "-" (not reported); no status is saved`);
    expect(issues).toContain(`status.xlsx, Sheet 'Mål', row 7-8: 2 rows (row 7-8) were not read`);
    expect(issues).not.toMatch(/celle|række|ikke læst/);
    expect(within(screen.getByTestId('import-place-f1-1')).getByText("Sheet 'Mål', row 5")).toBeTruthy();
  });

  it("a goal's stored Danish provenance is shown in English in the English UI", () => {
    const { project, evaluation } = headstartFixture();
    project.statusReports = project.statusReports.map((r) => ({ ...r, source: { file: 'statusrapport.xlsx', location: "Ark 'Mål', celle D5" } }));
    renderWithApp(
      <GoalTable projectId={1} level="B" goals={project.goals.filter((g) => g.level === 'B')} result={evaluation.summary.levels.B} statusReports={project.statusReports} evaluationDate="2022-12-02" period={{ start: '2019-01-01', end: '2022-12-31' }} indicators={[]} suggestions={[]} onChanged={vi.fn(async () => {})} />,
      { api: mockApi(), language: 'en' },
    );
    expect(within(screen.getByTestId('goal-B1')).getByText((_, el) => el?.tagName === 'SPAN' && el.textContent === "statusrapport.xlsx, Sheet 'Mål', cell D5")).toBeTruthy();
  });
});
