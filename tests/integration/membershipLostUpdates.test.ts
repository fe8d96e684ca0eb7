/**
 * Memberships against the local Cosmos DB server: Teams' refusal to open a chat is recorded on the
 * membership it was asked from, and neither undoes a roster's refresh nor a removal of Moments
 * that landed while Teams was being asked.
 */
import { silentLogger } from '../../core/shared';
import {
  ConversationBook,
  Reach,
  rememberMemberships,
  type ChatOpener,
  type Membership,
  type OpenedChat,
} from '../../core/delivery';
import { CosmosConversationStore } from '../../functions/cosmos/conversationRepository';
import { CosmosMembershipStore } from '../../functions/cosmos/membershipRepository';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';

let cosmos: TestCosmos;
let memberships: CosmosMembershipStore;
let conversations: ConversationBook;
beforeAll(async () => {
  cosmos = await startTestCosmos();
  const container = cosmos.database.container('conversations');
  memberships = new CosmosMembershipStore(container, silentLogger);
  conversations = new ConversationBook(new CosmosConversationStore(container, silentLogger), silentLogger);
});
afterAll(async () => cosmos.close());

const tenantId = 'tenant-membership-races';
const now = new Date('2027-03-11T09:00:00Z');
const oldPlace = {
  serviceUrl: 'https://smba.example/emea/',
  botId: '28:moments',
  conversationId: '19:team-1',
};
const newPlace = {
  serviceUrl: 'https://smba.example/amer/',
  botId: '28:moments',
  conversationId: '19:team-2',
};
const membershipOf = (userId: string): Membership => ({
  tenantId,
  userId,
  memberId: `29:${userId}`,
  serviceUrl: oldPlace.serviceUrl,
  botId: oldPlace.botId,
  seenIn: oldPlace.conversationId,
  seenAt: '2027-03-01T09:00:00.000Z',
});

/** Teams refuses to open the chat, after `meanwhile` has run while it was being asked. */
function refusingOpener(meanwhile: () => Promise<unknown>): ChatOpener {
  return {
    open: async (): Promise<OpenedChat> => {
      await meanwhile();
      return { ok: false, permanent: true, reason: '403: BotDisabledByAdmin' };
    },
  };
}

async function reachOnce(userId: string, opener: ChatOpener) {
  const reach = new Reach({ conversations, memberships, opener, logger: silentLogger });
  const plan = (await reach.plan(tenantId, [userId])).get(userId)!;
  expect(plan.kind).toBe('open');
  return reach.reach(plan, now);
}

describe('a refused chat against concurrent membership writers', () => {
  it('keeps the membership a roster refreshed while Teams was asked, unrefused', async () => {
    await memberships.save(membershipOf('rex'));
    const later = new Date(now.getTime() + 60_000);
    const refreshed = refusingOpener(() =>
      rememberMemberships(memberships, tenantId, [{ userId: 'rex', memberId: '29:rex-2' }], newPlace, later),
    );
    expect(await reachOnce('rex', refreshed)).toEqual({ unreachable: 'app-removed' });
    // The roster showed Rex elsewhere since: that membership is the one to try next.
    expect(await memberships.getMany(tenantId, ['rex'])).toEqual([
      {
        tenantId,
        userId: 'rex',
        memberId: '29:rex-2',
        serviceUrl: newPlace.serviceUrl,
        botId: newPlace.botId,
        seenIn: newPlace.conversationId,
        seenAt: later.toISOString(),
      },
    ]);
  });

  it('keeps a removal of Moments from the roster’s team recorded while Teams was asked', async () => {
    await memberships.save(membershipOf('ana'));
    const removedAt = new Date(now.getTime() - 60_000);
    const removed = refusingOpener(() =>
      memberships.markAppRemoved(tenantId, { conversationId: oldPlace.conversationId }, removedAt),
    );
    expect(await reachOnce('ana', removed)).toEqual({ unreachable: 'app-removed' });
    expect(await memberships.getMany(tenantId, ['ana'])).toEqual([
      {
        ...membershipOf('ana'),
        appRemoved: { at: removedAt.toISOString() },
        refused: { reason: '403: BotDisabledByAdmin', at: now.toISOString() },
      },
    ]);
  });

  it('records a refusal when nothing changed meanwhile', async () => {
    await memberships.save(membershipOf('lee'));
    expect(
      await reachOnce(
        'lee',
        refusingOpener(async () => undefined),
      ),
    ).toEqual({
      unreachable: 'app-removed',
    });
    expect(await memberships.getMany(tenantId, ['lee'])).toEqual([
      { ...membershipOf('lee'), refused: { reason: '403: BotDisabledByAdmin', at: now.toISOString() } },
    ]);
  });
});

describe('a roster’s membership against a concurrent removal of Moments', () => {
  /** The store, with `meanwhile` run once right after the roster's read of the memberships. */
  function removedAfterRead(meanwhile: () => Promise<unknown>): CosmosMembershipStore {
    const store = Object.create(memberships) as CosmosMembershipStore;
    let pending = true;
    store.getMany = async (...args) => {
      const found = await memberships.getMany(...args);
      if (pending) {
        pending = false;
        await meanwhile();
      }
      return found;
    };
    return store;
  }

  it('keeps a removal from the roster’s team recorded after the roster was read', async () => {
    await memberships.save(membershipOf('kim'));
    const removedAt = new Date(now.getTime() + 60_000);
    const store = removedAfterRead(() =>
      memberships.markAppRemoved(tenantId, { conversationId: oldPlace.conversationId }, removedAt),
    );
    const members = [{ userId: 'kim', memberId: '29:kim' }];
    expect(await rememberMemberships(store, tenantId, members, oldPlace, now)).toBe(1);
    expect(await memberships.getMany(tenantId, ['kim'])).toEqual([
      { ...membershipOf('kim'), seenAt: now.toISOString(), appRemoved: { at: removedAt.toISOString() } },
    ]);
  });

  it('clears a removal the roster came after, and one from another place', async () => {
    await memberships.save({ ...membershipOf('joy'), appRemoved: { at: '2027-03-05T09:00:00.000Z' } });
    const members = [{ userId: 'joy', memberId: '29:joy' }];
    expect(await rememberMemberships(memberships, tenantId, members, oldPlace, now)).toBe(1);
    expect(await memberships.getMany(tenantId, ['joy'])).toEqual([
      { ...membershipOf('joy'), seenAt: now.toISOString() },
    ]);

    const removedAt = new Date(now.getTime() + 60_000);
    const store = removedAfterRead(() =>
      memberships.markAppRemoved(tenantId, { conversationId: oldPlace.conversationId }, removedAt),
    );
    const later = new Date(now.getTime() + 8 * 24 * 3600_000);
    expect(await rememberMemberships(store, tenantId, members, newPlace, later)).toBe(1);
    expect(await memberships.getMany(tenantId, ['joy'])).toEqual([
      {
        ...membershipOf('joy'),
        serviceUrl: newPlace.serviceUrl,
        seenIn: newPlace.conversationId,
        seenAt: later.toISOString(),
      },
    ]);
  });
});
