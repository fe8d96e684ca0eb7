// When the exporter cannot start (here, the managed identity is not there), nothing is lost: the
// lines kept until then, the reason, and every later line go to the console, and the invocation
// that asked for the export still completes.
import { InvocationContext } from '@azure/functions';
import { inInvocation } from '../../functions/host';
import { createJsonLogger, type LogEntry } from '../../functions/logging';
import { createAppTelemetry } from '../../functions/telemetry/appTelemetry';

it('sends every line to the console, with the reason, when the exporter cannot start', async () => {
  const console: LogEntry[] = [];
  const telemetry = createAppTelemetry({
    connectionString:
      'InstrumentationKey=00000000-0000-4000-8000-00000000a11c;IngestionEndpoint=https://127.0.0.1:9/',
    credential: () =>
      Promise.reject(new Error('ManagedIdentityCredential: no managed identity endpoint found')),
    fallback: (_level, entry) => void console.push(entry),
  });
  const logger = createJsonLogger({ level: 'info', sink: telemetry.sink });
  const timer = new InvocationContext({ invocationId: 'inv-1', functionName: 'milestoneReminders' });

  await inInvocation(timer, async () => logger.info('milestone job ran', { sent: 3 }), {
    telemetry,
    flush: true,
  });
  logger.warn('proactive send will be retried', { status: 429 });

  expect(console.map(({ message, invocationId }) => ({ message, invocationId }))).toEqual([
    { message: 'milestone job ran', invocationId: 'inv-1' },
    { message: 'telemetry could not start: log lines go to the console', invocationId: undefined },
    { message: 'proactive send will be retried', invocationId: undefined },
  ]);
  expect(console[1]?.reason).toMatch(/no managed identity endpoint/);
  await telemetry.shutdown();
});
