// The milestone job under faults, end to end below the Teams edge: the runtime as the Functions
// host builds it (real Cosmos repositories on the local server, the bot's TeamsMessenger and
// rate limiter), sending over real HTTP to the fake Bot Connector, which enforces Teams' rate
// limits and injects the faults. Every assertion on delivery is on what the connector accepted,
// per conversation, and on the delivery ledger.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Delivery } from '../../core/delivery';
import { MILESTONE_JOB, type MilestoneJobReport } from '../../core/milestones';
import { loadConfig, localToolingEnv } from '../../functions/config';
import { createRuntime, type Runtime } from '../../functions/composition';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';
import { startFakeConnector, type FakeConnector, type FakeRequest } from '../support/fakeConnector';
import { RecordingLogger } from '../support/fakes';
import {
  REMINDER_HOUR,
  receivedPerConversation,
  seedReminderOrg,
  startAcceptDelayProxy,
  tally,
  type AcceptDelayProxy,
  type DueReminder,
} from '../support/milestoneFixtures';

const MANAGERS = 40;
const MINUTE = 60_000;

let cosmos: TestCosmos;
let runtime: Runtime;
let logger: RecordingLogger;
const connectors: FakeConnector[] = [];
/** How far this process's clock runs ahead of the real one: the ledger's leases follow it. */
let clockAhead = 0;

beforeAll(async () => {
  cosmos = await startTestCosmos();
  logger = new RecordingLogger();
  runtime = await createRuntime(loadConfig(localToolingEnv({})), {
    cosmos: { kind: 'local', endpoint: cosmos.server.endpoint, database: cosmos.database.id },
    logger,
    clock: () => new Date(Date.now() + clockAhead),
  });
});
afterAll(async () => {
  await Promise.all(connectors.map((c) => c.close()));
  await runtime?.close();
  await cosmos?.close();
});

/** A fake connector enforcing Teams' limits, with a spy that sees every request (it never matches). */
async function connector(): Promise<{ fake: FakeConnector; requests: FakeRequest[] }> {
  const fake = await startFakeConnector();
  connectors.push(fake);
  const requests: FakeRequest[] = [];
  fake.plan({
    fault: { status: 500 },
    times: Infinity,
    when: (request) => {
      requests.push(request);
      return false;
    },
  });
  return { fake, requests };
}

const requestsTo = (requests: readonly FakeRequest[], conversationId: string) =>
  requests.filter((r) => r.conversationId === conversationId).length;

const outcomes = (report: MilestoneJobReport) =>
  Object.fromEntries(report.sends.map((s) => [s.deliveryId, s.outcome]));

const count = (report: MilestoneJobReport, outcome: string) =>
  report.sends.filter((s) => s.outcome === outcome).length;

async function ledgerOf(tenantId: string, due: readonly DueReminder[]): Promise<Map<string, Delivery>> {
  const entries = await Promise.all(
    due.map(
      async (d) => [d.deliveryId, await runtime.stores.deliveries.get(tenantId, d.deliveryId)] as const,
    ),
  );
  return new Map(entries.flatMap(([id, delivery]) => (delivery ? [[id, delivery] as const] : [])));
}

/** Every manager got exactly one reminder, and it is about their own report. */
function expectEachOnce(fake: FakeConnector, due: readonly DueReminder[], except: string[] = []): void {
  const counts = receivedPerConversation(fake.received());
  for (const d of due) {
    expect([d.conversationId, counts.get(d.conversationId) ?? 0]).toEqual([
      d.conversationId,
      except.includes(d.conversationId) ? 0 : 1,
    ]);
  }
  expect([...counts.keys()].every((id) => due.some((d) => d.conversationId === id))).toBe(true);
  for (const activity of fake.received()) {
    const d = due.find((x) => x.conversationId === activity.conversationId)!;
    expect(JSON.stringify(activity.attachments)).toContain(d.reportName);
  }
}

