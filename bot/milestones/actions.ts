import { z } from 'zod';
import { cardId } from '../teams/payload';

// What the reminder cards send back, verb by verb. A field a card lacks reads as missing, and the
// handler answers as it does for any reminder it can no longer act on.

/** "Snooze until tomorrow": the reminder's facts, as the card was sent with them. */
export const snoozeReminderAction = z.object({
  personId: cardId.optional(),
  deliveryId: cardId.optional(),
  kind: z.string().max(32).optional(),
  date: z.string().max(32).optional(),
  occursOn: z.string().max(32).optional(),
  // Templating may turn a whole-value binding into a number.
  years: z.union([z.string().max(8), z.number()]).optional(),
});

/** "Don't remind me about …" and its undo. */
export const muteRemindersAction = z.object({ personId: cardId.optional() });
