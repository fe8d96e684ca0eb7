// Reaching a manager who never opened a chat with Moments but is in a team's roster: the runtime
// as the Functions host builds it (Cosmos repositories on the local server, the bot's adapter,
// chat opener and messenger) against the fake Bot Connector over real HTTP. Assertions are on
// what the connector opened and accepted, and on what is stored.
import { loadConfig, localToolingEnv } from '../../functions/config';
import { createRuntime, type Runtime } from '../../functions/composition';
import { defaultTenantSettings } from '../../core/settings';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { RecordingLogger } from '../support/fakes';
import { DUE_BIRTHDAY, personOf, REMINDER_HOUR } from '../support/milestoneFixtures';

const T = 'tenant-reach';
let cosmos: TestCosmos;
let runtime: Runtime;
let connector: FakeConnector;

beforeAll(async () => {
  cosmos = await startTestCosmos();
  connector = await startFakeConnector();
  runtime = await createRuntime(loadConfig(localToolingEnv({})), {
    cosmos: { kind: 'local', endpoint: cosmos.server.endpoint, database: cosmos.database.id },
    logger: new RecordingLogger(),
  });
  await runtime.stores.settings.saveTenant(defaultTenantSettings(T, 'UTC'));
  await runtime.stores.people.save(personOf(T, 'manager', { displayName: 'Morgan Manager' }));
  await runtime.stores.people.save(
    personOf(T, 'report', {
      displayName: 'Riley Report',
      managerId: 'manager',
      birthday: DUE_BIRTHDAY,
      celebrate: { birthday: 'manager', anniversary: 'manager' },
    }),
  );
});
afterAll(async () => {
  await connector?.close();
  await runtime?.close();
  await cosmos?.close();
});

describe('a reminder for a manager without a personal chat', () => {
  it('is unreachable while no roster has shown them, and the run is left open to retry', async () => {
    const report = await runtime.jobs.milestones({ now: REMINDER_HOUR, tenantIds: [T] });
    expect(report.sends).toEqual([
      expect.objectContaining({ to: 'Morgan Manager', outcome: 'unreachable', unreachable: 'no-chat' }),
    ]);
    expect(connector.received()).toEqual([]);
    expect(await runtime.stores.settings.lastRun(T, 'milestones')).toBeUndefined();
  });

  it('arrives through a chat Moments opens from the team roster, whose reference is stored', async () => {
    // What reading the team's roster records (bot/kudos/roster.ts): the manager's Teams member id.
    await runtime.stores.memberships.save({
      tenantId: T,
      userId: 'manager',
      memberId: '29:manager-member',
      serviceUrl: connector.url,
      botId: '28:moments-bot',
      seenIn: '19:team-general@thread.tacv2',
      seenAt: REMINDER_HOUR.toISOString(),
    });
    const later = new Date(REMINDER_HOUR.getTime() + 60 * 60 * 1000);
    const report = await runtime.jobs.milestones({ now: later, tenantIds: [T] });
    expect(report.sends.map((s) => `${s.to} ${s.outcome}`)).toEqual(['Morgan Manager sent']);

    const [opened, ...more] = connector.created();
    expect(more).toEqual([]);
    expect(opened).toMatchObject({ tenantId: T, memberId: '29:manager-member', botId: '28:moments-bot' });
    const received = connector.received();
    expect(received).toHaveLength(1);
    expect(received[0]?.conversationId).toBe(opened?.id);
    expect(JSON.stringify(received[0]?.attachments)).toContain('Riley Report');

    const stored = await runtime.stores.conversations.get(T, 'personal:manager');
    expect(stored).toMatchObject({ kind: 'personal', userId: 'manager', conversationId: opened?.id });
    expect(stored?.reference).toMatchObject({ serviceUrl: connector.url, conversation: { id: opened?.id } });
    expect((await runtime.stores.settings.lastRun(T, 'milestones'))?.toISOString()).toBe(later.toISOString());
  });

  it('the next message uses the stored chat: nothing is opened again', async () => {
    const sent = await runtime.messenger.send(
      (await runtime.stores.conversations.get(T, 'personal:manager'))!,
      {
        text: 'hello again',
      },
    );
    expect(sent.ok).toBe(true);
    expect(connector.created()).toHaveLength(1);
    expect(connector.received().map((r) => r.text)).toContain('hello again');
  });
});
