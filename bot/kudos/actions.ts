import { z } from 'zod';
import { cardId } from '../teams/payload';

// What the kudos cards and dialogs send back, verb by verb. Inputs arrive as strings; a field the
// giver left empty may be missing. Bounds sit well above what core accepts, so that a message a
// little too long still gets core's own explanation, and only absurd input is refused here.

/** The kudos form (dialog submit or chat Action.Execute `sendKudos`). */
export const kudosSubmission = z.object({
  submissionId: cardId.optional(),
  /** Comma-separated ids from the people picker. */
  recipients: z.string().max(4000).optional(),
  value: cardId.optional(),
  message: z.string().max(4000).optional(),
  postToChannel: z.enum(['true', 'false']).optional(),
  managerMaySee: z.enum(['true', 'false']).optional(),
  quoteAuthor: z.string().max(256).optional(),
  quoteText: z.string().max(1000).optional(),
  /** The reminder a wishes form answers: checked against the ledger, never taken at its word. */
  reminderId: cardId.optional(),
});
export type KudosSubmission = z.infer<typeof kudosSubmission>;

/** The most a message-extension fetch may weigh: it carries the Teams message being quoted. */
export const MAX_FETCH_TASK_CHARS = 64 * 1024;

/** `composeExtension/fetchTask` for `sendKudos`: the message "Send kudos for this" started on. */
export const kudosFetchTask = z.object({
  messagePayload: z
    .object({
      // Teams sends null for parts a message does not have (a bot's message has no user).
      from: z
        .object({
          user: z.object({ id: cardId.nullish(), displayName: z.string().max(256).nullish() }).nullish(),
        })
        .nullish(),
      body: z.object({ content: z.string().max(40_000).nullish() }).nullish(),
    })
    .nullish(),
});

/**
 * `sendWishes` on a reminder or a digest: the delivery the card came with, and on a digest which of
 * the people it listed. Who may be thanked, and for what, is read from the delivery.
 */
export const wishesAction = z.object({ deliveryId: cardId.optional(), personId: cardId.optional() });

/** `celebrate` on a recognition card. */
export const celebrateAction = z.object({ recognitionId: cardId.optional() });
