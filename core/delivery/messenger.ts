import type { ConversationRecord } from './conversations';
import type { SendResult } from './ledger';

/** A message Moments sends on its own initiative: text, an Adaptive Card, or both. */
export interface OutboundMessage {
  text?: string;
  /** Adaptive Card JSON, already expanded from its template. */
  card?: Record<string, unknown>;
  /** Shown in notifications and the chat list when the message is a card. */
  summary?: string;
}

/** The outcome of a proactive send; `activityId` identifies the sent message when it worked. */
export type MessengerResult = SendResult & { activityId?: string };

/**
 * The outbound port: proactive messages to a stored conversation. Implementations keep to the
 * platform's rate limits and retry transient failures themselves; what they return is final for
 * this attempt (`permanent: true` when retrying can never help, e.g. the app was removed).
 */
export interface Messenger {
  send(conversation: ConversationRecord, message: OutboundMessage): Promise<MessengerResult>;
}
