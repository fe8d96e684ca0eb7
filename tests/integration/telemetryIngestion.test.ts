// What reaches Application Insights from a bot turn and a timer run, through the app's own
// telemetry (functions/telemetry/: the Azure Monitor exporter behind the deferred sink), posted to
// a local ingestion endpoint: one trace per log line, with its correlation id as a custom
// dimension and its invocation's trace id as operation id; one exception per logged error; and
// every request Entra-authenticated with a bearer token.
import { InvocationContext, HttpRequest } from '@azure/functions';
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { createRuntime, type Runtime } from '../../functions/composition';
import { loadConfig, localToolingEnv } from '../../functions/config';
import { inInvocation } from '../../functions/host';
import { createJsonLogger, type LogEntry } from '../../functions/logging';
import { messagesHandler } from '../../functions/messages';
import { milestoneRemindersHandler } from '../../functions/milestoneReminders';
import { createAppTelemetry, type AppTelemetry } from '../../functions/telemetry/appTelemetry';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { personalMessage } from '../support/localApp';
import { startLocalIngestion, type IngestedEnvelope, type LocalIngestion } from '../support/localIngestion';

// The exporter polls its remote configuration service a few seconds after it is built, and no
// option turns that off: here the poller does nothing, so nothing leaves the machine.
jest.mock(
  '../../node_modules/@azure/monitor-opentelemetry-exporter/dist/commonjs/_configuration/configurationWorker.js',
  () => ({ ConfigurationWorker: class {} }),
);

/** A credential as ManagedIdentityCredential behaves in Azure, with a token of its own. */
class FakeManagedIdentity implements TokenCredential {
  readonly scopes: string[] = [];
  async getToken(scopes: string | string[]): Promise<AccessToken> {
    this.scopes.push(...[scopes].flat());
    return { token: 'managed-identity-token', expiresOnTimestamp: Date.now() + 3_600_000 };
  }
}

const TURN_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const TIMER_TRACE = '0af7651916cd43dd8448eb211c80319c';
const traceParent = (traceId: string) => `00-${traceId}-00f067aa0ba902b7-01`;

let ingestion: LocalIngestion;
let cosmos: TestCosmos;
let connector: FakeConnector;
let telemetry: AppTelemetry;
let runtime: Runtime;
const credential = new FakeManagedIdentity();
/** Every line the app logged, as its sinks got it. */
const logged: LogEntry[] = [];

beforeAll(async () => {
  ingestion = await startLocalIngestion();
  cosmos = await startTestCosmos();
  connector = await startFakeConnector();
  telemetry = createAppTelemetry({
    connectionString: ingestion.connectionString,
    credential: async () => credential,
    tlsOptions: { ca: ingestion.ca },
  });
  const logger = createJsonLogger({
    level: 'debug',
    fields: { app: 'moments' },
    sinks: [telemetry.sink, (_level, entry) => void logged.push(entry)],
  });
  runtime = await createRuntime(loadConfig(localToolingEnv({ LOG_LEVEL: 'debug' })), {
    cosmos: { kind: 'local', endpoint: cosmos.server.endpoint, database: cosmos.database.id },
    logger,
    now: () => new Date('2027-03-01T09:00:00Z'),
  });
});
afterAll(async () => {
  await telemetry?.shutdown();
  await runtime?.close();
  await connector?.close();
  await cosmos?.close();
  await ingestion?.close();
});

const propertiesOf = (envelope: IngestedEnvelope) => envelope.data?.baseData?.properties ?? {};

describe('telemetry through the Azure Monitor exporter', () => {
  it('sends one trace per logged line, tied to its invocation, and one exception per logged error', async () => {
    // A bot turn whose reply Teams refuses: the turn fails, and says so with the error.
    connector.plan({ fault: { status: 403, code: 'BotNotInConversationRoster' }, times: Infinity });
    const hostLog: unknown[] = [];
    const turn = new InvocationContext({
      invocationId: 'inv-turn',
      functionName: 'messages',
      logHandler: (...args) => void hostLog.push(args),
      traceContext: { traceParent: traceParent(TURN_TRACE) },
    });
    const activity = personalMessage(`${connector.url}/`, 'help', 'activity-telemetry-1');
    const request = new HttpRequest({
      method: 'POST',
      url: 'http://127.0.0.1/api/messages',
      body: { string: JSON.stringify(activity) },
      headers: { 'content-type': 'application/json' },
    });
    await inInvocation(turn, () => messagesHandler(runtime)(request, turn), { telemetry });
    const turnLines = logged.length;

    const timer = new InvocationContext({
      invocationId: 'inv-timer',
      functionName: 'milestoneReminders',
      logHandler: (...args) => void hostLog.push(args),
      traceContext: { traceParent: traceParent(TIMER_TRACE) },
    });
    await inInvocation(
      timer,
      () => milestoneRemindersHandler(runtime)({ isPastDue: false, scheduleStatus: {} } as never, timer),
      { telemetry, flush: true },
    );
    await telemetry.flush();

    const traces = ingestion.ofType('MessageData');
    // Lines logged outside both invocations (the runtime starting) carry no operation of theirs.
    const ofTurn = logged.slice(0, turnLines).filter((line) => line.correlationId === activity.id);
    const ofTimer = logged.filter((line) => line.correlationId === 'inv-timer');
    expect(ofTurn.map((line) => line.message)).toContain('turn failed');
    expect(ofTimer.map((line) => line.message)).toContain('milestone job ran');

    // The host is sent nothing to send again.
    expect(hostLog).toEqual([]);
    // Exactly one trace per line logged, whoever logged it, with the line's text.
    expect(traces.map((e) => e.data?.baseData?.message).sort()).toEqual(
      logged.map((line) => line.message).sort(),
    );
    for (const [lines, traceId] of [
      [ofTurn, TURN_TRACE],
      [ofTimer, TIMER_TRACE],
    ] as const) {
      const correlationId = String(lines[0]?.correlationId);
      const sent = traces.filter((e) => propertiesOf(e).correlationId === correlationId);
      expect(sent.map((e) => e.data?.baseData?.message)).toEqual(lines.map((line) => line.message));
      expect(new Set(sent.map((e) => e.tags?.['ai.operation.id']))).toEqual(new Set([traceId]));
    }

    // One exception per line that logged an Error, under the turn's operation and correlation id.
    const errors = logged.filter((line) => (line.error as { stack?: string } | undefined)?.stack);
    const exceptions = ingestion.ofType('ExceptionData');
    expect(exceptions).toHaveLength(errors.length);
    const failure = exceptions.find((e) => propertiesOf(e).correlationId === activity.id);
    expect(failure?.tags?.['ai.operation.id']).toBe(TURN_TRACE);
    expect(failure?.data?.baseData?.exceptions?.[0]?.stack).toMatch(/\n\s+at /);

    // Entra-authenticated: a bearer token from the managed identity, for Azure Monitor.
    expect(ingestion.authorizations().length).toBeGreaterThan(0);
    expect(new Set(ingestion.authorizations())).toEqual(new Set(['Bearer managed-identity-token']));
    expect(new Set(credential.scopes)).toEqual(new Set(['https://monitor.azure.com/.default']));
  });
});
