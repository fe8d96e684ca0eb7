import type { Container, SqlParameter } from '@azure/cosmos';
import type { MilestoneCandidates } from '../../core/milestones';
import type { Person } from '../../core/people';
import { chunks, type Logger } from '../../core/shared';
import type { DocumentReader } from './documents';
import { personReader } from './personDocument';

// Keeps each query text and its parameters small; a window needs a handful of values, a large
// team's managers a few hundred.
const CHUNK = 200;

/**
 * The milestone job's reads, on the `people` container. Each is one parameterised query per
 * (chunk of) values that names the tenant in WHERE and matches an indexed field with
 * ARRAY_CONTAINS, so its cost follows the people matched, not the people stored.
 */
export class CosmosMilestoneCandidates implements MilestoneCandidates {
  private readonly documents: DocumentReader<Person>;

  constructor(
    private readonly container: Container,
    logger: Logger,
  ) {
    this.documents = personReader(logger);
  }

  birthdaysOn(tenantId: string, monthDays: readonly string[]): Promise<Person[]> {
    return this.matching(tenantId, 'birthday', monthDays);
  }

  anniversariesOn(tenantId: string, monthDays: readonly string[]): Promise<Person[]> {
    return this.matching(tenantId, 'hireMonthDay', monthDays);
  }

  hiredOn(tenantId: string, dates: readonly string[]): Promise<Person[]> {
    return this.matching(tenantId, 'hireDate', dates);
  }

  managersOf(tenantId: string, ids: readonly string[]): Promise<Person[]> {
    return this.matching(tenantId, 'id', ids);
  }

  private async matching(
    tenantId: string,
    field: 'birthday' | 'hireMonthDay' | 'hireDate' | 'id',
    values: readonly string[],
  ): Promise<Person[]> {
    const unique = [...new Set(values)];
    const found: Person[] = [];
    for (const chunk of chunks(unique, CHUNK)) {
      const parameters: SqlParameter[] = [
        { name: '@tenantId', value: tenantId },
        { name: '@values', value: chunk },
      ];
      // The field name is one of four literals above, never caller text.
      const { resources } = await this.container.items
        .query({
          query: `SELECT * FROM c WHERE c.tenantId = @tenantId AND ARRAY_CONTAINS(@values, c.${field})`,
          parameters,
        })
        .fetchAll();
      for (const person of this.documents.all(resources)) {
        // The local server ignores partition options; the WHERE clause is what keeps tenants
        // apart, and this check keeps it so even if a query is ever edited carelessly.
        if (person.tenantId === tenantId) found.push(person);
      }
    }
    return found;
  }
}
