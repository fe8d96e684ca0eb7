import type { FanOutReport, Recognition } from '../../core/kudos';
import type { RecognitionCardData } from './kudosCards';

/** "Megan", "Megan and Adele", "Megan, Adele and Lee". */
export function listNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

const SHOWN_CELEBRANTS = 3;

/** Who celebrated, as the card shows it: the first few names, then a count. */
export function celebratedByText(recognition: Recognition): string {
  const names = recognition.celebrations.map((c) => c.name);
  if (names.length === 0) return '';
  const shown = names.slice(0, SHOWN_CELEBRANTS);
  const others = names.length - shown.length;
  const who =
    others > 0 ? `${shown.join(', ')} and ${others} other${others === 1 ? '' : 's'}` : listNames(shown);
  return `🎉 ${names.length} · celebrated by ${who}`;
}

/** The data of a recognition card. */
export function recognitionCardData(recognition: Recognition): RecognitionCardData {
  const count = recognition.celebrations.length;
  return {
    recognitionId: recognition.id,
    recipientNames: listNames(recognition.recipients.map((r) => r.name)),
    giverName: recognition.giver.name,
    valueName: recognition.value.name,
    message: recognition.message,
    quoteAuthor: recognition.quote?.author ?? '',
    quoteText: recognition.quote?.text ?? '',
    celebrateTitle: count > 0 ? `🎉 Celebrate (${count})` : '🎉 Celebrate',
    celebratedBy: celebratedByText(recognition),
  };
}

/**
 * Where the giver's kudos can be seen. The turn answers before the channel post is tried, so a
 * planned post is told as going there, never as done; if it then fails the giver is told again.
 */
export function whereItIs(report: Pick<FanOutReport, 'channelId' | 'channelMissed'>): string {
  if (report.channelId) return 'It is on its way to the team’s recognition channel too.';
  if (report.channelMissed) {
    return 'It is posted in this chat, but Moments could not post it in the team’s recognition channel.';
  }
  return 'It is posted in this chat.';
}
