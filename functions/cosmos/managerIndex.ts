import type { Container } from '@azure/cosmos';
import { orUndefined, statusOf } from './documents';

/** The marker saying someone reports to `managerId`; in the `settings` container, one per manager. */
interface ManagerMarker {
  id: string;
  tenantId: string;
  type: 'manager';
  managerId: string;
}

/** Says the tenant's markers were built from its directory; written once, after that build. */
const INDEXED_ID = 'managers-indexed';

/** Checks and conditional deletes of a marker before giving up on retiring it this time. */
const RETIRE_ATTEMPTS = 5;

const markerId = (managerId: string): string => `manager:${managerId}`;

/**
 * The tenant's managers, kept on write so that the digest job reads one small document per
 * manager instead of a row per person.
 *
 * A marker is added (an unconditional upsert) after every write of a person with a manager, and
 * removed only by {@link ManagerIndex.retire}, which deletes it under the etag it read before
 * looking for reports. Because a writer saves the person first and then rewrites the marker, which
 * changes its etag, a report saved while a retire is deciding either shows up in its query or
 * makes its delete fail with 412, and it looks again: a manager with reports never loses the
 * marker. A marker left over (the last report moved to someone else) costs one read until the
 * digest job, finding nobody to report on, retires it.
 */
export class ManagerIndex {
  constructor(
    private readonly markers: Container,
    private readonly people: Container,
  ) {}

  /** Records that someone reports to `managerId`; call after the person's own write. */
  async mark(tenantId: string, managerId: string): Promise<void> {
    const marker: ManagerMarker = { id: markerId(managerId), tenantId, type: 'manager', managerId };
    await this.markers.items.upsert(marker);
  }

  /**
   * Removes `managerId`'s marker when nobody in the directory reports to them any more.
   * @returns whether the marker is gone (or never was).
   */
  async retire(tenantId: string, managerId: string): Promise<boolean> {
    const item = this.markers.item(markerId(managerId), tenantId);
    for (let attempt = 1; attempt <= RETIRE_ATTEMPTS; attempt++) {
      const { resource, etag } = await item.read<ManagerMarker>();
      if (!resource) return true;
      if (await this.hasReports(tenantId, managerId)) return false;
      try {
        await item.delete({ accessCondition: { type: 'IfMatch', condition: etag } });
        return true;
      } catch (error) {
        const code = statusOf(error);
        if (code === 404) return true;
        if (code !== 412) throw error; // a report was saved meanwhile: look again
      }
    }
    // Still racing with writers: they are adding reports, so keeping the marker is right.
    return false;
  }

  /**
   * The ids of everyone someone in the tenant reports to, sorted. A tenant whose markers were
   * never built (its people were stored before markers existed) gets them built here, once, from
   * one pass over the directory.
   */
  async managerIds(tenantId: string): Promise<string[]> {
    const indexed = await orUndefined(() => this.markers.item(INDEXED_ID, tenantId).read());
    if (!indexed?.resource) await this.build(tenantId);
    const { resources } = await this.markers.items
      .query<unknown>({
        query: "SELECT VALUE c.managerId FROM c WHERE c.tenantId = @tenantId AND c.type = 'manager'",
        parameters: [{ name: '@tenantId', value: tenantId }],
      })
      .fetchAll();
    const ids = resources.filter((id): id is string => typeof id === 'string' && id !== '');
    return [...new Set(ids)].sort();
  }

  private async hasReports(tenantId: string, managerId: string): Promise<boolean> {
    const { resources } = await this.people.items
      .query<unknown>({
        query: 'SELECT TOP 1 VALUE c.id FROM c WHERE c.tenantId = @tenantId AND c.managerId = @managerId',
        parameters: [
          { name: '@tenantId', value: tenantId },
          { name: '@managerId', value: managerId },
        ],
      })
      .fetchAll();
    return resources.length > 0;
  }

  /**
   * The one-off pass for a tenant without markers: a projection of `managerId` (the local server
   * rejects DISTINCT), deduplicated here. A person written meanwhile marks their manager as usual.
   */
  private async build(tenantId: string): Promise<void> {
    const { resources } = await this.people.items
      .query<unknown>({
        query: 'SELECT VALUE c.managerId FROM c WHERE c.tenantId = @tenantId AND IS_STRING(c.managerId)',
        parameters: [{ name: '@tenantId', value: tenantId }],
      })
      .fetchAll();
    const managers = new Set(resources.filter((id): id is string => typeof id === 'string' && id !== ''));
    for (const managerId of managers) await this.mark(tenantId, managerId);
    await this.markers.items.upsert({ id: INDEXED_ID, tenantId, type: 'managers-index' });
  }
}

/** The index kept beside a `people` container: markers in the same database's `settings`. */
export function managerIndexOf(people: Container): ManagerIndex {
  return new ManagerIndex(people.database.container('settings'), people);
}
