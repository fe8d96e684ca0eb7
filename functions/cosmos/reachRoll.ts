import type { Container } from '@azure/cosmos';
import type { Membership, ReachRoll } from '../../core/delivery';
import type { CosmosMembershipStore } from './membershipRepository';

/**
 * The reach census's reads: a projection of the tenant's people, of its personal chats, and its
 * memberships. Each query names the tenant in WHERE; the census is an admin's command, so reading
 * the whole tenant is its expected cost.
 */
export class CosmosReachRoll implements ReachRoll {
  constructor(
    private readonly people$: Container,
    private readonly conversations: Container,
    private readonly membershipStore: CosmosMembershipStore,
  ) {}

  async people(tenantId: string): Promise<Array<{ id: string; displayName: string }>> {
    const { resources } = await this.people$.items
      .query<{ id?: unknown; displayName?: unknown }>({
        query: 'SELECT c.id, c.displayName FROM c WHERE c.tenantId = @tenantId',
        parameters: [{ name: '@tenantId', value: tenantId }],
      })
      .fetchAll();
    return resources.flatMap(({ id, displayName }) =>
      typeof id === 'string' ? [{ id, displayName: typeof displayName === 'string' ? displayName : id }] : [],
    );
  }

  personalChatUserIds(tenantId: string): Promise<string[]> {
    return this.personalChats(tenantId, 'NOT IS_DEFINED(c.appRemovedAt)');
  }

  appRemovedUserIds(tenantId: string): Promise<string[]> {
    return this.personalChats(tenantId, 'IS_DEFINED(c.appRemovedAt)');
  }

  private async personalChats(tenantId: string, condition: string): Promise<string[]> {
    const { resources } = await this.conversations.items
      .query<{ userId?: unknown }>(
        {
          query: `SELECT c.userId FROM c WHERE c.tenantId = @tenantId AND c.kind = 'personal' AND ${condition}`,
          parameters: [{ name: '@tenantId', value: tenantId }],
        },
        { partitionKey: tenantId },
      )
      .fetchAll();
    return resources.flatMap(({ userId }) => (typeof userId === 'string' ? [userId] : []));
  }

  memberships(tenantId: string): Promise<Membership[]> {
    return this.membershipStore.all(tenantId);
  }
}
