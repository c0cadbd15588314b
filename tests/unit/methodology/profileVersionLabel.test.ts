import { profileVersionLabel } from '../../../shared/methodology/profileVersion';

describe('the profile version as every screen, workbook and report names it', () => {
  it('dates a version by the Danish calendar: made at 00:30 Danish time is of that day, not the UTC day before', () => {
    // 23:30 UTC on 3 December is 00:30 on 4 December in Copenhagen (winter time, UTC+1).
    const ref = { version: 3, createdAt: '2026-12-03T23:30:00.000Z', createdBy: 'admin' };
    expect(profileVersionLabel(ref)).toBe('Metodeprofil version 3 af 04.12.2026');
    expect(profileVersionLabel(ref, 'en')).toBe('Methodology profile version 3 of 04.12.2026');
    // Summer time (UTC+2): 22:15 UTC on 30 June is 00:15 on 1 July.
    expect(profileVersionLabel({ ...ref, createdAt: '2026-06-30T22:15:00.000Z' })).toBe('Metodeprofil version 3 af 01.07.2026');
    expect(profileVersionLabel({ ...ref, createdAt: '2026-06-30T21:45:00.000Z' })).toBe('Metodeprofil version 3 af 30.06.2026');
  });
});
