import { danishDateOf } from '../numbers/danishDate';
import type { MethodologyProfile } from './profile';

/**
 * A numbered version of the portfolio's methodology profile. Every change makes a new version;
 * the highest is in force, and a final round keeps the version it was scored with.
 */
export interface ProfileVersionRef {
  version: number;
  /** ISO time the version was made. */
  createdAt: string;
  /** Who made it ('' for the version a migration made from the profile the file had). */
  createdBy: string;
}

export interface ProfileVersion extends ProfileVersionRef {
  profile: MethodologyProfile;
}

/**
 * "Metodeprofil version 3 af 03.12.2026", the one wording every screen, workbook and report uses.
 * `null` is a round signed off before profile versions existed with a profile that was no longer
 * the one in force: it keeps the profile it stored, which has no number.
 */
export function profileVersionLabel(ref: ProfileVersionRef | null, lang: 'da' | 'en' = 'da'): string {
  if (ref === null)
    return lang === 'en' ? 'Methodology profile from before profile versions (kept at sign-off)' : 'Metodeprofil fra før profilversioner (gemt ved afslutningen)';
  const date = /^\d{4}-\d{2}-\d{2}/.test(ref.createdAt) ? danishDateOf(ref.createdAt) : '';
  return lang === 'en'
    ? `Methodology profile version ${ref.version}${date ? ` of ${date}` : ''}`
    : `Metodeprofil version ${ref.version}${date ? ` af ${date}` : ''}`;
}
