import { z } from 'zod';
import type { Note } from '../../../core/notes';

/** A private note as stored in the `notes` container. */
export const noteSchema = z
  .object({
    tenantId: z.string(),
    id: z.string(),
    authorId: z.string(),
    subjectId: z.string(),
    subjectName: z.string(),
    text: z.string(),
    followUpOn: z.string().optional(),
    nextOneOnOneSince: z.string().optional(),
    status: z.enum(['open', 'done']),
    createdAt: z.string(),
    updatedAt: z.string(),
    nudgedFor: z.string().optional(),
  })
  .passthrough() satisfies z.ZodType<Note>;
