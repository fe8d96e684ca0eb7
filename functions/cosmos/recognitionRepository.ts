import type { Container, SqlParameter } from '@azure/cosmos';
import type { CreateResult, Recognition, RecognitionStore } from '../../core/kudos';
import type { Logger } from '../../core/shared';
import { retry, type BackoffPolicy } from '../../core/shared';
import { readInChunks } from './chunks';
import { DocumentReader, statusOf } from './documents';
import { recognitionSchema } from './schemas/kudos';

/**
 * Retries of an update that lost the etag race. Celebrations of a popular card come in bursts, and
 * each writer only needs a few milliseconds for its read and replace: short, jittered waits.
 */
const UPDATE_CONFLICT_RETRY: BackoffPolicy = { maxAttempts: 8, baseDelayMs: 10, maxDelayMs: 160 };

/** Kudos in the `recognitions` container, partitioned by [tenantId, id]. */
export class CosmosRecognitionStore implements RecognitionStore {
  private readonly documents: DocumentReader<Recognition>;

  constructor(
    private readonly container: Container,
    logger: Logger,
  ) {
    this.documents = new DocumentReader('recognition', recognitionSchema, logger);
  }

  async create(recognition: Recognition): Promise<CreateResult> {
    try {
      await this.container.items.create(recognition);
      return { created: true };
    } catch (error) {
      if (statusOf(error) !== 409) throw error;
      const existing = await this.get(recognition.tenantId, recognition.id);
      if (!existing)
        throw new Error(`Recognition ${recognition.id} conflicted on create but cannot be read back.`);
      return { created: false, existing };
    }
  }

  async get(tenantId: string, id: string): Promise<Recognition | undefined> {
    const { resource } = await this.container.item(id, [tenantId, id]).read<Recognition>();
    return resource && resource.tenantId === tenantId ? this.documents.one(resource) : undefined;
  }

  async update(
    tenantId: string,
    id: string,
    change: (current: Recognition) => Recognition,
  ): Promise<Recognition | undefined> {
    const outcome = await retry(() => this.replaceIfUnchanged(tenantId, id, change), {
      ...UPDATE_CONFLICT_RETRY,
      // 412: someone else wrote in between; the next attempt applies the change to their copy.
      retryable: (error) => statusOf(error) === 412,
    });
    if (outcome.ok) return outcome.value;
    if (outcome.stoppedBy !== 'attempts-exhausted') throw outcome.error;
    throw new Error(`Recognition ${id} kept changing under us; gave up after ${outcome.attempts} attempts.`);
  }

  /** Reads the recognition and replaces it with `change` of it, provided nobody wrote in between. */
  private async replaceIfUnchanged(
    tenantId: string,
    id: string,
    change: (current: Recognition) => Recognition,
  ): Promise<Recognition | undefined> {
    const { resource, etag } = await this.container.item(id, [tenantId, id]).read<Recognition>();
    const current = resource?.tenantId === tenantId ? this.documents.one(resource) : undefined;
    if (!current) return undefined;
    const next = change(current);
    await this.container.item(id, [tenantId, id]).replace(next, {
      accessCondition: { type: 'IfMatch', condition: etag },
    });
    return next;
  }

  async countGivenOn(tenantId: string, giverId: string, givenOn: string): Promise<number> {
    const { resources } = await this.container.items
      .query<number>({
        query:
          'SELECT VALUE COUNT(1) FROM c WHERE c.tenantId = @tenantId AND c.giver.id = @giverId AND c.givenOn = @givenOn',
        parameters: [
          { name: '@tenantId', value: tenantId },
          { name: '@giverId', value: giverId },
          { name: '@givenOn', value: givenOn },
        ],
      })
      .fetchAll();
    return resources[0] ?? 0;
  }

  async pendingFanOuts(tenantId: string, createdBefore: Date): Promise<Recognition[]> {
    return this.query(
      'SELECT * FROM c WHERE c.tenantId = @tenantId AND c.fanOutPending = true AND c.createdAt < @before ORDER BY c.createdAt ASC',
      [
        { name: '@tenantId', value: tenantId },
        { name: '@before', value: createdBefore.toISOString() },
      ],
    );
  }

  async createdBetween(tenantId: string, from: Date, to: Date): Promise<Recognition[]> {
    return this.query(
      'SELECT * FROM c WHERE c.tenantId = @tenantId AND c.createdAt >= @from AND c.createdAt < @to ORDER BY c.createdAt DESC',
      [
        { name: '@tenantId', value: tenantId },
        { name: '@from', value: from.toISOString() },
        { name: '@to', value: to.toISOString() },
      ],
    );
  }

  async forRecipientsSince(tenantId: string, personIds: string[], since: Date): Promise<Recognition[]> {
    // One query per chunk of people; kudos to people in two chunks come back from both, once here.
    return readInChunks(
      [...new Set(personIds)],
      (chunk) => {
        const anyRecipient = chunk
          .map((_, index) => `ARRAY_CONTAINS(c.recipientIds, @p${index})`)
          .join(' OR ');
        return this.query(
          `SELECT * FROM c WHERE c.tenantId = @tenantId AND c.createdAt >= @since AND (${anyRecipient}) ORDER BY c.createdAt DESC`,
          [
            { name: '@tenantId', value: tenantId },
            { name: '@since', value: since.toISOString() },
            ...chunk.map((value, index) => ({ name: `@p${index}`, value })),
          ],
        );
      },
      (recognition) => recognition.id,
    );
  }

  async givenBySince(tenantId: string, giverIds: string[], since: Date): Promise<Recognition[]> {
    if (giverIds.length === 0) return [];
    return this.query(
      'SELECT * FROM c WHERE c.tenantId = @tenantId AND c.createdAt >= @since AND ARRAY_CONTAINS(@givers, c.giver.id) ORDER BY c.createdAt DESC',
      [
        { name: '@tenantId', value: tenantId },
        { name: '@since', value: since.toISOString() },
        { name: '@givers', value: [...new Set(giverIds)] },
      ],
    );
  }

  async involving(tenantId: string, personId: string): Promise<Recognition[]> {
    return this.query(
      'SELECT * FROM c WHERE c.tenantId = @tenantId AND (c.giver.id = @personId OR ARRAY_CONTAINS(c.recipientIds, @personId) OR ARRAY_CONTAINS(c.celebrations, { "id": @personId }, true)) ORDER BY c.createdAt DESC',
      [
        { name: '@tenantId', value: tenantId },
        { name: '@personId', value: personId },
      ],
    );
  }

  private async query(query: string, parameters: SqlParameter[]): Promise<Recognition[]> {
    const { resources } = await this.container.items.query<Recognition>({ query, parameters }).fetchAll();
    return this.documents.all(resources);
  }
}
