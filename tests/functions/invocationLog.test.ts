// Logging through the invocation: without the app's own telemetry (no connection string), every
// line goes to the Functions host through the invocation's own InvocationContext, exactly once,
// never the console as well (which the host would collect a second time), and carries its
// correlation id, whoever logged it. With it, tests/integration/telemetryIngestion.test.ts checks
// what reaches ingestion. The README's queries are checked against the fields lines carry here:
// each field a line logs is one custom dimension of its trace (functions/telemetry/traceRecord.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { InvocationContext, HttpRequest, type LogLevel } from '@azure/functions';
import { createTeamsAdapter } from '../../bot/teams/adapter';
import { TeamsMessenger } from '../../bot/teams/messenger';
import { RateLimiter } from '../../bot/teams/rateLimiter';
import { inInvocation } from '../../functions/host';
import { createJsonLogger } from '../../functions/logging';
import { messagesHandler } from '../../functions/messages';
import { runTimerJob } from '../../functions/timerRun';
import type { Logger } from '../../core/shared';
import { startFakeConnector } from '../support/fakeConnector';

const TENANT = '7f3c2a10-0000-4000-8000-000000000001';

interface HostRecord {
  level: LogLevel;
  line: Record<string, unknown>;
}

/** An invocation as the host starts it, recording what reaches its log. */
function hostInvocation(invocationId: string, functionName: string) {
  const records: HostRecord[] = [];
  const context = new InvocationContext({
    invocationId,
    functionName,
    logHandler: (level, ...args) => {
      expect(args).toHaveLength(1);
      records.push({ level, line: JSON.parse(String(args[0])) as Record<string, unknown> });
    },
  });
  return { context, records };
}

/** The logger composition.ts builds. */
const appLogger = (): Logger => createJsonLogger({ level: 'info', fields: { app: 'moments' } });

let consoleLines: unknown[];
beforeEach(() => {
  consoleLines = [];
  jest.spyOn(console, 'log').mockImplementation((...args) => void consoleLines.push(args));
  jest.spyOn(console, 'error').mockImplementation((...args) => void consoleLines.push(args));
});
afterEach(() => jest.restoreAllMocks());

const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

/** A bot turn in Azure, whose handling logs from deeper async code (as core and the ledger do). */
async function turnInAzure(activityId: string) {
  const logger = appLogger();
  const { context, records } = hostInvocation('inv-turn-1', 'messages');
  const runtime = {
    logger,
    bot: {
      handle: async () => {
        await pause();
        logger.warn('delivery failed', { tenantId: TENANT, delivery: 'kudos:1', reason: '503: busy' });
        await pause();
        logger.child({ tenantId: TENANT }).info('kudos given');
        return { status: 200 };
      },
    },
  } as unknown as Parameters<typeof messagesHandler>[0];
  const request = new HttpRequest({
    method: 'POST',
    url: 'http://127.0.0.1/api/messages',
    body: { string: JSON.stringify({ type: 'message', id: activityId, text: 'hi' }) },
    headers: { 'content-type': 'application/json' },
  });
  const response = await inInvocation(context, () => messagesHandler(runtime)(request, context));
  expect(response.status).toBe(200);
  return records;
}

/** A proactive send throttled once (429), inside a timer invocation: the messenger's retry line. */
async function throttledSendInAzure(invocationId: string) {
  const connector = await startFakeConnector();
  try {
    connector.plan({ fault: { status: 429, retryAfter: 0 } });
    const logger = appLogger();
    const messenger = new TeamsMessenger(createTeamsAdapter({ type: 'SingleTenant' }), {
      logger,
      limiter: new RateLimiter(),
      baseDelayMs: 10,
    });
    const { context, records } = hostInvocation(invocationId, 'milestoneReminders');
    await inInvocation(context, () =>
      runTimerJob(
        { logger, now: () => new Date('2027-03-01T09:00:00Z') },
        {
          name: 'milestones',
          label: 'milestone',
          run: async () => {
            const sent = await messenger.send(
              {
                tenantId: TENANT,
                id: 'personal:a:1',
                kind: 'personal',
                conversationId: 'a:1',
                reference: {
                  channelId: 'msteams',
                  serviceUrl: connector.url,
                  bot: { id: '28:moments-bot', name: 'Moments' },
                  conversation: { id: 'a:1', tenantId: TENANT, conversationType: 'personal' },
                },
                updatedAt: '2027-03-01T08:00:00.000Z',
              },
              { text: 'Happy birthday' },
            );
            expect(sent.ok).toBe(true);
            return { tenants: 1, sends: [{ outcome: 'sent' }], failedTenants: [] };
          },
        },
        {
          isPastDue: false,
          schedule: { adjustForDST: false },
          scheduleStatus: { last: '', next: '', lastUpdated: '' },
        },
        context,
      ),
    );
    expect(connector.received().map((a) => a.activity.text)).toEqual(['Happy birthday']);
    return records;
  } finally {
    await connector.close();
  }
}

