import {
  type ConversationBook,
  deliverOnce,
  deliveryId,
  type DeliveryLedger,
  type Messenger,
  type OutboundMessage,
  type Reach,
  reachOf,
  type Unreachable,
} from '../delivery';
import type { Logger } from '../shared';
import type { SettingsStore } from '../settings';
import type { PersonRef, Recognition } from './recognitions';

/** How a recognition's follow-on messages look: built at the edge, as Teams cards and wording. */
export interface RecognitionMessages {
  /** The post in the team's recognition channel. */
  channelPost(recognition: Recognition): OutboundMessage;
  /** The personal message to one recipient. */
  recipientNotice(recognition: Recognition, recipient: PersonRef): OutboundMessage;
}

/** What a recognition's fan-out reached beyond the conversation it was given in. */
export interface FanOutReport {
  /** The recognition channel it is posted in, if any (by this run or an earlier one). */
  channelId?: string;
  /** Recipients this run sent a personal message to. */
  notified: number;
  /** Recipients Moments has no personal chat with and could not open one with, and why. */
  unreachable?: Array<{ recipientId: string; reason: Unreachable }>;
}

/** What the fan-out reads, claims and sends through. */
export interface FanOutDeps {
  conversations: ConversationBook;
  /** Opens a personal chat with a recipient who has none from a roster membership; default: stored chats only. */
  reach?: Reach;
  settings: SettingsStore;
  deliveries: DeliveryLedger;
  messenger: Messenger;
  messages: RecognitionMessages;
  logger: Logger;
}

/**
 * The recognition channel of the team kudos were given in, when there is one to post to: not
 * when they were given outside a team, nor in that very channel (they are already there).
 */
export async function recognitionChannelFor(
  settings: SettingsStore,
  tenantId: string,
  place: { teamId?: string; channelId?: string },
): Promise<string | undefined> {
  if (!place.teamId) return undefined;
  const team = await settings.team(tenantId, place.teamId);
  const channelId = team?.recognitionChannelId;
  return channelId && channelId !== place.channelId ? channelId : undefined;
}

/**
 * Sends a new recognition's follow-on messages: the post in the team's recognition channel (when
 * the giver asked for it and the team has one Moments can reach) and a short personal message to
 * each recipient Moments has a chat with or can open one with (the others are reported, with the
 * reason, and logged). Each send is first claimed in the delivery ledger under
 * the recognition's id (`kudos:<id>:channel`, `kudos:<id>:notice:<recipient>`), so a retried
 * submit, or a second run, sends nothing twice.
 */
export async function fanOutRecognition(
  deps: FanOutDeps,
  recognition: Recognition,
  now: Date,
): Promise<FanOutReport> {
  const report: FanOutReport = { notified: 0 };
  const { tenantId } = recognition;
  const once = (id: string, send: () => ReturnType<Messenger['send']>) =>
    deliverOnce(deps.deliveries, deps.logger, { tenantId, id, kind: 'notice', now }, send);

  const channelId = recognition.postToChannel
    ? await recognitionChannelFor(deps.settings, tenantId, recognition.place)
    : undefined;
  if (channelId) {
    const channel = await deps.conversations.channel(tenantId, channelId);
    if (channel) {
      const outcome = await once(deliveryId('kudos', recognition.id, 'channel'), () =>
        deps.messenger.send(channel, deps.messages.channelPost(recognition)),
      );
      if (outcome === 'sent' || outcome === 'already-done') report.channelId = channelId;
    } else {
      deps.logger.warn('recognition channel not reachable yet: Moments has not seen it', {
        tenantId,
        channelId,
      });
    }
  }

  const reach = reachOf(deps);
  const plans = await reach.plan(
    tenantId,
    recognition.recipients.map((r) => r.id),
  );
  await Promise.all(
    recognition.recipients.map(async (recipient) => {
      const plan = plans.get(recipient.id);
      const reached = plan ? await reach.reach(plan, now) : undefined;
      if (!reached || !('chat' in reached)) {
        const reason = reached && 'unreachable' in reached ? reached.unreachable : 'no-chat';
        (report.unreachable ??= []).push({ recipientId: recipient.id, reason });
        return;
      }
      const { chat } = reached;
      const outcome = await once(deliveryId('kudos', recognition.id, 'notice', recipient.id), () =>
        deps.messenger.send(chat, deps.messages.recipientNotice(recognition, recipient)),
      );
      if (outcome === 'sent') report.notified++;
    }),
  );
  if (report.unreachable) {
    deps.logger.info('kudos notices not sent: no personal chat with some recipients', {
      tenantId,
      reasons: report.unreachable.map((u) => u.reason),
    });
  }
  return report;
}
