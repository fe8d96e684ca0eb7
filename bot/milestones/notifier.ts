import type { ConversationRecord, Messenger, SendResult } from '../../core/delivery';
import type { CelebrationContent, MilestoneNotifier, ReminderContent } from '../../core/milestones';
import { expandCard } from '../teams/cardRender';
import { celebrationCard, reminderCard } from './milestoneCards';
import { celebrationCardData, congratulationText, milestoneHeadline, reminderCardData } from './wording';

/** Renders milestone messages as Teams cards and sends them through the messenger. */
export class TeamsMilestoneNotifier implements MilestoneNotifier {
  constructor(private readonly messenger: Messenger) {}

  remind(conversation: ConversationRecord, content: ReminderContent): Promise<SendResult> {
    const card = expandCard(reminderCard, reminderCardData(content));
    return this.messenger.send(conversation, { card, summary: milestoneHeadline(content.milestone) });
  }

  celebrate(conversation: ConversationRecord, content: CelebrationContent): Promise<SendResult> {
    const data = celebrationCardData(content.milestone);
    return this.messenger.send(conversation, {
      card: expandCard(celebrationCard, data),
      summary: data.headline,
    });
  }

  congratulate(conversation: ConversationRecord, content: CelebrationContent): Promise<SendResult> {
    return this.messenger.send(conversation, { text: congratulationText(content.milestone) });
  }
}
