import type { Container } from '@azure/cosmos';
import {
  addressOf,
  type ClaimRequest,
  type ClaimResult,
  type Delivery,
  type DeliveryLedger,
} from '../../core/delivery';
import type { Logger } from '../../core/shared';
import { DocumentReader, statusOf } from './documents';
import { deliverySchema } from './schemas/delivery';

type StoredDelivery = Delivery & { _etag?: string };

/**
 * The delivery ledger in the `deliveries` container. A claim is a create: Cosmos refuses a second
 * create of the same id with 409, so exactly one of any number of concurrent claims wins. Taking
 * over an expired claim is an etag-checked replace, so that too has a single winner.
 */
export class CosmosDeliveryLedger implements DeliveryLedger {
  private readonly documents: DocumentReader<Delivery>;

  constructor(
    private readonly container: Container,
    logger: Logger,
  ) {
    this.documents = new DocumentReader('delivery', deliverySchema, logger);
  }

  async claim(request: ClaimRequest): Promise<ClaimResult> {
    const { tenantId, id, kind, now, leaseMs } = request;
    const fresh: Delivery = {
      tenantId,
      id,
      kind,
      status: 'claimed',
      attempts: 1,
      claimedAt: now.toISOString(),
      ...addressOf(request),
    };
    try {
      await this.container.items.create(fresh);
      return { outcome: 'claimed', delivery: fresh };
    } catch (error) {
      if (statusOf(error) !== 409) throw error;
    }
    const { resource } = await this.container.item(id, tenantId).read<StoredDelivery>();
    if (!resource) return { outcome: 'busy' }; // deleted between our create and read: let the next run decide
    const existing = this.documents.one(resource);
    // A damaged entry may have been sent already: leave it alone rather than risk sending twice.
    if (!existing) return { outcome: 'busy' };
    if (existing.status === 'sent' || (existing.status === 'failed' && existing.failure?.permanent)) {
      return { outcome: 'done', delivery: existing };
    }
    const leaseExpired = now.getTime() - Date.parse(existing.claimedAt) >= leaseMs;
    if (existing.status === 'claimed' && !leaseExpired) return { outcome: 'busy' };
    const retaken: Delivery = {
      ...existing,
      ...addressOf(request),
      status: 'claimed',
      attempts: existing.attempts + 1,
      claimedAt: now.toISOString(),
    };
    try {
      await this.container.item(id, tenantId).replace(retaken, {
        accessCondition: { type: 'IfMatch', condition: resource._etag ?? '' },
      });
      return { outcome: 'claimed', delivery: retaken };
    } catch (error) {
      if (statusOf(error) === 412) return { outcome: 'busy' };
      throw error;
    }
  }

  async markSent(tenantId: string, id: string, now: Date): Promise<void> {
    await this.container.item(id, tenantId).patch([
      { op: 'set', path: '/status', value: 'sent' },
      { op: 'set', path: '/sentAt', value: now.toISOString() },
    ]);
  }

  async markFailed(
    tenantId: string,
    id: string,
    failure: { reason: string; permanent: boolean },
    now: Date,
  ): Promise<void> {
    await this.container.item(id, tenantId).patch([
      { op: 'set', path: '/status', value: 'failed' },
      { op: 'set', path: '/failure', value: { ...failure, at: now.toISOString() } },
    ]);
  }

  async get(tenantId: string, id: string): Promise<Delivery | undefined> {
    const { resource } = await this.container.item(id, tenantId).read<Delivery>();
    return resource && resource.tenantId === tenantId ? this.documents.one(resource) : undefined;
  }
}
