import type { Container, SqlParameter } from '@azure/cosmos';
import type { MilestoneCandidates, OccasionDays } from '../../core/milestones';
import type { CelebrationPreference, Person } from '../../core/people';
import { chunks, type Logger } from '../../core/shared';
import type { DocumentReader } from './documents';
import { personReader } from './personDocument';
import { zoneIndexOf, type ZoneIndex } from './zoneIndex';

// Keeps each query text and its parameters small; a window needs a handful of values, a large
// team's managers a few hundred.
const CHUNK = 200;

/** The preferences that have a reminder to send, and those that have a celebration. */
const REMINDED: readonly CelebrationPreference[] = ['public', 'manager'];
const CELEBRATED: readonly CelebrationPreference[] = ['public'];

/**
 * `path` holds one of `allowed`, or nothing when the tenant's default is one of them: an equality
 * or a definedness test, both answered from the index (every path is indexed: containers.json).
 */
function preferenceIn(
  path: string,
  allowed: readonly CelebrationPreference[],
  parameter: string,
  fallback: CelebrationPreference,
): string {
  const chosen = `ARRAY_CONTAINS(${parameter}, ${path})`;
  return allowed.includes(fallback) ? `(NOT IS_DEFINED(${path}) OR ${chosen})` : chosen;
}

/**
 * The milestone job's reads, on the `people` container and its zone markers. Each is one parameterised query per
 * (chunk of) values that names the tenant in WHERE and matches indexed fields only (equalities,
 * ARRAY_CONTAINS of a parameter, IS_DEFINED), so its cost follows the people matched, not the
 * people stored.
 */
export class CosmosMilestoneCandidates implements MilestoneCandidates {
  private readonly documents: DocumentReader<Person>;
  private readonly zones: ZoneIndex;

  constructor(
    private readonly container: Container,
    logger: Logger,
  ) {
    this.documents = personReader(logger);
    this.zones = zoneIndexOf(container);
  }

  zonesInUse(tenantId: string): Promise<string[]> {
    return this.zones.zones(tenantId);
  }

  birthdaysOn(tenantId: string, days: OccasionDays): Promise<Person[]> {
    return this.onDays(tenantId, 'birthday', 'birthday', days);
  }

  anniversariesOn(tenantId: string, days: OccasionDays): Promise<Person[]> {
    return this.onDays(tenantId, 'hireMonthDay', 'anniversary', days);
  }

  hiredOn(tenantId: string, dates: readonly string[]): Promise<Person[]> {
    return this.matching(tenantId, 'hireDate', dates);
  }

  managersOf(tenantId: string, ids: readonly string[]): Promise<Person[]> {
    return this.matching(tenantId, 'id', ids);
  }

  /**
   * People on `days`: on a reminder day whoever has not turned the occasion off, on a celebration
   * day whoever celebrates it in public (the rule of core's `onOccasionDays`). A window has a few
   * dozen days at most: one query.
   */
  private async onDays(
    tenantId: string,
    field: 'birthday' | 'hireMonthDay',
    occasion: 'birthday' | 'anniversary',
    days: OccasionDays,
  ): Promise<Person[]> {
    // Field and occasion are literals above, never caller text.
    const preference = `c.celebrate.${occasion}`;
    const parameters: SqlParameter[] = [{ name: '@tenantId', value: tenantId }];
    const clauses: string[] = [];
    const add = (name: string, values: readonly string[], allowed: readonly CelebrationPreference[]) => {
      if (values.length === 0) return;
      parameters.push({ name: `@${name}Days`, value: [...new Set(values)] });
      parameters.push({ name: `@${name}Preferences`, value: [...allowed] });
      clauses.push(
        `(ARRAY_CONTAINS(@${name}Days, c.${field}) AND ` +
          `${preferenceIn(preference, allowed, `@${name}Preferences`, days.defaultCelebration)})`,
      );
    };
    add('reminded', days.reminded, REMINDED);
    add('celebrated', days.celebrated, CELEBRATED);
    if (clauses.length === 0) return [];
    return this.query(
      tenantId,
      `SELECT * FROM c WHERE c.tenantId = @tenantId AND (${clauses.join(' OR ')})`,
      parameters,
    );
  }

  private async matching(
    tenantId: string,
    field: 'hireDate' | 'id',
    values: readonly string[],
  ): Promise<Person[]> {
    const unique = [...new Set(values)];
    const found: Person[] = [];
    for (const chunk of chunks(unique, CHUNK)) {
      // The field name is one of the literals above, never caller text.
      found.push(
        ...(await this.query(
          tenantId,
          `SELECT * FROM c WHERE c.tenantId = @tenantId AND ARRAY_CONTAINS(@values, c.${field})`,
          [
            { name: '@tenantId', value: tenantId },
            { name: '@values', value: chunk },
          ],
        )),
      );
    }
    return found;
  }

  private async query(tenantId: string, query: string, parameters: SqlParameter[]): Promise<Person[]> {
    const { resources } = await this.container.items.query({ query, parameters }).fetchAll();
    // The local server ignores partition options; the WHERE clause is what keeps tenants apart,
    // and this check keeps it so even if a query is ever edited carelessly.
    return this.documents.all(resources).filter((person) => person.tenantId === tenantId);
  }
}
