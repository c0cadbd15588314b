import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callChannel } from '../../../electron/ipc/handlers';
import { handlerTableFixture } from '../../helpers/handlerTable';
import { describeEngines, itNotOnPostgres } from '../../helpers/engines';
import { spendingByYear } from '../../../shared/methodology/spendingByYear';
import ExcelJS from 'exceljs';
import sqlite3 from 'sqlite3';
import { openPortfolioStore } from '../../../electron/storage';
import { dumpPortfolioDocument, loadPortfolioDocument } from '../../../electron/services/portfolioDocument';
import { PortfolioDocumentSchema } from '../../../shared/portfolioDocument';

/** Spending by year (issue 15, "Budget as 004 writes it"), through the handler table. */
const { fx, ok } = handlerTableFixture('spending', { demo: true });

/** The demo's 004 project (work-live-stay): budget lines for 2019-2021. */
async function application() {
  const rows = await ok('portfolioSummaries', {});
  const row = rows.find((r) => r.name.includes('work-live-stay'))!;
  const detail = () => ok('evaluationGet', { evaluationId: row.evaluationId! });
  return { projectId: row.projectId, evaluationId: row.evaluationId!, detail };
}

describeEngines('spending by year over IPC', (engine) => {
  it('is stored per round and year, listed by year with its note, audited, and compared with the round spent to date', async () => {
    const a = await application();
    expect((await a.detail()).spendingByYear).toEqual([]);
    // The round's one figure spent to date, as the evaluator enters it.
    const reported = 5_000_000;
    await ok('evaluationUpdate', { evaluationId: a.evaluationId, patch: { budgetSpentKr: reported } });
    // Two years that sum to the reported figure, typed out of order.
    const second = await ok('spendingYearSave', { evaluationId: a.evaluationId, year: 2020, spentKr: 1_000_000.5, note: 'Statusrapport 2020, side 4' });
    await ok('spendingYearSave', { evaluationId: a.evaluationId, year: 2019, spentKr: reported - 1_000_000.5 });
    const d = await a.detail();
    expect(d.spendingByYear.map((s) => [s.year, s.spentKr, s.note])).toEqual([
      [2019, reported - 1_000_000.5, ''],
      [2020, 1_000_000.5, 'Statusrapport 2020, side 4'],
    ]);
    // The round's own consumption is untouched: still computed from its one figure.
    expect(d.summary.progress.budget.spentKr).toBe(reported);
    const view = spendingByYear({ budgetYears: d.summary.budget.years, spending: d.spendingByYear, reportedSpentKr: reported, roundBudgetKr: d.summary.progress.budget.totalKr });
    expect(view.check).toEqual({ state: 'matches', sumKr: reported, reportedKr: reported });
    expect(Math.round(view.total.percent!)).toBe(d.summary.progress.budget.displayPercent);
    expect(view.rows.map((r) => r.year)).toEqual([2019, 2020, 2021]);

    // Changed: the years no longer add up; a warning, the reported figure stays.
    await ok('spendingYearSave', { evaluationId: a.evaluationId, id: second.id, year: 2020, spentKr: 1_100_000.5, note: second.note });
    const changed = await a.detail();
    expect(changed.evaluation.budgetSpentKr).toBe(reported);
    expect(spendingByYear({ budgetYears: changed.summary.budget.years, spending: changed.spendingByYear, reportedSpentKr: reported, roundBudgetKr: changed.summary.progress.budget.totalKr }).check).toEqual({
      state: 'differs',
      sumKr: reported + 100_000,
      reportedKr: reported,
      differenceKr: 100_000,
    });
    const [row] = await ok('auditList', { projectId: a.projectId, entity: 'spendingYear', limit: 1 });
    expect(row).toMatchObject({ field: 'spentKr', oldValue: '1000000.5', newValue: '1100000.5', user: 'Ida Evaluator' });

    await ok('spendingYearDelete', { id: second.id });
    expect((await a.detail()).spendingByYear.map((s) => s.year)).toEqual([2019]);
  });

  it('refuses a negative amount, a year out of range, a second row for the same year and an unknown round, and changes nothing', async () => {
    const a = await application();
    await ok('spendingYearSave', { evaluationId: a.evaluationId, year: 2021, spentKr: 500_000 });
    const digest = await fx.services.store.dataDigest();
    const negative = await callChannel(fx.table, 'spendingYearSave', { evaluationId: a.evaluationId, year: 2022, spentKr: -1 });
    expect(negative).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('Forbruget kan ikke være negativt.') } });
    const year = await callChannel(fx.table, 'spendingYearSave', { evaluationId: a.evaluationId, year: 20221, spentKr: 1 });
    expect(year).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('Året skal ligge mellem 1900 og 2200.') } });
    const text = await callChannel(fx.table, 'spendingYearSave', { evaluationId: a.evaluationId, year: 2022, spentKr: '1.000' as unknown as number });
    expect(text).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const twice = await callChannel(fx.table, 'spendingYearSave', { evaluationId: a.evaluationId, year: 2021, spentKr: 1 });
    expect(twice).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Forbruget for 2021 er allerede registreret i runden; ret det i stedet.' } });
    const missing = await callChannel(fx.table, 'spendingYearSave', { evaluationId: 999_999, year: 2022, spentKr: 1 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await fx.services.store.dataDigest()).toBe(digest);
  });

  it("lists spending by year in the evaluation workbook's budget sheet, with the total and the check against spent to date", async () => {
    const a = await application();
    await ok('evaluationUpdate', { evaluationId: a.evaluationId, patch: { budgetSpentKr: 3_000_000 } });
    await ok('spendingYearSave', { evaluationId: a.evaluationId, year: 2019, spentKr: 1_200_000, note: 'Statusrapport 2019' });
    await ok('spendingYearSave', { evaluationId: a.evaluationId, year: 2020, spentKr: 1_700_000 });
    const chosen = await ok('chooseSavePath', { kind: 'evaluation', defaultName: 'wls.xlsx' });
    await ok('exportEvaluation', { projectId: a.projectId, evaluationId: a.evaluationId, outPath: chosen.path! });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(chosen.path!);
    const rows: unknown[][] = [];
    wb.getWorksheet('Budget og tid')!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const head = rows.findIndex((r) => r[0] === 'Budget og forbrug pr. år (kr.)');
    expect(head).toBeGreaterThan(0);
    expect(rows[head + 1]).toEqual(['År', 'Budget (kr.)', 'Forbrugt (kr.)', 'Rest (kr.)', 'Forbrug (%)', 'Kilde/note']);
    const d = await a.detail();
    const b2019 = d.summary.budget.years.find((y) => y.year === 2019)!.totalKr;
    expect(rows[head + 2]).toEqual([2019, b2019, 1_200_000, b2019 - 1_200_000, Math.round((1_200_000 / b2019) * 1000) / 10, 'Statusrapport 2019']);
    expect(rows[head + 3].slice(0, 3)).toEqual([2020, d.summary.budget.years.find((y) => y.year === 2020)!.totalKr, 1_700_000]);
    // 2021 has a budget and no recorded spending: empty, not 0 kr.
    expect(rows[head + 4].slice(0, 4)).toEqual([2021, d.summary.budget.years.find((y) => y.year === 2021)!.totalKr, undefined, undefined]);
    expect(rows[head + 5].slice(0, 3)).toEqual(['I alt', d.summary.progress.budget.totalKr, 2_900_000]);
    expect(rows[head + 6][0]).toBe('Forbruget pr. år giver i alt 2.900.000 kr., men runden har rapporteret 3.000.000 kr. forbrugt til dato (forskel \u2212100.000 kr.). Budgetforbruget bruger det rapporterede tal.');
  });

  it('goes with the round into a portfolio document and back; a document with a year twice is refused', async () => {
    const a = await application();
    await ok('spendingYearSave', { evaluationId: a.evaluationId, year: 2020, spentKr: 1_250_000.5, note: 'Statusrapport' });
    const doc = await dumpPortfolioDocument(fx.services.store);
    const project = doc.projects.find((p) => p.facts.name.includes('work-live-stay'))!;
    expect(project.evaluations.at(-1)!.spendingByYear).toEqual([{ year: 2020, spentKr: 1_250_000.5, note: 'Statusrapport' }]);
    // Rounds without it keep the shape they had.
    expect(doc.projects.flatMap((p) => p.evaluations).filter((e) => 'spendingByYear' in e)).toHaveLength(1);
    const other = await openPortfolioStore(join(mkdtempSync(join(tmpdir(), 'trafiklys-spending-doc-')), 'copy.sqlite'), { user: 'test' });
    try {
      await loadPortfolioDocument(other, doc);
      expect(await dumpPortfolioDocument(other)).toEqual(doc);
    } finally {
      await other.close();
    }
    const twice = structuredClone(doc);
    twice.projects.find((p) => p.facts.name.includes('work-live-stay'))!.evaluations.at(-1)!.spendingByYear!.push({ year: 2020, spentKr: 1, note: '' });
    const parsed = PortfolioDocumentSchema.safeParse(twice);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toContain('Forbruget for 2020 står to gange.');
  });

  itNotOnPostgres(engine, 'writes the seal as an older app left it in the SQLite file')('a round finished before spending by year was kept (its seal has no such list) refuses spending added to it', async () => {
    const a = await application();
    await ok('evaluationFinalize', { evaluationId: a.evaluationId });
    await fx.services.close();
    // The seal as a version-8 app wrote it: without the spendingByYear key.
    await new Promise<void>((resolve, reject) => {
      const db = new sqlite3.Database(fx.dbPath);
      db.run("UPDATE evaluation_sign_offs SET sealed = json_remove(sealed, '$.spendingByYear') WHERE evaluation_id = ?", [a.evaluationId], (e) =>
        db.close(() => (e ? reject(e) : resolve())),
      );
    });
    await fx.reopen();
    const digest = await fx.services.store.dataDigest();
    const added = await callChannel(fx.table, 'spendingYearSave', { evaluationId: a.evaluationId, year: 2019, spentKr: 1_000 });
    expect(added).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await fx.services.store.dataDigest()).toBe(digest);
  });
});
