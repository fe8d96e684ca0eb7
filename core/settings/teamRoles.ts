import type { TenantSettings } from './tenantSettings';

/**
 * What the directory of a team says about one person: an owner of the team, a member who is not
 * one, or no answer, with the reason an admin can act on (a missing permission, Graph failing).
 */
export type TeamRole = { kind: 'owner' } | { kind: 'not-owner' } | { kind: 'unknown'; reason: string };

/**
 * The team roles port: who owns a team. `teamGroupId` is the team's Microsoft 365 group id (the
 * `aadGroupId` Teams sends with channel activities), not its Teams thread id.
 */
export interface TeamRoles {
  isOwner(tenantId: string, teamGroupId: string, userId: string): Promise<TeamRole>;
}

/** Who is asking to manage a team's recognition channel, and where. */
export interface ChannelManager {
  tenantId: string;
  userId: string;
  isAdmin: boolean;
  /** The team's Microsoft 365 group id; absent when Teams did not send it. */
  teamGroupId?: string;
}

/**
 * Whether the caller may choose the team's recognition channel: `admin` and `owner` may; `refused`
 * says why not in the admin's terms: `not-owner` (the caller is not an owner of this team),
 * `owners-not-allowed` (the tenant keeps it to admins), `unknown` (the owners could not be asked:
 * no Graph, no permission, Graph failing; the reason says which).
 */
export type ChannelRight =
  | { allowed: true; as: 'admin' | 'owner' }
  | { allowed: false; why: 'owners-not-allowed' | 'not-owner' }
  | { allowed: false; why: 'unknown'; reason: string };

/** Said when there is no way to ask who owns a team (Microsoft Graph is off for this deployment). */
export const NO_TEAM_ROLES =
  'Moments cannot check who owns this team: Microsoft Graph is not set up for it (GRAPH_SYNC is off)';

/**
 * The rule for the team's recognition channel: the tenant's admins always; the team's own owners
 * too when the tenant's `teamOwnersManageChannel` is on, and only as far as the team's directory
 * confirms it. Admins are settled without asking Graph, so a Graph outage never locks them out.
 *
 * @param roles absent where the deployment has no Graph access: then nobody is recognised as an
 * owner, and the answer says so rather than calling the caller a non-owner.
 */
export async function channelRightOf(
  caller: ChannelManager,
  settings: Pick<TenantSettings, 'teamOwnersManageChannel'>,
  roles: TeamRoles | undefined,
): Promise<ChannelRight> {
  if (caller.isAdmin) return { allowed: true, as: 'admin' };
  if (!settings.teamOwnersManageChannel) return { allowed: false, why: 'owners-not-allowed' };
  if (!roles) return { allowed: false, why: 'unknown', reason: NO_TEAM_ROLES };
  if (!caller.teamGroupId) {
    return {
      allowed: false,
      why: 'unknown',
      reason: 'Teams did not say which Microsoft 365 group this team is, so its owners cannot be checked',
    };
  }
  const role = await roles.isOwner(caller.tenantId, caller.teamGroupId, caller.userId);
  if (role.kind === 'owner') return { allowed: true, as: 'owner' };
  if (role.kind === 'not-owner') return { allowed: false, why: 'not-owner' };
  return { allowed: false, why: 'unknown', reason: role.reason };
}
