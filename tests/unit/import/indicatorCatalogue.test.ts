import { catalogueProblemText, parseIndicatorCatalogue } from '../../../shared/import/indicatorCatalogue';

describe('indicator catalogue CSV', () => {
  it('reads code, name, unit and level under Danish or English headers, ; or , separated', () => {
    const da = parseIndicatorCatalogue('\uFEFFKode;Navn;Enhed;Niveau\nEECO01;Ledige, herunder langtidsledige;deltagere;output\nEECR03;Deltagere, der opnår en kvalifikation;deltagere;resultat\n');
    expect(da).toEqual({
      ok: true,
      rows: [
        { code: 'EECO01', name: 'Ledige, herunder langtidsledige', unit: 'deltagere', level: 'B', line: 2 },
        { code: 'EECR03', name: 'Deltagere, der opnår en kvalifikation', unit: 'deltagere', level: 'C', line: 3 },
      ],
    });
    const en = parseIndicatorCatalogue('level,code,name,unit\nA,X1,"Workshops, held",workshops\n');
    expect(en).toEqual({ ok: true, rows: [{ code: 'X1', name: 'Workshops, held', unit: 'workshops', level: 'A', line: 2 }] });
  });

  it('names the line and column of every problem', () => {
    const r = parseIndicatorCatalogue('kode;navn;enhed;niveau\nA1;Et;stk;output\n;To;stk;output\nA1;Tre;stk;mellem\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => catalogueProblemText('eu.csv', p))).toEqual([
      'eu.csv, linje 3, kolonne 1 (kode): Koden mangler.',
      'eu.csv, linje 4, kolonne 1 (kode): Koden "A1" står også i linje 2.',
      'eu.csv, linje 4, kolonne 4 (niveau): Niveauet "mellem" kendes ikke (A/aktivitet, B/output, C/effekt eller resultat).',
    ]);
  });

  it('refuses a file without the columns it needs, or without rows', () => {
    const r = parseIndicatorCatalogue('kode;navn\nA1;Et\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.message).join(' ')).toMatch(/mangler kolonnen "enhed".*mangler kolonnen "niveau"/);
    expect(parseIndicatorCatalogue('kode;navn;enhed;niveau\n')).toMatchObject({ ok: false, problems: [{ message: 'Filen har en overskriftsrække, men ingen indikatorer.' }] });
    expect(parseIndicatorCatalogue('')).toMatchObject({ ok: false });
  });
});
