import { takeReachCensus, type Membership, type ReachRoll } from '../../../core/delivery';
import { describeCensus } from '../../../bot/reach/wording';
import { translatorFor } from '../../../bot/i18n/translator';

const tenantId = 'tenant-a';
const membership = (userId: string, refused?: Membership['refused']): Membership => ({
  tenantId,
  userId,
  memberId: `29:${userId}`,
  serviceUrl: 'https://smba.example/emea/',
  botId: '28:moments',
  seenIn: '19:team',
  seenAt: '2027-03-10T09:00:00.000Z',
  ...(refused ? { refused } : {}),
});

/** A tenant of five: two with a chat, one in a team roster, one who refused Moments, one unknown to Teams. */
const roll: ReachRoll = {
  people: async (t) =>
    t === tenantId
      ? [
          { id: 'ana', displayName: 'Ana' },
          { id: 'ben', displayName: 'Ben' },
          { id: 'cy', displayName: 'Cy' },
          { id: 'dee', displayName: 'Dee' },
          { id: 'eli', displayName: 'Eli' },
        ]
      : [],
  personalChatUserIds: async () => ['ana', 'ben', 'someone-who-left'],
  appRemovedUserIds: async () => [],
  memberships: async () => [
    membership('ben'),
    membership('cy'),
    membership('dee', { reason: '403: BotDisabledByAdmin', at: '2027-03-10T00:00:00Z' }),
  ],
};

describe('takeReachCensus', () => {
  it('counts the directory people Moments can reach and names the others with the reason', async () => {
    const census = await takeReachCensus(roll, tenantId);
    expect(census).toEqual({
      tenantId,
      people: 5,
      reachable: 3,
      withChat: 2,
      throughMembership: 1,
      unreachable: [
        { id: 'dee', displayName: 'Dee', reason: 'app-removed' },
        { id: 'eli', displayName: 'Eli', reason: 'no-chat' },
      ],
    });
  });

  it('reads as an admin would: the count, then who cannot be reached and why', async () => {
    const text = describeCensus(translatorFor('en'), await takeReachCensus(roll, tenantId), { limit: 1 });
    expect(text.split('\n')).toEqual([
      'Moments can reach 3 of 5 people.',
      '2 through a personal chat with Moments; 1 through a team or group chat Moments is in (it opens a personal chat when it has something to send).',
      '',
      'Moments cannot reach 2:',
      '- Dee: removed or blocked Moments (Teams refused to open a chat)',
      `…and 1 more. The jobs CLI lists everyone: npm run job -- reach --tenant ${tenantId}`,
    ]);
  });
});

describe('takeReachCensus after Moments was removed', () => {
  it('counts who removed Moments from their chat, or was known through a team that removed it, as unreachable', async () => {
    const removed: ReachRoll = {
      ...roll,
      // Ana removed Moments from her chat; the team Cy was seen in removed it too.
      personalChatUserIds: async () => ['ben'],
      appRemovedUserIds: async () => ['ana'],
      memberships: async () => [
        membership('ben'),
        { ...membership('cy'), appRemoved: { at: '2027-03-10T12:00:00.000Z' } },
        // Someone who removed their chat is not reached through a team roster either.
        membership('ana'),
      ],
    };
    const census = await takeReachCensus(removed, tenantId);
    expect(census).toMatchObject({ people: 5, reachable: 1, withChat: 1, throughMembership: 0 });
    expect(census.unreachable).toEqual([
      { id: 'ana', displayName: 'Ana', reason: 'removed-moments' },
      { id: 'cy', displayName: 'Cy', reason: 'removed-moments' },
      { id: 'dee', displayName: 'Dee', reason: 'no-chat' },
      { id: 'eli', displayName: 'Eli', reason: 'no-chat' },
    ]);
    expect(describeCensus(translatorFor('en'), census)).toContain(
      '- Ana: removed Moments (from their chat with it, or from the team or group chat Moments knew them through); reached again once Moments is added back',
    );
  });
});
