import type { BusinessCase } from '../domain';

/**
 * A project's business case (issue 14, seed 002 "Den økonomiske gevinst"): what an early effort
 * costs per participant against what it saves per citizen per year.
 *
 * **Decision (METHODOLOGY.md is silent on business cases):** three results, each from the
 * inputs alone, so the app, the workbook (live formulas) and the report state the same figure:
 * - saving per citizen = saving per citizen per year x years - cost per participant;
 * - total saving = saving per citizen x citizens;
 * - payback (years) = cost per participant / saving per citizen per year.
 * A result whose input is missing is null and names what it lacks; nothing is assumed (no
 * default of 1 year or 1 citizen). A saving of 0 or less has no payback.
 */

export type BusinessCaseInput = 'costPerParticipantKr' | 'savingPerCitizenYearKr' | 'citizens' | 'years';
export type BusinessCaseResultKey = 'savingPerCitizenKr' | 'totalSavingKr' | 'paybackYears';

export interface BusinessCaseResult {
  /** Saving per citizen over the years, net of the cost per participant (kr); null = an input is missing. */
  savingPerCitizenKr: number | null;
  /** Saving per citizen x citizens (kr). */
  totalSavingKr: number | null;
  /** Years until the yearly saving has paid the cost per participant; null also when the saving is 0 or less. */
  paybackYears: number | null;
  /** Per result the inputs it lacks (empty when computed). */
  missing: Record<BusinessCaseResultKey, BusinessCaseInput[]>;
}

/** The inputs each result reads, in the order the formula reads them. */
export const BUSINESS_CASE_INPUTS: Record<BusinessCaseResultKey, BusinessCaseInput[]> = {
  savingPerCitizenKr: ['savingPerCitizenYearKr', 'years', 'costPerParticipantKr'],
  totalSavingKr: ['savingPerCitizenYearKr', 'years', 'costPerParticipantKr', 'citizens'],
  paybackYears: ['costPerParticipantKr', 'savingPerCitizenYearKr'],
};

/** The formulas as the app, the workbook and the report print them. */
export const BUSINESS_CASE_FORMULAS: Record<BusinessCaseResultKey, { da: string; en: string }> = {
  savingPerCitizenKr: {
    da: 'Besparelse pr. borger = besparelse pr. borger pr. år × antal år − udgift pr. deltager',
    en: 'Saving per citizen = saving per citizen per year × years − cost per participant',
  },
  totalSavingKr: {
    da: 'Samlet besparelse = besparelse pr. borger × antal borgere',
    en: 'Total saving = saving per citizen × number of citizens',
  },
  paybackYears: {
    da: 'Tilbagebetalingstid (år) = udgift pr. deltager ÷ besparelse pr. borger pr. år',
    en: 'Payback (years) = cost per participant ÷ saving per citizen per year',
  },
};

export const BUSINESS_CASE_INPUT_LABELS: Record<BusinessCaseInput, { da: string; en: string }> = {
  costPerParticipantKr: { da: 'Udgift pr. deltager (kr.)', en: 'Cost per participant (DKK)' },
  savingPerCitizenYearKr: { da: 'Besparelse pr. borger pr. år (kr.)', en: 'Saving per citizen per year (DKK)' },
  citizens: { da: 'Antal borgere', en: 'Number of citizens' },
  years: { da: 'Antal år', en: 'Years' },
};

type Inputs = Pick<BusinessCase, BusinessCaseInput>;

export function businessCaseResult(bc: Inputs): BusinessCaseResult {
  const lacking = (key: BusinessCaseResultKey) => BUSINESS_CASE_INPUTS[key].filter((k) => bc[k] === null);
  const missing = { savingPerCitizenKr: lacking('savingPerCitizenKr'), totalSavingKr: lacking('totalSavingKr'), paybackYears: lacking('paybackYears') };
  const { costPerParticipantKr: cost, savingPerCitizenYearKr: saving, citizens, years } = bc;
  const perCitizen = saving !== null && years !== null && cost !== null ? saving * years - cost : null;
  return {
    savingPerCitizenKr: perCitizen,
    totalSavingKr: perCitizen !== null && citizens !== null ? perCitizen * citizens : null,
    paybackYears: cost !== null && saving !== null && saving > 0 ? cost / saving : null,
    missing,
  };
}
