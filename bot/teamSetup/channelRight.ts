import {
  channelRightOf,
  type ChannelRight,
  type OwnersUnknown,
  type TeamRoles,
  type TenantAdmin,
  type TenantSettings,
} from '../../core/settings';
import { commandWordsIn } from '../help/commands';
import type { Translator } from '../i18n/translator';

/** What Teams sends about the team and channel of a channel activity. */
export interface TeamsChannelData {
  /** `id` is the team's thread id; `aadGroupId` its Microsoft 365 group, which Graph knows it by. */
  team?: { id?: string; aadGroupId?: string };
  channel?: { id?: string; name?: string };
}

/** The caller of a team set-up command. */
interface Caller {
  tenantId: string;
  callerId: string;
  isAdmin: boolean;
  settings: TenantSettings;
}

/** Whether the caller may choose this team's recognition channel (core/settings/teamRoles.ts). */
export function channelRightFor(
  deps: { teamRoles?: TeamRoles },
  caller: Caller,
  channelData: TeamsChannelData,
): Promise<ChannelRight> {
  const teamGroupId = channelData.team?.aadGroupId;
  return channelRightOf(
    {
      tenantId: caller.tenantId,
      userId: caller.callerId,
      isAdmin: caller.isAdmin,
      ...(teamGroupId ? { teamGroupId } : {}),
    },
    caller.settings,
    deps.teamRoles,
  );
}

/** Why the team's owners could not be checked, as an admin can act on it. */
function ownersUnknownText(t: Translator, because: OwnersUnknown): string {
  switch (because.cause) {
    case 'no-graph':
      return t.text('team.owners.noGraph');
    case 'no-team-group':
      return t.text('team.owners.noTeamGroup');
    case 'no-permission':
      return t.text('team.owners.noPermission', { permission: because.permission });
    case 'busy':
      return t.text('team.owners.busy', { status: String(because.status) });
    case 'failed':
      // Graph's own technical words, for the admin to quote to whoever runs Moments.
      return t.text('team.owners.failed', { detail: because.detail });
  }
}

/**
 * The refusal for someone who is not an admin where the tenant lets team owners choose the
 * channel: who can, and, when the owners could not be asked, why, so nobody is told they are not
 * an owner when that was never checked.
 */
export function channelRefusal(
  t: Translator,
  right: Extract<ChannelRight, { allowed: false }>,
  admins: readonly TenantAdmin[],
): string {
  return t.text('team.channel.refusal', {
    reason: right.why === 'unknown' ? ownersUnknownText(t, right.because) : t.text('team.owners.notOwner'),
    hasAdmins: admins.length > 0 ? 'yes' : 'no',
    admins: t.list(admins.map((a) => a.name)),
  });
}

/** The settings card's last line: what the caller can change here, and how. */
export function teamSettingsFooter(
  t: Translator,
  isAdmin: boolean,
  settings: Pick<TenantSettings, 'teamOwnersManageChannel'>,
  right: ChannelRight | undefined,
): string {
  const { values, useThisChannel } = commandWordsIn(t);
  if (isAdmin) return t.text('team.settings.footer.admin', { values });
  if (right?.allowed) return t.text('team.settings.footer.owner', { useThisChannel });
  if (settings.teamOwnersManageChannel) return t.text('team.settings.footer.ownersMay');
  return t.text('team.settings.footer.adminsOnly');
}
