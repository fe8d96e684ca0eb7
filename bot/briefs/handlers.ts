import { randomUUID } from 'node:crypto';
import { CardFactory, type TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { z } from 'zod';
import { briefFor, type BriefReads } from '../../core/briefs';
import { deliverOnce, deliveryId, personOfDelivery, type DeliveryLedger } from '../../core/delivery';
import type { Logger } from '../../core/shared';
import { expandCard } from '../teams/cardRender';
import { senderOf, tenantOf } from '../teams/conversationRecord';
import { conversationKindOf } from '../teams/turnContext';
import { cardId, readPayload } from '../teams/payload';
import { sentToCaller } from '../teams/sentCard';
import { translatorOf } from '../i18n/turnLanguage';
import { commandPattern, textAfterCommand } from '../i18n/commands';
import { commandWordsIn } from '../help/commands';
import { matchName } from '../notes/subjects';
import type { Choice } from '../kudos/roster';
import { briefCard, briefPickerCard } from './briefCards';
import { briefCardData, briefPickerData } from './wording';

/** What `brief` needs. */
export interface BriefDeps extends BriefReads {
  /** Where each brief shown is recorded, with whom it was shown to and whom it is about. */
  deliveries: DeliveryLedger;
  logger: Logger;
  now: () => Date;
}

/** "Show brief" on the picker, and "Brief" on a reminder or a digest row. */
const showBriefAction = z.object({ deliveryId: cardId.optional(), personId: cardId.optional() });

const MAX_QUERY = 200;

/** The most people the picker offers, as the kudos form's picker. */
const MAX_CHOICES = 100;

/** The people a reader may have a brief about, by name: their direct reports and the subjects of their open notes. */
async function briefCandidates(deps: BriefDeps, tenantId: string, readerId: string): Promise<Choice[]> {
  const [reports, notes] = await Promise.all([
    deps.people.reportsOf(tenantId, readerId),
    deps.notes.openByAuthor(tenantId, readerId),
  ]);
  const byId = new Map<string, string>();
  for (const r of reports) if (r.id !== readerId) byId.set(r.id, r.displayName);
  for (const n of notes)
    if (n.authorId === readerId && !byId.has(n.subjectId)) byId.set(n.subjectId, n.subjectName);
  return [...byId].map(([value, title]) => ({ title, value })).sort((a, b) => a.title.localeCompare(b.title));
}

/** The name typed after the command: a Teams mention's tags and a leading `@` are dropped. */
function typedName(text: string): string {
  return (textAfterCommand('brief', text) ?? '')
    .replace(/<\/?at>/g, '')
    .replace(/^@/, '')
    .trim();
}

/**
 * `brief`, `brief Megan` or `brief @Megan Bowen` in the personal chat: a brief about someone the
 * caller manages or keeps notes about, or a picker of those people when no name (or no known name)
 * was typed. Elsewhere it points to the personal chat and shows nothing: a brief holds the caller's
 * private notes. "Brief" on a reminder or a digest row, and "Show brief" on the picker, send the
 * brief as a new message, so the card they were pressed on stays.
 */
export function registerBriefs(app: Application<TurnState>, deps: BriefDeps): void {
  /**
   * Builds the brief and sends it as a new message, recorded in the ledger so that its Send kudos
   * and Add note act only for this reader, on this person. Returns the person's name, or undefined
   * when the reader may not have a brief about them (then nothing is sent).
   */
  const sendBrief = async (
    context: TurnContext,
    tenantId: string,
    readerId: string,
    personId: string,
  ): Promise<string | undefined> => {
    const t = translatorOf(context);
    const now = deps.now();
    const result = await briefFor(deps, { tenantId, readerId, personId, now });
    if (!result.ok) return undefined;
    const { brief } = result;
    const id = deliveryId('brief-shown', randomUUID());
    await deliverOnce(
      deps.deliveries,
      deps.logger,
      {
        tenantId,
        id,
        kind: 'brief',
        now,
        recipientId: readerId,
        subject: { type: 'brief', personId: brief.person.id },
      },
      async () => {
        const card = expandCard(briefCard, briefCardData(brief, id, t));
        await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
        return { ok: true };
      },
    );
    return brief.person.name;
  };

  app.message(commandPattern('brief', 'any'), async (context) => {
    const t = translatorOf(context);
    if (conversationKindOf(context) !== 'personal') {
      await context.sendActivity(t.text('brief.private', { brief: commandWordsIn(t).brief }));
      return;
    }
    const tenantId = tenantOf(context.activity);
    const readerId = senderOf(context.activity);
    if (!tenantId || !readerId) {
      await context.sendActivity(t.text('notes.notFromTeams'));
      return;
    }
    const text = context.activity.text ?? '';
    const query = text.length > MAX_QUERY ? '' : typedName(text);
    const people = await briefCandidates(deps, tenantId, readerId);
    const match = query ? matchName(people, query) : undefined;
    if (match && (await sendBrief(context, tenantId, readerId, match.value))) return;
    if (people.length === 0) {
      await context.sendActivity({
        type: 'message',
        text: t.text('brief.nobody', { note: commandWordsIn(t).note }),
        textFormat: 'plain',
      });
      return;
    }
    const picker = expandCard(
      briefPickerCard,
      briefPickerData(t, people.slice(0, MAX_CHOICES), query || undefined),
    );
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(picker)] });
  });

  app.adaptiveCards.actionExecute<Record<string, unknown>>('showBrief', async (context, _state, payload) => {
    const t = translatorOf(context);
    if (conversationKindOf(context) !== 'personal') {
      return t.text('brief.private', { brief: commandWordsIn(t).brief });
    }
    const tenantId = tenantOf(context.activity);
    const readerId = senderOf(context.activity);
    const data = readPayload(showBriefAction, payload);
    if (!tenantId || !readerId || !data) return t.text('brief.notYours');
    let personId = data.personId;
    if (data.deliveryId) {
      // From a reminder or a digest: the person is the one that card was sent to the caller about.
      const sent = await sentToCaller(context, deps.deliveries, data.deliveryId, ['reminder', 'digest']);
      personId = sent ? personOfDelivery(sent.delivery, data.personId) : undefined;
    }
    // From the picker, or a card that named someone: briefFor checks the caller may have it.
    const name = personId ? await sendBrief(context, tenantId, readerId, personId) : undefined;
    return name ? t.text('brief.formBelow', { name }) : t.text('brief.notYours');
  });
}
