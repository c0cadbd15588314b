import type { EvaluationType, LightKind } from '../../shared/domain';
import { parseDanishDate } from '../../shared/numbers/danishDate';
import type { LightChoice, PortfolioFilter } from '../../shared/portfolioFilter';
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
  'light-kind': { type: 'string' },
  'running-from': { type: 'string' },
  'running-to': { type: 'string' },
  'evaluated-from': { type: 'string' },
  'evaluated-to': { type: 'string' },
};

export const FILTER_USAGE = '[--search TEKST] [--funding-source KILDE] [--case-officer NAVN] [--evaluation-type midtvejs|slut] [--light grøn|gul|rød|intet] [--light-kind implementering|målopnåelse|effekt] [--running-from DATO] [--running-to DATO] [--evaluated-from DATO] [--evaluated-to DATO]';

const TYPES: Record<string, EvaluationType> = { midtvejs: 'midterm', midterm: 'midterm', slut: 'final', final: 'final' };
const LIGHTS: Record<string, LightChoice> = { grøn: 'green', green: 'green', gul: 'yellow', yellow: 'yellow', rød: 'red', red: 'red', intet: 'none', none: 'none' };
const KINDS: Record<string, LightKind> = {
  implementering: 'implementation',
  implementation: 'implementation',
  målopnåelse: 'goals',
  goals: 'goals',
  effekt: 'effect',
  effect: 'effect',
};

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
  const light = choice('light', LIGHTS, 'grøn, gul, rød eller intet');
  if (light) filter.light = light;
  const lightKind = choice('light-kind', KINDS, 'implementering, målopnåelse eller effekt');
  if (lightKind) {
    if (!light) throw new CliError('--light-kind kræver --light (fx --light-kind effekt --light rød).', 2);
    filter.lightKind = lightKind;
  }
  // Danish dates as the screen takes them ("02.12.2022"; ISO is read too).
  const date = (name: string): string | undefined => {
    const v = text(name);
    if (v === undefined) return undefined;
    try {
      return parseDanishDate(v);
    } catch {
      throw new CliError(`Ugyldig dato til --${name}: "${v}". Skriv den som DD.MM.ÅÅÅÅ, fx 02.12.2022.`, 2);
    }
  };
  const dates = { runningFrom: date('running-from'), runningTo: date('running-to'), evaluatedFrom: date('evaluated-from'), evaluatedTo: date('evaluated-to') };
  for (const [key, value] of Object.entries(dates)) if (value) filter[key as keyof typeof dates] = value;
  for (const [from, to, name] of [[dates.runningFrom, dates.runningTo, 'running'], [dates.evaluatedFrom, dates.evaluatedTo, 'evaluated']] as const)
    if (from && to && from > to) throw new CliError(`--${name}-from ligger efter --${name}-to.`, 2);
  return filter;
}
