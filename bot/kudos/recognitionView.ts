import { CELEBRATION_VALUE, type FanOutReport, type Recognition } from '../../core/kudos';
import { translatorFor, type Translator } from '../i18n/translator';
import type { RecognitionCardData } from './kudosCards';

/** "Megan", "Megan and Adele", "Megan, Adele and Lee": in English unless given a translator. */
export function listNames(names: string[], t: Translator = translatorFor('en')): string {
  return t.list(names);
}

/**
 * A recognition's value as shown: a company value as the admins named it; the built-in value of
 * wishes, which nobody named, in `t`'s language.
 */
export function valueNameIn(t: Translator, value: Recognition['value']): string {
  const builtIn = value.id === CELEBRATION_VALUE.id && value.name === CELEBRATION_VALUE.name;
  return builtIn ? t.text('kudos.value.celebration') : value.name;
}

const SHOWN_CELEBRANTS = 3;

/** Who celebrated, as the card shows it: the first few names, then a count. */
export function celebratedByText(recognition: Recognition, t: Translator): string {
  const names = recognition.celebrations.map((c) => c.name);
  if (names.length === 0) return '';
  const shown = names.slice(0, SHOWN_CELEBRANTS);
  const others = names.length - shown.length;
  const who = t.list(others > 0 ? [...shown, t.text('kudos.card.others', { count: others })] : shown);
  return t.text('kudos.card.celebratedBy', { count: names.length, names: who });
}

/** The data of a recognition card, written by `t` (the tenant's default language: many read it). */
export function recognitionCardData(recognition: Recognition, t: Translator): RecognitionCardData {
  const { quote } = recognition;
  return {
    recognitionId: recognition.id,
    recipientNames: t.list(recognition.recipients.map((r) => r.name)),
    byline: t.runs('kudos.card.byline', {
      giver: recognition.giver.name,
      value: valueNameIn(t, recognition.value),
    }),
    message: recognition.message,
    // The quote's runs are small on the card; there is none without quoted text.
    quote: quote?.text
      ? t
          .runs('kudos.quote', { author: quote.author, text: quote.text })
          .map((run) => ({ ...run, size: 'Small' }))
      : [],
    celebrateTitle: t.text('kudos.card.celebrate', { count: recognition.celebrations.length }),
    celebratedBy: celebratedByText(recognition, t),
  };
}

/** Where the giver's kudos can be seen, as `kudos.sent.text` chooses its last sentence. */
export type WhereItIs = 'channel' | 'missed' | 'chat';

/**
 * Where the giver's kudos can be seen. The turn answers before the channel post is tried, so a
 * planned post is told as going there, never as done; if it then fails the giver is told again.
 */
export function whereItIs(report: Pick<FanOutReport, 'channelId' | 'channelMissed'>): WhereItIs {
  if (report.channelId) return 'channel';
  if (report.channelMissed) return 'missed';
  return 'chat';
}
