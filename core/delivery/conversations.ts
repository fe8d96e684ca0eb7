import { stableJson } from '../shared';
import type { Logger } from '../shared';

/** Where a conversation lives in Teams. */
export type ConversationKind = 'personal' | 'groupChat' | 'channel';

/**
 * What Moments must remember about a conversation to message it later without being asked:
 * the Bot Framework conversation reference (kept opaque: core never reads it) and the ids that
 * let core find the conversation again.
 */
export interface ConversationRecord {
  tenantId: string;
  /** Deterministic: `personal:<user>`, `channel:<channel>` or `groupChat:<conversation>`. */
  id: string;
  kind: ConversationKind;
  conversationId: string;
  /** The person of a personal chat (AAD object id). */
  userId?: string;
  teamId?: string;
  channelId?: string;
  /** Opaque to core: whatever the Teams edge needs to continue the conversation. */
  reference: Record<string, unknown>;
  updatedAt: string;
  /**
   * When Moments was removed from this chat, team or group chat: nothing is sent here until it is
   * installed again, which stores the conversation afresh without this mark.
   */
  appRemovedAt?: string;
}

/** The conversations port: stored references for proactive messages. */
export interface ConversationStore {
  get(tenantId: string, id: string): Promise<ConversationRecord | undefined>;
  /** The records of `ids` that exist, in any order (a job reads all the chats of a run at once). */
  getMany(tenantId: string, ids: readonly string[]): Promise<ConversationRecord[]>;
  save(record: ConversationRecord): Promise<void>;
  /** Deletes the record; removing one that is not there is not an error. */
  remove(tenantId: string, id: string): Promise<void>;
}

/** The stable id of a conversation record, so that lookups are point reads. */
export function conversationRecordId(
  kind: ConversationKind,
  ids: { userId?: string; channelId?: string; conversationId: string },
): string {
  if (kind === 'personal') {
    if (!ids.userId) throw new Error('A personal conversation record needs the user id of the chat.');
    return `personal:${ids.userId}`;
  }
  if (kind === 'channel') return `channel:${ids.channelId ?? ids.conversationId}`;
  return `groupChat:${ids.conversationId}`;
}

/** Rewrite an unchanged reference at most this often, so every message does not cost a write. */
const REFRESH_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * How long this instance trusts what it last read or wrote for a conversation before reading the
 * store again: a chat's next messages cost no request, and a change made elsewhere (another
 * instance forgetting the chat) is seen within this time.
 */
const TRUST_FOR_MS = 5 * 60 * 1000;
/** At most this many conversations are remembered in memory; the oldest entry goes first. */
const MAX_TRUSTED = 10_000;

/** What this instance last knew was stored for a conversation (nothing, maybe), and when it checked. */
interface Known {
  record: ConversationRecord | undefined;
  checkedAt: number;
}

/**
 * Keeps conversation references up to date from inbound activity, writing only when something
 * changed (or the stored copy is old), so proactive messages can reach people and channels later.
 */
export class ConversationBook {
  private readonly known = new Map<string, Known>();

  /**
   * @param clock what the few minutes of trust are measured on: this process's own clock, not the
   * `now` a job runs at (which the jobs CLI can set to any instant).
   */
  constructor(
    private readonly store: ConversationStore,
    private readonly logger: Logger,
    private readonly clock: () => number = Date.now,
  ) {}

  /**
   * Records `incoming` unless the stored copy is identical and recent.
   * @returns true when a write happened.
   */
  async remember(incoming: Omit<ConversationRecord, 'updatedAt'>, now: Date): Promise<boolean> {
    const stored = await this.lookup(incoming.tenantId, incoming.id);
    if (
      stored &&
      sameRecord(stored, incoming) &&
      now.getTime() - Date.parse(stored.updatedAt) < REFRESH_AFTER_MS
    ) {
      return false;
    }
    const record = { ...incoming, updatedAt: now.toISOString() };
    await this.store.save(record);
    this.trust(knownKey(incoming.tenantId, incoming.id), record, this.clock());
    this.logger.debug('conversation reference stored', {
      tenantId: incoming.tenantId,
      conversation: incoming.id,
    });
    return true;
  }

  /** The personal chat with a person, if Moments has one it is still installed in. */
  async personalChat(tenantId: string, userId: string): Promise<ConversationRecord | undefined> {
    return usable(await this.lookup(tenantId, personalChatId(userId)));
  }

