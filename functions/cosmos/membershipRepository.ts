import type { Container, PatchOperation } from '@azure/cosmos';
import {
  marksAfterRoster,
  sameRosterEntry,
  type Membership,
  type MembershipStore,
  type RemovedPlace,
} from '../../core/delivery';
import type { Logger } from '../../core/shared';
import { patchChecked } from './checkedPatch';
import { readEachChunk } from './chunks';
import { DocumentReader, fromDocument, orUndefined, statusOf } from './documents';
import { membershipSchema } from './schemas/delivery';

/** What a roster's write sets on a stored membership; `teamId` and the marks are set or removed. */
const ROSTER_FIELDS = ['memberId', 'serviceUrl', 'botId', 'seenIn', 'seenAt'] as const;
/** Rounds of patch-else-create before giving up: a second only follows a create that met a 409. */
const SAVE_ATTEMPTS = 3;

/** The document id of a person's membership; conversations' ids never start this way. */
const idOf = (userId: string) => `member:${userId}`;

interface MembershipDocument extends Membership {
  id: string;
  type: 'membership';
}

/**
 * Roster memberships in the `conversations` container, beside the chats they lead to: one document
 * per person (`member:<userId>`, `type: 'membership'`), partitioned by tenant.
 */
export class CosmosMembershipStore implements MembershipStore {
  private readonly documents: DocumentReader<Membership>;

  constructor(
    private readonly container: Container,
    logger: Logger,
  ) {
    this.documents = new DocumentReader('membership', membershipSchema, logger);
  }

  async getMany(tenantId: string, userIds: readonly string[]): Promise<Membership[]> {
    const found = await readEachChunk(userIds, async (chunk) => {
      const { resources } = await this.container.items
        .query<MembershipDocument>(
          {
            query: 'SELECT * FROM c WHERE c.tenantId = @tenantId AND ARRAY_CONTAINS(@ids, c.id)',
            parameters: [
              { name: '@tenantId', value: tenantId },
              { name: '@ids', value: chunk.map(idOf) },
            ],
          },
          { partitionKey: tenantId },
        )
        .fetchAll();
      return resources;
    });
    return this.documents.all(found.map((document) => withoutType(document)));
  }

  async save(membership: Membership): Promise<void> {
    const document: MembershipDocument = { ...membership, id: idOf(membership.userId), type: 'membership' };
    const item = this.container.item(document.id, membership.tenantId);
    // A patch under the read's etag, not an upsert: a removal or refusal recorded since the
    // roster was read must not be written over. Create when absent; 409: created meanwhile.
    for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
      const patched = await patchChecked<MembershipDocument>(
        item,
        (stored) => rosterPatch(stored, membership),
        `membership ${document.id}`,
      );
      if (patched) return;
      try {
        await this.container.items.create(document);
        return;
      } catch (error) {
        if (statusOf(error) !== 409) throw error;
      }
    }
    throw new Error(
      `membership ${document.id} kept being created and removed under ${SAVE_ATTEMPTS} attempts`,
    );
  }

  async markRefused(membership: Membership, refused: { reason: string; at: string }): Promise<boolean> {
    const { tenantId, userId } = membership;
    return patchChecked<MembershipDocument>(
      this.container.item(idOf(userId), tenantId),
      (stored) =>
        stored.tenantId === tenantId && sameRosterEntry(stored, membership)
          ? [{ op: 'set', path: '/refused', value: refused }]
          : undefined,
      `refused of membership ${idOf(userId)}`,
    );
  }

  async remove(tenantId: string, userId: string): Promise<void> {
    await orUndefined(() => this.container.item(idOf(userId), tenantId).delete());
  }

  /**
   * One query for the memberships seen in the place (its conversation, or any channel of its team,
   * by the team id recorded with them or as the General channel's id), then a patch each: a
   * concurrent roster read's fresher membership is not overwritten, only marked.
   */
  async markAppRemoved(tenantId: string, place: RemovedPlace, at: Date): Promise<number> {
    const places = [...new Set([place.conversationId, ...(place.teamId ? [place.teamId] : [])])];
    const { resources } = await this.container.items
      .query<{ id: string }>(
        {
          query:
            "SELECT c.id FROM c WHERE c.tenantId = @tenantId AND c.type = 'membership' AND " +
            'NOT IS_DEFINED(c.appRemoved) AND (ARRAY_CONTAINS(@places, c.seenIn) OR ARRAY_CONTAINS(@places, c.teamId))',
          parameters: [
            { name: '@tenantId', value: tenantId },
            { name: '@places', value: places },
          ],
        },
        { partitionKey: tenantId },
      )
      .fetchAll();
    for (const { id } of resources) {
      await orUndefined(() =>
        this.container
          .item(id, tenantId)
          .patch([{ op: 'add', path: '/appRemoved', value: { at: at.toISOString() } }]),
      );
    }
    return resources.length;
  }

  /** Every membership of the tenant: for the reach census, whose cost grows with the tenant. */
  async all(tenantId: string): Promise<Membership[]> {
    const { resources } = await this.container.items
      .query<MembershipDocument>(
        {
          query: "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'membership'",
          parameters: [{ name: '@tenantId', value: tenantId }],
        },
        { partitionKey: tenantId },
      )
      .fetchAll();
    return this.documents.all(resources.map((document) => withoutType(document)));
  }
}

/** The roster's fields written over `stored`, and its marks kept or cleared (marksAfterRoster). */
function rosterPatch(stored: MembershipDocument, incoming: Membership): PatchOperation[] {
  const operations: PatchOperation[] = ROSTER_FIELDS.map((field) => ({
    op: 'set',
    path: `/${field}`,
    value: incoming[field],
  }));
  const later = marksAfterRoster(stored, incoming);
  const optional = {
    teamId: incoming.teamId,
    appRemoved: incoming.appRemoved ?? later.appRemoved,
    refused: incoming.refused ?? later.refused,
  };
  for (const field of ['teamId', 'appRemoved', 'refused'] as const) {
    const value = optional[field];
    if (value !== undefined) operations.push({ op: 'set', path: `/${field}`, value });
    else if (stored[field] !== undefined) operations.push({ op: 'remove', path: `/${field}` });
  }
  return operations;
}

function withoutType(document: MembershipDocument): Membership {
  const { id: _id, type: _type, ...membership } = fromDocument<MembershipDocument>(document);
  return membership;
}
