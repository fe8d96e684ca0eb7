import { consoleSink, scopeTrace, type InvocationTrace, type LogEntry, type LogSink } from '../logging';

/** A log line with the trace context of the invocation that logged it (none outside one). */
export interface TracedLine {
  level: LogEntry['level'];
  entry: LogEntry;
  trace?: InvocationTrace;
}

/** Where traced lines go once the telemetry exporter has started. */
export type TracedSink = (line: TracedLine) => void;

/** A log sink that keeps lines until the exporter it feeds has started. */
export interface DeferredSink {
  /** The sink loggers write to from the first line on. */
  sink: LogSink;
  /** Hands the lines kept so far to `target`, in the order they were logged, then every later line. */
  start(target: TracedSink): void;
  /** The exporter could not start: the kept lines, a line saying why, and every later line go to the fallback. */
  fail(error: unknown): void;
}

/** The most lines kept before the exporter starts: a cold start logs tens, not thousands. */
export const DEFAULT_PENDING_LIMIT = 1000;

/**
 * A log sink for an exporter that is loaded off the request path (after the first response, so
 * that loading it costs the first request nothing): lines logged before it is ready are kept,
 * each with the trace context of the invocation that logged it, and replayed once, in order,
 * when it starts. The trace context is read as the line is logged, because the replay runs
 * outside the invocation. At most `limit` lines are kept; past that, later lines are counted and
 * the count is logged on start, so a loss is never silent.
 */
export function createDeferredSink(options: { limit?: number; fallback?: LogSink } = {}): DeferredSink {
  const limit = options.limit ?? DEFAULT_PENDING_LIMIT;
  const fallback = options.fallback ?? consoleSink;
  let pending: TracedLine[] = [];
  let dropped = 0;
  let target: TracedSink | undefined;

  const droppedLine = (): TracedLine[] =>
    dropped === 0
      ? []
      : [
          {
            level: 'warn',
            entry: {
              time: new Date().toISOString(),
              level: 'warn',
              message: 'log lines were dropped before telemetry started',
              dropped,
              kept: limit,
            },
          },
        ];

  const sink: LogSink = (level, entry) => {
    const line: TracedLine = { level, entry, trace: scopeTrace() };
    if (target) target(line);
    else if (pending.length < limit) pending.push(line);
    else dropped += 1;
  };

  const drainTo = (next: TracedSink) => {
    if (target) throw new Error('The deferred log sink was already started or failed: it drains once.');
    const kept = [...pending, ...droppedLine()];
    pending = [];
    dropped = 0;
    target = next;
    for (const line of kept) next(line);
  };

  return {
    sink,
    start: drainTo,
    fail(error) {
      drainTo((line) => fallback(line.level, line.entry));
      const reason = error instanceof Error ? error.message : String(error);
      fallback('error', {
        time: new Date().toISOString(),
        level: 'error',
        message: 'telemetry could not start: log lines go to the console',
        reason,
      });
    },
  };
}
