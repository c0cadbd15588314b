/**
 * Marks the matched words in a snippet (private-use characters: they never occur in user text).
 * In a module of their own, without zod, so that the renderer's first chunk (the search box is on
 * the first screen) does not evaluate zod's schemas (issue 12, first paint).
 */
export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';
