import type { ConversationRecord, Messenger, SendResult } from '../../core/delivery';
import type { Nudge, NudgeNotifier, NudgeReader } from '../../core/nudges';
import { expandCard } from '../teams/cardRender';
import { translatorFor } from '../i18n/translator';
import { nudgeCard } from './nudgeCards';
import { nudgeCardData, nudgeSummary } from './wording';

/** Renders the weekly nudge as a Teams card in the recipient's language and sends it through the messenger. */
export class TeamsNudgeNotifier implements NudgeNotifier {
  constructor(private readonly messenger: Messenger) {}

  send(
    conversation: ConversationRecord,
    nudge: Nudge,
    deliveryId: string,
    reader: NudgeReader,
  ): Promise<SendResult> {
    const t = translatorFor(reader.language, reader.timeZone);
    return this.messenger.send(conversation, {
      card: expandCard(nudgeCard, nudgeCardData(nudge, deliveryId, t)),
      summary: nudgeSummary(nudge, t),
    });
  }
}
