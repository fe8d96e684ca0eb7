import { Contracts, TelemetryClient } from 'applicationinsights';
import type { TokenCredential } from '@azure/identity';
import type { LogEntry, LogSink } from './logging';

const SEVERITY: Record<LogEntry['level'], Contracts.SeverityLevel> = {
  debug: Contracts.SeverityLevel.Verbose,
  info: Contracts.SeverityLevel.Information,
  warn: Contracts.SeverityLevel.Warning,
  error: Contracts.SeverityLevel.Error,
};

/** Log lines to Application Insights, and a way to send what is buffered. */
export interface AppInsightsSink {
  sink: LogSink;
  flush(): Promise<void>;
}

/**
 * Sends every log line to Application Insights as a trace whose custom dimensions are the line's
 * fields (correlationId, tenantId, invocationId, job, …), and every logged error also as an
 * exception, so a reference id a user quotes finds both. With a credential, ingestion is
 * Entra-authenticated (the resource has local auth off); no auto-collection is switched on.
 */
export function appInsightsSink(connectionString: string, credential?: TokenCredential): AppInsightsSink {
  const client = new TelemetryClient(connectionString);
  if (credential) client.config.aadTokenCredential = credential;
  const sink: LogSink = (level, entry) => {
    const properties = flatten(entry);
    client.trackTrace({ message: entry.message, severity: SEVERITY[level], properties });
    if (entry.error && typeof entry.error === 'object') {
      const error = entry.error as { name?: string; message?: string; stack?: string };
      const exception = Object.assign(new Error(error.message ?? entry.message), {
        name: error.name ?? 'Error',
        stack: error.stack,
      });
      client.trackException({ exception, properties });
    }
  };
  return {
    sink,
    flush: () => new Promise<void>((resolve) => client.flush({ callback: () => resolve() })),
  };
}

/** Custom dimensions are strings: nested values (an error) become JSON. */
function flatten(entry: LogEntry): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const [key, value] of Object.entries(entry)) {
    if (key === 'message' || value === undefined) continue;
    properties[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return properties;
}
