// Installation events through the real bot: removing Moments from a personal chat or a team marks
// the stored conversation (and the team's recognition channel), and adding it again restores them.
// Assertions are on the stored conversation records.
import { randomUUID } from 'node:crypto';
import { ALEX, HARNESS_TEAM, HARNESS_TENANT, startBotHarness } from '../../support/botHarness';

const base = (extra: Record<string, unknown>) => ({
  id: randomUUID(),
  channelId: 'msteams',
  serviceUrl: 'http://127.0.0.1:9/',
  from: { id: '29:alexw', name: ALEX.displayName, aadObjectId: ALEX.id },
  recipient: { id: '28:moments', name: 'Moments' },
  ...extra,
});
const personalChat = {
  conversation: { id: 'a:personal-alexw', conversationType: 'personal', tenantId: HARNESS_TENANT },
  channelData: { tenant: { id: HARNESS_TENANT } },
};
const teamGeneral = {
  conversation: { id: HARNESS_TEAM.id, conversationType: 'channel', tenantId: HARNESS_TENANT },
  channelData: {
    tenant: { id: HARNESS_TENANT },
    team: { id: HARNESS_TEAM.id, aadGroupId: HARNESS_TEAM.aadGroupId },
    channel: { id: HARNESS_TEAM.id },
  },
};

describe('Moments removed and installed again', () => {
  it('a personal chat: removed (installationUpdate remove) is marked; installed again (add) is not', async () => {
    const { bot, stores } = startBotHarness();
    const post = (activity: unknown) => bot.handle({ method: 'POST', headers: {}, body: activity });
    await post(base({ type: 'installationUpdate', action: 'add', ...personalChat }));
    const key = `${HARNESS_TENANT}/personal:${ALEX.id}`;
    expect(stores.conversations.records.get(key)?.appRemovedAt).toBeUndefined();

    await post(base({ type: 'installationUpdate', action: 'remove', ...personalChat }));
    expect(stores.conversations.records.get(key)?.appRemovedAt).toBe('2027-03-10T10:00:00.000Z');

    await post(base({ type: 'installationUpdate', action: 'add', ...personalChat }));
    expect(stores.conversations.records.get(key)).toMatchObject({ kind: 'personal', userId: ALEX.id });
    expect(stores.conversations.records.get(key)?.appRemovedAt).toBeUndefined();
  });

  it('a team: the bot removed (membersRemoved) marks its channel and its recognition channel; added back restores them', async () => {
    const { bot, stores } = startBotHarness();
    const post = (activity: unknown) => bot.handle({ method: 'POST', headers: {}, body: activity });
    await stores.settings.saveTeam({
      tenantId: HARNESS_TENANT,
      teamId: HARNESS_TEAM.id,
      recognitionChannelId: HARNESS_TEAM.channelId,
    });
    // Moments has posted in the recognition channel before: its reference is stored.
    await post(
      base({
        type: 'message',
        text: 'help',
        deliveryMode: 'expectReplies',
        conversation: { id: HARNESS_TEAM.channelId, conversationType: 'channel', tenantId: HARNESS_TENANT },
        channelData: { ...teamGeneral.channelData, channel: { id: HARNESS_TEAM.channelId } },
      }),
    );
    const kudosChannel = `${HARNESS_TENANT}/channel:${HARNESS_TEAM.channelId}`;
    expect(stores.conversations.records.get(kudosChannel)).toBeDefined();

    await post(
      base({
        type: 'conversationUpdate',
        membersRemoved: [{ id: '28:moments' }],
        ...teamGeneral,
      }),
    );
    expect(stores.conversations.records.get(kudosChannel)?.appRemovedAt).toBe('2027-03-10T10:00:00.000Z');
    expect(
      stores.conversations.records.get(`${HARNESS_TENANT}/channel:${HARNESS_TEAM.id}`)?.appRemovedAt,
    ).toBe('2027-03-10T10:00:00.000Z');

    // Added back to the team.
    await post(base({ type: 'installationUpdate', action: 'add', ...teamGeneral }));
    expect(stores.conversations.records.get(kudosChannel)?.appRemovedAt).toBeUndefined();
    expect(
      stores.conversations.records.get(`${HARNESS_TENANT}/channel:${HARNESS_TEAM.id}`)?.appRemovedAt,
    ).toBeUndefined();
  });

  it('a member leaving the team marks nothing', async () => {
    const { bot, stores } = startBotHarness();
    const post = (activity: unknown) => bot.handle({ method: 'POST', headers: {}, body: activity });
    await post(base({ type: 'conversationUpdate', membersRemoved: [{ id: '29:meganb' }], ...teamGeneral }));
    expect(
      stores.conversations.records.get(`${HARNESS_TENANT}/channel:${HARNESS_TEAM.id}`)?.appRemovedAt,
    ).toBeUndefined();
  });
});
