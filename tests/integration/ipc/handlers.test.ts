import { contracts } from '../../../shared/contracts';
import { callChannel, createHandlers } from '../../../electron/ipc/handlers';
import { headlessHost } from '../../../electron/ipc/host';
import { roundHalfUp } from '../../../shared/methodology/rounding';
import { describeEngines } from '../../helpers/engines';
import { handlerTableFixture } from '../../helpers/handlerTable';

const { fx } = handlerTableFixture('ipc', { demo: true, user: 'tester' });

async function headstart() {
  const rows = await callChannel(fx.table, 'portfolioSummaries', {});
  if (!rows.ok) throw new Error(rows.error.message);
  const row = rows.value.find((r) => r.name.includes('Headstart'))!;
  return row;
}

describeEngines('handler table', () => {
  it('has exactly one handler per contract channel', () => {
    expect(Object.keys(fx.table).sort()).toEqual(Object.values(contracts).map((c) => c.channel).sort());
  });

  it.each(Object.entries(contracts))('%s rejects a malformed payload with VALIDATION and changes nothing', async (_name, contract) => {
    const before = await fx.services.store.dataDigest();
    for (const payload of ['text', 42, [1, 2], { bogus: true, projectId: 'one', evaluationId: -1, id: 0 }]) {
      const result = await fx.table[contract.channel](payload);
      expect(result.ok, `${contract.channel} accepted ${JSON.stringify(payload)}`).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('VALIDATION');
        expect(result.error.message).toContain(contract.channel);
      }
    }
    expect(await fx.services.store.dataDigest()).toBe(before);
  });

  it('answers a missing project as NOT_FOUND data, not an exception', async () => {
    const result = await callChannel(fx.table, 'projectGet', { projectId: 9999 });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses scores outside 1-5 and non-integers', async () => {
    const row = await headstart();
    for (const score of [0, 6, 3.5]) {
      const result = await fx.table['score:set']({ evaluationId: row.evaluationId, parameter: 1, score });
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    const text = await fx.table['score:set']({ evaluationId: row.evaluationId, parameter: 1, score: 'fire' });
    expect(text).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('changes the average and light when a score changes, and audits it', async () => {
    const row = await headstart();
    expect(row.implementation).toEqual({ score: 3.8, light: 'green', scored: 6 });
    const set = await callChannel(fx.table, 'scoreSet', { evaluationId: row.evaluationId!, parameter: 1, score: 1 });
    expect(set.ok).toBe(true);
    // 1,4,4,4,4,3 -> 20/6 = 3.33 -> 3.3 -> yellow
    expect((await headstart()).implementation).toEqual({ score: 3.3, light: 'yellow', scored: 6 });
    const audit = await callChannel(fx.table, 'auditList', { projectId: row.projectId, entity: 'score' });
    expect(audit.ok && audit.value[0]).toMatchObject({ oldValue: '4', newValue: '1', user: 'tester' });
  });

  it('refuses a light override without a reason, keeps the suggestion and override with one', async () => {
    const row = await headstart();
    const refused = await callChannel(fx.table, 'lightSet', { evaluationId: row.evaluationId!, kind: 'goals', override: 'red' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'REASON_REQUIRED' } });
    const blank = await callChannel(fx.table, 'lightSet', { evaluationId: row.evaluationId!, kind: 'goals', override: 'red', reason: '   ' });
    expect(blank).toMatchObject({ ok: false, error: { code: 'REASON_REQUIRED' } });
    const accepted = await callChannel(fx.table, 'lightSet', {
      evaluationId: row.evaluationId!,
      kind: 'goals',
      override: 'yellow',
      reason: 'B1 når ikke målet før projektets afslutning.',
    });
    expect(accepted).toMatchObject({ ok: true, value: { suggested: 'green', override: 'yellow' } });
    expect((await headstart()).lights.goals).toBe('yellow');
  });

  it('refuses a grant period that ends before it starts', async () => {
    const row = await headstart();
    const result = await callChannel(fx.table, 'projectUpdate', { projectId: row.projectId, patch: { periodStart: '2022-01-01', periodEnd: '2021-01-01' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const later = await callChannel(fx.table, 'projectUpdate', { projectId: row.projectId, patch: { periodEnd: '2018-01-01' } });
    expect(later).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('deletes a project softly and restores it (undo)', async () => {
    const row = await headstart();
    expect(await callChannel(fx.table, 'projectDelete', { projectId: row.projectId })).toEqual({ ok: true, value: { ok: true } });
    const after = await callChannel(fx.table, 'portfolioSummaries', {});
    expect(after.ok && after.value.map((r) => r.name)).not.toContain(row.name);
    const restored = await callChannel(fx.table, 'projectRestore', { projectId: row.projectId });
    expect(restored.ok).toBe(true);
    expect((await headstart()).implementation.score).toBe(3.8);
  });

  it('starts a new round from the previous one with its scores', async () => {
    const row = await headstart();
    const input = { projectId: row.projectId, type: 'final' as const, date: '2023-06-01', copyFromEvaluationId: row.evaluationId! };
    // Headstart's grant period ended 31.12.2022: the round is created only once that is confirmed.
    const unconfirmed = await callChannel(fx.table, 'evaluationCreate', input);
    expect(unconfirmed).toMatchObject({ ok: false, error: { code: 'NEEDS_CONFIRMATION' } });
    const created = await callChannel(fx.table, 'evaluationCreate', { ...input, acceptWarnings: true });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const detail = await callChannel(fx.table, 'evaluationGet', { evaluationId: created.value.id });
    expect(detail.ok && detail.value.scores.map((s) => s.score)).toEqual([4, 4, 4, 4, 4, 3]);
    expect(detail.ok && detail.value.summary.implementation.rounded).toBe(3.8);
  });
});

describeEngines('messages a user can act on', () => {
  it('names a duplicate goal code in words, not as a database constraint', async () => {
    const row = await headstart();
    const detail = await callChannel(fx.table, 'projectGet', { projectId: row.projectId });
    if (!detail.ok) throw new Error(detail.error.message);
    const b1 = detail.value.goals.find((g) => g.code === 'B1')!;
    const result = await callChannel(fx.table, 'goalUpdate', { goalId: b1.id, patch: { code: 'B2' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!result.ok && result.error.message).toMatch(/Målkoden findes allerede/);
    expect(!result.ok && result.error.message).not.toMatch(/constraint/i);
  });

  it('refuses to move an item to another project through a mismatched payload', async () => {
    const rows = await callChannel(fx.table, 'portfolioSummaries', {});
    if (!rows.ok) throw new Error(rows.error.message);
    const wls = rows.value.find((r) => r.name.includes('work-live-stay'))!;
    const headstartRow = await headstart();
    const lines = await callChannel(fx.table, 'projectGet', { projectId: wls.projectId });
    if (!lines.ok) throw new Error(lines.error.message);
    const line = lines.value.budgetLines[0];
    const before = await fx.services.store.dataDigest();
    const moved = await callChannel(fx.table, 'budgetLineSave', {
      projectId: headstartRow.projectId,
      id: line.id,
      costType: line.costType,
      year: line.year,
      amountKr: line.amountKr,
    });
    expect(moved).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await fx.services.store.dataDigest()).toBe(before);
  });

  it('says in Danish which thing is missing', async () => {
    const result = await callChannel(fx.table, 'goalUpdate', { goalId: 99999, patch: { unit: 'stk.' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(!result.ok && result.error.message).toMatch(/^Målet \(id 99999\) findes ikke/);
  });
});

async function headstartGoals() {
  const row = await headstart();
  const detail = await callChannel(fx.table, 'projectGet', { projectId: row.projectId });
  if (!detail.ok) throw new Error(detail.error.message);
  return { row, goal: (code: string) => detail.value.goals.find((g) => g.code === code)! };
}

describeEngines('method checks in main (issue 10, point 11)', () => {
  it('refuses a negative target or status with a clear message and changes nothing, unless lower is better with a baseline', async () => {
    const { row, goal } = await headstartGoals();
    const b1 = goal('B1');
    const before = await fx.services.store.dataDigest();
    const target = await callChannel(fx.table, 'goalUpdate', { goalId: b1.id, patch: { targetInPeriod: -4380 } });
    expect(target).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'targetInPeriod' }] } });
    expect(!target.ok && target.error.message).toBe(
      'B1: Målsætningen i projektperioden kan ikke være negativ (−4.380). Negative tal er kun tilladt for et mål, hvor lavere er bedre, med en baseline.',
    );
    const created = await callChannel(fx.table, 'goalCreate', { projectId: row.projectId, goal: { level: 'B', code: 'B9', targetInPeriod: -1 } });
    expect(created).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const status = await callChannel(fx.table, 'statusAdd', { goalId: b1.id, value: -3, reportedAt: '2022-12-01', reportedBy: 'Bevillingsmodtager' });
    expect(status).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(!status.ok && status.error.message).toContain('Status pr. 01.12.2022 kan ikke være negativ (−3)');
    expect(await fx.services.store.dataDigest()).toBe(before);

    // A lower-is-better goal with a baseline may hold negative figures (a balance, a change).
    const lower = await callChannel(fx.table, 'goalUpdate', { goalId: b1.id, patch: { direction: 'lower', baseline: 10, targetInPeriod: -5 } });
    expect(lower).toMatchObject({ ok: true, value: { targetInPeriod: -5 } });
    // ... and can't go back to "higher is better" while it holds one.
    const back = await callChannel(fx.table, 'goalUpdate', { goalId: b1.id, patch: { direction: 'higher' } });
    expect(back).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('saves a status dated in the future or outside the grant period only when confirmed', async () => {
    const { goal } = await headstartGoals();
    const b1 = goal('B1');
    const input = { goalId: b1.id, value: 240, reportedAt: '2023-03-01', reportedBy: 'Bevillingsmodtager' };
    const before = await fx.services.store.dataDigest();
    const warned = await callChannel(fx.table, 'statusAdd', input);
    expect(warned).toMatchObject({ ok: false, error: { code: 'NEEDS_CONFIRMATION', issues: [{ path: 'statusAfterPeriod' }] } });
    expect(!warned.ok && warned.error.message).toContain('Statusdatoen 01.03.2023 ligger efter bevillingsperioden, der slutter 31.12.2022.');
    expect(await fx.services.store.dataDigest()).toBe(before);
    expect(await callChannel(fx.table, 'statusAdd', { ...input, acceptWarnings: true })).toMatchObject({ ok: true, value: { value: 240 } });
    // Inside the period and not in the future: saved at once.
    expect(await callChannel(fx.table, 'statusAdd', { ...input, reportedAt: '2022-11-30' })).toMatchObject({ ok: true });
  });

  it('an evaluator choosing the suggested light is not an override and needs no reason', async () => {
    const row = await headstart();
    const chosen = await callChannel(fx.table, 'lightSet', { evaluationId: row.evaluationId!, kind: 'goals', override: 'green' });
    expect(chosen).toMatchObject({ ok: true, value: { suggested: 'green', override: 'green' } });
    const detail = await callChannel(fx.table, 'evaluationGet', { evaluationId: row.evaluationId! });
    expect(detail.ok && detail.value.summary.lights.goals).toMatchObject({ override: 'green', overridden: false, final: 'green' });
    const other = await callChannel(fx.table, 'lightSet', { evaluationId: row.evaluationId!, kind: 'goals', override: 'red' });
    expect(other).toMatchObject({ ok: false, error: { code: 'REASON_REQUIRED' } });
  });
});

describeEngines('evaluation rounds (issue 10, point 12)', () => {
  it('deletes a round softly and restores it with everything it holds (undo)', async () => {
    const row = await headstart();
    const digest = await fx.services.store.dataDigest();
    expect(await callChannel(fx.table, 'evaluationDelete', { evaluationId: row.evaluationId! })).toEqual({ ok: true, value: { ok: true } });
    const project = await callChannel(fx.table, 'projectGet', { projectId: row.projectId });
    expect(project.ok && project.value.evaluations).toEqual([]);
    expect(await callChannel(fx.table, 'evaluationGet', { evaluationId: row.evaluationId! })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await headstart()).evaluationId).toBeNull();
    const restored = await callChannel(fx.table, 'evaluationRestore', { evaluationId: row.evaluationId! });
    expect(restored).toMatchObject({ ok: true, value: { id: row.evaluationId } });
    expect(await fx.services.store.dataDigest()).toBe(digest);
    expect((await headstart()).implementation).toEqual({ score: 3.8, light: 'green', scored: 6 });
  });

  it('warns before creating a round before the latest one', async () => {
    const row = await headstart();
    const early = await callChannel(fx.table, 'evaluationCreate', { projectId: row.projectId, type: 'midterm', date: '2020-06-30' });
    expect(early).toMatchObject({ ok: false, error: { code: 'NEEDS_CONFIRMATION', issues: [{ path: 'roundBeforePrevious' }] } });
    expect(!early.ok && early.error.message).toContain('ligger før den seneste runde (02.12.2022)');
  });
});

describeEngines('indicators and pooled attainment (issue 10, point 10)', () => {
  it('pools only goals linked to the same indicator; the headline is the mean of the projects’ level attainment', async () => {
    const { row, goal } = await headstartGoals();
    const overview = await callChannel(fx.table, 'portfolioOverview', {});
    if (!overview.ok) throw new Error(overview.error.message);
    // Unlinked, nothing is pooled: not 99 % of participants + companies + CVs.
    expect(overview.value.rollup.indicators).toEqual([]);
    expect(overview.value.rollup.unlinkedGoals.B).toBeGreaterThan(3);
    // Headstart's outputs average 94 %; work-live-stay has no reported output: one project.
    expect(overview.value.rollup.headline.B).toMatchObject({ displayAverage: 94, projects: 1, projectsTotal: 4 });

    const wls = (await callChannel(fx.table, 'projectGet', { projectId: overview.value.rows.find((r) => r.name.includes('work-live-stay'))!.projectId }));
    if (!wls.ok) throw new Error(wls.error.message);
    const wlsB1 = wls.value.goals.find((g) => g.code === 'B1')!;
    const saved = await callChannel(fx.table, 'indicatorSave', { code: '', name: 'Virksomheder på karriereportalen', unit: 'virksomheder', level: 'B', linkGoalIds: [goal('B2').id, wlsB1.id] });
    expect(saved).toMatchObject({ ok: true, value: { indicator: { name: 'Virksomheder på karriereportalen' }, goals: [{ code: 'B2' }, { code: 'B1' }] } });
    await fx.services.store.addStatusReport({ goalId: wlsB1.id, value: 30, reportedAt: '2020-06-01', reportedBy: 'Bevillingsmodtager', source: { file: '', location: '' }, printedPercent: null });

    const after = await callChannel(fx.table, 'portfolioOverview', {});
    if (!after.ok) throw new Error(after.error.message);
    // (87 + 30) / (90 + 300) = 30 %, over two projects.
    expect(after.value.rollup.indicators).toEqual([
      expect.objectContaining({ statusSum: 117, targetSum: 390, displayPercent: 30, projects: 2, goals: 2, linkedGoals: 2 }),
    ]);
    // The headline now averages both projects' outputs: (94.06 + 10) / 2.
    expect(after.value.rollup.headline.B).toMatchObject({ projects: 2, displayAverage: roundHalfUp(((219 / 256 + 87 / 90 + 1) / 3 * 100 + 10) / 2) });

    // A filter narrows the rows and the roll-up alike.
    const filtered = await callChannel(fx.table, 'portfolioOverview', { filter: { search: 'Headstart' } });
    expect(filtered.ok && filtered.value).toMatchObject({ total: 4, rows: [{ projectId: row.projectId }] });
    expect(filtered.ok && filtered.value.rollup.indicators[0]).toMatchObject({ statusSum: 87, targetSum: 90, projects: 1 });
  });

  it('links a goal only to an indicator of its level, and suggests links for goals worded alike in several projects', async () => {
    const { row, goal } = await headstartGoals();
    const activity = await callChannel(fx.table, 'indicatorSave', { code: '', name: 'Forløb', unit: '', level: 'A' });
    if (!activity.ok) throw new Error(activity.error.message);
    const wrong = await callChannel(fx.table, 'goalUpdate', { goalId: goal('B1').id, patch: { indicatorId: activity.value.indicator.id } });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(!wrong.ok && wrong.error.message).toContain('Målet B1 er et outputmål, men indikatoren "Forløb" er for aktivitetsmål');
    const twin = await callChannel(fx.table, 'indicatorSave', { code: '', name: ' forløb ', unit: '', level: 'A' });
    expect(twin).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    // A second project counting participants with the same wording and unit as Headstart's B1.
    const other = await callChannel(fx.table, 'projectCreate', { facts: { name: 'Andet talentprojekt' } });
    if (!other.ok) throw new Error(other.error.message);
    const otherB1 = await callChannel(fx.table, 'goalCreate', { projectId: other.value.id, goal: { level: 'B', code: 'B1', description: 'Antal deltagere', unit: 'deltagere', targetInPeriod: 100 } });
    if (!otherB1.ok) throw new Error(otherB1.error.message);
    const suggestions = await callChannel(fx.table, 'indicatorSuggestions', { projectId: row.projectId });
    if (!suggestions.ok) throw new Error(suggestions.error.message);
    const participants = suggestions.value.find((s) => s.kind === 'new' && s.goalIds.includes(goal('B1').id))!;
    expect(participants).toMatchObject({ indicatorName: 'Antal deltagere', unit: 'deltagere', projects: 2 });
    expect(participants.goals.map((g) => [g.projectName, g.code])).toEqual([
      ['Tiltrækning af talent (Headstart)', 'B1'],
      ['Andet talentprojekt', 'B1'],
    ]);
    // Confirming it creates the indicator and links both goals in one step.
    const confirmed = await callChannel(fx.table, 'indicatorSave', { code: '', name: participants.indicatorName, unit: 'deltagere', level: 'B', linkGoalIds: participants.goalIds });
    expect(confirmed.ok && confirmed.value.goals.map((g) => g.indicatorId)).toEqual([expect.any(Number), expect.any(Number)]);
    const list = await callChannel(fx.table, 'indicatorList', {});
    expect(list.ok && list.value.find((i) => i.name === 'Antal deltagere')).toMatchObject({ goals: 2, projects: 2 });
    // Unlinking is all or nothing too.
    expect(await callChannel(fx.table, 'indicatorLink', { goalIds: participants.goalIds, indicatorId: null })).toMatchObject({ ok: true, value: [{ indicatorId: null }, { indicatorId: null }] });
  });
});

describeEngines('indicator suggestions in a large portfolio (issue 12)', () => {
  it('names the first 20 goals of a suggestion and still carries every goal it would link', async () => {
    const ids: number[] = [];
    for (let i = 1; i <= 23; i++) {
      const project = await callChannel(fx.table, 'projectCreate', { facts: { name: `Kommune ${i}` } });
      if (!project.ok) throw new Error(project.error.message);
      const goal = await callChannel(fx.table, 'goalCreate', { projectId: project.value.id, goal: { level: 'A', code: 'A9', description: `Antal ${i * 10} kursister i forløb`, unit: 'kursister', targetInPeriod: i } });
      if (!goal.ok) throw new Error(goal.error.message);
      ids.push(goal.value.id);
    }
    const suggestions = await callChannel(fx.table, 'indicatorSuggestions', {});
    if (!suggestions.ok) throw new Error(suggestions.error.message);
    const found = suggestions.value.find((s) => s.kind === 'new' && s.goalIds.includes(ids[0]))!;
    expect(found).toMatchObject({ indicatorName: 'Antal 10 kursister i forløb', projects: 23, goalIds: ids });
    expect(found.goals.map((g) => g.projectName)).toEqual(Array.from({ length: 20 }, (_, i) => `Kommune ${i + 1}`));
  });
});

describeEngines('export through the handler table', () => {
  it('asks the host where to save, exports there, and reveals only files it wrote', async () => {
    const row = await headstart();
    const chosen = await callChannel(fx.table, 'chooseSavePath', { kind: 'evaluation', defaultName: 'Headstart.xlsx' });
    expect(chosen.ok && chosen.value.path).toMatch(/Headstart\.xlsx$/);
    if (!chosen.ok || !chosen.value.path) return;
    const exported = await callChannel(fx.table, 'exportEvaluation', { projectId: row.projectId, outPath: chosen.value.path });
    expect(exported).toMatchObject({ ok: true, value: { path: chosen.value.path } });
    expect(await callChannel(fx.table, 'showInFolder', { path: chosen.value.path })).toEqual({ ok: true, value: { ok: true } });
    const other = await callChannel(fx.table, 'showInFolder', { path: '/etc/passwd' });
    expect(other).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('refuses to write or read a path the user did not choose', async () => {
    const exported = await callChannel(fx.table, 'exportPortfolio', { outPath: '/tmp/not-chosen.xlsx' });
    expect(exported).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const preview = await callChannel(fx.table, 'importPreview', { requestId: 'r1', paths: ['/etc/passwd'] });
    expect(preview).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('answers an export into a missing folder with EXPORT_FAILED naming the folder', async () => {
    const host = { ...headlessHost('/tmp'), chooseSavePath: async () => '/nonexistent-folder/x.xlsx' };
    const own = createHandlers(fx.services, host);
    const chosen = await callChannel(own, 'chooseSavePath', { kind: 'portfolio', defaultName: 'x.xlsx' });
    expect(chosen).toEqual({ ok: true, value: { path: '/nonexistent-folder/x.xlsx' } });
    const result = await callChannel(own, 'exportPortfolio', { outPath: '/nonexistent-folder/x.xlsx' });
    expect(result).toMatchObject({ ok: false, error: { code: 'EXPORT_FAILED' } });
    expect(!result.ok && result.error.message).toContain('/nonexistent-folder');
  });
});

describeEngines('import through the handler table', () => {
  it('stages dropped files, previews them and applies the confirmed items once', async () => {
    const row = await headstart();
    const csv = 'Kode;Beskrivelse;Mål i perioden;Status;Dato;Rapporteret af\nB1;Antal deltagere;256;240;15.01.2023;Bevillingsmodtager\n';
    const staged = await callChannel(fx.table, 'stageImportFiles', {
      files: [{ name: 'status.csv', dataBase64: Buffer.from(csv, 'utf8').toString('base64') }],
    });
    expect(staged.ok).toBe(true);
    if (!staged.ok) return;
    expect(staged.value.paths[0]).toMatch(/status\.csv$/);
    const preview = await callChannel(fx.table, 'importPreview', { requestId: 'p1', paths: staged.value.paths, projectId: row.projectId });
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    const status = preview.value.items.find((i) => i.type === 'status');
    expect(status).toBeDefined();
    const apply = await callChannel(fx.table, 'importApply', { requestId: 'a1', projectId: row.projectId, items: [status!] });
    expect(apply.ok).toBe(true);
    const digest = await fx.services.store.dataDigest();
    const again = await callChannel(fx.table, 'importApply', { requestId: 'a2', projectId: row.projectId, items: [status!] });
    expect(again.ok).toBe(true);
    expect(await fx.services.store.dataDigest()).toBe(digest);
  });
});
