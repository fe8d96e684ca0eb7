// Lines logged while the telemetry exporter is still loading (it loads after the first response,
// off the request path) are kept and handed over once it starts: each line once, in order, with
// the trace context of the invocation that logged it, so the exporter can file it under that
// invocation's operation id although the hand-over runs after the invocation ended.
import { InvocationContext } from '@azure/functions';
import { inInvocation } from '../../functions/host';
import { createJsonLogger, type LogEntry } from '../../functions/logging';
import { createDeferredSink, type TracedLine } from '../../functions/telemetry/deferredSink';

const TURN_TRACE = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
const TIMER_TRACE = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

const invocation = (invocationId: string, traceParent: string) =>
  new InvocationContext({
    invocationId,
    functionName: 'messages',
    traceContext: { traceParent, traceState: 'moments=1', attributes: {} },
    logHandler: () => {
      throw new Error('a line reached the host log: with a telemetry exporter the host must not send it');
    },
  });

const summary = (line: TracedLine) => ({
  message: line.entry.message,
  level: line.level,
  traceParent: line.trace?.traceParent,
});

describe('the deferred log sink', () => {
  it('hands the lines logged before the exporter started over once, in order, each with its invocation', async () => {
    const deferred = createDeferredSink();
    const logger = createJsonLogger({ level: 'info', sink: deferred.sink, fields: { app: 'moments' } });
    const turn = invocation('inv-turn', TURN_TRACE);
    const timer = invocation('inv-timer', TIMER_TRACE);

    logger.info('host started');
    await inInvocation(turn, async () => {
      logger.child({ tenantId: 't-1' }).info('kudos given', { correlationId: 'activity-1' });
      await new Promise((resolve) => setTimeout(resolve, 1));
      logger.warn('delivery deferred', { correlationId: 'activity-1' });
    });
    await inInvocation(timer, async () =>
      logger.error('milestone job failed for a tenant', { tenantId: 't-2' }),
    );

    const exported: TracedLine[] = [];
    deferred.start((line) => exported.push(line));
    expect(exported.map(summary)).toEqual([
      { message: 'host started', level: 'info', traceParent: undefined },
      { message: 'kudos given', level: 'info', traceParent: TURN_TRACE },
      { message: 'delivery deferred', level: 'warn', traceParent: TURN_TRACE },
      { message: 'milestone job failed for a tenant', level: 'error', traceParent: TIMER_TRACE },
    ]);
    expect(exported[1]?.entry).toMatchObject({
      app: 'moments',
      tenantId: 't-1',
      correlationId: 'activity-1',
      invocationId: 'inv-turn',
    });

    await inInvocation(turn, async () => logger.info('celebration posted'));
    expect(exported.map(summary).slice(4)).toEqual([
      { message: 'celebration posted', level: 'info', traceParent: TURN_TRACE },
    ]);
  });

  it('keeps at most its limit and says how many lines it dropped', () => {
    const deferred = createDeferredSink({ limit: 2 });
    const logger = createJsonLogger({ level: 'info', sink: deferred.sink });
    for (const n of [1, 2, 3, 4, 5]) logger.info(`line ${n}`);
    const exported: TracedLine[] = [];
    deferred.start((line) => exported.push(line));
    expect(exported.map((line) => line.entry.message)).toEqual([
      'line 1',
      'line 2',
      'log lines were dropped before telemetry started',
    ]);
    expect(exported[2]?.entry).toMatchObject({ level: 'warn', dropped: 3, kept: 2 });
  });

  it('sends every line to the fallback, and says why, when the exporter cannot start', () => {
    const console: LogEntry[] = [];
    const deferred = createDeferredSink({ fallback: (_level, entry) => console.push(entry) });
    const logger = createJsonLogger({ level: 'info', sink: deferred.sink });
    logger.info('before');
    deferred.fail(new Error('APPLICATIONINSIGHTS_CONNECTION_STRING has no IngestionEndpoint'));
    logger.info('after');
    expect(console.map((entry) => [entry.message, entry.reason])).toEqual([
      ['before', undefined],
      [
        'telemetry could not start: log lines go to the console',
        'APPLICATIONINSIGHTS_CONNECTION_STRING has no IngestionEndpoint',
      ],
      ['after', undefined],
    ]);
    expect(() => deferred.start(() => undefined)).toThrow(/drains once/);
  });
});
