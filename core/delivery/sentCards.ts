import type { Delivery, DeliveryLedger, DeliverySubject } from './ledger';

/** A delivery a card action may act on: sent to the caller, about a subject of the expected type. */
export type SentDelivery<T extends DeliverySubject['type']> = Delivery & {
  recipientId: string;
  subject: Extract<DeliverySubject, { type: T }>;
};

/**
 * The delivery a card action names, when it was delivered to `callerId` and is about a subject of
 * one of `types`; otherwise undefined, and the action must change nothing. The card's data only
 * names the delivery: whoever can send an invoke can put any ids in it, so the caller is compared
 * with the recipient the ledger recorded when Moments sent the card.
 */
export async function deliveredTo<T extends DeliverySubject['type']>(
  ledger: Pick<DeliveryLedger, 'get'>,
  request: { tenantId: string; deliveryId: string | undefined; callerId: string; types: readonly T[] },
): Promise<SentDelivery<T> | undefined> {
  const { tenantId, deliveryId, callerId, types } = request;
  if (!deliveryId) return undefined;
  const delivery = await ledger.get(tenantId, deliveryId);
  if (!delivery || delivery.tenantId !== tenantId || delivery.recipientId !== callerId) return undefined;
  const subject = delivery.subject;
  if (!subject || !(types as readonly string[]).includes(subject.type)) return undefined;
  return delivery as SentDelivery<T>;
}

/**
 * The person a card action is about, taken from the delivery: the reminder's or the brief's person,
 * or one of the people a digest listed (`personId` names which, and must be one of them).
 */
export function personOfDelivery(
  delivery: { subject: Extract<DeliverySubject, { type: 'reminder' | 'digest' | 'brief' }> },
  personId: string | undefined,
): string | undefined {
  const { subject } = delivery;
  if (subject.type === 'reminder' || subject.type === 'brief') return subject.personId;
  return personId && subject.personIds.includes(personId) ? personId : undefined;
}
