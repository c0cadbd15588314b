import { goalCodeAtStart, goalHeaderColumns, goalHeaderRole, headerText, readGoalCell, TOTALS_ROW } from '../../../shared/import/goalColumns';

describe('goal table headers as reports write them', () => {
  it.each([
    ['Målsætning', 'targetIn'],
    ['Mål i projektperioden', 'targetIn'],
    ['Mål i\nprojektperio-\nden', 'targetIn'],
    ['Målsætning i projektperioden', 'targetIn'],
    ['Målsæt-\nning i\nprojekt-\nperioden', 'targetIn'],
    ['Måltal', 'targetIn'],
    ['Målsætning efter projektperioden', 'targetAfter'],
    ['Målsæt-\nning efter\nprojektpe-\nrioden', 'targetAfter'],
    ['Status', 'status'],
    ['Status på evalueringstidspunktet', 'status'],
    ['Status på\nevaluerings-\ntidspunktet', 'status'],
    ['Procentvis målopnåelse', 'percent'],
    ['Procent-\nvis målop-\nnåelse', 'percent'],
    ['Målopnåelse i procent', 'percent'],
    ['Målopnåelse\ni procent', 'percent'],
    ['Kode', 'code'],
    ['Aktivitetsmål', 'label'],
    ['Beskrivelse', 'label'],
    ['Bemærkning', null],
  ] as const)('%j is the %s column', (header, role) => {
    expect(goalHeaderRole(header)).toBe(role);
  });

  it('undoes hyphenation over lines but keeps "og"-compounds', () => {
    expect(headerText('Målsæt-\nning i\nprojekt-\nperioden')).toBe('målsætning i projektperioden');
    expect(headerText('Budget-\nog tidsforbrug')).toBe('budget- og tidsforbrug');
  });

  it('reads the columns of a header run together, in order', () => {
    expect(goalHeaderColumns('Målsætning Status på evalueringstidspunktet Procentvis målopnåelse')).toEqual(['targetIn', 'status', 'percent']);
    expect(goalHeaderColumns('Målsætning i projektperioden Målsætning efter projektperioden Status Procentvis målopnåelse')).toEqual(['targetIn', 'targetAfter', 'status', 'percent']);
  });
});

describe('goal table cells', () => {
  it.each(['', '-', '–', '—', 'n/a', 'ikke opgjort', '*'])('%j is not reported: no value, never 0', (cell) => {
    expect(readGoalCell(cell, 'status')).toEqual({ ok: true, value: null });
  });

  it('reads Danish figures and percents, and says why a figure cannot be read', () => {
    expect(readGoalCell('19.037', 'targetIn')).toEqual({ ok: true, value: 19037 });
    expect(readGoalCell('88 %', 'percent')).toEqual({ ok: true, value: 88 });
    expect(readGoalCell('25.6', 'targetIn')).toMatchObject({ ok: false, message: expect.stringContaining('25.6') });
  });

  it('knows totals rows', () => {
    expect(['I alt', 'Gennemsnit', 'Total', 'Samlet'].every((t) => TOTALS_ROW.test(t))).toBe(true);
    expect(TOTALS_ROW.test('Iværksættere')).toBe(false);
  });
});

describe('goal codes at the start of a cell', () => {
  it('reads "B1: Antal deltagere", "B1 Antal", "C12." and a code of four digits', () => {
    expect(goalCodeAtStart('B1: Antal deltagere')).toMatchObject({ code: 'B1', level: 'B', rest: 'Antal deltagere', normalised: false });
    expect(goalCodeAtStart('B1 Antal')).toMatchObject({ code: 'B1', rest: 'Antal' });
    expect(goalCodeAtStart('C12.')).toMatchObject({ code: 'C12' });
    expect(goalCodeAtStart('B1000: Kurser')).toMatchObject({ code: 'B1000', digits: '1000' });
    expect(goalCodeAtStart('Antal deltagere')).toBeNull();
  });

  it('reads through zero-width and full-width characters, and says so', () => {
    expect(goalCodeAtStart('B\u200B1: Antal')).toMatchObject({ code: 'B1', normalised: true, raw: 'B\u200B1:' });
    expect(goalCodeAtStart('Ｂ１: Antal')).toMatchObject({ code: 'B1', normalised: true });
  });
});
