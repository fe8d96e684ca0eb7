import type { Container } from '@azure/cosmos';
import type { ReminderSnooze, SnoozeStore } from '../../core/milestones';
import type { Logger } from '../../core/shared';
import { DocumentReader, orUndefined } from './documents';
import { storedSnoozeSchema } from './schemas/delivery';

type StoredSnooze = ReminderSnooze & { type: 'snooze' };

/**
 * Snoozed reminders, kept beside the deliveries they belong to (same container, partitioned by
 * tenant, expiring with the container's TTL) and told apart by `type`.
 */
export class CosmosSnoozeStore implements SnoozeStore {
  private readonly documents: DocumentReader<StoredSnooze>;

  constructor(
    private readonly container: Container,
    logger: Logger,
  ) {
    this.documents = new DocumentReader('snooze', storedSnoozeSchema, logger);
  }

  async save(snooze: ReminderSnooze): Promise<void> {
    await this.container.items.upsert<StoredSnooze>({ ...snooze, type: 'snooze' });
  }

  async dueBy(tenantId: string, now: Date): Promise<ReminderSnooze[]> {
    const { resources } = await this.container.items
      .query<StoredSnooze>({
        query: "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'snooze' AND c.dueAt <= @now",
        parameters: [
          { name: '@tenantId', value: tenantId },
          { name: '@now', value: now.toISOString() },
        ],
      })
      .fetchAll();
    return this.documents.all(resources).map(({ type: _type, ...snooze }) => snooze);
  }

  async remove(tenantId: string, id: string): Promise<void> {
    await orUndefined(() => this.container.item(id, tenantId).delete());
  }
}
