import type { Container } from '@azure/cosmos';
import type { DigestDirectory } from '../../core/digest';

/**
 * The digest job's one pass over the `people` container: a projection of `managerId`, deduplicated
 * here (the local server rejects DISTINCT and GROUP BY). The tenant is named in WHERE.
 */
export class CosmosDigestDirectory implements DigestDirectory {
  constructor(private readonly container: Container) {}

  async managerIds(tenantId: string): Promise<string[]> {
    const { resources } = await this.container.items
      .query<{ managerId?: unknown }>({
        query: 'SELECT c.managerId FROM c WHERE c.tenantId = @tenantId AND IS_DEFINED(c.managerId)',
        parameters: [{ name: '@tenantId', value: tenantId }],
      })
      .fetchAll();
    const ids = new Set<string>();
    for (const { managerId } of resources) if (typeof managerId === 'string' && managerId) ids.add(managerId);
    return [...ids].sort();
  }
}
