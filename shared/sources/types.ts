import { z } from 'zod';
import { ContentKindSchema, FileFormatSchema } from '../import/items';

/** A file a project was imported from, as the project lists it (the bytes stay in main). */
export const ProjectSourceSchema = z.object({
  /** The project's link to the file (project_sources.id): what "open" names. */
  id: z.number().int(),
  projectId: z.number().int(),
  fileName: z.string(),
  format: FileFormatSchema,
  kind: ContentKindSchema,
  /** When it was first imported into this project (ISO timestamp). */
  importedAt: z.string(),
  /** Who imported it (the app's user); null for files kept before the importer was recorded (migration 011). */
  importedBy: z.string().nullable(),
  size: z.number().int(),
  sha256: z.string(),
});
export type ProjectSource = z.infer<typeof ProjectSourceSchema>;

/** A SHA-256 in lower-case hex, as the preview reports it and apply sends it back. */
export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, { message: 'Ugyldig SHA-256.' });
