/**
 * The Functions app's entry (package.json "main") as the host loads it: in a child process with
 * only the given environment, so a setting is checked at start, not on the first invocation.
 */
import { spawn } from 'node:child_process';
import { PROJECT_ROOT } from '../support/localApp';

jest.setTimeout(120_000);

/** Prints on stderr the options the entry passes to `app.setup`, then loads the entry. */
const RECORD_SETUP = [
  "const { app } = require('@azure/functions');",
  'const setup = app.setup;',
  "Object.defineProperty(app, 'setup', { value: (options) =>",
  "(process.stderr.write('setup ' + JSON.stringify(options) + '\\n'), setup(options)) });",
].join(' ');

/** Loads functions/index.ts in a fresh Node process with `env` (and PATH) only. */
function loadEntry(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const script = `${RECORD_SETUP} require('./functions/index.ts')`;
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('the Functions entry', () => {
  it('stops the start when a setting is malformed, naming it, before any invocation', async () => {
    const bad = await loadEntry({ MOMENTS_LOCAL: '1', DEFAULT_TIME_ZONE: 'Mars/Base' });
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain(
      'Moments cannot start: invalid configuration.\n  DEFAULT_TIME_ZONE: must be an IANA time zone such as Europe/London or UTC',
    );
  });

  it('stops the start without BOT_ID when the local tooling did not ask for anonymous mode', async () => {
    const anonymous = await loadEntry({ COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/' });
    expect(anonymous.code).not.toBe(0);
    expect(anonymous.stderr).toContain(
      'BOT_ID: required. Without it the bot accepts unauthenticated requests',
    );
  });

  it('loads with valid settings', async () => {
    const good = await loadEntry({ MOMENTS_LOCAL: '1' });
    expect(good.stderr).not.toMatch(/cannot start/);
    expect(good.code).toBe(0);
    // No telemetry of its own: the host sends the invocation's log lines.
    expect(good.stderr).not.toContain('WorkerOpenTelemetryEnabled');
  });

  it('tells the host not to send the log lines again when, in Azure, the app exports them', async () => {
    const azure = await loadEntry({
      WEBSITE_INSTANCE_ID: 'instance-1',
      BOT_TYPE: 'UserAssignedMSI',
      BOT_ID: '00000000-0000-4000-8000-0000000000b0',
      BOT_TENANT_ID: '00000000-0000-4000-8000-0000000000a0',
      COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/',
      APPLICATIONINSIGHTS_CONNECTION_STRING:
        'InstrumentationKey=00000000-0000-4000-8000-00000000a11c;IngestionEndpoint=https://127.0.0.1:9/',
    });
    expect(azure.code).toBe(0);
    expect(azure.stderr).toContain('setup {"capabilities":{"WorkerOpenTelemetryEnabled":true}}');
  });
});
