import type { Container, SqlParameter } from '@azure/cosmos';
import type { NudgeDirectory } from '../../core/nudges';
import type { Person } from '../../core/people';
import type { Logger } from '../../core/shared';
import type { DocumentReader } from './documents';
import { personReader } from './personDocument';
import { zoneIndexOf, type ZoneIndex } from './zoneIndex';

/** Membership documents' ids start so (membershipRepository.ts). */
const MEMBER_PREFIX = 'member:';

/**
 * The nudge job's reads: on the `people` container and its zone markers, and on the memberships
 * kept in `conversations`. Each names the tenant in WHERE and matches indexed fields only, so its
 * cost follows the people matched: who chose the nudge, the people of the zones due this hour, the
 * people of a few teams and of one group chat, never the whole directory.
 */
export class CosmosNudgeDirectory implements NudgeDirectory {
  private readonly documents: DocumentReader<Person>;
  private readonly zones: ZoneIndex;

  constructor(
    private readonly people: Container,
    private readonly conversations: Container,
    logger: Logger,
  ) {
    this.documents = personReader(logger);
    this.zones = zoneIndexOf(people);
  }

  optedIn(tenantId: string): Promise<Person[]> {
    return this.query(
      tenantId,
      'SELECT * FROM c WHERE c.tenantId = @tenantId AND c.weeklyNudge.enabled = true',
      [{ name: '@tenantId', value: tenantId }],
    );
  }

  zonesInUse(tenantId: string): Promise<string[]> {
    return this.zones.zones(tenantId);
  }

  followingTenantIn(tenantId: string, zones: readonly string[], withoutZone: boolean): Promise<Person[]> {
    const places = [
      ...(zones.length ? ['ARRAY_CONTAINS(@zones, c.timeZone)'] : []),
      ...(withoutZone ? ['NOT IS_DEFINED(c.timeZone)'] : []),
    ];
    if (places.length === 0) return Promise.resolve([]);
    return this.query(
      tenantId,
      `SELECT * FROM c WHERE c.tenantId = @tenantId AND NOT IS_DEFINED(c.weeklyNudge) AND (${places.join(' OR ')})`,
      [
        { name: '@tenantId', value: tenantId },
        { name: '@zones', value: [...zones] },
      ],
    );
  }

  async teamMates(tenantId: string, teamIds: readonly string[], limit: number): Promise<Person[]> {
    const found: Person[] = [];
    for (const teamId of new Set(teamIds)) {
      found.push(
        ...(await this.query(
          tenantId,
          `SELECT TOP ${Math.max(1, Math.floor(limit))} * FROM c WHERE c.tenantId = @tenantId AND ARRAY_CONTAINS(c.teamIds, @teamId)`,
          [
            { name: '@tenantId', value: tenantId },
            { name: '@teamId', value: teamId },
          ],
        )),
      );
    }
    return found;
  }

  /**
   * The people whose roster membership was last seen in the same group chat as the person's own: a
   * membership records one place per person, so this knows each person's latest group chat only.
   */
  async chatMateIds(tenantId: string, personId: string, limit: number): Promise<string[]> {
    const { resource: own } = await this.conversations
      .item(`${MEMBER_PREFIX}${personId}`, tenantId)
      .read<{ tenantId?: string; seenIn?: unknown; teamId?: unknown; appRemoved?: unknown }>();
    if (!own || own.tenantId !== tenantId || typeof own.seenIn !== 'string' || own.teamId || own.appRemoved) {
      return [];
    }
    const { resources } = await this.conversations.items
      .query<unknown>(
        {
          query:
            `SELECT TOP ${Math.max(1, Math.floor(limit))} VALUE c.userId FROM c WHERE c.tenantId = @tenantId AND ` +
            "c.type = 'membership' AND c.seenIn = @chat AND NOT IS_DEFINED(c.teamId) AND NOT IS_DEFINED(c.appRemoved)",
          parameters: [
            { name: '@tenantId', value: tenantId },
            { name: '@chat', value: own.seenIn },
          ],
        },
        { partitionKey: tenantId },
      )
      .fetchAll();
    return resources.filter((id): id is string => typeof id === 'string' && id !== personId);
  }

  private async query(tenantId: string, query: string, parameters: SqlParameter[]): Promise<Person[]> {
    const { resources } = await this.people.items.query({ query, parameters }).fetchAll();
    // The local server ignores partition options; the WHERE clause keeps tenants apart, and so
    // does this check should a query ever be edited carelessly.
    return this.documents.all(resources).filter((person) => person.tenantId === tenantId);
  }
}
