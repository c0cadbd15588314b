import { contracts, type ContractName } from '../../../shared/contracts';
import { callChannel } from '../../../electron/ipc/handlers';
import { handlerTableFixture } from '../../helpers/handlerTable';
import { describeEngines } from '../../helpers/engines';
import { previewImport } from '../../../electron/import/service';
import { EVALUATION_TEXT_KEYS } from '../../../shared/domain';

const { fx, ok } = handlerTableFixture('rounds', { demo: true });

/** Headstart (seed 003, final round 02.12.2022), with a budget line and financing to protect too. */
async function headstart() {
  const rows = await ok('portfolioSummaries', {});
  const { projectId, evaluationId } = rows.find((r) => r.name.includes('Headstart'))!;
  const evalId = evaluationId!;
  const detail = await ok('projectGet', { projectId });
  const line = await ok('budgetLineSave', { projectId, costType: 'Løn - projektledelse', year: 2022, amountKr: 500_000 });
  const financing = await ok('financingSave', { projectId, name: 'Socialfonden', amountKr: 500_000 });
  // Spending by year (issue 15), one year not yet recorded in the round.
  const taken = (await ok('evaluationGet', { evaluationId: evalId })).spendingByYear.map((s) => s.year);
  let year = 2019;
  while (taken.includes(year)) year++;
  const spending = await ok('spendingYearSave', { evaluationId: evalId, year, spentKr: 4_000_000, note: 'Statusrapport' });
  // The round's budget and time figures as an import leaves them: reported, awaiting approval (issue 13).
  await fx.services.store.markProgressReported(evalId);
  const evaluation = await ok('evaluationGet', { evaluationId: evalId });
  const goal = (code: string) => detail.goals.find((g) => g.code === code)!;
  // A goal deleted before the round is finalised, in the recycle bin: restoring it would add a goal to the round.
  let n = 9;
  while (detail.goals.some((g) => g.code === `B${n}`)) n++;
  const binned = await ok('goalCreate', { projectId, goal: { level: 'B', code: `B${n}`, description: 'Slettet før afslutning', targetInPeriod: 10 } });
  const { binId } = await ok('goalDelete', { goalId: binned.id });
  return { projectId, evaluationId: evalId, detail, evaluation, line, financing, spending, goal, binId };
}

