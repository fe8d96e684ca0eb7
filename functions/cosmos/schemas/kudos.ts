import { z } from 'zod';
import type { Recognition } from '../../../core/kudos';
import { conversationKind } from './delivery';

const personRef = z.object({ id: z.string(), name: z.string() }).passthrough();

/** Kudos as stored in the `recognitions` container. */
export const recognitionSchema = z
  .object({
    tenantId: z.string(),
    id: z.string(),
    giver: personRef,
    recipients: z.array(personRef),
    recipientIds: z.array(z.string()),
    value: z.object({ id: z.string(), name: z.string() }).passthrough(),
    message: z.string(),
    quote: z.object({ author: z.string(), text: z.string() }).passthrough().optional(),
    place: z
      .object({
        kind: conversationKind,
        conversationId: z.string(),
        teamId: z.string().optional(),
        channelId: z.string().optional(),
      })
      .passthrough(),
    postToChannel: z.boolean(),
    managerMaySee: z.boolean().optional(),
    createdAt: z.string(),
    givenOn: z.string(),
    celebrations: z.array(personRef.extend({ at: z.string() })),
    fanOutPending: z.boolean().optional(),
  })
  .passthrough() satisfies z.ZodType<Recognition>;

/** A giver's tally towards the daily kudos limit, as stored beside the deliveries. */
export const storedGivingTallySchema = z
  .object({
    tenantId: z.string(),
    id: z.string(),
    type: z.literal('giving-tally'),
    giverId: z.string(),
    day: z.string(),
    count: z.number().int().nonnegative(),
    recognitionIds: z.array(z.string()),
  })
  .passthrough();
