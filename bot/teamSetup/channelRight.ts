import {
  channelRightOf,
  type ChannelRight,
  type TeamRoles,
  type TenantAdmin,
  type TenantSettings,
} from '../../core/settings';
import { listNames } from '../kudos/recognitionView';

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

/**
 * The refusal for someone who is not an admin where the tenant lets team owners choose the
 * channel: who can, and, when the owners could not be asked, why, so nobody is told they are not
 * an owner when that was never checked.
 */
export function channelRefusal(
  right: Extract<ChannelRight, { allowed: false }>,
  admins: readonly TenantAdmin[],
): string {
  const who = 'Only Moments admins and this team’s owners can choose its recognition channel.';
  const ask =
    admins.length > 0
      ? ` Ask ${listNames(admins.map((a) => a.name))} or an owner of this team.`
      : ' Ask an owner of this team.';
  if (right.why === 'unknown') return `${who} ${right.reason}.${ask}`;
  return `${who} You are not an owner of this team.${ask}`;
}

/** The settings card's last line: what the caller can change here, and how. */
export function teamSettingsFooter(
  isAdmin: boolean,
  settings: Pick<TenantSettings, 'teamOwnersManageChannel'>,
  right: ChannelRight | undefined,
): string {
  if (isAdmin) {
    return 'Admins: “values add Courage”, “values rename teamwork to Better together”, “values retire innovation”, “values restore innovation”.';
  }
  if (right?.allowed) {
    return 'Admins can change these settings. As an owner of this team you can choose its recognition channel: say “use this channel for kudos” in it.';
  }
  if (settings.teamOwnersManageChannel) {
    return 'Admins can change these settings; this team’s owners can choose its recognition channel.';
  }
  return 'Admins can change these settings.';
}
