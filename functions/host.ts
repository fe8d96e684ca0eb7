import { createRuntime, type Runtime } from './composition';
import { type Config, loadConfig } from './config';

let config: Config | undefined;
let runtime: Promise<Runtime> | undefined;

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
 * The runtime of the Azure Functions host process, built on the first invocation from the
 * settings parsed at start. The Functions programming model registers handlers at import time, so
 * this is the one place a process-wide instance lives; tests and the local host build their own
 * with createRuntime.
 */
export function hostRuntime(): Promise<Runtime> {
  runtime ??= createRuntime(config ?? loadHostConfig()).catch((error: unknown) => {
    runtime = undefined; // let the next invocation try again rather than caching the failure
    throw error;
  });
  return runtime;
}
