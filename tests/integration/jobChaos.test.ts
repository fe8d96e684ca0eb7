// Chaos for the hourly jobs, through their real composition: the milestone and digest timer
// handlers (functions/milestoneReminders.ts, functions/weeklyDigest.ts) over the runtime the
// Functions host builds (Cosmos repositories on the local server, the bot's messenger and rate
// limiter), sending over real HTTP to fake Bot Connectors. Three tenants: one whose settings
// document cannot be read (poisoned), one whose connector throttles (429 with Retry-After for a
// while), one normal, whose first milestone run is killed (SIGKILL) half way and run again.
// Assertions are on what the connectors accepted per conversation, on the ledger and on the logs.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { InvocationContext, type Timer } from '@azure/functions';
import { loadConfig, localToolingEnv } from '../../functions/config';
import { createRuntime, type Runtime } from '../../functions/composition';
import { milestoneRemindersHandler } from '../../functions/milestoneReminders';
import { weeklyDigestHandler } from '../../functions/weeklyDigest';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { RecordingLogger } from '../support/fakes';
import {
  REMINDER_HOUR,
  receivedPerConversation,
  seedReminderOrg,
  startAcceptDelayProxy,
  type AcceptDelayProxy,
  type DueReminder,
} from '../support/milestoneFixtures';

const NORMAL = 'chaos-normal';
const THROTTLED = 'chaos-throttled';
const POISONED = 'chaos-poisoned';
const MINUTE = 60_000;
/** The Monday after {@link REMINDER_HOUR}, five past the default digest hour (08:00, UTC people). */
const DIGEST_HOUR = new Date('2027-03-15T08:05:00Z');

let cosmos: TestCosmos;
/** The runtime that seeds the tenants. */
let seeding: Runtime;
/** The runtime the jobs run on, built after the poisoning, as a freshly started host would be. */
let runtime: Runtime;
let logger: RecordingLogger;
let normal: FakeConnector;
let throttling: FakeConnector;
/** The poisoned tenant's own connector: it must receive nothing. */
let poisoned: FakeConnector;
let proxy: AcceptDelayProxy;
const due = new Map<string, DueReminder[]>();
/** How far this process's clock runs ahead of the real one: the ledger's leases follow it. */
let clockAhead = 0;

beforeAll(async () => {
  cosmos = await startTestCosmos();
  logger = new RecordingLogger();
  const target = { kind: 'local', endpoint: cosmos.server.endpoint, database: cosmos.database.id } as const;
  seeding = await createRuntime(loadConfig(localToolingEnv({})), {
    cosmos: target,
    logger: new RecordingLogger(),
  });
  normal = await startFakeConnector();
  throttling = await startFakeConnector();
  poisoned = await startFakeConnector();
  // The normal tenant's sends are answered 50 ms late, so that its killed run dies mid-send.
  proxy = await startAcceptDelayProxy({ target: normal.url, delayMs: 50, onAccepted: () => undefined });
  due.set(NORMAL, await seedReminderOrg(seeding, { tenantId: NORMAL, managers: 30, serviceUrl: proxy.url }));
  due.set(
    THROTTLED,
    await seedReminderOrg(seeding, { tenantId: THROTTLED, managers: 8, serviceUrl: throttling.url }),
  );
  due.set(
    POISONED,
    await seedReminderOrg(seeding, { tenantId: POISONED, managers: 4, serviceUrl: poisoned.url }),
  );
  // Poison: the tenant's settings document is stored but no longer reads as settings.
  const settings = seeding.cosmos.database.container('settings');
  const { resource } = await settings.item('tenant', POISONED).read<Record<string, unknown>>();
  await settings.items.upsert({ ...resource, sendHour: 'nine o’clock' });
  runtime = await createRuntime(loadConfig(localToolingEnv({})), {
    cosmos: target,
    logger,
    clock: () => new Date(Date.now() + clockAhead),
  });
}, 60_000);
afterAll(async () => {
  await proxy?.close();
  await normal?.close();
  await throttling?.close();
  await poisoned?.close();
  await runtime?.close();
  await seeding?.close();
  await cosmos?.close();
});

