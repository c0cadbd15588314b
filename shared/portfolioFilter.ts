import { LIGHT_KINDS, type EvaluationType, type Light } from './domain';
import type { ProjectSummary } from './contracts/views';

/**
 * The portfolio's filter (METHODOLOGY.md section 11): one rule for the table on screen, the
 * portfolio export and the CLI, so an export holds exactly the projects the user was looking at.
 */
export interface PortfolioFilter {
  /** Part of the name, grant recipient, case officer or funding source (case-insensitive). */
  search?: string;
  fundingSource?: string | null;
  caseOfficer?: string | null;
  evaluationType?: EvaluationType | null;
  /** Projects with at least one light of this colour. */
  light?: Light | null;
}

export function isFilterActive(f: PortfolioFilter): boolean {
  return Boolean(f.search?.trim() || f.fundingSource || f.caseOfficer || f.evaluationType || f.light);
}

export function filterSummaries<T extends ProjectSummary>(rows: T[], f: PortfolioFilter): T[] {
  const q = (f.search ?? '').trim().toLocaleLowerCase();
  return rows.filter(
    (r) =>
      (!q || [r.name, r.grantRecipient, r.caseOfficer, r.fundingSource].some((v) => v.toLocaleLowerCase().includes(q))) &&
      (!f.fundingSource || r.fundingSource === f.fundingSource) &&
      (!f.caseOfficer || r.caseOfficer === f.caseOfficer) &&
      (!f.evaluationType || r.evaluationType === f.evaluationType) &&
      (!f.light || LIGHT_KINDS.some((k) => r.lights[k] === f.light)),
  );
}

const TYPE_DA: Record<EvaluationType, string> = { midterm: 'midtvejsevaluering', final: 'slutevaluering' };
const LIGHT_DA: Record<Light, string> = { green: 'grøn', yellow: 'gul', red: 'rød' };

/** "søgning "talent"; finansieringskilde Socialfonden (ESF); trafiklys gul", or '' without a filter. */
export function describeFilterDa(f: PortfolioFilter): string {
  const parts: string[] = [];
  if (f.search?.trim()) parts.push(`søgning "${f.search.trim()}"`);
  if (f.fundingSource) parts.push(`finansieringskilde ${f.fundingSource}`);
  if (f.caseOfficer) parts.push(`sagsbehandler ${f.caseOfficer}`);
  if (f.evaluationType) parts.push(`evalueringstype ${TYPE_DA[f.evaluationType]}`);
  if (f.light) parts.push(`mindst ét trafiklys ${LIGHT_DA[f.light]}`);
  return parts.join('; ');
}
