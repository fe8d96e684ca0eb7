import {
  ConversationBook,
  planReach,
  Reach,
  rememberMemberships,
  type ChatOpener,
  type ConversationRecord,
  type Membership,
  type OpenedChat,
} from '../../../core/delivery';
import {
  MemoryConversationStore,
  MemoryErasureRegister,
  MemoryMembershipStore,
  RecordingLogger,
} from '../../support/fakes';

const tenantId = 'tenant-a';
const now = new Date('2027-03-11T09:00:00Z');
const place = { serviceUrl: 'https://smba.example/emea/', botId: '28:moments', conversationId: '19:team-1' };

const chatWith = (userId: string): ConversationRecord => ({
  tenantId,
  id: `personal:${userId}`,
  kind: 'personal',
  conversationId: `a:${userId}`,
  userId,
  reference: { serviceUrl: place.serviceUrl, conversation: { id: `a:${userId}` } },
  updatedAt: '2027-03-01T09:00:00.000Z',
});
const membershipOf = (userId: string, extra: Partial<Membership> = {}): Membership => ({
  tenantId,
  userId,
  memberId: `29:${userId}`,
  serviceUrl: place.serviceUrl,
  botId: place.botId,
  seenIn: place.conversationId,
  seenAt: '2027-03-10T09:00:00.000Z',
  ...extra,
});

/** A Bot Connector that opens a chat for anyone, or answers what it is told to for a member. */
class FakeOpener implements ChatOpener {
  readonly opened: string[] = [];
  constructor(private readonly answers: Record<string, OpenedChat> = {}) {}
  async open(membership: Membership): Promise<OpenedChat> {
    this.opened.push(membership.memberId);
    return (
      this.answers[membership.memberId] ?? {
        ok: true,
        chat: {
          tenantId,
          id: `personal:${membership.userId}`,
          kind: 'personal',
          conversationId: `a:new-${membership.userId}`,
          userId: membership.userId,
          reference: {
            serviceUrl: membership.serviceUrl,
            conversation: { id: `a:new-${membership.userId}` },
          },
        },
      }
    );
  }
}

function world(opener: ChatOpener = new FakeOpener()) {
  const conversations = new MemoryConversationStore();
  const memberships = new MemoryMembershipStore();
  const erasures = new MemoryErasureRegister();
  const book = new ConversationBook(conversations, new RecordingLogger());
  const reach = new Reach({
    conversations: book,
    memberships,
    opener,
    erasures,
    logger: new RecordingLogger(),
  });
  return { conversations, memberships, erasures, book, reach };
}

describe('planReach', () => {
  const known = {
    chats: new Map([['ana', chatWith('ana')]]),
    memberships: new Map([
      ['ana', membershipOf('ana')],
      ['ben', membershipOf('ben')],
      ['eve', membershipOf('eve')],
      [
        'rex',
        membershipOf('rex', { refused: { reason: '403: BotDisabledByAdmin', at: '2027-03-10T00:00:00Z' } }),
      ],
    ]),
    forgotten: new Set(['eve']),
  };
  const plans = planReach(['ana', 'ben', 'cy', 'eve', 'rex'], known);

  it('uses a stored personal chat first', () => {
    expect(plans.get('ana')).toEqual({ kind: 'chat', chat: chatWith('ana') });
  });

  it('opens a chat from a roster membership when there is no stored chat', () => {
    expect(plans.get('ben')).toEqual({ kind: 'open', membership: membershipOf('ben') });
  });

  it('names why someone cannot be reached: no chat and no membership, forgotten, or Moments refused', () => {
    expect(plans.get('cy')).toEqual({ kind: 'unreachable', reason: 'no-chat' });
    expect(plans.get('eve')).toEqual({ kind: 'unreachable', reason: 'forgotten' });
    expect(plans.get('rex')).toEqual({ kind: 'unreachable', reason: 'app-removed' });
  });
});

