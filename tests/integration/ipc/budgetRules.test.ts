import { callChannel } from '../../../electron/ipc/handlers';
import { handlerTableFixture } from '../../helpers/handlerTable';
import { describeEngines } from '../../helpers/engines';

/** Budget as seed 004 writes it, through the handler table (issue 15). */
const { fx, ok } = handlerTableFixture('budget', { demo: true });

/** The demo's 004 project (work-live-stay): 15 direct lines and an 18 % indirect line per year. */
async function application() {
  const rows = await ok('portfolioSummaries', {});
  const row = rows.find((r) => r.name.includes('work-live-stay'))!;
  const lines = async () => (await ok('projectGet', { projectId: row.projectId })).budgetLines;
  const summary = async () => (await ok('evaluationGet', { evaluationId: row.evaluationId! })).summary;
  return { projectId: row.projectId, lines, summary };
}

describeEngines('an indirect-cost line kept as its percent of the direct costs', () => {
  it('follows the direct costs of its year when one of them changes, and back', async () => {
    const a = await application();
    const before = await a.lines();
    const indirect2020 = () => a.lines().then((ls) => ls.find((l) => l.year === 2020 && l.percentOfDirect !== null)!);
    expect((await indirect2020()).amountKr).toBe(770_906.16);
    const lead2020 = before.find((l) => l.year === 2020 && l.costType === 'Løn - projektledelse')!;
    expect(lead2020.amountKr).toBe(561_600);

    // 100.000 kr. more direct costs in 2020: 18 % of it is 18.000 kr. more indirect costs.
    await ok('budgetLineSave', { projectId: a.projectId, id: lead2020.id, costType: lead2020.costType, year: 2020, amountKr: 661_600, percentOfDirect: null });
    expect((await indirect2020()).amountKr).toBe(788_906.16);
    const s = await a.summary();
    expect(s.budget.indirectChecks.every((c) => c.ok)).toBe(true);
    expect(s.budget.totalKr).toBe(14_156_106);
    // The lines now exceed the project's total budget (14.038.106 kr.): the engine says so.
    expect(s.budget.projectTotal).toEqual({ projectTotalKr: 14_038_106, differenceKr: 118_000, ok: false });
    expect(s.warnings.find((w) => w.code === 'budgetLinesTotalDiffers')?.message).toBe(
      'Budget: budgetlinjerne giver i alt 14.156.106 kr., projektets samlede budget er 14.038.106 kr. (forskel 118.000 kr.)',
    );

    await ok('budgetLineSave', { projectId: a.projectId, id: lead2020.id, costType: lead2020.costType, year: 2020, amountKr: 561_600, percentOfDirect: null });
    expect((await indirect2020()).amountKr).toBe(770_906.16);
    const back = await a.summary();
    expect(back.budget.projectTotal?.ok).toBe(true);
    expect(back.warnings.map((w) => w.code)).not.toContain('budgetLinesTotalDiffers');
  });

  it('derives the amount from the percent, whatever amount is sent, and on a changed percent', async () => {
    const a = await application();
    const indirect = (await a.lines()).find((l) => l.year === 2019 && l.percentOfDirect !== null)!;
    const saved = await ok('budgetLineSave', { projectId: a.projectId, id: indirect.id, costType: indirect.costType, year: 2019, amountKr: 1, percentOfDirect: 20 });
    // 20 % of 2019's direct costs 3.331.076 kr.
    expect(saved).toMatchObject({ percentOfDirect: 20, amountKr: 666_215.2 });
  });

  it('follows a deleted direct line, and a new one', async () => {
    const a = await application();
    const audit2021 = (await a.lines()).find((l) => l.year === 2021 && l.costType === 'Revision')!;
    await ok('budgetLineDelete', { id: audit2021.id });
    const after = (await a.lines()).find((l) => l.year === 2021 && l.percentOfDirect !== null)!;
    // 18 % of (4.282.812 - 41.328) kr.
    expect(after.amountKr).toBe(763_467.12);
    await ok('budgetLineSave', { projectId: a.projectId, costType: 'Revision', year: 2021, amountKr: 41_328 });
    expect((await a.lines()).find((l) => l.year === 2021 && l.percentOfDirect !== null)!.amountKr).toBe(770_906.16);
  });

  it('changes nothing when the line belongs to another project', async () => {
    const a = await application();
    const rows = await ok('portfolioSummaries', {});
    const other = rows.find((r) => r.name.includes('Headstart'))!;
    const lead = (await a.lines()).find((l) => l.percentOfDirect === null)!;
    const r = await callChannel(fx.table, 'budgetLineSave', { projectId: other.projectId, id: lead.id, costType: 'x', year: 2020, amountKr: 1 });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await a.lines()).find((l) => l.id === lead.id)).toEqual(lead);
  });
});
