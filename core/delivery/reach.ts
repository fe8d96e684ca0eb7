import type { Logger } from '../shared';
import type { ErasureRegister } from '../people';
import type { ConversationBook, ConversationRecord } from './conversations';
import type { Membership, MembershipStore } from './memberships';

/**
 * Why Moments cannot message someone: it has no personal chat with them and no team or group chat
 * roster has shown them (`no-chat`); they asked to be forgotten (`forgotten`); Teams refused to
 * open a chat (`app-removed`: they removed or blocked Moments); Moments was removed from their
 * personal chat, or from the team or group chat it knew them through (`removed-moments`: until it
 * is installed again); opening one failed for now (`not-opened`: the next run tries again).
 */
export type Unreachable = 'no-chat' | 'forgotten' | 'app-removed' | 'removed-moments' | 'not-opened';

/** How a person can be reached, as far as the stores tell, before anything is sent. */
export type ReachPlan<C = ConversationRecord> =
  | { kind: 'chat'; chat: C }
  | { kind: 'open'; membership: Membership }
  | { kind: 'unreachable'; reason: Unreachable };

/**
 * Where a message to a person goes: their personal chat, or why there is none; in a dry run,
 * `wouldOpen` for someone Moments would open a chat with.
 */
export type Reached = { chat: ConversationRecord } | { unreachable: Unreachable } | { wouldOpen: true };

/** What the Bot Connector answered when asked to open a personal chat. */
export type OpenedChat =
  | { ok: true; chat: Omit<ConversationRecord, 'updatedAt'> }
  | { ok: false; permanent: boolean; reason: string };

/** The edge that opens a personal chat with a roster member (the Bot Connector's createConversation). */
export interface ChatOpener {
  open(membership: Membership): Promise<OpenedChat>;
}

/** What {@link Reach} reads and writes. */
export interface ReachDeps {
  conversations: ConversationBook;
  /** Absent where no roster is recorded: then only stored chats reach anyone. */
  memberships?: MembershipStore;
  /** Absent where no chat can be opened (the stores alone are asked, e.g. for a census). */
  opener?: ChatOpener;
  /** Who asked to be forgotten: Moments never opens a chat with them. */
  erasures?: Pick<ErasureRegister, 'erasedAmong'>;
  logger: Logger;
}

/**
 * How each of `userIds` can be reached: a stored personal chat first, else a membership a roster
 * showed (not one Teams refused), else unreachable with the reason. Someone who asked to be
 * forgotten is never reached through a membership.
 */
export function planReach<C = ConversationRecord>(
  userIds: readonly string[],
  known: {
    chats: ReadonlyMap<string, C | undefined>;
    memberships: ReadonlyMap<string, Membership>;
    forgotten: ReadonlySet<string>;
    /** People who removed Moments from their personal chat: not reached until they add it again. */
    removedChats?: ReadonlySet<string>;
  },
): Map<string, ReachPlan<C>> {
  const plans = new Map<string, ReachPlan<C>>();
  for (const userId of userIds) {
    const chat = known.chats.get(userId);
    const membership = known.memberships.get(userId);
    if (chat) plans.set(userId, { kind: 'chat', chat });
    else if (known.forgotten.has(userId)) plans.set(userId, { kind: 'unreachable', reason: 'forgotten' });
    else if (known.removedChats?.has(userId) || membership?.appRemoved) {
      plans.set(userId, { kind: 'unreachable', reason: 'removed-moments' });
    } else if (membership?.refused) plans.set(userId, { kind: 'unreachable', reason: 'app-removed' });
    else if (membership) plans.set(userId, { kind: 'open', membership });
    else plans.set(userId, { kind: 'unreachable', reason: 'no-chat' });
  }
  return plans;
}

/**
 * Reaching people in a personal chat: the stored chat, else one Moments opens itself through the
 * Bot Connector from a roster membership (its reference is then stored, so the next send uses
 * it), else the reason it cannot. The jobs ask it for everyone a run may send to at once.
 */
