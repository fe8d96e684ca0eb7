import type { ConversationRecord } from '../../core/delivery/conversations';
import type { SendResult } from '../../core/delivery/ledger';
import type { Digest } from '../../core/digest/buildDigest';
import type { DigestNotifier } from '../../core/digest/digestJob';
import type { Messenger } from '../../core/delivery/messenger';
import { digestCard } from './digestCards';
import { expandCard } from '../teams/cardRender';
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
