import type { Container } from '@azure/cosmos';
import type { ConversationRecord, ConversationStore } from '../../core/delivery';
import type { Logger } from '../../core/shared';
import { readEachChunk } from './chunks';
import { DocumentReader, orUndefined } from './documents';
import { conversationRecordSchema } from './schemas/delivery';

/** Conversation references in the `conversations` container, partitioned by tenant. */
export class CosmosConversationStore implements ConversationStore {
  private readonly documents: DocumentReader<ConversationRecord>;

  constructor(
    private readonly container: Container,
    logger: Logger,
  ) {
    this.documents = new DocumentReader('conversation', conversationRecordSchema, logger);
  }

  async get(tenantId: string, id: string): Promise<ConversationRecord | undefined> {
    const { resource } = await this.container.item(id, tenantId).read<ConversationRecord>();
    // A point read of one tenant's partition; the tenant check guards against a mismatched key.
    return resource && resource.tenantId === tenantId ? this.documents.one(resource) : undefined;
  }

  async getMany(tenantId: string, ids: readonly string[]): Promise<ConversationRecord[]> {
    const found = await readEachChunk(ids, async (chunk) => {
      const { resources } = await this.container.items
        .query<ConversationRecord>(
          {
            // The tenant in the WHERE clause as well as the partition: the query stays in one tenant.
            query: 'SELECT * FROM c WHERE c.tenantId = @tenantId AND ARRAY_CONTAINS(@ids, c.id)',
            parameters: [
              { name: '@tenantId', value: tenantId },
              { name: '@ids', value: chunk },
            ],
          },
          { partitionKey: tenantId },
        )
        .fetchAll();
      return resources;
    });
    return this.documents.all(found);
  }

  async save(record: ConversationRecord): Promise<void> {
    await this.container.items.upsert(record);
  }

  async remove(tenantId: string, id: string): Promise<void> {
    // A point delete in the tenant's partition: another tenant's record of the same id is not reached.
    await orUndefined(() => this.container.item(id, tenantId).delete());
  }
}
