import {
  type ConversationBook,
  deliverOnce,
  deliveryId,
  type DeliveryLedger,
  type Messenger,
} from '../../core/delivery';
import { type Logger, shorten } from '../../core/shared';
import type { Recognition } from '../../core/kudos';
import type { SettingsStore } from '../../core/settings';
import { expandCard } from '../teams/cardRender';
import { recognitionCard } from './kudosCards';
import { recognitionCardData } from './recognitionView';

/** What publishing a recognition reached beyond the conversation it was given in. */
export interface PublishReport {
  /** The recognition channel it was posted to, if any. */
  channelId?: string;
  /** Recipients who got a personal message. */
  notified: number;
}

/** What publishing needs. */
export interface PublishDeps {
  conversations: ConversationBook;
  settings: SettingsStore;
  deliveries: DeliveryLedger;
  messenger: Messenger;
  logger: Logger;
}

/** The recognition channel of the team kudos were given in, when there is one to post to. */
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
 * Posts a new recognition to the team's recognition channel (when asked for) and sends each
 * recipient a short personal message. Every send is claimed in the delivery ledger under the
 * recognition's id, so a retried submit publishes nothing twice.
 */
export async function publishRecognition(
  deps: PublishDeps,
  recognition: Recognition,
  now: Date,
): Promise<PublishReport> {
  const report: PublishReport = { notified: 0 };
  const { tenantId } = recognition;
  const channelId = recognition.postToChannel
    ? await recognitionChannelFor(deps.settings, tenantId, recognition.place)
    : undefined;
  if (channelId) {
    const channel = await deps.conversations.channel(tenantId, channelId);
    if (channel) {
      const outcome = await deliverOnce(
        deps.deliveries,
        deps.logger,
        { tenantId, id: deliveryId('kudos', recognition.id, 'channel'), kind: 'notice', now },
        () =>
          deps.messenger.send(channel, {
            card: expandCard(recognitionCard, recognitionCardData(recognition)),
            summary: `${recognition.giver.name} recognised ${recognition.recipients.map((r) => r.name).join(', ')}`,
          }),
      );
      if (outcome === 'sent' || outcome === 'already-done') report.channelId = channelId;
    } else {
      deps.logger.warn('recognition channel not reachable yet: Moments has not seen it', {
        tenantId,
        channelId,
      });
    }
  }
  const text = `${recognition.giver.name} recognised you for ${recognition.value.name}: “${shorten(recognition.message, 200)}”`;
  await Promise.all(
    recognition.recipients.map(async (recipient) => {
      const chat = await deps.conversations.personalChat(tenantId, recipient.id);
      if (!chat) return;
      const outcome = await deliverOnce(
        deps.deliveries,
        deps.logger,
        { tenantId, id: deliveryId('kudos', recognition.id, 'notice', recipient.id), kind: 'notice', now },
        () => deps.messenger.send(chat, { text }),
      );
      if (outcome === 'sent') report.notified++;
    }),
  );
  return report;
}
