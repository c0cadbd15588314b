import { z } from 'zod';
import type { BusinessCase, Indicator } from '../domain';
import type { BusinessCaseResult } from '../methodology/businessCase';
import { defineContract } from './core';
import { Id, Kr, LongText, ShortText } from './schemas';

/**
 * Issue 14 below the goal table: a project's business case and the catalogue of common
 * indicators. Goals carry their share and comparison fields through goal:create / goal:update
 * (GoalFieldsSchema) and a share's status its denominator through status:add; a goal is linked to
 * an indicator (common or own) with indicator:link.
 */

const Count = z.number().finite().min(0, { message: 'Tallet kan ikke være negativt.' });

/** A business case's inputs as the user enters them; a missing figure is null, never 0. */
export const BusinessCaseFieldsSchema = z
  .object({
    costPerParticipantKr: Kr.min(0, { message: 'Udgiften kan ikke være negativ.' }).nullable(),
    costSource: ShortText,
    savingPerCitizenYearKr: Kr.nullable(),
    savingSource: ShortText,
    citizens: Count.nullable(),
    citizensSource: ShortText,
    years: Count.max(100, { message: 'Højst 100 år.' }).nullable(),
    yearsSource: ShortText,
    note: LongText,
  })
  .strict();

/** A stored business case with its results, computed by shared/methodology/businessCase.ts. */
export interface BusinessCaseView {
  businessCase: BusinessCase;
  result: BusinessCaseResult;
}

/** What loading a catalogue did (or would do, with dryRun): per indicator whether it is new. */
export interface CatalogueLoadResult {
  file: string;
  created: number;
  updated: number;
  unchanged: number;
  /** The catalogue's indicators in file order; with dryRun, `id` is 0 for one not yet stored. */
  indicators: (Indicator & { line: number; change: 'created' | 'updated' | 'unchanged' })[];
  dryRun: boolean;
}

export const measureContracts = {
  /** The project's business case with its results; null when it has none. */
  businessCaseGet: defineContract({
    channel: 'businessCase:get',
    input: z.object({ projectId: Id }).strict(),
    output: z.custom<BusinessCaseView | null>(),
  }),
  /** Creates or replaces the project's business case (audited as 'businessCase'). */
  businessCaseSave: defineContract({
    channel: 'businessCase:save',
    input: z.object({ projectId: Id, fields: BusinessCaseFieldsSchema }).strict(),
    output: z.custom<BusinessCaseView>(),
  }),
  businessCaseDelete: defineContract({
    channel: 'businessCase:delete',
    input: z.object({ projectId: Id }).strict(),
    output: z.object({ ok: z.literal(true) }),
  }),
  /**
   * Loads a catalogue of common indicators (EU common output and result indicators) from a CSV
   * the user picked (dialog:chooseImportFiles or import:stageFiles): columns code, name, unit,
   * level (Danish or English headers), ';' or ',' separated. All or nothing: an error names the
   * file, line and column and nothing is written. An indicator whose code is stored is updated.
   */
  indicatorCatalogueLoad: defineContract({
    channel: 'indicator:loadCatalogue',
    input: z.object({ path: z.string().min(1).max(4096), dryRun: z.boolean().optional() }).strict(),
    output: z.custom<CatalogueLoadResult>(),
  }),
};
