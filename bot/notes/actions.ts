import { z } from 'zod';
import { cardId } from '../teams/payload';

// What the note cards send back, verb by verb. Text bounds sit well above core's own limit, so a
// note a little too long still gets core's explanation; only absurd input is refused here.

/**
 * "New note" (nothing), and "Add note" on a digest or "Ask how it's going" on a reminder: the
 * delivery the card came with and, on a digest, which of the people it listed.
 */
export const newNoteAction = z.object({ deliveryId: cardId.optional(), subject: cardId.optional() });

/** "All notes": nothing to read. */
export const listNotesAction = z.object({});

/** "Show": the person picked in the list. */
export const notesAboutAction = z.object({ subject: cardId.optional() });

/** The note form's Save. */
export const saveNoteAction = z.object({
  noteId: cardId.optional(),
  submissionId: cardId.optional(),
  subject: cardId.optional(),
  text: z.string().max(8000).optional(),
  followUpOn: z.string().max(32).optional(),
  nextOneOnOne: z.enum(['true', 'false']).optional(),
});

/** "Edit" and "Snooze a week": the note acted on. */
export const noteAction = z.object({ noteId: cardId.optional() });

/**
 * "Done" and "Delete", from the list (which then shows the list again), from a nudge, or "Done" on
 * a brief (which stays).
 */
export const finishNoteAction = z.object({
  noteId: cardId.optional(),
  from: z.string().max(16).optional(),
  subjectId: cardId.optional(),
});
