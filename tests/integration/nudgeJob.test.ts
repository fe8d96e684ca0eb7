// The weekly nudge job on the local Cosmos DB: who chose it (or follows the tenant's default) gets
// one card per ISO week however often the job runs; whoever turned it off gets nothing; the people
// suggested share a team or a group chat with them and were not forgotten.
import { ConversationBook, type ConversationRecord, type SendResult } from '../../core/delivery';
import { runNudgeJob, type Nudge, type NudgeNotifier } from '../../core/nudges';
import type { Person } from '../../core/people';
import { defaultTenantSettings } from '../../core/settings';
import { silentLogger } from '../../core/shared';
import { CosmosDeliveryLedger } from '../../functions/cosmos/deliveryLedger';
import { CosmosErasureRegister } from '../../functions/cosmos/erasureRegister';
import { CosmosMembershipStore } from '../../functions/cosmos/membershipRepository';
import { CosmosNudgeDirectory } from '../../functions/cosmos/nudgeDirectory';
import { CosmosPeopleDirectory } from '../../functions/cosmos/peopleRepository';
import { MemoryConversationStore, MemorySettingsStore, RecordingLogger } from '../support/fakes';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';
import { countCosmosRequests } from '../support/cosmosRequests';

let cosmos: TestCosmos;
beforeAll(async () => {
  cosmos = await startTestCosmos();
});
afterAll(async () => cosmos.close());

// Monday 15 March 2027, 08:00 UTC: the tenant's digest day and hour (Monday, 08:00).
const MONDAY = new Date('2027-03-15T08:00:00Z');
const at = (iso: string) => new Date(iso);

class RecordingNotifier implements NudgeNotifier {
  readonly sent: Array<{ to: string; deliveryId: string; people: string[] }> = [];
  async send(conversation: ConversationRecord, nudge: Nudge, deliveryId: string): Promise<SendResult> {
    this.sent.push({
      to: conversation.userId ?? '',
      deliveryId,
      people: nudge.suggestions.map((s) => s.personId),
    });
    return { ok: true };
  }
}

const person = (tenantId: string, id: string, fields: Partial<Person> = {}): Person => ({
  tenantId,
  id,
  displayName: `${id} Tester`,
  timeZone: 'UTC',
  celebrate: {},
  teamIds: ['team-1'],
  lastRecognisedOn: '2027-01-04',
  ...fields,
});

/** A tenant's people in Cosmos, a personal chat with each, and the job over them. */
async function world(tenantId: string, people: Person[], options: { weeklyNudge: boolean }) {
  const settings = new MemorySettingsStore();
  await settings.saveTenant({ ...defaultTenantSettings(tenantId, 'UTC'), weeklyNudge: options.weeklyNudge });
  const directory = new CosmosPeopleDirectory(cosmos.database.container('people'), silentLogger);
  for (const p of people) await directory.save(p);
  const chats = new MemoryConversationStore();
  for (const p of people) {
    await chats.save({
      tenantId,
      id: `personal:${p.id}`,
      kind: 'personal',
      conversationId: `a:${p.id}`,
      userId: p.id,
      reference: {},
      updatedAt: '2027-01-01T00:00:00.000Z',
    });
  }
  const memberships = new CosmosMembershipStore(cosmos.database.container('conversations'), silentLogger);
  const erasures = new CosmosErasureRegister(cosmos.database.container('settings'));
  const notifier = new RecordingNotifier();
  const logger = new RecordingLogger();
  const deps = {
    settings,
    runs: settings,
    directory: new CosmosNudgeDirectory(
      cosmos.database.container('people'),
      cosmos.database.container('conversations'),
      silentLogger,
    ),
    people: directory,
    erasures,
    conversations: new ConversationBook(chats, logger),
    deliveries: new CosmosDeliveryLedger(cosmos.database.container('deliveries'), silentLogger),
    notifier,
    logger,
    defaultTimeZone: 'UTC',
  };
  const inGroupChat = (userId: string, chat: string) =>
    memberships.save({
      tenantId,
      userId,
      memberId: `29:${userId}`,
      serviceUrl: 'https://smba.example/',
      botId: '28:moments',
      seenIn: chat,
      seenAt: '2027-03-01T00:00:00.000Z',
    });
  const run = async (now: Date) => {
    const before = notifier.sent.length;
    const report = await runNudgeJob(deps, { now, tenantIds: [tenantId] });
    expect(report.failedTenants).toEqual([]);
    return notifier.sent.slice(before);
  };
  return { run, inGroupChat, erasures, settings };
}

