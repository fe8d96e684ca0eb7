import { CardFactory, type TurnContext } from 'botbuilder';
import { personOfDelivery, type DeliveryLedger } from '../../core/delivery';
import type { PeopleDirectory } from '../../core/people';
import { sentToCaller } from '../teams/sentCard';
import { readPayload } from '../teams/payload';
import { translatorOf } from '../i18n/turnLanguage';
import { messageCard } from '../milestones/milestoneCards';
import { NOT_SENT_TO_YOU } from '../milestones/wording';
import { wishesAction } from './actions';
import { callerOf } from './caller';
import type { KudosDeps } from './fanOutAfterTurn';
import { formFor, newDraft, wishesOpening, type KudosDraft } from './form';

/** How a submitted kudos form is given, or why it is refused (nothing stored) and the form to show again. */
export type SubmittedOccasion =
  { ok: true; occasion: 'kudos' | 'wishes' } | { ok: false; message: string; draft: KudosDraft };

/**
 * Whether a submitted form is wishes. Wishes need no company value and do not count towards the
 * daily limit, so what the form says is not enough: it only names the reminder it answers, and
 * the submission is wishes only when the ledger shows that reminder was delivered to the caller
 * and the one recipient is the person it was about. A form that names no reminder is kudos; one
 * that names a reminder that is not the caller's, or sends its wishes to someone else, is refused
 * in the turn's language.
 * @param recipientIds the recipients as AAD object ids, as the reminder names its person.
 */
export async function submittedOccasion(
  context: TurnContext,
  deps: { deliveries: Pick<DeliveryLedger, 'get'>; people: PeopleDirectory },
  draft: KudosDraft,
  recipientIds: string[],
): Promise<SubmittedOccasion> {
  const { reminderId, ...kudos } = draft;
  if (!reminderId) return { ok: true, occasion: 'kudos' };
  const t = translatorOf(context);
  const sent = await sentToCaller(context, deps.deliveries, reminderId, ['reminder']);
  // The form comes back as a kudos form, which asks for a value, so a giver whose reminder has
  // expired from the ledger can still send what they wrote.
  if (!sent) return { ok: false, message: t.text('kudos.refusal.wishesNotYours'), draft: kudos };
  const { personId } = sent.delivery.subject;
  const recipients = new Set(recipientIds);
  if (recipients.size === 1 && recipients.has(personId)) return { ok: true, occasion: 'wishes' };
  const name = (await deps.people.get(sent.tenantId, personId))?.displayName;
  const message = t.text('kudos.refusal.wishesOnlyFor', { known: name ? 'yes' : 'no', name: name ?? '' });
  return { ok: false, message, draft };
}

/**
 * "Send wishes" on a reminder and "Send kudos" on a digest or a brief: the kudos form, prefilled for
 * the person the card was about, is sent as a new message so that the reminder, digest or brief stays.
 * @returns what the card action answers: a line saying the form is below, or a card saying why not.
 */
export async function sendWishesForm(
  context: TurnContext,
  deps: KudosDeps,
  payload: unknown,
): Promise<string | Record<string, unknown>> {
  const data = readPayload(wishesAction, payload);
  const sent = await sentToCaller(context, deps.deliveries, data?.deliveryId, [
    'reminder',
    'digest',
    'brief',
  ]);
  const personId = sent ? personOfDelivery(sent.delivery, data?.personId) : undefined;
  if (!sent || !personId) return messageCard(NOT_SENT_TO_YOU);
  const t = translatorOf(context);
  const caller = await callerOf(context, deps);
  const person = caller ? await deps.people.get(caller.tenantId, personId) : undefined;
  if (!caller || !person) return t.text('kudos.wishes.personGone');
  const { subject } = sent.delivery;
  // Wishes on a reminder, thanks on a digest or a brief. The wishes form names the reminder, so that its
  // submit can check the wishes (no value, not counted) against what was delivered.
  const draft = newDraft({
    recipientIds: [person.id],
    message: wishesOpening(t, subject.type === 'reminder' ? subject.kind : 'kudos', person.displayName),
    ...(subject.type === 'reminder' ? { reminderId: sent.delivery.id } : {}),
  });
  const card = await formFor(context, deps, caller, 'chat', draft, undefined, [
    { title: person.displayName, value: person.id },
  ]);
  await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
  return t.text('kudos.wishes.formBelow', { name: person.displayName });
}
