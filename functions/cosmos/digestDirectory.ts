import type { Container } from '@azure/cosmos';
import type { DigestDirectory } from '../../core/digest';
import { managerIndexOf, type ManagerIndex } from './managerIndex';

/**
 * The digest job's list of managers: the markers the people directory keeps on write (see
 * {@link ManagerIndex}), one small document per manager rather than a row per person.
 */
export class CosmosDigestDirectory implements DigestDirectory {
  private readonly index: ManagerIndex;

  constructor(people: Container) {
    this.index = managerIndexOf(people);
  }

  managerIds(tenantId: string): Promise<string[]> {
    return this.index.managerIds(tenantId);
  }

  async withoutReports(tenantId: string, managerId: string): Promise<void> {
    await this.index.retire(tenantId, managerId);
  }
}
