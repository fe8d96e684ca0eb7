import { TurnContext, type Activity } from 'botbuilder';
import { conversationRecordId, type ConversationKind, type ConversationRecord } from '../../core/delivery';

interface TeamsChannelData {
  tenant?: { id?: string };
  team?: { id?: string };
  channel?: { id?: string };
}

/** The tenant an activity belongs to, from the conversation or Teams channel data. */
export function tenantOf(activity: Partial<Activity>): string | undefined {
  const channelData = activity.channelData as TeamsChannelData | undefined;
  return activity.conversation?.tenantId ?? channelData?.tenant?.id;
}

/** The AAD object id of the sender (Teams ids such as `29:…` are per bot, not per person). */
export function senderOf(activity: Partial<Activity>): string | undefined {
  return activity.from?.aadObjectId ?? activity.from?.id;
}

/**
 * The conversation record for an inbound activity, or undefined when the activity carries no
 * tenant (then it did not come from Teams and there is nothing to remember).
 * For a channel, the reference points at the channel itself, not the thread the activity was in,
 * so that later posts start new conversations in that channel.
 */
export function conversationRecordFrom(
  activity: Activity,
): Omit<ConversationRecord, 'updatedAt'> | undefined {
  const tenantId = tenantOf(activity);
  if (!tenantId || !activity.conversation) return undefined;
  const channelData = activity.channelData as TeamsChannelData | undefined;
  const kind = kindOf(activity.conversation.conversationType, channelData);
  const reference = TurnContext.getConversationReference(activity);
  delete reference.activityId;
  const teamId = channelData?.team?.id;
  const channelId =
    kind === 'channel' ? (channelData?.channel?.id ?? activity.conversation.id.split(';')[0]) : undefined;
  if (kind === 'channel' && channelId && reference.conversation) {
    reference.conversation = { ...reference.conversation, id: channelId };
  }
  const userId = kind === 'personal' ? senderOf(activity) : undefined;
  const conversationId = channelId ?? activity.conversation.id;
  return {
    tenantId,
    id: conversationRecordId(kind, { userId, channelId, conversationId }),
    kind,
    conversationId,
    ...(userId ? { userId } : {}),
    ...(teamId ? { teamId } : {}),
    ...(channelId ? { channelId } : {}),
    reference: JSON.parse(JSON.stringify(reference)) as Record<string, unknown>,
  };
}

function kindOf(
  conversationType: string | undefined,
  channelData: TeamsChannelData | undefined,
): ConversationKind {
  if (conversationType === 'channel' || channelData?.channel?.id) return 'channel';
  if (conversationType === 'groupChat') return 'groupChat';
  return 'personal';
}
