import type { Membership } from './memberships';
import { planReach, type Unreachable } from './reach';

/** What the census reads: the whole of one tenant's directory, chats and memberships. */
export interface ReachRoll {
  /** Everyone in the tenant's directory. */
  people(tenantId: string): Promise<Array<{ id: string; displayName: string }>>;
  /** The people Moments has a personal chat with (not those who removed Moments from it). */
  personalChatUserIds(tenantId: string): Promise<string[]>;
  /** The people who removed Moments from their personal chat and have not added it again. */
  appRemovedUserIds(tenantId: string): Promise<string[]>;
  /** Every roster membership recorded in the tenant. */
  memberships(tenantId: string): Promise<Membership[]>;
}

/** Who Moments can message in a tenant, and who not and why. */
export interface ReachCensus {
  tenantId: string;
  /** People in the directory. */
  people: number;
  /** People Moments can message: through a stored chat, or one it can open. */
  reachable: number;
  /** Of those, people with a personal chat already. */
  withChat: number;
  /** Of those, people Moments would open a chat with from a team or group chat roster. */
  throughMembership: number;
  /** People it cannot message, by name, with the reason. */
  unreachable: Array<{ id: string; displayName: string; reason: Unreachable }>;
}

/**
 * Counts who of the tenant's directory Moments can reach and names who it cannot, with the reason.
 * Four queries, each naming the tenant; their cost grows with the tenant, which is fine for an
 * admin's command and never for a job. People who asked to be forgotten are not in the directory,
 * so they are neither counted nor named.
 */
export async function takeReachCensus(roll: ReachRoll, tenantId: string): Promise<ReachCensus> {
  const [people, chatUserIds, removedUserIds, memberships] = await Promise.all([
    roll.people(tenantId),
    roll.personalChatUserIds(tenantId),
    roll.appRemovedUserIds(tenantId),
    roll.memberships(tenantId),
  ]);
  const withChat = new Set(chatUserIds);
  const plans = planReach(
    people.map((p) => p.id),
    {
      // The census needs to know a chat exists, not what it holds.
      chats: new Map([...withChat].map((id) => [id, id])),
      memberships: new Map(memberships.map((m) => [m.userId, m])),
      forgotten: new Set(),
      removedChats: new Set(removedUserIds),
    },
  );
  const census: ReachCensus = {
    tenantId,
    people: people.length,
    reachable: 0,
    withChat: 0,
    throughMembership: 0,
    unreachable: [],
  };
  for (const person of people) {
    const plan = plans.get(person.id);
    if (plan?.kind === 'chat') census.withChat++;
    else if (plan?.kind === 'open') census.throughMembership++;
    else census.unreachable.push({ ...person, reason: plan?.reason ?? 'no-chat' });
  }
  census.reachable = census.withChat + census.throughMembership;
  census.unreachable.sort((a, b) => a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id));
  return census;
}
