import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import {
  recordAppInstalled,
  recordAppRemoved,
  type ConversationBook,
  type Installation,
  type MembershipStore,
} from '../../core/delivery';
import type { SettingsStore } from '../../core/settings';
import type { Logger } from '../../core/shared';
import { conversationRecordFrom } from './conversationRecord';

/** What the installation events need. */
export interface InstallationEventDeps {
  conversations: ConversationBook;
  memberships?: MembershipStore;
  settings: SettingsStore;
  logger: Logger;
  now: () => Date;
}

/** The installation an activity is about: its conversation and, in a team, its recognition channel. */
export async function installationOf(
  context: TurnContext,
  settings: SettingsStore,
): Promise<Installation | undefined> {
  const record = conversationRecordFrom(context.activity);
  if (!record) return undefined;
  const installation: Installation = {
    tenantId: record.tenantId,
    kind: record.kind,
    recordId: record.id,
    conversationId: record.conversationId,
  };
  if (record.teamId) {
    installation.teamId = record.teamId;
    const team = await settings.team(record.tenantId, record.teamId);
    if (team?.recognitionChannelId) installation.recognitionChannelId = team.recognitionChannelId;
  }
  return installation;
}

/** Whether the activity says Moments itself left the conversation (not one of its members). */
function botWasRemoved(context: TurnContext): boolean {
  const botId = context.activity.recipient?.id;
  return (context.activity.membersRemoved ?? []).some((member) => member.id === botId);
}

/**
 * Moments removed from a personal chat, a team or a group chat (`installationUpdate` with action
 * `remove`, or `membersRemoved` naming the bot; Teams sends either or both): nothing more is sent
 * there and the people it reached through it count as unreachable, until it is installed again.
 */
export function registerInstallationEvents(app: Application<TurnState>, deps: InstallationEventDeps): void {
  const removed = async (context: TurnContext) => {
    const installation = await installationOf(context, deps.settings);
    if (!installation) return;
    await recordAppRemoved(deps, installation, deps.now());
    deps.logger.info('Moments was removed', {
      tenantId: installation.tenantId,
      conversationKind: installation.kind,
      correlationId: context.activity.id,
    });
  };

  app.activity(ActivityTypes.InstallationUpdate, async (context) => {
    const action = context.activity.action?.toLowerCase();
    if (action === 'remove') await removed(context);
    else if (action === 'add') await installedAgain(context, deps);
  });

  app.conversationUpdate('membersRemoved', async (context) => {
    if (botWasRemoved(context)) await removed(context);
  });
}

/**
 * Moments added (back) to a conversation: a team's recognition channel is posted to again. The
 * conversation itself is stored afresh by the turn, and a personal chat needs nothing more.
 */
export async function installedAgain(context: TurnContext, deps: InstallationEventDeps): Promise<void> {
  const installation = await installationOf(context, deps.settings);
  if (installation?.recognitionChannelId) await recordAppInstalled(deps, installation);
}
