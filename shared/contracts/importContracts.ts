import { z } from 'zod';
import { defineContract } from './core';
import { Id } from './schemas';
import { ContentKindSchema, ImportItemSchema, ImportPreviewSchema } from '../import/items';
import { MAX_ITEMS_PER_IMPORT } from '../import/limits';
import { Sha256Schema } from '../sources/types';

/** Identifies one run of the wizard, so that it can be cancelled and its progress told apart. */
const RequestId = z.string().min(1).max(100);
const FilePath = z.string().min(1).max(4096);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Dato skal være ÅÅÅÅ-MM-DD.' });

const ImportApplyResultSchema = z.object({
  projectId: z.number().int(),
  evaluationId: z.number().int().nullable(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  written: z.record(z.string(), z.number().int()),
});

/**
 * The import wizard (issue 4): preview files (nothing is written), then apply the items the
 * user confirmed and corrected, in one transaction. Progress is pushed on `app:progress` with
 * task "import"; a run is cancelled with importCancel (a cancelled apply writes nothing).
 */
export const importContracts = {
  importPreview: defineContract({
    channel: 'import:preview',
    input: z
      .object({
        requestId: RequestId,
        paths: z.array(FilePath).min(1, { message: 'Vælg mindst én fil.' }).max(50),
        /** Diff against this project; otherwise the project the files name, or a new one. */
        projectId: Id.optional(),
        projectName: z.string().min(1).max(500).optional(),
        /** The files go to a new project: compare with nothing, whatever project has their name. */
        newProject: z.boolean().optional(),
        evaluationId: Id.optional(),
      })
      .strict()
      .refine((v) => !(v.newProject && v.projectId !== undefined), { message: 'Et nyt projekt kan ikke også være et eksisterende projekt.', path: ['newProject'] }),
    output: ImportPreviewSchema,
  }),
  importApply: defineContract({
    channel: 'import:apply',
    input: z
      .object({
        requestId: RequestId,
        /** null = create a new project (named newProjectName or by the files). */
        projectId: Id.nullable(),
        newProjectName: z.string().min(1).max(500).optional(),
        evaluationId: Id.nullable().optional(),
        /** Needed when progress or survey items are applied to a project without an evaluation. */
        newEvaluation: z.object({ type: z.enum(['midterm', 'final']), date: IsoDate, evaluator: z.string().max(200).optional() }).strict().optional(),
        items: z.array(ImportItemSchema).min(1, { message: 'Vælg mindst ét punkt at importere.' }).max(MAX_ITEMS_PER_IMPORT),
        /** The previewed files' kinds, so that apply checks the items as the preview did. */
        files: z.array(z.object({ file: z.string().max(1000), kind: ContentKindSchema, sha256: Sha256Schema.optional() }).strict()).max(50).optional(),
      })
      .strict(),
    output: ImportApplyResultSchema,
  }),
  importCancel: defineContract({
    channel: 'import:cancel',
    input: z.object({ requestId: RequestId }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  }),
  /** File > Save template: copies resources/templates/statusrapport.xlsx to the chosen path. */
  importSaveTemplate: defineContract({
    channel: 'import:saveTemplate',
    input: z.object({ outPath: FilePath.refine((p) => /\.xlsx$/i.test(p), { message: 'Filen skal ende på .xlsx.' }) }).strict(),
    output: z.object({ path: z.string(), bytes: z.number() }),
  }),
};
