import { shorten } from '../../core/shared';
import { textTravels, type RecognitionMessages } from '../../core/kudos';
import { expandCard } from '../teams/cardRender';
import { managerNoticeCard, recognitionCard } from './kudosCards';
import { listNames, recognitionCardData } from './recognitionView';

/**
 * A recognition's follow-on messages in Teams: the recognition card, a line to each recipient, and
 * the manager copy as a card whose text runs show names and the message as typed, never markdown
 * (the message only where it may leave the conversation it was given in).
 */
export const recognitionMessages: RecognitionMessages = {
  channelPost: (recognition) => ({
    card: expandCard(recognitionCard, recognitionCardData(recognition)),
    summary: `${recognition.giver.name} recognised ${recognition.recipients.map((r) => r.name).join(', ')}`,
  }),
  recipientNotice: (recognition) => ({
    text: `${recognition.giver.name} recognised you for ${recognition.value.name}: “${shorten(recognition.message, 200)}”`,
  }),
  managerNotice: (recognition, reports) => {
    const reportNames = listNames(reports.map((r) => r.name));
    return {
      card: expandCard(managerNoticeCard, {
        giverName: recognition.giver.name,
        reportNames,
        valueName: recognition.value.name,
        // Said in a chat the manager is not in: who, and for what, but not the words.
        message: textTravels(recognition) ? recognition.message : '',
      }),
      summary: `${recognition.giver.name} recognised ${reportNames} for ${recognition.value.name}`,
    };
  },
};
