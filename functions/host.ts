import { createRuntime, type Runtime } from './composition';
import { loadConfig } from './config';

let runtime: Promise<Runtime> | undefined;

/**
 * The runtime of the Azure Functions host process, built on the first invocation from the app
 * settings. The Functions programming model registers handlers at import time, so this is the one
 * place a process-wide instance lives; tests and the local host build their own with createRuntime.
 */
export function hostRuntime(): Promise<Runtime> {
  runtime ??= createRuntime(loadConfig(process.env)).catch((error: unknown) => {
    runtime = undefined; // let the next invocation try again rather than caching the failure
    throw error;
  });
  return runtime;
}