describe('milestone job under connector faults, through the real messenger', () => {
  test('429s with Retry-After, 502s, 503s and a dropped connection: every reminder arrives exactly once', async () => {
    const tenantId = 'tenant-faults-transient';
    const { fake, requests } = await connector();
    const due = await seedReminderOrg(runtime, { tenantId, managers: MANAGERS, serviceUrl: fake.url });
    const to = (i: number) => (r: FakeRequest) => r.conversationId === due[i]!.conversationId;
    const faulted = new Map<string, number>();
    const fault = (i: number, ...faults: Parameters<FakeConnector['plan']>) => {
      fake.plan(...faults.map((f) => ({ fault: 'fault' in f ? f.fault : f, when: to(i) })));
      faulted.set(due[i]!.conversationId, faults.length);
    };
    for (const i of [0, 5, 10, 15, 20, 25]) fault(i, { status: 429, retryAfter: 1 });
    for (const i of [2, 9, 17, 28, 33, 39]) fault(i, { status: 502 });
    fault(12, { status: 429, retryAfter: '1' }, { status: 502 }, { status: 503 });
    fault(30, { drop: true });

    const report = await runtime.jobs.milestones({ now: REMINDER_HOUR, tenantIds: [tenantId] });

    // A tenant whose run threw shows here with its error, rather than as a run that sent nothing.
    expect(report.failedTenants).toEqual([]);
    expect(report.sends).toHaveLength(MANAGERS);
    expect(count(report, 'sent')).toBe(MANAGERS);
    expectEachOnce(fake, due);
    expect(tally(due, fake.received())).toMatchObject({ duplicates: 0, lost: 0 });
    const injected = [...faulted.values()].reduce((a, b) => a + b, 0);
    // The faults were all answered, and the messenger kept to Teams' limits while retrying.
    expect(fake.stats()).toMatchObject({ faults: injected, throttled: 0, accepted: MANAGERS });
    for (const [conversationId, faults] of faulted) {
      expect([conversationId, requestsTo(requests, conversationId)]).toEqual([conversationId, faults + 1]);
    }
    const ledger = await ledgerOf(tenantId, due);
    expect([...ledger.values()].map((d) => d.status)).toEqual(due.map(() => 'sent'));
    expect(await runtime.stores.settings.lastRun(tenantId, MILESTONE_JOB)).toEqual(REMINDER_HOUR);

    // The same hour again (an overlapping timer run): the ledger sends nothing twice.
    const again = await runtime.jobs.milestones({
      now: new Date(REMINDER_HOUR.getTime() + MINUTE),
      tenantIds: [tenantId],
    });
    expect(count(again, 'sent')).toBe(0);
    expect(fake.stats().accepted).toBe(MANAGERS);
  }, 40_000);

  test('a request that hangs before the connector accepts it times out (15 s), is retried and arrives once', async () => {
    const tenantId = 'tenant-faults-hang';
    const { fake, requests } = await connector();
    const due = await seedReminderOrg(runtime, { tenantId, managers: MANAGERS, serviceUrl: fake.url });
    const hung = due[7]!;
    // The fake answers a planned fault before its rate-limit check and before recording anything,
    // so the hung attempt was never accepted: a retry that arrives cannot be a duplicate of it.
    fake.plan({ fault: { hang: true }, when: (r) => r.conversationId === hung.conversationId });
    const started = Date.now();

    const report = await runtime.jobs.milestones({ now: REMINDER_HOUR, tenantIds: [tenantId] });

    expect(count(report, 'sent')).toBe(MANAGERS);
    expectEachOnce(fake, due);
    expect(requestsTo(requests, hung.conversationId)).toBe(2);
    const arrival = fake.received().find((r) => r.conversationId === hung.conversationId)!;
    expect(arrival.at - started).toBeGreaterThanOrEqual(15_000);
    expect(
      logger.lines.some(
        (l) =>
          l.message === 'proactive send will be retried' &&
          l.fields.tenantId === tenantId &&
          l.fields.conversationId === hung.conversationId &&
          /timeout/.test(String(l.fields.reason)),
      ),
    ).toBe(true);
    expect(fake.stats()).toMatchObject({ faults: 1, throttled: 0, accepted: MANAGERS });
    expect((await runtime.stores.deliveries.get(tenantId, hung.deliveryId))?.status).toBe('sent');
  }, 40_000);

  test('403 for one manager: failed for good with the status in the reason, not retried next run; everyone else served', async () => {
    const tenantId = 'tenant-faults-forbidden';
    const { fake, requests } = await connector();
    const due = await seedReminderOrg(runtime, { tenantId, managers: MANAGERS, serviceUrl: fake.url });
    const blocked = due[13]!;
    fake.plan({
      fault: { status: 403, message: 'The bot is not part of the conversation roster.' },
      when: (r) => r.conversationId === blocked.conversationId,
      times: Infinity,
    });

    const first = await runtime.jobs.milestones({ now: REMINDER_HOUR, tenantIds: [tenantId] });

    expect(outcomes(first)[blocked.deliveryId]).toBe('gave-up');
    expect(count(first, 'sent')).toBe(MANAGERS - 1);
    expectEachOnce(fake, due, [blocked.conversationId]);
    expect(requestsTo(requests, blocked.conversationId)).toBe(1); // a permanent failure: one attempt
    const failed = await runtime.stores.deliveries.get(tenantId, blocked.deliveryId);
    expect(failed).toMatchObject({ status: 'failed', failure: { permanent: true } });
    expect(failed?.failure?.reason).toMatch(/^403: BotNotInConversationRoster/);

    // A permanent failure leaves nothing to retry: the run is recorded, and the next hourly run
    // neither plans nor sends it again.
    expect(await runtime.stores.settings.lastRun(tenantId, MILESTONE_JOB)).toEqual(REMINDER_HOUR);
    const requestsBefore = fake.stats().requests;
    const nextHour = new Date(REMINDER_HOUR.getTime() + 60 * MINUTE);
    const second = await runtime.jobs.milestones({ now: nextHour, tenantIds: [tenantId] });

    expect(outcomes(second)[blocked.deliveryId]).toBeUndefined();
    expect(count(second, 'sent')).toBe(0);
    expect(fake.stats().requests).toBe(requestsBefore);
    expect(requestsTo(requests, blocked.conversationId)).toBe(1);
    expect(await runtime.stores.deliveries.get(tenantId, blocked.deliveryId)).toEqual(failed);
    expect(await runtime.stores.settings.lastRun(tenantId, MILESTONE_JOB)).toEqual(nextHour);
    expectEachOnce(fake, due, [blocked.conversationId]);
  }, 40_000);

  test('killed mid-run (SIGKILL) and run again after the lease: no reminder lost, at most the one send delivered but not marked repeated', async () => {
    const tenantId = 'tenant-faults-kill';
    const reminders = 60;
    const { fake } = await connector();
    let child: ChildProcess | undefined;
    let killedAt: number | undefined;
    // Each accepted send is answered 50 ms late: the kill lands while some are delivered, unmarked.
    const proxy: AcceptDelayProxy = await startAcceptDelayProxy({
      target: fake.url,
      delayMs: 50,
      onAccepted: (accepted) => {
        if (accepted >= reminders / 2) kill();
      },
    });
    const kill = () => {
      if (killedAt !== undefined || child?.pid === undefined) return;
      killedAt = proxy.accepted;
      proxy.cutOff();
      try {
        process.kill(-child.pid, 'SIGKILL'); // the whole group: npx, tsx and the job's node process
      } catch {
        // already gone
      }
    };
    try {
      const due = await seedReminderOrg(runtime, { tenantId, managers: reminders, serviceUrl: proxy.url });
      let output = '';
      child = spawn('npx', ['tsx', 'tests/support/runMilestoneJob.ts'], {
        cwd: path.resolve(__dirname, '../..'),
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          MILESTONE_COSMOS_ENDPOINT: cosmos.server.endpoint,
          MILESTONE_COSMOS_DATABASE: cosmos.database.id,
          MILESTONE_CONNECTOR_URL: proxy.url,
          MILESTONE_TENANT_ID: tenantId,
          MILESTONE_NOW: REMINDER_HOUR.toISOString(),
        },
      });
      child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
        child!.on('exit', (code, signal) => resolve(signal ?? code)),
      );
      const guard = setTimeout(kill, 30_000); // never let a stuck child outlive the test
      const ended = await exited;
      clearTimeout(guard);
      expect([ended, output.includes('report ')]).toEqual(['SIGKILL', false]);
      await gone(child.pid!);
      await until(() => proxy.inFlight === 0, 5_000);

      // What the killed run left: delivered sends, and the ledger's marks.
      const delivered = receivedPerConversation(fake.received());
      const ledger = await ledgerOf(tenantId, due);
      const unmarked = due.filter(
        (d) => delivered.has(d.conversationId) && ledger.get(d.deliveryId)?.status !== 'sent',
      );
      const markedSent = [...ledger.values()].filter((d) => d.status === 'sent').length;
      const claimedOnly = [...ledger.values()].filter((d) => d.status === 'claimed').length;
      expect(killedAt).toBeGreaterThanOrEqual(reminders / 2);
      expect(delivered.size).toBeLessThan(reminders);
      expect([...delivered.values()].every((n) => n === 1)).toBe(true);
      // Sends overlap (the pool has 8 workers), but one at a time is between delivery and mark.
      expect(unmarked.length).toBeLessThanOrEqual(1);

      // The next run, past the claims' 10-minute lease (leases follow the process clock, so it
      // runs 11 minutes ahead) and within the catch-up window (the killed run recorded nothing, so
      // this run plans the same hour again).
      proxy.resume();
      const rerunAt = new Date(REMINDER_HOUR.getTime() + 11 * MINUTE);
      clockAhead = 11 * MINUTE;
      const rerun = await runtime.jobs.milestones({ now: rerunAt, tenantIds: [tenantId] }).finally(() => {
        clockAhead = 0;
      });

      expect(rerun.sends).toHaveLength(reminders);
      expect(count(rerun, 'already-done')).toBe(markedSent);
      expect(count(rerun, 'sent')).toBe(reminders - markedSent);
      const after = tally(due, fake.received());
      expect(after.lost).toBe(0);
      expect(after.duplicated.sort()).toEqual(unmarked.map((d) => d.conversationId).sort());
      expect(after.duplicates).toBe(unmarked.length);
      expect(after.duplicates).toBeLessThanOrEqual(1);
      expect(fake.stats().throttled).toBe(0);
      const final = await ledgerOf(tenantId, due);
      expect([...final.values()].map((d) => d.status)).toEqual(due.map(() => 'sent'));
      expect(await runtime.stores.settings.lastRun(tenantId, MILESTONE_JOB)).toEqual(rerunAt);
      process.stdout.write(
        `kill test: killed at ${killedAt} accepted; ${markedSent} marked sent, ${claimedOnly} claimed only, ` +
          `${unmarked.length} delivered but unmarked → ${after.duplicates} duplicate(s) after the rerun\n`,
      );
    } finally {
      if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) kill();
      await proxy.close();
    }
  }, 60_000);
});

/** Waits until no process of the group `pgid` is left (bounded). */
async function gone(pgid: number): Promise<void> {
  await until(() => {
    try {
      process.kill(-pgid, 0);
      return false;
    } catch {
      return true;
    }
  }, 5_000);
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
