import type { Container, SqlParameter } from '@azure/cosmos';
import { z } from 'zod';
import type { KudosActivity, KudosOfPerson, KudosPosition, RecognitionHistory } from '../../core/insights';
import type { Recognition } from '../../core/kudos';
import type { Logger } from '../../core/shared';
import { DocumentReader } from './documents';
import { recognitionSchema } from './schemas/kudos';

const activitySchema: z.ZodType<KudosActivity, z.ZodTypeDef, unknown> = z.object({
  id: z.string(),
  createdAt: z.string(),
  giverId: z.string(),
  recipientIds: z.array(z.string()),
  valueId: z.string(),
  valueName: z.string(),
});

/** What an activity row projects: who, when and which value, never the words. */
const ACTIVITY =
  'SELECT c.id, c.createdAt, c.giver.id AS giverId, c.recipientIds, c["value"].id AS valueId, c["value"].name AS valueName FROM c';

/** Gave or received: the giver, or among the recipients. */
const INVOLVES = '(c.giver.id = @personId OR ARRAY_CONTAINS(c.recipientIds, @personId))';

/**
 * The tab's reads of the `recognitions` container: a person's kudos a page at a time, and projections
 * (no words) of a person's or the tenant's kudos for the charts.
 *
 * Pages are keyset pages in (createdAt, id) order, newest first. Ordering on two fields needs a
 * composite index, so a page is read ordered on createdAt alone (`TOP limit`), and the kudos that
 * share the page's last createdAt are read once more in full: then the page holds exactly the first
 * `limit` kudos in (createdAt, id) order, however many share an instant.
 */
export class CosmosRecognitionHistory implements RecognitionHistory {
  private readonly documents: DocumentReader<Recognition>;
  private readonly activity: DocumentReader<KudosActivity>;

  constructor(
    private readonly container: Container,
    logger: Logger,
  ) {
    this.documents = new DocumentReader('recognition', recognitionSchema, logger);
    this.activity = new DocumentReader('recognition activity', activitySchema, logger);
  }

  async page(
    tenantId: string,
    filter: KudosOfPerson,
    after: KudosPosition | undefined,
    limit: number,
  ): Promise<Recognition[]> {
    const top = Math.max(1, Math.floor(limit));
    const conditions = ['c.tenantId = @tenantId', INVOLVES];
    const parameters: SqlParameter[] = [
      { name: '@tenantId', value: tenantId },
      { name: '@personId', value: filter.personId },
    ];
    if (filter.since) {
      conditions.push('c.createdAt >= @since');
      parameters.push({ name: '@since', value: filter.since.toISOString() });
    }
    if (filter.valueId !== undefined) {
      conditions.push('c["value"].id = @valueId');
      parameters.push({ name: '@valueId', value: filter.valueId });
    }
    if (after) {
      conditions.push('(c.createdAt < @afterAt OR (c.createdAt = @afterAt AND c.id < @afterId))');
      parameters.push({ name: '@afterAt', value: after.createdAt }, { name: '@afterId', value: after.id });
    }
    const where = conditions.join(' AND ');
    const first = await this.query(
      `SELECT TOP ${top} * FROM c WHERE ${where} ORDER BY c.createdAt DESC`,
      parameters,
    );
    const edge = first[first.length - 1];
    // Fewer than asked for: nothing was left out. Otherwise kudos at the edge's instant may have
    // been, and which of them come first depends on their ids: read them all.
    const ties =
      edge && first.length === top
        ? await this.query(`SELECT * FROM c WHERE ${where} AND c.createdAt = @edgeAt`, [
            ...parameters,
            { name: '@edgeAt', value: edge.createdAt },
          ])
        : [];
    const byId = new Map([...first, ...ties].map((kudos) => [kudos.id, kudos]));
    return [...byId.values()].sort(newestFirst).slice(0, top);
  }

  async involving(tenantId: string, personId: string, since?: Date): Promise<KudosActivity[]> {
    const parameters: SqlParameter[] = [
      { name: '@tenantId', value: tenantId },
      { name: '@personId', value: personId },
      ...(since ? [{ name: '@since', value: since.toISOString() }] : []),
    ];
    return this.activities(
      `${ACTIVITY} WHERE c.tenantId = @tenantId${since ? ' AND c.createdAt >= @since' : ''} AND ${INVOLVES}`,
      parameters,
    );
  }

  async activityBetween(tenantId: string, from: Date, to: Date): Promise<KudosActivity[]> {
    return this.activities(
      `${ACTIVITY} WHERE c.tenantId = @tenantId AND c.createdAt >= @from AND c.createdAt < @to`,
      [
        { name: '@tenantId', value: tenantId },
        { name: '@from', value: from.toISOString() },
        { name: '@to', value: to.toISOString() },
      ],
    );
  }

  private async query(query: string, parameters: SqlParameter[]): Promise<Recognition[]> {
    const { resources } = await this.container.items.query<Recognition>({ query, parameters }).fetchAll();
    return this.documents.all(resources);
  }

  private async activities(query: string, parameters: SqlParameter[]): Promise<KudosActivity[]> {
    const { resources } = await this.container.items.query<unknown>({ query, parameters }).fetchAll();
    return this.activity.all(resources);
  }
}

/** (createdAt, id), both descending, compared as the query compares them (ids are ASCII). */
function newestFirst(a: KudosPosition, b: KudosPosition): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
