import type { TurnContext } from 'botbuilder';
import {
  deliveredTo,
  type DeliveryLedger,
  type DeliverySubject,
  type SentDelivery,
} from '../../core/delivery';
import { senderOf, tenantOf } from './conversationRecord';

/** The caller of a card action and the delivery its card came with, once checked against the ledger. */
export interface CardCaller<T extends DeliverySubject['type']> {
  tenantId: string;
  callerId: string;
  delivery: SentDelivery<T>;
}

/**
 * The delivery a card action names, when Moments delivered it to this caller (the sender of the
 * activity, as the messenger addressed them) and it is about one of `types`; else undefined, and
 * the action answers that the card was not sent to them and changes nothing.
 */
export async function sentToCaller<T extends DeliverySubject['type']>(
  context: TurnContext,
  ledger: Pick<DeliveryLedger, 'get'>,
  deliveryId: string | undefined,
  types: readonly T[],
): Promise<CardCaller<T> | undefined> {
  const tenantId = tenantOf(context.activity);
  const callerId = senderOf(context.activity);
  if (!tenantId || !callerId) return undefined;
  const delivery = await deliveredTo(ledger, { tenantId, deliveryId, callerId, types });
  return delivery ? { tenantId, callerId, delivery } : undefined;
}
