import en from '../../../renderer/src/i18n/en.json';
import { danish, msg, NOTE_KEYS, NOTES_DA } from '../../../shared/import/notes';

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('import notes', () => {
  it('every Danish note has an English one with the same placeholders', () => {
    const english = en.import.notes as Record<string, string>;
    expect(Object.keys(english).sort()).toEqual([...NOTE_KEYS].sort());
    for (const key of NOTE_KEYS) expect(placeholders(english[key]), key).toEqual(placeholders(NOTES_DA[key]));
  });

  it('fills numbers, years and dates the Danish way, and a missing value as a dash', () => {
    expect(danish([msg('valueBudgetLine', { costType: 'Revision', year: 2021, amount: 41328.5 })])).toBe('Revision 2021: 41.328,5 kr.');
    expect(danish([msg('statusStored', { value: 19037, date: '2022-12-02', file: 'a.pdf' })])).toBe('Status 19.037 pr. 02.12.2022 er allerede gemt (fra a.pdf).');
    expect(danish([msg('valueTarget', { value: 256 }), msg('valueTarget', { value: null })], '; ')).toBe('mål 256; mål –');
    expect(danish([msg('issueStatusesAfterRound_other', { count: 3, dateRound: '2022-12-02' })])).toBe(
      '3 statusser er dateret efter evalueringsrunden pr. 02.12.2022 og tæller ikke i den; start en ny evalueringsrunde for at se dem.',
    );
  });
});
