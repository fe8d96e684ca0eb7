/**
 * A child process for the milestone job's kill test (tests/integration/milestoneFaults.test.ts):
 * builds the runtime as the Functions host does, against the test's local Cosmos DB server, and
 * runs the milestone job once for one tenant at one instant. The test kills it part-way.
 *
 *   MILESTONE_COSMOS_ENDPOINT  the local server (https://127.0.0.1:<port>/)
 *   MILESTONE_COSMOS_DATABASE  the test's database
 *   MILESTONE_CONNECTOR_URL    the fake Bot Connector the stored conversations point at (loopback only)
 *   MILESTONE_TENANT_ID        the tenant to run for
 *   MILESTONE_NOW              the job's instant (ISO 8601)
 *
 * Prints `started` once the runtime is built and `report <json>` when the job is done.
 */
import { loadConfig, localToolingEnv } from '../../functions/config';
import { createRuntime } from '../../functions/composition';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

async function main(): Promise<void> {
  const endpoint = required('MILESTONE_COSMOS_ENDPOINT');
  const database = required('MILESTONE_COSMOS_DATABASE');
  const connector = new URL(required('MILESTONE_CONNECTOR_URL'));
  const tenantId = required('MILESTONE_TENANT_ID');
  const now = new Date(required('MILESTONE_NOW'));
  // This process sends for real: make sure it can only reach a fake on this machine.
  if (connector.hostname !== '127.0.0.1' || !new URL(endpoint).hostname.startsWith('127.0.0.1')) {
    throw new Error('runMilestoneJob only runs against loopback services');
  }
  if (Number.isNaN(now.getTime())) throw new Error('MILESTONE_NOW is not a date');
  const runtime = await createRuntime(loadConfig(localToolingEnv({ LOG_LEVEL: 'warn' })), {
    cosmos: { kind: 'local', endpoint, database },
  });
  const stored = await runtime.stores.conversations.get(tenantId, 'personal:manager-0001');
  if (stored && (stored.reference as { serviceUrl?: string }).serviceUrl !== connector.origin) {
    throw new Error(`conversations of ${tenantId} do not point at ${connector.origin}`);
  }
  process.stdout.write('started\n');
  try {
    const report = await runtime.jobs.milestones({ now, tenantIds: [tenantId] });
    process.stdout.write(`report ${JSON.stringify(report)}\n`);
  } finally {
    await runtime.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