describe('Reach', () => {
  it('opens a chat from a membership, stores its reference, and the next run uses the stored chat', async () => {
    const opener = new FakeOpener();
    const { reach, conversations, memberships } = world(opener);
    await memberships.save(membershipOf('ben'));
    const plan = (await reach.plan(tenantId, ['ben'])).get('ben');
    expect(plan?.kind).toBe('open');
    const reached = await reach.reach(plan!, now);
    expect(reached).toEqual({
      chat: expect.objectContaining({ conversationId: 'a:new-ben', userId: 'ben' }),
    });
    expect(conversations.records.get(`${tenantId}/personal:ben`)).toMatchObject({
      kind: 'personal',
      conversationId: 'a:new-ben',
      updatedAt: now.toISOString(),
    });
    expect(opener.opened).toEqual(['29:ben']);
    expect((await reach.plan(tenantId, ['ben'])).get('ben')?.kind).toBe('chat');
  });

  it('never opens a chat with someone who asked to be forgotten, even with a membership', async () => {
    const opener = new FakeOpener();
    const { reach, memberships, erasures } = world(opener);
    await memberships.save(membershipOf('eve'));
    await erasures.record(tenantId, 'eve', now);
    const plan = (await reach.plan(tenantId, ['eve'])).get('eve')!;
    expect(await reach.reach(plan, now)).toEqual({ unreachable: 'forgotten' });
    expect(opener.opened).toEqual([]);
  });

  it('keeps a refusal on the membership, so no later run asks Teams again', async () => {
    const opener = new FakeOpener({
      '29:rex': { ok: false, permanent: true, reason: '403: BotDisabledByAdmin' },
    });
    const { reach, memberships } = world(opener);
    await memberships.save(membershipOf('rex'));
    const plan = (await reach.plan(tenantId, ['rex'])).get('rex')!;
    expect(await reach.reach(plan, now)).toEqual({ unreachable: 'app-removed' });
    expect((await memberships.getMany(tenantId, ['rex']))[0]?.refused).toEqual({
      reason: '403: BotDisabledByAdmin',
      at: now.toISOString(),
    });
    expect((await reach.plan(tenantId, ['rex'])).get('rex')).toEqual({
      kind: 'unreachable',
      reason: 'app-removed',
    });
    expect(opener.opened).toEqual(['29:rex']);
  });

  it('does not refuse a membership a roster refreshed while Teams was being asked', async () => {
    const opener = new FakeOpener({
      '29:rex': { ok: false, permanent: true, reason: '403: BotDisabledByAdmin' },
    });
    const { reach, memberships } = world(opener);
    await memberships.save(membershipOf('rex'));
    const plan = (await reach.plan(tenantId, ['rex'])).get('rex')!;
    const refreshed = membershipOf('rex', { memberId: '29:rex-2', seenAt: now.toISOString() });
    await memberships.save(refreshed);
    expect(await reach.reach(plan, now)).toEqual({ unreachable: 'app-removed' });
    expect(await memberships.getMany(tenantId, ['rex'])).toEqual([refreshed]);
  });

  it('leaves a transient failure to the next run, with the membership as it was', async () => {
    const opener = new FakeOpener({ '29:ben': { ok: false, permanent: false, reason: '503: ServiceError' } });
    const { reach, memberships } = world(opener);
    await memberships.save(membershipOf('ben'));
    const plan = (await reach.plan(tenantId, ['ben'])).get('ben')!;
    expect(await reach.reach(plan, now)).toEqual({ unreachable: 'not-opened' });
    expect(await memberships.getMany(tenantId, ['ben'])).toEqual([membershipOf('ben')]);
  });
});

describe('rememberMemberships', () => {
  it('records each member once, and writes nothing for a roster read again within the week', async () => {
    const store = new MemoryMembershipStore();
    const members = [
      { userId: 'ana', memberId: '29:ana' },
      { userId: 'ben', memberId: '29:ben' },
      { userId: 'ana', memberId: '29:ana' },
    ];
    expect(await rememberMemberships(store, tenantId, members, place, now)).toBe(2);
    expect(await store.getMany(tenantId, ['ana'])).toEqual([
      { ...membershipOf('ana'), seenAt: now.toISOString() },
    ]);
    const later = new Date(now.getTime() + 3 * 24 * 3600_000);
    expect(await rememberMemberships(store, tenantId, members, place, later)).toBe(0);
    expect(store.writes).toBe(2);
  });

  it('keeps a removal from the roster’s place and a refusal of its member recorded after its read', async () => {
    const store = new MemoryMembershipStore();
    const after = { at: new Date(now.getTime() + 60_000).toISOString() };
    await store.save(
      membershipOf('rex', {
        appRemoved: after,
        refused: { reason: '403', ...after },
        seenAt: '2027-03-01T00:00:00Z',
      }),
    );
    await rememberMemberships(store, tenantId, [{ userId: 'rex', memberId: '29:rex' }], place, now);
    expect(await store.getMany(tenantId, ['rex'])).toEqual([
      membershipOf('rex', {
        appRemoved: after,
        refused: { reason: '403', ...after },
        seenAt: now.toISOString(),
      }),
    ]);

    // Seen elsewhere, with another member id, neither concerns the new membership.
    const elsewhere = { ...place, conversationId: '19:team-2' };
    const later = new Date(now.getTime() + 8 * 24 * 3600_000);
    await rememberMemberships(store, tenantId, [{ userId: 'rex', memberId: '29:rex-2' }], elsewhere, later);
    expect(await store.getMany(tenantId, ['rex'])).toEqual([
      membershipOf('rex', { memberId: '29:rex-2', seenIn: '19:team-2', seenAt: later.toISOString() }),
    ]);
  });

  it('refreshes a week-old membership, which clears an earlier refusal', async () => {
    const store = new MemoryMembershipStore();
    await store.save(
      membershipOf('rex', {
        refused: { reason: '403', at: '2027-03-01T00:00:00Z' },
        seenAt: '2027-03-01T00:00:00Z',
      }),
    );
    expect(
      await rememberMemberships(store, tenantId, [{ userId: 'rex', memberId: '29:rex' }], place, now),
    ).toBe(1);
    expect((await store.getMany(tenantId, ['rex']))[0]?.refused).toBeUndefined();
  });
});
