import type { InvocationContext, Timer } from '@azure/functions';
import type { Logger } from '../core/shared';
import type { Runtime } from './composition';
import { withLogScope } from './logging';

/** What every hourly job reports. */
interface JobReport {
  tenants: number;
  sends: Array<{ outcome: string }>;
  failedTenants: Array<{ tenantId: string; error: string }>;
}

/**
 * Runs one hourly job as of now and logs what it did, with the invocation id, so a timer
 * trigger is its schedule, its job and its registration and nothing else.
 */
export async function runTimerJob(
  runtime: Pick<Runtime, 'logger' | 'now'>,
  job: { name: string; label: string; run(now: Date, logger: Logger): Promise<JobReport> },
  timer: Timer,
  context: InvocationContext,
): Promise<void> {
  // The invocation id is the run's correlation id: every line of the run carries it, the job's
  // per-tenant failures, the ledger's and the messenger's retries included.
  const scope = { correlationId: context.invocationId, invocationId: context.invocationId, job: job.name };
  await withLogScope({ fields: scope }, async () => {
    const logger = runtime.logger.child({ job: job.name, invocationId: context.invocationId });
    const now = runtime.now();
    const report = await job.run(now, logger);
    const count = (outcome: string) => report.sends.filter((s) => s.outcome === outcome).length;
    logger.info(`${job.label} job ran`, {
      at: now.toISOString(),
      isPastDue: timer.isPastDue,
      tenants: report.tenants,
      sent: count('sent'),
      failed: count('failed'),
      gaveUp: count('gave-up'),
      deferred: count('deferred'),
      unreachable: count('unreachable'),
      failedTenants: report.failedTenants.length,
    });
    // Each failed tenant again under this invocation's id, so one search finds the run and its failures.
    for (const failed of report.failedTenants) {
      logger.error(`${job.label} job failed for a tenant`, {
        tenantId: failed.tenantId,
        reason: failed.error,
      });
    }
  });
}
