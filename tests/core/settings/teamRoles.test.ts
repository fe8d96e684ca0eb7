import { channelRightOf, type ChannelManager } from '../../../core/settings';
import { MemoryTeamRoles } from '../../support/fakes';

const TENANT = 'tenant-a';
const TEAM = 'group-product';
const OWNER = 'user-owner';
const MEMBER = 'user-member';

const caller = (userId: string, extra: Partial<ChannelManager> = {}): ChannelManager => ({
  tenantId: TENANT,
  userId,
  isAdmin: false,
  teamGroupId: TEAM,
  ...extra,
});
const on = { teamOwnersManageChannel: true };
const off = { teamOwnersManageChannel: false };

describe('who may choose a team’s recognition channel', () => {
  const roles = new MemoryTeamRoles().addOwner(TENANT, TEAM, OWNER);

  it('an admin may, whatever the tenant setting, without asking who owns the team', async () => {
    const unanswerable = { isOwner: () => Promise.reject(new Error('Graph must not be asked')) };
    await expect(channelRightOf(caller('admin', { isAdmin: true }), off, unanswerable)).resolves.toEqual({
      allowed: true,
      as: 'admin',
    });
    await expect(channelRightOf(caller('admin', { isAdmin: true }), on, undefined)).resolves.toEqual({
      allowed: true,
      as: 'admin',
    });
  });

  it('an owner of this team may when the tenant allows it', async () => {
    await expect(channelRightOf(caller(OWNER), on, roles)).resolves.toEqual({ allowed: true, as: 'owner' });
  });

  it('an owner of this team may not when the tenant keeps it to admins', async () => {
    await expect(channelRightOf(caller(OWNER), off, roles)).resolves.toEqual({
      allowed: false,
      why: 'owners-not-allowed',
    });
  });

  it('a member who is not an owner, or the owner of another team, may not', async () => {
    await expect(channelRightOf(caller(MEMBER), on, roles)).resolves.toEqual({
      allowed: false,
      why: 'not-owner',
    });
    await expect(channelRightOf(caller(OWNER, { teamGroupId: 'group-other' }), on, roles)).resolves.toEqual({
      allowed: false,
      why: 'not-owner',
    });
    await expect(channelRightOf(caller(OWNER, { tenantId: 'tenant-b' }), on, roles)).resolves.toEqual({
      allowed: false,
      why: 'not-owner',
    });
  });

  it('without Graph nobody is recognised as an owner, and the reason says so rather than “not an owner”', async () => {
    await expect(channelRightOf(caller(OWNER), on, undefined)).resolves.toEqual({
      allowed: false,
      why: 'unknown',
      because: { cause: 'no-graph' },
    });
  });

  it('a team Graph cannot be asked about passes its reason on', async () => {
    const refused = new MemoryTeamRoles().addOwner(TENANT, TEAM, OWNER);
    const because = { cause: 'no-permission', permission: 'TeamMember.Read.Group' } as const;
    refused.unavailable.set(`${TENANT}/${TEAM}`, because);
    await expect(channelRightOf(caller(OWNER), on, refused)).resolves.toEqual({
      allowed: false,
      why: 'unknown',
      because,
    });
  });

  it('a channel activity without the team’s group id cannot be checked', async () => {
    const right = await channelRightOf(caller(OWNER, { teamGroupId: undefined }), on, roles);
    expect(right).toEqual({ allowed: false, why: 'unknown', because: { cause: 'no-team-group' } });
  });
});
