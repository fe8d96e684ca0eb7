import type { TokenCredential } from '@azure/core-auth';
import { consoleSink, type LogSink } from '../logging';
import { createDeferredSink } from './deferredSink';
import type { ExporterSink, ExporterSinkOptions } from './exporterSink';

/** The app's telemetry: the sink its loggers write to and the exporter behind it. */
export interface AppTelemetry {
  /** The log sink: lines are kept until the exporter has started, then exported. */
  sink: LogSink;
  /**
   * Loads and starts the exporter, once; its batch processor then sends lines every second or so.
   * Never rejects, as {@link AppTelemetry.flush}.
   */
  start(): Promise<void>;
  /**
   * Starts the exporter if it has not started ({@link AppTelemetry.start}), then sends every line
   * logged so far. Never rejects: an exporter that cannot start sends its lines,
   * and the reason, to the console.
   */
  flush(): Promise<void>;
  /** Sends what is left and stops the exporter, if it was started. */
  shutdown(): Promise<void>;
}

/** What {@link createAppTelemetry} needs; the credential is built when the exporter starts. */
export type AppTelemetryOptions = Omit<ExporterSinkOptions, 'credential'> & {
  credential: () => Promise<TokenCredential>;
  /** Where lines go if the exporter cannot start; default the console. */
  fallback?: LogSink;
};

/**
 * Telemetry whose exporter (the Azure Monitor exporter and the OpenTelemetry SDK, a chunk of its
 * own in the bundle) is loaded by the first {@link AppTelemetry.start} or {@link AppTelemetry.flush},
 * which the Functions triggers call after they answer, so a cold start's first request never
 * waits for it. Every line
 * logged before then is kept with its invocation's trace context and exported once it starts.
 */
export function createAppTelemetry(options: AppTelemetryOptions): AppTelemetry {
  const { credential, fallback = consoleSink, ...exporterOptions } = options;
  const deferred = createDeferredSink({ fallback });
  let started: Promise<ExporterSink | undefined> | undefined;

  const start = () =>
    (started ??= (async () => {
      const { startExporterSink } = await import('./exporterSink');
      return startExporterSink({ ...exporterOptions, credential: await credential() });
    })().then(
      (exporter) => {
        deferred.start(exporter.write);
        return exporter;
      },
      (error: unknown) => {
        deferred.fail(error);
        return undefined;
      },
    ));

  return {
    sink: deferred.sink,
    async start() {
      await start();
    },
    async flush() {
      const exporter = await start();
      await exporter?.flush().catch((error: unknown) =>
        fallback('error', {
          time: new Date().toISOString(),
          level: 'error',
          message: 'telemetry could not be sent',
          reason: error instanceof Error ? error.message : String(error),
        }),
      );
    },
    async shutdown() {
      const exporter = await started;
      await exporter?.shutdown();
    },
  };
}
