import { z } from 'zod';

/** What a search result is: the kind of text it was found in (see migration 007). */
export const SearchKindSchema = z.enum(['project', 'goal', 'effect', 'evaluation', 'score', 'light', 'learning', 'text', 'history']);
export type SearchKind = z.infer<typeof SearchKindSchema>;

/** The project tab a kind of text is shown on (evaluation texts: by their key). */
export type SearchTab = 'resume' | 'facts' | 'implementation' | 'goals' | 'budget' | 'effect' | 'learning' | 'history';

const TEXT_TABS: Record<string, SearchTab> = {
  facts: 'facts',
  implementation: 'implementation',
  activityGoals: 'goals',
  outputGoals: 'goals',
  progress: 'budget',
  effect: 'effect',
  learning: 'learning',
};

/** Where a found text is edited: the tab of the project view. */
export function tabOf(kind: SearchKind, field: string): SearchTab {
  switch (kind) {
    case 'project':
      return 'facts';
    case 'goal':
      return 'goals';
    case 'effect':
      return 'effect';
    case 'evaluation':
    case 'light':
      return 'resume';
    case 'score':
      return 'implementation';
    case 'learning':
      return 'learning';
    case 'text':
      return TEXT_TABS[field] ?? 'resume';
    case 'history':
      return 'history';
  }
}

export { MATCH_END, MATCH_START } from './marks';

export const SearchHitSchema = z.object({
  projectId: z.number().int(),
  projectName: z.string(),
  /** The round the text belongs to; null for the project's own texts. */
  evaluationId: z.number().int().nullable(),
  kind: SearchKindSchema,
  /** Which field: 'name', a score's parameter, a light's kind, a text key, an audit field. */
  field: z.string(),
  /** The row within its kind (a goal's id, "evaluationId:parameter"). */
  ref: z.string(),
  tab: z.string(),
  /** The text around the match, the matched words between MATCH_START and MATCH_END. */
  snippet: z.string(),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;


export const MAX_SEARCH_RESULTS = 100;
export const DEFAULT_SEARCH_RESULTS = 30;

/**
 * The FTS5 query of what a user typed: every word must occur (AND), the last one as a prefix
 * (search as you type). Each word is quoted, so FTS5 syntax (NEAR, -, ", *, :) typed by a user is
 * text, never an operator or an error. Null when nothing searchable is left.
 */
export function ftsQuery(input: string): string | null {
  const words = input
    .normalize('NFC')
    .split(/[\s"]+/u)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => w.length > 0)
    .slice(0, 12);
  if (words.length === 0) return null;
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}
