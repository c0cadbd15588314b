import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import type { ImportPreview, ItemDiff } from '../../shared/import/items';
import { danish, msg, type Msg } from '../../shared/import/notes';
import { ErrorAlert, ImportWizard } from '../../renderer/src/views/import/ImportWizard';
import { PreviewStep, type ImportTarget } from '../../renderer/src/views/import/PreviewStep';
import { headstartFixture, mockApi, renderWithApp } from './render';

/** A diff entry as main makes it: the Danish texts from the same keyed messages. */
function diffEntry(itemId: string, change: ItemDiff['change'], notes: Msg[], before: Msg[] | null = null, after: Msg[] | null = null, selected?: boolean): ItemDiff {
  return {
    itemId,
    change,
    overwrites: change === 'changed',
    note: danish(notes),
    before: before && danish(before, '; '),
    after: after && danish(after, '; '),
    noteMsgs: notes,
    beforeMsgs: before,
    afterMsgs: after,
    selectedByDefault: selected ?? ['new', 'changed', 'blocked'].includes(change),
  };
}

/** A preview as main answers it for a status workbook read against Headstart. */
function headstartPreview(): ImportPreview {
  return {
    files: [{ file: 'status.xlsx', format: 'xlsx', kind: 'statusReport', kindLabel: 'Statusrapport (skabelon)', itemIds: ['f1-1', 'f1-2', 'f1-3', 'f1-4'] }],
    items: [
      {
        id: 'f1-1',
        type: 'goal',
        level: 'B',
        code: 'B1',
        description: 'Antal deltagere',
        unit: 'deltagere',
        targetInPeriod: 256,
        targetAfterPeriod: null,
        codeSuggested: false,
        source: { file: 'status.xlsx', location: "Ark 'Mål', række 5" },
      },
      {
        id: 'f1-2',
        type: 'status',
        code: 'B1',
        value: 240,
        reportedAt: null,
        reportedBy: 'Bevillingsmodtager',
        printedPercent: null,
        computedPercent: 94,
        source: { file: 'status.xlsx', location: "Ark 'Mål', celle D5" },
      },
      {
        id: 'f1-3',
        type: 'status',
        code: 'B2',
        value: 90,
        reportedAt: '2023-01-15',
        reportedBy: 'Bevillingsmodtager',
        printedPercent: null,
        computedPercent: 100,
        source: { file: 'status.xlsx', location: "Ark 'Mål', celle D6" },
      },
      {
        id: 'f1-4',
        type: 'budgetLine',
        costType: 'Løn',
        year: 2023,
        amountKr: 1500,
        percentOfDirect: null,
        source: { file: 'status.xlsx', location: "Ark 'Budget', celle C4" },
      },
    ],
    issues: [{ severity: 'warning', file: 'status.xlsx', location: "Ark 'Mål', celle E5", message: 'B1: dato mangler; udfyld den før status kan gemmes.', itemId: 'f1-2' }],
    diff: [
      diffEntry('f1-1', 'unchanged', [msg('goalUnchanged', { code: 'B1' })]),
      diffEntry('f1-2', 'blocked', [msg('statusNoDate', { code: 'B1' })]),
      diffEntry('f1-3', 'new', [msg('statusNew', { code: 'B2' })], null, [msg('valueStatus', { value: 90, date: '2023-01-15' })]),
      diffEntry('f1-4', 'new', [msg('budgetLineNew')], null, [msg('valueBudgetLine', { costType: 'Løn', year: 2023, amount: 1500 })]),
    ],
    projectId: 1,
    projectName: 'Tiltrækning af talent (Headstart)',
    evaluationId: 1,
    canApply: true,
  };
}

function renderPreview(language: 'da' | 'en' = 'da', preview: ImportPreview = headstartPreview()) {
  const { project } = headstartFixture();
  const onApply = vi.fn();
  const onTargetChange = vi.fn();
  const target: ImportTarget = { mode: 'this', projectId: 1, newName: '' };
  renderWithApp(
    <PreviewStep
      preview={preview}
      project={project}
      target={target}
      thisProject={{ id: 1, name: project.project.name }}
      projects={[{ id: 1, name: project.project.name }]}
      onTargetChange={onTargetChange}
      onApply={onApply}
    />,
    { api: mockApi(), language },
  );
  return { onApply, onTargetChange };
}

const text = (el: HTMLElement) => (el.textContent ?? '').replace(/\s/g, ' ');

