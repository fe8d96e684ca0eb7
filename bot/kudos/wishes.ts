import type { TurnContext } from 'botbuilder';
import type { DeliveryLedger } from '../../core/delivery';
import type { PeopleDirectory } from '../../core/people';
import { sentToCaller } from '../teams/sentCard';
import type { KudosDraft } from './form';

/** How a submitted kudos form is given, or why it is refused (nothing stored) and the form to show again. */
export type SubmittedOccasion =
  { ok: true; occasion: 'kudos' | 'wishes' } | { ok: false; message: string; draft: KudosDraft };

/** The refusal of wishes whose form names a reminder that was not delivered to the caller. */
export const WISHES_NOT_YOURS =
  'These wishes answer a reminder that was not sent to you, so nothing was sent. ' +
  'To thank someone, pick a value and send them kudos.';

/** The refusal of wishes from a reminder sent to someone other than the person it was about. */
export function wishesOnlyFor(name: string | undefined): string {
  return (
    `Wishes from this reminder go to ${name ?? 'the person it was about'} alone, so nothing was sent. ` +
    'To thank someone else, send them kudos.'
  );
}

/**
 * Whether a submitted form is wishes. Wishes need no company value and do not count towards the
 * daily limit, so what the form says is not enough: it only names the reminder it answers, and
 * the submission is wishes only when the ledger shows that reminder was delivered to the caller
 * and the one recipient is the person it was about. A form that names no reminder is kudos; one
 * that names a reminder that is not the caller's, or sends its wishes to someone else, is refused.
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
  const sent = await sentToCaller(context, deps.deliveries, reminderId, ['reminder']);
  // The form comes back as a kudos form, which asks for a value, so a giver whose reminder has
  // expired from the ledger can still send what they wrote.
  if (!sent) return { ok: false, message: WISHES_NOT_YOURS, draft: kudos };
  const { personId } = sent.delivery.subject;
  const recipients = new Set(recipientIds);
  if (recipients.size === 1 && recipients.has(personId)) return { ok: true, occasion: 'wishes' };
  const person = await deps.people.get(sent.tenantId, personId);
  return { ok: false, message: wishesOnlyFor(person?.displayName), draft };
}