const timer: Timer = {
  isPastDue: false,
  schedule: { adjustForDST: false },
  scheduleStatus: { last: '', next: '', lastUpdated: '' },
};
const invoke = async (
  handler: typeof milestoneRemindersHandler | typeof weeklyDigestHandler,
  at: Date,
  invocationId: string,
) => {
  const run = handler({ logger: runtime.logger, jobs: runtime.jobs, now: () => at });
  await run(timer, new InvocationContext({ invocationId, functionName: 'chaos' }));
};

/** Activities each of a tenant's managers received (each tenant has its own connector). */
const receivedBy = (tenantId: string) => {
  const connector = { [NORMAL]: normal, [THROTTLED]: throttling, [POISONED]: poisoned }[tenantId]!;
  const counts = receivedPerConversation(connector.received());
  return due.get(tenantId)!.map((d) => counts.get(d.conversationId) ?? 0);
};

/** The error lines the job logged for the poisoned tenant under an invocation. */
const failureLines = (invocationId: string) =>
  logger.lines.filter(
    (l) => l.level === 'error' && l.fields.tenantId === POISONED && l.fields.invocationId === invocationId,
  );

async function killedRun(): Promise<{ deliveredBeforeKill: number }> {
  const half = due.get(NORMAL)!.length / 2;
  const child = spawn('npx', ['tsx', 'tests/support/runMilestoneJob.ts'], {
    cwd: path.resolve(__dirname, '../..'),
    detached: true,
    stdio: 'ignore',
    env: {
      ...process.env,
      MILESTONE_COSMOS_ENDPOINT: cosmos.server.endpoint,
      MILESTONE_COSMOS_DATABASE: cosmos.database.id,
      MILESTONE_CONNECTOR_URL: proxy.url,
      MILESTONE_TENANT_ID: NORMAL,
      MILESTONE_NOW: REMINDER_HOUR.toISOString(),
    },
  });
  const exited = new Promise<unknown>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code)),
  );
  let killed = false;
  const kill = () => {
    if (killed || child.pid === undefined) return;
    killed = true;
    proxy.cutOff();
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  const watch = setInterval(() => {
    if (proxy.accepted >= half) kill();
  }, 5);
  const guard = setTimeout(kill, 45_000);
  expect(await exited).toBe('SIGKILL');
  clearInterval(watch);
  clearTimeout(guard);
  const deadline = Date.now() + 5_000;
  while (proxy.inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  proxy.resume();
  return { deliveredBeforeKill: normal.received().length };
}

describe('the hourly jobs under chaos: a poisoned tenant, a throttling connector, a killed run', () => {
  test('milestones: every other tenant served, each reminder once, nothing lost after the reruns; the poisoned tenant logged and counted', async () => {
    const { deliveredBeforeKill } = await killedRun();
    expect(deliveredBeforeKill).toBeGreaterThan(0);
    expect(deliveredBeforeKill).toBeLessThan(due.get(NORMAL)!.length);

    // The throttling tenant's connector answers 429 (Retry-After 1 s) to its next six requests.
    throttling.plan({ fault: { status: 429, retryAfter: 1 }, times: 6 });
    // The next hourly run, past the killed run's 10-minute leases (they follow the process clock,
    // which runs ahead from here on), for every tenant.
    clockAhead = 11 * MINUTE;
    await invoke(
      milestoneRemindersHandler,
      new Date(REMINDER_HOUR.getTime() + 11 * MINUTE),
      'inv-milestones-1',
    );
    // And the one after, which must find nothing left to send.
    await invoke(
      milestoneRemindersHandler,
      new Date(REMINDER_HOUR.getTime() + 71 * MINUTE),
      'inv-milestones-2',
    );

    expect(throttling.stats().faults).toBe(6);
    expect(receivedBy(THROTTLED)).toEqual(due.get(THROTTLED)!.map(() => 1));
    // The killed run can leave at most the one send that was delivered but not yet marked: it is
    // the only window for a duplicate (DESIGN.md, delivery guarantees). Nothing else repeats.
    const normalCounts = receivedBy(NORMAL);
    expect(normalCounts.every((n) => n >= 1)).toBe(true);
    expect(normalCounts.filter((n) => n > 1).length).toBeLessThanOrEqual(1);
    expect(Math.max(...normalCounts)).toBeLessThanOrEqual(2);
    expect(receivedBy(POISONED)).toEqual(due.get(POISONED)!.map(() => 0));
    for (const tenantId of [NORMAL, THROTTLED]) {
      for (const d of due.get(tenantId)!) {
        expect([d.deliveryId, (await runtime.stores.deliveries.get(tenantId, d.deliveryId))?.status]).toEqual(
          [d.deliveryId, 'sent'],
        );
      }
    }

    // Logged with tenant, job and the invocation's correlation id, and counted in the run's line.
    for (const invocationId of ['inv-milestones-1', 'inv-milestones-2']) {
      // The tenant's failure, with its error, and the run's summary of it: both under the invocation.
      expect(failureLines(invocationId)).toEqual([
        expect.objectContaining({
          message: "a tenant's run failed; the other tenants still run",
          fields: expect.objectContaining({
            job: 'milestones',
            tenantId: POISONED,
            error: expect.any(Error),
          }),
        }),
        expect.objectContaining({
          message: 'milestone job failed for a tenant',
          fields: expect.objectContaining({
            job: 'milestones',
            tenantId: POISONED,
            reason: expect.stringContaining('cannot be read'),
          }),
        }),
      ]);
      const ran = logger.lines.find(
        (l) => l.message === 'milestone job ran' && l.fields.invocationId === invocationId,
      );
      expect(ran?.fields).toMatchObject({ tenants: 3, failedTenants: 1 });
    }
  }, 120_000);

  test('digest: the same tenants, each manager’s digest once, nothing lost; the poisoned tenant logged and counted', async () => {
    const before = new Map([NORMAL, THROTTLED, POISONED].map((t) => [t, receivedBy(t)]));
    throttling.plan({ fault: { status: 429, retryAfter: 1 }, times: 4 });
    await invoke(weeklyDigestHandler, DIGEST_HOUR, 'inv-digest-1');
    await invoke(weeklyDigestHandler, new Date(DIGEST_HOUR.getTime() + 60 * MINUTE), 'inv-digest-2');

    for (const tenantId of [NORMAL, THROTTLED]) {
      const after = receivedBy(tenantId);
      expect(after.map((n, i) => n - before.get(tenantId)![i]!)).toEqual(due.get(tenantId)!.map(() => 1));
    }
    expect(receivedBy(POISONED)).toEqual(before.get(POISONED));
    for (const invocationId of ['inv-digest-1', 'inv-digest-2']) {
      // The tenant's failure, with its error, and the run's summary of it: both under the invocation.
      expect(failureLines(invocationId)).toEqual([
        expect.objectContaining({
          message: "a tenant's run failed; the other tenants still run",
          fields: expect.objectContaining({ job: 'digest', tenantId: POISONED, error: expect.any(Error) }),
        }),
        expect.objectContaining({
          message: 'digest job failed for a tenant',
          fields: expect.objectContaining({
            job: 'digest',
            tenantId: POISONED,
            reason: expect.stringContaining('cannot be read'),
          }),
        }),
      ]);
      const ran = logger.lines.find(
        (l) => l.message === 'digest job ran' && l.fields.invocationId === invocationId,
      );
      expect(ran?.fields).toMatchObject({ tenants: 3, failedTenants: 1 });
    }
  }, 120_000);
});
