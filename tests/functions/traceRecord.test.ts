// What a log line becomes in Application Insights: one trace whose text is the message and whose
// custom dimensions are the line's fields, plus an exception when the line logged an Error, both
// under the operation id of the invocation that logged them.
import { InvocationContext } from '@azure/functions';
import { inInvocation } from '../../functions/host';
import { createJsonLogger } from '../../functions/logging';
import { createDeferredSink, type TracedLine } from '../../functions/telemetry/deferredSink';
import { parseTraceParent, toTelemetryRecords } from '../../functions/telemetry/traceRecord';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN_ID = '00f067aa0ba902b7';

/** The lines a timer run logs, as the telemetry sink receives them. */
async function timerRunLines(): Promise<TracedLine[]> {
  const deferred = createDeferredSink();
  const logger = createJsonLogger({ level: 'info', sink: deferred.sink, fields: { app: 'moments' } });
  const context = new InvocationContext({
    invocationId: 'inv-timer-3',
    functionName: 'milestoneReminders',
    traceContext: { traceParent: `00-${TRACE_ID}-${SPAN_ID}-01`, attributes: {} },
  });
  await inInvocation(context, async () => {
    const job = logger.child({ job: 'milestones', correlationId: 'inv-timer-3' });
    job.info('milestone job ran', { tenants: 2, sent: 3, isPastDue: false, window: { hours: [9, 10] } });
    job.error('milestone job failed for a tenant', {
      tenantId: 't-9',
      error: Object.assign(new TypeError('manager is not a string'), { code: 'BAD_RECORD' }),
    });
  });
  logger.info('outside any invocation');
  const lines: TracedLine[] = [];
  deferred.start((line) => lines.push(line));
  return lines;
}

describe('telemetry records of a log line', () => {
  it('makes each line one trace with its fields as custom dimensions, under its invocation', async () => {
    const [ran] = await timerRunLines();
    const { trace, exception } = toTelemetryRecords(ran!);
    expect(exception).toBeUndefined();
    expect(trace).toMatchObject({
      body: 'milestone job ran',
      severityNumber: 9,
      severityText: 'info',
      parent: { traceId: TRACE_ID, spanId: SPAN_ID, traceFlags: 1 },
      attributes: {
        app: 'moments',
        job: 'milestones',
        correlationId: 'inv-timer-3',
        invocationId: 'inv-timer-3',
        tenants: 2,
        sent: 3,
        isPastDue: false,
        window: '{"hours":[9,10]}',
      },
    });
    expect(trace.attributes).not.toHaveProperty('message');
    expect(trace.attributes).not.toHaveProperty('level');
    expect(trace.timestamp.toISOString()).toBe(ran!.entry.time);
  });

  it('adds an exception for a logged Error, with the same dimensions and operation', async () => {
    const [, failed] = await timerRunLines();
    const { trace, exception } = toTelemetryRecords(failed!);
    expect(trace).toMatchObject({ body: 'milestone job failed for a tenant', severityNumber: 17 });
    expect(trace.attributes).not.toHaveProperty('exception.type');
    expect(JSON.parse(String(trace.attributes.error))).toMatchObject({
      name: 'TypeError',
      message: 'manager is not a string',
      code: 'BAD_RECORD',
    });
    expect(exception).toMatchObject({
      body: 'milestone job failed for a tenant',
      severityNumber: 17,
      parent: { traceId: TRACE_ID },
      attributes: {
        tenantId: 't-9',
        job: 'milestones',
        correlationId: 'inv-timer-3',
        'exception.type': 'TypeError',
        'exception.message': 'manager is not a string',
      },
    });
    expect(exception?.attributes['exception.stacktrace']).toMatch(
      /^TypeError: manager is not a string\n\s+at /,
    );
  });

  it('leaves a line logged outside an invocation without a parent', async () => {
    const [, , outside] = await timerRunLines();
    const { trace } = toTelemetryRecords(outside!);
    expect(trace.body).toBe('outside any invocation');
    expect(trace.parent).toBeUndefined();
  });

  it.each([
    ['absent', undefined],
    ['not hex', `00-${'g'.repeat(32)}-${SPAN_ID}-01`],
    ['a short span id', `00-${TRACE_ID}-00f067aa-01`],
    ['an all-zero trace id', `00-${'0'.repeat(32)}-${SPAN_ID}-01`],
    ['an all-zero span id', `00-${TRACE_ID}-${'0'.repeat(16)}-01`],
    ['the forbidden version ff', `ff-${TRACE_ID}-${SPAN_ID}-01`],
  ])('reads no parent from a traceparent that is %s', (_case, traceParent) => {
    expect(parseTraceParent(traceParent)).toBeUndefined();
  });

  it('keeps the trace state and an unsampled flag', () => {
    expect(parseTraceParent(`00-${TRACE_ID}-${SPAN_ID}-00`, 'az=1')).toEqual({
      traceId: TRACE_ID,
      spanId: SPAN_ID,
      traceFlags: 0,
      traceState: 'az=1',
    });
  });
});
