import type { TenantSettings } from './tenantSettings';

/**
 * Why a team's directory could not say who owns it: the team has not granted the `permission`
 * (`no-permission`), Microsoft Graph is throttling (`busy`, with its HTTP `status`), or Graph
 * failed otherwise (`failed`, with its own technical `detail`).
 */
export type DirectoryUnknown =
  | { cause: 'no-permission'; permission: string }
  | { cause: 'busy'; status: number }
  | { cause: 'failed'; detail: string };

/**
 * Why nobody could say who owns a team, in terms an admin can act on: Microsoft Graph is not set
 * up (`no-graph`), Teams did not name the team's group (`no-team-group`), or the directory's own
 * reason. The edge words it.
 */
export type OwnersUnknown = { cause: 'no-graph' } | { cause: 'no-team-group' } | DirectoryUnknown;

/**
 * What the directory of a team says about one person: an owner of the team, a member who is not
 * one, or no answer, and why.
 */
export type TeamRole =
  { kind: 'owner' } | { kind: 'not-owner' } | { kind: 'unknown'; because: DirectoryUnknown };

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
 * no Graph, no permission, Graph failing; `because` says which).
 */
export type ChannelRight =
  | { allowed: true; as: 'admin' | 'owner' }
  | { allowed: false; why: 'owners-not-allowed' | 'not-owner' }
  | { allowed: false; why: 'unknown'; because: OwnersUnknown };

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
  if (!roles) return { allowed: false, why: 'unknown', because: { cause: 'no-graph' } };
  if (!caller.teamGroupId) return { allowed: false, why: 'unknown', because: { cause: 'no-team-group' } };
  const role = await roles.isOwner(caller.tenantId, caller.teamGroupId, caller.userId);
  if (role.kind === 'owner') return { allowed: true, as: 'owner' };
  if (role.kind === 'not-owner') return { allowed: false, why: 'not-owner' };
  return { allowed: false, why: 'unknown', because: role.because };
}
