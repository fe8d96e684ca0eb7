import type { InvocationContext } from '@azure/functions';
import type { JobsRuntime, Runtime } from './composition';
import { type Config, loadConfig } from './config';
import { withLogScope } from './logging';

let config: Config | undefined;
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
  return config;
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
    async () => (await import('./composition')).createJobsRuntime(config ?? loadHostConfig()),
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
 * Runs one invocation in the Functions host: every line logged while it runs goes to the
 * invocation's own log (the host's one path to Application Insights, under the invocation's
 * operation id) and carries its invocation id; the host's trace context stays with the scope.
 */
export function inInvocation<T>(context: InvocationContext, work: () => Promise<T>): Promise<T> {
  return withLogScope(
    {
      fields: { invocationId: context.invocationId },
      write: (level, line) => context[level](line),
      trace: context.traceContext,
    },
    work,
  );
}
