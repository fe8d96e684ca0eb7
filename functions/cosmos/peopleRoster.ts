import type { Container } from '@azure/cosmos';
import type { PeopleRoster, RosterEntry } from '../../core/insights';

/**
 * The tenant's whole directory, projected to id, name and manager: one query naming the tenant, for
 * an admin's organisation page (at 20,000 people, 20,000 small rows).
 */
export class CosmosPeopleRoster implements PeopleRoster {
  constructor(private readonly people: Container) {}

  async roster(tenantId: string): Promise<RosterEntry[]> {
    const { resources } = await this.people.items
      .query<{ id?: unknown; displayName?: unknown; managerId?: unknown }>({
        query: 'SELECT c.id, c.displayName, c.managerId FROM c WHERE c.tenantId = @tenantId',
        parameters: [{ name: '@tenantId', value: tenantId }],
      })
      .fetchAll();
    return resources.flatMap(({ id, displayName, managerId }) =>
      typeof id === 'string'
        ? [
            {
              id,
              displayName: typeof displayName === 'string' ? displayName : id,
              ...(typeof managerId === 'string' ? { managerId } : {}),
            },
          ]
        : [],
    );
  }
}
