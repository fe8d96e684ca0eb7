import type { ConversationRecord, SendResult, Messenger } from '../../core/delivery';
import type { Digest, DigestNotifier, DigestReader } from '../../core/digest';
import { digestCard } from './digestCards';
import { expandCard } from '../teams/cardRender';
import { translatorFor } from '../i18n/translator';
import { digestCardData, digestSummary } from './wording';

/** Renders the weekly digest as a Teams card in the manager's language and sends it through the messenger. */
export class TeamsDigestNotifier implements DigestNotifier {
  constructor(private readonly messenger: Messenger) {}

  prepare(
    conversation: ConversationRecord,
    digest: Digest,
    deliveryId: string,
    reader: DigestReader,
  ): () => Promise<SendResult> {
    const t = translatorFor(reader.language, reader.timeZone);
    const message = {
      card: expandCard(digestCard, digestCardData(digest, deliveryId, t)),
      summary: digestSummary(digest, t),
    };
    return () => this.messenger.send(conversation, message);
  }
}
