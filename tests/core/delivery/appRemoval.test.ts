// Moments removed from a personal chat, a team or a group chat: nothing is sent there, the people
// concerned count as unreachable ("removed Moments"), and installing it again restores them.
// Assertions are on the stored records and on what Reach plans for a send.
import {
  ConversationBook,
  Reach,
  recordAppInstalled,
  recordAppRemoved,
  rememberMemberships,
  type ConversationRecord,
  type Installation,
} from '../../../core/delivery';
import { MemoryConversationStore, MemoryMembershipStore, RecordingLogger } from '../../support/fakes';

const tenantId = 'tenant-a';
const removedAt = new Date('2027-03-11T09:00:00Z');
const later = new Date('2027-03-12T09:00:00Z');
const TEAM = '19:team-general@thread.tacv2';
const KUDOS = '19:team-kudos@thread.tacv2';
const serviceUrl = 'https://smba.example/emea/';

const personal = (userId: string): Omit<ConversationRecord, 'updatedAt'> => ({
  tenantId,
  id: `personal:${userId}`,
  kind: 'personal',
  conversationId: `a:${userId}`,
  userId,
  reference: { serviceUrl, conversation: { id: `a:${userId}` } },
});
const channel = (channelId: string): Omit<ConversationRecord, 'updatedAt'> => ({
  tenantId,
  id: `channel:${channelId}`,
  kind: 'channel',
  conversationId: channelId,
  teamId: TEAM,
  channelId,
  reference: { serviceUrl, conversation: { id: channelId } },
});
const teamInstallation: Installation = {
  tenantId,
  kind: 'channel',
  recordId: `channel:${TEAM}`,
  conversationId: TEAM,
  teamId: TEAM,
  recognitionChannelId: KUDOS,
};

function world() {
  const store = new MemoryConversationStore();
  const memberships = new MemoryMembershipStore();
  const logger = new RecordingLogger();
  const conversations = new ConversationBook(store, logger);
  const reach = new Reach({ conversations, memberships, logger });
  return { store, memberships, conversations, reach, deps: { conversations, memberships, logger } };
}

describe('Moments removed from a personal chat', () => {
  it('marks the chat; the person is unreachable because they removed Moments; a new install restores it', async () => {
    const { store, conversations, reach, deps } = world();
    await conversations.remember(personal('ana'), removedAt);
    await recordAppRemoved(
      deps,
      { tenantId, kind: 'personal', recordId: 'personal:ana', conversationId: 'a:ana' },
      removedAt,
    );
    expect(store.records.get(`${tenantId}/personal:ana`)?.appRemovedAt).toBe(removedAt.toISOString());
    expect((await reach.plan(tenantId, ['ana'])).get('ana')).toEqual({
      kind: 'unreachable',
      reason: 'removed-moments',
    });
    expect(await conversations.personalChat(tenantId, 'ana')).toBeUndefined();

    // Installing Moments again: its installation event stores the chat afresh.
    expect(await conversations.remember(personal('ana'), later)).toBe(true);
    expect(store.records.get(`${tenantId}/personal:ana`)?.appRemovedAt).toBeUndefined();
    expect((await reach.plan(tenantId, ['ana'])).get('ana')?.kind).toBe('chat');
  });

  it('a person who removed Moments from their chat is not reached through a team roster either', async () => {
    const { conversations, memberships, reach, deps } = world();
    await conversations.remember(personal('ana'), removedAt);
    await rememberMemberships(
      memberships,
      tenantId,
      [{ userId: 'ana', memberId: '29:ana' }],
      {
        serviceUrl,
        botId: '28:moments',
        conversationId: TEAM,
        teamId: TEAM,
      },
      removedAt,
    );
    await recordAppRemoved(
      deps,
      { tenantId, kind: 'personal', recordId: 'personal:ana', conversationId: 'a:ana' },
      removedAt,
    );
    expect((await reach.plan(tenantId, ['ana'])).get('ana')).toEqual({
      kind: 'unreachable',
      reason: 'removed-moments',
    });
  });
});

describe('Moments removed from a team', () => {
  it('marks its channels and the memberships its roster showed; reinstalling restores both', async () => {
    const { store, memberships, conversations, reach, deps } = world();
    await conversations.remember(channel(TEAM), removedAt);
    await conversations.remember(channel(KUDOS), removedAt);
    const place = { serviceUrl, botId: '28:moments', conversationId: TEAM, teamId: TEAM };
    const roster = [
      { userId: 'ben', memberId: '29:ben' },
      { userId: 'cy', memberId: '29:cy' },
    ];
    await rememberMemberships(memberships, tenantId, roster, place, removedAt);
    // Dee was last seen in another team's roster: that team still has Moments.
    await rememberMemberships(
      memberships,
      tenantId,
      [{ userId: 'dee', memberId: '29:dee' }],
      {
        ...place,
        conversationId: '19:other-team@thread.tacv2',
        teamId: '19:other-team@thread.tacv2',
      },
      removedAt,
    );

    await recordAppRemoved(deps, teamInstallation, removedAt);
    expect(store.records.get(`${tenantId}/channel:${KUDOS}`)?.appRemovedAt).toBe(removedAt.toISOString());
    expect(await conversations.channel(tenantId, KUDOS)).toBeUndefined();
    const plans = await reach.plan(tenantId, ['ben', 'cy', 'dee']);
    expect(plans.get('ben')).toEqual({ kind: 'unreachable', reason: 'removed-moments' });
    expect(plans.get('cy')).toEqual({ kind: 'unreachable', reason: 'removed-moments' });
    expect(plans.get('dee')?.kind).toBe('open');

    // Installed again: the recognition channel is posted to again, and the roster read at install
    // rewrites the memberships even within the week in which an unchanged roster writes nothing.
    await recordAppInstalled(deps, teamInstallation);
    expect(await conversations.channel(tenantId, KUDOS)).toMatchObject({ channelId: KUDOS });
    expect(await rememberMemberships(memberships, tenantId, roster, place, later)).toBe(2);
    const again = await reach.plan(tenantId, ['ben', 'cy']);
    expect([again.get('ben')?.kind, again.get('cy')?.kind]).toEqual(['open', 'open']);
  });
});

describe('Moments removed from a group chat', () => {
  it('marks the chat and the memberships seen in it', async () => {
    const { store, memberships, conversations, reach, deps } = world();
    const chatId = '19:launch-crew@thread.v2';
    await conversations.remember(
      {
        tenantId,
        id: `groupChat:${chatId}`,
        kind: 'groupChat',
        conversationId: chatId,
        reference: { serviceUrl, conversation: { id: chatId } },
      },
      removedAt,
    );
    await rememberMemberships(
      memberships,
      tenantId,
      [{ userId: 'eli', memberId: '29:eli' }],
      {
        serviceUrl,
        botId: '28:moments',
        conversationId: chatId,
      },
      removedAt,
    );
    await recordAppRemoved(
      deps,
      { tenantId, kind: 'groupChat', recordId: `groupChat:${chatId}`, conversationId: chatId },
      removedAt,
    );
    expect(store.records.get(`${tenantId}/groupChat:${chatId}`)?.appRemovedAt).toBe(removedAt.toISOString());
    expect((await reach.plan(tenantId, ['eli'])).get('eli')).toEqual({
      kind: 'unreachable',
      reason: 'removed-moments',
    });
  });
});
