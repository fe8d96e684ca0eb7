import { z } from 'zod';
import type { ConversationRecord, Delivery, DeliverySubject, Membership } from '../../../core/delivery';
import type { ReminderSnooze } from '../../../core/milestones';

/** Where a conversation or a recognition took place. */
export const conversationKind = z.enum(['personal', 'groupChat', 'channel']);

/** A conversation reference as stored in the `conversations` container. */
export const conversationRecordSchema = z
  .object({
    tenantId: z.string(),
    id: z.string(),
    kind: conversationKind,
    conversationId: z.string(),
    userId: z.string().optional(),
    teamId: z.string().optional(),
    channelId: z.string().optional(),
    // Opaque to Moments: the Teams edge reads it back as the SDK's conversation reference.
    reference: z.record(z.unknown()),
    updatedAt: z.string(),
    appRemovedAt: z.string().optional(),
  })
  .passthrough() satisfies z.ZodType<ConversationRecord>;

/** A roster membership, stored beside the conversations and told apart by `type`. */
export const membershipSchema = z
  .object({
    tenantId: z.string(),
    userId: z.string(),
    memberId: z.string(),
    serviceUrl: z.string(),
    botId: z.string(),
    seenIn: z.string(),
    teamId: z.string().optional(),
    seenAt: z.string(),
    refused: z.object({ reason: z.string(), at: z.string() }).optional(),
    appRemoved: z.object({ at: z.string() }).optional(),
  })
  .passthrough() satisfies z.ZodType<Membership>;

/** What a delivered card was about; records written before it was kept have none. */
export const deliverySubjectSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('reminder'),
      personId: z.string(),
      kind: z.string(),
      date: z.string(),
      occursOn: z.string(),
      years: z.number().optional(),
    })
    .passthrough(),
  z
    .object({ type: z.literal('digest'), managerId: z.string(), personIds: z.array(z.string()) })
    .passthrough(),
  z.object({ type: z.literal('brief'), personId: z.string() }).passthrough(),
  z.object({ type: z.literal('note'), noteId: z.string() }).passthrough(),
  z
    .object({
      type: z.literal('celebration'),
      personId: z.string().optional(),
      recognitionId: z.string().optional(),
    })
    .passthrough(),
]) satisfies z.ZodType<DeliverySubject>;

/** One ledger entry as stored in the `deliveries` container. */
export const deliverySchema = z
  .object({
    tenantId: z.string(),
    id: z.string(),
    kind: z.enum(['reminder', 'celebration', 'digest', 'brief', 'nudge', 'notice']),
    status: z.enum(['claimed', 'sent', 'failed']),
    attempts: z.number(),
    claimedAt: z.string(),
    sentAt: z.string().optional(),
    failure: z
      .object({ reason: z.string(), permanent: z.boolean(), at: z.string() })
      .passthrough()
      .optional(),
    recipientId: z.string().optional(),
    subject: deliverySubjectSchema.optional(),
  })
  .passthrough() satisfies z.ZodType<Delivery>;

/** A snoozed reminder, stored beside the deliveries and told apart by `type`. */
export const snoozeSchema = z
  .object({
    tenantId: z.string(),
    id: z.string(),
    deliveryId: z.string().optional(),
    managerId: z.string(),
    personId: z.string(),
    kind: z.enum(['birthday', 'anniversary', 'first-day', 'first-week', 'day-30', 'day-90']),
    date: z.string(),
    occursOn: z.string(),
    years: z.number().optional(),
    dueAt: z.string(),
  })
  .passthrough() satisfies z.ZodType<ReminderSnooze>;

/** A snooze as the `deliveries` container holds it, beside the ledger's entries. */
export const storedSnoozeSchema = snoozeSchema.extend({ type: z.literal('snooze') });