describe('the import preview', () => {
  it('lists every item with its place, grouped by type, with the change and the attainment before and after', () => {
    renderPreview();
    expect(within(screen.getByTestId('import-item-f1-2')).getByText("Ark 'Mål', celle D5")).toBeTruthy();
    expect(within(screen.getByTestId('import-item-f1-4')).getByText("Ark 'Budget', celle C4")).toBeTruthy();
    expect(within(screen.getByTestId('import-group-goal')).getByText('Mål (1)')).toBeTruthy();
    expect(within(screen.getByTestId('import-group-status')).getByText('Status (2)')).toBeTruthy();
    expect(text(screen.getByTestId('import-change-f1-1'))).toBe('Uændret');
    expect(text(screen.getByTestId('import-change-f1-2'))).toBe('Mangler data');
    expect(text(screen.getByTestId('import-change-f1-3'))).toBe('Ny');
    // B2 in the fixture: 87 / 90 = 97 %; the report says 90 -> 100 %.
    expect(text(screen.getByTestId('import-percent-f1-3'))).toMatch(/97 %.*100 %/);
    expect(text(screen.getByTestId('import-issues'))).toContain("status.xlsx, Ark 'Mål', celle E5: B1: dato mangler");
    // The number field shows the amount in Danish.
    expect((screen.getByRole('textbox', { name: 'Løn 2023 Beløb (kr.)' }) as HTMLInputElement).value).toBe('1.500');
  });

  it('deselects unchanged items; a blocked status needs its date before Importér is enabled; only the selected items are sent', async () => {
    const user = userEvent.setup();
    const { onApply } = renderPreview();
    const unchanged = screen.getByRole('checkbox', { name: /^Medtag B1 Antal deltagere/ }) as HTMLInputElement;
    expect(unchanged.checked).toBe(false);
    expect((screen.getByRole('checkbox', { name: /^Medtag Status B1/ }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByTestId('import-selected-count').textContent).toBe('3 af 4 punkter valgt');

    const apply = screen.getByRole('button', { name: 'Importér' });
    expect((apply as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('import-blockers').textContent).toContain('1 punkt mangler data');
    await user.click(apply);
    expect(onApply).not.toHaveBeenCalled();

    const date = screen.getByRole('textbox', { name: 'Status B1 Dato' });
    await user.type(date, '31.02.2023');
    expect(screen.getByText('Skriv en dato som dd.mm.åååå.')).toBeTruthy();
    expect((apply as HTMLButtonElement).disabled).toBe(true);
    await user.clear(date);
    await user.type(date, '15.01.2023');
    await waitFor(() => expect((apply as HTMLButtonElement).disabled).toBe(false));
    expect(text(screen.getByTestId('import-change-f1-2'))).toBe('Ny');

    // Correct the amount (Danish number) and leave B2 out.
    const amount = screen.getByRole('textbox', { name: 'Løn 2023 Beløb (kr.)' });
    await user.clear(amount);
    await user.type(amount, '1.750,5');
    await user.click(screen.getByRole('checkbox', { name: /^Medtag Status B2/ }));
    expect(screen.getByTestId('import-selected-count').textContent).toBe('2 af 4 punkter valgt');
    await user.click(apply);

    expect(onApply).toHaveBeenCalledTimes(1);
    const request = onApply.mock.calls[0][0];
    expect(request.projectId).toBe(1);
    expect(request.evaluationId).toBe(1);
    expect(request.items.map((i: { id: string }) => i.id)).toEqual(['f1-2', 'f1-4']);
    expect(request.items[0]).toMatchObject({ type: 'status', code: 'B1', value: 240, reportedAt: '2023-01-15' });
    expect(request.items[1]).toMatchObject({ type: 'budgetLine', amountKr: 1750.5 });
  });

  it('offers a change that needs a choice unselected, with the reason, until the user ticks it', async () => {
    const user = userEvent.setup();
    const preview = headstartPreview();
    preview.diff[0] = diffEntry(
      'f1-1',
      'changed',
      [msg('goalRecipientDiffers', { code: 'B1' })],
      [msg('valueDescription', { text: 'Antal deltagere i forløb' })],
      [msg('valueDescription', { text: 'Antal deltagere' })],
      false,
    );
    renderPreview('da', preview);
    const goal = screen.getByRole('checkbox', { name: /^Medtag B1 Antal deltagere/ }) as HTMLInputElement;
    expect(goal.checked).toBe(false);
    expect(text(screen.getByTestId('import-change-f1-1'))).toBe('Ændret');
    expect(text(screen.getByTestId('import-item-f1-1'))).toContain('projektets mål bevares, medmindre du vælger punktet');
    expect(screen.getByTestId('import-selected-count').textContent).toBe('3 af 4 punkter valgt');
    await user.click(goal);
    expect(screen.getByTestId('import-selected-count').textContent).toBe('4 af 4 punkter valgt');
  });

  it('reads corrected numbers the English way in English', async () => {
    const user = userEvent.setup();
    const { onApply } = renderPreview('en');
    expect((screen.getByRole('textbox', { name: 'Løn 2023 Amount (DKK)' }) as HTMLInputElement).value).toBe('1,500');
    // Main's notes in English, numbers and dates the English way.
    expect(text(screen.getByTestId('import-item-f1-4'))).toContain('Løn 2023: DKK 1,500');
    expect(text(screen.getByTestId('import-item-f1-4'))).toContain('New budget line.');
    expect(text(screen.getByTestId('import-item-f1-2'))).toContain('The status of B1 has no reporting date; fill it in to save it.');
    expect(text(screen.getByTestId('import-item-f1-2'))).not.toContain('rapporteringsdato');
    await user.click(screen.getByRole('checkbox', { name: /^Include Status B1/ }));
    const amount = screen.getByRole('textbox', { name: 'Løn 2023 Amount (DKK)' });
    await user.clear(amount);
    await user.type(amount, '3,8');
    expect(screen.getByText(/Enter a number/)).toBeTruthy();
    await user.clear(amount);
    await user.type(amount, '2,000.25');
    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(onApply.mock.calls[0][0].items.map((i: { id: string }) => i.id)).toEqual(['f1-3', 'f1-4']);
    expect(onApply.mock.calls[0][0].items[1].amountKr).toBe(2000.25);
  });
});

describe('the import wizard', () => {
  it('stages a picked file, shows its kind, and keeps everything when the import fails', async () => {
    const user = userEvent.setup();
    const preview = headstartPreview();
    preview.items[1] = { ...preview.items[1], reportedAt: '2023-01-15' } as ImportPreview['items'][number];
    preview.diff[1] = { ...preview.diff[1], change: 'new' };
    const { project } = headstartFixture();
    const api = mockApi({
      portfolioSummaries: async () => ({ ok: true, value: [] }),
      stageImportFiles: async () => ({ ok: true, value: { paths: ['/tmp/staged/status.xlsx'] } }),
      importPreview: async () => ({ ok: true, value: preview }),
      projectGet: async () => ({ ok: true, value: project }),
      importApply: async () => ({ ok: false, error: { code: 'IMPORT_FAILED', message: "Importen er ikke gemt:\nstatus.xlsx, Ark 'Mål', celle D5: tekst i en talcelle." } }),
    });
    const onImported = vi.fn();
    renderWithApp(<ImportWizard opened onClose={() => {}} project={{ id: 1, name: 'Headstart', evaluationId: 1 }} onImported={onImported} />, { api, language: 'en' });
    const input = screen.getByTestId('import-file-input') as HTMLInputElement;
    await user.upload(input, new File(['PK'], 'status.xlsx'));
    await waitFor(() => expect(text(screen.getByTestId('import-file-row-status.xlsx'))).toContain('Status report (template)'));
    expect(api.stageImportFiles).toHaveBeenCalledWith({ files: [{ name: 'status.xlsx', dataBase64: 'UEs=' }] });
    expect(api.importPreview.mock.calls[0][0]).toMatchObject({ paths: ['/tmp/staged/status.xlsx'], projectId: 1, evaluationId: 1 });

    await user.click(screen.getByRole('button', { name: 'Continue to preview' }));
    await user.click(screen.getByRole('button', { name: 'Import' }));
    const alert = await screen.findByTestId('import-error');
    // English message, the Danish server text (with the place) as detail.
    expect(text(alert)).toContain('The import failed; nothing was saved.');
    expect(text(alert)).toContain("celle D5: tekst i en talcelle");
    expect(onImported).not.toHaveBeenCalled();
    // The preview and the selection are still there.
    expect(screen.getByTestId('import-selected-count').textContent).toBe('3 of 4 items selected');
  });
});

describe('errors in English', () => {
  it('shows the translated message of a known code with the Danish text as detail', () => {
    renderWithApp(<ErrorAlert error={{ code: 'VALIDATION', message: 'Ugyldigt input: navn mangler.', issues: [{ path: 'facts.name', message: 'Påkrævet' }] }} />, {
      api: mockApi(),
      language: 'en',
    });
    const alert = screen.getByTestId('import-error');
    expect(text(alert)).toContain('Invalid input in the field facts.name.');
    expect(text(alert)).toContain('Details (Danish): Ugyldigt input: navn mangler.');
  });
});
