import type { InvocationContext } from '@azure/functions';
import type { JobsRuntime, Runtime } from './composition';
import { type Config, loadConfig } from './config';
import { createJsonLogger, withLogScope } from './logging';
import { createAppTelemetry, type AppTelemetry } from './telemetry/appTelemetry';

let config: Config | undefined;
let telemetry: AppTelemetry | undefined;
let jobsRuntime: Promise<JobsRuntime> | undefined;
let botRuntime: Promise<Runtime> | undefined;

/** Forgets a failed start, so that the next invocation tries again rather than caching the failure. */
function retryable<T>(start: () => Promise<T>, forget: () => void): Promise<T> {
  return start().catch((error: unknown) => {
    forget();
    throw error;
  });
}

/**
 * Parses the app settings as the Functions host loads the app (functions/index.ts calls it), so
 * a missing or malformed setting stops the start with a ConfigError naming it, rather than
 * failing the first message or timer an hour later.
 */
export function loadHostConfig(env: Record<string, string | undefined> = process.env): Config {
  config = loadConfig(env);
  telemetry = telemetryFor(config);
  return config;
}

/**
 * In Azure with a connection string, the app's own telemetry (functions/telemetry/): every line
 * goes to Application Insights through the Azure Monitor exporter, Entra-authenticated with the
 * app's managed identity (the user-assigned one named by `AZURE_CLIENT_ID`, as Graph and Cosmos DB
 * use). Elsewhere none: lines go to the console.
 */
export function telemetryFor(config: Config): AppTelemetry | undefined {
  const connectionString = config.appInsightsConnectionString;
  if (!config.deployed || !connectionString) return undefined;
  return createAppTelemetry({
    connectionString,
    credential: async () => {
      const { ManagedIdentityCredential } = await import('@azure/identity');
      return config.azureClientId
        ? new ManagedIdentityCredential({ clientId: config.azureClientId })
        : new ManagedIdentityCredential();
    },
  });
}

/** True when the app sends its own log lines to Application Insights (set by {@link loadHostConfig}). */
export const hostExportsTelemetry = (): boolean => telemetry !== undefined;

/** Sends the lines still batched and stops the app's telemetry (as the worker stops). */
export const shutdownHostTelemetry = async (): Promise<void> => telemetry?.shutdown();

/** The logger of the host's runtimes: to the app's telemetry in Azure, else the console. */
function hostLogger(config: Config) {
  return createJsonLogger({
    level: config.logLevel,
    fields: { app: 'moments' },
    ...(telemetry ? { sink: telemetry.sink } : {}),
  });
}

/**
 * The runtime of the Azure Functions host process without the bot, built on the first invocation
 * from the settings parsed at start: what the timers run on. The composition root is imported here, not at
 * start, so that registering the triggers loads nothing but the triggers. The Functions
 * programming model registers handlers at import time, so this is the one place a process-wide
 * instance lives; tests and the local host build their own with createRuntime.
 */
export function hostJobsRuntime(): Promise<JobsRuntime> {
  jobsRuntime ??= retryable(
    async () => {
      const settings = config ?? loadHostConfig();
      return (await import('./composition')).createJobsRuntime(settings, { logger: hostLogger(settings) });
    },
    () => (jobsRuntime = undefined),
  );
  return jobsRuntime;
}

/** The host's runtime with the bot (the bot endpoint's), sharing the jobs' clients and messenger. */
export function hostRuntime(): Promise<Runtime> {
  botRuntime ??= retryable(
    async () => (await import('./composition')).withBot(await hostJobsRuntime()),
    () => (botRuntime = undefined),
  );
  return botRuntime;
}

/**
 * Runs one invocation in the Functions host: every line logged while it runs carries its
 * invocation id and the host's trace context, whose trace id is the invocation's operation id in
 * Application Insights. With the app's telemetry, lines are exported by the app (the host, in
 * OpenTelemetry mode with the worker's capability set, sends only its request records): after
 * an HTTP answer the exporter is started if it has not been, in the background, and its batch
 * processor sends the lines within a second or so, so the caller is not kept waiting; a timer
 * waits for its lines to be sent (`flush`), since an idle instance may be stopped soon after.
 * Without telemetry the invocation's own log (`context.info`, …) is the path, as outside Azure
 * the console is.
 */
export async function inInvocation<T>(
  context: InvocationContext,
  work: () => Promise<T>,
  options: { flush?: boolean; telemetry?: AppTelemetry } = {},
): Promise<T> {
  const exporter = 'telemetry' in options ? options.telemetry : telemetry;
  const scope = { fields: { invocationId: context.invocationId }, trace: context.traceContext };
  try {
    return await withLogScope(
      exporter ? scope : { ...scope, write: (level, line) => context[level](line) },
      work,
    );
  } finally {
    if (exporter && options.flush) await exporter.flush();
    else if (exporter) setImmediate(() => void exporter.start());
  }
}
