// Moments removed from a manager's personal chat and from the team a second manager was known
// through: the runtime as the Functions host builds it (Cosmos repositories on the local server,
// the bot's messenger and chat opener) against the fake Bot Connector over real HTTP. The reach
// census names both with the reason, the milestone job sends them nothing and records why, and
// installing Moments again restores both. Assertions are on what the connector received and on
// what is stored and reported.
import { loadConfig, localToolingEnv } from '../../functions/config';
import { createRuntime, type Runtime } from '../../functions/composition';
import { recordAppRemoved, rememberMemberships, takeReachCensus } from '../../core/delivery';
import { defaultTenantSettings } from '../../core/settings';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { RecordingLogger } from '../support/fakes';
import { DUE_BIRTHDAY, personOf, personalChatRecord, REMINDER_HOUR } from '../support/milestoneFixtures';

const T = 'tenant-removed';
const TEAM = '19:team-general@thread.tacv2';
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
  for (const [manager, report] of [
    ['ana', 'ana-report'],
    ['ben', 'ben-report'],
  ] as const) {
    await runtime.stores.people.save(personOf(T, manager, { displayName: `Manager ${manager}` }));
    await runtime.stores.people.save(
      personOf(T, report, {
        displayName: `Report of ${manager}`,
        managerId: manager,
        birthday: DUE_BIRTHDAY,
        celebrate: { birthday: 'manager', anniversary: 'manager' },
      }),
    );
  }
  // Ana has a personal chat; Ben is known through the team's roster.
  await runtime.conversations.remember(personalChatRecord(T, 'ana', connector.url), REMINDER_HOUR);
  await rememberMemberships(
    runtime.stores.memberships,
    T,
    [{ userId: 'ben', memberId: '29:ben-member' }],
    { serviceUrl: connector.url, botId: '28:moments-bot', conversationId: TEAM, teamId: TEAM },
    REMINDER_HOUR,
  );
});
afterAll(async () => {
  await connector?.close();
  await runtime?.close();
  await cosmos?.close();
});

describe('Moments removed from a personal chat and from a team', () => {
  it('the census names both as having removed Moments; the job sends them nothing and says why', async () => {
    const removedAt = new Date(REMINDER_HOUR.getTime() - 60_000);
    const deps = {
      conversations: runtime.conversations,
      memberships: runtime.stores.memberships,
      logger: runtime.logger,
    };
    await recordAppRemoved(
      deps,
      { tenantId: T, kind: 'personal', recordId: 'personal:ana', conversationId: 'a:ana' },
      removedAt,
    );
    await recordAppRemoved(
      deps,
      { tenantId: T, kind: 'channel', recordId: `channel:${TEAM}`, conversationId: TEAM, teamId: TEAM },
      removedAt,
    );
    expect((await runtime.stores.conversations.get(T, 'personal:ana'))?.appRemovedAt).toBe(
      removedAt.toISOString(),
    );
    expect((await runtime.stores.memberships.getMany(T, ['ben']))[0]?.appRemoved).toEqual({
      at: removedAt.toISOString(),
    });

    const census = await takeReachCensus(runtime.reachRoll, T);
    expect(
      census.unreachable
        .filter((u) => u.reason === 'removed-moments')
        .map((u) => u.id)
        .sort(),
    ).toEqual(['ana', 'ben']);
    expect(census.withChat).toBe(0);

    const report = await runtime.jobs.milestones({ now: REMINDER_HOUR, tenantIds: [T] });
    expect(report.sends.map((s) => `${s.to} ${s.outcome} ${s.unreachable ?? ''}`.trim()).sort()).toEqual([
      'Manager ana unreachable removed-moments',
      'Manager ben unreachable removed-moments',
    ]);
    expect(connector.received()).toEqual([]);
    expect(connector.created()).toEqual([]);
  });

  it('installed again, both are reached on the next run, once each', async () => {
    // Ana adds Moments back (the installation event stores her chat); the team adds it back and its
    // roster is read again.
    const installedAt = new Date(REMINDER_HOUR.getTime() + 30 * 60_000);
    await runtime.conversations.remember(personalChatRecord(T, 'ana', connector.url), installedAt);
    await rememberMemberships(
      runtime.stores.memberships,
      T,
      [{ userId: 'ben', memberId: '29:ben-member' }],
      { serviceUrl: connector.url, botId: '28:moments-bot', conversationId: TEAM, teamId: TEAM },
      installedAt,
    );
    const census = await takeReachCensus(runtime.reachRoll, T);
    expect(census.unreachable.filter((u) => u.reason === 'removed-moments')).toEqual([]);

    const later = new Date(REMINDER_HOUR.getTime() + 60 * 60_000);
    const report = await runtime.jobs.milestones({ now: later, tenantIds: [T] });
    expect(report.sends.map((s) => `${s.to} ${s.outcome}`).sort()).toEqual([
      'Manager ana sent',
      'Manager ben sent',
    ]);
    expect(connector.received()).toHaveLength(2);
    expect(connector.created()).toHaveLength(1);
  });
});
