import type { ConversationRecord, SendResult, Messenger } from '../../core/delivery';
import type { Digest, DigestNotifier } from '../../core/digest';
import { digestCard } from './digestCards';
import { expandCard } from '../teams/cardRender';
import { digestCardData, digestSummary } from './wording';

/** Renders the weekly digest as a Teams card and sends it through the messenger. */
export class TeamsDigestNotifier implements DigestNotifier {
  constructor(private readonly messenger: Messenger) {}

  send(conversation: ConversationRecord, digest: Digest, deliveryId: string): Promise<SendResult> {
    return this.messenger.send(conversation, {
      card: expandCard(digestCard, digestCardData(digest, deliveryId)),
      summary: digestSummary(digest),
    });
  }
}
