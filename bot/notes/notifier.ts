import type { ConversationRecord, SendResult, Messenger } from '../../core/delivery';
import type { FollowUpNotifier, Note } from '../../core/notes';
import { expandCard } from '../teams/cardRender';
import { noteNudgeCard } from './noteCards';
import { nudgeCardData, nudgeSummary } from './wording';

/** Renders follow-up nudges as cards and sends them to the author's personal chat. */
export class TeamsFollowUpNotifier implements FollowUpNotifier {
  constructor(private readonly messenger: Messenger) {}

  nudge(conversation: ConversationRecord, note: Note): Promise<SendResult> {
    if (conversation.kind !== 'personal' || conversation.userId !== note.authorId) {
      // Never anywhere but the author's own chat.
      return Promise.resolve({ ok: false, permanent: true, reason: 'not the author’s personal chat' });
    }
    return this.messenger.send(conversation, {
      card: expandCard(noteNudgeCard, nudgeCardData(note)),
      summary: nudgeSummary(note),
    });
  }
}
