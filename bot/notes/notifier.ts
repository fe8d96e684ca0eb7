import type { ConversationRecord } from '../../core/delivery/conversations';
import type { SendResult } from '../../core/delivery/ledger';
import type { FollowUpNotifier } from '../../core/notes/followUpJob';
import type { Messenger } from '../../core/delivery/messenger';
import type { Note } from '../../core/notes/notesService';
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
