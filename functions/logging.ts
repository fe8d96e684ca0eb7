import { AsyncLocalStorage } from 'node:async_hooks';
import type { LogFields, Logger } from '../core/shared';

type Level = 'debug' | 'info' | 'warn' | 'error';
const RANK: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** One structured log line. */
export type LogEntry = Record<string, unknown> & { level: Level; message: string; time: string };

/** Where log lines go: by default the invocation's log in Azure, else the console. */
export type LogSink = (level: Level, entry: LogEntry) => void;

/** JSON lines on stdout, warnings and errors on stderr. */
export const consoleSink: LogSink = (level, entry) => {
  const line = JSON.stringify(entry);
  if (level === 'error' || level === 'warn') console.error(line);
  else console.log(line);
};

/**
 * One invocation's (or turn's) logging: fields every line logged while it runs carries, wherever
 * the logger came from (core's job loops, the ledger, the messenger's retries), and, in Azure, the
 * invocation's own log to write them to.
 */
export interface LogScope {
  fields: LogFields;
  /**
   * Writes one JSON line to the Functions host (`InvocationContext.info`, …): the path in Azure
   * when the app does not export its own telemetry (functions/telemetry/). A line written here is
   * not also written to the console, which the host would collect a second time.
   */
  write?: (level: Level, line: string) => void;
  /**
   * The W3C trace context the Functions host started the invocation with: its trace id is the
   * invocation's operation id in Application Insights, which ties the lines of one turn or one
   * run together wherever they are exported from.
   */
  trace?: InvocationTrace;
}

/** A W3C trace context, as the Functions host passes it (`InvocationContext.traceContext`). */
export interface InvocationTrace {
  traceParent?: string;
  traceState?: string;
}

const scopes = new AsyncLocalStorage<LogScope>();

/**
 * Runs `work` with `scope` added to the enclosing one: its fields win, its writer and trace context
 * if it has them.
 */
export function withLogScope<T>(scope: LogScope, work: () => Promise<T>): Promise<T> {
  const outer = scopes.getStore();
  return scopes.run(
    {
      fields: { ...outer?.fields, ...scope.fields },
      write: scope.write ?? outer?.write,
      trace: scope.trace ?? outer?.trace,
    },
    work,
  );
}

/** The fields of the scope the caller runs in (none outside an invocation). */
export const scopeFields = (): LogFields => scopes.getStore()?.fields ?? {};

/** The trace context of the invocation the caller runs in, if the host gave one. */
export const scopeTrace = (): InvocationTrace | undefined => scopes.getStore()?.trace;

/** The invocation's log when there is one (in Azure), else the console. */
export const invocationSink: LogSink = (level, entry) => {
  const write = scopes.getStore()?.write;
  if (write) write(level, JSON.stringify(entry));
  else consoleSink(level, entry);
};

/**
 * A JSON-lines logger: one object per line with time, level, message, the fields of the
 * invocation it runs in ({@link withLogScope}: correlation id, invocation id, job) and of every
 * enclosing `child` (tenant, job). Errors are flattened to name, message, stack
 * and, for HTTP errors, status code, so a line says enough to find the problem.
 */
export function createJsonLogger(options: {
  level: Level;
  sink?: LogSink;
  sinks?: LogSink[];
  fields?: LogFields;
}): Logger {
  const sinks = options.sinks ?? [options.sink ?? invocationSink];
  const base = options.fields ?? {};
  const write = (level: Level, message: string, fields?: LogFields) => {
    if (RANK[level] < RANK[options.level]) return;
    const { error, ...rest } = (fields ?? {}) as LogFields & { error?: unknown };
    const entry: LogEntry = {
      time: new Date().toISOString(),
      level,
      message,
      ...scopeFields(),
      ...base,
      ...rest,
    };
    if (error !== undefined) entry.error = describeError(error);
    for (const sink of sinks) sink(level, entry);
  };
  return {
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
    child: (fields) => createJsonLogger({ ...options, sinks, fields: { ...base, ...fields } }),
  };
}

function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { value: String(error) };
  const withCode = error as Error & { code?: unknown; statusCode?: unknown };
  return {
    name: error.name,
    message: error.message,
    ...(withCode.code !== undefined ? { code: withCode.code } : {}),
    ...(withCode.statusCode !== undefined ? { statusCode: withCode.statusCode } : {}),
    stack: error.stack,
  };
}
