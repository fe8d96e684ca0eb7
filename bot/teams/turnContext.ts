import type { TurnContext } from 'botbuilder';
import type { ConversationKind } from '../../core/delivery';

/**
 * The correlation id of a turn: the activity id Teams assigned, which its retries repeat. Read from
 * the activity as posted, so the endpoint can tag a turn's lines before the bot parses it.
 */
export function correlationIdOfActivity(activity: { id?: unknown }): string {
  return typeof activity.id === 'string' ? activity.id : 'no-activity-id';
}

/** The kind of conversation a turn happens in. */
export function conversationKindOf(context: TurnContext): ConversationKind {
  const type = context.activity.conversation?.conversationType;
  if (type === 'channel') return 'channel';
  if (type === 'groupChat') return 'groupChat';
  return 'personal';
}

/** The first name of the sender, for friendly replies. */
export function firstNameOf(context: TurnContext): string | undefined {
  const name = context.activity.from?.name?.trim();
  return name ? name.split(/\s+/)[0] : undefined;
}
