import type { Container } from '@azure/cosmos';
import type { ReminderSnooze, SnoozeStore } from '../../core/milestones';
import { fromDocument, orUndefined } from './documents';

type StoredSnooze = ReminderSnooze & { type: 'snooze' };

/**
 * Snoozed reminders, kept beside the deliveries they belong to (same container, partitioned by
 * tenant, expiring with the container's TTL) and told apart by `type`.
 */
export class CosmosSnoozeStore implements SnoozeStore {
  constructor(private readonly container: Container) {}

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
    return resources.map((r) => {
      const { type: _type, ...snooze } = fromDocument<StoredSnooze>(r);
      return snooze;
    });
  }

  async remove(tenantId: string, id: string): Promise<void> {
    await orUndefined(() => this.container.item(id, tenantId).delete());
  }
}
