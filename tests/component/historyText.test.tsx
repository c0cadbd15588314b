import { createI18n } from '../../renderer/src/i18n';
import { createFormatter } from '../../renderer/src/format';
import { auditFieldLabel, auditGoalCode, auditIndicatorText, auditValueText } from '../../renderer/src/views/project/historyText';
import type { AuditEntry, Goal, StatusReport } from '../../shared/domain';

function setup(lang: 'da' | 'en') {
  const i18n = createI18n(lang);
  const exists = (key: string) => typeof i18n.getResource(lang, 'translation', key) === 'string';
  return { t: i18n.t.bind(i18n), exists, fmt: createFormatter(lang), lang };
}

describe('the audit log in words', () => {
  it('names an approval of a reported figure and its state in words (issue 13)', () => {
    const { t, exists, fmt } = setup('da');
    expect(auditFieldLabel(t, exists, 'da', 'status', 'approval')).toBe('Godkendelse');
    expect(auditFieldLabel(t, exists, 'da', 'evaluation', 'progressApproval')).toBe('Godkendelse af budget- og tidstal');
    expect(auditFieldLabel(t, exists, 'da', 'status', 'returnComment')).toBe('Kommentar ved returnering');
    expect(auditValueText(t, exists, fmt, 'status', 'reported', 'approval').short).toBe('Indrapporteret');
    expect(auditValueText(t, exists, fmt, 'status', 'approved', 'approval').short).toBe('Godkendt');
    expect(auditValueText(t, exists, fmt, 'evaluation', 'returned', 'progressApproval').short).toBe('Returneret');
    // A status imported as reported: its approval is its own row, not part of the created row's text.
    const row = JSON.stringify({ id: 7, goalId: 3, value: 5, reportedAt: '2023-03-01', reportedBy: 'Bevillingsmodtager', approval: { state: 'reported', by: '', at: null, comment: '' } });
    expect(auditValueText(t, exists, fmt, 'status', row).full).not.toContain('reported');
    const en = setup('en');
    expect(auditValueText(en.t, en.exists, en.fmt, 'status', 'approved', 'approval').short).toBe('Approved');
  });

  it('names fields as the app does, per language', () => {
    const da = setup('da');
    expect(auditFieldLabel(da.t, da.exists, 'da', 'score', 'score.2')).toBe('2. Sammenhæng mellem aktiviteter og mål: score');
    expect(auditFieldLabel(da.t, da.exists, 'da', 'light', 'reason.effect')).toBe('Effektvurdering: begrundelse');
    expect(auditFieldLabel(da.t, da.exists, 'da', 'goal', 'targetInPeriod')).toBe(da.t('goals.targetInPeriod'));
    expect(auditFieldLabel(da.t, da.exists, 'da', 'project', 'created')).toBe('oprettet');
    // `npm run cli -- generate` logs one row per project for all it wrote.
    expect(auditFieldLabel(da.t, da.exists, 'da', 'project', 'generated')).toBe('genereret (syntetisk, med mål, statusser og evalueringer)');
    const en = setup('en');
    expect(auditFieldLabel(en.t, en.exists, 'en', 'project', 'generated')).toBe('generated (synthetic, with goals, statuses and evaluations)');
    expect(auditFieldLabel(en.t, en.exists, 'en', 'score', 'headline.1')).toMatch(/^1\. Organisation and cooperation: headline/);
  });

  it('shows a created row as its fields with Danish numbers and dates, not JSON', () => {
    const { t, exists, fmt } = setup('da');
    const row = JSON.stringify({ id: 7, goalId: 3, value: 19037, reportedAt: '2022-12-02', reportedBy: 'Bevillingsmodtager', printedPercent: null, source: { file: 'a.pdf', location: 'side 2' } });
    const text = auditValueText(t, exists, fmt, 'status', row);
    expect(text.full).toBe(`${t('goals.value')}: 19.037; ${t('goals.reportedAt')}: 02.12.2022; ${t('goals.reportedBy')}: Bevillingsmodtager`);
    expect(text.full).not.toContain('{');
    const goal = auditValueText(t, exists, fmt, 'goal', JSON.stringify({ id: 1, projectId: 1, level: 'C', code: 'C2', targetInPeriod: 60, direction: 'higher' })).full;
    expect(goal).toBe(`Niveau: effektmål; ${t('goals.code')}: C2; ${t('goals.targetInPeriod')}: 60; Retning: Højere er bedre`);
    const learning = auditValueText(t, exists, fmt, 'learning', JSON.stringify({ id: 2, kind: 'learning', title: 'Fastholdelse', text: 'Undervejs ...' })).full;
    expect(learning).toBe('Art: Læringspunkter; Titel: Fastholdelse; Tekst: Undervejs ...');
    expect(auditValueText(t, exists, fmt, 'effectChain', JSON.stringify({ column: 'effect', text: 'Øget jobskabelse' })).full).toBe('Kolonne: Effekter; Tekst: Øget jobskabelse');
    expect(auditValueText(t, exists, fmt, 'light', 'yellow').short).toBe('Gul');
    expect(auditValueText(t, exists, fmt, 'score', '3.5').short).toBe('3,5');
    expect(auditValueText(t, exists, fmt, 'score', null).short).toBe('–');
    const long = auditValueText(t, exists, fmt, 'learning', 'x'.repeat(400));
    expect(long.short).toHaveLength(161);
    expect(long.full).toHaveLength(400);
  });

  it('years stay years, and goal and status rows name their goal, also once deleted', () => {
    const { t, exists, fmt } = setup('da');
    expect(auditValueText(t, exists, fmt, 'budgetLine', JSON.stringify({ costType: 'Revision', year: 2021, amountKr: 41328 })).full).toContain('2021; ');
    const goals = [{ id: 4, code: 'B1' }] as Goal[];
    const reports = [{ id: 9, goalId: 4 }] as StatusReport[];
    const entry = (e: Partial<AuditEntry>): AuditEntry => ({ id: 1, at: '', user: '', projectId: 1, entity: 'goal', entityId: null, field: 'created', oldValue: null, newValue: null, ...e });
    expect(auditGoalCode(entry({ entity: 'status', entityId: 9, field: 'value' }), goals, reports)).toBe('B1');
    expect(auditGoalCode(entry({ entity: 'status', entityId: 12, newValue: JSON.stringify({ goalId: 4, value: 240 }) }), goals, reports)).toBe('B1');
    expect(auditGoalCode(entry({ entity: 'goal', entityId: 4, field: 'description' }), goals, reports)).toBe('B1');
    expect(auditGoalCode(entry({ entity: 'goal', entityId: 77, field: 'deleted', oldValue: JSON.stringify({ id: 77, code: 'C3' }) }), goals, reports)).toBe('C3');
    expect(auditGoalCode(entry({ entity: 'score', entityId: 1 }), goals, reports)).toBeNull();
  });
  it('names the indicator a goal was linked to, not its number', () => {
    const { t, exists, lang } = setup('da');
    const indicators = [{ id: 7, code: 'EECO01', name: 'Deltagere i alt' }, { id: 8, code: '', name: 'Virksomheder på karriereportalen' }];
    expect(auditFieldLabel(t, exists, lang, 'goal', 'indicatorId')).toBe('Indikator');
    expect(auditIndicatorText(t, '7', indicators)?.short).toBe('EECO01 Deltagere i alt');
    expect(auditIndicatorText(t, '8', indicators)?.short).toBe('Virksomheder på karriereportalen');
    expect(auditIndicatorText(t, null, indicators)?.short).toBe('Ingen indikator');
    expect(auditIndicatorText(t, '9', indicators)?.short).toBe('Indikator nr. 9 (slettet siden)');
  });
});