describeEngines('the evaluator\'s prose over IPC', () => {
  it('is in the evaluation detail, saved per key, audited, and validated by the contract', async () => {
    const h = await headstart();
    expect(Object.keys(h.evaluation.texts).sort()).toEqual([...EVALUATION_TEXT_KEYS].sort());
    expect(h.evaluation.signOff).toEqual({ state: 'draft', finalizedAt: null, finalizedBy: '' });
    const texts = await ok('evaluationTextSet', { evaluationId: h.evaluationId, key: 'effect', text: 'Vi vurderer, at det er sandsynligt, at indsatsen har bidraget.' });
    expect(texts.effect).toMatch(/^Vi vurderer/);
    expect((await ok('evaluationGet', { evaluationId: h.evaluationId })).texts.effect).toBe(texts.effect);
    const [row] = await ok('auditList', { projectId: h.projectId, entity: 'evaluation', limit: 1 });
    expect(row).toMatchObject({ field: 'texts.effect', oldValue: '', newValue: texts.effect, user: 'Ida Evaluator' });
    const bad = await fx.table['evaluation:textSet']({ evaluationId: h.evaluationId, key: 'summary', text: 'x' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const missing = await callChannel(fx.table, 'evaluationTextSet', { evaluationId: 9999, key: 'facts', text: 'x' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('a new round started from the previous one copies its texts', async () => {
    const h = await headstart();
    await ok('evaluationTextSet', { evaluationId: h.evaluationId, key: 'learning', text: 'Her præsenterer vi de vigtigste læringspunkter.' });
    const next = await ok('evaluationCreate', { projectId: h.projectId, type: 'final', date: '2023-06-01', copyFromEvaluationId: h.evaluationId, acceptWarnings: true });
    expect((await ok('evaluationGet', { evaluationId: next.id })).texts.learning).toBe('Her præsenterer vi de vigtigste læringspunkter.');
  });
});

type H = Awaited<ReturnType<typeof headstart>>;

/** Every channel that writes something a final round holds or is computed from, with a payload that would. */
const REFUSED: Partial<Record<ContractName, (h: H) => unknown>> = {
  projectUpdate: (h) => ({ projectId: h.projectId, patch: { periodEnd: '2023-06-30' } }),
  goalCreate: (h) => ({ projectId: h.projectId, goal: { level: 'B', code: 'B5', targetInPeriod: 10 } }),
  goalUpdate: (h) => ({ goalId: h.goal('B1').id, patch: { targetInPeriod: 300 } }),
  goalDelete: (h) => ({ goalId: h.goal('B2').id }),
  statusAdd: (h) => ({ goalId: h.goal('B1').id, value: 230, reportedAt: '2022-12-02', reportedBy: 'Bevillingsmodtager' }),
  evaluationUpdate: (h) => ({ evaluationId: h.evaluationId, patch: { overallStatus: 'Ændret efter afslutning' } }),
  evaluationDelete: (h) => ({ evaluationId: h.evaluationId }),
  evaluationTextSet: (h) => ({ evaluationId: h.evaluationId, key: 'facts', text: 'Ny tekst' }),
  scoreSet: (h) => ({ evaluationId: h.evaluationId, parameter: 1, score: 1 }),
  lightSet: (h) => ({ evaluationId: h.evaluationId, kind: 'goals', override: 'red', reason: 'Efter afslutning' }),
  surveySave: (h) => ({ evaluationId: h.evaluationId, item: { group: 'virksomheder', statement: 'Ny', positive: 1, n: 9, scale: 5, position: 9 } }),
  surveyDelete: (h) => ({ id: h.evaluation.survey[0].id }),
  learningSave: (h) => ({ evaluationId: h.evaluationId, id: h.evaluation.learning[0].id, kind: 'learning', title: 'Ændret', text: '' }),
  learningDelete: (h) => ({ id: h.evaluation.learning[0].id }),
  budgetLineSave: (h) => ({ projectId: h.projectId, id: h.line.id, costType: h.line.costType, year: 2022, amountKr: 1 }),
  budgetLineDelete: (h) => ({ id: h.line.id }),
  financingSave: (h) => ({ projectId: h.projectId, id: h.financing.id, name: 'Socialfonden', amountKr: 1 }),
  financingDelete: (h) => ({ id: h.financing.id }),
  spendingYearSave: (h) => ({ evaluationId: h.evaluationId, id: h.spending.id, year: h.spending.year, spentKr: 1 }),
  spendingYearDelete: (h) => ({ id: h.spending.id }),
  recycleBinRestore: (h) => ({ kind: 'goal', id: h.binId }),
  // Issue 13: a final round's figures are neither approved nor returned until it is reopened.
  figuresApprove: (h) => ({ projectId: h.projectId, figures: [{ kind: 'progress', evaluationId: h.evaluationId }] }),
  figuresReturn: (h) => ({ projectId: h.projectId, figures: [{ kind: 'progress', evaluationId: h.evaluationId }], comment: 'Efter afslutning' }),
  importApply: (h) => ({
    requestId: 'apply-1',
    projectId: h.projectId,
    evaluationId: h.evaluationId,
    items: [
      {
        id: 'f1-1',
        type: 'progress',
        source: { file: 'statusrapport.xlsx', location: "Ark 'Fremdrift', celle C4" },
        budgetSpentKr: 19_000_000,
        budgetTotalKr: 20_000_000,
        monthsElapsed: 46,
        monthsTotal: 47,
        reportedAt: '2022-11-01',
        reportedBy: 'Bevillingsmodtager',
      },
    ],
  }),
};

/** Channels that cannot change a final round, and why. */
const NOT_THE_ROUND: Partial<Record<ContractName, string>> = {
  portfolioInfo: 'read',
  portfolioSummaries: 'read',
  profileSet: 'a final round keeps the profile it was signed off with',
  projectGet: 'read',
  projectCreate: 'another project',
  projectDelete: 'soft delete: the round and its figures are kept, and come back with undo',
  projectRestore: 'see projectDelete',
  projectSummary: 'read',
  effectChainSave: 'wording, not a figure',
  effectChainDelete: 'wording, not a figure',
  evaluationGet: 'read',
  evaluationCreate: 'a new round; copying from a final round only reads it',
  evaluationFinalize: 'the sign-off itself (a second one is refused as CONFLICT)',
  evaluationReopen: 'the way out, with a reason',
  evaluationCompare: 'read',
  auditList: 'read',
  exportEvaluation: 'writes a file, not the portfolio',
  exportPortfolio: 'writes a file, not the portfolio',
  importPreview: 'writes nothing; a final target round is an error in the preview',
  importCancel: 'writes nothing',
  importSaveTemplate: 'writes a file, not the portfolio',
  chooseSavePath: 'dialog',
  chooseImportFiles: 'dialog',
  stageImportFiles: 'temp files',
  showInFolder: 'shell',
  portfolioOverview: 'read',
  indicatorList: 'read',
  indicatorSave: 'an indicator of the portfolio, not a figure of a round',
  indicatorDelete: 'unlinks goals from an indicator: pooling across projects, not a figure of a round',
  indicatorLink: 'pooling across projects, not a figure of a round',
  businessCaseGet: 'read',
  businessCaseSave: "the project's business case, not a figure of a round",
  businessCaseDelete: "the project's business case, not a figure of a round",
  indicatorCatalogueLoad: 'indicators of the portfolio, not a figure of a round',
  indicatorSuggestions: 'read',
  evaluationRestore: 'a final round is never deleted (refused as LOCKED), so never restored',
  exportReport: 'writes a file, not the portfolio',
  portfolioPage: 'read',
  projectNames: 'read',
  portfolioLoadDemo: 'only into an empty portfolio: new projects',
  portfolioSearch: 'read',
  sourceList: 'read',
  sourceOpen: 'writes a temporary copy of a kept file, not the portfolio',
  sourceRead: 'read (a kept PDF for the viewer)',
  recycleBinList: 'read',
  recycleBinPurge: 'deletes for good only what is in the bin: a goal entry no round holds (deleting it from a final round is refused), or a deleted project as a whole, its rounds with it',
  recycleBinEmpty: 'see recycleBinPurge',
  serverConnectForm: 'read (the connection the dialog starts with)',
  serverConnect: 'opens another portfolio (on a server); the open one is closed, not written',
  liveState: 'read (team server: connected, who else is here)',
  sessionRights: "read (what the server session's user may change)",
  presenceSet: 'tells other windows which project this one shows (a notification; nothing stored)',
};

describeEngines('a final round is locked by main', () => {
  it('every channel is either refused on a final round or cannot change one', () => {
    const names = Object.keys(contracts) as ContractName[];
    const unclassified = names.filter((n) => !(n in REFUSED) && !(n in NOT_THE_ROUND));
    expect(unclassified, 'classify new channels here: refused on a final round, or why they cannot change one').toEqual([]);
    expect(names.filter((n) => n in REFUSED && n in NOT_THE_ROUND)).toEqual([]);
  });

  it('finalising records who and when; the detail says so; a second finalise is a CONFLICT', async () => {
    const h = await headstart();
    const signOff = await ok('evaluationFinalize', { evaluationId: h.evaluationId });
    expect(signOff).toMatchObject({ state: 'final', finalizedBy: 'Ida Evaluator' });
    expect(Date.now() - Date.parse(signOff.finalizedAt!)).toBeLessThan(60_000);
    expect((await ok('evaluationGet', { evaluationId: h.evaluationId })).signOff).toEqual(signOff);
    const again = await callChannel(fx.table, 'evaluationFinalize', { evaluationId: h.evaluationId });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('i forvejen') } });
    const [row] = await ok('auditList', { projectId: h.projectId, entity: 'evaluation', limit: 1 });
    expect(row).toMatchObject({ field: 'signOff', oldValue: 'draft', newValue: 'final', user: 'Ida Evaluator' });
  });

  it.each(Object.entries(REFUSED))('%s is refused with LOCKED, a Danish message naming the round and who finalised it, and nothing changes', async (name, payload) => {
    const h = await headstart();
    await ok('evaluationFinalize', { evaluationId: h.evaluationId });
    const before = await fx.services.store.dataDigest();
    const audit = (await ok('auditList', {})).length;
    const result = await fx.table[contracts[name as ContractName].channel](payload!(h));
    expect(result.ok, `${name} was accepted`).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('LOCKED');
      expect(result.error.message).toMatch(/^Slutevalueringen 02\.12\.2022 er afsluttet af Ida Evaluator den \d\d\.\d\d\.\d{4} og er låst: /);
      expect(result.error.message).toContain('Genåbn runden med en begrundelse');
    }
    expect(await fx.services.store.dataDigest()).toBe(before);
    expect((await ok('auditList', {})).length).toBe(audit);
  });

  it('the same writes go through on a draft round (the table above is not refused for another reason)', async () => {
    // One after the other on the same portfolio; deleting the round comes last.
    const entries = Object.entries(REFUSED).sort(([a], [b]) => Number(a === 'evaluationDelete') - Number(b === 'evaluationDelete'));
    for (const [name, payload] of entries) {
      const h = await headstart();
      const result = await fx.table[contracts[name as ContractName].channel](payload!(h));
      expect(result.ok, `${name}: ${!result.ok && result.error.message}`).toBe(true);
    }
  });

  it('a status dated after the final round, and wording, are still accepted', async () => {
    const h = await headstart();
    await ok('evaluationFinalize', { evaluationId: h.evaluationId });
    await ok('statusAdd', { goalId: h.goal('B1').id, value: 256, reportedAt: '2023-01-15', reportedBy: 'Bevillingsmodtager', acceptWarnings: true });
    await ok('goalUpdate', { goalId: h.goal('B1').id, patch: { description: 'Antal deltagere (tilflyttere)' } });
    await ok('projectUpdate', { projectId: h.projectId, patch: { description: 'Ny beskrivelse' } });
    // The final round's figures are those of 02.12.2022: B1 is still 219 / 256 = 86 %.
    const detail = await ok('evaluationGet', { evaluationId: h.evaluationId });
    expect(detail.summary.levels.B.goals.find((g) => g.code === 'B1')?.displayPercent).toBe(86);
  });

  it('a final round keeps the profile it was signed off with', async () => {
    const h = await headstart();
    await ok('evaluationFinalize', { evaluationId: h.evaluationId });
    const info = await ok('portfolioInfo', {});
    await ok('profileSet', { profile: { ...info.profile, implementationBands: { greenMin: 4.5, yellowMin: 3.0 } } });
    const detail = await ok('evaluationGet', { evaluationId: h.evaluationId });
    expect(detail.summary.lights.implementation.final).toBe('green');
    expect(detail.profile.implementationBands.greenMin).toBe(3.5);
    // Reopened, it takes the portfolio's profile again: 3,8 is yellow under green-from-4,5.
    await ok('evaluationReopen', { evaluationId: h.evaluationId, reason: 'Ny metodeprofil skal bruges.' });
    expect((await ok('evaluationGet', { evaluationId: h.evaluationId })).summary.lights.implementation.final).toBe('yellow');
  });

  it('reopening without a reason is refused with REASON_REQUIRED; with one it is audited and unlocks', async () => {
    const h = await headstart();
    await ok('evaluationFinalize', { evaluationId: h.evaluationId });
    for (const reason of ['', '   ']) {
      const refused = await callChannel(fx.table, 'evaluationReopen', { evaluationId: h.evaluationId, reason });
      expect(refused).toMatchObject({ ok: false, error: { code: 'REASON_REQUIRED', issues: [{ path: 'reason' }] } });
    }
    expect((await ok('evaluationGet', { evaluationId: h.evaluationId })).signOff.state).toBe('final');
    const draft = await ok('evaluationReopen', { evaluationId: h.evaluationId, reason: 'Budgetforbruget var tastet forkert.' });
    expect(draft.state).toBe('draft');
    const [reason, state] = await ok('auditList', { projectId: h.projectId, entity: 'evaluation', limit: 2 });
    expect(state).toMatchObject({ field: 'signOff', oldValue: 'final', newValue: 'draft', user: 'Ida Evaluator' });
    expect(reason).toMatchObject({ field: 'reopenReason', newValue: 'Budgetforbruget var tastet forkert.' });
    await ok('scoreSet', { evaluationId: h.evaluationId, parameter: 1, score: 5 });
    const twice = await callChannel(fx.table, 'evaluationReopen', { evaluationId: h.evaluationId, reason: 'igen' });
    expect(twice).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('an import preview into a final round is an error naming the round, and cannot be applied', async () => {
    const h = await headstart();
    await ok('evaluationFinalize', { evaluationId: h.evaluationId });
    const text = [
      'Figur 4 Budget- og tidsforbrug på evalueringstidspunktet',
      ' Totalt budget Forbrug d.d. Procentvist Forbrug',
      'Budgetforbrug (mio. DKK) 20 19 95 %',
      'Tidsforbrug (måneder) 47 46 98 %',
    ].join('\n');
    const preview = await previewImport(fx.services.store, [{ name: 'rapport.txt', bytes: new TextEncoder().encode(text) }], {
      projectId: h.projectId,
      evaluationId: h.evaluationId,
    });
    expect(preview.items.some((i) => i.type === 'progress')).toBe(true);
    expect(preview.canApply).toBe(false);
    expect(preview.issues).toContainEqual(
      expect.objectContaining({ severity: 'error', file: 'rapport.txt', message: expect.stringMatching(/^Slutevalueringen 02\.12\.2022 er afsluttet af Ida Evaluator .* importen kan ikke skrive/) }),
    );
  });
});

describeEngines('rounds compared over IPC', () => {
  it('defaults to the two latest rounds, earlier as then; refuses one round and foreign rounds', async () => {
    const h = await headstart();
    const one = await callChannel(fx.table, 'evaluationCompare', { projectId: h.projectId });
    expect(one).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('ikke to evalueringsrunder') } });

    // A midterm before the final round, with the statuses of 2021 and lower scores.
    const midterm = await ok('evaluationCreate', { projectId: h.projectId, type: 'midterm', date: '2021-01-15', copyFromEvaluationId: h.evaluationId, acceptWarnings: true });
    await ok('scoreSet', { evaluationId: midterm.id, parameter: 6, score: 2 });
    await ok('statusAdd', { goalId: h.goal('B1').id, value: 120, reportedAt: '2021-01-10', reportedBy: 'Bevillingsmodtager', acceptWarnings: true });
    const comparison = await ok('evaluationCompare', { projectId: h.projectId });
    expect(comparison).toMatchObject({ earlierEvaluationId: midterm.id, laterEvaluationId: h.evaluationId });
    // 120/256 = 46,9 -> 47 %; 219/256 = 86 %
    expect(comparison.goals.find((g) => g.code === 'B1')).toMatchObject({ then: { status: 120, percent: 47 }, now: { status: 219, percent: 86 }, changePoints: 39 });
    // B2 was not reported yet in January 2021.
    expect(comparison.goals.find((g) => g.code === 'B2')).toMatchObject({ then: { target: 90, status: null, percent: null }, changePoints: null });
    expect(comparison.parameters.find((p) => p.parameter === 6)).toEqual({ parameter: 6, then: 2, now: 3 });
    expect(comparison.implementation).toEqual({ then: 3.7, now: 3.8 });
    expect(comparison.lights.find((l) => l.kind === 'goals')).toMatchObject({ now: 'green', why: 'Forslag ud fra outputmål 94 %.' });

    // Picked in either order, the earlier round is "then".
    const swapped = await ok('evaluationCompare', { projectId: h.projectId, earlierEvaluationId: h.evaluationId, laterEvaluationId: midterm.id });
    expect(swapped.earlierEvaluationId).toBe(midterm.id);

    const other = (await ok('portfolioSummaries', {})).find((r) => r.name.includes('work-live-stay'))!;
    const foreign = await callChannel(fx.table, 'evaluationCompare', { projectId: h.projectId, earlierEvaluationId: other.evaluationId!, laterEvaluationId: h.evaluationId });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const same = await callChannel(fx.table, 'evaluationCompare', { projectId: h.projectId, earlierEvaluationId: h.evaluationId, laterEvaluationId: h.evaluationId });
    expect(same).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
