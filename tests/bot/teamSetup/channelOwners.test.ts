// `use this channel for kudos` and `settings` in a team channel, through the real bot: admins
// always, the team's owners when the tenant allows it and Graph confirms it, and a truthful
// refusal otherwise. Assertions are on the reply the caller sees and on the stored team settings.
import {
  ALEX,
  HARNESS_TEAM,
  HARNESS_TENANT,
  MEGAN,
  startBotHarness,
  type BotHarnessOptions,
} from '../../support/botHarness';
import { MemoryTeamRoles } from '../../support/fakes';

const textOf = (replies: unknown[]) => JSON.stringify(replies);

async function world(options: {
  ownersManage: boolean;
  megan: 'owner' | 'member' | 'unavailable' | 'no-graph';
}) {
  const roles = new MemoryTeamRoles();
  if (options.megan === 'owner') roles.addOwner(HARNESS_TENANT, HARNESS_TEAM.aadGroupId, MEGAN.id);
  if (options.megan === 'unavailable') {
    roles.unavailable.set(`${HARNESS_TENANT}/${HARNESS_TEAM.aadGroupId}`, {
      cause: 'no-permission',
      permission: 'TeamMember.Read.Group',
    });
  }
  const harnessOptions: BotHarnessOptions = options.megan === 'no-graph' ? {} : { teamRoles: roles };
  const harness = startBotHarness(harnessOptions);
  const settings = (await harness.stores.settings.tenant(HARNESS_TENANT))!;
  await harness.stores.settings.saveTenant({
    ...settings,
    adminIds: [ALEX.id],
    teamOwnersManageChannel: options.ownersManage,
  });
  const channel = async () =>
    (await harness.stores.settings.team(HARNESS_TENANT, HARNESS_TEAM.id))?.recognitionChannelId;
  return { ...harness, channel };
}

describe('team owners and the recognition channel', () => {
  it('an owner sets the channel when the tenant allows it, and settings tells them they can', async () => {
    const { sayInChannel, channel } = await world({ ownersManage: true, megan: 'owner' });
    const replies = await sayInChannel('use this channel for kudos', MEGAN);
    expect(textOf(replies)).toContain(
      'Done: kudos given anywhere in this team can now be posted in this channel too',
    );
    expect(await channel()).toBe(HARNESS_TEAM.channelId);
    const card = textOf(await sayInChannel('settings', MEGAN));
    expect(card).toContain('This channel');
    expect(card).toContain('As an owner of this team you can choose its recognition channel');
  });

  it('the same owner is refused, as before, when the tenant keeps it to admins', async () => {
    const { sayInChannel, channel } = await world({ ownersManage: false, megan: 'owner' });
    const replies = await sayInChannel('use this channel for kudos', MEGAN);
    expect(textOf(replies)).toContain('Only Moments admins can change this. Ask Alex Wilber.');
    expect(await channel()).toBeUndefined();
    expect(textOf(await sayInChannel('settings', MEGAN))).toContain('Admins can change these settings.');
  });

  it('a member who is not an owner is refused and told who can do it', async () => {
    const { sayInChannel, channel } = await world({ ownersManage: true, megan: 'member' });
    const replies = await sayInChannel('use this channel for kudos', MEGAN);
    expect(textOf(replies)).toContain(
      'Only Moments admins and this team’s owners can choose its recognition channel. You are not an owner of this team. Ask Alex Wilber or an owner of this team.',
    );
    expect(await channel()).toBeUndefined();
  });

  it('without Graph the owner is not recognised, and the reply says why instead of “not an owner”', async () => {
    const { sayInChannel, channel } = await world({ ownersManage: true, megan: 'no-graph' });
    const text = textOf(await sayInChannel('use this channel for kudos', MEGAN));
    expect(text).toContain('Moments cannot check who owns this team: Microsoft Graph is not set up for it');
    expect(text).toContain('Ask Alex Wilber or an owner of this team.');
    expect(text).not.toContain('You are not an owner');
    expect(await channel()).toBeUndefined();
  });

  it('a team that has not granted the permission: the reply names the permission', async () => {
    const { sayInChannel, channel } = await world({ ownersManage: true, megan: 'unavailable' });
    const text = textOf(await sayInChannel('use this channel for kudos', MEGAN));
    expect(text).toContain('Moments lacks the permission TeamMember.Read.Group for this team.');
    expect(await channel()).toBeUndefined();
  });

  it('an admin sets it whatever Graph says', async () => {
    const { sayInChannel, channel } = await world({ ownersManage: true, megan: 'unavailable' });
    expect(textOf(await sayInChannel('use this channel for kudos', ALEX))).toContain(
      'Done: kudos given anywhere',
    );
    expect(await channel()).toBe(HARNESS_TEAM.channelId);
  });
});
