import { z } from 'zod';
import { MAX_SEARCH_RESULTS, SearchHitSchema } from '../search/types';
import { ProjectSourceSchema } from '../sources/types';
import { defineContract } from './core';
import { Id } from './schemas';

/** A kept file, by its id (the project's list) or by the file name a provenance note gives, with the note's place. */
const SourceTarget = z
  .object({ projectId: Id, sourceId: Id.optional(), fileName: z.string().min(1).max(1000).optional(), location: z.string().max(1000).optional() })
  .strict()
  .refine((v) => (v.sourceId === undefined) !== (v.fileName === undefined), { message: 'Angiv enten kildens id eller filnavn.', path: ['sourceId'] });

/** Search across the portfolio, and the files a project was imported from (issue 15). */
export const searchContracts = {
  /** Full-text search (FTS5 in main), best match first; an empty text finds nothing. */
  portfolioSearch: defineContract({
    channel: 'search:query',
    input: z.object({ text: z.string().max(200, { message: 'Søgningen må højst være 200 tegn.' }), limit: z.number().int().min(1).max(MAX_SEARCH_RESULTS).optional() }).strict(),
    output: z.array(SearchHitSchema),
  }),
  /** The files the project was imported from (name, kind, date, size, hash). */
  sourceList: defineContract({
    channel: 'source:list',
    input: z.object({ projectId: Id }).strict(),
    output: z.array(ProjectSourceSchema),
  }),
  /**
   * Opens a kept file with the OS app, from a private temporary copy (the kept bytes are never
   * handed to another program). By its id (the project's list) or by the file name a provenance
   * note gives; `location` is the note's place ("side 6", "Ark 'Mål', celle D5").
   */
  sourceOpen: defineContract({
    channel: 'source:open',
    input: SourceTarget,
    output: z.object({ fileName: z.string(), format: z.string(), page: z.number().int().nullable(), sheet: z.string().nullable() }),
  }),
  /**
   * A kept PDF's bytes for the app's own viewer (base64, as files travel to main), with the page
   * the note names. Other formats answer `dataBase64: null`: they open with the OS app
   * (`sourceOpen`), since the app has no viewer for workbooks and Word files.
   */
  sourceRead: defineContract({
    channel: 'source:read',
    input: SourceTarget,
    output: z.object({
      sourceId: z.number().int(),
      fileName: z.string(),
      format: z.string(),
      page: z.number().int().nullable(),
      sheet: z.string().nullable(),
      dataBase64: z.string().nullable(),
    }),
  }),
};
