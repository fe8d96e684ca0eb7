import { shorten } from '../../core/shared';
import type { RecognitionMessages } from '../../core/kudos';
import { expandCard } from '../teams/cardRender';
import { recognitionCard } from './kudosCards';
import { recognitionCardData } from './recognitionView';

/** A recognition's follow-on messages in Teams: the recognition card, and a line to each recipient. */
export const recognitionMessages: RecognitionMessages = {
  channelPost: (recognition) => ({
    card: expandCard(recognitionCard, recognitionCardData(recognition)),
    summary: `${recognition.giver.name} recognised ${recognition.recipients.map((r) => r.name).join(', ')}`,
  }),
  recipientNotice: (recognition) => ({
    text: `${recognition.giver.name} recognised you for ${recognition.value.name}: “${shorten(recognition.message, 200)}”`,
  }),
};
