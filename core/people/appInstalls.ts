import type { ConversationBook } from '../delivery';
import { inPool } from '../shared';

/** What installing Moments as someone's personal app came to. */
export type InstallOutcome =
  | { kind: 'installed' }
  /** Already installed for them: as good as done; the installation event brings the chat. */
  | { kind: 'already-installed' }
  /** The app may not install for people: a permission is missing. No other person will fare better. */
  | { kind: 'forbidden'; reason: string }
  | { kind: 'failed'; reason: string };

/** The port that installs Moments as a personal app for a person (Microsoft Graph). */
export interface PersonalAppInstaller {
  install(userId: string): Promise<InstallOutcome>;
}

/** What installing for everyone did during a sync. */
export interface InstallReport {
  /** People it installed Moments for. */
  installed: number;
  /** People who had it already. */
  alreadyInstalled: number;
  /** People it could not install for (after the client's retries), to try again on the next sync. */
  failed: number;
  /** Why installing stopped, said once for the whole sync: a permission the app lacks. */
  forbidden?: string;
}

/** How a sync installs Moments for the people it has no personal chat with. */
export interface InstallPass {
  installer: PersonalAppInstaller;
  conversations: ConversationBook;
  /** Installs in flight at once (default 4); the Graph client honours 429 Retry-After itself. */
  concurrency?: number;
}

/**
 * Installs Moments for each of `userIds` Moments has no personal chat with (one read for the
 * lot). A refusal for want of permission stops the pass and is reported once, not per person.
 * The caller never passes someone who asked to be forgotten.
 */
export async function installForPeople(
  pass: InstallPass,
  tenantId: string,
  userIds: readonly string[],
  report: InstallReport,
): Promise<void> {
  if (report.forbidden || userIds.length === 0) return;
  const chats = await pass.conversations.personalChats(tenantId, userIds);
  const without = userIds.filter((id) => !chats.get(id));
  await inPool(without, Math.max(1, pass.concurrency ?? 4), async (userId) => {
    if (report.forbidden) return;
    const outcome = await pass.installer.install(userId);
    if (outcome.kind === 'installed') report.installed++;
    else if (outcome.kind === 'already-installed') report.alreadyInstalled++;
    else if (outcome.kind === 'forbidden') report.forbidden ??= outcome.reason;
    else report.failed++;
  });
}