describe('logging in Azure: one path, through the invocation', () => {
  it("writes each line of a turn once to the invocation's log, with the turn's correlation id", async () => {
    const records = await turnInAzure('activity-42');
    expect(records.map((r) => [r.level, r.line.message])).toEqual([
      ['warning', 'delivery failed'],
      ['information', 'kudos given'],
    ]);
    for (const { line } of records) {
      expect(line).toMatchObject({
        app: 'moments',
        correlationId: 'activity-42',
        invocationId: 'inv-turn-1',
      });
    }
    expect(consoleLines).toEqual([]);
  });

  it("tags every line of a timer run, the messenger's retries included, with the invocation id", async () => {
    const records = await throttledSendInAzure('inv-timer-7');
    expect(records.map((r) => r.line.message)).toEqual([
      'proactive send will be retried',
      'proactive send succeeded after retries',
      'milestone job ran',
    ]);
    for (const { line } of records) {
      expect(line).toMatchObject({ correlationId: 'inv-timer-7', invocationId: 'inv-timer-7' });
    }
    expect(records[0]?.line).toMatchObject({ status: 429, tenantId: TENANT, job: 'milestones' });
    expect(consoleLines).toEqual([]);
  });

  it('writes JSON lines to the console outside an invocation (npm start, the jobs CLI)', () => {
    appLogger().info('local line', { tenantId: TENANT });
    expect(consoleLines).toHaveLength(1);
    expect(JSON.parse(String((consoleLines[0] as unknown[])[0]))).toMatchObject({
      message: 'local line',
      tenantId: TENANT,
    });
  });
});

/**
 * The README's queries over the lines' custom dimensions (`Properties`): each query of its kusto
 * blocks (they are separated by blank lines) and each inline one.
 */
function readmeQueries(): string[] {
  const readme = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```kusto\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.split(/\n\s*\n/));
  const inline = [...readme.replace(/```[\s\S]*?```/g, '').matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!);
  return [...blocks, ...inline].filter((query) => query.includes('Properties.'));
}

/** The value at a dotted path of a line, or undefined. */
function at(line: Record<string, unknown>, dotted: string): unknown {
  return dotted
    .split('.')
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], line);
}

describe("the README's log queries", () => {
  it('read fields the code logs, with the values they compare against', async () => {
    const lines = [...(await turnInAzure('activity-7')), ...(await throttledSendInAzure('inv-readme'))].map(
      (r) => r.line,
    );
    const queries = readmeQueries();
    expect(queries.length).toBeGreaterThanOrEqual(2);
    for (const query of queries) {
      const fields = [...new Set([...query.matchAll(/\bProperties\.([A-Za-z_]\w*)/g)].map((m) => m[1]!))];
      const numbers = [...query.matchAll(/toint\(Properties\.(\w+)\)\s*==\s*(\d+)/g)].map((m) => ({
        field: m[1]!,
        value: Number(m[2]),
      }));
      expect(fields.length).toBeGreaterThan(0);
      const matching = lines.filter(
        (line) =>
          fields.every((field) => at(line, field) !== undefined) &&
          numbers.every(({ field, value }) => Number(at(line, field)) === value),
      );
      expect({ query, matches: matching.length > 0 }).toEqual({ query, matches: true });
    }
  });
});