export class Reach {
  constructor(private readonly deps: ReachDeps) {}

  /** How each person can be reached, from three reads for the lot; opens nothing. */
  async plan(tenantId: string, userIds: readonly string[]): Promise<Map<string, ReachPlan>> {
    const ids = [...new Set(userIds)];
    const stored = await this.deps.conversations.personalChats(tenantId, ids);
    const removedChats = new Set(ids.filter((id) => stored.get(id)?.appRemovedAt));
    const chats = new Map([...stored].filter(([id]) => !removedChats.has(id)));
    const without = ids.filter((id) => !chats.get(id) && !removedChats.has(id));
    const memberships =
      this.deps.memberships && without.length > 0
        ? await this.deps.memberships.getMany(tenantId, without)
        : [];
    const forgotten =
      this.deps.erasures && without.length > 0
        ? await this.deps.erasures.erasedAmong(tenantId, without)
        : new Set<string>();
    return planReach(ids, {
      chats,
      memberships: new Map(memberships.map((m) => [m.userId, m])),
      forgotten,
      removedChats,
    });
  }

  /** The chat a plan names, opening it when the plan says so. */
  async reach(plan: ReachPlan, now: Date): Promise<Reached> {
    if (plan.kind === 'chat') return { chat: plan.chat };
    if (plan.kind === 'unreachable') return { unreachable: plan.reason };
    return this.open(plan.membership, now);
  }

  /**
   * Opens a personal chat from `membership` and stores its reference. A refusal is kept on the
   * membership, so that the census names the person and no run asks Teams again for a week.
   */
  private async open(membership: Membership, now: Date): Promise<Reached> {
    const { tenantId, userId } = membership;
    if (!this.deps.opener) return { unreachable: 'not-opened' };
    const opened = await this.deps.opener.open(membership);
    if (opened.ok) {
      await this.deps.conversations.remember(opened.chat, now);
      const chat = await this.deps.conversations.personalChat(tenantId, userId);
      this.deps.logger.info('personal chat opened from a roster membership', { tenantId });
      return chat ? { chat } : { unreachable: 'not-opened' };
    }
    this.deps.logger.warn('could not open a personal chat', {
      tenantId,
      permanent: opened.permanent,
      reason: opened.reason,
    });
    if (!opened.permanent) return { unreachable: 'not-opened' };
    await this.deps.memberships?.markRefused(membership, { reason: opened.reason, at: now.toISOString() });
    return { unreachable: 'app-removed' };
  }
}

/**
 * The personal chats of `userIds` for one run, each reached at most once however many sends ask:
 * planned together up front, a chat opened the first time someone's send needs it. A dry run
 * opens nothing: someone Moments could open a chat with is `wouldOpen`.
 */
export function chatsForRun(
  reach: Reach,
  run: { tenantId: string; now: Date; dryRun: boolean },
  userIds: readonly string[],
): (userId: string) => Promise<Reached> {
  const { tenantId, now, dryRun } = run;
  const plans = reach.plan(tenantId, userIds);
  const reached = new Map<string, Promise<Reached>>();
  return (userId) => {
    let pending = reached.get(userId);
    if (!pending) {
      pending = plans.then(async (all) => {
        const plan = all.get(userId) ?? (await reach.plan(tenantId, [userId])).get(userId);
        if (!plan) return { unreachable: 'no-chat' as const };
        if (dryRun && plan.kind === 'open') return { wouldOpen: true as const };
        return reach.reach(plan, now);
      });
      reached.set(userId, pending);
    }
    return pending;
  };
}

/** The job's {@link Reach}, or, where none was given, one that reaches stored chats only. */
export function reachOf(deps: { reach?: Reach; conversations: ConversationBook; logger: Logger }): Reach {
  return deps.reach ?? new Reach({ conversations: deps.conversations, logger: deps.logger });
}
