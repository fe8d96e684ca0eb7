import type { LogFields, Logger } from '../core/shared';

type Level = 'debug' | 'info' | 'warn' | 'error';
const RANK: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** One structured log line. */
export type LogEntry = Record<string, unknown> & { level: Level; message: string; time: string };

/** Where log lines go: the console (JSON lines), Application Insights (functions/telemetry.ts). */
export type LogSink = (level: Level, entry: LogEntry) => void;

/** JSON lines on stdout, warnings and errors on stderr. */
export const consoleSink: LogSink = (level, entry) => {
  const line = JSON.stringify(entry);
  if (level === 'error' || level === 'warn') console.error(line);
  else console.log(line);
};

/**
 * A JSON-lines logger: one object per line with time, level, message and the fields of every
 * enclosing `child` (correlation id, tenant, job). Errors are flattened to name, message, stack
 * and, for HTTP errors, status code, so a line says enough to find the problem.
 */
export function createJsonLogger(options: {
  level: Level;
  sink?: LogSink;
  sinks?: LogSink[];
  fields?: LogFields;
}): Logger {
  const sinks = options.sinks ?? [options.sink ?? consoleSink];
  const base = options.fields ?? {};
  const write = (level: Level, message: string, fields?: LogFields) => {
    if (RANK[level] < RANK[options.level]) return;
    const { error, ...rest } = (fields ?? {}) as LogFields & { error?: unknown };
    const entry: LogEntry = {
      time: new Date().toISOString(),
      level,
      message,
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
