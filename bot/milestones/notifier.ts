import type { ConversationRecord, Messenger, SendResult } from '../../core/delivery';
import type { CelebrationContent, MilestoneNotifier, Reader, ReminderContent } from '../../core/milestones';
import { expandCard } from '../teams/cardRender';
import { translatorFor } from '../i18n/translator';
import { celebrationCard, reminderCard } from './milestoneCards';
import { celebrationCardData, congratulationText, milestoneHeadline, reminderCardData } from './wording';

const translatorOfReader = (reader: Reader) => translatorFor(reader.language, reader.timeZone);

/**
 * Renders milestone messages as Teams cards, each in its reader's language (the job says whose),
 * and sends them through the messenger.
 */
export class TeamsMilestoneNotifier implements MilestoneNotifier {
  constructor(private readonly messenger: Messenger) {}

  remind(conversation: ConversationRecord, content: ReminderContent): Promise<SendResult> {
    const t = translatorOfReader(content.reader);
    const card = expandCard(reminderCard, reminderCardData(content, t));
    return this.messenger.send(conversation, { card, summary: milestoneHeadline(content.milestone, t) });
  }

  celebrate(conversation: ConversationRecord, content: CelebrationContent): Promise<SendResult> {
    const data = celebrationCardData(content.milestone, translatorOfReader(content.reader));
    return this.messenger.send(conversation, {
      card: expandCard(celebrationCard, data),
      summary: data.headline,
    });
  }

  congratulate(conversation: ConversationRecord, content: CelebrationContent): Promise<SendResult> {
    const t = translatorOfReader(content.reader);
    return this.messenger.send(conversation, { text: congratulationText(content.milestone, t) });
  }
}
