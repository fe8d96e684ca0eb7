/**
 * The app's one path to Application Insights: an OpenTelemetry LoggerProvider whose batch
 * processor feeds the Azure Monitor log exporter, Entra-authenticated. This module is imported
 * only through {@link startExporterSink}'s callers' dynamic `import()`, so the exporter and the
 * OpenTelemetry SDK are a chunk of their own, loaded off the request path.
 */
import type { TokenCredential } from '@azure/core-auth';
import { createTraceState, ROOT_CONTEXT, trace, type Context } from '@opentelemetry/api';
import { BatchLogRecordProcessor, LoggerProvider } from '@opentelemetry/sdk-logs';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { AzureMonitorLogExporter } from '@azure/monitor-opentelemetry-exporter';
import type { TracedSink } from './deferredSink';
import { toTelemetryRecords, type TelemetryRecord } from './traceRecord';

/** What the exporter is given. */
export interface ExporterSinkOptions {
  connectionString: string;
  /** The identity ingestion is authenticated with (the app's managed identity in Azure). */
  credential: TokenCredential;
  /** The cloud role name every record carries (`AppRoleName`). */
  serviceName?: string;
  /** TLS settings of the ingestion client: the local endpoint's certificate in tests, nothing in Azure. */
  tlsOptions?: { ca?: string };
}

/** A started exporter: where traced lines go, and how to send what is batched. */
export interface ExporterSink {
  write: TracedSink;
  /** Sends every record emitted so far. */
  flush(): Promise<void>;
  /** Sends what is left and stops. */
  shutdown(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** True when the connection string's ingestion endpoint is this machine (the tests' endpoint). */
export function isLoopbackIngestion(connectionString: string): boolean {
  const endpoint = /(?:^|;)\s*IngestionEndpoint=([^;]+)/i.exec(connectionString)?.[1];
  if (!endpoint) return false;
  try {
    return LOOPBACK_HOSTS.has(new URL(endpoint.trim()).hostname);
  } catch {
    return false;
  }
}

/** The record's parent span as an OpenTelemetry context, so the exporter tags its operation id. */
function contextOf(record: TelemetryRecord): Context {
  if (!record.parent) return ROOT_CONTEXT;
  const { traceId, spanId, traceFlags, traceState } = record.parent;
  return trace.setSpanContext(ROOT_CONTEXT, {
    traceId,
    spanId,
    traceFlags,
    isRemote: true,
    ...(traceState ? { traceState: createTraceState(traceState) } : {}),
  });
}

/**
 * Starts the exporter. Against a loopback endpoint nothing else leaves the machine: no offline
 * storage on disk and no statsbeat (the exporter's own usage metrics, sent to Microsoft's
 * endpoints and switched off only by an environment variable it reads as it is built). The
 * exporter also polls its remote configuration service a few seconds after it is built, which no
 * option turns off: the tests replace that poller.
 */
export function startExporterSink(options: ExporterSinkOptions): ExporterSink {
  const loopback = isLoopbackIngestion(options.connectionString);
  if (loopback) process.env.APPLICATION_INSIGHTS_NO_STATSBEAT ??= 'true';
  const exporter = new AzureMonitorLogExporter({
    connectionString: options.connectionString,
    credential: options.credential,
    ...(loopback ? { disableOfflineStorage: true } : {}),
    ...(options.tlsOptions ? { tlsOptions: options.tlsOptions } : {}),
  });
  const provider = new LoggerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName ?? 'moments' }),
    processors: [new BatchLogRecordProcessor({ exporter })],
  });
  const logger = provider.getLogger('moments');
  const emit = (record: TelemetryRecord) =>
    logger.emit({
      timestamp: record.timestamp,
      body: record.body,
      severityNumber: record.severityNumber,
      severityText: record.severityText,
      attributes: record.attributes,
      context: contextOf(record),
    });
  return {
    write(line) {
      const { trace: traceRecord, exception } = toTelemetryRecords(line);
      emit(traceRecord);
      if (exception) emit(exception);
    },
    flush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
}
