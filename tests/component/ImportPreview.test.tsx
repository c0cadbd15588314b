import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import type { ImportBasis, ImportItem, ImportPreview, ItemDiff } from '../../shared/import/items';
import { basisOf, emptyState } from '../../shared/import/diff';
import { danish, msg, type Msg } from '../../shared/import/notes';
import { DEFAULT_PROFILE } from '../../shared/methodology';
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

/** What main sends along about Headstart: its goals and statuses, and the round of 02.12.2022. */
function headstartBasis(roundDate = '2022-12-02'): ImportBasis {
  const { project, evaluation } = headstartFixture();
  return basisOf({
    ...emptyState(DEFAULT_PROFILE),
    project: project.project,
    goals: project.goals,
    statusReports: project.statusReports,
    evaluation: { ...evaluation.evaluation, date: roundDate },
  });
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
    basis: headstartBasis(),
  };
}

function renderPreview(language: 'da' | 'en' = 'da', preview: ImportPreview = headstartPreview(), target: ImportTarget = { mode: 'this', projectId: 1, newName: '' }) {
  const { project } = headstartFixture();
  const onApply = vi.fn();
  const onTargetChange = vi.fn();
  renderWithApp(
    <PreviewStep
      preview={preview}
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
    // B2 in the fixture: 87 / 90 = 97 %; the report says 90 (100 %), but dated after the round of
    // 02.12.2022: the round keeps 97 %, a later round would show 100 %.
    expect(text(screen.getByTestId('import-percent-f1-3'))).toBe(
      'Dateret efter evalueringsrunden pr. 02.12.2022: gemmes som historik; målopnåelsen i runden er uændret (97 %); fra en senere runde 100 %.',
    );
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

/** A status item of status.xlsx. */
function statusItem(id: string, code: string, value: number, reportedAt: string | null, row: number): ImportItem {
  return { id, type: 'status', code, value, reportedAt, reportedBy: 'Bevillingsmodtager', printedPercent: null, computedPercent: null, source: { file: 'status.xlsx', location: `Ark 'Mål', celle D${row}` } };
}

/** A preview of statuses only, each new, against Headstart (round 02.12.2022). */
function statusPreview(items: ImportItem[], basis = headstartBasis()): ImportPreview {
  return {
    files: [{ file: 'status.xlsx', format: 'xlsx', kind: 'statusReport', kindLabel: 'Statusrapport (skabelon)', itemIds: items.map((i) => i.id) }],
    items,
    issues: [],
    diff: items.map((i) =>
      i.type === 'status' && i.reportedAt === null ? diffEntry(i.id, 'blocked', [msg('statusNoDate', { code: i.code })]) : diffEntry(i.id, 'new', [msg('statusNew', { code: i.type === 'status' ? i.code : '' })]),
    ),
    projectId: 1,
    projectName: 'Tiltrækning af talent (Headstart)',
    evaluationId: 1,
    canApply: true,
    basis,
  };
}

describe('the preview says what the import will do (the engine, with the status in force at the round)', () => {
  it('an older status is stored as history and changes nothing; one dated in the round shows before -> after; a correction is weighed again', async () => {
    const user = userEvent.setup();
    renderPreview(
      'da',
      statusPreview([statusItem('f1-1', 'B4', 19000, '2022-11-01', 5), statusItem('f1-2', 'B2', 95, '2022-12-02', 6)]),
    );
    // B4 holds 19.037 per 02.12.2022 (the round's date): a report of 01.11.2022 is older.
    expect(text(screen.getByTestId('import-percent-f1-1'))).toBe('Ældre end status i kraft (19.037 pr. 02.12.2022): gemmes som historik; målopnåelsen er uændret (100 %).');
    // B2: a second report of the round's date is the one in force: 87/90 = 97 % -> 95/90 = 106 %.
    expect(text(screen.getByTestId('import-percent-f1-2'))).toMatch(/^Målopnåelse: 97 %.*106 %$/);
    // Corrected to 9.519 per 02.12.2022, B4's report becomes the one in force: 9.519 / 19.037 = 50 %.
    const value = screen.getByRole('textbox', { name: 'Status B4 Værdi' });
    await user.clear(value);
    await user.type(value, '9.519');
    const date = screen.getByRole('textbox', { name: 'Status B4 Dato' });
    await user.clear(date);
    await user.type(date, '02.12.2022');
    await waitFor(() => expect(text(screen.getByTestId('import-percent-f1-1'))).toMatch(/^Målopnåelse: 100 %.*50 %$/));
  });

  it('in English too, with the engine\'s figures', () => {
    renderPreview('en', statusPreview([statusItem('f1-1', 'B4', 19000, '2022-11-01', 5)]));
    expect(text(screen.getByTestId('import-percent-f1-1'))).toBe('Older than the status in force (19,037 as of 2 Dec 2022): stored as history; attainment unchanged (100%).');
  });
});

describe('one bad item does not block the rest', () => {
  it('an item with an error is deselected and the rest imports; a corrected figure is checked again', async () => {
    const user = userEvent.setup();
    const bad = statusItem('f1-1', 'B1', -5, '2022-12-02', 5);
    const preview = statusPreview([bad, statusItem('f1-2', 'B2', 88, '2022-12-02', 6)]);
    // As main makes it: the figure check's error on the item, which is blocked.
    const m = msg('figureNegativeGoal', { field: 'status', code: 'B1', value: -5 });
    preview.issues = [{ severity: 'error', file: 'status.xlsx', location: "Ark 'Mål', celle D5", message: danish([m]), itemId: 'f1-1', msg: m }];
    preview.diff[0] = diffEntry('f1-1', 'blocked', [msg('itemInvalid'), msg('statusNew', { code: 'B1' })]);
    preview.canApply = false;
    const { onApply } = renderPreview('da', preview);
    expect(text(screen.getByTestId('import-item-f1-1'))).toContain('Status for B1: −5 er negativt; negative mål og statusser kræver et mål, hvor lavere er bedre, med en baseline.');
    const apply = screen.getByRole('button', { name: 'Importér' }) as HTMLButtonElement;
    expect(apply.disabled).toBe(true);
    expect(screen.getByTestId('import-blockers').textContent).toContain('1 valgt punkt har en fejl: ret det, eller fravælg det.');

    await user.click(screen.getByRole('checkbox', { name: /^Medtag Status B1/ }));
    await waitFor(() => expect(apply.disabled).toBe(false));
    await user.click(apply);
    expect(onApply.mock.calls[0][0].items.map((i: { id: string }) => i.id)).toEqual(['f1-2']);

    // Taken again and corrected: the same check as main's clears the error.
    await user.click(screen.getByRole('checkbox', { name: /^Medtag Status B1/ }));
    expect(apply.disabled).toBe(true);
    const value = screen.getByRole('textbox', { name: 'Status B1 Værdi' });
    await user.clear(value);
    await user.type(value, '5');
    await waitFor(() => expect(apply.disabled).toBe(false));
    expect(text(screen.getByTestId('import-item-f1-1'))).not.toContain('negativt');
    expect(text(screen.getByTestId('import-change-f1-1'))).toBe('Ny');
    await user.click(apply);
    expect(onApply.mock.calls[1][0].items.map((i: { id: string; value: number }) => [i.id, i.value])).toEqual([
      ['f1-1', 5],
      ['f1-2', 88],
    ]);
  });

  it('a place that gave no item is left out only when the user says so', async () => {
    const user = userEvent.setup();
    const preview = statusPreview([statusItem('f1-1', 'B2', 88, '2022-12-02', 6)]);
    preview.issues = [{ severity: 'error', file: 'status.xlsx', location: "Ark 'Mål', celle D7", message: 'B3: status: "ca. 40" er ikke et tal.' }];
    preview.canApply = false;
    const { onApply } = renderPreview('da', preview);
    const apply = screen.getByRole('button', { name: 'Importér' }) as HTMLButtonElement;
    expect(apply.disabled).toBe(true);
    expect(screen.getByTestId('import-blockers').textContent).toContain('Noget i filerne kan ikke læses (1 sted)');
    await user.click(screen.getByRole('checkbox', { name: 'Udelad det, der ikke kan læses (1 sted), og importér resten' }));
    await waitFor(() => expect(apply.disabled).toBe(false));
    await user.click(apply);
    expect(onApply.mock.calls[0][0].items.map((i: { id: string }) => i.id)).toEqual(['f1-1']);
  });
});

describe('a report into a new project', () => {
  /** A report without dates, previewed against nothing: goals, undated statuses, budget and time. */
  function newProjectPreview(): ImportPreview {
    const src = (location: string) => ({ file: 'rapport.pdf', location });
    const items: ImportItem[] = [
      { id: 'f1-1', type: 'goal', level: 'B', code: 'B1', description: 'Antal deltagere', unit: '', targetInPeriod: 100, targetAfterPeriod: null, codeSuggested: false, source: src('side 1, linje 10') },
      { id: 'f1-2', type: 'status', code: 'B1', value: 40, reportedAt: null, reportedBy: '', printedPercent: 40, computedPercent: 40, source: src('side 1, linje 10') },
      { id: 'f1-3', type: 'goal', level: 'B', code: 'B2', description: 'Antal virksomheder', unit: '', targetInPeriod: 20, targetAfterPeriod: null, codeSuggested: false, source: src('side 1, linje 11') },
      { id: 'f1-4', type: 'status', code: 'B2', value: 5, reportedAt: null, reportedBy: '', printedPercent: 25, computedPercent: 25, source: src('side 1, linje 11') },
      { id: 'f1-5', type: 'progress', budgetSpentKr: 1_000_000, budgetTotalKr: 4_000_000, monthsElapsed: 12, monthsTotal: 36, reportedAt: null, reportedBy: '', source: src('side 2, linje 3') },
    ];
    return {
      files: [{ file: 'rapport.pdf', format: 'pdf', kind: 'evaluationReport', kindLabel: 'Evalueringsrapport', itemIds: items.map((i) => i.id) }],
      items,
      issues: [],
      diff: [
        diffEntry('f1-1', 'new', [msg('goalNew', { code: 'B1' })]),
        diffEntry('f1-2', 'blocked', [msg('statusNoDate', { code: 'B1' })]),
        diffEntry('f1-3', 'new', [msg('goalNew', { code: 'B2' })]),
        diffEntry('f1-4', 'blocked', [msg('statusNoDate', { code: 'B2' })]),
        diffEntry('f1-5', 'new', [msg('progressNewRound')]),
      ],
      projectId: null,
      projectName: 'Nyt projekt',
      evaluationId: null,
      canApply: true,
      basis: basisOf(emptyState(DEFAULT_PROFILE)),
    };
  }

  it('asks one date for the undated statuses of the file (the item\'s own first) and the new round\'s type and date, never today', async () => {
    const user = userEvent.setup();
    const { onApply } = renderPreview('da', newProjectPreview(), { mode: 'new', projectId: null, newName: 'Nyt projekt' });
    const apply = screen.getByRole('button', { name: 'Importér' }) as HTMLButtonElement;
    const blockers = () => screen.getByTestId('import-blockers').textContent ?? '';
    expect(blockers()).toContain('2 punkter mangler data');
    expect(blockers()).toContain('Vælg typen af den nye evalueringsrunde.');
    expect(blockers()).toContain('Angiv datoen for den nye evalueringsrunde.');
    const round = screen.getByTestId('import-new-evaluation');
    const roundDate = within(round).getByRole('textbox', { name: 'Evalueringsdato' }) as HTMLInputElement;
    expect(roundDate.value).toBe('');

    await user.type(within(screen.getByTestId('import-file-date-rapport.pdf')).getByRole('textbox'), '30.06.2025');
    await waitFor(() => expect(blockers()).not.toContain('mangler data'));
    // The round's date is proposed from the date given, in the field, for the user to see.
    expect(roundDate.value).toBe('30.06.2025');
    // B1 has no target problem: 40 / 100 = 40 %, from nothing before.
    expect(text(screen.getByTestId('import-percent-f1-2'))).toMatch(/^Målopnåelse: –.*40 %$/);
    await user.type(screen.getByRole('textbox', { name: 'Status B2 Dato' }), '01.06.2025');

    await user.click(within(round).getByPlaceholderText('Vælg type'));
    await user.click(await screen.findByRole('option', { name: 'Midtvejsevaluering' }));
    await waitFor(() => expect(apply.disabled).toBe(false));
    await user.click(apply);
    const request = onApply.mock.calls[0][0];
    expect(request).toMatchObject({ projectId: null, newProjectName: 'Nyt projekt', newEvaluation: { type: 'midterm', date: '2025-06-30' } });
    expect(request.items.filter((i: ImportItem) => i.type === 'status').map((i: { code: string; reportedAt: string }) => [i.code, i.reportedAt])).toEqual([
      ['B1', '2025-06-30'],
      ['B2', '2025-06-01'],
    ]);
  });

  it('a name that another project has is refused before anything is sent', () => {
    renderPreview('da', newProjectPreview(), { mode: 'new', projectId: null, newName: 'tiltrækning af talent (headstart)' });
    expect(screen.getByTestId('import-blockers').textContent).toContain('Der findes allerede et projekt med navnet "tiltrækning af talent (headstart)"');
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
      projectNames: async () => ({ ok: true, value: [] }),
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

describe('the import wizard: a new project', () => {
  it('switching "Importér til" to a new project previews against nothing, whatever project has the files\' name', async () => {
    const user = userEvent.setup();
    const againstHeadstart = headstartPreview();
    const againstNothing: ImportPreview = { ...headstartPreview(), projectId: null, evaluationId: null, basis: basisOf(emptyState(DEFAULT_PROFILE)) };
    againstNothing.diff = againstNothing.diff.map((d) => ({ ...d, change: d.change === 'blocked' ? 'blocked' : 'new', selectedByDefault: true }));
    const api = mockApi({
      projectNames: async () => ({ ok: true, value: [{ projectId: 1, name: 'Tiltrækning af talent (Headstart)' }] }),
      stageImportFiles: async () => ({ ok: true, value: { paths: ['/tmp/staged/status.xlsx'] } }),
      importPreview: async (input) => ({ ok: true, value: (input as { newProject?: boolean }).newProject ? againstNothing : againstHeadstart }),
    });
    renderWithApp(<ImportWizard opened onClose={() => {}} project={{ id: 1, name: 'Headstart', evaluationId: 1 }} onImported={() => {}} />, { api });
    await user.upload(screen.getByTestId('import-file-input') as HTMLInputElement, new File(['PK'], 'status.xlsx'));
    await user.click(await screen.findByRole('button', { name: 'Videre til forhåndsvisning' }));
    expect(text(screen.getByTestId('import-change-f1-1'))).toBe('Uændret');
    await user.click(screen.getByRole('radio', { name: 'Et nyt projekt' }));
    await waitFor(() => expect(api.importPreview).toHaveBeenCalledTimes(2));
    const input = api.importPreview.mock.calls[1][0];
    expect(input).toMatchObject({ newProject: true });
    expect(input.projectId).toBeUndefined();
    await waitFor(() => expect(text(screen.getByTestId('import-change-f1-1'))).toBe('Ny'));
    // The files name no project: a name is asked (not the compared project's); a taken one is refused.
    expect(screen.getByTestId('import-blockers').textContent).toContain('Giv det nye projekt et navn.');
    await user.type(screen.getByRole('textbox', { name: /Navn på det nye projekt/ }), 'Tiltrækning af talent (Headstart)');
    expect(screen.getByTestId('import-blockers').textContent).toContain('Der findes allerede et projekt med navnet');
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
