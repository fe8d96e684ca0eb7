import type { Logger } from '../shared';
import { conversationRecordId, type ConversationBook, type ConversationKind } from './conversations';
import type { MembershipStore } from './memberships';

/** Where Moments was removed from, or added back to, as the installation event tells it. */
export interface Installation {
  tenantId: string;
  kind: ConversationKind;
  /** The id of the stored conversation record of the event's conversation. */
  recordId: string;
  /** The Teams conversation (a team's General channel, a group chat, a personal chat). */
  conversationId: string;
  /** For a team: its Teams id, and the channel its kudos and celebrations are posted in. */
  teamId?: string;
  recognitionChannelId?: string;
}

/** What marking an installation reads and writes. */
export interface InstallationDeps {
  conversations: ConversationBook;
  /** Absent where no roster is recorded. */
  memberships?: MembershipStore;
  logger: Logger;
}

/** The stored records a team's or chat's posts go to: its own, and the team's recognition channel. */
function recordsOf(installation: Installation): string[] {
  const ids = [installation.recordId];
  const channelId = installation.recognitionChannelId;
  if (channelId) ids.push(conversationRecordId('channel', { channelId, conversationId: channelId }));
  return [...new Set(ids)];
}

/**
 * Moments was removed from a personal chat, a team or a group chat: its stored conversation (and
 * a team's recognition channel) is marked, so no job sends there, and for a team or group chat the
 * memberships its roster showed are marked too, so nobody is reached through it. The people
 * concerned are counted as unreachable ("removed Moments") until it is installed again.
 */
export async function recordAppRemoved(
  deps: InstallationDeps,
  removed: Installation,
  now: Date,
): Promise<void> {
  for (const id of recordsOf(removed)) await deps.conversations.markAppRemoved(removed.tenantId, id, now);
  if (removed.kind === 'personal' || !deps.memberships) return;
  const marked = await deps.memberships.markAppRemoved(
    removed.tenantId,
    { conversationId: removed.conversationId, ...(removed.teamId ? { teamId: removed.teamId } : {}) },
    now,
  );
  deps.logger.info('memberships marked as app removed', { tenantId: removed.tenantId, marked });
}

/**
 * Moments was installed again in a team: its recognition channel may be posted to again. (The
 * event's own conversation is stored afresh by the turn, and the roster read at install restores
 * the memberships.)
 */
export async function recordAppInstalled(deps: InstallationDeps, installed: Installation): Promise<void> {
  for (const id of recordsOf(installed)) {
    await deps.conversations.markAppRemoved(installed.tenantId, id, undefined);
  }
}
