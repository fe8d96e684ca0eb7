import type { Container } from '@azure/cosmos';
import type { ConversationRecord, ConversationStore } from '../../core/conversations';
import { fromDocument, orUndefined } from './documents';

/** Conversation references in the `conversations` container, partitioned by tenant. */
export class CosmosConversationStore implements ConversationStore {
  constructor(private readonly container: Container) {}

  async get(tenantId: string, id: string): Promise<ConversationRecord | undefined> {
    const { resource } = await this.container.item(id, tenantId).read<ConversationRecord>();
    // A point read of one tenant's partition; the tenant check guards against a mismatched key.
    return resource && resource.tenantId === tenantId
      ? fromDocument<ConversationRecord>(resource)
      : undefined;
  }

  async save(record: ConversationRecord): Promise<void> {
    await this.container.items.upsert(record);
  }

  async remove(tenantId: string, id: string): Promise<void> {
    // A point delete in the tenant's partition: another tenant's record of the same id is not reached.
    await orUndefined(() => this.container.item(id, tenantId).delete());
  }
}
