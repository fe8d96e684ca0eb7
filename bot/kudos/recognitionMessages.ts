import { shorten } from '../../core/shared';
import { textTravels, type Reader, type RecognitionMessages } from '../../core/kudos';
import { expandCard } from '../teams/cardRender';
import { translatorFor } from '../i18n/translator';
import { managerNoticeCard, recognitionCard } from './kudosCards';
import { recognitionCardData, valueNameIn } from './recognitionView';

const translatorOfReader = (reader: Reader) => translatorFor(reader.language, reader.timeZone);

/**
 * A recognition's follow-on messages in Teams, each in its reader's language: the recognition card
 * (in the tenant's), a line to each recipient, and the manager copy as a card whose text runs show
 * names and the message as typed, never markdown (the message only where it may leave the
 * conversation it was given in).
 */
export const recognitionMessages: RecognitionMessages = {
  channelPost: (recognition, reader) => {
    const t = translatorOfReader(reader);
    return {
      card: expandCard(recognitionCard, recognitionCardData(recognition, t)),
      summary: t.text('kudos.card.summary', {
        giver: recognition.giver.name,
        names: t.list(recognition.recipients.map((r) => r.name)),
      }),
    };
  },
  recipientNotice: (recognition, _recipient, reader) => {
    const t = translatorOfReader(reader);
    return {
      text: t.text('kudos.notice.recipient', {
        giver: recognition.giver.name,
        value: valueNameIn(t, recognition.value),
        message: shorten(recognition.message, 200),
      }),
    };
  },
  managerNotice: (recognition, reports, reader) => {
    const t = translatorOfReader(reader);
    const names = {
      giver: recognition.giver.name,
      reports: t.list(reports.map((r) => r.name)),
      value: valueNameIn(t, recognition.value),
    };
    return {
      card: expandCard(managerNoticeCard, {
        title: t.text('kudos.manager.title'),
        headline: t.runs('kudos.manager.headline', names),
        // Said in a chat the manager is not in: who, and for what, but not the words.
        message: textTravels(recognition) ? recognition.message : '',
        withheld: t.text('kudos.manager.withheld'),
        why: t.text('kudos.manager.why'),
      }),
      summary: t.text('kudos.manager.summary', names),
    };
  },
};