describe('the weekly nudge job', () => {
  it('sends an opted-in person one nudge a week, whatever the runs, and the opted-out nothing', async () => {
    const T = 'tenant-nudge-once';
    const { run } = await world(
      T,
      [
        person(T, 'sam', { weeklyNudge: { enabled: true } }),
        person(T, 'olly', { weeklyNudge: { enabled: false } }),
        person(T, 'una'),
        person(T, 'tess'),
      ],
      { weeklyNudge: false },
    );
    const first = await run(MONDAY);
    expect(first).toEqual([
      { to: 'sam', deliveryId: 'weekly-nudge:2027-W11:sam', people: ['olly', 'tess', 'una'] },
    ]);
    // The same hour again, the next hour, and a run dated earlier that covers the hour once more.
    expect(await run(MONDAY)).toEqual([]);
    expect(await run(at('2027-03-15T09:00:00Z'))).toEqual([]);
    expect(await run(at('2027-03-15T08:30:00Z'))).toEqual([]);
    // The next week, again once.
    expect((await run(at('2027-03-22T08:00:00Z'))).map((s) => s.deliveryId)).toEqual([
      'weekly-nudge:2027-W12:sam',
    ]);
  });

  it('with the tenant default on, reaches everyone following it in their own zone, never who turned it off', async () => {
    const T = 'tenant-nudge-default';
    const { run } = await world(
      T,
      [
        person(T, 'ana', { timeZone: 'America/New_York' }),
        person(T, 'ben', { timeZone: 'UTC' }),
        person(T, 'olly', { weeklyNudge: { enabled: false } }),
      ],
      { weeklyNudge: true },
    );
    expect((await run(MONDAY)).map((s) => s.to)).toEqual(['ben']);
    // 08:00 on Monday in New York (daylight time since the 14th) is 12:00 UTC.
    expect((await run(at('2027-03-15T12:00:00Z'))).map((s) => s.to)).toEqual(['ana']);
    expect(await run(at('2027-03-15T13:00:00Z'))).toEqual([]);
  });

  it('suggests people from a shared group chat and milestones first, never the forgotten or who shares nothing', async () => {
    const T = 'tenant-nudge-people';
    const { run, inGroupChat, erasures } = await world(
      T,
      [
        person(T, 'sam', { teamIds: [], weeklyNudge: { enabled: true, day: 3, hour: 10 } }),
        person(T, 'chad', { teamIds: [], lastRecognisedOn: undefined }),
        person(T, 'cleo', { teamIds: [], birthday: '03-19', celebrate: { birthday: 'public' } }),
        person(T, 'fay', { teamIds: [] }),
        person(T, 'stan', { teamIds: ['team-9'], lastRecognisedOn: undefined }),
      ],
      { weeklyNudge: false },
    );
    for (const id of ['sam', 'chad', 'cleo', 'fay']) await inGroupChat(id, '19:lunch@thread.v2');
    await inGroupChat('stan', '19:other@thread.v2');
    await erasures.record(T, 'fay', MONDAY);
    // Wednesday 17 March, 10:00 UTC: Sam's own day and hour.
    expect(await run(at('2027-03-17T10:00:00Z'))).toEqual([
      { to: 'sam', deliveryId: 'weekly-nudge:2027-W11:sam', people: ['cleo', 'chad'] },
    ]);
  });

  it('reads the people who chose the nudge, not the directory, in an hour nobody is due', async () => {
    const T = 'tenant-nudge-reads';
    const others = Array.from({ length: 30 }, (_, i) => person(T, `p${String(i).padStart(2, '0')}`));
    const chosen = person(T, 'sam', { weeklyNudge: { enabled: true, day: 3, hour: 10 } });
    const off = await world(T, [chosen, ...others], { weeklyNudge: false });
    const counter = countCosmosRequests(cosmos.server.port);
    try {
      expect(await off.run(MONDAY)).toEqual([]);
      expect(counter.documentsByContainer.get('people')).toBe(1);
      // With the tenant's default on, an hour when none of its zones is at the digest hour reads
      // the zone markers and, again, only who chose it.
      // (The first hour builds the tenant's zone markers once from its directory, as for milestones.)
      await off.settings.saveTenant({ ...defaultTenantSettings(T, 'UTC'), weeklyNudge: true });
      await off.run(at('2027-03-16T07:00:00Z'));
      counter.reset();
      expect(await off.run(at('2027-03-16T08:00:00Z'))).toEqual([]);
      expect(counter.documentsByContainer.get('people')).toBe(1);
    } finally {
      counter.stop();
    }
  });

  it('sends nothing to someone with nobody to suggest', async () => {
    const T = 'tenant-nudge-alone';
    const { run } = await world(T, [person(T, 'sam', { teamIds: [], weeklyNudge: { enabled: true } })], {
      weeklyNudge: false,
    });
    expect(await run(MONDAY)).toEqual([]);
  });
});
