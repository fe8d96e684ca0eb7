import type { ConversationRecord } from '../../core/conversations';
import type { SendResult } from '../../core/deliveries';
import type { Digest } from '../../core/digest';
import type { DigestNotifier } from '../../core/digestJob';
import type { Messenger } from '../../core/messenger';
import { digestCard } from '../cards/digestCards';
import { expandCard } from '../cards/render';
import { digestCardData, digestSummary } from './wording';

/** Renders the weekly digest as a Teams card and sends it through the messenger. */
export class TeamsDigestNotifier implements DigestNotifier {
  constructor(private readonly messenger: Messenger) {}

  send(conversation: ConversationRecord, digest: Digest): Promise<SendResult> {
    return this.messenger.send(conversation, {
      card: expandCard(digestCard, digestCardData(digest)),
      summary: digestSummary(digest),
    });
  }
}
