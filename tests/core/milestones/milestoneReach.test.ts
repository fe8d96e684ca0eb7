import { Reach, type ChatOpener, type Membership, type OpenedChat } from '../../../core/delivery';
import { runMilestoneJob } from '../../../core/milestones';
import { MemoryMembershipStore, RecordingLogger } from '../../support/fakes';
import { setup, T } from '../../support/milestoneJobWorld';

const membership: Membership = {
  tenantId: T,
  userId: 'manager',
  memberId: '29:manager',
  serviceUrl: 'https://smba.example/emea/',
  botId: '28:moments',
  seenIn: '19:team',
  seenAt: '2027-03-01T00:00:00.000Z',
};

/** Opens a chat for whoever it is asked about, as the Bot Connector does for a roster member. */
class OpeningConnector implements ChatOpener {
  readonly opened: string[] = [];
  async open(m: Membership): Promise<OpenedChat> {
    this.opened.push(m.memberId);
    return {
      ok: true,
      chat: {
        tenantId: m.tenantId,
        id: `personal:${m.userId}`,
        kind: 'personal',
        conversationId: `a:opened-${m.userId}`,
        userId: m.userId,
        reference: { serviceUrl: m.serviceUrl, conversation: { id: `a:opened-${m.userId}` } },
      },
    };
  }
}

/** The milestone world, with the manager's stored chat gone: they never opened one with Moments. */
async function managerWithoutChat() {
  const world = await setup();
  const memberships = new MemoryMembershipStore();
  const opener = new OpeningConnector();
  await world.deps.conversations.forgetPersonalChat(T, 'manager');
  const reach = new Reach({
    conversations: world.deps.conversations,
    memberships,
    opener,
    logger: new RecordingLogger(),
  });
  return { ...world, deps: { ...world.deps, reach }, memberships, opener };
}

describe('runMilestoneJob reaching a manager without a chat', () => {
  it('sends the reminder through a chat it opens from the roster membership, and stores the chat', async () => {
    const { deps, notifier, memberships, opener, settings } = await managerWithoutChat();
    await memberships.save(membership);
    const report = await runMilestoneJob(deps, { now: new Date('2027-03-11T09:00:00Z') });
    expect(report.sends.map((s) => `${s.kind} ${s.to} ${s.outcome}`)).toEqual(['reminder manager sent']);
    expect(notifier.sent).toEqual(['remind manager about megan birthday (2027-03-11)']);
    expect(opener.opened).toEqual(['29:manager']);
    expect(await deps.conversations.personalChat(T, 'manager')).toMatchObject({
      conversationId: 'a:opened-manager',
    });
    expect((await settings.lastRun(T, 'milestones'))?.toISOString()).toBe('2027-03-11T09:00:00.000Z');
  });

  it('reports who it cannot reach and why, and sends once they become reachable', async () => {
    const { deps, notifier, memberships, settings } = await managerWithoutChat();
    const first = await runMilestoneJob(deps, { now: new Date('2027-03-11T09:00:00Z') });
    expect(first.sends).toEqual([
      expect.objectContaining({
        kind: 'reminder',
        to: 'manager',
        outcome: 'unreachable',
        unreachable: 'no-chat',
      }),
    ]);
    expect(notifier.sent).toEqual([]);
    expect(await settings.lastRun(T, 'milestones')).toBeUndefined();
    // A team roster shows the manager an hour later: the next run catches the reminder up.
    await memberships.save(membership);
    await runMilestoneJob(deps, { now: new Date('2027-03-11T10:00:00Z') });
    expect(notifier.sent).toEqual(['remind manager about megan birthday (2027-03-11)']);
  });

  it('a dry run opens no chat', async () => {
    const { deps, notifier, memberships, opener } = await managerWithoutChat();
    await memberships.save(membership);
    const report = await runMilestoneJob(deps, { now: new Date('2027-03-11T09:00:00Z'), dryRun: true });
    expect(report.sends.map((s) => s.outcome)).toEqual(['planned']);
    expect(opener.opened).toEqual([]);
    expect(notifier.sent).toEqual([]);
    expect(await deps.conversations.personalChat(T, 'manager')).toBeUndefined();
  });
});
