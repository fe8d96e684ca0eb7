import type { Brief, BriefNotifier, BriefReader, TeamOpener } from '../../core/briefs';
import type { ConversationRecord, Messenger, SendResult } from '../../core/delivery';
import { translatorFor } from '../i18n/translator';
import { expandCard } from '../teams/cardRender';
import { briefCard } from './briefCards';
import { openerCard, openerCardData, openerSummary } from './openerCard';
import { briefCardData } from './wording';

/** Renders calendar briefs and openers as Teams cards in the manager's language and sends them. */
export class TeamsBriefNotifier implements BriefNotifier {
  constructor(private readonly messenger: Messenger) {}

  sendBrief(
    chat: ConversationRecord,
    brief: Brief,
    deliveryId: string,
    reader: BriefReader,
  ): Promise<SendResult> {
    const t = translatorFor(reader.language, reader.timeZone);
    return this.messenger.send(chat, {
      card: expandCard(briefCard, briefCardData(brief, deliveryId, t)),
      summary: t.text('brief.summary', { name: brief.person.name }),
    });
  }

  sendOpener(
    chat: ConversationRecord,
    opener: TeamOpener,
    deliveryId: string,
    reader: BriefReader,
  ): Promise<SendResult> {
    const t = translatorFor(reader.language, reader.timeZone);
    return this.messenger.send(chat, {
      card: expandCard(openerCard, openerCardData(opener, deliveryId, t)),
      summary: openerSummary(opener, t),
    });
  }

  sendCalendarForbidden(
    chat: ConversationRecord,
    managers: number,
    reader: BriefReader,
  ): Promise<SendResult> {
    const t = translatorFor(reader.language, reader.timeZone);
    return this.messenger.send(chat, { text: t.text('brief.calendarForbidden', { managers }) });
  }
}