  /**
   * The personal chats of many people, in as few reads as the store allows: what this instance
   * learnt in the last few minutes, and the rest read together. Every person asked about is in the
   * answer, with `undefined` for those Moments has no chat with; a chat Moments was removed from
   * is in it with its `appRemovedAt`, so that the caller can tell why it is not used.
   */
  async personalChats(
    tenantId: string,
    userIds: readonly string[],
  ): Promise<Map<string, ConversationRecord | undefined>> {
    const chats = new Map<string, ConversationRecord | undefined>();
    const checkedAt = this.clock();
    const unknown: Array<{ userId: string; key: string; before: Known | undefined }> = [];
    for (const userId of new Set(userIds)) {
      const key = knownKey(tenantId, personalChatId(userId));
      const known = this.known.get(key);
      if (known && checkedAt - known.checkedAt < TRUST_FOR_MS) chats.set(userId, known.record);
      else unknown.push({ userId, key, before: known });
    }
    if (unknown.length === 0) return chats;
    const found = await this.store.getMany(
      tenantId,
      unknown.map(({ userId }) => personalChatId(userId)),
    );
    const byId = new Map(found.map((record) => [record.id, record]));
    for (const { userId, key, before } of unknown) {
      const record = byId.get(personalChatId(userId));
      chats.set(userId, record);
      if (this.known.get(key) === before) this.trust(key, record, checkedAt);
    }
    return chats;
  }

  /**
   * Forgets the personal chat with a person (its stored reference), e.g. when they ask Moments to
   * erase their data. @returns true when there was one.
   */
  async forgetPersonalChat(tenantId: string, userId: string): Promise<boolean> {
    const id = personalChatId(userId);
    this.known.delete(knownKey(tenantId, id));
    if (!(await this.store.get(tenantId, id))) return false;
    await this.store.remove(tenantId, id);
    this.logger.debug('conversation reference removed', { tenantId, conversation: 'personal' });
    return true;
  }

  /** A team channel, if Moments has seen it and is still installed in its team. */
  async channel(tenantId: string, channelId: string): Promise<ConversationRecord | undefined> {
    return usable(
      await this.lookup(tenantId, conversationRecordId('channel', { channelId, conversationId: channelId })),
    );
  }

  /**
   * Marks a stored conversation as one Moments was removed from (`at`), or as installed again
   * (`undefined`), so that nothing is sent there meanwhile. @returns true when a record changed.
   */
  async markAppRemoved(tenantId: string, id: string, at: Date | undefined): Promise<boolean> {
    const key = knownKey(tenantId, id);
    this.known.delete(key);
    const stored = await this.store.get(tenantId, id);
    if (!stored || (at === undefined) === (stored.appRemovedAt === undefined)) return false;
    const { appRemovedAt: _previous, ...rest } = stored;
    const record: ConversationRecord = at ? { ...rest, appRemovedAt: at.toISOString() } : rest;
    await this.store.save(record);
    this.trust(key, record, this.clock());
    this.logger.info(at ? 'conversation marked as app removed' : 'conversation marked as installed again', {
      tenantId,
      conversationKind: stored.kind,
    });
    return true;
  }

  /** The stored record, or what this instance learnt of it in the last few minutes. */
  private async lookup(tenantId: string, id: string): Promise<ConversationRecord | undefined> {
    const key = knownKey(tenantId, id);
    const known = this.known.get(key);
    const checkedAt = this.clock();
    if (known && checkedAt - known.checkedAt < TRUST_FOR_MS) return known.record;
    const record = await this.store.get(tenantId, id);
    // Unless a write (or a newer read) got in first: that copy is the newer one.
    if (this.known.get(key) === known) this.trust(key, record, checkedAt);
    return record;
  }

  private trust(key: string, record: ConversationRecord | undefined, checkedAt: number): void {
    this.known.delete(key);
    this.known.set(key, { record, checkedAt });
    if (this.known.size > MAX_TRUSTED) {
      const oldest = this.known.keys().next().value;
      if (oldest !== undefined) this.known.delete(oldest);
    }
  }
}

/** A record Moments can send to: not one it was removed from. */
function usable(record: ConversationRecord | undefined): ConversationRecord | undefined {
  return record?.appRemovedAt ? undefined : record;
}

function personalChatId(userId: string): string {
  return conversationRecordId('personal', { userId, conversationId: '' });
}

function knownKey(tenantId: string, id: string): string {
  return `${tenantId}\n${id}`;
}

function sameRecord(
  a: Omit<ConversationRecord, 'updatedAt'>,
  b: Omit<ConversationRecord, 'updatedAt'>,
): boolean {
  return (
    a.kind === b.kind &&
    a.conversationId === b.conversationId &&
    a.userId === b.userId &&
    a.teamId === b.teamId &&
    a.channelId === b.channelId &&
    a.appRemovedAt === b.appRemovedAt &&
    stableJson(a.reference) === stableJson(b.reference)
  );
}
