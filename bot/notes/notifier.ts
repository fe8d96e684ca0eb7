import type { ConversationRecord, SendResult, Messenger } from '../../core/delivery';
import type { FollowUpNotifier, Note, NudgeKind, NudgeReader } from '../../core/notes';
import { expandCard } from '../teams/cardRender';
import { translatorFor } from '../i18n/translator';
import { noteNudgeCard } from './noteCards';
import { nudgeCardData, nudgeSummary } from './wording';

/** Renders follow-up nudges as cards, in the author's language, and sends them to their personal chat. */
export class TeamsFollowUpNotifier implements FollowUpNotifier {
  constructor(private readonly messenger: Messenger) {}

  nudge(
    conversation: ConversationRecord,
    note: Note,
    reader: NudgeReader,
    kind: NudgeKind = 'followUp',
  ): Promise<SendResult> {
    if (conversation.kind !== 'personal' || conversation.userId !== note.authorId) {
      // Never anywhere but the author's own chat.
      return Promise.resolve({ ok: false, permanent: true, reason: 'not the author’s personal chat' });
    }
    const t = translatorFor(reader.language, reader.timeZone);
    return this.messenger.send(conversation, {
      card: expandCard(noteNudgeCard, nudgeCardData(note, t, kind)),
      summary: nudgeSummary(note, t, kind),
    });
  }
}
