import type { SendGate } from './sendGate';
import type { Logger } from '../shared';

/** Every kind of thing Moments sends on its own initiative. */
export type DeliveryKind = 'reminder' | 'celebration' | 'digest' | 'brief' | 'nudge' | 'notice';

/** State of one outbound effect in the ledger. */
export type DeliveryStatus = 'claimed' | 'sent' | 'failed';

/**
 * What a delivered card was about, as far as its actions need to know. A card's actions name only
 * the delivery they came with; every fact they act on is read from here, never from the card.
 */
export type DeliverySubject =
  /** A manager's milestone reminder (or its snoozed return). */
  | {
      type: 'reminder';
      personId: string;
      /** The milestone's kind, e.g. `birthday`, `day-30`. */
      kind: string;
      date: string;
      occursOn: string;
      years?: number;
    }
  /** A manager's digest and the people it listed with actions. */
  | { type: 'digest'; managerId: string; personIds: string[] }
  /** A brief about one person, shown to its reader. */
  | { type: 'brief'; personId: string }
  /** A follow-up nudge about one private note. */
  | { type: 'note'; noteId: string }
  /** A celebration or a recognition posted for people to see. */
  | { type: 'celebration'; personId?: string; recognitionId?: string };

/** Who a delivery went to and what it was about: what its card's actions are checked against. */
export interface DeliveryAddress {
  /** The user id the messenger addressed (the person's AAD object id); absent for channel posts. */
  recipientId?: string;
  subject?: DeliverySubject;
}

/** One record per thing sent, keyed deterministically so that a rerun finds it. */
export interface Delivery extends DeliveryAddress {
  tenantId: string;
  id: string;
  kind: DeliveryKind;
  status: DeliveryStatus;
  attempts: number;
  claimedAt: string;
  sentAt?: string;
  /** Why the last attempt failed; `permanent` failures are never retried. */
  failure?: { reason: string; permanent: boolean; at: string };
}

/** A claim of one delivery; `recipientId` and `subject` are recorded with it when given. */
export interface ClaimRequest extends DeliveryAddress {
  tenantId: string;
  id: string;
  kind: DeliveryKind;
  now: Date;
  leaseMs: number;
}

/** What a claim attempt found. */
export type ClaimResult =
  | { outcome: 'claimed'; delivery: Delivery }
  /** Already sent, or failed for good: nothing to do. */
  | { outcome: 'done'; delivery: Delivery }
  /** Someone else holds a fresh claim: leave it to them. */
  | { outcome: 'busy' };

/**
 * The delivery ledger port. `claim` is create-if-absent on the id: of any number of concurrent
 * claims of one id, exactly one wins. A claim that was never marked (its holder crashed) can be
 * taken over once its lease has run out, which is how an interrupted job resumes.
 */
export interface DeliveryLedger {
  claim(request: ClaimRequest): Promise<ClaimResult>;
  markSent(tenantId: string, id: string, now: Date): Promise<void>;
  markFailed(
    tenantId: string,
    id: string,
    failure: { reason: string; permanent: boolean },
    now: Date,
  ): Promise<void>;
  get(tenantId: string, id: string): Promise<Delivery | undefined>;
}

/** A send's outcome, as the messenger reports it. */
export type SendResult = { ok: true } | { ok: false; permanent: boolean; reason: string };

/** What {@link deliverOnce} did. */
/**
 * `failed`: a transient failure, retried by a later run; `gave-up`: a permanent one, never retried;
 * `deferred`: not tried, because Teams kept failing (the gate paused), left to a later run.
 */
export type DeliveryOutcome = 'sent' | 'already-done' | 'busy' | 'failed' | 'gave-up' | 'deferred';

/** Why a delivery was left to a later run without being tried. */
export const DEFERRED_REASON = 'not tried: sending was paused after Teams failed several sends in a row';

/** How long a claim protects a send in progress before another run may take it over. */
export const DEFAULT_LEASE_MS = 10 * 60 * 1000;

/**
 * Claims `id`, runs `send` only if this caller won the claim, and records the result.
 * The one window for a duplicate is a crash after `send` succeeded and before it was marked:
 * after the lease a later run sends that message again. Callers sending many at once pass a
 * {@link SendGate}, so that window holds one message at a time.
 */
export async function deliverOnce(
  ledger: DeliveryLedger,
  logger: Logger,
  delivery: DeliveryAddress & {
    tenantId: string;
    id: string;
    kind: DeliveryKind;
    now: Date;
    leaseMs?: number;
    /** Sends and records one message at a time through this gate (the jobs pass one). */
    gate?: SendGate;
    /**
     * The process clock, which claims, leases and the ledger's instants follow; default `now`. A
     * job passes it apart from its logical `now`, so that a run dated in the future never holds a
     * claim that blocks the real runs.
     */
    clock?: () => Date;
  },
  send: () => Promise<SendResult>,
): Promise<DeliveryOutcome> {
  const { tenantId, id, kind } = delivery;
  const clock = delivery.clock ?? (() => delivery.now);
  if (delivery.gate?.paused) return 'deferred';
  const claim = await ledger.claim({
    tenantId,
    id,
    kind,
    now: clock(),
    leaseMs: delivery.leaseMs ?? DEFAULT_LEASE_MS,
    ...addressOf(delivery),
  });
  if (claim.outcome === 'done') return 'already-done';
  if (claim.outcome === 'busy') return 'busy';
  const { gate } = delivery;
  const sendAndRecord = async (): Promise<SendResult | 'deferred'> => {
    if (gate?.paused) {
      // Claimed while sending was still on: released as a transient failure, for the next run.
      await ledger.markFailed(tenantId, id, { reason: DEFERRED_REASON, permanent: false }, clock());
      return 'deferred';
    }
    const result = await send();
    if (result.ok) await ledger.markSent(tenantId, id, clock());
    else
      await ledger.markFailed(tenantId, id, { reason: result.reason, permanent: result.permanent }, clock());
    gate?.note(result.ok ? 'sent' : result.permanent ? 'permanent-failure' : 'transient-failure');
    return result;
  };
  const result = await (gate ? gate.run(sendAndRecord) : sendAndRecord());
  if (result === 'deferred') return 'deferred';
  if (result.ok) return 'sent';
  logger.warn('delivery failed', {
    tenantId,
    delivery: id,
    reason: result.reason,
    permanent: result.permanent,
  });
  return result.permanent ? 'gave-up' : 'failed';
}

/** A deterministic delivery id from its parts, e.g. `birthday:2027-03-14:<person>:manager`. */
export function deliveryId(...parts: string[]): string {
  if (parts.some((part) => part.length === 0 || /[/\\#?]/.test(part))) {
    throw new Error(`Delivery id parts must be non-empty and free of / \\ # ?: got ${JSON.stringify(parts)}`);
  }
  return parts.join(':');
}

/** The recipient and subject of `source`, without keys for those it lacks. */
export function addressOf(source: DeliveryAddress): DeliveryAddress {
  return {
    ...(source.recipientId !== undefined ? { recipientId: source.recipientId } : {}),
    ...(source.subject ? { subject: source.subject } : {}),
  };
}
