import { z } from 'zod';
import { cardId } from '../teams/payload';

// What the reminder cards send back, verb by verb: only the delivery they came with. Who and what
// the reminder is about is read from that delivery, never from the card, so a forged payload can
// name nothing but a delivery, and one that was not sent to its caller is refused.

/** "Snooze until tomorrow", "Don't remind me about …" and its undo. */
export const reminderAction = z.object({ deliveryId: cardId.optional() });
