import type { LogEntry } from '../logging';
import type { TracedLine } from './deferredSink';

/** A value Application Insights keeps as a custom dimension. */
export type DimensionValue = string | number | boolean;

/** The parent of a record: the invocation's span, from the W3C `traceparent` the host passed. */
export interface TraceParent {
  /** 32 hex digits: the operation id that ties one invocation's records together. */
  traceId: string;
  /** 16 hex digits: the span the record belongs to (the operation's parent id). */
  spanId: string;
  traceFlags: number;
  traceState?: string;
}

/**
 * One telemetry record, in the shape of an OpenTelemetry log record: the Azure Monitor exporter
 * sends one with `exception.*` attributes as an exception, any other as a trace whose custom
 * dimensions are its attributes.
 */
export interface TelemetryRecord {
  timestamp: Date;
  body: string;
  /** OpenTelemetry severity: 5 debug, 9 info, 13 warn, 17 error. */
  severityNumber: number;
  severityText: string;
  attributes: Record<string, DimensionValue>;
  parent?: TraceParent;
}

const SEVERITY: Record<LogEntry['level'], number> = { debug: 5, info: 9, warn: 13, error: 17 };

const TRACE_PARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/**
 * The span context of a W3C `traceparent` (version 00 and later), or undefined when it is absent
 * or malformed, or its trace or span id is all zeros (which the spec calls invalid).
 */
export function parseTraceParent(traceParent?: string, traceState?: string): TraceParent | undefined {
  const match = traceParent ? TRACE_PARENT.exec(traceParent.trim().toLowerCase()) : null;
  if (!match || match[1] === 'ff') return undefined;
  const [, , traceId, spanId, flags] = match as unknown as [string, string, string, string, string];
  if (/^0+$/.test(traceId) || /^0+$/.test(spanId)) return undefined;
  return { traceId, spanId, traceFlags: parseInt(flags, 16), ...(traceState ? { traceState } : {}) };
}

/** A field as a custom dimension: scalars as they are, objects and arrays as JSON. */
function dimension(value: unknown): DimensionValue | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

/** The logged error as `exception.*` attributes, when it is an Error with a stack. */
function exceptionOf(error: unknown): Record<string, string> | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const { name, message, stack } = error as { name?: unknown; message?: unknown; stack?: unknown };
  if (typeof name !== 'string' || typeof stack !== 'string') return undefined;
  return {
    'exception.type': name,
    'exception.message': typeof message === 'string' ? message : '',
    'exception.stacktrace': stack,
  };
}

/**
 * The records one log line becomes: always one trace, whose text is the line's message and whose
 * custom dimensions are its fields (correlation id, invocation id, tenant, job, …; the error as
 * JSON), and, when the line logged an Error, an exception too, with the same dimensions. Both
 * have the invocation's span as parent, so they share its operation id.
 */
export function toTelemetryRecords(line: TracedLine): {
  trace: TelemetryRecord;
  exception?: TelemetryRecord;
} {
  const { time, level, message, ...fields } = line.entry;
  const attributes: Record<string, DimensionValue> = {};
  for (const [name, value] of Object.entries(fields)) {
    const kept = dimension(value);
    if (kept !== undefined) attributes[name] = kept;
  }
  const parent = parseTraceParent(line.trace?.traceParent, line.trace?.traceState);
  const parsed = new Date(time);
  const trace: TelemetryRecord = {
    timestamp: Number.isNaN(parsed.getTime()) ? new Date() : parsed,
    body: message,
    severityNumber: SEVERITY[level],
    severityText: level,
    attributes,
    ...(parent ? { parent } : {}),
  };
  const exception = exceptionOf(fields.error);
  if (!exception) return { trace };
  return { trace, exception: { ...trace, attributes: { ...attributes, ...exception } } };
}
