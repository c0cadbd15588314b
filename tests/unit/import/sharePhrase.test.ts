import { recogniseReportText } from '../../../shared/import/reportText';
import { readSharePhrase } from '../../../shared/import/sharePhrase';
import { linesOfText } from '../../../shared/import/text';

describe('readSharePhrase', () => {
  it('reads "30 af 124 (24 %)" and computes the percent from the counts', () => {
    expect(readSharePhrase('I selvforsørgelse 30 af 124 (24 %)')).toMatchObject({
      ok: true,
      share: { numerator: 30, denominator: 124, printedPercent: 24, computedPercent: 24, printedDiffers: false, before: 'I selvforsørgelse' },
    });
  });

  it('reads "ud af", Danish thousands, "24%" and "pct.", and a share without a printed percent', () => {
    expect(readSharePhrase('1.200 ud af 19.037 (6,3%)')).toMatchObject({ ok: true, share: { numerator: 1200, denominator: 19037, printedPercent: 6.3, computedPercent: 6 } });
    expect(readSharePhrase('30 af 124 (24 pct.)')).toMatchObject({ ok: true, share: { printedPercent: 24 } });
    expect(readSharePhrase('30 af 124')).toMatchObject({ ok: true, share: { numerator: 30, denominator: 124, printedPercent: null, printedDiffers: false } });
  });

  it('flags a printed percent that disagrees with the counts by more than a point', () => {
    expect(readSharePhrase('30 af 124 (25 %)')).toMatchObject({ ok: true, share: { printedDiffers: false } });
    expect(readSharePhrase('30 af 124 (34 %)')).toMatchObject({ ok: true, share: { printedPercent: 34, computedPercent: 24, printedDiffers: true } });
  });

  it('gives an error for a share of 0 or a numerator above its denominator, and null for no share', () => {
    expect(readSharePhrase('5 af 0 (0 %)')).toMatchObject({ ok: false, message: expect.stringContaining('af 0') });
    expect(readSharePhrase('130 af 124')).toMatchObject({ ok: false, message: expect.stringContaining('større end nævneren') });
    expect(readSharePhrase('Afholdelse af 24 netværksaktiviteter')).toBeNull();
    expect(readSharePhrase('30 deltagere')).toBeNull();
  });
});

describe('share rows in a report text', () => {
  const text = [
    'Tabel 7: Effektmål',
    'C1: Boligplacerede i selvforsørgelse 30 % 30 af 124 (34 %)',
    'C2: Selvforsørgende inden for 6 måneder 25 20 af 30 (67 %)',
    'C3: I uddannelse 10 af 0',
    'Note: Data er indrapporteret af tilskudsmodtager den 02.12.2018',
  ].join('\n');
  const r = recogniseReportText(linesOfText(text), 'talent.pdf');

  it('reads a share goal with a percent target, its status as numerator and denominator', () => {
    expect(r.items.find((i) => i.type === 'goal' && i.code === 'C1')).toMatchObject({
      description: 'Boligplacerede i selvforsørgelse',
      targetInPeriod: 30,
      measure: 'share',
      shareTargetKind: 'percent',
    });
    expect(r.items.find((i) => i.type === 'status' && i.code === 'C1')).toMatchObject({
      value: 30,
      denominator: 124,
      printedPercent: 34,
      computedPercent: 24,
      reportedAt: '2018-12-02',
      source: { file: 'talent.pdf', location: 'linje 2' },
    });
  });

  it('reads a count target before the share', () => {
    expect(r.items.find((i) => i.type === 'goal' && i.code === 'C2')).toMatchObject({ targetInPeriod: 25, shareTargetKind: 'count', measure: 'share' });
  });

  it('flags the printed percent that disagrees, with its place, and refuses a share of 0', () => {
    expect(r.issues.find((i) => i.message.includes('C1'))).toMatchObject({
      severity: 'warning',
      location: 'linje 2',
      message: 'C1: trykt andel 34 % afviger fra beregnet 24 % (30 af 124).',
    });
    expect(r.issues.some((i) => i.message.includes('C2'))).toBe(false);
    expect(r.issues.find((i) => i.message.includes('C3'))).toMatchObject({ severity: 'error', location: 'linje 4' });
    expect(r.items.some((i) => 'code' in i && i.code === 'C3')).toBe(false);
  });
});
