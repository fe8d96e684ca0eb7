import type { Container } from '@azure/cosmos';
import type { GivingTally, GivingTallyStore, TallyDecision } from '../../core/kudos';
import { retry, type BackoffPolicy, type Logger } from '../../core/shared';
import { DocumentReader, orUndefined, statusOf } from './documents';
import { storedGivingTallySchema } from './schemas/kudos';

/**
 * Retries of a tally change that lost the race. A burst of submits by one giver (a script, a
 * double-clicking hand) all write the same document: each loser reads again and decides again, so
 * the attempts allowed exceed any burst the limit lets through.
 */
const TALLY_CONFLICT_RETRY: BackoffPolicy = { maxAttempts: 40, baseDelayMs: 5, maxDelayMs: 200 };

interface StoredTally extends GivingTally {
  id: string;
  type: 'giving-tally';
}

/** The document id of a giver's tally. */
const tallyId = (giverId: string) => `giving-tally:${giverId}`;

/**
 * Daily-limit tallies, kept beside the deliveries (same container, partitioned by tenant, expiring
 * with its TTL: a tally only matters for the day it counts) and told apart by `type`. Changes are
 * created only if absent and replaced only under the etag they were read with.
 */
export class CosmosGivingTallyStore implements GivingTallyStore {
  private readonly documents: DocumentReader<StoredTally>;

  constructor(
    private readonly container: Container,
    logger: Logger,
  ) {
    this.documents = new DocumentReader('giving tally', storedGivingTallySchema, logger);
  }

  async get(tenantId: string, giverId: string): Promise<GivingTally | undefined> {
    return (await this.read(tenantId, giverId)).tally;
  }

  async change<R>(
    tenantId: string,
    giverId: string,
    decide: (current: GivingTally | undefined) => TallyDecision<R>,
  ): Promise<R> {
    const outcome = await retry(() => this.changeOnce(tenantId, giverId, decide), {
      ...TALLY_CONFLICT_RETRY,
      // 409: created by another submit first; 412: changed by another submit since it was read.
      retryable: (error) => statusOf(error) === 409 || statusOf(error) === 412,
    });
    if (outcome.ok) return outcome.value;
    throw outcome.error;
  }

  private async changeOnce<R>(
    tenantId: string,
    giverId: string,
    decide: (current: GivingTally | undefined) => TallyDecision<R>,
  ): Promise<R> {
    const { tally, etag } = await this.read(tenantId, giverId);
    const { next, answer } = decide(tally);
    if (!next) return answer;
    const document: StoredTally = { ...next, tenantId, giverId, id: tallyId(giverId), type: 'giving-tally' };
    if (etag === undefined) await this.container.items.create(document);
    else {
      await this.container.item(document.id, tenantId).replace(document, {
        accessCondition: { type: 'IfMatch', condition: etag },
      });
    }
    return answer;
  }

  private async read(tenantId: string, giverId: string): Promise<{ tally?: GivingTally; etag?: string }> {
    const response = await orUndefined(() =>
      this.container.item(tallyId(giverId), tenantId).read<StoredTally>(),
    );
    const resource = response?.resource;
    if (!resource || !response.etag) return {};
    const stored = this.documents.one(resource);
    // A damaged tally is replaced (under its etag) rather than trusted.
    if (!stored || stored.tenantId !== tenantId) return { etag: response.etag };
    const { id: _id, type: _type, ...tally } = stored;
    return { tally, etag: response.etag };
  }
}
