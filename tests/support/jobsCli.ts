import { spawn } from 'node:child_process';
import { PROJECT_ROOT } from './localApp';

/** What a run of the jobs CLI printed and how it exited. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the jobs CLI as `npm run job --` does (`npx tsx functions/dev/jobs/cli.ts …`) in the project
 * root, on the local data in `dataDir` and no Cosmos account configured.
 */
export function runJobsCli(dataDir: string, ...args: string[]): Promise<CliRun> {
  return runJobsCliWith({ dataDir }, ...args);
}

/** {@link runJobsCli} with extra environment, e.g. `MOMENTS_ADMINS`. */
export function runJobsCliWith(
  options: { dataDir: string; env?: Record<string, string> },
  ...args: string[]
): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, LOCAL_DATA_DIR: options.dataDir };
  for (const name of [
    'COSMOS_ENDPOINT',
    'COSMOS_KEY',
    'COSMOS_DATABASE',
    'LOG_LEVEL',
    'INIT_CWD',
    'MOMENTS_ADMINS',
  ])
    delete env[name];
  Object.assign(env, options.env);
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'functions/dev/jobs/cli.ts', ...args], {
      cwd: PROJECT_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}
