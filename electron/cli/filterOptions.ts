import type { EvaluationType, Light } from '../../shared/domain';
import type { PortfolioFilter } from '../../shared/portfolioFilter';
import { CliError, type CliArgs, type CliCommand } from './types';

/**
 * The portfolio view's filters as CLI options, for `summary` and `export --portfolio`: the same
 * rule (shared/portfolioFilter.ts), so a manager gets on the command line what the screen shows.
 */
export const FILTER_OPTIONS: CliCommand['options'] = {
  search: { type: 'string' },
  'funding-source': { type: 'string' },
  'case-officer': { type: 'string' },
  'evaluation-type': { type: 'string' },
  light: { type: 'string' },
};

export const FILTER_USAGE = '[--search TEKST] [--funding-source KILDE] [--case-officer NAVN] [--evaluation-type midtvejs|slut] [--light grøn|gul|rød]';

const TYPES: Record<string, EvaluationType> = { midtvejs: 'midterm', midterm: 'midterm', slut: 'final', final: 'final' };
const LIGHTS: Record<string, Light> = { grøn: 'green', green: 'green', gul: 'yellow', yellow: 'yellow', rød: 'red', red: 'red' };

export function filterFromArgs(args: CliArgs): PortfolioFilter {
  const text = (name: string): string | undefined => {
    const v = args.values[name];
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
  };
  const choice = <T,>(name: string, map: Record<string, T>, words: string): T | undefined => {
    const v = text(name);
    if (v === undefined) return undefined;
    const found = map[v.toLocaleLowerCase('da')];
    if (found === undefined) throw new CliError(`Ugyldig værdi til --${name}: "${v}". Brug ${words}.`, 2);
    return found;
  };
  const filter: PortfolioFilter = {};
  const search = text('search');
  if (search) filter.search = search;
  const fundingSource = text('funding-source');
  if (fundingSource) filter.fundingSource = fundingSource;
  const caseOfficer = text('case-officer');
  if (caseOfficer) filter.caseOfficer = caseOfficer;
  const evaluationType = choice('evaluation-type', TYPES, 'midtvejs eller slut');
  if (evaluationType) filter.evaluationType = evaluationType;
  const light = choice('light', LIGHTS, 'grøn, gul eller rød');
  if (light) filter.light = light;
  return filter;
}
