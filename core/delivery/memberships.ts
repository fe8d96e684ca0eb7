/**
 * A person's place in a team or group chat where Moments is installed, as its roster showed it:
 * what the Bot Connector needs to open a personal chat with them when Moments has something to
 * send and no chat yet. Kept in the conversations container beside the chats, one per person.
 */
export interface Membership {
  tenantId: string;
  /** The person (AAD object id). */
  userId: string;
  /** Their Teams member id in that roster (`29:…`): the Bot Connector's name for them. */
  memberId: string;
  /** The Bot Connector endpoint of the conversation the roster was read in. */
  serviceUrl: string;
  /** Moments' own account in that conversation (`28:…`), the sender of the chat it opens. */
  botId: string;
  /** The team or group chat the roster was read in. */
  seenIn: string;
  /** The team (its Teams id) when the roster was a team's. */
  teamId?: string;
  seenAt: string;
  /**
   * Teams refused to open a chat from this membership (the person removed or blocked Moments):
   * Moments does not ask again until a roster refreshes the membership.
   */
  refused?: { reason: string; at: string };
  /**
   * Moments was removed from the team or group chat this membership was seen in: no chat is opened
   * from it until a roster shows the person again (Moments installed there again, or elsewhere).
   */
  appRemoved?: { at: string };
}

/** A team or group chat Moments was removed from: its conversation id and, for a team, its id. */
export interface RemovedPlace {
  conversationId: string;
  teamId?: string;
}

/** The memberships port: one record per person, read together for a run. */
export interface MembershipStore {
  /** The memberships of `userIds` that exist, in any order. */
  getMany(tenantId: string, userIds: readonly string[]): Promise<Membership[]>;
  /**
   * Writes a roster's membership over the stored one, keeping what {@link marksAfterRoster}
   * says a concurrent writer recorded after the roster was read.
   */
  save(membership: Membership): Promise<void>;
  /**
   * Marks the memberships seen in `place` (its conversation, or any channel of its team) as app
   * removed. @returns how many were marked.
   */
  markAppRemoved(tenantId: string, place: RemovedPlace, at: Date): Promise<number>;
  /**
   * Records that Teams refused to open a chat from `membership`, changing nothing else of it, and
   * only while the stored membership is still that one: a roster that showed the person again
   * meanwhile gave a fresh way to reach them, which is not refused. @returns whether it was recorded.
   */
  markRefused(membership: Membership, refused: { reason: string; at: string }): Promise<boolean>;
  /** Deletes the record; removing one that is not there is not an error. */
  remove(tenantId: string, userId: string): Promise<void>;
}

/**
 * True when `stored` is the roster entry `read` was: nothing has rewritten the membership since
 * (a roster rewrites all of these, and `seenAt` at least, whenever it writes).
 */
export function sameRosterEntry(stored: Membership, read: Membership): boolean {
  return (
    stored.memberId === read.memberId &&
    stored.serviceUrl === read.serviceUrl &&
    stored.botId === read.botId &&
    stored.seenIn === read.seenIn &&
    stored.seenAt === read.seenAt
  );
}

/**
 * What a roster's write of `incoming` keeps of the `stored` membership: a removal of Moments from
 * the place the roster was read in, or Teams' refusal to open a chat with the same member, recorded
 * after the roster was read. The roster predates them, so they still hold; an earlier one, or one
 * about another place or member id, the roster's write clears.
 */
export function marksAfterRoster(
  stored: Membership | undefined,
  incoming: Membership,
): Pick<Membership, 'appRemoved' | 'refused'> {
  if (!stored) return {};
  const samePlace =
    stored.seenIn === incoming.seenIn || (stored.teamId !== undefined && stored.teamId === incoming.teamId);
  const sameMember =
    stored.memberId === incoming.memberId &&
    stored.serviceUrl === incoming.serviceUrl &&
    stored.botId === incoming.botId;
  const { appRemoved, refused } = stored;
  return {
    ...(appRemoved && samePlace && appRemoved.at > incoming.seenAt ? { appRemoved } : {}),
    ...(refused && sameMember && refused.at > incoming.seenAt ? { refused } : {}),
  };
}

/** A member as a roster names them, with the Teams id the Bot Connector knows them by. */
export interface RosterEntry {
  userId: string;
  memberId: string;
}

/** The conversation a roster was read in. */
export interface RosterPlace {
  serviceUrl: string;
  botId: string;
  conversationId: string;
  /** The team (its Teams id) when the roster is a team's. */
  teamId?: string;
}

/** A membership is rewritten at most this often when nothing changed, so a roster read costs no writes. */
const REFRESH_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Records how each member of a roster can be reached: one read for the lot, a write only for a
 * member who is new, moved, or was last seen over a week ago. A write clears an earlier refusal,
 * so someone who removed Moments is asked again at most once a week, and only while a roster
 * still shows them.
 * @returns how many memberships were written.
 */
export async function rememberMemberships(
  store: MembershipStore,
  tenantId: string,
  members: readonly RosterEntry[],
  place: RosterPlace,
  now: Date,
): Promise<number> {
  const entries = [...new Map(members.map((m) => [m.userId, m])).values()];
  if (entries.length === 0) return 0;
  const stored = new Map(
    (
      await store.getMany(
        tenantId,
        entries.map((m) => m.userId),
      )
    ).map((m) => [m.userId, m]),
  );
  let written = 0;
  for (const member of entries) {
    const before = stored.get(member.userId);
    const same =
      before &&
      !before.appRemoved &&
      before.memberId === member.memberId &&
      before.serviceUrl === place.serviceUrl &&
      before.botId === place.botId &&
      now.getTime() - Date.parse(before.seenAt) < REFRESH_AFTER_MS;
    if (same) continue;
    await store.save({
      tenantId,
      userId: member.userId,
      memberId: member.memberId,
      serviceUrl: place.serviceUrl,
      botId: place.botId,
      seenIn: place.conversationId,
      ...(place.teamId ? { teamId: place.teamId } : {}),
      seenAt: now.toISOString(),
    });
    written++;
  }
  return written;
}
